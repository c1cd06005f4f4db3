/**
 * The one adapter to `natural`. Imports only the stemmer submodules (never the package root, which takes
 * about a second and prints dotenv lines on stdout) with our own declarations (natural-stemmers.d.ts).
 * test/text/natural.test.ts pins the behaviour we rely on.
 */

import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import type { Lang } from './types.js';

/** A function from a lowercase word to its stem. */
export type Stemmer = (word: string) => string;

// Bound once: the Spanish stemmer is a class instance whose `stem` uses `this`.
const STEMMERS: Readonly<Record<Lang, Stemmer | null>> = {
  en: (w) => porterEn.stem(w),
  fr: (w) => porterFr.stem(w),
  es: (w) => porterEs.stem(w),
  ru: (w) => porterRu.stem(w),
  ar: null,
  zh: null,
};

/** The Porter/Snowball-style stemmer for a language, or null (Arabic, Chinese: none in natural). */
export function stemmerFor(lang: Lang): Stemmer | null {
  return STEMMERS[lang];
}
