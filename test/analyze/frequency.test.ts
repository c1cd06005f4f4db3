import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountedUnit } from '../../src/analyze/corpus.js';
import {
  countTerms,
  documentTermMatrix,
  frequencyFromCounts,
  mergeTermCounts,
  termFrequencies,
  TFIDF_VARIANT,
  type FreqRow,
} from '../../src/analyze/frequency.js';
import { allNumbers, deepFreeze, unit, type Tok } from './helpers.js';

const row = (rows: FreqRow[], term: string): FreqRow => {
  const r = rows.find((x) => x.term === term);
  if (r === undefined) throw new Error(`no row ${term}`);
  return r;
};

// d0 has two units, d1 one.
const corpus: CountedUnit[] = [
  unit('d0:t1:p1', 'd0', [['peace*', 'security', null, 'peace'], ['the*', 'council', '2030#']], 'A'),
  unit('d0:t1:p2', 'd0', [['peace', 'development']], 'B'),
  unit('d1:t1:p1', 'd1', [['security', 'council', 'security']], 'A'),
];

describe('termFrequencies', () => {
  it('counts non-stop, non-number terms with rates, spread and tf-idf', () => {
    const res = termFrequencies(corpus, { sort: 'count' });
    expect(res.totalTokens).toBe(8);
    expect(res.groups).toHaveLength(1);
    const g = res.groups[0]!;
    expect(g.group).toBe('');
    expect(g.tokens).toBe(8);
    expect(g.types).toBe(4);
    expect(g.rows.map((r) => r.term)).toEqual(['security', 'council', 'peace', 'development']);
    // "peace*" is a stopword occurrence, so peace counts twice (p1 and p2), not three times.
    expect(row(g.rows, 'peace')).toEqual({ term: 'peace', count: 2, rate: 2500, units: 2, documents: 1, tfidf: 2 * Math.log(2 / 1), rank: 2 });
    expect(row(g.rows, 'security')).toEqual({ term: 'security', count: 3, rate: 3750, units: 2, documents: 2, tfidf: 0, rank: 1 });
    expect(row(g.rows, 'council').rank).toBe(2);
    expect(row(g.rows, 'development').rank).toBe(4);
    expect(res.params.tfidf).toBe(TFIDF_VARIANT);
    expect(res.params.idfOver).toBe('documents');
    expect(res.params.idfN).toBe(2);
  });

  it('ranks ties "min" (11, 10, 10, 9 → 1, 2, 2, 4) and orders ties by code units', () => {
    const mk = (t: string, n: number): Tok[] => Array.from({ length: n }, () => t);
    const res = termFrequencies([unit('u', 'd', [mk('b', 10), mk('a', 11), mk('c', 10), mk('Z', 10), mk('d', 9)])], { sort: 'count' });
    const rows = res.groups[0]!.rows;
    expect(rows.map((r) => [r.term, r.rank])).toEqual([
      ['a', 1],
      ['Z', 2],
      ['b', 2],
      ['c', 2],
      ['d', 5],
    ]);
  });

  it('uses the units as idf documents when the input is one document', () => {
    const one = [unit('p1', 'd0', [['war', 'peace']]), unit('p2', 'd0', [['peace']]), unit('p3', 'd0', [['peace', 'law']])];
    const res = termFrequencies(one, { sort: 'tfidf' });
    expect(res.params.idfOver).toBe('units');
    expect(res.params.idfN).toBe(3);
    const rows = res.groups[0]!.rows;
    expect(rows.map((r) => r.term)).toEqual(['law', 'war', 'peace']);
    expect(row(rows, 'war').tfidf).toBeCloseTo(Math.log(3), 12);
    expect(row(rows, 'peace').tfidf).toBe(0);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('sorts by term, applies minCount before ranking and top after', () => {
    expect(termFrequencies(corpus, { sort: 'term' }).groups[0]!.rows.map((r) => [r.term, r.rank])).toEqual([
      ['council', 1],
      ['development', 2],
      ['peace', 3],
      ['security', 4],
    ]);
    const res = termFrequencies(corpus, { sort: 'count', minCount: 2, top: 2 });
    expect(res.groups[0]!.rows.map((r) => r.term)).toEqual(['security', 'council']);
    expect(res.groups[0]!.types).toBe(4);
  });

  it('groups: per-group counts and spread, df over the whole input', () => {
    const res = termFrequencies(corpus, { sort: 'count', by: true });
    expect(res.groups.map((g) => [g.group, g.tokens, g.types])).toEqual([
      ['A', 6, 3],
      ['B', 2, 2],
    ]);
    const a = res.groups[0]!.rows;
    expect(row(a, 'security')).toMatchObject({ count: 3, units: 2, documents: 2, tfidf: 0, rate: 5000 });
    expect(row(a, 'peace')).toMatchObject({ count: 1, units: 1, documents: 1, tfidf: Math.log(2) });
    expect(row(res.groups[1]!.rows, 'peace')).toMatchObject({ count: 1, units: 1, documents: 1 });
    expect(res.totalTokens).toBe(8);
  });

  it('sorts group keys numerically when all are numbers, else by code units', () => {
    const mk = (groups: string[]): string[] =>
      termFrequencies(
        groups.map((g, i) => unit(`u${i}`, `d${i}`, [['x']], g)),
        { sort: 'count', by: true },
      ).groups.map((g) => g.group);
    expect(mk(['1990', '200', '1000', '-5', '2.5'])).toEqual(['-5', '2.5', '200', '1000', '1990']);
    expect(mk(['b', 'B', 'a', '10', '9'])).toEqual(['10', '9', 'B', 'a', 'b']);
  });

  it('lists a group that has units but no counted tokens', () => {
    const res = termFrequencies([unit('u1', 'd0', [['x']], 'A'), unit('u2', 'd0', [['the*', null]], 'B')], { sort: 'count', by: true });
    expect(res.groups.map((g) => [g.group, g.tokens, g.rows.length])).toEqual([
      ['A', 1, 1],
      ['B', 0, 0],
    ]);
  });

  it('empty input', () => {
    const res = termFrequencies([], { sort: 'count' });
    expect(res.groups).toEqual([{ group: '', tokens: 0, types: 0, rows: [] }]);
    expect(res.totalTokens).toBe(0);
    expect(termFrequencies([], { sort: 'tfidf', by: true }).groups).toEqual([]);
    expect(allNumbers(res).every(Number.isFinite)).toBe(true);
  });

  it('one unit (of only stopwords, then of words)', () => {
    const stops = termFrequencies([unit('u', 'd', [['the*', null, '1999#'], []])], { sort: 'tfidf' });
    expect(stops.groups[0]).toEqual({ group: '', tokens: 0, types: 0, rows: [] });
    const res = termFrequencies([unit('u', 'd', [['peace', 'peace', 'war']])], { sort: 'tfidf' });
    expect(res.groups[0]!.rows).toEqual([
      { term: 'peace', count: 2, rate: 20000 / 3, units: 1, documents: 1, tfidf: 0, rank: 1 },
      { term: 'war', count: 1, rate: 10000 / 3, units: 1, documents: 1, tfidf: 0, rank: 1 },
    ]);
    expect(allNumbers(res).every(Number.isFinite)).toBe(true);
  });

  it('is deterministic and does not mutate its input', () => {
    const frozen = deepFreeze(structuredClone(corpus));
    const a = termFrequencies(frozen, { sort: 'tfidf', by: true });
    const b = termFrequencies(frozen, { sort: 'tfidf', by: true });
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(frozen).toEqual(corpus);
  });
});

/** Random corpora: documents of units of sentences over a small vocabulary, stop/number/gap flags. */
const tokArb: fc.Arbitrary<Tok> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('peace', 'war', 'united nations', 'law', 'Law', 'ümlaut') },
  { weight: 2, arbitrary: fc.constantFrom('the*', 'of*', 'to*') },
  { weight: 1, arbitrary: fc.constantFrom('2030#', '15#') },
  { weight: 1, arbitrary: fc.constant(null) },
);
const corpusArb: fc.Arbitrary<CountedUnit[]> = fc
  .array(fc.array(fc.tuple(fc.array(fc.array(tokArb, { maxLength: 8 }), { maxLength: 3 }), fc.constantFrom('', 'x', 'y', '1')), { minLength: 1, maxLength: 4 }), { maxLength: 5 })
  .map((docs) => docs.flatMap((units, d) => units.map(([sentences, group], u) => unit(`d${d}:p${u}`, `d${d}`, sentences, group))));

describe('frequency properties', () => {
  it('counts equal a naive set-based recount', () => {
    fc.assert(
      fc.property(corpusArb, fc.boolean(), (units, by) => {
        const res = termFrequencies(units, { sort: 'count', by });
        for (const g of res.groups) {
          const inGroup = units.filter((u) => !by || u.group === g.group);
          const occs = (u: CountedUnit): string[] => u.stream.sentences.flat().flatMap((t) => (t !== null && !t.stop && !t.number ? [t.term] : []));
          expect(g.tokens).toBe(inGroup.reduce((s, u) => s + occs(u).length, 0));
          expect(g.types).toBe(new Set(inGroup.flatMap(occs)).size);
          const allDocs = new Set(units.map((u) => u.document));
          const idfDocs = allDocs.size > 1 ? (t: string) => new Set(units.filter((u) => occs(u).includes(t)).map((u) => u.document)).size : (t: string) => units.filter((u) => occs(u).includes(t)).length;
          const idfN = allDocs.size > 1 ? allDocs.size : units.length;
          for (const r of g.rows) {
            expect(r.count).toBe(inGroup.reduce((s, u) => s + occs(u).filter((t) => t === r.term).length, 0));
            expect(r.units).toBe(inGroup.filter((u) => occs(u).includes(r.term)).length);
            expect(r.documents).toBe(new Set(inGroup.filter((u) => occs(u).includes(r.term)).map((u) => u.document)).size);
            expect(r.tfidf).toBeCloseTo(r.count * Math.log(idfN / idfDocs(r.term)), 12);
          }
          expect(allNumbers(g).every(Number.isFinite)).toBe(true);
        }
      }),
    );
  });

  it('counting in two parts split at a document boundary and merging gives the same result', () => {
    fc.assert(
      fc.property(corpusArb, fc.nat(), fc.boolean(), fc.constantFrom('count', 'tfidf', 'term') as fc.Arbitrary<'count' | 'tfidf' | 'term'>, (units, cut, by, sort) => {
        const docs = [...new Set(units.map((u) => u.document))];
        const k = docs.length === 0 ? 0 : cut % (docs.length + 1);
        const first = new Set(docs.slice(0, k));
        const a = countTerms(units.filter((u) => first.has(u.document)));
        const b = countTerms(units.filter((u) => !first.has(u.document)));
        const whole = termFrequencies(units, { sort, by, minCount: 1 });
        const merged = frequencyFromCounts(JSON.parse(JSON.stringify(mergeTermCounts(a, b))), { sort, by, minCount: 1 });
        expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
        expect(JSON.stringify(frequencyFromCounts(mergeTermCounts(b, a), { sort, by }))).toBe(JSON.stringify(whole));
      }),
    );
  });

  it('--top k keeps exactly the first k rows of the full ranking, ranks included (with any --min-count)', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.constantFrom('count', 'tfidf') as fc.Arbitrary<'count' | 'tfidf'>, fc.integer({ min: 1, max: 3 }), (units, top, by, sort, minCount) => {
        const full = termFrequencies(units, { sort, by, minCount });
        const cut = termFrequencies(units, { sort, by, top, minCount });
        expect(cut.groups.map((g) => g.rows)).toEqual(full.groups.map((g) => g.rows.slice(0, top)));
      }),
    );
  });

  it('ungrouped counts (one group holding the document frequency, as workers send them): --top k is the first k rows of the full ranking', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 0, max: 8 }), fc.constantFrom('count', 'tfidf') as fc.Arbitrary<'count' | 'tfidf'>, fc.integer({ min: 1, max: 3 }), (grouped, top, sort, minCount) => {
        const units = grouped.map((u) => ({ ...u, group: '' }));
        const counts = countTerms(units);
        if (units.length > 0) expect(counts.dfInGroup).toBe(true);
        const full = frequencyFromCounts(counts, { sort, minCount });
        const cut = frequencyFromCounts(counts, { sort, minCount, top });
        expect(cut.groups.map((g) => g.rows)).toEqual(full.groups.map((g) => g.rows.slice(0, top)));
      }),
    );
  });

  it('rows are sorted by key then term and ranks are "min"', () => {
    fc.assert(
      fc.property(corpusArb, (units) => {
        const rows = termFrequencies(units, { sort: 'count' }).groups[0]!.rows;
        for (let i = 1; i < rows.length; i++) {
          const [p, r] = [rows[i - 1]!, rows[i]!];
          expect(p.count > r.count || (p.count === r.count && p.term < r.term)).toBe(true);
          expect(r.rank).toBe(p.count === r.count ? p.rank : i + 1);
        }
      }),
    );
  });
});

describe('documentTermMatrix', () => {
  it('rows are documents in input order, columns terms by total count then term', () => {
    const m = documentTermMatrix(corpus, {});
    expect(m.documents).toEqual(['d0', 'd1']);
    expect(m.terms).toEqual(['security', 'council', 'peace', 'development']);
    expect(m.counts).toEqual([
      [1, 1, 2, 1],
      [2, 1, 0, 0],
    ]);
    const trimmed = documentTermMatrix(corpus, { minCount: 2, top: 2 });
    expect(trimmed.terms).toEqual(['security', 'council']);
    expect(trimmed.counts).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
  it('empty input and one unit', () => {
    expect(documentTermMatrix([], {})).toEqual({ documents: [], terms: [], counts: [] });
    expect(documentTermMatrix([unit('u', 'd', [['the*']])], {})).toEqual({ documents: ['d'], terms: [], counts: [[]] });
    expect(documentTermMatrix([unit('u', 'd', [['a', 'b', 'a']])], {})).toEqual({ documents: ['d'], terms: ['a', 'b'], counts: [[2, 1]] });
  });
});
