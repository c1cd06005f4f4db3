import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDocTerms } from '../../src/analyze/jobs.js';
import { countDocStats, mergeCountedStats } from '../../src/analyze/stats-jobs.js';
import {
  countStats,
  emptyMattr,
  mattr,
  mattrPart,
  mattrValue,
  mergeMattr,
  mergeStatsCounts,
  statsFromCounts,
  statsRows,
  STATS_COLUMNS,
  ttr,
  type StatsUnit,
} from '../../src/analyze/stats.js';
import type { TermOptions } from '../../src/text/index.js';
import { load } from '../load/helpers.js';
import { allNumbers, deepFreeze, stream, type Tok } from './helpers.js';

/** MATTR the slow way: every window, its distinct tokens. */
function naiveMattr(tokens: string[], window: number): number | null {
  if (tokens.length === 0) return null;
  if (tokens.length < window) return new Set(tokens).size / tokens.length;
  let sum = 0;
  for (let i = 0; i + window <= tokens.length; i++) sum += new Set(tokens.slice(i, i + window)).size / window;
  return sum / (tokens.length - window + 1);
}

const tokenArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 60 });

describe('MATTR', () => {
  it('is null for no tokens, and the TTR for one token', () => {
    expect(mattr([])).toBeNull();
    expect(mattr(['peace'])).toBe(1);
    expect(ttr(0, 0)).toBeNull();
  });

  it('averages the windows: a b a c with windows of 2 and 3', () => {
    // windows of 2: ab ba ac → 2, 2, 2 types → 6 / (2 × 3) = 1
    expect(mattr(['a', 'b', 'a', 'c'], 2)).toBe(1);
    // windows of 3: aba bac → 2 + 3 = 5 types → 5 / (3 × 2)
    expect(mattr(['a', 'b', 'a', 'c'], 3)).toBeCloseTo(5 / 6, 12);
  });

  it('rejects a window that is not a whole number ≥ 1', () => {
    expect(() => mattrPart(['a'], 0)).toThrow(RangeError);
    expect(() => mattrPart(['a'], 2.5)).toThrow(RangeError);
  });

  it('property: equals the naive computation, lies in (0, 1], and is the TTR when tokens ≤ window', () => {
    fc.assert(
      fc.property(tokenArb, fc.integer({ min: 1, max: 12 }), (tokens, w) => {
        const m = mattr(tokens, w);
        const naive = naiveMattr(tokens, w);
        if (tokens.length === 0) return m === null;
        expect(m).toBeCloseTo(naive as number, 12);
        expect(m as number).toBeGreaterThan(0);
        expect(m as number).toBeLessThanOrEqual(1);
        if (tokens.length <= w) expect(m).toBeCloseTo(new Set(tokens).size / tokens.length, 12);
        return true;
      }),
    );
  });

  it('property: summaries of consecutive parts merge into the summary of the whole (associative, exact)', () => {
    fc.assert(
      fc.property(tokenArb, tokenArb, tokenArb, fc.integer({ min: 1, max: 10 }), (a, b, c, w) => {
        const whole = mattrPart([...a, ...b, ...c], w);
        const left = mergeMattr(mergeMattr(mattrPart(a, w), mattrPart(b, w), w), mattrPart(c, w), w);
        const right = mergeMattr(mattrPart(a, w), mergeMattr(mattrPart(b, w), mattrPart(c, w), w), w);
        expect(left).toEqual(whole);
        expect(right).toEqual(whole);
        expect(mergeMattr(emptyMattr(), whole, w)).toEqual(whole);
        const types = new Set([...a, ...b, ...c]).size;
        expect(mattrValue(left, types, w)).toBe(mattr([...a, ...b, ...c], w));
      }),
    );
  });
});

/** A unit of hand-made terms: its words are its terms plus `extraWords` (stopwords outside the stream, say). */
function sunit(document: string, group: string, turn: number, sentences: Tok[][], english = true, syllables = 0): StatsUnit {
  const s = stream(sentences);
  const words = sentences.flat().filter((t) => t !== null).length;
  return { document, group, turn, stream: s, text: { words, sentences: sentences.length, syllables }, english };
}

describe('countStats and statsFromCounts', () => {
  it('empty input: one empty group, no NaN, nulls where undefined', () => {
    const r = statsFromCounts(countStats([]));
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toEqual({
      group: '',
      documents: 0,
      turns: 0,
      paragraphs: 0,
      sentences: 0,
      words: 0,
      tokens: 0,
      types: 0,
      ttr: null,
      mattr: null,
      meanSentenceLength: null,
      readabilityWords: 0,
      fleschReadingEase: null,
      fleschKincaidGrade: null,
      share: null,
    });
    expect(r.total).toEqual(r.groups[0]);
    expect(statsFromCounts(countStats([], true)).groups).toEqual([]);
  });

  it('one unit: counts by hand', () => {
    // 2 sentences, 6 words, 4 counted tokens (peace ×2, security, council), 3 types
    const u = sunit('d1', '', 1, [['peace', 'and*', 'security'], ['the*', 'peace', 'council']], true, 9);
    const r = statsFromCounts(countStats(deepFreeze([u])));
    const g = r.groups[0]!;
    expect(g).toMatchObject({ documents: 1, turns: 1, paragraphs: 1, sentences: 2, words: 6, tokens: 4, types: 3, readabilityWords: 6, share: 100 });
    expect(g.ttr).toBe(3 / 4);
    expect(g.mattr).toBe(3 / 4); // fewer tokens than the window: the TTR
    expect(g.meanSentenceLength).toBe(3);
    expect(g.fleschReadingEase).toBeCloseTo(206.835 - 1.015 * 3 - 84.6 * 1.5, 10);
    expect(g.fleschKincaidGrade).toBeCloseTo(0.39 * 3 + 11.8 * 1.5 - 15.59, 10);
  });

  it('numbers and stopwords are not tokens; readability is null without English', () => {
    const u = sunit('d1', '', 1, [['2030#', 'nous*', 'paix']], false);
    const g = statsFromCounts(countStats([u])).groups[0]!;
    expect(g.tokens).toBe(1);
    expect(g.words).toBe(3);
    expect(g.readabilityWords).toBe(0);
    expect(g.fleschReadingEase).toBeNull();
    expect(g.fleschKincaidGrade).toBeNull();
  });

  it('groups: turns per document, documents per group, shares, a total, sorted keys', () => {
    const units = [
      sunit('d1', 'B', 1, [['peace', 'security']]),
      sunit('d1', 'A', 2, [['council']]),
      sunit('d1', 'B', 3, [['peace']]),
      sunit('d1', 'B', 3, [['war']]),
      sunit('d2', 'B', 1, [['peace']]),
    ];
    const r = statsFromCounts(countStats(units));
    expect(r.groups.map((g) => g.group)).toEqual(['A', 'B']);
    const [a, b] = r.groups as [typeof r.total, typeof r.total];
    expect(a).toMatchObject({ documents: 1, turns: 1, paragraphs: 1, tokens: 1, types: 1, share: (100 * 1) / 6 });
    expect(b).toMatchObject({ documents: 2, turns: 3, paragraphs: 4, tokens: 5, types: 3, share: (100 * 5) / 6 });
    expect(r.total).toMatchObject({ group: '', documents: 2, turns: 4, paragraphs: 5, tokens: 6, types: 4, share: 100 });
    expect(r.params).toMatchObject({ grouped: true, window: 100 });
  });

  it('MATTR runs over the group sequence, documents in input order, whatever order they were counted in', () => {
    const w = 3;
    const units = [
      sunit('d2', 'X', 1, [['c', 'd', 'c']]),
      sunit('d10', 'X', 1, [['e', 'e']]),
      sunit('d1', 'X', 1, [['a', 'b']]),
      sunit('d2.10', 'X', 1, [['g']]), // rows of a corpus file: d2.1, d2.2, … d2.10
      sunit('d2.2', 'X', 1, [['f']]),
    ];
    const counts = mergeStatsCounts(...units.map((u) => countStats([u], true, w)).reverse());
    const r = statsFromCounts(counts);
    // d1, d2, d2.2, d2.10, d10: a b c d c f g e e
    expect(r.groups[0]!.mattr).toBeCloseTo(mattr(['a', 'b', 'c', 'd', 'c', 'f', 'g', 'e', 'e'], w) as number, 12);
    expect(r.groups[0]!.mattr).not.toBeCloseTo(mattr(['a', 'b', 'c', 'd', 'c', 'e', 'e', 'f', 'g'], w) as number, 6);
    expect(r.params.window).toBe(w);
  });

  it('property: shares sum to 100, tokens add up, and splitting the input by document changes nothing', () => {
    const unitArb = fc.record({
      doc: fc.integer({ min: 1, max: 4 }),
      group: fc.constantFrom('A', 'B', 'C'),
      turn: fc.integer({ min: 1, max: 3 }),
      terms: fc.array(fc.constantFrom('peace', 'war', 'and*', 'law', '2030#', null), { minLength: 1, maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(unitArb, { maxLength: 25 }), fc.integer({ min: 1, max: 4 }), (specs, cut) => {
        const units = [...specs].sort((x, y) => x.doc - y.doc).map((s) => sunit(`d${s.doc}`, s.group, s.turn, [s.terms]));
        const whole = statsFromCounts(countStats(units, true, 5));
        const split = statsFromCounts(
          mergeStatsCounts(
            countStats(units.filter((u) => Number(u.document.slice(1)) > cut), true, 5),
            countStats(units.filter((u) => Number(u.document.slice(1)) <= cut), true, 5),
          ),
        );
        expect(split).toEqual(whole);
        const tokens = whole.groups.reduce((a, g) => a + g.tokens, 0);
        expect(tokens).toBe(whole.total.tokens);
        if (tokens > 0) expect(whole.groups.reduce((a, g) => a + (g.share as number), 0)).toBeCloseTo(100, 9);
        for (const x of allNumbers(whole)) expect(Number.isFinite(x)).toBe(true);
      }),
    );
  });

  it('statsRows: a header and one row of plain values per group', () => {
    const r = statsFromCounts(countStats([sunit('d1', '', 1, [['peace']])]));
    const rows = statsRows(r);
    expect(rows[0]).toEqual([...STATS_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![STATS_COLUMNS.indexOf('tokens')]).toBe(1);
  });
});

describe('the stats job on real documents', () => {
  const terms: TermOptions = { lang: 'auto', stopwords: 'default', stem: false, numbers: false, compounds: true };
  const docs = ['seeds/000_09c7f05abb924c58.txt', 'seeds/003_0eda7931006bc30a.txt'].map((f, i) => ({ ...load(f), id: `d${i + 1}` }));

  it('counts as many tokens and types as speeches terms does', () => {
    for (const doc of docs) {
      const s = statsFromCounts(countDocStats(doc, { terms, allUnits: false }).value).total;
      const t = countDocTerms(doc, { terms, allUnits: false }).value.groups[0]!;
      expect(s.tokens).toBe(t.tokens);
      expect(s.types).toBe(t.terms.length);
      expect(s.paragraphs).toBe(t.units);
    }
  });

  it('words match the loader; English documents get Flesch scores', () => {
    for (const doc of docs) {
      const s = statsFromCounts(countDocStats(doc, { terms, allUnits: false }).value).total;
      const loaderWords = doc.units.filter((u) => u.kind === 'content').reduce((a, u) => a + u.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length, 0);
      expect(Math.abs(s.words - loaderWords)).toBeLessThan(loaderWords * 0.05);
      expect(s.fleschReadingEase).not.toBeNull();
      expect(s.mattr as number).toBeGreaterThan(s.ttr as number);
    }
  });

  it('--by document: the merged job gives one group per document and the shares sum to 100', () => {
    const parts = docs.map((d) => countDocStats(d, { terms, allUnits: false, by: 'document' }));
    const r = statsFromCounts(mergeCountedStats(parts).value);
    expect(r.groups.map((g) => g.group)).toEqual(docs.map((d) => d.file).sort());
    expect(r.groups.reduce((a, g) => a + (g.share as number), 0)).toBeCloseTo(100, 9);
    expect(r.total.tokens).toBe(r.groups[0]!.tokens + r.groups[1]!.tokens);
  });
});
