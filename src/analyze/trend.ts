/**
 * Term trends over time (`speeches trend`): how often each query term or phrase occurs per 10,000
 * tokens in each period (year, session, meeting or date).
 *
 * Definitions (also carried in `params`):
 * - A query is a sequence of terms, made by the same term pipeline as the text (case, compounds,
 *   aliases, stems), so "UN" is "united nations" and "responsibility to protect" is three terms. It
 *   matches wherever its terms stand consecutively inside one sentence with no clause break between
 *   them; stopwords in the query must be in the text too. Overlapping matches all count.
 * - tokens: counted terms as `speeches terms` counts them (non-stop, non-number), per period; rate =
 *   matches per 10,000 tokens of the period (null for a period with no tokens).
 * - Periods: the periods present in the input, in order (numerically for years and sessions, by code
 *   units otherwise); "(unknown)" last.
 */

import type { SpeechDocument } from '../model/types.js';
import type { TermSink, TermStream } from '../text/index.js';
import { sortGroupKeys } from './corpus.js';
import { replay } from './frequency.js';

/** The fields `speeches trend --by` takes. */
export const TREND_PERIODS = ['year', 'session', 'meeting', 'date'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];

/** The key of a period nobody knows. */
export const UNKNOWN_PERIOD = '(unknown)';

/** The rate unit: occurrences per this many tokens. */
export const RATE_PER = 10000;

/** The period of a document: its year, session, meeting (as `--by meeting` names it), or date (else its year). */
export function periodKey(doc: SpeechDocument, by: TrendPeriod): string {
  const m = doc.meeting;
  switch (by) {
    case 'year':
      return m.year !== null ? String(m.year) : UNKNOWN_PERIOD;
    case 'session':
      return m.session !== null ? String(m.session) : UNKNOWN_PERIOD;
    case 'meeting':
      return m.symbol ?? m.title ?? doc.file;
    case 'date':
      return m.date ?? (m.year !== null ? String(m.year) : UNKNOWN_PERIOD);
  }
}

/** Counts of one period, mergeable. */
export interface PeriodCounts {
  period: string;
  documents: number;
  tokens: number;
  /** Matches of query i. */
  counts: number[];
}

/** Mergeable trend counts (structured-clone and JSON safe). */
export interface TrendCounts {
  /** The queries' term sequences, as counted. */
  queries: string[][];
  /** Periods in first-seen order. */
  periods: PeriodCounts[];
}

/**
 * Counts query matches and tokens as a TermSink. Call `startDocument` with each document's period, then
 * send its units' terms; a match never runs past a sentence end, so never from one unit into the next.
 */
export class TrendCounter implements TermSink {
  private readonly periods = new Map<string, PeriodCounts>();
  private cur: PeriodCounts | null = null;
  /** Queries by first term. */
  private readonly byFirst = new Map<string, number[]>();
  private sentence: (string | null)[] = [];

  /** `queries`: term sequences to count (each at least one term). */
  constructor(private readonly queries: readonly (readonly string[])[]) {
    queries.forEach((q, i) => {
      const first = q[0];
      if (first === undefined) throw new RangeError('a trend query needs at least one term');
      const list = this.byFirst.get(first);
      if (list) list.push(i);
      else this.byFirst.set(first, [i]);
    });
  }

  /** Begin a document of `period`. */
  startDocument(period: string): void {
    let p = this.periods.get(period);
    if (p === undefined) {
      p = { period, documents: 0, tokens: 0, counts: this.queries.map(() => 0) };
      this.periods.set(period, p);
    }
    p.documents++;
    this.cur = p;
  }

  term(term: string, _start: number, _end: number, stop: boolean, number: boolean): void {
    if (!stop && !number) (this.cur as PeriodCounts).tokens++;
    this.sentence.push(term);
  }

  gap(): void {
    this.sentence.push(null);
  }

  endSentence(): void {
    const s = this.sentence;
    const p = this.cur as PeriodCounts;
    for (let i = 0; i < s.length; i++) {
      const t = s[i];
      if (t === null || t === undefined) continue;
      const candidates = this.byFirst.get(t);
      if (candidates === undefined) continue;
      for (const qi of candidates) {
        const q = this.queries[qi] as readonly string[];
        if (i + q.length > s.length) continue;
        let k = 1;
        while (k < q.length && s[i + k] === q[k]) k++;
        if (k === q.length) p.counts[qi] = (p.counts[qi] as number) + 1;
      }
    }
    this.sentence = [];
  }

  /** The counts so far, in the mergeable form. */
  result(): TrendCounts {
    return { queries: this.queries.map((q) => [...q]), periods: [...this.periods.values()].map((p) => ({ ...p, counts: [...p.counts] })) };
  }
}

/** One document to count, for `countTrend`: its period and its units' term streams. */
export interface TrendDocument {
  period: string;
  units: readonly TermStream[];
}

/** Counts query matches and tokens per period over documents given as term streams. */
export function countTrend(docs: readonly TrendDocument[], queries: readonly (readonly string[])[]): TrendCounts {
  const counter = new TrendCounter(queries);
  for (const d of docs) {
    counter.startDocument(d.period);
    for (const u of d.units) replay(u, counter);
  }
  return counter.result();
}

/** Merges TrendCounts of the same queries over disjoint sets of documents. */
export function mergeTrendCounts(...parts: TrendCounts[]): TrendCounts {
  const queries = parts[0]?.queries ?? [];
  const byKey = new Map<string, PeriodCounts>();
  for (const part of parts) {
    for (const src of part.periods) {
      const p = byKey.get(src.period);
      if (p === undefined) byKey.set(src.period, { ...src, counts: [...src.counts] });
      else {
        p.documents += src.documents;
        p.tokens += src.tokens;
        src.counts.forEach((c, i) => (p.counts[i] = (p.counts[i] ?? 0) + c));
      }
    }
  }
  return { queries, periods: [...byKey.values()] };
}

/** One query's series over the periods. */
export interface TrendSeries {
  /** The query as the user wrote it. */
  query: string;
  /** Its terms as counted, joined by a space ("united nations", "responsibility to protect"). */
  term: string;
  terms: string[];
  /** Matches per period (parallel to `periods`). */
  counts: number[];
  /** Matches per 10,000 tokens per period; null where the period has no tokens. */
  rates: (number | null)[];
  /** Matches in the whole input. */
  total: number;
  /** Matches per 10,000 tokens of the whole input; null without tokens. */
  rate: number | null;
  /** The period with the highest rate (the first such); null when the query never occurs. */
  peak: string | null;
}

/** The options and definitions a trend was made with. */
export interface TrendParams {
  by: TrendPeriod;
  ratePer: number;
  tokens: string;
  match: string;
}

/** Trend series of every query over the periods of the input. */
export interface TrendResult {
  periods: string[];
  /** Documents per period. */
  documents: number[];
  /** Counted tokens per period. */
  tokens: number[];
  totalTokens: number;
  series: TrendSeries[];
  params: TrendParams;
}

/** Orders period keys: numerically when all are numbers (years, sessions), else by code units; unknown last. */
export function sortPeriods(keys: Iterable<string>): string[] {
  const all = [...keys];
  const known = sortGroupKeys(all.filter((k) => k !== UNKNOWN_PERIOD));
  return all.includes(UNKNOWN_PERIOD) ? [...known, UNKNOWN_PERIOD] : known;
}

/** Builds the series from (possibly merged) counts; `labels` are the queries as written (default: their terms). */
export function trendFromCounts(counts: TrendCounts, by: TrendPeriod, labels?: readonly string[]): TrendResult {
  const byKey = new Map(counts.periods.map((p) => [p.period, p] as const));
  const periods = sortPeriods(byKey.keys());
  const rows = periods.map((k) => byKey.get(k) as PeriodCounts);
  const tokens = rows.map((p) => p.tokens);
  const totalTokens = tokens.reduce((a, b) => a + b, 0);
  const rate = (c: number, n: number): number | null => (n > 0 ? (c * RATE_PER) / n : null);
  const series = counts.queries.map((terms, qi): TrendSeries => {
    const c = rows.map((p) => p.counts[qi] ?? 0);
    const rates = rows.map((p, i) => rate(c[i] as number, p.tokens));
    const total = c.reduce((a, b) => a + b, 0);
    let peak: string | null = null;
    let best = 0;
    rates.forEach((r, i) => {
      if (r !== null && r > best) {
        best = r;
        peak = periods[i] as string;
      }
    });
    const term = terms.join(' ');
    return { query: labels?.[qi] ?? term, term, terms: [...terms], counts: c, rates, total, rate: rate(total, totalTokens), peak };
  });
  return {
    periods,
    documents: rows.map((p) => p.documents),
    tokens,
    totalTokens,
    series,
    params: {
      by,
      ratePer: RATE_PER,
      tokens: 'non-stop, non-number term occurrences, as speeches terms counts them',
      match: 'the query terms consecutive inside one sentence, no clause break between them; overlapping matches count',
    },
  };
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * A sparkline of values scaled from 0 to their maximum (▁ for 0, █ for the maximum); a space where the
 * value is null. Plain data for a table cell, so it lives with the analysis it draws.
 */
export function sparkline(values: readonly (number | null)[]): string {
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (max <= 0) return BARS[0];
      return BARS[Math.min(7, Math.round((v / max) * 7))];
    })
    .join('');
}

/** The mean of the rates of the periods whose keys fall within [from, to] (numeric keys); null if none. */
export function meanRate(result: TrendResult, term: string, from: number, to: number): number | null {
  const s = result.series.find((x) => x.query === term || x.term === term);
  if (!s) return null;
  const picked = result.periods
    .map((p, i) => [Number(p), s.rates[i]] as const)
    .filter(([p, r]) => Number.isFinite(p) && p >= from && p <= to && r !== null && r !== undefined)
    .map(([, r]) => r as number);
  return picked.length ? picked.reduce((a, b) => a + b, 0) / picked.length : null;
}
