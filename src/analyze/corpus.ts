/** The shared input of the counting analyses: one unit's term stream with its document and group. */

import type { TermOcc, TermStream } from '../text/types.js';

/**
 * One unit (paragraph) ready to count. Units of one document are contiguous in an input array, and
 * each array element is a distinct unit: the "units/documents containing" counts rely on both.
 */
export interface CountedUnit {
  /** Unit id, e.g. "d0:t1:p3". */
  unit: string;
  /** Document id. */
  document: string;
  /** The --by group key ('' when there is no grouping). */
  group: string;
  stream: TermStream;
  /** The unit's text, when the analysis needs it (display forms, evidence). */
  text?: string;
  /** Who spoke it, for evidence lines. */
  speaker?: string;
  /** The speaker's country as a term ("kazakhstan"), when known. */
  country?: string;
}

/** Plain code-unit string order (never localeCompare, so output bytes do not depend on the locale). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders document ids as the loader numbers them (d1, d2, … d10; rows of a corpus file d3.1, d3.2, …),
 * and unit ids ("d3:7") by document, then paragraph.
 */
export function compareDocIds(a: string, b: string): number {
  // Their runs of ASCII digits, as numbers, pair by pair; then fewer runs first; then code units. Read in
  // place (no regex, no arrays): long lists of unit ids are sorted and merged with this.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && !isDigit(b.charCodeAt(j))) j++;
    if (i >= a.length || j >= b.length) break;
    let x = 0;
    for (let c = a.charCodeAt(i); isDigit(c); c = a.charCodeAt(++i)) x = x * 10 + (c - 0x30);
    let y = 0;
    for (let c = b.charCodeAt(j); isDigit(c); c = b.charCodeAt(++j)) y = y * 10 + (c - 0x30);
    if (x !== y) return x - y;
  }
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0) || compareCodeUnits(a, b);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The union of two lists of ids, sorted by compareDocIds, each id once. Lists already in that order (as
 * lists kept in input order are) merge in one linear pass; others are sorted afresh.
 */
export function mergeDocIds(a: readonly string[], b: readonly string[]): string[] {
  if (!sortedIds(a) || !sortedIds(b)) return [...new Set([...a, ...b])].sort(compareDocIds);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && compareDocIds(a[i] as string, b[j] as string) <= 0) ? (a[i++] as string) : (b[j++] as string);
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** Whether ids are in compareDocIds order (repeats allowed). */
function sortedIds(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (compareDocIds(ids[i - 1] as string, ids[i] as string) > 0) return false;
  return true;
}

const NUMERIC_KEY = /^-?\d+(?:\.\d+)?$/;

/** Sorts group keys: numerically when every key is a plain number (years, sessions), else by code units. */
export function sortGroupKeys(keys: Iterable<string>): string[] {
  const out = [...keys];
  if (out.length > 0 && out.every((k) => NUMERIC_KEY.test(k))) {
    return out.sort((a, b) => Number(a) - Number(b) || compareCodeUnits(a, b));
  }
  return out.sort(compareCodeUnits);
}

/** True when an occurrence is a counted unigram term: neither a stopword nor a flagged number. */
export function isCountedTerm(t: TermOcc): boolean {
  return !t.stop && !t.number;
}

/** Replaces NaN and ±Infinity by 0, so that no result carries a non-finite number. */
export function finiteOr0(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/**
 * Ranks already-sorted rows with ties "min" (quanteda's `ties_method = "min"`: 10, 10, 11 → 1, 1, 3).
 * `same(i)` tells whether row i has the same sort key as row i − 1.
 */
export function minRanks(length: number, same: (i: number) => boolean): number[] {
  const ranks: number[] = new Array<number>(length);
  for (let i = 0; i < length; i++) ranks[i] = i > 0 && same(i) ? (ranks[i - 1] as number) : i + 1;
  return ranks;
}
