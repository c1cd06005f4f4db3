import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocIds, mergeDocIds } from '../../src/analyze/corpus.js';

/** The order compareDocIds promises, written the plain way: runs of digits as numbers, then fewer runs, then code units. */
function plainOrder(a: string, b: string): number {
  const na = (a.match(/\d+/g) ?? []).map(Number);
  const nb = (b.match(/\d+/g) ?? []).map(Number);
  for (let i = 0; i < Math.min(na.length, nb.length); i++) {
    const d = (na[i] as number) - (nb[i] as number);
    if (d !== 0) return d;
  }
  return na.length - nb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Ids like the loader's: d3, d3.2, d3:7, d3:t1:p12#4, and some noise. */
const id = fc.oneof(
  fc.tuple(fc.nat(40), fc.option(fc.nat(12)), fc.option(fc.nat(30)), fc.option(fc.nat(9))).map(([d, row, p, s]) => `d${d}${row === null ? '' : `.${row}`}${p === null ? '' : `:${p}`}${s === null ? '' : `#${s}`}`),
  fc.string({ maxLength: 8 }),
);

describe('compareDocIds', () => {
  it('orders ids by their numbers: d2 before d10, d3:9 before d3:10, d3 before d3.1', () => {
    expect(['d10', 'd2', 'd3:10', 'd3:9', 'd3.1', 'd3', 'd1#2', 'd1#10'].sort(compareDocIds)).toEqual(['d1#2', 'd1#10', 'd2', 'd3', 'd3.1', 'd3:9', 'd3:10', 'd10']);
  });

  it('agrees in sign with the plain definition, and is 0 only for equal ids', () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(Math.sign(compareDocIds(a, b))).toBe(Math.sign(plainOrder(a, b)));
        expect(compareDocIds(a, b) === 0).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mergeDocIds', () => {
  it('gives the sorted union of two sorted lists without repeats', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id), fc.uniqueArray(id), (xs, ys) => {
        const a = [...xs].sort(compareDocIds);
        const b = [...ys].sort(compareDocIds);
        expect(mergeDocIds(a, b)).toEqual([...new Set([...a, ...b])].sort(compareDocIds));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same for lists out of order or with repeats', () => {
    fc.assert(
      fc.property(fc.array(id), fc.array(id), (a, b) => {
        expect(mergeDocIds(a, b)).toEqual([...new Set([...a, ...b])].sort(compareDocIds));
        const sa = [...a].sort(compareDocIds);
        const sb = [...b].sort(compareDocIds);
        expect(mergeDocIds(sa, sb)).toEqual([...new Set([...a, ...b])].sort(compareDocIds));
      }),
      { numRuns: 500 },
    );
  });
});
