/**
 * Per-document jobs that worker threads run: a document's units → term streams → mergeable counts.
 * Pure functions of (document, args); the prepared term pipeline is memoised per set of options.
 */

import type { SpeechDocument, Unit } from '../model/types.js';
import { detectLang, prepareTerms, type Lang, type TermOptions, type TermPipeline, type TermSink } from '../text/index.js';
import type { CountedUnit } from './corpus.js';
import { mergeTermCounts, TermCounter, type TermCounts } from './frequency.js';
import { groupKey, type GroupBy } from './groups.js';
import { mergeNgramCounts, NgramCounter, type NgramCountOptions, type NgramCounts } from './ngrams.js';
import { unitId } from './units.js';

export interface CountArgs {
  terms: TermOptions;
  allUnits: boolean;
  by?: GroupBy;
  ngrams?: NgramCountOptions;
}

/** A job's counts, with the languages of the documents it read (documents per language). */
export interface Counted<T> {
  value: T;
  langs: Partial<Record<Lang, number>>;
}

/** Documents per language, over many jobs' results; keys in code order, whatever order workers met them in. */
export function mergeLangs(list: readonly { langs: Partial<Record<Lang, number>> }[]): Partial<Record<Lang, number>> {
  const sum = new Map<Lang, number>();
  for (const c of list) for (const [l, n] of Object.entries(c.langs) as [Lang, number][]) sum.set(l, (sum.get(l) ?? 0) + n);
  const out: Partial<Record<Lang, number>> = {};
  for (const l of [...sum.keys()].sort()) out[l] = sum.get(l) as number;
  return out;
}

const pipelines = new Map<string, TermPipeline>();
/** The pipeline of each options object met (a job passes the same object for every document). */
const byObject = new WeakMap<TermOptions, TermPipeline>();

/** The prepared term pipeline for a set of options (equal options, one pipeline), made once per worker. */
export function pipelineFor(opts: TermOptions): TermPipeline {
  let p = byObject.get(opts);
  if (p) return p;
  const key = JSON.stringify(opts, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<string>)].sort() : v));
  p = pipelines.get(key);
  if (!p) pipelines.set(key, (p = prepareTerms(opts)));
  byObject.set(opts, p);
  return p;
}

/** The language of a document: the option when given, else detected once from its first text. */
export function documentLang(doc: SpeechDocument, opts: TermOptions): Lang {
  if (opts.lang !== 'auto') return opts.lang;
  // The first content units, up to about 5,000 characters, joined in one string.
  const parts: string[] = [];
  let length = 0;
  for (const u of doc.units) {
    if (u.kind !== 'content') continue;
    parts.push(u.text, '\n');
    length += u.text.length + 1;
    if (length > 5000) break;
  }
  return detectLang(parts.length > 0 ? parts.join('') : doc.units.map((u) => u.text).join('\n'));
}

/** A document's units as term streams, ready to count (content units only, unless allUnits). */
export function countedUnits(doc: SpeechDocument, args: CountArgs): CountedUnit[] {
  const pipeline = pipelineFor(args.terms);
  const lang = documentLang(doc, args.terms);
  const out: CountedUnit[] = [];
  for (const u of doc.units) {
    if (!args.allUnits && u.kind !== 'content') continue;
    out.push({ unit: unitId(u), document: doc.id, group: groupKey(u, doc, args.by), stream: pipeline(u.text, lang), text: u.text, speaker: groupKey(u, doc, 'speaker'), ...countryTerm(u, doc, pipeline, lang) });
  }
  return out;
}

/** Send each counted unit of a document through the pipeline to a sink (no streams are built). */
export function visitUnits(doc: SpeechDocument, args: CountArgs, sink: TermSink, start?: (unit: Unit) => void): Lang {
  const pipeline = pipelineFor(args.terms);
  const lang = documentLang(doc, args.terms);
  for (const u of doc.units) {
    if (!args.allUnits && u.kind !== 'content') continue;
    start?.(u);
    pipeline.visit(u.text, lang, sink);
  }
  return lang;
}

/** Job: a document's term counts. */
export function countDocTerms(doc: SpeechDocument, args: CountArgs): Counted<TermCounts> {
  const acc = termAccumulator(args);
  acc.add(doc);
  return acc.result();
}

/** Accumulator: the term counts of every document a worker reads, in one counter. */
export function termAccumulator(args: CountArgs): { add(doc: SpeechDocument): void; result(): Counted<TermCounts> } {
  const counter = new TermCounter(args.by !== undefined);
  const langs: Partial<Record<Lang, number>> = {};
  return {
    add(doc) {
      const lang = visitUnits(doc, args, counter, (u) => counter.startUnit(doc.id, groupKey(u, doc, args.by)));
      langs[lang] = (langs[lang] ?? 0) + 1;
    },
    result: () => ({ value: counter.result(), langs }),
  };
}

/** Accumulator: the n-gram counts of every document a worker reads, in one counter. */
export function ngramAccumulator(args: CountArgs): { add(doc: SpeechDocument): void; result(): Counted<NgramCounts> } {
  if (!args.ngrams) throw new Error('ngramAccumulator needs ngrams options');
  const counter = new NgramCounter(args.ngrams);
  const langs: Partial<Record<Lang, number>> = {};
  return {
    add(doc) {
      const lang = visitUnits(doc, args, counter);
      langs[lang] = (langs[lang] ?? 0) + 1;
    },
    result: () => ({ value: counter.result(), langs }),
  };
}

/** Reduce: merge the term counts of many documents (or of many workers). */
export function mergeCountedTerms(list: Counted<TermCounts>[]): Counted<TermCounts> {
  return { value: mergeTermCounts(...list.map((c) => c.value)), langs: mergeLangs(list) };
}

/** Job: a document's n-gram counts. */
export function countDocNgrams(doc: SpeechDocument, args: CountArgs): Counted<NgramCounts> {
  const acc = ngramAccumulator(args);
  acc.add(doc);
  return acc.result();
}

/** Reduce: merge the n-gram counts of many documents (or of many workers). */
export function mergeCountedNgrams(list: Counted<NgramCounts>[]): Counted<NgramCounts> {
  return { value: mergeNgramCounts(...list.map((c) => c.value)), langs: mergeLangs(list) };
}

/** Job: a document's units as term streams (for analyses that need every occurrence). */
export function docStreams(doc: SpeechDocument, args: CountArgs): Counted<CountedUnit[]> {
  return { value: countedUnits(doc, args), langs: { [documentLang(doc, args.terms)]: 1 } };
}

/** The speaker's country as the pipeline writes it ("kazakhstan", "united states"). */
function countryTerm(u: Unit, doc: SpeechDocument, pipeline: TermPipeline, lang: Lang): { country?: string } {
  const name = u.speaker.country?.name ?? doc.speaker?.country?.name;
  if (!name) return {};
  const terms = pipeline(name, lang).sentences.flat().filter((t) => t !== null);
  return terms.length ? { country: terms.map((t) => (t as { term: string }).term).join(' ') } : {};
}
