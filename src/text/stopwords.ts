/**
 * Stopwords: each language's compact list from the `stopword` package (never stopwords-iso), with our
 * small, commented edits, plus the UN procedural list in src/data/stopwords-un.txt. Sets are built once
 * per (language, options) and hold normalised forms, so a token's norm is looked up as is.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listLines, readShippedData } from './data.js';
import { canonicalChars, lowerWord } from './normalize.js';
import { Cls, clsAt, cpLen } from './chars.js';
import { tokenize } from './tokenize.js';
import type { Lang, TermOptions } from './types.js';

/*
 * English: the package list has 108 words (Snowball-sized, none of world, states, right, order, new,
 * general, use, force, development). It lacks Snowball function words such as "its", "not", "no", "us"
 * (pronoun; the acronym "US" keeps its case and is not affected) and "will"; we add those. "will" is a
 * loss for "political will", but as a modal it was the most frequent content term of the UNGD sample.
 */
const EN_ADD = [
  'myself', 'ours', 'ourselves', 'yours', 'yourself', 'yourselves', 'she', 'hers', 'herself', 'its', 'itself',
  'theirs', 'themselves', 'whom', 'having', 'does', 'doing', 'until', 'against', 'during', 'above', 'below',
  'down', 'off', 'again', 'further', 'once', 'when', 'why', 'few', 'no', 'nor', 'not', 'own', 'so', 's', 't',
  'just', 'don', 'will', 'us', 'upon', 'within', 'without', 'among', 'whose', 'whether', 'yet', 'every', 'though',
  'although', 'thus', 'therefore', 'however', 'shall', 'may', 'cannot', 'e.g.', 'i.e.', 'etc',
];
const EN_REMOVE = ['world', 'states', 'right', 'order', 'new', 'general', 'use', 'force', 'development'];

/*
 * French: the package list is Snowball's. Elided forms (l', d', qu'...) are split off French tokens and
 * flagged as stopwords by the term pipeline itself (see terms.ts), so they need no entry here.
 */
const FR_ADD = ['ainsi', 'aussi', 'donc', 'très', 'cela', 'celle', 'celui', 'ceux', 'dont', 'tout', 'tous', 'toute', 'toutes'];

/*
 * Spanish: the package list has only 59 words and misses the commonest verb forms, demonstratives and
 * possessives; we add those (all from Snowball's Spanish list).
 */
const ES_ADD = [
  'es', 'son', 'ser', 'sido', 'fue', 'fueron', 'era', 'ha', 'han', 'he', 'hemos', 'hay', 'haber', 'está', 'están',
  'estamos', 'estar', 'este', 'esta', 'estos', 'estas', 'esto', 'esa', 'esos', 'esas', 'aquel', 'aquella',
  'nuestro', 'nuestra', 'nuestros', 'nuestras', 'les', 'unos', 'unas', 'entre', 'todo', 'todos', 'toda', 'todas',
  'e', 'u', 'sino', 'así', 'cuyo', 'cuya', 'tanto', 'sea', 'ello', 'ellos', 'ellas', 'nosotros', 'vosotros',
];

/* Arabic: the package list (479 words) contains two UN words, which we drop. */
const AR_REMOVE = ['للامم', 'لوكالة'];

const BASE: Record<Lang, { code: string; add?: readonly string[]; remove?: readonly string[] }> = {
  en: { code: 'eng', add: EN_ADD, remove: EN_REMOVE },
  fr: { code: 'fra', add: FR_ADD },
  es: { code: 'spa', add: ES_ADD },
  ru: { code: 'rus' },
  ar: { code: 'ara', remove: AR_REMOVE },
  zh: { code: 'zho' },
};

/**
 * A language's list from the `stopword` package. The build writes each list to dist/data/stopword
 * (src/data/build/dist-data.mjs), so a command reads one small file; from the sources (tests), the
 * package itself is required.
 */
function packageList(code: string): readonly string[] {
  const file = new URL(`../data/stopword/${code}.json`, import.meta.url);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[];
  const lists = createRequire(import.meta.url)('stopword') as Record<string, readonly string[]>;
  return lists[code] ?? [];
}

/** Normalise one list entry the way tokens are normalised (every token of it). */
function addNormalised(set: Set<string>, word: string): void {
  for (const t of tokenize(word)) set.add(t.norm);
}

const langSets = new Map<Lang, ReadonlySet<string>>();
let unSet: ReadonlySet<string> | undefined;

/** A language's own compact stopword list, normalised. */
export function languageStopwords(lang: Lang): ReadonlySet<string> {
  let set = langSets.get(lang);
  if (set === undefined) {
    const spec = BASE[lang];
    const remove = new Set(spec.remove ?? []);
    const s = new Set<string>();
    for (const w of packageList(spec.code)) if (!remove.has(w)) addNormalised(s, w);
    for (const w of spec.add ?? []) addNormalised(s, w);
    set = s;
    langSets.set(lang, set);
  }
  return set;
}

/** The UN procedural list (src/data/stopwords-un.txt), normalised; the same for every language. */
export function unStopwords(): ReadonlySet<string> {
  unSet ??= readWordFile(readShippedData('stopwords-un.txt'));
  return unSet;
}

type StopOptions = Pick<TermOptions, 'stopwords' | 'extraStopwords'>;

const EMPTY: ReadonlySet<string> = new Set();
const prepared = new Map<string, ReadonlySet<string>>();
const preparedExtra = new WeakMap<ReadonlySet<string>, Map<string, ReadonlySet<string>>>();

/**
 * The stopword set for a language and options, built once: with `stopwords: 'default'` the language's
 * list plus the UN list; with 'none' neither. A user's `extraStopwords` are added in both cases.
 */
export function stopwordSet(lang: Lang, opts: StopOptions): ReadonlySet<string> {
  const key = `${lang}:${opts.stopwords}`;
  const extra = opts.extraStopwords;
  const memo = extra === undefined ? prepared : (preparedExtra.get(extra) ?? new Map<string, ReadonlySet<string>>());
  if (extra !== undefined && !preparedExtra.has(extra)) preparedExtra.set(extra, memo);
  let set = memo.get(key);
  if (set === undefined) {
    if (opts.stopwords === 'none') set = extra === undefined ? EMPTY : new Set(extra);
    else {
      const s = new Set(languageStopwords(lang));
      for (const w of unStopwords()) s.add(w);
      if (extra !== undefined) for (const w of extra) s.add(w);
      set = s;
    }
    memo.set(key, set);
  }
  return set;
}

/** Whether a normalised token is a stopword for the language and options. */
export function isStopword(norm: string, lang: Lang, opts: StopOptions): boolean {
  return stopwordSet(lang, opts).has(norm);
}

/** Whether a line is only letters (and marks) of scripts written without spaces. */
function noSpaceOnly(line: string): boolean {
  if (line.length === 0) return false;
  for (let i = 0; i < line.length; i += cpLen(line, i)) {
    const k = clsAt(line, i);
    if (k !== Cls.NoSpace && k !== Cls.Mark) return false;
  }
  return clsAt(line, 0) === Cls.NoSpace;
}

/**
 * Parse a user's stopword file: one entry a line, `#` comments. A word is normalised as the tokenizer
 * normalises tokens ("Mr." → "mr", "UN" stays "UN"); a line of several words is a compound term in lower
 * case ("United Nations" → "united nations"), which flags that compound when compounds are on.
 */
export function readWordFile(text: string): Set<string> {
  const set = new Set<string>();
  for (const line of listLines(text)) {
    // A word of a script written without spaces ("先生") is one entry however a segmenter would cut it:
    // take it whole, and spare every command loading the segmenter's dictionaries (~20 ms).
    if (noSpaceOnly(line)) {
      set.add(lowerWord(canonicalChars(line)));
      continue;
    }
    const toks = tokenize(line);
    if (toks.length === 1) set.add(toks[0]!.norm);
    else if (toks.length > 1) set.add(lowerWord(canonicalChars(line.replace(/\s+/g, ' '))));
  }
  return set;
}
