/**
 * Sentence boundary rules. The tokenizer asks `sentenceEndAt` at each terminator it meets and
 * `blankLineEndAt` at each line break; sentences.ts builds sentence spans from the tokenizer's breaks, so
 * the token stream and the spans agree by construction.
 *
 * Rules, in order:
 * - CJK full stops and marks (。！？｡) always end a sentence, with or without a space after.
 * - `. ! ? …` (and ؟ । ॥) end a sentence when, after any further terminators and closing quotes or
 *   brackets, comes whitespace or the end of the text ("1.5", "www.un.org" and "U.N.Doc" do not).
 * - After '.', no break when the word before is a title or abbreviation that never ends a sentence
 *   (`NEVER_BREAK`), a single capital initial ("John F. Kennedy"), or "No./para./art." before a digit.
 * - No break when the next word starts with a lowercase letter ("etc. and", "a.m. on", "Inc. said").
 * - A blank line (two line breaks with only spaces between) ends a sentence: headings and list items.
 */

import { Cls, clsIn } from './chars.js';

/** Abbreviations after which '.' never ends a sentence (case-sensitive; dots inside kept, last dot off). */
export const NEVER_BREAK: ReadonlySet<string> = new Set([
  // titles and forms of address
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Dr', 'Prof', 'Amb', 'Gen', 'Rev', 'St', 'Sr', 'Sra',
  'Jr', 'Hon', 'Excmo', 'Excma', 'H.E', 'S.E', 'M.M',
  // organisations and countries written with dots
  'U.N', 'U.S', 'U.K',
  // Latin and reference abbreviations
  'e.g', 'i.e', 'E.g', 'I.e', 'viz', 'cf', 'Cf', 'vs', 'v',
  // months
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Abbreviations that do not end a sentence when a number follows ("No. 5", "para. 12", "art. 51"). */
export const BREAK_UNLESS_DIGIT: ReadonlySet<string> = new Set([
  'No', 'Nos', 'no', 'nos', 'para', 'paras', 'Para', 'Paras', 'art', 'arts', 'Art', 'Arts', 'p', 'pp',
  'vol', 'Vol', 'sect', 'Sect', 'ch', 'Ch', 'fig', 'Fig', 'núm', 'Núm', 'n', 'N', 'Nº',
]);

/** The longest word of NEVER_BREAK and BREAK_UNLESS_DIGIT: a longer word before a dot is no abbreviation (and needs no slice). */
const LONGEST_ABBREVIATION = Math.max(...[...NEVER_BREAK, ...BREAK_UNLESS_DIGIT].map((w) => w.length));

function isSpaceOrNewline(k: Cls): boolean {
  return k === Cls.Space || k === Cls.Newline;
}

/** Closing quotes and brackets that belong to the sentence they follow. */
function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0x3e: // > (the UN corpus writes » as >>)
    case 0x201d: // ”
    case 0x2019: // ’
    case 0xbb: // »
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0x300b: // 》
      return true;
  }
  return false;
}

/** Closers that never open anything (unlike " and '). */
function isClosingOnly(c: number): boolean {
  return c === 0xbb || c === 0x203a || c === 0x201d || c === 0x29 || c === 0x5d;
}

function isCjkStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/**
 * If the terminator at index i (a '.' or another sentence mark) ends a sentence, the offset just past
 * it and any closing quotes or brackets; otherwise -1. `chars`: the text's code units (the scanner's
 * copy, which it reads faster than the string).
 */
export function sentenceEndAt(text: string, i: number, chars: Uint16Array): number {
  const n = text.length;
  const c = chars[i]!;
  let j = i + 1;
  while (j < n) {
    const d = chars[j]!;
    const k = clsIn(chars, text, j);
    if (k === Cls.Dot || k === Cls.Term || isCloser(d)) j++;
    else break;
  }
  if (isCjkStop(c)) return j;
  if (j < n && !isSpaceOrNewline(clsIn(chars, text, j))) return -1;
  // French typography puts a space before a closing guillemet: "fini. »"
  {
    let q = j;
    while (q < n && clsIn(chars, text, q) === Cls.Space) q++;
    if (q > j && q < n && isClosingOnly(chars[q]!)) {
      let r = q + 1;
      while (r < n && isCloser(chars[r]!)) r++;
      if (r >= n || isSpaceOrNewline(clsIn(chars, text, r))) j = r;
    }
  }

  // the next visible character
  let m = j;
  while (m < n && isSpaceOrNewline(clsIn(chars, text, m))) m++;
  const next = m < n ? clsIn(chars, text, m) : Cls.Unknown;

  if (c === 0x2e) {
    // the word before the dot: letters, marks and inner dots ("U.S", "e.g")
    let p = i;
    // (no further back than the longest abbreviation: a longer word is none)
    while (p > 0 && i - p <= LONGEST_ABBREVIATION) {
      const k = clsIn(chars, text, p - 1);
      if (k === Cls.Lower || k === Cls.Upper || k === Cls.Uncased || k === Cls.Mark || k === Cls.Dot) p--;
      else break;
    }
    if (p < i) {
      // a word right after a digit or apostrophe is not an abbreviation ("l'art.", "25th.")
      const before = p > 0 ? clsIn(chars, text, p - 1) : Cls.Space;
      if (i - p <= LONGEST_ABBREVIATION && before !== Cls.Digit && before !== Cls.Apos && before !== Cls.Hyphen) {
        const w = text.slice(p, i);
        if (NEVER_BREAK.has(w)) return -1;
        if (w.length === 1 && clsIn(chars, text, p) === Cls.Upper) return -1;
        if (next === Cls.Digit && BREAK_UNLESS_DIGIT.has(w)) return -1;
      }
    }
  }
  if (next === Cls.Lower) return -1;
  return j;
}

/**
 * If the line break at index i starts a blank line (two or more line breaks with only spaces between),
 * the offset of the next visible character (or the text's end); otherwise -1. CRLF counts once.
 */
export function blankLineEndAt(text: string, i: number, chars: Uint16Array): number {
  const n = text.length;
  let lines = 0;
  let j = i;
  while (j < n) {
    const k = clsIn(chars, text, j);
    if (k === Cls.Newline) {
      if (!(chars[j]! === 0x0d && j + 1 < n && chars[j + 1]! === 0x0a)) lines++;
    } else if (k !== Cls.Space) break;
    j++;
  }
  return lines >= 2 ? j : -1;
}
