/**
 * Compounds and aliases: fixed UN names joined into one term before stopwords are flagged.
 *
 * The shipped list is src/data/compounds.txt (hand-checked; see its header). Line formats:
 *   united nations                      a compound; its term is the words as written, in lower case
 *   secretary general<TAB>secretary-general   a compound with an explicit display form (the term)
 *   UN => united nations                an alias: one or more tokens that stand for a term
 *   @fr nations unies                   any line may start with @LANG to apply to that language only
 * Words are normalised as tokens are, so "Côte d'Ivoire" is the two words "côte" "d'ivoire", "People's"
 * is "people", and an acronym keeps its case: the alias "UN" matches the token "UN" and never the French
 * article "un". Lowercase words match whatever their case in the text ("UNITED NATIONS", "United
 * Nations"); matching is longest first and never crosses clause punctuation or a sentence end.
 *
 * An alias whose target is a compound of the list becomes that compound ("UN" → "united nations").
 * Otherwise the target is a phrase and the alias expands to its words: "R2P" → "responsibility", "to",
 * "protect", three terms over the same offsets (stop flags, stemming as usual), so phrase counts see
 * "responsibility to protect" whether it was written out or abbreviated.
 */

import { listLines, readShippedData } from './data.js';
import { canonicalChars, lowerWord } from './normalize.js';
import { tokenize } from './tokenize.js';
import { Cls, clsAt } from './chars.js';
import type { Lang } from './types.js';

/** One parsed line of a compound list. */
export interface CompoundEntry {
  /** The normalised words (token norms) to match. */
  words: string[];
  /** The term: a display form in lower case. Null for an alias that expands to `expand`. */
  term: string | null;
  /** For an alias of a phrase: the phrase's words, in order. */
  expand: string[] | null;
  /** Restricted to one language, or null for all. */
  lang: Lang | null;
  /** An alias line ("X => target"). */
  alias: boolean;
  /** For an alias: the target as written, resolved when the trie is built. */
  target: string | null;
}

/** A node of the matching trie; terminal when `term` or `expand` is set. */
export interface TrieNode {
  next: Map<string, TrieNode> | null;
  term: string | null;
  expand: string[] | null;
}

const LANG_TAG = /^@(en|fr|es|ru|ar|zh)\s+/;

/** Token norms of a phrase, and its display form: the phrase as written, in lower case, spaces collapsed. */
function phrase(text: string): { words: string[]; display: string } {
  const words = tokenize(text).map((t) => t.norm);
  const display = lowerWord(canonicalChars(text.trim().replace(/\s+/g, ' ')));
  return { words, display };
}

/**
 * Parse the text of a compound list (the shipped format above). With `only`, lines tagged for another
 * language are skipped unread: tokenizing the Chinese lines alone loads Intl.Segmenter's dictionaries.
 */
export function parseCompoundList(text: string, only?: Lang): CompoundEntry[] {
  const entries: CompoundEntry[] = [];
  for (let line of listLines(text)) {
    let lang: Lang | null = null;
    const m = LANG_TAG.exec(line);
    if (m) {
      lang = m[1] as Lang;
      if (only !== undefined && lang !== only) continue;
      line = line.slice(m[0].length);
    }
    const arrow = line.indexOf('=>');
    if (arrow >= 0) {
      const { words } = phrase(line.slice(0, arrow));
      const target = line.slice(arrow + 2).trim();
      if (words.length === 0 || target === '') continue;
      entries.push({ words, term: null, expand: null, lang, alias: true, target });
      continue;
    }
    const tab = line.indexOf('\t');
    const { words, display } = phrase(tab >= 0 ? line.slice(0, tab) : line);
    if (words.length === 0) continue;
    const term = tab >= 0 ? phrase(line.slice(tab + 1)).display : display;
    entries.push({ words, term, expand: null, lang, alias: false, target: null });
  }
  return entries;
}

/**
 * Parse a user's compound file: one compound a line, words separated by spaces, `#` comments; a
 * display form after a tab is ignored (the term is the words). Returns each compound's normalised words.
 */
export function readCompoundFile(text: string): string[][] {
  const out: string[][] = [];
  for (const e of parseCompoundList(text)) if (!e.alias && e.words.length > 0) out.push(e.words);
  return out;
}

const shipped = new Map<Lang | 'all', CompoundEntry[]>();

/** The shipped list (all of it, or the entries for one language), parsed once. */
export function shippedCompounds(lang?: Lang): readonly CompoundEntry[] {
  const key = lang ?? 'all';
  let list = shipped.get(key);
  if (!list) shipped.set(key, (list = parseCompoundList(readShippedData('compounds.txt'), lang)));
  return list;
}

function isNoSpaceWord(w: string): boolean {
  return w.length > 0 && clsAt(w, 0) === Cls.NoSpace;
}

/** A user compound's term: its words joined by spaces (no space between two Han/Thai/... words). */
export function joinWords(words: readonly string[]): string {
  let s = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > 0 && !(isNoSpaceWord(words[i - 1]!) && isNoSpaceWord(w))) s += ' ';
    s += w.toLowerCase();
  }
  return s;
}

function insert(root: TrieNode, words: readonly string[], term: string | null, expand: string[] | null): void {
  let node = root;
  for (const w of words) {
    node.next ??= new Map();
    let child = node.next.get(w);
    if (child === undefined) {
      child = { next: null, term: null, expand: null };
      node.next.set(w, child);
    }
    node = child;
  }
  node.term = term;
  node.expand = expand;
}

/** The shipped entries for `lang` (those for all languages and its own), parsed once each. */
function entriesFor(lang: Lang): readonly CompoundEntry[] {
  return shippedCompounds(lang).filter((e) => e.lang === null || e.lang === lang);
}

/** An alias resolved: to the term of a compound ("UN" → "united nations"), or to a phrase's words ("R2P"). */
interface ResolvedAlias {
  words: string[];
  term: string | null;
  expand: string[] | null;
}

const resolvedByLang = new Map<Lang, ResolvedAlias[]>();

/** The shipped aliases for `lang`, resolved once: to a compound of the list when their target is one. */
function resolvedAliases(lang: Lang): readonly ResolvedAlias[] {
  let out = resolvedByLang.get(lang);
  if (out) return out;
  const entries = entriesFor(lang);
  const terms = new Set<string>();
  for (const e of entries) if (!e.alias && e.term !== null) terms.add(e.term);
  out = [];
  for (const e of entries) {
    if (!e.alias) continue;
    const target = phrase(e.target ?? '');
    out.push(terms.has(target.display) ? { words: e.words, term: target.display, expand: null } : { words: e.words, term: null, expand: target.words });
  }
  resolvedByLang.set(lang, out);
  return out;
}

/**
 * The matching trie for a language: the shipped list (entries for all languages and for `lang`) plus a
 * user's extra compounds. Root children are keyed by first words.
 */
export function buildTrie(lang: Lang, extra?: readonly (readonly string[])[]): TrieNode {
  const root: TrieNode = { next: new Map(), term: null, expand: null };
  for (const e of entriesFor(lang)) if (!e.alias) insert(root, e.words, e.term, null);
  for (const a of resolvedAliases(lang)) insert(root, a.words, a.term, a.expand);
  if (extra) for (const words of extra) if (words.length > 0) insert(root, words, joinWords(words), null);
  return root;
}

/**
 * The phrases that aliases stand for without being compounds ("responsibility to protect", for R2P
 * and RtoP), as their words in lower case: names written out in full, which a key phrase may hold
 * whole or not at all.
 */
export function aliasPhrases(lang: Lang): readonly (readonly string[])[] {
  const out = new Map<string, string[]>();
  for (const a of resolvedAliases(lang)) {
    if (a.expand !== null && a.expand.length > 1) out.set(a.expand.join(' ').toLowerCase(), a.expand.map((w) => w.toLowerCase()));
  }
  return [...out.values()];
}

/**
 * Words whose presence in a text may yield one of `terms`: the terms' own words, and the words of every
 * shipped compound or alias that becomes one of them ("UN" for "united nations", "R2P" for "protect").
 * Lower case. A text containing none of them cannot contain the terms, so searches may skip it.
 */
export function surfacesFor(terms: readonly string[]): string[] {
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const out = new Set<string>();
  for (const t of wanted) for (const w of t.split(/[\s-]+/)) if (w) out.add(w);
  for (const e of shippedCompounds('en')) {
    const target = e.term !== null ? [e.term] : (e.expand ?? []);
    const resolved = e.alias && e.target ? [e.target.toLowerCase(), ...target] : target;
    if (resolved.some((t) => wanted.has(t.toLowerCase()) || t.toLowerCase().split(' ').some((w) => wanted.has(w)))) {
      for (const w of e.words) out.add(w.toLowerCase());
    }
  }
  return [...out].sort();
}
