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
import { compareCodeUnits, mergeDocIds, type CountedUnit } from './corpus.js';

/** Background rates: how often the UN usually says a term or a phrase. */
export interface Background {
  /** Rate of a term per content token; null when unseen. */
  termRate(term: string): number | null;
  /**
   * Rate of the phrase terms[from…to) (2–4 terms; by default all of `terms`) per phrase position; null
   * when unseen. Taking a window of a longer array spares the callers a slice per window.
   */
  phraseRate(terms: readonly string[], from?: number, to?: number): number | null;
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
  /** The units' content-word counts (`contentCounts(units)`), when the caller has them already. */
  counts?: ContentCounts;
}

/** Counts of the content words (neither stopwords nor numbers) of some units, and their sum. */
export interface ContentCounts {
  counts: Map<string, number>;
  tokens: number;
}

/** The content-word counts of some units. */
export function contentCounts(units: readonly CountedUnit[]): ContentCounts {
  const counts = new Map<string, number>();
  let tokens = 0;
  for (const u of units) {
    for (const s of u.stream.sentences) {
      for (const t of s) {
        if (!t || t.stop || t.number) continue;
        tokens++;
        counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
      }
    }
  }
  return { counts, tokens };
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
  /** The sentences ("unit#index") where each phrase of `rows` occurs, by key, for callers that group phrases. */
  sentences: Map<string, string[]>;
  /** Every word's weight W(t), as the phrase scores sum it. */
  wordWeights: ReadonlyMap<string, number>;
  /** Every content word's bits per occurrence, max(0, log2((f(t)/N)/p_bg(t))); worked out when asked. */
  wordBits: WordLookup;
  /** Every content word's count f(t). */
  wordCounts: ReadonlyMap<string, number>;
  /** Every content word's background rate p_bg(t); worked out when asked. */
  wordRates: WordLookup;
  params: Record<string, unknown>;
}

/** A value per content word of the text; undefined for any other word. */
export interface WordLookup {
  get(term: string): number | undefined;
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
   * for the rows shown; further occurrences count as written exactly like the first (`likeFirst`, the
   * common case, compared in place), or else by their surface (so memory grows with the distinct
   * surfaces of frequent phrases, not with their occurrences).
   */
  texts: string[];
  starts: number[];
  ends: number[];
  likeFirst: number;
  surfaces: Map<string, number> | null;
}


/** sumLargest's weights (reused). */
let weightsScratch = new Float64Array(16);

/**
 * The sum of the `most` largest weights of some terms (and of `extra`, when given), added from the
 * largest down, as always (the same bits in every run).
 */
function sumLargest(terms: readonly string[], extra: string | undefined, weights: ReadonlyMap<string, number>, most: number): number {
  const n = terms.length + (extra === undefined ? 0 : 1);
  if (weightsScratch.length < n) weightsScratch = new Float64Array(n * 2);
  const ws = weightsScratch;
  // Insertion sort, largest first: a phrase has a few terms.
  for (let i = 0; i < n; i++) {
    const w = weights.get(i < terms.length ? (terms[i] as string) : (extra as string)) ?? 0;
    let j = i;
    while (j > 0 && (ws[j - 1] as number) < w) {
      ws[j] = ws[j - 1] as number;
      j--;
    }
    ws[j] = w;
  }
  let sum = 0;
  for (let k = 0; k < most && k < n; k++) sum += ws[k] as number;
  return sum;
}

/**
 * A run of terms between gaps: the occurrences, each one's facts, and its term, in the first `n` places
 * of arrays reused run after run (what lies beyond is left from longer runs before: never read).
 */
interface Run {
  occ: TermOcc[];
  facts: TermFacts[];
  terms: string[];
  n: number;
}

/** A node of a CandTable's trie: the candidate of the terms so far, and the nodes one term longer. */
interface CandNode {
  cand: Cand | null;
  next: Map<TermFacts, CandNode> | null;
}

let tableIds = 0;

/**
 * The candidates of one ranking, by key ("responsibility to protect"). Finding one by its terms builds
 * no key: the facts of a candidate's first term hold, for the table that last used them, a trie over
 * the facts of the terms that follow (Maps keyed by object, which hash by identity), and a key string
 * is made only when a trie node is new (a candidate's first occurrence, mostly).
 */
class CandTable {
  readonly byKey = new Map<string, Cand>();
  private readonly id = ++tableIds;
  private readonly touched: TermFacts[] = [];

  /** The candidate of terms[from…to), made on first use. */
  at(facts: readonly TermFacts[], terms: readonly string[], from: number, to: number): Cand {
    const first = facts[from] as TermFacts;
    if (first.table !== this.id || first.node === null) {
      first.table = this.id;
      first.node = { cand: null, next: null };
      this.touched.push(first);
    }
    let node = first.node;
    for (let k = from + 1; k < to; k++) {
      const f = facts[k] as TermFacts;
      node.next ??= new Map();
      let nx = node.next.get(f);
      if (nx === undefined) node.next.set(f, (nx = { cand: null, next: null }));
      node = nx;
    }
    return (node.cand ??= this.byTerms(terms.slice(from, to)));
  }

  /** The candidate of these terms, made on first use. */
  byTerms(terms: string[]): Cand {
    const key = terms.join(' ');
    let c = this.byKey.get(key);
    if (c === undefined) this.byKey.set(key, (c = { terms, count: 0, units: [], sentences: [], texts: [], starts: [], ends: [], likeFirst: 0, surfaces: null }));
    return c;
  }

  /** Let go of the tries (so the facts memo keeps no candidate alive). */
  release(): void {
    for (const f of this.touched) {
      if (f.table !== this.id) continue;
      f.table = 0;
      f.node = null;
    }
    this.touched.length = 0;
  }
}

/** Rank the key phrases of some units against a background. */
export function keyphrases(units: readonly TextUnit[], bg: Background, opts: KeyphraseOptions = {}): KeyphraseResult {
  const maxLength = opts.maxLength ?? 4;
  const written = new Map<string, string>();
  const acronyms = definedAcronyms(units, written);
  const table = new CandTable();
  /** Candidates of courtesy sentences, kept apart until the rest are known. */
  const courteousTable = new CandTable();
  const { counts: freq, tokens } = opts.counts ?? contentCounts(units);
  let positions = 0;
  const run: Run = { occ: [], facts: [], terms: [], n: 0 };
  const collector = new Collector(maxLength, acronyms, bg);
  const facts: (TermFacts | null)[] = [];

  // The tries hang on the facts memo: let go of them whatever happens.
  try {
    for (const u of units) {
      let si = 0;
      collector.unit = u;
      for (const sentence of u.stream.sentences) {
        collector.sid = `${u.unit}#${si++}`;
        // A sentence of thanks or praise ("I would like to thank the panelists for their valuable
        // insights") names people and courtesies, not what the statement is about: its words count, and its
        // phrases count only if the statement also says them elsewhere (below).
        facts.length = sentence.length;
        for (let k = 0; k < sentence.length; k++) {
          const t = sentence[k];
          facts[k] = t ? factsOf(t.term) : null;
        }
        collector.into = courtesyOf(facts) ? courteousTable : table;
        // Each run of terms between gaps, with its terms' facts and strings alongside.
        for (let k = 0; k <= sentence.length; k++) {
          const t = sentence[k];
          if (t === null || t === undefined) {
            if (run.n === 0) continue;
            positions += run.n;
            collector.collect(run);
            run.n = 0;
            continue;
          }
          run.occ[run.n] = t;
          run.facts[run.n] = facts[k] as TermFacts;
          run.terms[run.n++] = t.term;
        }
      }
    }
  } finally {
    table.release();
    courteousTable.release();
  }
  const cands = table.byKey;
  for (const [key, c] of courteousTable.byKey) {
    const m = cands.get(key);
    if (m === undefined) continue;
    m.count += c.count;
    // Both lists are in input order, which is the order of their ids.
    m.units = mergeDocIds(m.units, c.units);
    m.sentences = mergeDocIds(m.sentences, c.sentences);
    for (let i = 0; i < c.texts.length; i++) addSurface(m, c.texts[i] as string, c.starts[i] as number, c.ends[i] as number);
    for (let i = 0; i < c.likeFirst; i++) addSurface(m, c.texts[0] as string, c.starts[0] as number, c.ends[0] as number);
    for (const [surface, n] of c.surfaces ?? []) {
      m.surfaces ??= new Map();
      m.surfaces.set(surface, (m.surfaces.get(surface) ?? 0) + n);
    }
  }

  // A word's background rate and bits, for its weight here and for callers that ask about a few words.
  const rateOf = (t: string): number => (bg.termRate(t) ?? bg.floor) || bg.floor;
  // Bits per occurrence: how much more often this text uses the word than the background does.
  const bitsOf = (t: string, f: number): number => Math.max(0, Math.log2(f / Math.max(tokens, 1) / rateOf(t)));
  const weights = new Map<string, number>();
  for (const [t, f] of freq) {
    // Words the UN uses as often as this text does weigh (almost) nothing, but still rank phrases among themselves.
    // Sublinear in the count (1 + ln f, the usual damped tf): a word repeated throughout a short text
    // should not outweigh a phrase of rarer words, or every phrase holding it outranks the rest.
    weights.set(t, (1 + Math.log(f)) * bitsOf(t, f) + 0.01 * f);
  }
  const counted = (get: (t: string, f: number) => number): WordLookup => ({
    get: (t) => {
      const f = freq.get(t);
      return f === undefined ? undefined : get(t, f);
    },
  });

  // Score every candidate, then give display forms and expected counts only to the rows kept.
  const scored: { key: string; c: Cand; acr: string | undefined; score: number }[] = [];
  const sentencesOf = new Map<string, string[]>();
  const longForms = new Map([...acronyms].map(([acr, terms]) => [terms.join(' '), acr]));
  for (const [key, c] of cands) {
    // A defined acronym's long form: its words and the acronym itself, the four strongest counted.
    const acr = longForms.get(key);
    const wsum = c.terms.length === 1 && !acr ? (weights.get(c.terms[0] as string) ?? 0) : sumLargest(c.terms, acr, weights, acr ? 4 : c.terms.length);
    const spread = 1 + Math.log(c.units.length);
    const score = wsum * spread;
    if (!(score > 0)) continue;
    scored.push({ key, c, acr, score });
  }
  // Compared, not subtracted: the comparator then makes no number objects.
  scored.sort((a, b) => (a.score > b.score ? -1 : a.score < b.score ? 1 : compareCodeUnits(a.key, b.key)));
  const top = opts.top ?? scored.length;
  const rows: Keyphrase[] = [];
  for (let i = 0; i < scored.length && rows.length < top; i++) {
    const { key, c, acr, score } = scored[i] as (typeof scored)[number];
    const rate = c.terms.length === 1 ? (bg.termRate(key) ?? bg.floor) : (bg.phraseRate(c.terms) ?? bg.floor);
    const prev = rows[rows.length - 1];
    sentencesOf.set(key, c.sentences);
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
    wordBits: counted(bitsOf),
    wordCounts: freq,
    wordRates: counted(rateOf),
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
/** The verbs that make a courtesy sentence with a noun of thanks after them: "We express our gratitude". */
const EXPRESS_VERB = new Set(['express', 'extend', 'convey']);
/** The nouns of thanks after such a verb. */
const THANKS_NOUN = new Set(['gratitude', 'appreciation', 'thanks', 'congratulations']);

/** Words of thanks and praise. */
const GRATITUDE = /^(?:thank\w*|congratulat\w*|gratitude|grateful|appreciat\w*|tribute|commend\w*|prais\w*|greet\w*|felicitat\w*)$/;
/** Words that address a person or an office holder. */
const ADDRESSEE = new Set(['mr', 'mrs', 'ms', 'madam', 'sir', 'predecessor', 'excellency', 'ambassador', 'envoy', 'president', 'secretary-general', 'panelists', 'briefers', 'briefer']);

/** What ranking asks of a term's string (`TermFacts.flags`). */
const enum F {
  /** A word of thanks or praise (GRATITUDE). */
  Thanks = 1,
  /** Addresses a person (ADDRESSEE). */
  Addressee = 2,
  /** May open a courtesy sentence (COURTESY_LEAD). */
  Lead = 4,
  /** A verb of thanks (COURTESY_VERB). */
  CourtesyVerb = 8,
  /** "express", "extend", "convey" (EXPRESS_VERB). */
  Express = 16,
  /** A noun of thanks after such a verb (THANKS_NOUN). */
  ThanksNoun = 32,
  /** An adverb by its form: /^[a-z]{3,}ly$/. */
  Adverb = 64,
  /** A verb form by its form: /^[a-z]{3,}(?:ed|ing)$/. */
  VerbForm = 128,
  /** A past participle or an adverb by its form, which ends a noun phrase badly ("method used", "widely"): /^[a-z]{3,}(?:ed|ly)$/. */
  Verbish = 256,
}

/**
 * What ranking asks of a term, worked out once per distinct term string (the terms of a stream are
 * shared strings, so a token costs one Map lookup instead of one per question).
 */
interface TermFacts {
  flags: number;
  /** English word class as a content word (`codeOf`); undefined until asked. */
  code: string | null | undefined;
  /** English word class of the word itself (`wordCode`), for a stopword inside a phrase; undefined until asked. */
  word: string | undefined;
  /** The CandTable (by id; 0 for none) whose trie of candidates starting on this term `node` is. */
  table: number;
  node: CandNode | null;
}

const factsMemo = new Map<string, TermFacts>();

/** The facts of a term (see TermFacts), from the memo. */
function factsOf(term: string): TermFacts {
  let f = factsMemo.get(term);
  if (f === undefined) {
    const w = term.toLowerCase();
    const flags =
      (GRATITUDE.test(w) ? F.Thanks : 0) |
      (ADDRESSEE.has(w) ? F.Addressee : 0) |
      (COURTESY_LEAD.has(w) ? F.Lead : 0) |
      (COURTESY_VERB.has(w) ? F.CourtesyVerb : 0) |
      (EXPRESS_VERB.has(w) ? F.Express : 0) |
      (THANKS_NOUN.has(w) ? F.ThanksNoun : 0) |
      (/^[a-z]{3,}ly$/.test(term) ? F.Adverb : 0) |
      (/^[a-z]{3,}(?:ed|ing)$/.test(term) ? F.VerbForm : 0) |
      (/^[a-z]{3,}(?:ed|ly)$/.test(term) ? F.Verbish : 0);
    f = { flags, code: undefined, word: undefined, table: 0, node: null };
    if (factsMemo.size > 500_000) factsMemo.clear();
    factsMemo.set(term, f);
  }
  return f;
}

/**
 * Whether a sentence is a courtesy: its verb, after at most six lead words (subject, modal, "allow me
 * to"), is one of thanks or praise ("I would like to thank…", "We appreciate the efforts of…", "Allow me
 * to congratulate you…") or expresses gratitude ("We express our gratitude to…"); or it holds a word of
 * thanks or praise and addresses a person ("Our gratitude also goes to your predecessor, Mr. Harri
 * Holkeri, …"). "Peacekeepers deserve our thanks" and "We welcome the report" are not courtesies.
 */
export function courtesy(sentence: readonly (TermOcc | null)[]): boolean {
  return courtesyOf(sentence.map((t) => (t === null ? null : factsOf(t.term))));
}

/** `courtesy` of a sentence given by its terms' facts. */
function courtesyOf(facts: readonly (TermFacts | null)[]): boolean {
  const n = facts.length;
  let i = 0;
  while (i < n && i < 6 && (flagsAt(facts, i) & F.Lead) !== 0) i++;
  const verb = flagsAt(facts, i);
  if ((verb & F.CourtesyVerb) !== 0) return true;
  let seen = 0;
  for (let k = 0; k < n; k++) {
    seen |= flagsAt(facts, k);
    if ((seen & (F.Thanks | F.Addressee)) === (F.Thanks | F.Addressee)) return true;
  }
  if ((verb & F.Express) === 0) return false;
  for (let k = i + 1; k < Math.min(n, i + 5); k++) if ((flagsAt(facts, k) & F.ThanksNoun) !== 0) return true;
  return false;
}

function flagsAt(facts: readonly (TermFacts | null)[], k: number): number {
  return facts[k]?.flags ?? 0;
}

/**
 * Adds the candidates of runs of terms (between gaps) to a table, run after run: its fields are the unit
 * and sentence at hand, and arrays it reuses. Candidates are, in English, the noun phrases by word class
 * (runs of adjectives and nouns ending on a noun); in other languages, the maximal runs of content words
 * between stopwords, numbers and adverbs, with a trailing past participle trimmed (the usual shape of a
 * noun phrase without a tagger). A run longer than `maxLength` is no candidate. Shorter or stopword-glued
 * phrases inside a run count too when the background knows them as phrases the UN uses ("preventive
 * diplomacy", "responsibility to protect").
 */
class Collector {
  /** The unit, sentence ("unit#index") and table the next runs belong to. */
  unit!: TextUnit;
  sid = '';
  into!: CandTable;
  private run: Run = { occ: [], facts: [], terms: [], n: 0 };
  /** Name spans of the run (see nameSpans). */
  private names: [number, number][] = [];
  /** English word classes of the run's terms: codeOf's, and for nounPhraseShape a stopword's own class too. */
  private readonly codes: (string | null)[] = [];
  private readonly shapes: (string | null)[] = [];
  /** Spans already added: bit 1 << length at from (lengths up to 7; longer spans are never asked about). */
  private added = new Uint8Array(64);

  constructor(
    private readonly maxLength: number,
    private readonly acronyms: ReadonlyMap<string, string[]>,
    private readonly bg: Background,
  ) {}

  collect(run: Run): void {
    const { occ, facts, terms } = run;
    const n = run.n;
    const u = this.unit;
    this.run = run;
    this.names = nameSpans(occ, n, u.text, u.stream.lang);
    if (this.added.length < n) this.added = new Uint8Array(n * 2);
    this.added.fill(0, 0, n);
    const { codes, shapes, maxLength } = this;
    const english = u.stream.lang === 'en';
    if (english) {
      // (their first n places: what lies beyond is left from longer runs, never read)
      for (let k = 0; k < n; k++) {
        const t = occ[k] as TermOcc;
        const c = codeOf(t, facts[k] as TermFacts);
        codes[k] = c;
        shapes[k] = t.stop ? wordOf(t, facts[k] as TermFacts) : c;
      }
      // English: noun phrases by word class — runs of adjectives and nouns, ending on a noun.
      let i = 0;
      while (i < n) {
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
        while (j < n && codes[j] !== null && (isNominal(codes[j] as string) || isModifier(codes[j] as string))) j++;
        let end = j;
        while (end > i && !isNominal(codes[end - 1] as string)) end--;
        if (end > i && end - i <= maxLength) this.add(i, end);
        i = j;
      }
    } else {
      let i = 0;
      while (i < n) {
        if (this.boundary(i)) {
          i++;
          continue;
        }
        let j = i;
        while (j < n && !this.boundary(j)) j++;
        let end = j;
        while (end - i > 1 && ((facts[end - 1] as TermFacts).flags & F.Verbish) !== 0) end--;
        // A run longer than maxLength is no phrase (its known phrases still count, below).
        if (end - i <= maxLength) this.add(i, end);
        i = j;
      }
    }
    // Phrases the UN is known to use, inside or across the runs (up to 4 terms, no stopword at either end).
    for (let a = 0; a < n; a++) {
      const first = occ[a] as TermOcc;
      if (first.stop || first.number) continue;
      for (let len = 2; len <= 4 && a + len <= n; len++) {
        const last = occ[a + len - 1] as TermOcc;
        if (last.stop || ((this.added[a] as number) & (1 << len)) !== 0) continue;
        if (english && !nounPhraseShape(occ, shapes, codes, a, a + len)) continue;
        if (this.bg.phraseRate(terms, a, a + len) !== null) this.add(a, a + len);
      }
    }
  }

  /** Count the candidate of the run's terms [from, to), unless it cuts through a name or an expansion. */
  private add(from: number, to: number): void {
    const { occ, facts, terms } = this.run;
    if (to - from < 8) this.added[from] = (this.added[from] as number) | (1 << (to - from));
    if (splitsExpansion(occ, this.run.n, from, to)) return;
    for (const [a, b] of this.names) if (from < b && to > a && (from > a || to < b)) return;
    const u = this.unit;
    const first = occ[from] as TermOcc;
    const expansion = to - from === 1 && this.acronyms.size > 0 ? this.acronyms.get(first.term) : undefined;
    const c = expansion ? this.into.byTerms(expansion) : this.into.at(facts, terms, from, to);
    const end = (occ[to - 1] as TermOcc).end;
    if (c.count++ === 0) {
      // Most candidates occur once: arrays made to measure, not grown by a push.
      c.units = [u.unit];
      c.sentences = [this.sid];
      c.texts = [u.text];
      c.starts = [first.start];
      c.ends = [end];
      return;
    }
    if (c.units[c.units.length - 1] !== u.unit) c.units.push(u.unit);
    if (c.sentences[c.sentences.length - 1] !== this.sid) c.sentences.push(this.sid);
    addSurface(c, u.text, first.start, end);
  }

  /**
   * Whether term k ends a run outside English: a stopword, a number, an adverb, or a verb form
   * ("proposed", "transforming") unless the UN uses it in a phrase with a neighbour ("armed conflict",
   * "peacekeeping operations", "least developed countries").
   */
  private boundary(k: number): boolean {
    const t = this.run.occ[k] as TermOcc;
    const f = (this.run.facts[k] as TermFacts).flags;
    return t.stop || t.number || (f & F.Adverb) !== 0 || ((f & F.VerbForm) !== 0 && !this.known(k) && !this.known(k - 1));
  }

  /** Whether the UN uses terms k and k + 1 of the run as a phrase. */
  private known(k: number): boolean {
    const { occ, terms } = this.run;
    return k >= 0 && k + 1 < this.run.n && !(occ[k] as TermOcc).stop && !(occ[k + 1] as TermOcc).stop && this.bg.phraseRate(terms, k, k + 2) !== null;
  }
}

/** A term's word class code; null for a stopword or a number (a compound or an acronym is a noun). */
function codeOf(t: TermOcc, f: TermFacts): string | null {
  if (t.stop || t.number) return null;
  if (f.code === undefined) {
    const w = t.term;
    // A single letter is a symbol or an initial ("n", "v"), not a word of a phrase.
    f.code = w.includes(' ') || w !== w.toLowerCase() ? 'n' : w.length < 2 ? null : wordCode(w);
  }
  return f.code;
}

/** The word class of a term's word itself (a stopword's, inside a phrase). */
function wordOf(t: TermOcc, f: TermFacts): string {
  return (f.word ??= wordCode(t.term));
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

/** nameSpans' answer for a run without names (shared: never written to). */
const NO_SPANS: [number, number][] = [];
const namesByLang = new Map<Lang, Map<string, (readonly string[])[]>>();
const UPPER = /\p{Lu}/u;

/**
 * Where a run writes out, as a name (capitalised), a phrase an alias stands for ("Responsibility to
 * Protect", as R2P does), as [from, to) spans: a candidate holds such a name whole or not at all, so
 * neither "Responsibility" nor "concept of Responsibility" is a phrase of "the concept of Responsibility
 * to Protect". The same words in lower case are ordinary wording: "the primary responsibility to protect
 * its populations" still gives "primary responsibility".
 */
function nameSpans(run: readonly TermOcc[], n: number, text: string, lang: Lang): [number, number][] {
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
  let spans: [number, number][] = NO_SPANS;
  if (names.size === 0) return spans;
  for (let i = 0; i < n; i++) {
    // Names are written capitalised: a lower-case ASCII letter (the common case) needs no lookup.
    const c = text.charCodeAt((run[i] as TermOcc).start);
    if ((c >= 0x61 && c <= 0x7a) || !UPPER.test(text[(run[i] as TermOcc).start] ?? '')) continue;
    const list = names.get((run[i] as TermOcc).term);
    if (!list) continue;
    for (const words of list) {
      if (i + words.length > n || !words.every((w, k) => (run[i + k] as TermOcc).term === w)) continue;
      if (spans === NO_SPANS) spans = [];
      spans.push([i, i + words.length]);
    }
  }
  return spans;
}

/** Whether [from, to) cuts through terms that share one span (an alias such as R2P, expanded). */
function splitsExpansion(run: readonly TermOcc[], n: number, from: number, to: number): boolean {
  const a = run[from] as TermOcc;
  const before = run[from - 1];
  if (before && before.start === a.start && before.end === a.end) return true;
  const z = run[to - 1] as TermOcc;
  const after = to < n ? run[to] : undefined;
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
  const first = c.texts[0] as string;
  const from = c.starts[0] as number;
  let same = end - start === (c.ends[0] as number) - from;
  for (let k = 0; same && k < end - start; k++) same = text.charCodeAt(start + k) === first.charCodeAt(from + k);
  if (same) {
    c.likeFirst++;
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
  for (let i = 0; i < c.texts.length; i++) count((c.texts[i] as string).slice(c.starts[i], c.ends[i]), i === 0 ? 1 + c.likeFirst : 1);
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
        // In brackets first (the cheap test, which almost every term fails), then the acronym's shape.
        if (!t || u.text.charCodeAt(t.start - 1) !== 0x28 || u.text.charCodeAt(t.end) !== 0x29 || !/^[A-Z][A-Z0-9]{1,9}$/.test(t.term)) continue;
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
