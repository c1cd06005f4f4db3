/**
 * Language detection among the six UN languages: script first (Arabic, Han/kana, Cyrillic), then for
 * Latin script the rate of a few function words that are frequent in one of en/fr/es and rare in the
 * others. Looks at the first 20,000 characters only.
 */

import { Cls, clsIn, CodeUnitCopy } from './chars.js';
import type { Lang } from './types.js';

const SAMPLE = 20_000;

/* Function words that tell en, fr and es apart (shared ones such as "la", "que", "en", "de" left out). */
const MARKERS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set(['the', 'of', 'and', 'to', 'is', 'that', 'for', 'it', 'with', 'as', 'on', 'be', 'this', 'are', 'we', 'our', 'by', 'has', 'have', 'will', 'which', 'its', 'from', 'not', 'in']),
  fr: new Set(['le', 'les', 'des', 'et', 'est', 'du', 'qui', 'dans', 'pour', 'une', 'sur', 'nous', 'pas', 'au', 'aux', 'ce', 'cette', 'sont', 'avec', 'notre', 'nos', 'par', 'être', 'leur', 'ont', 'été', 'ne', 'mais', 'ou']),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'por', 'para', 'con', 'una', 'es', 'su', 'al', 'como', 'nuestro', 'nuestra', 'sus', 'lo', 'más', 'pero', 'este', 'esta', 'son', 'ha', 'han']),
};

/* Words shared by French and Spanish: evidence against English. */
const ROMANCE: ReadonlySet<string> = new Set(['de', 'la', 'que', 'en', 'un']);
const FR_CHARS = 'èêçàùûôîëïœÈÊÇÀ';

/** Each marker word's languages as bits (en 1, fr 2, es 4, Romance 8): one lookup a word. */
const MARKER_BITS = new Map<string, number>();
for (const [bit, set] of [[1, MARKERS.en], [2, MARKERS.fr], [4, MARKERS.es], [8, ROMANCE]] as const) {
  for (const w of set) MARKER_BITS.set(w, (MARKER_BITS.get(w) ?? 0) | bit);
}
/** A word of at most 7 ASCII letters as a number (base 27, case folded): marker lookups without slicing. */
function asciiKey(chars: ArrayLike<number>, s: number, e: number): number {
  let key = 0;
  for (let i = s; i < e; i++) {
    const c = chars[i]! | 0x20;
    if (c < 0x61 || c > 0x7a) return -1;
    key = key * 27 + (c - 0x60);
  }
  return key;
}
/** MARKER_BITS of the ASCII marker words, by `asciiKey`. */
const MARKER_KEYS = new Map<number, number>();
for (const [w, bits] of MARKER_BITS) if (/^[a-z]+$/.test(w)) MARKER_KEYS.set(asciiKey(Array.from(w, (ch) => ch.charCodeAt(0)), 0, w.length), bits);
const RE_FR_ES_CHARS = /[èêçàùûôîëïœÈÊÇÀñáíóú¿¡ÑÁÍÓÚ]/g;

const RE_FR_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]$/;

function isApos(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Whether text[i] is a letter, its code unit read from `chars` (the text's copy). */
function isLetterAt(chars: Uint16Array, text: string, i: number): boolean {
  const k = clsIn(chars, text, i);
  return k === Cls.Lower || k === Cls.Upper || k === Cls.Uncased;
}

/** `detectLang`'s copy of its sample's code units. */
const sampleCopy = new CodeUnitCopy();

/** The language of a text among en, fr, es, ru, ar, zh ('en' when there is nothing to go by). */
export function detectLang(text: string): Lang {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // The loops read a copy of the sample's code units: a typed array reads faster than `charCodeAt`.
  const a = sampleCopy.load(sample);
  let arabic = 0;
  let han = 0;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    if ((i & 255) === 255) {
      // enough letters and one script far ahead of the others: stop counting
      const sum = arabic + han + cyrillic + latin;
      const most = Math.max(arabic, han * 3, cyrillic, latin);
      if (sum >= 400 && most >= 0.9 * sum) break;
    }
    const c = a[i]!;
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if (c >= 0x400 && c <= 0x52f) cyrillic++;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff)) han++;
  }
  const letters = arabic + han + cyrillic + latin;
  if (letters === 0) return 'en';
  // Han characters carry a word each, so weigh them up against alphabetic letters.
  const scores: [Lang, number][] = [
    ['zh', han * 3],
    ['ar', arabic],
    ['ru', cyrillic],
    ['en', latin],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const top = scores[0]!;
  if (top[0] !== 'en') return top[0];

  const counts = { en: 0, fr: 0, es: 0 };
  let romance = 0;
  // Walk the words by hand: only short words can be markers, so only those are sliced and lowercased.
  // Stop early once one language leads clearly.
  const n = sample.length;
  let i = 0;
  while (i < n) {
    if (!isLetterAt(a, sample, i)) {
      i++;
      continue;
    }
    const s = i;
    let apos = -1;
    while (i < n) {
      if (isLetterAt(a, sample, i)) i++;
      else if (apos < 0 && isApos(a[i]!) && i + 1 < n && isLetterAt(a, sample, i + 1)) {
        apos = i - s;
        i++;
      } else break;
    }
    if (apos > 0 && apos <= 7) {
      if (RE_FR_ELISION.test(sample.slice(s, s + apos + 1).toLowerCase())) counts.fr++;
      continue;
    }
    if (i - s > 7) continue;
    const key = asciiKey(a, s, i);
    const bits = key >= 0 ? MARKER_KEYS.get(key) : MARKER_BITS.get(sample.slice(s, i).toLowerCase());
    if (bits === undefined) continue;
    if (bits & 1) counts.en++;
    if (bits & 2) counts.fr++;
    if (bits & 4) counts.es++;
    if (bits & 8) romance++;
    const total = counts.en + counts.fr + counts.es;
    if (total >= 60) {
      const a = Math.max(counts.en, counts.fr, counts.es);
      if (a * 4 >= total * 3) break; // one language has three quarters of the hits
    }
  }
  const scanned = sample.slice(0, i);
  // Letters only one of French and Spanish uses: a tie-breaker that matters in short texts.
  let frChars = 0;
  let esChars = 0;
  for (const m of scanned.matchAll(RE_FR_ES_CHARS)) {
    if (FR_CHARS.includes(m[0])) frChars++;
    else esChars++;
  }
  counts.fr += frChars * 0.5;
  counts.es += esChars * 0.5;
  if (romance > counts.en) counts.en = 0;
  if (romance > 0 && counts.en === 0 && counts.fr === counts.es) {
    // nothing else to go by ("La situation en Libye"): é is far commoner in French than in Spanish
    return scanned.includes('é') ? 'fr' : 'es';
  }
  if (counts.fr > counts.en && counts.fr >= counts.es) return 'fr';
  if (counts.es > counts.en && counts.es > counts.fr) return 'es';
  return 'en';
}
