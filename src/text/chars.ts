/**
 * Character classes for the tokenizer's hot loop. A class is looked up per UTF-16 code unit in a table
 * filled lazily (one Unicode-property test per distinct character ever seen), so scanning costs a typed
 * array read per character and no regular expression runs per token.
 */

/**
 * What a character does to tokenization. A const enum, so the compiler writes the numbers into the hot
 * loops (a property load per comparison measurably slows the scanner).
 */
export const enum Cls {
  /** Not classified yet (table sentinel). */
  Unknown = 0,
  /** Separates tokens and means nothing else: symbols, other punctuation, single quotes. */
  Other = 1,
  Space = 2,
  Newline = 3,
  /** Lowercase letter (\p{Ll}). */
  Lower = 4,
  /** Uppercase or titlecase letter (\p{Lu}, \p{Lt}). */
  Upper = 5,
  /** Letter without case (\p{Lm}, \p{Lo}) in a script written with spaces: Arabic, Hebrew, Hangul... */
  Uncased = 6,
  /** Decimal digit or other number (\p{N}). */
  Digit = 7,
  /** Combining mark (\p{M}): part of the word it follows. */
  Mark = 8,
  /** Letter of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar): Intl.Segmenter. */
  NoSpace = 9,
  /** ' and ’ : kept only inside a word. */
  Apos = 10,
  /** - U+2010 U+2011: kept only inside a word; elsewhere a dash (gap). */
  Hyphen = 11,
  /** '.', which ends sentences, joins digits (1.5) and dotted abbreviations (U.N.). */
  Dot = 12,
  /** Other sentence terminators: ! ? … 。！？ ؟ । ॥ */
  Term = 13,
  /** Clause punctuation: a gap that no n-gram may bridge. */
  Gap = 14,
  /** ',' joins digits (1,000) and is otherwise a gap. */
  Comma = 15,
  /** Invisible joiners (ZWJ, ZWNJ, soft hyphen): kept only inside a word, like apostrophes. */
  Joiner = 16,
  /**
   * Table sentinel for the surrogate code units (D800–DFFF), so a hot loop needs one range test per
   * character: anything outside Lower..Mark, this included, leaves it for `clsAt`. Never returned.
   */
  Surrogate = 17,
}

/**
 * Classes of BMP code units, filled lazily (0 = not yet; surrogates hold the `Surrogate` sentinel); hot
 * loops read it directly and ask `clsAt` for anything else.
 */
export const CLS_TABLE = new Uint8Array(0x10000);
const table = CLS_TABLE;
table.fill(Cls.Surrogate, 0xd800, 0xe000);
const astral = new Map<number, Cls>();

const RE_NOSPACE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30FC\u3005]/u;
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_LOWER = /\p{Ll}/u;
const RE_LETTER = /\p{L}/u;
const RE_MARK = /\p{M}/u;
const RE_NUMBER = /\p{N}/u;
const RE_SPACE = /\s/u;

/** Clause punctuation (besides the ASCII set handled in `classify`). */
const GAP_CHARS = new Set(
  // dashes, double quotes and guillemets, brackets, bullets, Arabic/CJK commas, semicolons, colons and brackets
  '—–―‒“”„‟«»‹›•·،؛、，；：（）［］｛｝《》〈〉「」『』【】〔〕〖〗〘〙〚〛︰︱︲︳'.split(''),
);
const TERM_CHARS = new Set('!?…。！？｡؟।॥‼⁇⁈⁉'.split(''));

function classify(cp: number): Cls {
  switch (cp) {
    case 0x0a: // \n
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return Cls.Newline;
    case 0x27: // '
    case 0x2019: // ’
      return Cls.Apos;
    case 0x2d: // -
    case 0x2010:
    case 0x2011:
      return Cls.Hyphen;
    case 0x2e:
      return Cls.Dot;
    case 0x2c:
      return Cls.Comma;
    case 0x3b: // ;
    case 0x3a: // :
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x22: // "
    case 0x3c: // < (the UN parallel corpus writes French guillemets as << >>)
    case 0x3e: // >
      return Cls.Gap;
    case 0xad: // soft hyphen
    case 0x200c: // ZWNJ
    case 0x200d: // ZWJ
      return Cls.Joiner;
  }
  const ch = String.fromCodePoint(cp);
  if (RE_NOSPACE.test(ch)) return Cls.NoSpace;
  if (RE_UPPER.test(ch)) return Cls.Upper;
  if (RE_LOWER.test(ch)) return Cls.Lower;
  if (RE_LETTER.test(ch)) return Cls.Uncased;
  if (RE_MARK.test(ch)) return Cls.Mark;
  if (RE_NUMBER.test(ch)) return Cls.Digit;
  if (RE_SPACE.test(ch)) return Cls.Space;
  if (GAP_CHARS.has(ch)) return Cls.Gap;
  if (TERM_CHARS.has(ch)) return Cls.Term;
  return Cls.Other;
}

/** The class of a code point (BMP or astral). */
export function clsOf(cp: number): Cls {
  if (cp < 0x10000) {
    const c = table[cp]! as Cls;
    if (c === Cls.Surrogate) return Cls.Other; // a lone surrogate
    if (c !== Cls.Unknown) return c;
    const k = classify(cp);
    table[cp] = k;
    return k;
  }
  let k = astral.get(cp);
  if (k === undefined) {
    k = classify(cp);
    astral.set(cp, k);
  }
  return k;
}

/**
 * The class of the character at UTF-16 index i, treating a lone surrogate as Other. Callers that step by
 * code points use `cpLen` for the width.
 */
export function clsAt(text: string, i: number): Cls {
  // The usual case first, small enough for V8 to inline at every call: a classified character below
  // the surrogates (NaN past the text's end fails the test).
  const c = text.charCodeAt(i);
  if (c < 0xd800) {
    const k = table[c]! as Cls;
    if (k !== Cls.Unknown) return k;
  }
  return clsRest(text, i, c);
}

/**
 * `clsAt` with the code unit read from `chars`, a copy of the text's code units (`CodeUnitCopy`); i must be
 * within the text (the copy may run on past it with older contents).
 */
export function clsIn(chars: Uint16Array, text: string, i: number): Cls {
  const c = chars[i]!;
  if (c < 0xd800) {
    const k = table[c]! as Cls;
    if (k !== Cls.Unknown) return k;
  }
  return clsRest(text, i, c);
}

/** `clsAt` for the rest: a character not classified yet, a surrogate, U+E000 and above, past the end. */
function clsRest(text: string, i: number, c: number): Cls {
  if (c < 0xd800 || c > 0xdfff) {
    const k = table[c]! as Cls;
    return k !== Cls.Unknown ? k : clsOf(c);
  }
  // a surrogate: the class of its pair's code point, or Other when it stands alone
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return clsOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  return Cls.Other;
}

/** Width in UTF-16 units of the character at i (2 for a valid surrogate pair). */
export function cpLen(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Letters, digits and marks: the characters a word is made of (no-space scripts aside). */
export function isWordCls(k: Cls): boolean {
  return k >= Cls.Lower && k <= Cls.Mark;
}

/** A letter of any kind (cased or not), no-space scripts included. */
export function isLetterCls(k: Cls): boolean {
  return k === Cls.Lower || k === Cls.Upper || k === Cls.Uncased || k === Cls.NoSpace;
}

/** Whether this machine stores a Uint16Array's elements little-endian, the order Buffer writes UTF-16 in. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A reusable copy of a text's UTF-16 code units, made in one native call (a loop on a big-endian
 * machine, where Buffer's UTF-16 order is not the typed array's). Hot loops read the copy:
 * V8 reads a typed array's element in a few instructions, where `charCodeAt` dispatches on the string's
 * representation (flat or sliced, one- or two-byte) at every character.
 */
export class CodeUnitCopy {
  /** The last text's code units: chars[0] … chars[text.length - 1] (the array may be longer). */
  chars = new Uint16Array(1024);
  private bytes = Buffer.from(this.chars.buffer);

  /** Copies `text`'s code units into `chars` (grown as needed) and returns it. */
  load(text: string): Uint16Array {
    const n = text.length;
    if (n > this.chars.length) {
      let cap = this.chars.length * 2;
      while (cap < n) cap *= 2;
      this.chars = new Uint16Array(cap);
      this.bytes = Buffer.from(this.chars.buffer);
    }
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < n; i++) this.chars[i] = text.charCodeAt(i);
    return this.chars;
  }
}
