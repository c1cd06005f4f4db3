import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountedUnit } from '../../src/analyze/corpus.js';
import { countNgrams, mergeNgramCounts, ngramCounts, ngramRange, ngramsFromCounts, NGRAM_KEY_SEPARATOR, type NgramRow } from '../../src/analyze/ngrams.js';
import type { TermOcc } from '../../src/text/types.js';
import { allNumbers, deepFreeze, unit, type Tok } from './helpers.js';

const S = NGRAM_KEY_SEPARATOR;
const displays = (rows: NgramRow[]): string[] => rows.map((r) => r.display).sort();
const close = (a: number | null, b: number): void => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-6);
};

describe('ngramCounts rules', () => {
  it('stopwords inside but never at either end', () => {
    const u = [unit('u', 'd', [['responsibility', 'to*', 'protect'], ['protection', 'of*', 'civilians']])];
    expect(displays(ngramCounts(u, { n: 2, strict: false, minCount: 1 }).rows)).toEqual([]);
    expect(displays(ngramCounts(u, { n: 3, strict: false, minCount: 1 }).rows)).toEqual(['protection of civilians', 'responsibility to protect']);
    expect(displays(ngramCounts(u, { n: 3, strict: true, minCount: 1 }).rows)).toEqual([]);
  });

  it('numbers inside or at the end, never at the start', () => {
    const u = [unit('u', 'd', [['agenda', '2030#', 'goals'], ['2030#', 'agenda'], ['resolution', '2334#']])];
    expect(displays(ngramCounts(u, { n: [2, 3], strict: true, minCount: 1 }).rows)).toEqual([
      'agenda 2030',
      'agenda 2030 goals',
      'resolution 2334',
    ]);
  });

  it('never bridges a gap, a sentence end or a unit end', () => {
    const u = [unit('u1', 'd', [['a', 'b', null, 'c'], ['d', 'e']]), unit('u2', 'd', [['f']])];
    expect(displays(ngramCounts(u, { n: [2, 5], strict: false, minCount: 1 }).rows)).toEqual(['a b', 'd e']);
  });

  it('a compound is one token; keys cannot collide', () => {
    const u = [unit('u', 'd', [['united nations', 'security', 'council'], ['united', 'nations security', 'council']])];
    const res = ngramCounts(u, { n: 2, strict: false, minCount: 1 });
    const keys = res.rows.map((r) => r.key).sort();
    expect(keys).toEqual([`nations security${S}council`, `security${S}council`, `united nations${S}security`, `united${S}nations security`].sort());
    const row = res.rows.find((r) => r.key === `united nations${S}security`)!;
    expect(row.display).toBe('united nations security');
    expect(row.terms).toEqual(['united nations', 'security']);
    expect(res.rows.find((r) => r.key === `united${S}nations security`)!.display).toBe('united nations security');
  });

  it('ranges, minCount and sort by count then key', () => {
    const u = [unit('u', 'd', [['a', 'b', 'c'], ['a', 'b', 'c'], ['b', 'c']])];
    const res = ngramCounts(u, { n: [2, 3], strict: false, minCount: 2 });
    expect(res.rows.map((r) => [r.display, r.count, r.rank, r.n])).toEqual([
      ['b c', 3, 1, 2],
      ['a b', 2, 2, 2],
      ['a b c', 2, 2, 3],
    ]);
    expect(res.types).toBe(3);
    expect(res.occurrences).toBe(7);
    expect(res.tokens).toBe(8);
    expect(ngramCounts(u, { n: [2, 3], strict: false, minCount: 2, top: 1 }).rows).toHaveLength(1);
  });

  it('rejects sizes outside 2..5', () => {
    expect(() => ngramRange(1)).toThrow(RangeError);
    expect(() => ngramRange(6)).toThrow(RangeError);
    expect(() => ngramRange([3, 2])).toThrow(RangeError);
    expect(() => ngramRange(2.5)).toThrow(RangeError);
    expect(ngramRange([2, 5])).toEqual([2, 5]);
  });
});

describe('bigram measures', () => {
  // O11 = 20 ("w1 w2"), f(w1) = 50, f(w2) = 40, N = 10,000 non-null tokens.
  const sentences: Tok[][] = [];
  for (let i = 0; i < 20; i++) sentences.push(['w1', 'w2']);
  for (let i = 0; i < 30; i++) sentences.push(['w1', 'x*']);
  for (let i = 0; i < 20; i++) sentences.push(['y*', 'w2']);
  const filler: Tok[] = [];
  for (let i = 0; i < 10000 - 140; i++) filler.push(i % 2 === 0 ? 'f*' : null);
  sentences.push(filler); // nulls are not tokens
  for (let i = 0; i < (10000 - 140) / 2; i++) sentences.push(['g*']);
  const data = [unit('u', 'd', sentences)];

  it('match the ALGORITHMS.md worked values', () => {
    const res = ngramCounts(data, { n: 2, strict: false, minCount: 1 });
    expect(res.tokens).toBe(10000);
    expect(res.rows).toHaveLength(1);
    const r = res.rows[0]!;
    expect([r.display, r.count, r.f1, r.f2]).toEqual(['w1 w2', 20, 50, 40]);
    close(r.expected, 0.2);
    close(r.pmi, 6.643856);
    close(r.tScore, 4.427415);
    close(r.logDice, 12.830075);
    close(r.g2, 165.911899);
  });

  it('measure sorts put bigrams first and longer n-grams after by count', () => {
    const u = [unit('u', 'd', [['a', 'b', 'c'], ['a', 'b', 'c'], ['d', 'e'], ['d', 'e'], ['x', 'a', 'q', 'd'], ['x', 'a', 'q', 'd']])];
    const res = ngramCounts(u, { n: [2, 3], strict: false, minCount: 2, sort: 'pmi' });
    const bigrams = res.rows.filter((r) => r.n === 2);
    expect(res.rows.slice(0, bigrams.length)).toEqual(bigrams);
    for (let i = 1; i < bigrams.length; i++) expect(bigrams[i - 1]!.pmi!).toBeGreaterThanOrEqual(bigrams[i]!.pmi!);
    expect(res.rows[0]!.display).toBe('b c'); // f(b) = f(c) = 2, while f(d) = 4
    for (const r of res.rows.filter((x) => x.n === 3)) expect([r.pmi, r.g2, r.tScore, r.logDice, r.f1]).toEqual([null, null, null, null, null]);
    for (const sort of ['g2', 'tscore', 'logdice', 'count'] as const) {
      const rows = ngramCounts(u, { n: [2, 3], strict: false, minCount: 2, sort }).rows;
      expect(rows).toHaveLength(res.rows.length);
      expect(JSON.stringify(rows)).toBe(JSON.stringify(ngramCounts(u, { n: [2, 3], strict: false, minCount: 2, sort }).rows));
    }
  });
});

describe('ngram edge cases', () => {
  it('empty input', () => {
    const res = ngramCounts([], { n: [2, 3], strict: false, minCount: 2 });
    expect(res.rows).toEqual([]);
    expect([res.tokens, res.types, res.occurrences]).toEqual([0, 0, 0]);
    expect(allNumbers(res).every(Number.isFinite)).toBe(true);
  });
  it('one unit', () => {
    const res = ngramCounts([unit('u', 'd', [['peace', 'peace', 'peace']])], { n: 2, strict: false, minCount: 1 });
    expect(res.rows.map((r) => [r.display, r.count, r.rank])).toEqual([['peace peace', 2, 1]]);
    // f(w1) = f(w2) = N = 3: a degenerate table, still finite.
    expect(allNumbers(res).every(Number.isFinite)).toBe(true);
  });
  it('is deterministic and does not mutate its input', () => {
    const u = deepFreeze([unit('u', 'd', [['a', 'b', 'c', 'a', 'b']]), unit('v', 'e', [['c', 'a', 'b']])]);
    const a = ngramCounts(u, { n: [2, 4], strict: false, minCount: 1, sort: 'g2' });
    const b = ngramCounts(u, { n: [2, 4], strict: false, minCount: 1, sort: 'g2' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(b);
  });
});

// --- properties ---------------------------------------------------------------------------------

const tokArb: fc.Arbitrary<Tok> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c', 'a b') },
  { weight: 2, arbitrary: fc.constantFrom('of*', 'to*') },
  { weight: 1, arbitrary: fc.constant('7#') },
  { weight: 1, arbitrary: fc.constant(null) },
);
const unitsArb: fc.Arbitrary<CountedUnit[]> = fc
  .array(fc.array(fc.array(tokArb, { maxLength: 9 }), { maxLength: 3 }), { maxLength: 6 })
  .map((us) => us.map((sentences, i) => unit(`u${i}`, `d${i >> 1}`, sentences)));
const rangeArb = fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 3 })).map(([lo, extra]) => [lo, Math.min(5, lo + extra)] as [number, number]);

/** Naive recount: every window of every sentence of every unit, checked against the rules. */
function naive(units: CountedUnit[], [lo, hi]: [number, number], strict: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) {
    for (const s of u.stream.sentences) {
      for (let n = lo; n <= hi; n++) {
        for (let i = 0; i + n <= s.length; i++) {
          const w = s.slice(i, i + n);
          if (w.some((t) => t === null)) continue;
          const ts = w as TermOcc[];
          if (ts[0]!.stop || ts[0]!.number || ts[n - 1]!.stop) continue;
          if (strict && ts.some((t) => t.stop)) continue;
          const key = ts.map((t) => t.term).join(S);
          out.set(key, (out.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return out;
}

describe('ngram properties', () => {
  it('counts equal a naive recount, and every n-gram lies contiguously in one sentence of one unit', () => {
    fc.assert(
      fc.property(unitsArb, rangeArb, fc.boolean(), (units, range, strict) => {
        const res = ngramCounts(units, { n: range, strict, minCount: 1 });
        const want = naive(units, range, strict);
        expect(new Map(res.rows.map((r) => [r.key, r.count]))).toEqual(want);
        for (const r of res.rows) {
          const found = units.some((u) =>
            u.stream.sentences.some((s) =>
              s.some((_, i) => r.terms.every((t, k) => s[i + k] !== null && s[i + k] !== undefined && s[i + k]!.term === t)),
            ),
          );
          expect(found).toBe(true);
          expect(r.n).toBe(r.terms.length);
          expect(r.n >= range[0] && r.n <= range[1]).toBe(true);
        }
        expect(res.tokens).toBe(units.reduce((s, u) => s + u.stream.sentences.flat().filter((t) => t !== null).length, 0));
        expect(allNumbers(res).every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('concatenating two units never creates an n-gram across them', () => {
    fc.assert(
      fc.property(unitsArb, rangeArb, (units, range) => {
        const separate = ngramCounts(units, { n: range, strict: false, minCount: 1 });
        const perUnitSum = new Map<string, number>();
        for (const u of units) for (const r of ngramCounts([u], { n: range, strict: false, minCount: 1 }).rows) perUnitSum.set(r.key, (perUnitSum.get(r.key) ?? 0) + r.count);
        expect(new Map(separate.rows.map((r) => [r.key, r.count]))).toEqual(perUnitSum);
      }),
    );
  });

  it('merging counts from two halves equals counting the whole', () => {
    fc.assert(
      fc.property(unitsArb, fc.nat(), rangeArb, fc.constantFrom('count', 'pmi', 'g2', 'tscore', 'logdice') as fc.Arbitrary<'count'>, (units, cut, range, sort) => {
        const k = cut % (units.length + 1);
        const opts = { n: range, strict: false };
        const merged = mergeNgramCounts(countNgrams(units.slice(0, k), opts), JSON.parse(JSON.stringify(countNgrams(units.slice(k), opts))));
        const whole = ngramCounts(units, { ...opts, minCount: 1, sort });
        expect(JSON.stringify(ngramsFromCounts(merged, { minCount: 1, sort }))).toBe(JSON.stringify(whole));
      }),
    );
  });

  it('rows are in sort order with "min" ranks', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const rows = ngramCounts(units, { n: [2, 3], strict: false, minCount: 1 }).rows;
        for (let i = 1; i < rows.length; i++) {
          const [p, r] = [rows[i - 1]!, rows[i]!];
          expect(p.count > r.count || (p.count === r.count && p.key < r.key)).toBe(true);
          expect(r.rank).toBe(p.count === r.count ? p.rank : i + 1);
        }
      }),
    );
  });
});

it('mergeNgramCounts refuses counts made with different options', () => {
  expect(() => mergeNgramCounts(countNgrams([], { n: 2, strict: false }), countNgrams([], { n: 3, strict: false }))).toThrow(RangeError);
});
