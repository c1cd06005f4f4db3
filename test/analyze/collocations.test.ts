import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { g2Collocation, logDice, pmi, tScore } from '../../src/analyze/association.js';
import { collocates, type CollocateRow } from '../../src/analyze/collocations.js';
import type { CountedUnit } from '../../src/analyze/corpus.js';
import type { TermOcc } from '../../src/text/types.js';
import { allNumbers, deepFreeze, unit, type Tok } from './helpers.js';

const data: CountedUnit[] = [
  unit('u1', 'd0', [['a', 'the*', 'node', 'b', null, 'c', 'node', 'a'], ['b', 'node']]),
  unit('u2', 'd0', [['node', 'a', '5#', 'b']]),
];

const byTerm = (rows: CollocateRow[]): Record<string, [number, number, number, number]> =>
  Object.fromEntries(rows.map((r) => [r.term, [r.count, r.left, r.right, r.frequency]]));

describe('collocates', () => {
  it('counts a ±window within sentences, skipping gaps, excluding stopwords, numbers and the node', () => {
    const res = collocates(data, 'node', { window: 2, minCount: 1 });
    expect([res.node, res.nodeFrequency, res.windowPositions, res.tokens]).toEqual(['node', 4, 10, 13]);
    expect(byTerm(res.rows)).toEqual({ a: [3, 1, 2, 3], b: [3, 2, 1, 3], c: [2, 1, 1, 1] });
    for (const r of res.rows) {
      expect(r.expected).toBeCloseTo((10 * r.frequency) / 13, 12);
      expect(r.pmi).toBe(pmi(r.count, 10, r.frequency, 13));
      expect(r.tScore).toBe(tScore(r.count, 10, r.frequency, 13));
      expect(r.g2).toBe(g2Collocation(r.count, 10, r.frequency, 13));
      expect(r.logDice).toBe(logDice(r.count, 4, r.frequency));
    }
    expect(allNumbers(res).every(Number.isFinite)).toBe(true);
    expect(res.params).toMatchObject({ window: 2, left: 2, right: 2, gaps: 'skip', sort: 'g2' });
  });

  it("gaps: 'stop' ends the window at a gap", () => {
    const res = collocates(data, 'node', { window: 2, minCount: 1, gaps: 'stop' });
    expect(res.windowPositions).toBe(8);
    expect(byTerm(res.rows)).toEqual({ a: [3, 1, 2, 3], b: [2, 1, 1, 3], c: [1, 1, 0, 1] });
  });

  it('asymmetric windows and a predicate node', () => {
    const res = collocates(data, (t: TermOcc) => t.term === 'node', { window: 5, left: 0, right: 1, minCount: 1, label: 'node*' });
    expect(res.node).toBe('node*');
    expect(byTerm(res.rows)).toEqual({ a: [2, 0, 2, 3], b: [1, 0, 1, 3] });
    expect(res.windowPositions).toBe(3);
  });

  it('E11 = R1 · C1 · span / N when no window is cut short (WordSmith)', () => {
    const s: Tok[] = ['x', 'y', 'node', 'y', 'z', 'q', 'q', 'q', 'y', 'x', 'node', 'z', 'x', 'q'];
    const res = collocates([unit('u', 'd', [s])], 'node', { window: 2, minCount: 1, sort: 'count' });
    expect(res.windowPositions).toBe(2 * 4);
    for (const r of res.rows) expect(r.expected).toBeCloseTo((2 * r.frequency * 4) / s.length, 12);
  });

  it('never crosses a sentence or unit end', () => {
    const res = collocates([unit('u1', 'd', [['a'], ['node'], ['b']]), unit('u2', 'd', [['c']])], 'node', { window: 5, minCount: 1 });
    expect(res.rows).toEqual([]);
    expect(res.windowPositions).toBe(0);
  });

  it('sorts by the chosen measure, then term, with "min" ranks; minCount and top', () => {
    for (const sort of ['g2', 'count', 'pmi', 'tscore', 'logdice'] as const) {
      const rows = collocates(data, 'node', { window: 2, minCount: 1, sort }).rows;
      const key = (r: CollocateRow): number => ({ g2: r.g2, count: r.count, pmi: r.pmi, tscore: r.tScore, logdice: r.logDice })[sort];
      for (let i = 1; i < rows.length; i++) {
        const [p, r] = [rows[i - 1]!, rows[i]!];
        expect(key(p) > key(r) || (key(p) === key(r) && p.term < r.term)).toBe(true);
        expect(r.rank).toBe(key(p) === key(r) ? p.rank : i + 1);
      }
    }
    expect(collocates(data, 'node', { window: 2, minCount: 1, sort: 'count' }).rows.map((r) => [r.term, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
    expect(collocates(data, 'node', { window: 2, minCount: 3 }).rows.map((r) => r.term).sort()).toEqual(['a', 'b']);
    expect(collocates(data, 'node', { window: 2, minCount: 1, top: 1 }).rows).toHaveLength(1);
  });

  it('rejects a negative or fractional window', () => {
    expect(() => collocates(data, 'node', { window: -1, minCount: 1 })).toThrow(RangeError);
    expect(() => collocates(data, 'node', { window: 2, right: 1.5, minCount: 1 })).toThrow(RangeError);
  });

  it('empty input, one unit, and an absent node give finite empty results', () => {
    for (const units of [[], [unit('u', 'd', [['peace', 'security']])]]) {
      const res = collocates(units, 'node', { window: 5, minCount: 1 });
      expect(res.rows).toEqual([]);
      expect(res.nodeFrequency).toBe(0);
      expect(allNumbers(res).every(Number.isFinite)).toBe(true);
    }
    const one = collocates([unit('u', 'd', [['node', 'peace']])], 'node', { window: 5, minCount: 1 });
    expect(byTerm(one.rows)).toEqual({ peace: [1, 0, 1, 1] });
    expect(allNumbers(one).every(Number.isFinite)).toBe(true);
  });

  it('is deterministic and does not mutate its input', () => {
    const frozen = deepFreeze(structuredClone(data));
    const a = collocates(frozen, 'node', { window: 3, minCount: 1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(collocates(frozen, 'node', { window: 3, minCount: 1 })));
    expect(frozen).toEqual(data);
  });
});

const tokArb: fc.Arbitrary<Tok> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('node', 'a', 'b') },
  { weight: 1, arbitrary: fc.constantFrom('of*', '3#') },
  { weight: 1, arbitrary: fc.constant(null) },
);
const unitsArb = fc
  .array(fc.array(fc.array(tokArb, { maxLength: 10 }), { maxLength: 3 }), { maxLength: 4 })
  .map((us) => us.map((s, i) => unit(`u${i}`, 'd', s)));

describe('collocate properties', () => {
  it('counts equal a naive pairwise recount and every number is finite', () => {
    fc.assert(
      fc.property(unitsArb, fc.nat(4), fc.nat(4), fc.constantFrom('skip', 'stop') as fc.Arbitrary<'skip' | 'stop'>, (units, left, right, gaps) => {
        const res = collocates(units, 'node', { window: 9, left, right, minCount: 1, gaps });
        const want = new Map<string, [number, number]>();
        let W = 0;
        for (const u of units) {
          for (const s of u.stream.sentences) {
            const segs: TermOcc[][] = gaps === 'skip' ? [s.filter((t): t is TermOcc => t !== null)] : [];
            if (gaps === 'stop') {
              let cur: TermOcc[] = [];
              for (const t of s) {
                if (t === null) {
                  segs.push(cur);
                  cur = [];
                } else cur.push(t);
              }
              segs.push(cur);
            }
            for (const seg of segs) {
              seg.forEach((x, i) => {
                if (x.term !== 'node') return;
                seg.forEach((y, j) => {
                  const d = j - i;
                  if (d === 0 || d < -left || d > right) return;
                  W++;
                  if (y.term === 'node' || y.stop || y.number) return;
                  const e = want.get(y.term) ?? [0, 0];
                  e[d < 0 ? 0 : 1]++;
                  want.set(y.term, e);
                });
              });
            }
          }
        }
        expect(res.windowPositions).toBe(W);
        expect(new Map(res.rows.map((r) => [r.term, [r.left, r.right]]))).toEqual(want);
        expect(allNumbers(res).every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
