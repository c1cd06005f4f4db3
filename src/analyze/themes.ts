/**
 * Themes: key phrases grouped the way a reader would group them. Only phrases that begin and end on an
 * informative word (one this text uses at least twice as often as the background) and that are not the
 * speaker's own name take part. Two join one theme when one holds the other's head word (its most
 * informative word, stemmed) or when they keep appearing in the same paragraphs (Jaccard ≥ 0.6 over at
 * least three paragraphs each). A theme shows its 6 strongest phrases, is labelled by its strongest
 * phrase of at most three words, and scores its best phrase plus half of the next five.
 */

import { sentenceSpans } from '../text/index.js';
import { pooledBackground } from './background.js';
import { compareCodeUnits, sortGroupKeys } from './corpus.js';
import { keyphrases, type Background, type Keyphrase, type KeyphraseResult, type TextUnit } from './keyphrases.js';

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
  /** Terms that name the speakers themselves (their countries): a delegation's own name is no theme. */
  ownNames?: ReadonlySet<string>;
}

const MAX_PHRASES = 6;
/** A word is informative when this text uses it at least twice as often as the background: W/f ≥ 1 bit. */
const INFORMATIVE_BITS = 1;

/** Group key phrases into themes. */
export function themes(kp: KeyphraseResult, opts: ThemeOptions = {}): Theme[] {
  const stem = opts.stem ?? ((w: string) => w);
  // Bits per occurrence: how much more this text uses a word than the background (W = f·bits).
  const bits = (t: string): number => (kp.wordWeights.get(t) ?? 0) / (kp.wordCounts.get(t) ?? 1);
  const informative = (t: string): boolean => bits(t) >= INFORMATIVE_BITS;
  const own = opts.ownNames ?? new Set<string>();
  const content = (p: Keyphrase): string[] => p.terms.filter((t) => kp.wordCounts.has(t));
  // A theme phrase starts and ends on informative words, and is not the speaker's own name.
  const pool = kp.rows
    .filter((p) => {
      const c = content(p);
      // "Kazakhstan supports…": the speaker naming itself is no theme.
      if (!c.length || own.has(c[0] as string)) return false;
      return informative(c[0] as string) && informative(c[c.length - 1] as string);
    })
    .slice(0, opts.pool ?? 60);

  const parent = pool.map((_, i) => i);
  const size = pool.map(() => 1);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  // Stronger phrases claim weaker ones, up to MAX_PHRASES a theme, so one topic cannot swallow the rest.
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || (size[ra] as number) + (size[rb] as number) > MAX_PHRASES) return;
    const [hi, lo] = ra < rb ? [ra, rb] : [rb, ra];
    parent[lo] = hi;
    size[hi] = (size[hi] as number) + (size[lo] as number);
  };
  // Each phrase's head: its most informative word, stemmed. Phrases join when one holds the other's head.
  const stemsOf = pool.map((p) => new Set(content(p).flatMap((t) => t.split(' ')).map(stem)));
  const heads = pool.map((p) => {
    const c = content(p).filter(informative);
    const head = c.reduce((a, t) => (bits(t) > bits(a) ? t : a), c[0] as string);
    return new Set((head ?? '').split(' ').map(stem));
  });
  // i holds j's head word, and j's head is also i's own head or among i's informative words.
  const holds = (i: number, j: number): boolean => [...(heads[j] as Set<string>)].every((h) => (stemsOf[i] as Set<string>).has(h)) && [...(heads[i] as Set<string>)].some((h) => (stemsOf[j] as Set<string>).has(h));
  for (let i = 0; i < pool.length; i++) {
    for (let j = 0; j < i; j++) {
      if (holds(i, j) || holds(j, i) || together((pool[i] as Keyphrase).units, (pool[j] as Keyphrase).units)) union(j, i);
    }
  }

  const groups = new Map<number, Keyphrase[]>();
  pool.forEach((p, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(p);
    else groups.set(r, [p]);
  });

  const total = Math.max(kp.units, 1);
  const order = opts.unitOrder;
  const out: Omit<Theme, 'rank'>[] = [];
  for (const all of groups.values()) {
    const phrases = all.slice(0, MAX_PHRASES);
    // The label: the strongest phrase of at most three words (a reader's name for the theme).
    const labelPhrase = phrases.find((p) => p.terms.length <= 3) ?? (phrases[0] as Keyphrase);
    const units = [...new Set(all.flatMap((p) => p.units))];
    if (order) units.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const [best, ...rest] = phrases;
    const score = (best as Keyphrase).score + 0.5 * rest.reduce((a, p) => a + p.score, 0);
    out.push({ label: labelPhrase.display, phrases: [labelPhrase, ...phrases.filter((p) => p !== labelPhrase)], score, units, share: units.length / total });
  }
  out.sort((a, b) => b.score - a.score || compareCodeUnits(a.label, b.label));
  return out.slice(0, opts.top ?? 8).map((t, i) => ({ ...t, rank: i + 1 }));
}

/** Whether two phrases keep appearing in the same paragraphs. */
function together(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 3 || b.length < 3) return false;
  const sa = new Set(a);
  const inter = b.filter((u) => sa.has(u)).length;
  return inter / (a.length + b.length - inter) >= 0.6;
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
): GroupThemes[] {
  const order = new Map(units.map((u, i) => [u.unit, i]));
  const byGroup = new Map<string, TextUnit[]>();
  for (const u of units) {
    const g = byGroup.get(u.group);
    if (g) g.push(u);
    else byGroup.set(u.group, [u]);
  }
  const grouped = byGroup.size > 1 || !byGroup.has('');
  const totals = grouped ? contentCounts(units) : null;
  const out: GroupThemes[] = [];
  for (const key of sortGroupKeys(byGroup.keys())) {
    const members = byGroup.get(key) as TextUnit[];
    let background = bg;
    if (totals) {
      const own = contentCounts(members);
      const rest = new Map<string, number>();
      for (const [t, n] of totals.counts) {
        const r = n - (own.counts.get(t) ?? 0);
        if (r > 0) rest.set(t, r);
      }
      background = pooledBackground(bg, rest, totals.tokens - own.tokens);
    }
    const kp = keyphrases(members, background, opts.keyphrases === undefined ? {} : { top: Math.max(opts.keyphrases, opts.pool ?? 40) });
    const ownNames = new Set(members.flatMap((u) => (u.country ? u.country.split(' ') : [])));
    for (const u of members) if (u.country) ownNames.add(u.country);
    out.push({ group: key, keyphrases: kp, themes: themes(kp, { ...opts, unitOrder: order, ownNames }) });
  }
  return out;
}

function contentCounts(units: readonly TextUnit[]): { counts: Map<string, number>; tokens: number } {
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
