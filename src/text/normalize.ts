/**
 * Case folding and normalisation of one token type (a surface form). Runs once per distinct surface;
 * callers cache the result.
 *
 * - NFC, then ’ → ' and U+2010/U+2011 → '-'; soft hyphens removed.
 * - A final possessive 's / ’s is dropped from the norm ("Council's" → "council", "UN's" → "UN"); the
 *   plural possessive ("States’") never reaches here because a final apostrophe is not part of a token.
 * - Acronyms keep their case: ≥ 2 uppercase letters and no lowercase letter ("UN", "R2P", "U.N.",
 *   "COVID-19"); so do plural acronyms ("SDGs", "NGOs": ≥ 2 capitals and one final lowercase "s").
 *   Everything else is lowercased with `toLowerCase()`; the combining dot above that lowercasing "İ"
 *   leaves (U+0307 after i) is removed, so "İstanbul" → "istanbul" (dotless "ı" is kept as written).
 * - A token is a number when it has digits and no letters ("2030", "1,000", "1.5", "2013-2022") or
 *   digits followed by an ordinal or decade suffix ("25th", "1990s", "79e", "1er", "2ème").
 */

/** What the analysis layer needs to know about a token type. */
export interface TypeInfo {
  /** The case-folded form (acronyms keep their case). */
  norm: string;
  /** Fully lowercased form: the norm used when the token stands in an all-caps heading. */
  lower: string;
  /** Written all in capitals (≥ 2 uppercase letters, no lowercase): an acronym, or a word of a heading. */
  caps: boolean;
  /** Has at least one letter (a word token that counts towards the heading test). */
  letters: boolean;
  number: boolean;
}

const RE_NUMBER_SUFFIX = /^[\p{N}][\p{N}.,\-\u2010\u2011]*(st|nd|rd|th|s|e|er|re|ère|ème|eme|è|o|a|º|ª)$/iu;
const RE_COMBINING_DOT_AFTER_I = /i\u0307/g;
const RE_NONASCII = /[^\x00-\x7f]/;

/** Lowercase, with the Turkish İ fix (see the module comment). */
export function lowerWord(s: string): string {
  const l = s.toLowerCase();
  return l.indexOf('\u0307') >= 0 ? l.replace(RE_COMBINING_DOT_AFTER_I, 'i') : l;
}

/** Canonical characters: NFC, typographic apostrophes and hyphens to ASCII, no soft hyphens. */
export function canonicalChars(surface: string): string {
  if (!RE_NONASCII.test(surface)) return surface;
  let s = surface.normalize('NFC');
  if (s.indexOf('\u2019') >= 0) s = s.replaceAll('\u2019', "'");
  if (s.indexOf('\u2010') >= 0) s = s.replaceAll('\u2010', '-');
  if (s.indexOf('\u2011') >= 0) s = s.replaceAll('\u2011', '-');
  if (s.indexOf('\u00ad') >= 0) s = s.replaceAll('\u00ad', '');
  return s;
}

/** Analyse one surface form: norm, lowercase form, caps, number. */
export function analyzeType(surface: string): TypeInfo {
  let s = canonicalChars(surface);
  const len = s.length;
  if (len > 2 && s.charCodeAt(len - 2) === 0x27 && (s.charCodeAt(len - 1) | 0x20) === 0x73) {
    s = s.slice(0, len - 2); // possessive 's / 'S
  }
  let upper = 0;
  let lowerCount = 0;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) {
        upper++;
        letters++;
      } else if (c >= 0x61 && c <= 0x7a) {
        lowerCount++;
        letters++;
      } else if (c >= 0x30 && c <= 0x39) digits++;
    } else {
      const ch = s[i]!;
      const l = ch.toLowerCase();
      const u = ch.toUpperCase();
      if (l !== u) {
        letters++;
        if (ch === l) lowerCount++;
        else upper++;
      } else if (/\p{L}/u.test(ch)) letters++;
      else if (/\p{N}/u.test(ch)) digits++;
    }
  }
  const caps = upper >= 2 && lowerCount === 0;
  const pluralAcronym =
    !caps && upper >= 2 && lowerCount === 1 && s.charCodeAt(s.length - 1) === 0x73 && upper === letters - 1;
  const lower = lowerWord(s);
  const norm = caps || pluralAcronym ? s : lower;
  const number = digits > 0 && (letters === 0 || RE_NUMBER_SUFFIX.test(s));
  return { norm, lower, caps, letters: letters > 0 && !number, number };
}
