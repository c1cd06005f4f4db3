/**
 * N-gram counts (`speeches ngrams`), with association measures for bigrams.
 *
 * Rules (also carried in `params`):
 * - An n-gram is a run of n consecutive TermOcc inside one sentence array with no `null` inside, so it
 *   never crosses a gap, a sentence end or a unit end (each unit is its own stream).
 * - A compound TermOcc ("united nations") is one token of an n-gram.
 * - Stopwords may appear inside an n-gram but not at either end ("responsibility to protect" counts,
 *   "to protect" does not); `strict` bans them anywhere.
 * - Numbers (TermOcc.number) may appear inside and at the end but not at the start, as the text-layer
 *   contract says ("agenda 2030", "resolution 2334" count; "2030 agenda" does not). `strict` does not
 *   change this.
 * - key = terms joined by U+0001 (a term may contain spaces, so keys never collide); display = joined
 *   by one space.
 * - Bigram measures use O11 = the bigram's count, R1 = f(w1), C1 = f(w2), where f counts every non-null
 *   TermOcc (stopword or not), and N = the number of non-null TermOcc in the data; E11 = R1·C1/N.
 *   Longer n-grams carry counts only (their measure fields are null).
 */

import { expected11, g2Collocation, logDice, pmi, tScore } from './association.js';
import { compareCodeUnits, minRanks, type CountedUnit } from './corpus.js';
import { PairIndex, ensureInt32 } from '../text/surface-table.js';
import { termIdOf, termOfId, type TermIdSink } from '../text/terms.js';
import { replay } from './frequency.js';

/** Separator of the terms in an n-gram key. */
export const NGRAM_KEY_SEPARATOR = '\u0001';

/** What n-gram rows are sorted by (descending); the measures exist for bigrams only. */
export type NgramSort = 'count' | 'pmi' | 'g2' | 'tscore' | 'logdice';

/** Options that decide what is counted (and must match to merge counts). */
export interface NgramCountOptions {
  /** One size (2–5) or an inclusive range such as [2, 3]. */
  n: number | readonly [number, number];
  /** Ban stopwords anywhere in an n-gram (default: only at the ends). */
  strict: boolean;
}

/** Options of `ngramCounts`. */
export interface NgramOptions extends NgramCountOptions {
  /** Drop n-grams seen fewer times, before ranking; the CLI default is 2. */
  minCount?: number;
  /** Default 'count'. Measure sorts put the bigrams first; longer n-grams follow by count. */
  sort?: NgramSort;
  /** Keep the first `top` rows after ranking. */
  top?: number;
}

/** Mergeable n-gram counts (structured-clone and JSON safe), for counting in worker threads. */
export interface NgramCounts {
  n: [number, number];
  strict: boolean;
  /** Non-null TermOcc in the data (the N of the bigram measures). */
  tokens: number;
  /** f(w) for every non-null TermOcc term, stop or not: parallel arrays. */
  unigramTerms: string[];
  unigramCounts: number[];
  /** N-gram keys (terms joined by U+0001) and their counts: parallel arrays. */
  keys: string[];
  counts: number[];
}

/** One n-gram with its count, and its association measures when it is a bigram. */
export interface NgramRow {
  /** Terms joined by U+0001. */
  key: string;
  /** Terms joined by a space. */
  display: string;
  terms: string[];
  n: number;
  count: number;
  /** Ties "min" by the sort key. */
  rank: number;
  /** Bigram measures; null for n > 2. */
  f1: number | null;
  f2: number | null;
  expected: number | null;
  pmi: number | null;
  tScore: number | null;
  g2: number | null;
  logDice: number | null;
}

/** The options and definitions an n-gram table was made with. */
export interface NgramParams {
  n: [number, number];
  strict: boolean;
  minCount: number;
  sort: NgramSort;
  top: number | null;
  /** What N and f(w) count. */
  tokens: string;
  stopwords: string;
  numbers: string;
  expected: string;
  ties: 'min';
}

/** A ranked n-gram table. */
export interface NgramResult {
  rows: NgramRow[];
  /** N: non-null TermOcc in the data. */
  tokens: number;
  /** Distinct n-grams before minCount. */
  types: number;
  /** N-gram occurrences before minCount. */
  occurrences: number;
  params: NgramParams;
}

/** Validates and normalises the n option to an inclusive [min, max] within 2..5. */
export function ngramRange(n: number | readonly [number, number]): [number, number] {
  const [lo, hi] = typeof n === 'number' ? [n, n] : [n[0], n[1]];
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 2 || hi > 5 || lo > hi) {
    throw new RangeError(`n-gram size must be 2 to 5 or a range such as 2-3, got ${typeof n === 'number' ? n : `${lo}-${hi}`}`);
  }
  return [lo, hi];
}

/**
 * Counts n-grams as a TermSink (see TermCounter): a run of terms between gaps is kept in reused arrays
 * and counted when a gap or a sentence end closes it. Terms are counted by local index (dense, in
 * first-seen order, from their registry id); an n-gram of k terms is a node of level k, keyed by the node
 * of its first k − 1 terms and its last term's index, so no key string is built until `result()`.
 */
export class NgramCounter implements TermIdSink {
  private readonly lo: number;
  private readonly hi: number;
  private readonly strict: boolean;
  /** Registry id → local term index; `uniCount` by local index. */
  private readonly uni = new PairIndex();
  private uniCount: Int32Array = new Int32Array(16);
  /** levels[k]: (node of the first k − 1 terms, or the first term's index when k = 2; last term) → node. */
  private readonly levels: PairIndex[] = [];
  private readonly levelCounts: Int32Array[] = [];
  /** N-grams in first-counted order: level and node. */
  private orderLevel: number[] = [];
  private orderNode: number[] = [];
  private tokens = 0;
  private run: Int32Array = new Int32Array(64);
  private runFlags: Uint8Array = new Uint8Array(64);
  private len = 0;

  constructor(opts: NgramCountOptions) {
    [this.lo, this.hi] = ngramRange(opts.n);
    this.strict = opts.strict;
    for (let k = 0; k <= this.hi; k++) {
      this.levels.push(new PairIndex());
      this.levelCounts.push(new Int32Array(16));
    }
  }

  term(term: string, _start: number, _end: number, stop: boolean, number: boolean): void {
    this.termId(termIdOf(term), stop, number);
  }

  termId(id: number, stop: boolean, number: boolean): void {
    this.tokens++;
    const uni = this.uni;
    const n = uni.size;
    const t = uni.intern(id, 0);
    if (t === n) this.uniCount = ensureInt32(this.uniCount, t + 1);
    this.uniCount[t]!++;
    if (this.len === this.run.length) {
      this.run = ensureInt32(this.run, this.len + 1);
      const f = new Uint8Array(this.run.length);
      f.set(this.runFlags);
      this.runFlags = f;
    }
    this.run[this.len] = t;
    this.runFlags[this.len] = (stop ? 1 : 0) | (number ? 2 : 0);
    this.len++;
  }

  gap(): void {
    this.countRun();
  }

  endSentence(): void {
    this.countRun();
  }

  /** N-grams of the current run: no stopword or number first, no stopword last (inside only, or none if strict). */
  private countRun(): void {
    const { len, hi, lo, strict, run, runFlags } = this;
    for (let i = 0; i < len; i++) {
      if (runFlags[i] !== 0) continue;
      let node = run[i]!;
      for (let k = 1; k < hi && i + k < len; k++) {
        const stop = (runFlags[i + k]! & 1) !== 0;
        if (strict && stop) break;
        const counted = k + 1 >= lo && !stop;
        // a node is needed when it is counted, or as the prefix of a longer n-gram
        if (!counted && (k + 1 >= hi || i + k + 1 >= len)) break;
        const level = this.levels[k + 1]!;
        const size = level.size;
        node = level.intern(node, run[i + k]!);
        if (counted) {
          let counts = this.levelCounts[k + 1]!;
          if (node >= counts.length) {
            counts = ensureInt32(counts, node + 1);
            this.levelCounts[k + 1] = counts;
          }
          if (counts[node] === 0) {
            this.orderLevel.push(k + 1);
            this.orderNode.push(node);
          }
          counts[node]!++;
        } else if (node === size) {
          const counts = this.levelCounts[k + 1]!;
          if (node >= counts.length) this.levelCounts[k + 1] = ensureInt32(counts, node + 1);
        }
      }
    }
    this.len = 0;
  }

  /** The key of a node of level k (terms joined by NGRAM_KEY_SEPARATOR). */
  private keyOf(level: number, node: number, names: readonly string[]): string {
    const L = this.levels[level]!;
    const prefix = L.a[node]!;
    const last = names[L.b[node]!] as string;
    return (level === 2 ? (names[prefix] as string) : this.keyOf(level - 1, prefix, names)) + NGRAM_KEY_SEPARATOR + last;
  }

  /** The counts so far, in the mergeable form. */
  result(): NgramCounts {
    const n = this.uni.size;
    const names = new Array<string>(n);
    for (let t = 0; t < n; t++) names[t] = termOfId(this.uni.a[t]!);
    const m = this.orderNode.length;
    const keys = new Array<string>(m);
    const counts = new Array<number>(m);
    for (let i = 0; i < m; i++) {
      const level = this.orderLevel[i]!;
      const node = this.orderNode[i]!;
      keys[i] = this.keyOf(level, node, names);
      counts[i] = this.levelCounts[level]![node]!;
    }
    return {
      n: [this.lo, this.hi],
      strict: this.strict,
      tokens: this.tokens,
      unigramTerms: names,
      unigramCounts: Array.from(this.uniCount.subarray(0, n)),
      keys,
      counts,
    };
  }
}

/** Counts the n-grams and unigram frequencies of `units`; the mergeable first step. */
export function countNgrams(units: readonly CountedUnit[], opts: NgramCountOptions): NgramCounts {
  const counter = new NgramCounter(opts);
  for (const cu of units) replay(cu.stream, counter);
  return counter.result();
}

/** Adds parallel (names, counts) arrays into a map. */
function addInto(map: Map<string, number>, names: readonly string[], counts: readonly number[]): void {
  for (let i = 0; i < names.length; i++) {
    const k = names[i] as string;
    map.set(k, (map.get(k) ?? 0) + (counts[i] as number));
  }
}

/** Merges NgramCounts made with the same options (e.g. by workers over different files), in one pass. */
export function mergeNgramCounts(...parts: NgramCounts[]): NgramCounts {
  const first = parts[0];
  if (first === undefined) throw new RangeError('mergeNgramCounts needs at least one NgramCounts');
  const uni = new Map<string, number>();
  const grams = new Map<string, number>();
  let tokens = 0;
  for (const p of parts) {
    if (p.n[0] !== first.n[0] || p.n[1] !== first.n[1] || p.strict !== first.strict) {
      throw new RangeError('cannot merge n-gram counts made with different options');
    }
    addInto(uni, p.unigramTerms, p.unigramCounts);
    addInto(grams, p.keys, p.counts);
    tokens += p.tokens;
  }
  return {
    n: [first.n[0], first.n[1]],
    strict: first.strict,
    tokens,
    unigramTerms: [...uni.keys()],
    unigramCounts: [...uni.values()],
    keys: [...grams.keys()],
    counts: [...grams.values()],
  };
}

/** The score a row sorts by, or null when the row has no such measure (n > 2 under a measure sort). */
function sortScore(r: Omit<NgramRow, 'rank'>, sort: NgramSort): number | null {
  switch (sort) {
    case 'count':
      return r.count;
    case 'pmi':
      return r.pmi;
    case 'g2':
      return r.g2;
    case 'tscore':
      return r.tScore;
    case 'logdice':
      return r.logDice;
  }
}

/** Compares rows by sort key only (0 = tied): score desc, rows without a score last by count desc. */
function compareKey(x: Omit<NgramRow, 'rank'>, y: Omit<NgramRow, 'rank'>, sort: NgramSort): number {
  const sx = sortScore(x, sort);
  const sy = sortScore(y, sort);
  if (sx !== null && sy !== null) return sy - sx;
  if (sx !== null) return -1;
  if (sy !== null) return 1;
  return y.count - x.count;
}

/** Builds the ranked n-gram table from (possibly merged) counts. */
export function ngramsFromCounts(
  counts: NgramCounts,
  opts: { minCount?: number; sort?: NgramSort; top?: number },
): NgramResult {
  const minCount = opts.minCount ?? 2;
  const sort = opts.sort ?? 'count';
  const top = opts.top ?? null;
  const uni = new Map<string, number>();
  addInto(uni, counts.unigramTerms, counts.unigramCounts);
  const N = counts.tokens;

  let occurrences = 0;
  const rows: Omit<NgramRow, 'rank'>[] = [];
  for (let i = 0; i < counts.keys.length; i++) {
    const count = counts.counts[i] as number;
    occurrences += count;
    if (count < minCount) continue;
    const key = counts.keys[i] as string;
    const terms = key.split(NGRAM_KEY_SEPARATOR);
    const row: Omit<NgramRow, 'rank'> = {
      key,
      display: terms.join(' '),
      terms,
      n: terms.length,
      count,
      f1: null,
      f2: null,
      expected: null,
      pmi: null,
      tScore: null,
      g2: null,
      logDice: null,
    };
    if (terms.length === 2) {
      const f1 = uni.get(terms[0] as string) ?? 0;
      const f2 = uni.get(terms[1] as string) ?? 0;
      row.f1 = f1;
      row.f2 = f2;
      row.expected = expected11(f1, f2, N);
      row.pmi = pmi(count, f1, f2, N);
      row.tScore = tScore(count, f1, f2, N);
      row.g2 = g2Collocation(count, f1, f2, N);
      row.logDice = logDice(count, f1, f2);
    }
    rows.push(row);
  }
  rows.sort((x, y) => compareKey(x, y, sort) || compareCodeUnits(x.key, y.key));
  const ranks = minRanks(rows.length, (i) => compareKey(rows[i] as NgramRow, rows[i - 1] as NgramRow, sort) === 0);
  const kept = top === null ? rows.length : Math.max(0, Math.min(rows.length, top));
  const out: NgramRow[] = [];
  for (let i = 0; i < kept; i++) {
    const r = rows[i] as Omit<NgramRow, 'rank'>;
    out.push({
      key: r.key,
      display: r.display,
      terms: r.terms,
      n: r.n,
      count: r.count,
      rank: ranks[i] as number,
      f1: r.f1,
      f2: r.f2,
      expected: r.expected,
      pmi: r.pmi,
      tScore: r.tScore,
      g2: r.g2,
      logDice: r.logDice,
    });
  }
  return {
    rows: out,
    tokens: N,
    types: counts.keys.length,
    occurrences,
    params: {
      n: [counts.n[0], counts.n[1]],
      strict: counts.strict,
      minCount,
      sort,
      top,
      tokens: 'non-null term occurrences, stopwords and numbers included',
      stopwords: counts.strict ? 'none anywhere (strict)' : 'inside only, never at either end',
      numbers: 'inside or at the end, never at the start',
      expected: 'E11 = f(w1) · f(w2) / N',
      ties: 'min',
    },
  };
}

/** Counts and ranks the n-grams of `units` (see the module comment for the rules). */
export function ngramCounts(units: readonly CountedUnit[], opts: NgramOptions): NgramResult {
  const { minCount, sort, top } = opts;
  return ngramsFromCounts(countNgrams(units, opts), { minCount, sort, top });
}
