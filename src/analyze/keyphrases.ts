/**
 * Key phrases: the phrases a text uses much more than the UN usually does.
 *
 * Candidates come from one clause of one sentence. In English they are noun phrases: maximal runs of
 * 1–4 nouns and adjectives (participles that can be adjectives count: "armed conflict") ending on a noun,
 * the word classes coming from a compact lexicon (src/text/pos.ts: each word's most frequent tag in the
 * lexicon of natural's Brill tagger, suffix guesses for unknown words); a single letter ends a run. In
 * other languages they are the maximal runs of 1–4 content words between stopwords, numbers and adverbs
 * (a trailing past participle trimmed). Either way, any phrase of 2–4 terms the reference model knows the
 * UN to use counts too, even with stopwords inside ("responsibility to protect", "protection of
 * civilians"); in English only when it has a noun phrase's shape (nouns and adjectives joined by
 * prepositions or conjunctions, ending on a noun, or on a verb after "to" when it starts on a noun). UN names are single terms
 * already ("united nations"), aliases are expanded ("R2P"), and an acronym the text defines ("Measures in
 * Asia (CICA)") is credited to its long form. A courtesy sentence (thanks, praise, congratulations: see
 * `courtesy`) gives no phrase of its own; its mentions of phrases the text says elsewhere still count.
 *
 * Scoring (documented in `params`): each content word t gets bits b(t) = max(0, log2((f(t)/N) / p_bg(t))),
 * how much more often this text uses it than the background, where f is the count here, N the content
 * tokens here, and p_bg the background rate (the reference model of UN speech, with a floor of 0.5 / its
 * size for unseen words; under --by, the reference pooled with the rest of the input). Its weight is
 * W(t) = (1 + ln f(t)) · b(t) + 0.01 · f(t): the damped count of sublinear tf, so that a word repeated all
 * through a short text does not lift every phrase holding it above phrases of rarer words; the small
 * 0.01 · f term still ranks phrases of words the UN uses everywhere among themselves. A phrase scores the
 * sum of its words' W — words frequent everywhere in UN speech ("united nations", "international
 * community", "believe") weigh (almost) nothing — times a spread factor 1 + ln(paragraphs containing it),
 * so one repeated sentence cannot make a key phrase while a topic developed in one full paragraph still
 * can. Summing word scores over a candidate is SingleRank's rule (Wan and Xiao 2008), with keyness
 * against UN speech in place of a graph.
 */

import { aliasPhrases, isModifier, isNominal, wordCode, type Lang, type TermOcc } from '../text/index.js';
import { compareCodeUnits, compareDocIds, type CountedUnit } from './corpus.js';

/** Background rates: how often the UN usually says a term or a phrase. */
export interface Background {
  /** Rate of a term per content token; null when unseen. */
  termRate(term: string): number | null;
  /** Rate of a phrase (2–4 terms) per phrase position; null when unseen. */
  phraseRate(terms: readonly string[]): number | null;
  /** The floor rate for an unseen term. */
  floor: number;
  /** Name, for params. */
  name: string;
  /** Content tokens behind the rates. */
  size: number;
}

export interface KeyphraseOptions {
  top?: number;
  /** Maximal candidate length in terms. */
  maxLength?: number;
}

export interface Keyphrase {
  /** Terms joined by one space. */
  key: string;
  terms: string[];
  /** The most frequent way the text writes it. */
  display: string;
  score: number;
  count: number;
  /** Count the background predicts over this text's positions. */
  expected: number;
  /** Units where it occurs, in input order. */
  units: string[];
  rank: number;
}

export interface KeyphraseResult {
  rows: Keyphrase[];
  /** Phrases ranked before `top` cut the rows. */
  ranked: number;
  /** Content tokens (non-stop, non-number). */
  tokens: number;
  /** Content units read. */
  units: number;
  /** The sentences ("unit#index") where each ranked phrase occurs, by key, for callers that group phrases. */
  sentences: Map<string, string[]>;
  /** Every word's weight W(t), as the phrase scores sum it. */
  wordWeights: Map<string, number>;
  /** Every content word's bits per occurrence, max(0, log2((f(t)/N)/p_bg(t))). */
  wordBits: Map<string, number>;
  /** Every content word's count f(t). */
  wordCounts: Map<string, number>;
  /** Every content word's background rate p_bg(t). */
  wordRates: Map<string, number>;
  params: Record<string, unknown>;
}

/** A unit's terms with the text they came from (for display forms and acronyms). */
export interface TextUnit extends CountedUnit {
  text: string;
}

interface Cand {
  terms: string[];
  count: number;
  units: string[];
  /** Sentences where it occurs ("unit#index"), in input order. */
  sentences: string[];
  /**
   * Where it is written: text, start and end of its first OFFSETS occurrences, read by displayOf only
   * for the rows shown; further occurrences count by their surface as written (so memory grows with the
   * distinct surfaces of frequent phrases, not with their occurrences).
   */
  texts: string[];
  starts: number[];
  ends: number[];
  surfaces: Map<string, number> | null;
}


/** Rank the key phrases of some units against a background. */
export function keyphrases(units: readonly TextUnit[], bg: Background, opts: KeyphraseOptions = {}): KeyphraseResult {
  const maxLength = opts.maxLength ?? 4;
  const written = new Map<string, string>();
  const acronyms = definedAcronyms(units, written);
  const cands = new Map<string, Cand>();
  /** Candidates of courtesy sentences, kept apart until the rest are known. */
  const courteous = new Map<string, Cand>();
  const freq = new Map<string, number>();
  /** courtesy()'s kinds of terms, worked out once per term. */
  const kinds = new Map<string, number>();
  let tokens = 0;
  let positions = 0;

  for (const u of units) {
    let si = 0;
    for (const sentence of u.stream.sentences) {
      const sid = `${u.unit}#${si++}`;
      // A sentence of thanks or praise ("I would like to thank the panelists for their valuable
      // insights") names people and courtesies, not what the statement is about: its words count, and its
      // phrases count only if the statement also says them elsewhere (below).
      const polite = courtesy(sentence, kinds);
      let run: TermOcc[] = [];
      const flush = (): void => {
        positions += run.length;
        collect(run, u, sid, maxLength, polite ? courteous : cands, acronyms, bg);
        run = [];
      };
      for (const t of sentence) {
        if (t === null) {
          flush();
          continue;
        }
        if (!t.stop && !t.number) {
          tokens++;
          freq.set(t.term, (freq.get(t.term) ?? 0) + 1);
        }
        run.push(t);
      }
      flush();
    }
  }

  for (const [key, c] of courteous) {
    const m = cands.get(key);
    if (m === undefined) continue;
    m.count += c.count;
    m.units = [...new Set([...m.units, ...c.units])].sort(compareDocIds);
    m.sentences = [...new Set([...m.sentences, ...c.sentences])].sort(compareDocIds);
    for (let i = 0; i < c.texts.length; i++) addSurface(m, c.texts[i] as string, c.starts[i] as number, c.ends[i] as number);
    for (const [surface, n] of c.surfaces ?? []) {
      m.surfaces ??= new Map();
      m.surfaces.set(surface, (m.surfaces.get(surface) ?? 0) + n);
    }
  }

  const weights = new Map<string, number>();
  const rates = new Map<string, number>();
  const bits = new Map<string, number>();
  for (const [t, f] of freq) {
    const rate = (bg.termRate(t) ?? bg.floor) || bg.floor;
    rates.set(t, rate);
    // Words the UN uses as often as this text does weigh (almost) nothing, but still rank phrases among themselves.
    // Bits per occurrence: how much more often this text uses the word than the background does.
    const b = Math.max(0, Math.log2(f / Math.max(tokens, 1) / rate));
    bits.set(t, b);
    // Sublinear in the count (1 + ln f, the usual damped tf): a word repeated throughout a short text
    // should not outweigh a phrase of rarer words, or every phrase holding it outranks the rest.
    weights.set(t, (1 + Math.log(f)) * b + 0.01 * f);
  }

  // Score every candidate, then give display forms and expected counts only to the rows kept.
  const scored: { key: string; c: Cand; acr: string | undefined; score: number }[] = [];
  const sentencesOf = new Map<string, string[]>();
  const longForms = new Map([...acronyms].map(([acr, terms]) => [terms.join(' '), acr]));
  for (const [key, c] of cands) {
    // A defined acronym's long form: its words and the acronym itself, the four strongest counted.
    const acr = longForms.get(key);
    let wsum = 0;
    if (acr) {
      const ws = [...c.terms, acr].map((t) => weights.get(t) ?? 0).sort((a, b) => b - a);
      for (let k = 0; k < 4 && k < ws.length; k++) wsum += ws[k] as number;
    } else if (c.terms.length === 1) wsum = weights.get(c.terms[0] as string) ?? 0;
    else {
      // Summed from the largest, as always (the same bits in every run).
      const ws = c.terms.map((t) => weights.get(t) ?? 0).sort((a, b) => b - a);
      for (const w of ws) wsum += w;
    }
    const spread = 1 + Math.log(c.units.length);
    const score = wsum * spread;
    if (!(score > 0)) continue;
    sentencesOf.set(key, c.sentences);
    scored.push({ key, c, acr, score });
  }
  scored.sort((a, b) => b.score - a.score || compareCodeUnits(a.key, b.key));
  const top = opts.top ?? scored.length;
  const rows: Keyphrase[] = [];
  for (let i = 0; i < scored.length && rows.length < top; i++) {
    const { key, c, acr, score } = scored[i] as (typeof scored)[number];
    const rate = c.terms.length === 1 ? (bg.termRate(key) ?? bg.floor) : (bg.phraseRate(c.terms) ?? bg.floor);
    const prev = rows[rows.length - 1];
    rows.push({
      key,
      terms: c.terms,
      // A long form seen only as its acronym shows as the text defines it.
      display: acr ? `${displayOf(c, written.get(acr))} (${acr})` : displayOf(c),
      score,
      count: c.count,
      expected: rate * (c.terms.length === 1 ? tokens : positions),
      units: c.units,
      rank: prev && prev.score === score ? prev.rank : rows.length + 1,
    });
  }
  return {
    rows,
    ranked: scored.length,
    tokens,
    units: units.length,
    sentences: sentencesOf,
    wordWeights: weights,
    wordBits: bits,
    wordCounts: freq,
    wordRates: rates,
    params: {
      background: bg.name,
      candidates:
        'English: noun phrases of 1–4 words in one clause (adjectives/participles and nouns ending on a noun; word classes from the pos-en lexicon); other languages: maximal runs of 1–4 content words (trailing -ed trimmed); plus 2–4-term phrases the reference model knows (English: noun-phrase shape only); a courtesy sentence (thanks, praise) adds only to phrases said elsewhere',
      wordWeight: 'W(t) = (1 + ln f(t))·max(0, log2((f(t)/N)/p_bg(t))) + 0.01·f(t); p_bg floor = 0.5/background size',
      score: 'sum of W over the phrase\'s words × (1 + ln paragraphs)',
      maxLength,
    },
  };
}

/** Words that may open a courtesy sentence before its verb: "I would also like to", "We wish to", "Allow me to". */
const COURTESY_LEAD = new Set(['i', 'we', 'my', 'our', 'delegation', 'also', 'would', 'should', 'wish', 'wishes', 'want', 'like', 'to', 'take', 'takes', 'this', 'opportunity', 'allow', 'let', 'me', 'us', 'first', 'of', 'all', 'at', 'the', 'outset', 'once', 'again']);
/** The verbs of thanks and praise that make a courtesy sentence. */
const COURTESY_VERB = new Set(['thank', 'thanks', 'commend', 'congratulate', 'appreciate', 'salute']);

/** Words of thanks and praise. */
const GRATITUDE = /^(?:thank\w*|congratulat\w*|gratitude|grateful|appreciat\w*|tribute|commend\w*|prais\w*|greet\w*|felicitat\w*)$/;
/** Words that address a person or an office holder. */
const ADDRESSEE = new Set(['mr', 'mrs', 'ms', 'madam', 'sir', 'predecessor', 'excellency', 'ambassador', 'envoy', 'president', 'secretary-general', 'panelists', 'briefers', 'briefer']);

/**
 * Whether a sentence is a courtesy: its verb, after at most six lead words (subject, modal, "allow me
 * to"), is one of thanks or praise ("I would like to thank…", "We appreciate the efforts of…", "Allow me
 * to congratulate you…") or expresses gratitude ("We express our gratitude to…"); or it holds a word of
 * thanks or praise and addresses a person ("Our gratitude also goes to your predecessor, Mr. Harri
 * Holkeri, …"). "Peacekeepers deserve our thanks" and "We welcome the report" are not courtesies.
 */
export function courtesy(sentence: readonly (TermOcc | null)[], memo: Map<string, number> = new Map()): boolean {
  let i = 0;
  while (i < sentence.length && i < 6 && sentence[i] !== null && COURTESY_LEAD.has((sentence[i] as TermOcc).term.toLowerCase())) i++;
  const verb = sentence[i]?.term.toLowerCase();
  if (verb !== undefined && COURTESY_VERB.has(verb)) return true;
  let thanks = false;
  let person = false;
  for (const t of sentence) {
    if (t === null) continue;
    // Each term's kind (1 thanks or praise, 2 addressing a person), worked out once per text.
    let kind = memo.get(t.term);
    if (kind === undefined) {
      const w = t.term.toLowerCase();
      kind = (GRATITUDE.test(w) ? 1 : 0) | (ADDRESSEE.has(w) ? 2 : 0);
      memo.set(t.term, kind);
    }
    thanks ||= (kind & 1) !== 0;
    person ||= (kind & 2) !== 0;
    if (thanks && person) return true;
  }
  if (verb !== 'express' && verb !== 'extend' && verb !== 'convey') return false;
  for (let k = i + 1; k < Math.min(sentence.length, i + 5); k++) {
    const t = sentence[k]?.term.toLowerCase();
    if (t === 'gratitude' || t === 'appreciation' || t === 'thanks' || t === 'congratulations') return true;
  }
  return false;
}

/** Whether a term ends a noun phrase badly: a past participle or an adverb ("method used", "widely"). */
function verbish(t: TermOcc): boolean {
  return /^[a-z]{3,}(?:ed|ly)$/.test(t.term);
}

/**
 * Add the candidates of one run of terms (between gaps) to the table. Candidates are the maximal runs
 * of content words between stopwords, numbers and adverbs, with a trailing past participle trimmed
 * (the usual shape of a noun phrase without a tagger); a run longer than `maxLength` is no candidate.
 * Shorter or stopword-glued phrases inside a run count too when the background knows them as phrases
 * the UN uses ("preventive diplomacy", "responsibility to protect").
 */
function collect(run: readonly TermOcc[], u: TextUnit, sid: string, maxLength: number, cands: Map<string, Cand>, acronyms: Map<string, string[]>, bg: Background): void {
  const names = nameSpans(run, u.text, u.stream.lang);
  const add = (from: number, to: number): void => {
    if (splitsExpansion(run, from, to) || names.some(([a, b]) => from < b && to > a && (from > a || to < b))) return;
    const first = run[from] as TermOcc;
    const expansion = to - from === 1 ? acronyms.get(first.term) : undefined;
    let key = expansion ? expansion.join(' ') : first.term;
    if (!expansion) for (let k = from + 1; k < to; k++) key += ' ' + (run[k] as TermOcc).term;
    let c = cands.get(key);
    if (!c) {
      const terms = expansion ?? run.slice(from, to).map((x) => x.term);
      cands.set(key, (c = { terms, count: 0, units: [], sentences: [], texts: [], starts: [], ends: [], surfaces: null }));
    }
    c.count++;
    if (c.units[c.units.length - 1] !== u.unit) c.units.push(u.unit);
    if (c.sentences[c.sentences.length - 1] !== sid) c.sentences.push(sid);
    addSurface(c, u.text, first.start, (run[to - 1] as TermOcc).end);
  };
  const english = u.stream.lang === 'en';
  /** Spans already added, as from · 1024 + length. */
  const added = new Set<number>();
  // English word classes, once per token: codeOf's, and for nounPhraseShape a stopword's own class too.
  const codes = english ? run.map(codeOf) : [];
  const shapes = english ? run.map((t, k) => (t.stop ? wordCode(t.term) : (codes[k] ?? null))) : [];
  if (english) {
    // English: noun phrases by word class — runs of adjectives and nouns, ending on a noun.
    let i = 0;
    while (i < run.length) {
      const c = codes[i];
      if (c === null || !(isNominal(c as string) || isModifier(c as string))) {
        i++;
        continue;
      }
      // A gerund that cannot be an adjective does not open a noun phrase: "making prevention a priority"
      // is a verb and its object.
      if ((c as string)[0] === 'g' && !isModifier(c as string)) {
        i++;
        continue;
      }
      let j = i;
      while (j < run.length && codes[j] !== null && (isNominal(codes[j] as string) || isModifier(codes[j] as string))) j++;
      let end = j;
      while (end > i && !isNominal(codes[end - 1] as string)) end--;
      if (end > i && end - i <= maxLength) {
        add(i, end);
        added.add(i * 1024 + end - i);
      }
      i = j;
    }
  } else {
    // A verb form ("proposed", "transforming") splits a run unless the UN uses it in a phrase with a
    // neighbour ("armed conflict", "peacekeeping operations", "least developed countries").
    const known = (a: TermOcc | undefined, b: TermOcc | undefined): boolean =>
      a !== undefined && b !== undefined && !a.stop && !b.stop && bg.phraseRate([a.term, b.term]) !== null;
    const boundary = (t: TermOcc, k: number): boolean =>
      t.stop || t.number || /^[a-z]{3,}ly$/.test(t.term) || (/^[a-z]{3,}(?:ed|ing)$/.test(t.term) && !known(t, run[k + 1]) && !known(run[k - 1], t));
    let i = 0;
    while (i < run.length) {
      if (boundary(run[i] as TermOcc, i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < run.length && !boundary(run[j] as TermOcc, j)) j++;
      let end = j;
      while (end - i > 1 && verbish(run[end - 1] as TermOcc)) end--;
      // A run longer than maxLength is no phrase (its known phrases still count, below).
      if (end - i <= maxLength) {
        add(i, end);
        added.add(i * 1024 + end - i);
      }
      i = j;
    }
  }
  // Phrases the UN is known to use, inside or across the runs (up to 4 terms, no stopword at either end).
  for (let a = 0; a < run.length; a++) {
    const first = run[a] as TermOcc;
    if (first.stop || first.number) continue;
    for (let len = 2; len <= 4 && a + len <= run.length; len++) {
      const last = run[a + len - 1] as TermOcc;
      if (last.stop || added.has(a * 1024 + len)) continue;
      if (english && !nounPhraseShape(run, shapes, codes, a, a + len)) continue;
      const terms = run.slice(a, a + len).map((x) => x.term);
      if (bg.phraseRate(terms) !== null) {
        add(a, a + len);
        added.add(a * 1024 + len);
      }
    }
  }
}

/** A term's word class code; null for a stopword or a number (a compound or an acronym is a noun). */
function codeOf(t: TermOcc): string | null {
  if (t.stop || t.number) return null;
  if (t.term.includes(' ') || t.term !== t.term.toLowerCase()) return 'n';
  // A single letter is a symbol or an initial ("n", "v"), not a word of a phrase.
  if (t.term.length < 2) return null;
  return wordCode(t.term);
}

/**
 * Whether a phrase the UN uses has the shape of an English noun phrase: it starts on a noun or an
 * adjective, holds only nouns, adjectives, prepositions and conjunctions ("protection of civilians",
 * "sovereignty and territorial integrity"), and ends on a noun — or on a verb after "to", a noun's
 * infinitive complement ("responsibility to protect").
 */
function nounPhraseShape(run: readonly TermOcc[], shapes: readonly (string | null)[], codes: readonly (string | null)[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = run[k] as TermOcc;
    if (t.number) return false;
    const c = shapes[k] ?? null;
    if (c === null) return false;
    // "order to …" is the complex preposition "in order to", not a noun with its complement.
    if (k === to - 1) return isNominal(c) || (c[0] === 'v' && (run[k - 1] as TermOcc).term === 'to' && isNominal(codes[from] ?? 'o') && (run[from] as TermOcc).term !== 'order');
    if (t.stop) {
      if (c[0] !== 'p' || k === from) return false;
    } else if (!isNominal(c) && !isModifier(c)) return false;
  }
  return false;
}

const namesByLang = new Map<Lang, Map<string, (readonly string[])[]>>();
const UPPER = /\p{Lu}/u;

/**
 * Where a run writes out, as a name (capitalised), a phrase an alias stands for ("Responsibility to
 * Protect", as R2P does), as [from, to) spans: a candidate holds such a name whole or not at all, so
 * neither "Responsibility" nor "concept of Responsibility" is a phrase of "the concept of Responsibility
 * to Protect". The same words in lower case are ordinary wording: "the primary responsibility to protect
 * its populations" still gives "primary responsibility".
 */
function nameSpans(run: readonly TermOcc[], text: string, lang: Lang): [number, number][] {
  let names = namesByLang.get(lang);
  if (!names) {
    names = new Map();
    for (const words of aliasPhrases(lang)) {
      const list = names.get(words[0] as string) ?? [];
      list.push(words);
      names.set(words[0] as string, list);
    }
    namesByLang.set(lang, names);
  }
  const spans: [number, number][] = [];
  if (names.size === 0) return spans;
  for (let i = 0; i < run.length; i++) {
    const list = names.get((run[i] as TermOcc).term);
    if (!list || !UPPER.test(text[(run[i] as TermOcc).start] ?? '')) continue;
    for (const words of list) {
      if (i + words.length <= run.length && words.every((w, k) => (run[i + k] as TermOcc).term === w)) spans.push([i, i + words.length]);
    }
  }
  return spans;
}

/** Whether [from, to) cuts through terms that share one span (an alias such as R2P, expanded). */
function splitsExpansion(run: readonly TermOcc[], from: number, to: number): boolean {
  const a = run[from] as TermOcc;
  const before = run[from - 1];
  if (before && before.start === a.start && before.end === a.end) return true;
  const z = run[to - 1] as TermOcc;
  const after = run[to];
  return after !== undefined && after.start === z.start && after.end === z.end;
}

/** Occurrences of a candidate kept as offsets before the rest count by surface (see Cand). */
const OFFSETS = 8;

/** Note where a candidate is written: text[start, end). */
function addSurface(c: Cand, text: string, start: number, end: number): void {
  if (c.texts.length < OFFSETS) {
    c.texts.push(text);
    c.starts.push(start);
    c.ends.push(end);
    return;
  }
  const surface = text.slice(start, end);
  c.surfaces ??= new Map();
  c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
}

/** The most frequent surface form; an alias (R2P) shows as its expansion (or `fallback`, when given). */
function displayOf(c: Cand, fallback?: string): string {
  // The surface forms as written, line breaks and runs of spaces folded.
  const folded = new Map<string, number>();
  const count = (raw: string, n: number): void => {
    const s = raw.replace(/\s+/g, ' ');
    folded.set(s, (folded.get(s) ?? 0) + n);
  };
  for (let i = 0; i < c.texts.length; i++) count((c.texts[i] as string).slice(c.starts[i], c.ends[i]), 1);
  for (const [raw, n] of c.surfaces ?? []) count(raw, n);
  let best = '';
  let n = 0;
  for (const [s, k] of [...folded].sort((x, y) => compareCodeUnits(x[0], y[0]))) {
    const words = s.split(/\s+/).length;
    if (words < c.terms.length && c.terms.length > 1) continue; // an alias: its surface is shorter than its terms
    if (k > n) {
      best = s;
      n = k;
    }
  }
  return best || fallback || c.terms.join(' ');
}

/**
 * Acronyms the text defines: "Conference on Interaction and Confidence-building Measures in Asia (CICA)"
 * → CICA stands for those terms. The acronym's letters must be the initials of the words before it.
 * When `written` is given, it receives each acronym's long form as first written.
 */
export function definedAcronyms(units: readonly TextUnit[], written?: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of units) {
    for (const sentence of u.stream.sentences) {
      const occ = sentence;
      for (let i = 1; i < occ.length; i++) {
        const t = occ[i];
        if (!t || !/^[A-Z][A-Z0-9]{1,9}$/.test(t.term)) continue;
        if (u.text[t.start - 1] !== '(' || u.text[t.end] !== ')') continue;
        const letters = t.term.toLowerCase();
        // Walk back over the terms before the bracket, matching initials of content words from the end.
        let j = i - 1;
        while (j >= 0 && occ[j] === null) j--;
        let li = letters.length - 1;
        let skips = 0;
        const words: TermOcc[] = [];
        for (; j >= 0 && li >= 0; j--) {
          const w = occ[j];
          if (!w) break;
          words.unshift(w);
          if (w.stop) continue;
          // A hyphenated word may give two letters ("Confidence-building" → CB) or one; a word may be skipped
          // ("Confidence-building Measures in Asia" → C…A), at most twice.
          const initials = w.term.split(/[-\s]/).map((p) => p[0] ?? '').join('');
          if (initials.length > 1 && letters.slice(li - initials.length + 1, li + 1) === initials) li -= initials.length;
          else if (letters[li] === initials[0]) li -= 1;
          else if (++skips > 2) break;
        }
        if (li < 0 && words.length >= 2 && !(words[0] as TermOcc).stop) {
          out.set(t.term, words.map((w) => w.term));
          if (written && !written.has(t.term)) written.set(t.term, u.text.slice((words[0] as TermOcc).start, (words[words.length - 1] as TermOcc).end).replace(/\s+/g, ' '));
        }
      }
    }
  }
  return out;
}
