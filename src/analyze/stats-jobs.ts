/**
 * Per-document jobs for `speeches stats` and `speeches trend`, run by worker threads (see jobs.ts for
 * the pattern): a document's units → term sink → mergeable counts. Pure functions of (document, args).
 */

import type { SpeechDocument } from '../model/types.js';
import type { Lang, TermOptions } from '../text/index.js';
import { groupKey } from './groups.js';
import { documentLang, mergeLangs, pipelineFor, type CountArgs, type Counted } from './jobs.js';
import { textCounts } from './readability.js';
import { mergeStatsCounts, StatsCounter, type StatsCounts } from './stats.js';
import { mergeTrendCounts, periodKey, TrendCounter, type TrendCounts, type TrendPeriod } from './trend.js';

/** Arguments of the trend jobs: the term options, the period field and the queries' term sequences. */
export interface TrendArgs {
  terms: TermOptions;
  allUnits: boolean;
  by: TrendPeriod;
  queries: string[][];
}


type Acc<T> = { add(doc: SpeechDocument): void; result(): Counted<T> };

/** Accumulator: the statistics counts of every document a worker reads. */
export function statsAccumulator(args: CountArgs): Acc<StatsCounts> {
  const counter = new StatsCounter(args.by !== undefined);
  const pipeline = pipelineFor(args.terms);
  const langs: Partial<Record<Lang, number>> = {};
  return {
    add(doc) {
      const lang = documentLang(doc, args.terms);
      const english = lang === 'en';
      for (const u of doc.units) {
        if (!args.allUnits && u.kind !== 'content') continue;
        counter.startUnit(doc.id, groupKey(u, doc, args.by), u.turn, textCounts(u.text, english), english);
        pipeline.visit(u.text, lang, counter);
      }
      langs[lang] = (langs[lang] ?? 0) + 1;
    },
    result: () => ({ value: counter.result(), langs }),
  };
}

/** Job: a document's statistics counts. */
export function countDocStats(doc: SpeechDocument, args: CountArgs): Counted<StatsCounts> {
  const acc = statsAccumulator(args);
  acc.add(doc);
  return acc.result();
}

/** Reduce: merge the statistics counts of many documents (or of many workers). */
export function mergeCountedStats(list: Counted<StatsCounts>[]): Counted<StatsCounts> {
  return { value: mergeStatsCounts(...list.map((c) => c.value)), langs: mergeLangs(list) };
}

/** Accumulator: the trend counts (query matches and tokens per period) of every document a worker reads. */
export function trendAccumulator(args: TrendArgs): Acc<TrendCounts> {
  const counter = new TrendCounter(args.queries);
  const pipeline = pipelineFor(args.terms);
  const langs: Partial<Record<Lang, number>> = {};
  return {
    add(doc) {
      const lang = documentLang(doc, args.terms);
      counter.startDocument(periodKey(doc, args.by));
      for (const u of doc.units) {
        if (!args.allUnits && u.kind !== 'content') continue;
        pipeline.visit(u.text, lang, counter);
      }
      langs[lang] = (langs[lang] ?? 0) + 1;
    },
    result: () => ({ value: counter.result(), langs }),
  };
}

/** Job: a document's trend counts. */
export function countDocTrend(doc: SpeechDocument, args: TrendArgs): Counted<TrendCounts> {
  const acc = trendAccumulator(args);
  acc.add(doc);
  return acc.result();
}

/** Reduce: merge the trend counts of many documents (or of many workers). */
export function mergeCountedTrend(list: Counted<TrendCounts>[]): Counted<TrendCounts> {
  return { value: mergeTrendCounts(...list.map((c) => c.value)), langs: mergeLangs(list) };
}
