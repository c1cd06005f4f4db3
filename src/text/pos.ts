/**
 * Word classes of English words, for the noun-phrase shape of key phrases (adjectives and nouns ending on
 * a noun) without running a tagger: a word's most frequent part of speech and the other classes it can
 * take, from the compact lexicon src/data/pos-en.txt (built by src/data/build/pos-lexicon.ts from the
 * lexicon of natural's Brill tagger), and suffix guesses for words it does not hold.
 *
 * Read lazily on the first lookup (about 0.4 MB of text, a few milliseconds) and never at import. Lookups
 * binary-search the sorted lines, so opening builds no table.
 */

import { readShippedData } from './data.js';

/**
 * A word's class code: its first-tag class n (noun), j (adjective), g (VBG), d (VBN/VBD), v (other verb),
 * r (adverb), p (preposition, to, conjunction), o (other), then `N` / `J` when it can also be a noun /
 * an adjective.
 */
export type PosCode = string;

/** The class code of a list of Penn Treebank tags, most frequent first (used by the build script). */
export function classOfTags(tags: readonly string[]): PosCode {
  const cls = (tag: string): string => {
    const t = tag.split('|')[0] ?? '';
    if (/^NN/.test(t)) return 'n';
    if (/^JJ/.test(t)) return 'j';
    if (t === 'VBG') return 'g';
    if (t === 'VBN' || t === 'VBD') return 'd';
    if (/^(VB|MD)/.test(t)) return 'v';
    if (/^(RB|WRB)/.test(t)) return 'r';
    if (t === 'IN' || t === 'TO' || t === 'CC') return 'p';
    return 'o';
  };
  const first = cls(tags[0] ?? '');
  const all = new Set(tags.flatMap((t) => t.split('|')).map(cls));
  return first + (first !== 'n' && all.has('n') ? 'N' : '') + (first !== 'j' && all.has('j') ? 'J' : '');
}

/** Cardinal and ordinal number words, which the lexicon lacks in lower case. */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion first second third fourth fifth sixth seventh eighth ninth tenth'.split(' '),
);

/**
 * The code of a word the lexicon does not hold, from its ending (the suffix rules of Brill taggers):
 * -ly adverb, -ing gerund that can be a noun, -ed past participle that can be an adjective, the usual
 * adjective endings (-al, -ous, -ive, -ic, -able, -ible), otherwise a noun. A hyphenated word takes the
 * class of its last part, as a noun or a modifier ("capacity-building", "object-oriented").
 */
export function guessCode(word: string): PosCode {
  if (word.includes('-')) {
    const last = word.slice(word.lastIndexOf('-') + 1);
    if (!last) return 'n';
    const c = wordCode(last);
    return isNominal(c) ? 'n' : isModifier(c) ? 'j' : 'n';
  }
  if (NUMBER_WORDS.has(word)) return 'o';
  if (word.length < 5) return 'n';
  if (word.endsWith('ly')) return 'r';
  if (word.endsWith('ing')) return 'gN';
  if (word.endsWith('ed')) return 'dJ';
  if (/(?:al|ous|ive|ic|able|ible)$/.test(word)) return 'j';
  return 'n';
}

/** Whether a code may head a noun phrase: a noun, or a gerund that can be one ("learning", "peacebuilding"). */
export function isNominal(code: PosCode): boolean {
  const c = code[0];
  return c === 'n' || (c === 'g' && code.includes('N'));
}

/** Whether a code may modify a noun inside a noun phrase: an adjective, or a participle that can be one. */
export function isModifier(code: PosCode): boolean {
  const c = code[0];
  return c === 'j' || ((c === 'g' || c === 'd') && code.includes('J'));
}

let data: string | null = null;
let body = 0;
const memo = new Map<string, PosCode>();

/** Binary search of `word\t` among the sorted lines of the lexicon; null when absent. */
function lookup(word: string): PosCode | null {
  if (data === null) {
    data = readShippedData('pos-en.txt');
    while (data.charCodeAt(body) === 0x23) body = data.indexOf('\n', body) + 1;
  }
  const text = data;
  let lo = body;
  let hi = text.length;
  while (lo < hi) {
    let s = (lo + hi) >>> 1;
    while (s > lo && text.charCodeAt(s - 1) !== 0x0a) s--;
    const tab = text.indexOf('\t', s);
    const nl = text.indexOf('\n', s);
    if (tab < 0 || nl < 0) return null;
    const key = text.slice(s, tab);
    if (key === word) return text.slice(tab + 1, nl);
    if (key < word) lo = nl + 1;
    else hi = s;
  }
  return null;
}

/** The class code of a lower-case English word (a number word or an acronym counts as its class). */
export function wordCode(word: string): PosCode {
  let c = memo.get(word);
  if (c === undefined) {
    c = lookup(word) ?? guessCode(word);
    if (memo.size > 100_000) memo.clear();
    memo.set(word, c);
  }
  return c;
}
