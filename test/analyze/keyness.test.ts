/** The vocabulary diff (`speeches diff`): worked values, symmetry, filters, priors, counting jobs and evidence. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correctP,
  countDiffDoc,
  diffAccumulator,
  diffSides,
  emptySide,
  evidenceUnits,
  featureKey,
  findEvidence,
  keynessScores,
  mergeDiffCounts,
  referencePrior,
  unitMatches,
  vocabularySummary,
  type DiffCounts,
  type DiffJobArgs,
  type DiffOptions,
  type DiffResult,
  type DiffRow,
  type PriorModel,
  type ReferenceLike,
  type SideCounts,
} from '../../src/analyze/keyness.js';
import { NGRAM_KEY_SEPARATOR } from '../../src/analyze/ngrams.js';
import { parseDocument } from '../../src/load/document.js';
import type { SpeechDocument } from '../../src/model/types.js';
import { allNumbers, deepFreeze } from './helpers.js';

const close = (actual: number, expected: number, tol = 1e-6): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
};

const OPTS: DiffOptions = { measure: 'fw', minCount: 1, correct: 'bh', p: null, only: false, top: null, alpha0: 1000, ngrams: [1, 1] };

/** A side from term → count (each term in one unit per occurrence up to `units`, one document). */
function side(counts: Record<string, number>, extra: Partial<SideCounts> = {}): SideCounts {
  const s = emptySide();
  for (const [t, c] of Object.entries(counts)) {
    if (t.includes(NGRAM_KEY_SEPARATOR)) {
      s.phrases.push(t);
      s.phraseCounts.push(c);
      s.phraseUnits.push(Math.min(c, 3));
      s.phraseDocs.push(1);
    } else {
      s.terms.push(t);
      s.counts.push(c);
      s.unitCounts.push(Math.min(c, 3));
      s.docCounts.push(1);
      s.tokens += c;
    }
  }
  s.units = 3;
  s.files = ['x.txt'];
  return { ...s, ...extra };
}

/** A fake reference model: counts per key over `tokens` positions, floor 0.5 when unseen. */
function fakeReference(counts: Record<string, number>, tokens = 1_000_000): ReferenceLike {
  return {
    source: 'test',
    phrase: (terms) => {
      const c = counts[terms.join('_')];
      return c === undefined ? null : { count: c, df: 1 };
    },
    expectedRate: (terms) => (counts[terms.join('_')] ?? 0.5) / tokens,
  };
}

describe('keynessScores: ALGORITHMS.md worked values (B is the target: 30 of 10,000; A the reference: 10 of 20,000)', () => {
  const s = keynessScores(10, 30, 20000, 10000, 0.5, 500);
  it('G² (4-cell) = 29.080962, p ≈ 6.94e-8', () => {
    close(s.g2, 29.080962);
    close(s.pG2 * 1e8, 6.94, 0.01);
  });
  it('log ratio = 2.584963', () => close(s.logRatio, 2.584963));
  it("Fightin' Words δ = 1.737798, z = 4.856818 (α_w = 0.5, α0 = 500)", () => {
    close(s.delta, 1.737798);
    close(s.z, 4.856818);
    close(s.variance, 1 / 30.5 + 1 / 10.5);
  });
  it('sign is + (B uses it more)', () => expect(s.sign).toBe(1));
  it('the same counts the other way round flip every sign, exactly', () => {
    const r = keynessScores(30, 10, 10000, 20000, 0.5, 500);
    expect(r.g2).toBe(-s.g2);
    expect(r.logRatio).toBe(-s.logRatio);
    expect(r.delta).toBe(-s.delta);
    expect(r.z).toBe(-s.z);
    expect(r.sign).toBe(-1);
    expect(r.pG2).toBe(s.pG2);
    expect(r.pZ).toBe(s.pZ);
  });
  it('zero counts: log ratio reads 0 as 0.5; nothing is NaN or infinite', () => {
    close(keynessScores(0, 4, 100, 100, 0.01, 10).logRatio, Math.log2(4 / 0.5));
    for (const args of [
      [0, 0, 0, 0, 0, 0],
      [0, 5, 0, 100, 0.1, 10],
      [5, 0, 100, 0, 0.1, 10],
      [3, 3, 3, 3, 0, 0],
    ] as const) {
      for (const v of Object.values(keynessScores(...args))) expect(Number.isFinite(v)).toBe(true);
    }
  });
  it('equal rates: every score 0, p 1', () => {
    const e = keynessScores(7, 7, 500, 500, 0.3, 1000);
    expect([e.sign, e.logRatio, e.g2, e.delta, e.z, e.pG2, e.pZ]).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });
});

describe('correctP', () => {
  it('Benjamini–Hochberg and Bonferroni as R p.adjust', () => {
    const ps = [0.01, 0.04, 0.03, 0.005];
    expect(correctP(ps, 'bonferroni')).toEqual([0.04, 0.16, 0.12, 0.02]);
    const bh = correctP(ps, 'bh');
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => close(bh[i] as number, v, 1e-12));
    expect(correctP(ps, 'none')).toEqual(ps);
  });
});

/** The row with this term in a list. */
const find = (rows: readonly DiffRow[], term: string): DiffRow | undefined => rows.find((r) => r.term === term);

describe('diffSides', () => {
  const A = side({ peace: 10, conflict: 8, asia: 4, development: 6, shared: 5 });
  const B = side({ peace: 10, protect: 6, responsibility: 5, sovereignty: 3, shared: 5, development: 1 });
  const ref = referencePrior(fakeReference({ peace: 5000, development: 8000, protect: 400, responsibility: 1000, conflict: 3000, shared: 100 }));

  it('splits the vocabulary: B uses protect/responsibility more, A conflict/asia', () => {
    const r = diffSides(A, B, ref, OPTS);
    expect(r.more.map((x) => x.term)).toEqual(expect.arrayContaining(['protect', 'responsibility', 'sovereignty']));
    expect(r.less.map((x) => x.term)).toEqual(expect.arrayContaining(['conflict', 'asia', 'development']));
    for (const x of r.more) expect(x.sign).toBe(1);
    for (const x of r.less) expect(x.sign).toBe(-1);
    // sorted by z in the list's direction, ranks 1..n
    r.more.forEach((x, i) => {
      expect(x.rank).toBe(i + 1);
      if (i > 0) expect(x.z).toBeLessThanOrEqual((r.more[i - 1] as DiffRow).z);
    });
  });

  it('the prior: α_w = α0 · reference rate; the floor 0.5 / tokens for a term the reference lacks', () => {
    const r = diffSides(A, B, ref, OPTS);
    const protect = find(r.more, 'protect') as DiffRow;
    close(protect.alpha, 1000 * (400 / 1_000_000), 1e-12);
    expect(protect.background).toBe(400);
    const sov = find(r.more, 'sovereignty') as DiffRow;
    close(sov.alpha, 1000 * (0.5 / 1_000_000), 1e-12);
    expect(sov.background).toBeNull();
    expect(r.params.alpha0).toBe(1000);
    expect(r.params.prior).toMatch(/^reference/);
  });

  it('without a reference, the two sides pooled are the prior', () => {
    const r = diffSides(A, B, null, OPTS);
    const protect = find(r.more, 'protect') as DiffRow;
    close(protect.alpha, (1000 * 6) / (A.tokens + B.tokens), 1e-12);
    expect(r.params.prior).toMatch(/^pooled/);
  });

  it('rates per 10,000 tokens, units and documents per side, only', () => {
    const r = diffSides(A, B, ref, OPTS);
    const asia = find(r.less, 'asia') as DiffRow;
    close(asia.rateA, (4 * 10000) / A.tokens, 1e-9);
    expect(asia.rateB).toBe(0);
    expect([asia.countA, asia.countB, asia.unitsA, asia.unitsB, asia.documentsA, asia.documentsB]).toEqual([4, 0, 3, 0, 1, 0]);
    expect(asia.only).toBe('a');
    expect(find(r.more, 'protect')?.only).toBe('b');
    expect(find(r.less, 'development')?.only).toBeNull();
  });

  it('p is the measure’s test (fw: z; g2 and logratio: G²), corrected over the tested terms', () => {
    for (const measure of ['fw', 'g2', 'logratio'] as const) {
      const r = diffSides(A, B, ref, { ...OPTS, measure });
      for (const x of [...r.more, ...r.less]) {
        expect(x.p).toBe(measure === 'fw' ? x.pZ : x.pG2);
        expect(x.pAdjusted).toBeGreaterThanOrEqual(x.p);
      }
      expect(r.significance.tested).toBe(8); // peace, conflict, asia, development, shared, protect, responsibility, sovereignty
    }
    const none = diffSides(A, B, ref, { ...OPTS, correct: 'none' });
    for (const x of none.more) expect(x.pAdjusted).toBe(x.p);
  });

  it('min count on the larger side; --only; --p; --top', () => {
    const r2 = diffSides(A, B, ref, { ...OPTS, minCount: 5 });
    expect(r2.significance.tested).toBe(6); // peace, conflict, development, shared, protect, responsibility
    expect(find(r2.more, 'sovereignty')).toBeUndefined();
    const only = diffSides(A, B, ref, { ...OPTS, only: true });
    for (const x of [...only.more, ...only.less]) expect(x.only).not.toBeNull();
    expect(find(only.less, 'development')).toBeUndefined();
    const strict = diffSides(A, B, ref, { ...OPTS, p: 1e-12 });
    expect(strict.more).toEqual([]);
    expect(strict.less).toEqual([]);
    const top = diffSides(A, B, ref, { ...OPTS, top: 1 });
    expect(top.more.length).toBe(1);
    expect(top.listedMore).toBe(diffSides(A, B, ref, OPTS).more.length);
  });

  it('a side compared with itself: every log ratio 0, no term significant, nothing listed as more or less', () => {
    const r = diffSides(A, A, ref, OPTS);
    expect(r.more).toEqual([]);
    expect(r.less).toEqual([]);
    expect(r.same.length).toBe(5);
    for (const x of r.same) {
      expect([x.logRatio, x.g2, x.z, x.delta, x.sign]).toEqual([0, 0, 0, 0, 0]);
      expect(x.pAdjusted).toBe(1);
    }
    expect(r.significance.passing).toBe(0);
    expect(r.summary.jaccard).toBe(1);
    close(r.summary.cosine, 1, 1e-12);
  });

  it('empty input: no rows, finite numbers only (no division by zero)', () => {
    for (const [a, b] of [
      [emptySide(), emptySide()],
      [emptySide(), B],
      [A, emptySide()],
    ] as const) {
      const r = diffSides(a, b, ref, OPTS);
      expect(r.more).toEqual([]);
      expect(r.less).toEqual([]);
      expect(r.significance.tested).toBe(0);
      for (const v of allNumbers(r)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('one term on each side (the smallest input)', () => {
    const r = diffSides(side({ x: 1 }), side({ y: 1 }), null, OPTS);
    expect(r.more.map((x) => x.term)).toEqual(['y']);
    expect(r.less.map((x) => x.term)).toEqual(['x']);
    expect(r.summary).toMatchObject({ sharedTypes: 0, jaccard: 0, cosine: 0 });
  });

  it('phrases: a term with the same counts as a longer phrase holding it is folded into the phrase', () => {
    const k = (...t: string[]): string => t.join(NGRAM_KEY_SEPARATOR);
    const a = side({ preventive: 3, diplomacy: 3, conflict: 7, [k('preventive', 'diplomacy')]: 3 });
    const b = side({ conflict: 2, protect: 5, responsibility: 5, [k('responsibility', 'to', 'protect')]: 4 });
    const r = diffSides(a, b, null, { ...OPTS, ngrams: [1, 3] });
    const less = r.less.map((x) => x.term);
    expect(less).toContain('preventive diplomacy');
    expect(less).not.toContain('preventive');
    expect(less).not.toContain('diplomacy');
    const more = r.more.map((x) => x.term);
    expect(more).toEqual(expect.arrayContaining(['responsibility to protect', 'protect', 'responsibility']));
    expect(find(r.more, 'responsibility to protect')?.n).toBe(3);
    // Words only: no phrase is listed.
    const words = diffSides(a, b, null, OPTS);
    for (const x of [...words.more, ...words.less]) expect(x.n).toBe(1);
  });

  it('never mutates its input, and gives the same result twice', () => {
    const a = deepFreeze(side({ a: 3, b: 1 }));
    const b = deepFreeze(side({ a: 1, c: 4 }));
    expect(diffSides(a, b, null, OPTS)).toEqual(diffSides(a, b, null, OPTS));
  });
});

describe('vocabularySummary', () => {
  it('types, shared types, Jaccard and cosine of the count vectors', () => {
    const s = vocabularySummary(side({ a: 1, b: 2 }), side({ b: 2, c: 2 }));
    expect(s.a).toMatchObject({ tokens: 3, types: 2, documents: 1 });
    expect(s.sharedTypes).toBe(1);
    close(s.jaccard, 1 / 3, 1e-12);
    close(s.cosine, 4 / (Math.sqrt(5) * Math.sqrt(8)), 1e-12);
  });
});

// ---------------------------------------------------------------------------------------------------
// Symmetry: swapping A and B flips the sign of every score and changes nothing else.
// ---------------------------------------------------------------------------------------------------

const TERMS = ['peace', 'war', 'asia', 'protect', 'development', 'climate', 'united nations', 'sovereignty'];
const PHRASE_TERMS = [['climate', 'change'], ['responsibility', 'to', 'protect'], ['peace', 'and', 'security']].map((t) => t.join(NGRAM_KEY_SEPARATOR));

const arbSide = fc
  .record({
    words: fc.dictionary(fc.constantFrom(...TERMS), fc.integer({ min: 0, max: 40 })),
    phrases: fc.dictionary(fc.constantFrom(...PHRASE_TERMS), fc.integer({ min: 0, max: 12 })),
    extra: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ words, phrases, extra }) => {
    const s = side({ ...words, ...phrases });
    return { ...s, tokens: s.tokens + extra };
  });

const arbOpts: fc.Arbitrary<DiffOptions> = fc.record({
  measure: fc.constantFrom('fw', 'g2', 'logratio'),
  minCount: fc.integer({ min: 1, max: 4 }),
  correct: fc.constantFrom('bh', 'bonferroni', 'none'),
  p: fc.option(fc.constantFrom(0.05, 0.5, 1), { nil: null }),
  only: fc.boolean(),
  top: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  alpha0: fc.constantFrom(10, 1000, 10000),
  ngrams: fc.constantFrom([1, 1] as [number, number], [1, 3] as [number, number], [2, 3] as [number, number]),
});

/** A row as the other side would see it: A and B swapped, every score negated. */
function mirror(r: DiffRow): DiffRow {
  const neg = (x: number): number => (x === 0 ? 0 : -x);
  return {
    ...r,
    sign: neg(r.sign),
    countA: r.countB,
    countB: r.countA,
    rateA: r.rateB,
    rateB: r.rateA,
    unitsA: r.unitsB,
    unitsB: r.unitsA,
    documentsA: r.documentsB,
    documentsB: r.documentsA,
    logRatio: neg(r.logRatio),
    g2: neg(r.g2),
    delta: neg(r.delta),
    z: neg(r.z),
    only: r.only === 'a' ? 'b' : r.only === 'b' ? 'a' : null,
  };
}

describe('symmetry (fast-check)', () => {
  const prior: PriorModel = referencePrior(fakeReference({ peace: 900, war: 300, 'united nations': 9000, development: 5000, climate_change: 200, climate: 250 }));

  it('diff(B, A) is diff(A, B) with every score negated and the sides swapped', () => {
    fc.assert(
      fc.property(arbSide, arbSide, arbOpts, fc.boolean(), (a, b, opts, pooled) => {
        const p = pooled ? null : prior;
        const ab: DiffResult = diffSides(a, b, p, opts);
        const ba: DiffResult = diffSides(b, a, p, opts);
        expect(ba.more).toEqual(ab.less.map(mirror));
        expect(ba.less).toEqual(ab.more.map(mirror));
        expect(ba.same).toEqual(ab.same.map(mirror));
        expect([ba.listedMore, ba.listedLess, ba.listedSame]).toEqual([ab.listedLess, ab.listedMore, ab.listedSame]);
        expect(ba.summary).toEqual({ ...ab.summary, a: ab.summary.b, b: ab.summary.a });
        expect(ba.significance).toEqual({ ...ab.significance, passingA: ab.significance.passingB, passingB: ab.significance.passingA });
        expect(ba.params).toEqual(ab.params);
        // No score is ever −0, NaN or infinite.
        for (const v of allNumbers(ab)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(Object.is(v, -0)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keynessScores is exactly antisymmetric in (count, tokens) of the two sides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.double({ min: 1e-6, max: 50, noNaN: true }),
        (a, b, extraA, extraB, alpha) => {
          const nA = a + extraA;
          const nB = b + extraB;
          const x = keynessScores(a, b, nA, nB, alpha, 1000);
          const y = keynessScores(b, a, nB, nA, alpha, 1000);
          for (const k of ['sign', 'logRatio', 'g2', 'delta', 'z'] as const) expect(y[k]).toBe(x[k] === 0 ? 0 : -x[k]);
          for (const k of ['pG2', 'pZ', 'variance'] as const) expect(y[k]).toBe(x[k]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Counting jobs, --by selection and evidence, over documents made by the real loader.
// ---------------------------------------------------------------------------------------------------

function doc(file: string, text: string, id = 'd1'): SpeechDocument {
  return parseDocument({ id, file, text, encoding: 'utf-8' });
}

const ARGS: DiffJobArgs = { terms: { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true }, allUnits: false };

describe('diff jobs', () => {
  const old = doc('KAZ_72_2017.txt', 'The United Nations must act on preventive diplomacy.\n\nPreventive diplomacy in Central Asia works.\n', 'd1');
  const fresh = doc('KAZ_73_2018.txt', 'The UN has a responsibility to protect.\n\nWe protect populations.\n', 'd2');

  it('counts a side: tokens, units, dispersion; "UN" and "United Nations" are one term', () => {
    const c = countDiffDoc(fresh, ARGS).a;
    const at = (t: string): number => c.counts[c.terms.indexOf(t)] ?? 0;
    expect(at('united nations')).toBe(1);
    expect(c.terms).not.toContain('UN');
    expect(at('protect')).toBe(2);
    expect(c.unitCounts[c.terms.indexOf('protect')]).toBe(2);
    expect(c.units).toBe(2);
    expect(c.files).toEqual(['KAZ_73_2018.txt']);
    expect(c.tokens).toBe(c.counts.reduce((x, y) => x + y, 0));
    expect(c.phrases).toEqual([]);
  });

  it('counts phrases with their unit spread when asked', () => {
    const c = countDiffDoc(old, { ...ARGS, ngrams: { n: [2, 3], strict: false } }).a;
    const i = c.phrases.indexOf(['preventive', 'diplomacy'].join(NGRAM_KEY_SEPARATOR));
    expect(c.phraseCounts[i]).toBe(2);
    expect(c.phraseUnits[i]).toBe(2);
    expect(c.phraseDocs[i]).toBe(1);
  });

  it('merging two documents equals accumulating them', () => {
    const acc = diffAccumulator(ARGS);
    acc.add(old);
    acc.add(fresh);
    const merged: DiffCounts = mergeDiffCounts([countDiffDoc(old, ARGS), countDiffDoc(fresh, ARGS)]);
    const sorted = (s: SideCounts): [string, number][] => s.terms.map((t, i): [string, number] => [t, s.counts[i] as number]).sort();
    expect(sorted(merged.a)).toEqual(sorted(acc.result().a));
    expect(merged.a.tokens).toBe(acc.result().a.tokens);
    expect(merged.langs).toEqual({ en: 2 });
  });

  it('--by: picks each side out of one corpus (year ranges, countries, documents)', () => {
    const args: DiffJobArgs = { ...ARGS, select: { a: { field: 'year', ranges: [[2010, 2017]] }, b: { field: 'year', ranges: [[2018, 2018]] } } };
    const acc = diffAccumulator(args);
    acc.add(old);
    acc.add(fresh);
    const r = acc.result();
    expect(r.a.files).toEqual(['KAZ_72_2017.txt']);
    expect(r.b.files).toEqual(['KAZ_73_2018.txt']);
    expect(r.overlap).toBe(0);
    expect(r.seen.sort()).toEqual(['2017', '2018']);
    const u = old.units[0]!;
    expect(unitMatches(u, old, { field: 'country', countries: [{ code: 'KAZ', name: 'Kazakhstan' }] })).toBe(true);
    expect(unitMatches(u, old, { field: 'country', countries: [{ code: 'USA', name: 'United States' }] })).toBe(false);
    expect(unitMatches(u, old, { field: 'document', paths: ['KAZ_72_2017'] })).toBe(true);
    expect(unitMatches(u, old, { field: 'session', ranges: [[70, 72]] })).toBe(true);
  });

  it('evidence: the first sentence that uses a term or phrase, with its offsets', () => {
    const units = evidenceUnits([old], ARGS, null);
    const ev = findEvidence(units, [['preventive', 'diplomacy'], ['central asia'], ['protect']]);
    const pd = ev.get(featureKey(['preventive', 'diplomacy']));
    expect(pd?.sentence).toBe('The United Nations must act on preventive diplomacy.');
    expect(pd?.sentence.slice(pd.start, pd.end)).toBe('preventive diplomacy');
    const ca = ev.get('central asia'); // a compound: one term
    expect(ca?.sentence).toBe('Preventive diplomacy in Central Asia works.');
    expect(ca?.sentence.slice(ca.start, ca.end)).toBe('Central Asia');
    expect(ca?.line).toBe(3);
    expect(ev.has('protect')).toBe(false);
  });
});
