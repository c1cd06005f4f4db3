/**
 * Readability for English text: a rule-based syllable counter and the Flesch formulas.
 *
 * Definitions (also carried in `speeches stats` params):
 * - A word is a tokenizer token of type 'word' (numbers are not words), before stopword removal and
 *   before compounds are joined: "United Nations" is two words. A sentence is a sentence of the
 *   tokenizer that holds at least one token (the same sentences as `sentenceSpans`).
 * - Syllables, per word (`syllables`): lower-case, accents dropped, split at hyphens, letters a–z
 *   only (so "Council's" is "councils"); in each part count the groups of consecutive vowels
 *   (a e i o u, and y except as the first letter); then the silent-e rules: a final "e" that is its own
 *   vowel group does not count ("move" 1, "culture" 2) unless it ends consonant + "le" ("table" 2,
 *   "people" 2); a final "es" does not count ("makes" 1) unless after s, x, z, c, g, ch, sh or
 *   consonant + l ("places" 2, "approaches" 3, "tables" 2); a final "ed" does not count ("based" 1)
 *   unless after t or d ("united" 3, "needed" 2). A part with letters has at least one syllable.
 *   Known misses of the rule: two vowels that are two syllables ("reaction" 2, "idea" 2) and a silent e
 *   inside a compound word ("peacebuilding" 4).
 * - Flesch reading ease = 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).
 * - Flesch–Kincaid grade = 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59.
 */

import { tokenize } from '../text/index.js';

const VOWEL = /[aeiouy]/;
const CONSONANT_L_ES = /[^aeiouy]les$/;

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWEL.test(ch);
}

/** Syllables of one hyphen-free part of a word, letters a–z only. */
function partSyllables(w: string): number {
  if (w === '') return 0;
  let groups = 0;
  let inGroup = false;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] as string;
    const vowel = ch === 'y' ? i > 0 : ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';
    if (vowel && !inGroup) groups++;
    inGroup = vowel;
  }
  if (groups > 1) {
    const n = w.length;
    const last = w[n - 1];
    if (last === 'e' && !isVowel(w[n - 2])) {
      // silent final e, unless consonant + "le"
      const consonantLe = w.endsWith('le') && n >= 3 && !isVowel(w[n - 3]);
      if (!consonantLe) groups--;
    } else if (w.endsWith('es') && !isVowel(w[n - 3])) {
      const keep = /(?:[sxzcg]|ch|sh)es$/.test(w) || CONSONANT_L_ES.test(w);
      if (!keep) groups--;
    } else if (w.endsWith('ed') && !isVowel(w[n - 3])) {
      if (!/[td]ed$/.test(w)) groups--;
    }
  }
  return Math.max(1, groups);
}

const cache = new Map<string, number>();

/** Syllables of an English word by the rule in the module comment (0 for a token with no letter). */
export function syllables(word: string): number {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const folded = word.normalize('NFD').toLowerCase();
  let n = 0;
  for (const part of folded.split(/[-\u2010\u2011]/)) n += partSyllables(part.replace(/[^a-z]/g, ''));
  if (n === 0 && /\p{L}/u.test(word)) n = 1; // a word in another script: one syllable
  if (cache.size >= 200_000) cache.clear();
  cache.set(word, n);
  return n;
}

/** Words, sentences and (for English) syllables of a text: what the readability formulas need. */
export interface TextCounts {
  /** Word tokens (numbers excluded), before stopword removal and compounds. */
  words: number;
  /** Sentences holding at least one token. */
  sentences: number;
  /** Syllables of the words; 0 when not counted (not English). */
  syllables: number;
}

/** Count the words, sentences and, when `english`, the syllables of one text (a unit). */
export function textCounts(text: string, english: boolean): TextCounts {
  let words = 0;
  let syl = 0;
  let sentences = 0;
  for (const t of tokenize(text)) {
    // sentence numbers are 0, 1, 2… over the tokens, so the last one + 1 is the sentence count
    sentences = t.sentence + 1;
    if (t.type !== 'word') continue;
    words++;
    if (english) syl += syllables(t.surface);
  }
  return { words, sentences, syllables: syl };
}

/** Flesch reading ease from counts; null when there are no words or no sentences. */
export function fleschReadingEase(c: TextCounts): number | null {
  if (c.words === 0 || c.sentences === 0) return null;
  return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words);
}

/** Flesch–Kincaid grade level from counts; null when there are no words or no sentences. */
export function fleschKincaidGrade(c: TextCounts): number | null {
  if (c.words === 0 || c.sentences === 0) return null;
  return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
}

/** The readability of one English text: its counts and both Flesch scores. */
export function readability(text: string): TextCounts & { fleschReadingEase: number | null; fleschKincaidGrade: number | null } {
  const c = textCounts(text, true);
  return { ...c, fleschReadingEase: fleschReadingEase(c), fleschKincaidGrade: fleschKincaidGrade(c) };
}
