import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDocTrend, mergeCountedTrend } from '../../src/analyze/stats-jobs.js';
import {
  countTrend,
  meanRate,
  mergeTrendCounts,
  periodKey,
  sortPeriods,
  sparkline,
  trendFromCounts,
  UNKNOWN_PERIOD,
  type TrendDocument,
} from '../../src/analyze/trend.js';
import { emptyMeeting, type SpeechDocument } from '../../src/model/types.js';
import { prepareTerms, type TermOptions } from '../../src/text/index.js';
import { load } from '../load/helpers.js';
import { allNumbers, deepFreeze, stream, type Tok } from './helpers.js';

const doc = (period: string, ...units: Tok[][][]): TrendDocument => ({ period, units: units.map(stream) });

describe('countTrend and trendFromCounts', () => {
  it('empty input: no periods, no rates, no NaN', () => {
    const r = trendFromCounts(countTrend([], [['peace']]), 'year');
    expect(r.periods).toEqual([]);
    expect(r.totalTokens).toBe(0);
    expect(r.series).toEqual([{ query: 'peace', term: 'peace', terms: ['peace'], counts: [], rates: [], total: 0, rate: null, peak: null }]);
  });

  it('one unit: counts a term and a phrase per 10,000 tokens', () => {
    const d = doc('2001', [['climate', 'change', 'peace', null, 'climate']]);
    const r = trendFromCounts(countTrend(deepFreeze([d]), [['climate'], ['climate', 'change']]), 'year', ['climate', 'climate change']);
    expect(r.periods).toEqual(['2001']);
    expect(r.tokens).toEqual([4]);
    expect(r.documents).toEqual([1]);
    expect(r.series[0]).toMatchObject({ query: 'climate', counts: [2], rates: [5000], total: 2, rate: 5000, peak: '2001' });
    expect(r.series[1]).toMatchObject({ query: 'climate change', term: 'climate change', counts: [1], rates: [2500] });
  });

  it('a phrase matches inside a sentence only: not across a gap, a sentence end or a unit end', () => {
    const d = doc('x', [['climate', null, 'change'], ['climate'], ['change']], [['climate']], [['change', 'climate', 'change']]);
    expect(countTrend([d], [['climate', 'change']]).periods[0]!.counts).toEqual([1]);
  });

  it('stopwords in the query must be there; stopwords and numbers are not tokens; overlapping matches count', () => {
    const d = doc('x', [['responsibility', 'to*', 'protect', 'responsibility', 'protect', '2030#']], [['a', 'a', 'a']]);
    const c = countTrend([d], [['responsibility', 'to', 'protect'], ['a', 'a']]);
    expect(c.periods[0]!.counts).toEqual([1, 2]);
    expect(c.periods[0]!.tokens).toBe(7);
  });

  it('orders periods numerically, unknown last, and leaves rates null where there are no tokens', () => {
    const r = trendFromCounts(countTrend([doc('2010', [['peace']]), doc(UNKNOWN_PERIOD, [['war']]), doc('990', []), doc('1999', [['war', 'peace']])], [['peace']]), 'year');
    expect(r.periods).toEqual(['990', '1999', '2010', UNKNOWN_PERIOD]);
    expect(r.series[0]!.rates).toEqual([null, 5000, 10000, 0]);
    expect(r.series[0]!.peak).toBe('2010');
    expect(sortPeriods(['b', 'a', UNKNOWN_PERIOD, '2017-09-06'])).toEqual(['2017-09-06', 'a', 'b', UNKNOWN_PERIOD]);
    expect(meanRate(r, 'peace', 1990, 2020)).toBe(7500);
    expect(meanRate(r, 'peace', 3000, 4000)).toBeNull();
  });

  it('property: merging counts of any split equals counting the whole; rates are count × 10,000 / tokens', () => {
    const docArb = fc.record({
      period: fc.constantFrom('1990', '2001', '2010'),
      terms: fc.array(fc.constantFrom('terrorism', 'climate', 'change', 'the*', null), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 12 }), fc.nat(12), (specs, cut) => {
        const docs = specs.map((s) => doc(s.period, [s.terms]));
        const q = [['terrorism'], ['climate', 'change']];
        const whole = trendFromCounts(countTrend(docs, q), 'year');
        const split = trendFromCounts(mergeTrendCounts(countTrend(docs.slice(0, cut), q), countTrend(docs.slice(cut), q)), 'year');
        expect(split).toEqual(whole);
        for (const s of whole.series) {
          s.rates.forEach((r, i) => expect(r).toBe(whole.tokens[i]! > 0 ? (s.counts[i]! * 10000) / whole.tokens[i]! : null));
          expect(s.total).toBe(s.counts.reduce((a, b) => a + b, 0));
        }
        for (const x of allNumbers(whole)) expect(Number.isFinite(x)).toBe(true);
      }),
    );
  });
});

describe('sparkline', () => {
  it('scales from 0 to the maximum, with a space for null', () => {
    expect(sparkline([])).toBe('');
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, null, 10])).toBe('▁ █');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([5])).toBe('█');
  });

  it('property: one character per value, the maximum is █', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }), (vs) => {
        const s = [...sparkline(vs)];
        expect(s).toHaveLength(vs.length);
        if (Math.max(...vs) > 0) expect(s[vs.indexOf(Math.max(...vs))]).toBe('█');
      }),
    );
  });
});

describe('periods and the trend job on real documents', () => {
  const terms: TermOptions = { lang: 'auto', stopwords: 'default', stem: false, numbers: false, compounds: true };
  const query = (t: string): string[] => prepareTerms(terms)(t, 'en').sentences.flat().flatMap((x) => (x === null ? [] : [x.term]));

  it('periodKey: year, session, meeting, and date falling back to the year', () => {
    const d = { id: 'd1', file: 'x.txt', meeting: { ...emptyMeeting(), year: 2001, session: 56 }, units: [] } as unknown as SpeechDocument;
    expect(periodKey(d, 'year')).toBe('2001');
    expect(periodKey(d, 'session')).toBe('56');
    expect(periodKey(d, 'meeting')).toBe('x.txt');
    expect(periodKey(d, 'date')).toBe('2001');
    expect(periodKey({ ...d, meeting: emptyMeeting() }, 'year')).toBe(UNKNOWN_PERIOD);
  });

  it('R2P, RtoP and "responsibility to protect" are one query; tokens equal the terms count', () => {
    const seed = load('seeds/003_0eda7931006bc30a.txt');
    expect(query('R2P')).toEqual(['responsibility', 'to', 'protect']);
    expect(query('UN')).toEqual(['united nations']);
    const r = trendFromCounts(countDocTrend(seed, { terms, allUnits: false, by: 'year', queries: [query('responsibility to protect'), query('R2P'), query('UN')] }).value, 'year');
    expect(r.series[0]!.total).toBeGreaterThan(0);
    expect(r.series[0]!.counts).toEqual(r.series[1]!.counts);
    expect(r.series[2]!.total).toBe(5); // the statement writes "UN" five times
    expect(r.totalTokens).toBe(282);
  });

  it('merging per-document job results equals one result per period', () => {
    const docs = ['seeds/000_09c7f05abb924c58.txt', 'seeds/003_0eda7931006bc30a.txt'].map((f) => load(f));
    const args = { terms, allUnits: false, by: 'year' as const, queries: [query('prevention')] };
    const r = trendFromCounts(mergeCountedTrend(docs.map((d) => countDocTrend(d, args))).value, 'year');
    expect(r.periods).toEqual(['2017', UNKNOWN_PERIOD]);
    expect(r.totalTokens).toBe(573);
  });
});
