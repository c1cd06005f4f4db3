/**
 * The corpus word list (src/data/words.txt, built by src/data/build/wordlist.ts from the UN General Debate
 * Corpus) and the line-end hyphen resolver that uses it. The list is read on first use, then every lookup is
 * a binary search.
 */
import { readFileSync } from 'node:fs';

/** Where the list sits next to this module: src/data in development, dist/data after the build. */
const WORDS_URL = new URL('../data/words.txt', import.meta.url);

/** In the fallback, both parts must occur at least this often on their own to keep the hyphen ("long" + "term"). */
const MIN_PART_COUNT = 100;

const FOLDABLE = /[’\u2010\u2011]/;
const FOLD = /[’\u2010\u2011]/g;
const DIGIT = /\p{N}/u;
const UPPER_START = /^\p{Lu}/u;
const EDGE_JUNK = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

interface WordList {
  get(form: string): number | undefined;
}

let words: WordList | undefined;

/**
 * Reads words.txt once (`#` comment lines at the top, then `form\tcount` lines sorted by code units) and
 * answers lookups by binary search over its bytes, finding line starts as it goes and decoding only the
 * keys it compares: decoding the whole list, or building a Map of its 38,000 forms, cost more than the
 * few lookups a document makes.
 */
function load(): WordList {
  if (words !== undefined) return words;
  const buf = readFileSync(WORDS_URL);
  const n = buf.length;
  const NL = 0x0a;
  let body = 0;
  while (body < n && buf[body] === 0x23 /* # */) body = (buf.indexOf(NL, body) + 1 || n);
  words = {
    get(form: string): number | undefined {
      let lo = body;
      let hi = n;
      while (lo < hi) {
        // The line holding the middle byte: its key runs to the tab.
        const mid = (lo + hi) >>> 1;
        const at = mid > lo ? buf.lastIndexOf(NL, mid - 1) + 1 : lo;
        const nl = buf.indexOf(NL, at);
        const end = nl === -1 ? n : nl;
        const tab = buf.indexOf(0x09, at);
        const key = buf.toString('utf8', at, tab === -1 || tab > end ? end : tab);
        if (key === form) return Number(buf.toString('latin1', at + Buffer.byteLength(key) + 1, end));
        if (key < form) lo = end + 1;
        else hi = at;
      }
      return undefined;
    },
  };
  return words;
}

/** Lowercases and folds ’ to ' and U+2010/U+2011 to '-', as the word list stores forms. */
function normalize(form: string): string {
  const lower = form.toLowerCase();
  return FOLDABLE.test(lower) ? lower.replace(FOLD, (c) => (c === '’' ? "'" : '-')) : lower;
}

/** Drops punctuation a caller may leave on a fragment: "(develop-", "ment),". */
function trimEdges(s: string): string {
  if (s === '') return s;
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  // Fast path: ASCII letter or digit at both ends.
  if (isAlnumAscii(a) && isAlnumAscii(z)) return s;
  return s.replace(EDGE_JUNK, '');
}

function isAlnumAscii(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Corpus count of a form (plain word or hyphenated compound, any case), 0 if absent. */
export function corpusCount(form: string): number {
  return load().get(normalize(form)) ?? 0;
}

/** Whether a line-end hyphen (`left-\nright`) is a wrap to remove ('join') or part of the word ('keep'). */
export function resolveLineEndHyphen(
  left: string,
  right: string,
  docCounts?: ReadonlyMap<string, number>,
): 'join' | 'keep' {
  // `left` is the fragment before the hyphen (a compound fragment such as "capacity-build" is judged whole),
  // `right` the first word of the next line, both in their original case; stray punctuation is dropped.
  // `docCounts`: the document's own counts of lowercased words and of hyphenated forms written inside a line.
  // Evidence in order: a digit on either side keeps ("mid-2020"); the document's counts of the joined and the
  // hyphenated form (more frequent wins, a tie defers); the corpus counts likewise; when neither form is
  // known, keep before a capital ("non-State") or between two common words ("data-driven"), else join.
  const l = trimEdges(left);
  const r = trimEdges(right);
  if (l === '' || r === '') return 'keep';
  if (DIGIT.test(l) || DIGIT.test(r)) return 'keep';

  const ln = normalize(l);
  const rn = normalize(r);
  const joined = ln + rn;
  const hyphenated = `${ln}-${rn}`;

  if (docCounts !== undefined) {
    const dj = docCounts.get(joined) ?? 0;
    const dh = docCounts.get(hyphenated) ?? 0;
    if (dj !== dh) return dj > dh ? 'join' : 'keep';
  }

  const list = load();
  const cj = list.get(joined) ?? 0;
  const ch = list.get(hyphenated) ?? 0;
  if (cj !== ch) return cj > ch ? 'join' : 'keep';

  if (UPPER_START.test(r)) return 'keep';
  const partL = list.get(ln) ?? 0;
  const partR = list.get(rn) ?? 0;
  return partL >= MIN_PART_COUNT && partR >= MIN_PART_COUNT ? 'keep' : 'join';
}
