/**
 * Corpus statistics per group (`speeches stats`): documents, turns, paragraphs, sentences, words,
 * tokens, types, type-token ratio, MATTR, mean sentence length, Flesch scores and share of voice.
 *
 * Definitions (also carried in `params`):
 * - tokens: counted terms exactly as `speeches terms` counts them — TermOccs that are neither stopwords
 *   nor numbers, after compounds and aliases are joined ("united nations" is one token) and, with
 *   --stem, stemmed. types: distinct tokens. TTR = types / tokens.
 * - words: word tokens of the tokenizer before stopword removal and compounds, numbers excluded (see
 *   readability.ts); sentences: the tokenizer's sentences. Mean sentence length = words / sentences.
 * - MATTR (Covington & McFall 2010): the mean, over every window of `window` (100) consecutive tokens,
 *   of the window's types / window. The sequence is the group's tokens in input order: documents in the
 *   order the inputs were given, units in document order, so a window may run from one document into
 *   the next of the same group. With fewer tokens than the window, MATTR is the TTR. The sum of window
 *   types is an integer, so MATTR does not depend on how the input was split between workers.
 * - Flesch reading ease and Flesch–Kincaid grade: over the group's English documents only (words,
 *   sentences and syllables of those); null when the group has no English words.
 * - share: the group's tokens as a percentage of all tokens of the input.
 */

import type { TermSink, TermStream } from '../text/index.js';
import { compareCodeUnits, compareDocIds, sortGroupKeys } from './corpus.js';
import { replay } from './frequency.js';
import { fleschKincaidGrade, fleschReadingEase, type TextCounts } from './readability.js';

/** The MATTR window, in tokens. */
export const MATTR_WINDOW = 100;

/** What each statistic means, as `params` names it. */
export const STATS_DEFINITIONS = {
  tokens: 'non-stop, non-number term occurrences, as speeches terms counts them (compounds are one token)',
  types: 'distinct tokens',
  words: 'word tokens before stopword removal and compounds; numbers excluded',
  sentences: "the tokenizer's sentences (those with at least one token)",
  mattr: 'mean types/window over every window of `window` consecutive tokens of the group, documents in input order; TTR when tokens < window',
  syllables: 'vowel groups (y a vowel except first) less a silent final e / es / ed, consonant+le kept; at least 1 per word',
  readability: 'Flesch reading ease and Flesch–Kincaid grade over the English documents only',
  share: "percentage of all tokens of the input",
} as const;

// ---------------------------------------------------------------------------------------------------
// MATTR as a mergeable summary

/**
 * A token sequence summarised for MATTR so that two summaries of consecutive sequences merge exactly:
 * its length, the sum of the types of each full window inside it, and its first and last window − 1
 * tokens (every window across a join lies within the left part's tail and the right part's head).
 */
export interface MattrPart {
  n: number;
  windowTypes: number;
  head: string[];
  tail: string[];
}

/** Sum, over every window of `window` consecutive tokens, of the distinct tokens in it. */
function slidingTypes(tokens: readonly string[], window: number): number {
  if (tokens.length < window) return 0;
  const counts = new Map<string, number>();
  let distinct = 0;
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const c = counts.get(t) ?? 0;
    if (c === 0) distinct++;
    counts.set(t, c + 1);
    if (i >= window) {
      const old = tokens[i - window] as string;
      const oc = counts.get(old) as number;
      if (oc === 1) distinct--;
      counts.set(old, oc - 1);
    }
    if (i >= window - 1) sum += distinct;
  }
  return sum;
}

function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`MATTR window must be a whole number ≥ 1, not ${window}`);
}

/** The empty sequence's summary. */
export function emptyMattr(): MattrPart {
  return { n: 0, windowTypes: 0, head: [], tail: [] };
}

/** Summarise a token sequence for MATTR. */
export function mattrPart(tokens: readonly string[], window = MATTR_WINDOW): MattrPart {
  checkWindow(window);
  const n = tokens.length;
  return {
    n,
    windowTypes: slidingTypes(tokens, window),
    head: tokens.slice(0, window - 1),
    tail: tokens.slice(Math.max(0, n - (window - 1))),
  };
}

/** The summary of sequence a followed by sequence b, from their summaries. */
export function mergeMattr(a: MattrPart, b: MattrPart, window = MATTR_WINDOW): MattrPart {
  checkWindow(window);
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const across = [...a.tail, ...b.head];
  const joinedHead = a.head.length < window - 1 ? [...a.head, ...b.head] : a.head;
  const joinedTail = b.tail.length < window - 1 ? [...a.tail, ...b.tail] : b.tail;
  return {
    n: a.n + b.n,
    windowTypes: a.windowTypes + b.windowTypes + slidingTypes(across, window),
    head: joinedHead.slice(0, window - 1),
    tail: joinedTail.slice(Math.max(0, joinedTail.length - (window - 1))),
  };
}

/** MATTR from a summary and the sequence's type count: null for no tokens, the TTR below one window. */
export function mattrValue(part: MattrPart, types: number, window = MATTR_WINDOW): number | null {
  if (part.n === 0) return null;
  if (part.n < window) return types / part.n;
  return part.windowTypes / (window * (part.n - window + 1));
}

/** MATTR of a token sequence (moving-average type-token ratio, Covington & McFall 2010). */
export function mattr(tokens: readonly string[], window = MATTR_WINDOW): number | null {
  return mattrValue(mattrPart(tokens, window), new Set(tokens).size, window);
}

/** Type-token ratio; null for no tokens. */
export function ttr(tokens: number, types: number): number | null {
  return tokens > 0 ? types / tokens : null;
}

// ---------------------------------------------------------------------------------------------------
// Counting

/** One document's share of a group's token sequence, summarised for MATTR. */
export interface MattrSegment {
  document: string;
  part: MattrPart;
}

/** Counts of one group, in a plain serialisable, mergeable form. */
export interface GroupStatsCounts {
  group: string;
  documents: number;
  /** Distinct (document, turn) pairs. */
  turns: number;
  /** Counted units (content paragraphs, or every unit with --all-units). */
  paragraphs: number;
  sentences: number;
  words: number;
  tokens: number;
  /** The distinct tokens (any order). */
  terms: string[];
  /** Words, sentences and syllables of the English documents. */
  english: TextCounts;
  /** Per document, its part of the token sequence; ordered by document at the end. */
  segments: MattrSegment[];
}

/** Mergeable statistics counts (structured-clone and JSON safe), made by workers from disjoint documents. */
export interface StatsCounts {
  grouped: boolean;
  /** Groups in first-seen order. */
  groups: GroupStatsCounts[];
  /** The whole input, when grouped (else the only group is the whole input). */
  total: GroupStatsCounts | null;
  window: number;
}

interface GroupAcc {
  group: string;
  documents: number;
  turns: number;
  paragraphs: number;
  sentences: number;
  words: number;
  tokens: number;
  types: Set<string>;
  english: TextCounts;
  segments: MattrSegment[];
  /** The current document's tokens and turns in this group. */
  lastDoc: string | null;
  docTokens: string[];
  docTurns: Set<number>;
}

function newAcc(group: string): GroupAcc {
  return {
    group,
    documents: 0,
    turns: 0,
    paragraphs: 0,
    sentences: 0,
    words: 0,
    tokens: 0,
    types: new Set(),
    english: { words: 0, sentences: 0, syllables: 0 },
    segments: [],
    lastDoc: null,
    docTokens: [],
    docTurns: new Set(),
  };
}

/**
 * Counts statistics as a TermSink: call `startUnit` with each unit's group, turn and text counts, then
 * send its terms. The units of one document must come together.
 */
export class StatsCounter implements TermSink {
  private readonly groups = new Map<string, GroupAcc>();
  private readonly total: GroupAcc | null;
  /** Groups with units in the current document. */
  private readonly touched = new Set<GroupAcc>();
  private doc: string | null = null;
  private cur: GroupAcc | null = null;

  /** `grouped`: units carry --by groups, so the whole input is counted apart as well. */
  constructor(
    private readonly grouped: boolean,
    private readonly window = MATTR_WINDOW,
  ) {
    checkWindow(window);
    this.total = grouped ? newAcc('') : null;
  }

  /** Begin a unit: its document, group, speaker turn, and word / sentence / syllable counts. */
  startUnit(document: string, group: string, turn: number, text: TextCounts, english: boolean): void {
    if (document !== this.doc) {
      this.flush();
      this.doc = document;
    }
    let g = this.groups.get(group);
    if (g === undefined) {
      g = newAcc(group);
      this.groups.set(group, g);
    }
    this.cur = g;
    this.addUnit(g, document, turn, text, english);
    if (this.total) this.addUnit(this.total, document, turn, text, english);
  }

  private addUnit(g: GroupAcc, document: string, turn: number, text: TextCounts, english: boolean): void {
    if (g.lastDoc !== document) {
      g.lastDoc = document;
      g.documents++;
      g.docTurns.clear();
    }
    this.touched.add(g);
    if (!g.docTurns.has(turn)) {
      g.docTurns.add(turn);
      g.turns++;
    }
    g.paragraphs++;
    g.sentences += text.sentences;
    g.words += text.words;
    if (english) {
      g.english.words += text.words;
      g.english.sentences += text.sentences;
      g.english.syllables += text.syllables;
    }
  }

  term(term: string, _start: number, _end: number, stop: boolean, number: boolean): void {
    if (stop || number) return;
    const g = this.cur as GroupAcc;
    g.tokens++;
    g.types.add(term);
    g.docTokens.push(term);
    if (this.total) {
      this.total.tokens++;
      this.total.types.add(term);
      this.total.docTokens.push(term);
    }
  }

  gap(): void {}

  endSentence(): void {}

  /** Close the current document: each group's tokens in it become one MATTR segment. */
  private flush(): void {
    for (const g of this.touched) {
      if (g.docTokens.length > 0) g.segments.push({ document: g.lastDoc as string, part: mattrPart(g.docTokens, this.window) });
      g.docTokens = [];
    }
    this.touched.clear();
  }

  /** The counts so far, in the mergeable form. */
  result(): StatsCounts {
    this.flush();
    return {
      grouped: this.grouped,
      groups: [...this.groups.values()].map(plain),
      total: this.total ? plain(this.total) : null,
      window: this.window,
    };
  }
}

function plain(g: GroupAcc): GroupStatsCounts {
  return {
    group: g.group,
    documents: g.documents,
    turns: g.turns,
    paragraphs: g.paragraphs,
    sentences: g.sentences,
    words: g.words,
    tokens: g.tokens,
    terms: [...g.types],
    english: { ...g.english },
    segments: [...g.segments],
  };
}

/** One unit to count, for `countStats`: its term stream and the counts of its text. */
export interface StatsUnit {
  document: string;
  group: string;
  turn: number;
  stream: TermStream;
  text: TextCounts;
  english: boolean;
}

/** Counts the statistics of units given as term streams (the pure, in-memory form of the job). */
export function countStats(units: readonly StatsUnit[], grouped = units.some((u) => u.group !== ''), window = MATTR_WINDOW): StatsCounts {
  const counter = new StatsCounter(grouped, window);
  for (const u of units) {
    counter.startUnit(u.document, u.group, u.turn, u.text, u.english);
    replay(u.stream, counter);
  }
  return counter.result();
}

function mergeGroup(into: { g: GroupStatsCounts; types: Set<string> }, from: GroupStatsCounts): void {
  const g = into.g;
  g.documents += from.documents;
  g.turns += from.turns;
  g.paragraphs += from.paragraphs;
  g.sentences += from.sentences;
  g.words += from.words;
  g.tokens += from.tokens;
  for (const t of from.terms) into.types.add(t);
  g.english.words += from.english.words;
  g.english.sentences += from.english.sentences;
  g.english.syllables += from.english.syllables;
  g.segments.push(...from.segments);
}

function emptyGroup(group: string): GroupStatsCounts {
  return {
    group,
    documents: 0,
    turns: 0,
    paragraphs: 0,
    sentences: 0,
    words: 0,
    tokens: 0,
    terms: [],
    english: { words: 0, sentences: 0, syllables: 0 },
    segments: [],
  };
}

/** Merges StatsCounts from disjoint sets of documents (e.g. workers given different files). */
export function mergeStatsCounts(...parts: StatsCounts[]): StatsCounts {
  const byKey = new Map<string, { g: GroupStatsCounts; types: Set<string> }>();
  const total = { g: emptyGroup(''), types: new Set<string>() };
  let grouped = false;
  let window = MATTR_WINDOW;
  for (const part of parts) {
    grouped ||= part.grouped;
    window = part.window;
    for (const src of part.groups) {
      let entry = byKey.get(src.group);
      if (entry === undefined) {
        entry = { g: emptyGroup(src.group), types: new Set() };
        byKey.set(src.group, entry);
      }
      mergeGroup(entry, src);
    }
    if (part.total) mergeGroup(total, part.total);
  }
  const done = (e: { g: GroupStatsCounts; types: Set<string> }): GroupStatsCounts => ({ ...e.g, terms: [...e.types] });
  return { grouped, groups: [...byKey.values()].map(done), total: grouped ? done(total) : null, window };
}

// ---------------------------------------------------------------------------------------------------
// Results

/** One group's statistics. */
export interface GroupStats {
  /** The --by key; '' when not grouped (and for the total). */
  group: string;
  documents: number;
  turns: number;
  paragraphs: number;
  sentences: number;
  words: number;
  tokens: number;
  types: number;
  ttr: number | null;
  mattr: number | null;
  /** Words per sentence. */
  meanSentenceLength: number | null;
  /** English words the Flesch scores are computed on (0: the scores are null). */
  readabilityWords: number;
  fleschReadingEase: number | null;
  fleschKincaidGrade: number | null;
  /** Percentage of all tokens of the input; null when the input has no tokens. */
  share: number | null;
}

/** The options and definitions the statistics were made with. */
export interface StatsParams {
  /** Per --by group (else one group, the whole input). */
  grouped: boolean;
  window: number;
  definitions: typeof STATS_DEFINITIONS;
}

/** Statistics per group, and for the whole input. */
export interface StatsResult {
  /** Sorted by key (numerically when every key is a number); exactly one ('') when not grouped. */
  groups: GroupStats[];
  total: GroupStats;
  params: StatsParams;
}

function groupStats(g: GroupStatsCounts, totalTokens: number, window: number): GroupStats {
  const segments = [...g.segments].sort((x, y) => compareDocIds(x.document, y.document));
  let part = emptyMattr();
  for (const s of segments) part = mergeMattr(part, s.part, window);
  const types = g.terms.length;
  return {
    group: g.group,
    documents: g.documents,
    turns: g.turns,
    paragraphs: g.paragraphs,
    sentences: g.sentences,
    words: g.words,
    tokens: g.tokens,
    types,
    ttr: ttr(g.tokens, types),
    mattr: mattrValue(part, types, window),
    meanSentenceLength: g.sentences > 0 ? g.words / g.sentences : null,
    readabilityWords: g.english.words,
    fleschReadingEase: fleschReadingEase(g.english),
    fleschKincaidGrade: fleschKincaidGrade(g.english),
    share: totalTokens > 0 ? (100 * g.tokens) / totalTokens : null,
  };
}

/** Builds the statistics of every group and of the whole input from (possibly merged) counts. */
export function statsFromCounts(counts: StatsCounts): StatsResult {
  const window = counts.window;
  const totalCounts = counts.grouped ? (counts.total ?? emptyGroup('')) : (counts.groups[0] ?? emptyGroup(''));
  const totalTokens = totalCounts.tokens;
  let groups: GroupStats[];
  if (counts.grouped) {
    const byKey = new Map(counts.groups.map((g) => [g.group, g] as const));
    groups = sortGroupKeys(byKey.keys()).map((k) => groupStats(byKey.get(k) as GroupStatsCounts, totalTokens, window));
  } else {
    groups = [groupStats(totalCounts, totalTokens, window)];
  }
  return {
    groups,
    total: groupStats(totalCounts, totalTokens, window),
    params: { grouped: counts.grouped, window, definitions: STATS_DEFINITIONS },
  };
}

/** The column names of `statsRows`, as in the JSON. */
export const STATS_COLUMNS = [
  'group',
  'documents',
  'turns',
  'paragraphs',
  'sentences',
  'words',
  'tokens',
  'types',
  'ttr',
  'mattr',
  'meanSentenceLength',
  'readabilityWords',
  'fleschReadingEase',
  'fleschKincaidGrade',
  'share',
] as const satisfies readonly (keyof GroupStats)[];

/** The statistics as a header and rows of plain values (unrounded; null when not defined), for CSV or TSV. */
export function statsRows(result: StatsResult): (string | number | null)[][] {
  return [[...STATS_COLUMNS], ...result.groups.map((g) => STATS_COLUMNS.map((c) => g[c]))];
}
