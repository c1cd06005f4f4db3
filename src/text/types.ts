/** Types of the text layer: tokens with their positions, and the term streams that analyses count. */

/** The six official UN languages. */
export type Lang = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** One token of a unit's text, before stopwords and compounds. */
export interface Token {
  /** The characters as written: text.slice(start, end). */
  surface: string;
  /** Case-folded form: lower case, except acronyms (UN, CICA, R2P, US), which keep their case. */
  norm: string;
  /** UTF-16 offsets into the unit's text. */
  start: number;
  end: number;
  /** 0-based sentence number within the unit. */
  sentence: number;
  /** 'number' tokens are digits (years, counts); they are only terms with --numbers. */
  type: 'word' | 'number';
}

/** Options for turning a unit's text into terms. */
export interface TermOptions {
  lang: Lang | 'auto';
  /** 'default' = the language's compact list plus the UN procedural list; 'none' = no removal. */
  stopwords: 'default' | 'none';
  /** Extra stopwords from a user's file (already normalised). */
  extraStopwords?: ReadonlySet<string>;
  stem: boolean;
  numbers: boolean;
  compounds: boolean;
  /** Extra compounds from a user's file: each an array of normalised words. */
  extraCompounds?: readonly string[][];
}

/**
 * One term occurrence. A term is what analyses count: a word's normalised (maybe stemmed) form, or a
 * compound such as "united nations" (display form, words joined by one space).
 */
export interface TermOcc {
  term: string;
  /** UTF-16 offsets of the whole term (a compound spans several tokens) in the unit's text. */
  start: number;
  end: number;
  /** A stopword: never a unigram, never at either end of an n-gram, allowed inside one (unless --strict). */
  stop: boolean;
  /** A number without --numbers: never a unigram, allowed inside and at the end of phrases ("Agenda 2030"). */
  number: boolean;
}

/**
 * A unit's terms, sentence by sentence. `null` is a gap that no n-gram or window may bridge: clause
 * punctuation (, ; : brackets, dashes) or a token removed outright. Sentence ends are the array breaks,
 * and a unit (paragraph) end is the end of `sentences`.
 */
export interface TermStream {
  lang: Lang;
  sentences: (TermOcc | null)[][];
}
