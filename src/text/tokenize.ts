/**
 * Our tokenizer. One pass over the UTF-16 code units with a class table (see chars.ts); no regular
 * expression per token. Words are runs of letters, marks and digits; an apostrophe (' ’) or hyphen
 * (- U+2010 U+2011) joins two such runs ("capacity-building", "d'Ivoire", "aujourd'hui"); '.' and ','
 * join digits ("1.5", "1,000"); single letters with dots make one token ("U.N.", "e.g.", "H.E.").
 * Runs of scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) go to Intl.Segmenter,
 * and only those runs. Sentence ends come from boundaries.ts; clause punctuation becomes a gap flag on
 * the next token.
 *
 * Case folding (normalize.ts): acronyms keep their case, other words are lowercased, but in an all-caps
 * sentence (a heading such as "THE PRESIDENT OF THE COUNCIL") every word is lowercased. A sentence is a
 * caps heading when it has ≥ 4 word tokens and more than half are in capitals, or 2–3 word tokens all in
 * capitals with at least two of ≥ 4 letters ("GENERAL DEBATE"; "UN NATO" stays acronyms).
 */

import { Cls, CLS_TABLE, clsAt, clsIn, CodeUnitCopy, cpLen } from './chars.js';
import { analyzeType, type TypeInfo } from './normalize.js';
import { blankLineEndAt, sentenceEndAt } from './boundaries.js';
import { Fnv, hashRange, resized, SurfaceTable } from './surface-table.js';
import type { Token } from './types.js';

/** Token flags in a `TokenBuffer` (a const enum: literals in the hot loops). */
export const enum Tf {
  GapBefore = 1,
  SentStart = 2,
}

/** The tokens of one text as parallel arrays, reused between texts to spare allocations. */
export class TokenBuffer {
  n = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** FNV-1a hash of each token's characters (`hashRange(text, start, end)`). */
  hash = new Int32Array(1024);
  /** Offsets where a sentence break was found (after the terminator and closers, or after a blank line). */
  breaks: number[] = [];
  /**
   * Internal to `scanTokens`: the flags for the next token (Tf), handed to and back from the functions of
   * its slow path (scanTokens keeps them in a local otherwise).
   */
  pending = 0;

  /**
   * The scanned text's UTF-16 code units, `chars[0]` … `chars[text.length - 1]` (see `CodeUnitCopy`): the
   * hot loops read them there. Over the paragraphs of 3,000 General Debate files, scanning the strings
   * took 430 to 1,070 ms from one run to the next; the copy and its scan take 390 to 400 ms.
   */
  chars: Uint16Array;
  private readonly copy = new CodeUnitCopy();

  constructor() {
    this.chars = this.copy.chars;
  }

  /** Copies `text`'s code units into `chars`. */
  loadChars(text: string): void {
    this.chars = this.copy.load(text);
  }

  /** Appends a token [s, e) with its flags and hash. */
  push(s: number, e: number, f: number, h: number): void {
    if (this.n === this.start.length) this.grow();
    const k = this.n++;
    this.start[k] = s;
    this.end[k] = e;
    this.flags[k] = f;
    this.hash[k] = h;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    this.start = resized(this.start, cap);
    this.end = resized(this.end, cap);
    this.flags = resized(this.flags, cap);
    this.hash = resized(this.hash, cap);
  }
}

let segmenter: Intl.Segmenter | undefined;

function isWordOrJoinable(k: Cls): boolean {
  return k === Cls.Lower || k === Cls.Upper || k === Cls.Uncased || k === Cls.Digit || k === Cls.Mark;
}

/** The FNV-1a hash of the last word `wordEnd` scanned. */
let wordHash = 0;
/** The class of the character that ended the last word `wordEnd` scanned (Cls.Unknown at the text's end). */
let wordStop: Cls = Cls.Unknown;

/**
 * End of the word whose characters before `j` are scanned, with `h` their hash so far (from its start:
 * `wordEnd(text, chars, i)`); the word's hash is left in `wordHash`, and the class of the character after
 * it in `wordStop`. `chars`: the text's code units (the scanner's copy).
 */
function wordEnd(text: string, chars: Uint16Array, j: number, h: number = Fnv.Offset): number {
  const n = text.length;
  const table = CLS_TABLE;
  let k: Cls = Cls.Unknown;
  for (;;) {
    // A run of word characters (Lower..Mark). The table read is inlined, and one unsigned range test per
    // character decides: a character not classified yet and a surrogate (Cls.Surrogate) fail it too,
    // and only they go to `clsAt`.
    k = Cls.Unknown;
    while (j < n) {
      const c = chars[j]!;
      k = table[c]! as Cls;
      if (((k - Cls.Lower) >>> 0) <= Cls.Mark - Cls.Lower) {
        h = Math.imul(h ^ c, Fnv.Prime);
        j++;
        continue;
      }
      if (k !== Cls.Unknown && k !== Cls.Surrogate) break;
      k = clsAt(text, j);
      if (k < Cls.Lower || k > Cls.Mark) break;
      const w = cpLen(text, j);
      for (let q = 0; q < w; q++) h = Math.imul(h ^ text.charCodeAt(j + q), Fnv.Prime);
      j += w;
    }
    // k: the class of text[j], which ended the run (when j < n)
    if (j + 1 >= n) break;
    if (k === Cls.Apos || k === Cls.Hyphen || k === Cls.Joiner) {
      if (isWordOrJoinable(clsIn(chars, text, j + 1))) {
        h = Math.imul(h ^ chars[j]!, Fnv.Prime);
        j++;
        continue;
      }
      break;
    }
    if (k === Cls.Dot || k === Cls.Comma) {
      // 1.5, 1,000: a digit on both sides
      if (clsIn(chars, text, j - 1) === Cls.Digit && clsIn(chars, text, j + 1) === Cls.Digit) {
        h = Math.imul(h ^ chars[j]!, Fnv.Prime);
        j++;
        continue;
      }
    }
    break;
  }
  wordHash = h;
  wordStop = j < n ? k : Cls.Unknown;
  return j;
}

/** Classes that end a word whatever follows them: space, line break, clause and sentence punctuation, symbols, a no-space script. */
const PLAIN_STOPS = (1 << Cls.Other) | (1 << Cls.Space) | (1 << Cls.Newline) | (1 << Cls.NoSpace) | (1 << Cls.Term) | (1 << Cls.Gap);

/**
 * Whether a run of word characters stopped by a character of class `stop`, itself followed by one of
 * class `next` (from the table: Unknown when not classified yet), is a whole word as `wordEnd` would
 * find it, with no dotted abbreviation to check (`long`: the word starts with a digit or is longer than
 * two UTF-16 units, so it cannot be one letter with a mark; a shorter one takes the general path).
 */
function plainWordEnd(stop: number, next: number, long: boolean): boolean {
  if (((PLAIN_STOPS >>> stop) & 1) !== 0) return true;
  // "peace, and" / "peace. The": not 1,000 or 1.5 (a digit on both sides), not U.N. (a single letter)
  if (stop === Cls.Comma) return next !== Cls.Digit && next !== Cls.Unknown && next !== Cls.Surrogate;
  if (stop === Cls.Dot) return long && next !== Cls.Digit && next !== Cls.Unknown && next !== Cls.Surrogate;
  return false;
}

/** If a single letter at [i, e) starts a dotted abbreviation (U.N., e.g.), its end after the last dot. */
function dottedEnd(text: string, i: number, e: number): number {
  const n = text.length;
  if (e >= n || text.charCodeAt(e) !== 0x2e) return -1;
  let k = e;
  let pairs = 1;
  // pattern: L . L . (L .)*  — each L one letter (with marks)
  while (k + 1 < n && text.charCodeAt(k) === 0x2e) {
    const a = clsAt(text, k + 1);
    if (!(a === Cls.Lower || a === Cls.Upper || a === Cls.Uncased)) break;
    let m = k + 1 + cpLen(text, k + 1);
    while (m < n && clsAt(text, m) === Cls.Mark) m++;
    if (m < n && text.charCodeAt(m) === 0x2e) {
      pairs++;
      k = m;
    } else break;
  }
  if (pairs < 2) return -1;
  // k is at the last dot, which belongs to the token ("U.N."); "U.S.A" without it ends at "U.S."
  return k + 1;
}

/**
 * Scan `text` into `buf` (cleared first): token offsets, a gap flag when clause punctuation precedes a
 * token within its sentence, and a sentence-start flag on each sentence's first token.
 *
 * This function holds only the hot path, a plain word and a space, so that V8 inlines what it calls;
 * everything else is in `scanOther` and `scanWord` (with their code here, the inlining budget ran out
 * and the scanner took 75% longer).
 */
export function scanTokens(text: string, buf: TokenBuffer): void {
  buf.n = 0;
  buf.breaks.length = 0;
  const n = text.length;
  buf.loadChars(text);
  const a = buf.chars;
  let pending: number = Tf.SentStart; // flags for the next token
  let i = 0;
  const table = CLS_TABLE;
  while (i < n) {
    const c0 = a[i]!;
    const k: number = table[c0]!;
    if (((k - Cls.Lower) >>> 0) <= Cls.Digit - Cls.Lower) {
      // a word that starts with a letter or digit: its run of word characters
      let h = Math.imul(Fnv.Offset ^ c0, Fnv.Prime);
      let j = i + 1;
      let kj: number = Cls.Unknown;
      while (j < n) {
        const c = a[j]!;
        kj = table[c]!;
        if (((kj - Cls.Lower) >>> 0) > Cls.Mark - Cls.Lower) break;
        h = Math.imul(h ^ c, Fnv.Prime);
        j++;
      }
      if (j >= n || (kj !== Cls.Unknown && kj !== Cls.Surrogate && (j + 1 >= n || plainWordEnd(kj, table[a[j + 1]!]!, k === Cls.Digit || j - i > 2)))) {
        buf.push(i, j, pending, h);
        pending = 0;
        i = j < n && kj === Cls.Space ? j + 1 : j;
        continue;
      }
      // an apostrophe, a hyphen, a decimal point, a character not classified yet…: the general path
      buf.pending = pending;
      i = scanWord(text, i, k, wordEnd(text, buf.chars, j, h), buf);
      pending = buf.pending;
    } else if (k === Cls.Space) i++;
    else {
      buf.pending = pending;
      i = scanOther(text, i, k, buf);
      pending = buf.pending;
    }
  }
}

/** The token or mark at i, of table class k (not a plain word); returns where scanning goes on. */
function scanOther(text: string, i: number, k: number, buf: TokenBuffer): number {
  const n = text.length;
  if (k === Cls.Unknown || k === Cls.Surrogate) k = clsAt(text, i);
  switch (k) {
    case Cls.Space: // a space character met for the first time (not yet in the table)
      return i + 1;
    case Cls.Lower:
    case Cls.Upper:
    case Cls.Uncased:
    case Cls.Digit:
    case Cls.Mark: // a word starting with a mark, or with a letter met for the first time
      return scanWord(text, i, k, wordEnd(text, buf.chars, i), buf);
    case Cls.NoSpace: {
      let e = i;
      while (e < n) {
        const kk = clsAt(text, e);
        if (kk === Cls.NoSpace || kk === Cls.Mark) e += cpLen(text, e);
        else break;
      }
      segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      for (const seg of segmenter.segment(text.slice(i, e))) {
        if (seg.isWordLike) {
          const s0 = i + seg.index;
          const e0 = s0 + seg.segment.length;
          buf.push(s0, e0, buf.pending, hashRange(text, s0, e0));
          buf.pending = 0;
        }
      }
      return e;
    }
    case Cls.Dot:
    case Cls.Term: {
      const b = sentenceEndAt(text, i, buf.chars);
      return b < 0 ? i + 1 : sentenceBreak(buf, b, b);
    }
    case Cls.Newline: {
      const b = blankLineEndAt(text, i, buf.chars);
      return b < 0 ? i + 1 : sentenceBreak(buf, i, b);
    }
    case Cls.Gap:
    case Cls.Comma:
    case Cls.Hyphen: // a hyphen outside a word is a dash
      if (buf.pending === 0) buf.pending = Tf.GapBefore;
      return i + 1;
    default:
      // Other, a lone apostrophe, a lone surrogate
      return i + cpLen(text, i);
  }
}

/** A sentence break found at `at`: the next token starts a sentence; returns `next`, where scanning goes on. */
function sentenceBreak(buf: TokenBuffer, at: number, next: number): number {
  buf.pending = Tf.SentStart;
  buf.breaks.push(at);
  return next;
}

/**
 * The word [i, e) that starts with a character of class k, as `wordEnd` found it (its hash in `wordHash`,
 * the class after it in `wordStop`), or a dotted abbreviation that starts there; returns where scanning
 * goes on.
 */
function scanWord(text: string, i: number, k: number, e: number, buf: TokenBuffer): number {
  if (e === i) return i + 1;
  if (k !== Cls.Digit && k !== Cls.Mark && e - i <= 2) {
    // a single letter (maybe with a mark) followed by '.': a dotted abbreviation?
    let m = i + cpLen(text, i);
    while (m < e && clsAt(text, m) === Cls.Mark) m++;
    if (m === e) {
      const d = dottedEnd(text, i, e);
      if (d > 0) {
        buf.push(i, d, buf.pending, hashRange(text, i, d));
        buf.pending = 0;
        const b = sentenceEndAt(text, d - 1, buf.chars);
        return b < 0 ? d : sentenceBreak(buf, b, b);
      }
    }
  }
  buf.push(i, e, buf.pending, wordHash);
  buf.pending = 0;
  // the commonest case: a space after the word, which needs nothing more
  return wordStop === Cls.Space ? e + 1 : e;
}

/** True when a sentence's word tokens make it an all-caps heading (see the module comment). */
export function isCapsHeading(words: number, caps: number, capsLong: number): boolean {
  if (words >= 4) return caps * 2 > words;
  return words >= 2 && caps === words && capsLong >= 2;
}

const defaultCache = new SurfaceTable<TypeInfo>();

/** The type analysis of text[s, e), from a bounded module-level cache. */
function typeInfoAt(text: string, s: number, e: number, h = hashRange(text, s, e)): TypeInfo {
  let t = defaultCache.get(text, s, e, h);
  if (t === undefined) {
    if (defaultCache.size >= 500_000) defaultCache.clear();
    const surface = text.slice(s, e);
    t = analyzeType(surface);
    defaultCache.add(surface, h, t);
  }
  return t;
}

/** The type analysis of a surface form (norm, lowercase form, caps, number), cached. */
export function typeInfo(surface: string): TypeInfo {
  return typeInfoAt(surface, 0, surface.length);
}

/** The normalised form of one word as the tokenizer would give it outside a caps heading. */
export function normalizeWord(word: string): string {
  return typeInfo(word).norm;
}

// One buffer for every tokenize() call: start-up tokenizes a thousand short entries (compounds,
// stopwords), and four fresh typed arrays each time cost more than the tokenizing.
const shared = new TokenBuffer();

/** Tokenize a text: words and numbers with their offsets, norms and sentence numbers. */
export function tokenize(text: string): Token[] {
  const buf = shared;
  scanTokens(text, buf);
  const tokens: Token[] = [];
  const infos: TypeInfo[] = [];
  let sentence = -1;
  let sentStartIdx = 0;
  const finishSentence = (): void => {
    let words = 0;
    let caps = 0;
    let capsLong = 0;
    for (let j = sentStartIdx; j < tokens.length; j++) {
      const t = infos[j]!;
      if (t.letters) {
        words++;
        if (t.caps) {
          caps++;
          if (t.norm.length >= 4) capsLong++;
        }
      }
    }
    if (caps > 0 && isCapsHeading(words, caps, capsLong)) {
      for (let j = sentStartIdx; j < tokens.length; j++) {
        const t = infos[j]!;
        if (t.caps) tokens[j]!.norm = t.lower;
      }
    }
  };
  for (let j = 0; j < buf.n; j++) {
    const s = buf.start[j]!;
    const e = buf.end[j]!;
    if (buf.flags[j]! & Tf.SentStart) {
      if (sentence >= 0) finishSentence();
      sentence++;
      sentStartIdx = tokens.length;
    }
    const t = typeInfoAt(text, s, e, buf.hash[j]!);
    const surface = text.slice(s, e);
    infos.push(t);
    tokens.push({ surface, norm: t.norm, start: s, end: e, sentence, type: t.number ? 'number' : 'word' });
  }
  if (sentence >= 0) finishSentence();
  return tokens;
}
