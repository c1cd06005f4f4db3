/**
 * The one adapter to `natural`. Imports only the stemmer submodules (never the package root, which takes
 * about a second and prints dotenv lines on stdout) with our own declarations (natural-stemmers.d.ts).
 * test/text/natural.test.ts pins the behaviour we rely on.
 */

import { createRequire } from 'node:module';
import type { Lang } from './types.js';

/** A function from a lowercase word to its stem. */
export type Stemmer = (word: string) => string;

// The submodules are required on first use, not imported: most commands never stem, and loading the
// stemmers costs tens of milliseconds of every start.
const require = createRequire(import.meta.url);
const MODULES: Readonly<Record<Lang, string | null>> = {
  en: 'natural/lib/natural/stemmers/porter_stemmer.js',
  fr: 'natural/lib/natural/stemmers/porter_stemmer_fr.js',
  es: 'natural/lib/natural/stemmers/porter_stemmer_es.js',
  ru: 'natural/lib/natural/stemmers/porter_stemmer_ru.js',
  ar: null,
  zh: null,
};
const loaded = new Map<Lang, Stemmer>();

/** The Porter/Snowball-style stemmer for a language, or null (Arabic, Chinese: none in natural). */
export function stemmerFor(lang: Lang): Stemmer | null {
  const path = MODULES[lang];
  if (!path) return null;
  let stem = loaded.get(lang);
  if (!stem) {
    const mod = require(path) as { stem(word: string): string } | { default: { stem(word: string): string } };
    const stemmer = 'stem' in mod ? mod : mod.default;
    // Bound once: the Spanish stemmer is a class instance whose `stem` uses `this`. Remembered per word:
    // natural's stemmers run a dozen regular expressions a word (tens of microseconds), and callers
    // such as themes ask for the same words group after group.
    const memo = new Map<string, string>();
    stem = (w: string): string => {
      let s = memo.get(w);
      if (s === undefined) {
        s = stemmer.stem(w);
        if (memo.size >= 100_000) memo.clear();
        memo.set(w, s);
      }
      return s;
    };
    loaded.set(lang, stem);
  }
  return stem;
}
