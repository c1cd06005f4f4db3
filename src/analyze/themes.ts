/**
 * Themes: key phrases grouped the way a reader would group them. The strongest 60 phrases that begin and
 * end on an informative word (one this text uses at least twice as often as the background; a defined
 * acronym's long form passes on its acronym) and that are not the speaker's own name take part, less
 * fragments of stronger phrases they (by count) never occur without. Phrases start grouped by their head (their
 * most informative word, stemmed); groups then merge by average-linkage agglomerative clustering, as
 * TopicRank groups candidates, while the mean similarity of their phrases is at least 0.2 and the merged
 * theme holds at most 12 phrases. Two phrases' similarity is the Jaccard index of their informative
 * stemmed words, plus half the Ochiai coefficient of the sentences they are said in, plus a fifth of the
 * Jaccard index of their paragraphs — so items listed in one sentence ("inadequate financing, insufficient
 * troops … of peacekeeping operations") join one theme, so does a phrase said once beside one said often
 * ("pillars" in a sentence of "Responsibility to Protect"), so do phrases kept to one and the same
 * paragraph, and averaging keeps one shared word from chaining unrelated phrases into a giant theme. A
 * theme shows its 6 strongest phrases, is labelled by the phrase the others share words with (see the
 * label below), and scores its best phrase plus half of the next five.
 */

import { sentenceSpans } from '../text/index.js';
import { pooledBackground } from './background.js';
import { compareCodeUnits, sortGroupKeys } from './corpus.js';
import { contentCounts, keyphrases, type Background, type ContentCounts, type Keyphrase, type KeyphraseResult, type TextUnit } from './keyphrases.js';

export interface Theme {
  label: string;
  phrases: Keyphrase[];
  score: number;
  /** Units where any of its phrases occurs, in input order. */
  units: string[];
  /** Share of the content units. */
  share: number;
  rank: number;
}

export interface ThemeOptions {
  top?: number;
  /** How many key phrases are grouped (the strongest). */
  pool?: number;
  /** Stem a word (for "share stemmed words"); identity when absent. */
  stem?: (word: string) => string;
  /** Order of the units in the input, for sorting a theme's units. */
  unitOrder?: ReadonlyMap<string, number>;
  /** The speaker's country (as a term) of each unit: a delegation's own name is no theme. */
  unitCountry?: ReadonlyMap<string, string>;
}

const MAX_PHRASES = 6;
/** A label has at most this many words, unless it is a name with its acronym. */
const LABEL_TERMS = 4;
/** A defined acronym after a long form: "Conference on … in Asia (CICA)". */
const ACRONYM = / \(([A-Z][A-Z0-9]+)\)$/;
/** Weight of the Ochiai coefficient of two phrases' sentences, next to the Jaccard index of their stemmed words (1). */
const SENTENCE_WEIGHT = 0.5;
/** Weight of the Jaccard index of their paragraphs. */
const PARAGRAPH_WEIGHT = 0.2;
/**
 * Groups merge while their phrases' mean similarity reaches what two phrases said in one paragraph and
 * nowhere else share (the paragraph weight): so sharing one of three stemmed words (1/3), or a sentence
 * they alone are said in (0.5 + 0.2), is enough, and so is keeping to the same single paragraph, which is
 * how a short statement develops a topic; a phrase that also appears elsewhere needs more than that.
 */
const LINK = PARAGRAPH_WEIGHT;
/** Phrases of one theme at most (it shows its strongest MAX_PHRASES): merging stops before a theme sprawls. */
const MAX_GROUP = 12;
/** How many key phrases (the strongest that pass the filters) are grouped. */
const POOL = 60;
/** Rows of the key-phrase table finished for themes before falling back to all (see themesByGroup). */
const THEME_ROWS = 1000;
/** A word is informative when this text uses it at least twice as often as the background: W/f ≥ 1 bit. */
const INFORMATIVE_BITS = 1;
/** The UN's everyday words: more than 2 in 1,000 words of the reference model. */
const GENERIC_RATE = 0.002;
/** A label needs a word rarer than this in the reference model (or 8 times as frequent here): not "member states". */
const LABEL_RATE = 0.001;

/** What themes ask of a word of the key-phrase table. */
function wordFacts(kp: KeyphraseResult): {
  bits: (t: string) => number;
  informative: (t: string) => boolean;
  specific: (t: string) => boolean;
  content: (p: Keyphrase) => string[];
} {
  // Bits per occurrence: how much more this text uses a word than the background.
  const bits = (t: string): number => (kp.wordBits.get(t) ?? 0) + 0.01;
  // Informative, and not one of the words the UN says all the time ("united nations", "world", more than
  // 2 in 1,000 words) unless this text says it at least 8 times as often.
  const unlessFrequentHere = (rate: number) => (t: string): boolean => bits(t) >= INFORMATIVE_BITS && ((kp.wordRates.get(t) ?? 0) < rate || bits(t) >= 3);
  const informative = unlessFrequentHere(GENERIC_RATE);
  const specific = unlessFrequentHere(LABEL_RATE);
  const content = (p: Keyphrase): string[] => p.terms.filter((t) => kp.wordCounts.has(t));
  return { bits, informative, specific, content };
}

/**
 * The key phrases a theme may hold, strongest first, at most the pool size: phrases that start and end
 * on informative words and are not a delegation naming itself. Reads `kp.rows` only as far as needed.
 */
export function themeCandidates(kp: KeyphraseResult, opts: ThemeOptions = {}): Keyphrase[] {
  const { informative, content } = wordFacts(kp);
  // A delegation naming itself ("Kazakhstan supports…", "the Commonwealth of Dominica") is no theme:
  // drop a phrase holding a speaker's country when most of its paragraphs are that speaker's.
  const countryOf = opts.unitCountry ?? new Map<string, string>();
  const ownName = (p: Keyphrase): boolean => {
    const own = p.units.filter((u) => {
      const c = countryOf.get(u);
      return c !== undefined && p.terms.some((t) => t === c || c.split(' ').includes(t));
    }).length;
    return own * 2 > p.units.length;
  };
  // A theme phrase starts and ends on informative words.
  const pool = opts.pool ?? POOL;
  const out: Keyphrase[] = [];
  for (const p of kp.rows) {
    if (out.length >= pool) break;
    const c = content(p);
    if (!c.length || ownName(p)) continue;
    const acr = ACRONYM.exec(p.display)?.[1];
    if ((acr !== undefined && informative(acr)) || (informative(c[0] as string) && informative(c[c.length - 1] as string))) out.push(p);
  }
  return out;
}

/** Group key phrases into themes. */
export function themes(kp: KeyphraseResult, opts: ThemeOptions = {}): Theme[] {
  const stem = opts.stem ?? ((w: string) => w);
  const { bits, informative, specific, content } = wordFacts(kp);
  const candidates = themeCandidates(kp, opts);

  // A fragment of stronger phrases that it (by count) never occurs without ("Measures in Asia" inside the
  // CICA long form; "Cultures" inside "dialogue among cultures" and "Rapprochement of Cultures") says
  // nothing more: it is dropped.
  const pool = candidates.filter((p) => {
    let within = 0;
    for (const q of candidates) if (q.terms.length > p.terms.length && q.score >= p.score && inside(p.terms, q.terms)) within += q.count;
    return within < p.count;
  });

  // What a phrase is about: its informative words, stemmed; the sentences it is said in; its paragraphs.
  const features: Features[] = pool.map((p) => ({
    words: new Set(content(p).filter(informative).flatMap((t) => t.split(' ').map(stem))),
    sentences: new Set(kp.sentences.get(p.key) ?? []),
    units: new Set(p.units),
  }));
  // Phrases start grouped by their head, their most informative word stemmed ("conflict prevention",
  // "preventive diplomacy": prevent).
  const headOf = (p: Keyphrase): string => {
    const c = content(p).filter(informative);
    if (!c.length) return `#${p.key}`;
    const head = c.reduce((a, t) => (bits(t) > bits(a) ? t : a), c[0] as string);
    return head.split(' ').map(stem).join(' ');
  };
  const byHead = new Map<string, number[]>();
  pool.forEach((p, i) => {
    const h = headOf(p);
    const g = byHead.get(h);
    if (g) g.push(i);
    else byHead.set(h, [i]);
  });
  const clusters = [...byHead.values()];
  // Average-linkage agglomerative clustering (as TopicRank groups candidates): merge the two most similar
  // groups while their mean pairwise similarity reaches LINK. Averaging, unlike chaining single links,
  // keeps one shared word from pulling unrelated phrases into one giant theme. sums[a·n+b] holds the sum
  // of the similarities between the phrases of groups a and b, so a merge only adds two rows.
  const n = clusters.length;
  const sums = new Float64Array(n * n);
  const groupOf = new Int32Array(pool.length);
  clusters.forEach((c, g) => {
    for (const i of c) groupOf[i] = g;
  });
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const a = groupOf[i] as number;
      const b = groupOf[j] as number;
      if (a === b) continue;
      const v = similarity(features[i] as Features, features[j] as Features);
      sums[a * n + b] = (sums[a * n + b] as number) + v;
      sums[b * n + a] = (sums[b * n + a] as number) + v;
    }
  }
  const alive = clusters.map(() => true);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const ni = (clusters[i] as number[]).length;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const nj = (clusters[j] as number[]).length;
        if (ni + nj > MAX_GROUP) continue;
        const avg = (sums[i * n + j] as number) / (ni * nj);
        if (avg > best) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (best < LINK - 1e-9) break;
    clusters[bi] = [...(clusters[bi] as number[]), ...(clusters[bj] as number[])];
    alive[bj] = false;
    for (let k = 0; k < n; k++) {
      const v = (sums[bi * n + k] as number) + (sums[bj * n + k] as number);
      sums[bi * n + k] = v;
      sums[k * n + bi] = v;
    }
  }
  const wordsOf = new Map(pool.map((p, i) => [p, (features[i] as Features).words]));
  const groups = new Map<number, Keyphrase[]>();
  clusters.forEach((c, i) => {
    if (alive[i]) groups.set(i, c.map((k) => pool[k] as Keyphrase));
  });

  const total = Math.max(kp.units, 1);
  const order = opts.unitOrder;
  const out: Omit<Theme, 'rank'>[] = [];
  for (const all of groups.values()) {
    all.sort((a, b) => b.score - a.score || compareCodeUnits(a.key, b.key));
    const phrases = all.slice(0, MAX_PHRASES);
    // The label, a reader's name for the theme: of the phrases of at most four words (or with a defined
    // acronym) that hold a word the UN says less than once in 1,000 words, or 8 times as often here (so
    // never "member states" alone), the one whose stemmed words the most of the others share
    // ("sovereignty and territorial integrity" beside "territorial integrity and sovereignty" and "right
    // to sovereignty"); then the one said most often ("peacekeeping operations", twice, beside "trained
    // personnel" and "precise mandates" of the same sentence); then a phrase of two to four words; then the
    // strongest. When no phrase holds such a word, the same order over the short phrases, then the
    // strongest phrase. A single word is named by the strongest phrase of two to four words that holds it
    // ("protection of civilians" for "protection").
    const named = (p: Keyphrase): boolean => (p.terms.length >= 2 && p.terms.length <= LABEL_TERMS) || ACRONYM.test(p.display);
    // How many of the other shown phrases share a stemmed word with each, counted once (the sort asks often).
    const sharing = new Map(
      phrases.map((p) => {
        const mine = wordsOf.get(p) as ReadonlySet<string>;
        return [p, phrases.filter((q) => q !== p && [...(wordsOf.get(q) as ReadonlySet<string>)].some((w) => mine.has(w))).length] as const;
      }),
    );
    const shared = (p: Keyphrase): number => sharing.get(p) as number;
    const short = phrases.filter((p) => p.terms.length <= LABEL_TERMS || ACRONYM.test(p.display));
    const isSpecific = (p: Keyphrase): boolean => {
      const acr = ACRONYM.exec(p.display)?.[1];
      return (acr !== undefined && specific(acr)) || content(p).some(specific);
    };
    const specificShort = short.filter(isSpecific);
    const labelled =
      (specificShort.length ? specificShort : short).sort(
        (a, b) => shared(b) - shared(a) || b.count - a.count || Number(named(b)) - Number(named(a)) || b.score - a.score || compareCodeUnits(a.key, b.key),
      )[0] ?? (phrases[0] as Keyphrase);
    const labelPhrase = labelled.terms.length === 1 ? (phrases.find((p) => named(p) && p.terms.includes(labelled.terms[0] as string)) ?? labelled) : labelled;
    const units = [...new Set(all.flatMap((p) => p.units))];
    if (order) units.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const [best, ...rest] = phrases;
    const score = (best as Keyphrase).score + 0.5 * rest.reduce((a, p) => a + p.score, 0);
    out.push({ label: labelPhrase.display, phrases: [labelPhrase, ...phrases.filter((p) => p !== labelPhrase)], score, units, share: units.length / total });
  }
  out.sort((a, b) => b.score - a.score || compareCodeUnits(a.label, b.label));
  return out.slice(0, opts.top ?? 8).map((t, i) => ({ ...t, rank: i + 1 }));
}

/** What a phrase is about, for grouping. */
interface Features {
  words: ReadonlySet<string>;
  sentences: ReadonlySet<string>;
  units: ReadonlySet<string>;
}

/**
 * How likely two phrases speak of one theme: the Jaccard index of their stemmed informative words, plus
 * half the Ochiai coefficient of their sentences, plus a fifth of the Jaccard index of their paragraphs.
 * Each part is in [0, 1], so a long phrase's many words do not drown a shared sentence, as they would in
 * one index over all features. Sentences use Ochiai, |A ∩ B| / √(|A|·|B|): a phrase said once, in one
 * of the four sentences of a phrase said often, shares half of what it can (Jaccard would say a quarter,
 * and the overlap coefficient, 1, would let a word said everywhere absorb every phrase of its sentences).
 */
function similarity(a: Features, b: Features): number {
  return jaccard(a.words, b.words) + SENTENCE_WEIGHT * ochiai(a.sentences, b.sentences) + PARAGRAPH_WEIGHT * jaccard(a.units, b.units);
}

/** Jaccard index: |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const k of a) if (b.has(k)) both++;
  const either = a.size + b.size - both;
  return either ? both / either : 0;
}

/** Ochiai (cosine) coefficient: |A ∩ B| / √(|A|·|B|); 0 when either is empty. */
function ochiai(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const k of a) if (b.has(k)) both++;
  return both ? both / Math.sqrt(a.size * b.size) : 0;
}

/** Whether `part` is a contiguous run of `whole`. */
function inside(part: readonly string[], whole: readonly string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((t, k) => whole[i + k] === t)) return true;
  return false;
}

export interface GroupThemes {
  /** The --by key; '' when not grouped. */
  group: string;
  keyphrases: KeyphraseResult;
  themes: Theme[];
}

/**
 * Key phrases and themes per group. Without groups, the whole input against the background; with
 * groups, each group against the background pooled with the rest of the input.
 */
export function themesByGroup(
  units: readonly TextUnit[],
  bg: Background,
  opts: ThemeOptions & { keyphrases?: number },
  whole?: { counts: ReadonlyMap<string, number>; tokens: number },
): GroupThemes[] {
  const order = new Map(units.map((u, i) => [u.unit, i]));
  const unitCountry = new Map(units.flatMap((u) => (u.country ? [[u.unit, u.country] as [string, string]] : [])));
  const byGroup = new Map<string, TextUnit[]>();
  for (const u of units) {
    const g = byGroup.get(u.group);
    if (g) g.push(u);
    else byGroup.set(u.group, [u]);
  }
  const grouped = whole !== undefined || byGroup.size > 1 || !byGroup.has('');
  // Each group's content-word counts, once: its key phrases count them, and the rest of the input is
  // the whole minus the group. `whole`: the counts of the whole input, when `units` hold only some of
  // its groups (a worker's share); else the groups' sum.
  const keys = sortGroupKeys(byGroup.keys());
  const owns = new Map(keys.map((k) => [k, contentCounts(byGroup.get(k) as TextUnit[])]));
  const totals = whole ?? (grouped ? sumCounts(owns.values()) : null);
  const out: GroupThemes[] = [];
  for (const key of keys) {
    const members = byGroup.get(key) as TextUnit[];
    const own = owns.get(key) as ContentCounts;
    let background = bg;
    if (totals) {
      // The rest of the input is the whole minus this group, computed per word when asked.
      const rest = { get: (t: string): number | undefined => (totals.counts.get(t) ?? 0) - (own.counts.get(t) ?? 0) || undefined };
      background = pooledBackground(bg, rest, totals.tokens - own.tokens);
    }
    if (opts.keyphrases !== undefined) {
      // `keyphrases`: the ranked table only.
      out.push({ group: key, keyphrases: keyphrases(members, background, { top: opts.keyphrases, counts: own }), themes: [] });
      continue;
    }
    const themeOpts = { ...opts, unitOrder: order, unitCountry };
    // Themes read the strongest rows only: rank them all, but finish (display forms, expected counts)
    // the first THEME_ROWS, and all of them only when those do not fill the pool (the same result).
    let kp = keyphrases(members, background, { top: THEME_ROWS, counts: own });
    if (kp.rows.length < kp.ranked && themeCandidates(kp, themeOpts).length < (opts.pool ?? POOL)) kp = keyphrases(members, background, { counts: own });
    out.push({ group: key, keyphrases: kp, themes: themes(kp, themeOpts) });
  }
  return out;
}

/** The sum of some content-word counts. */
function sumCounts(parts: Iterable<ContentCounts>): ContentCounts {
  const counts = new Map<string, number>();
  let tokens = 0;
  for (const p of parts) {
    tokens += p.tokens;
    for (const [t, n] of p.counts) counts.set(t, (counts.get(t) ?? 0) + n);
  }
  return { counts, tokens };
}

/** The sentence that best shows a theme: the one holding the most of its phrases, weighted by score. */
export function evidenceSentence(theme: Theme, units: readonly TextUnit[]): { unit: string; sentence: string } | null {
  const wanted = new Set(theme.units);
  let best: { unit: string; sentence: string; score: number } | null = null;
  for (const u of units) {
    if (!wanted.has(u.unit)) continue;
    for (const s of sentenceSpans(u.text)) {
      const sentence = u.text.slice(s.start, s.end).trim();
      const lower = sentence.toLowerCase();
      let score = 0;
      for (const p of theme.phrases) if (lower.includes(p.display.replace(/ \([A-Z0-9]+\)$/, '').toLowerCase())) score += p.score;
      if (score > 0 && (!best || score > best.score)) best = { unit: u.unit, sentence, score };
    }
  }
  return best ? { unit: best.unit, sentence: best.sentence } : null;
}

/** A theme's evidence: the sentence that best shows it, with its unit and speaker. */
export interface ThemeEvidence {
  unit: string;
  speaker: string | null;
  sentence: string;
}

/** `evidenceSentence` with the speaker of the unit it comes from. */
export function themeEvidence(theme: Theme, units: readonly TextUnit[]): ThemeEvidence | null {
  const ev = evidenceSentence(theme, units);
  return ev ? { unit: ev.unit, speaker: units.find((u) => u.unit === ev.unit)?.speaker ?? null, sentence: ev.sentence } : null;
}
