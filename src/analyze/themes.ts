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
  /** The speaker's country (as a term) of each unit: a delegation's own name is no theme. */
  unitCountry?: ReadonlyMap<string, string>;
}

const MAX_PHRASES = 6;
/** A word is informative when this text uses it at least twice as often as the background: W/f ≥ 1 bit. */
const INFORMATIVE_BITS = 1;
/** The UN's everyday words: more than 2 in 1,000 words of the reference model. */
const GENERIC_RATE = 0.002;

/** Group key phrases into themes. */
export function themes(kp: KeyphraseResult, opts: ThemeOptions = {}): Theme[] {
  const stem = opts.stem ?? ((w: string) => w);
  // Bits per occurrence: how much more this text uses a word than the background (W = f·bits).
  const bits = (t: string): number => (kp.wordBits.get(t) ?? 0) + 0.01;
  // Informative, and not one of the words the UN says all the time ("united nations", "world", more than
  // 2 in 1,000 words) unless this text says it at least 8 times as often.
  const informative = (t: string): boolean =>
    bits(t) >= INFORMATIVE_BITS && ((kp.wordRates.get(t) ?? 0) < GENERIC_RATE || bits(t) >= 3);
  const content = (p: Keyphrase): string[] => p.terms.filter((t) => kp.wordCounts.has(t));
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
  const pool = kp.rows
    .filter((p) => {
      const c = content(p);
      if (!c.length || ownName(p)) return false;
      return informative(c[0] as string) && informative(c[c.length - 1] as string);
    })
    .slice(0, opts.pool ?? 60);

  // Each phrase belongs to the theme of its head: its most informative word, stemmed.
  const headOf = (p: Keyphrase): string => {
    const c = content(p).filter(informative);
    const head = c.reduce((a, t) => (bits(t) > bits(a) ? t : a), c[0] as string);
    return head.split(' ').map(stem).join(' ');
  };
  // Heads used together in one phrase ("conflict prevention and resolution") are one theme; so are heads
  // that keep appearing in the same paragraphs.
  const parent = new Map<string, string>();
  const find = (h: string): string => {
    const p = parent.get(h) ?? h;
    if (p === h) return h;
    const r = find(p);
    parent.set(h, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const heads = pool.map(headOf);
  const headSet = new Set(heads);
  pool.forEach((p, i) => {
    for (const t of content(p).filter(informative)) {
      const h = t.split(' ').map(stem).join(' ');
      if (headSet.has(h)) union(heads[i] as string, h);
    }
  });
  const unitsByHead = new Map<string, Set<string>>();
  pool.forEach((p, i) => {
    const set = unitsByHead.get(heads[i] as string) ?? new Set<string>();
    for (const u of p.units) set.add(u);
    unitsByHead.set(heads[i] as string, set);
  });
  const headList = [...unitsByHead.keys()];
  for (let i = 0; i < headList.length; i++) {
    for (let j = 0; j < i; j++) {
      if (together([...(unitsByHead.get(headList[i] as string) as Set<string>)], [...(unitsByHead.get(headList[j] as string) as Set<string>)])) {
        union(headList[i] as string, headList[j] as string);
      }
    }
  }
  const groups = new Map<string, Keyphrase[]>();
  pool.forEach((p, i) => {
    const root = find(heads[i] as string);
    const g = groups.get(root);
    if (g) g.push(p);
    else groups.set(root, [p]);
  });

  const total = Math.max(kp.units, 1);
  const order = opts.unitOrder;
  const out: Omit<Theme, 'rank'>[] = [];
  for (const all of groups.values()) {
    all.sort((a, b) => b.score - a.score || compareCodeUnits(a.key, b.key));
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
  const unitCountry = new Map(units.flatMap((u) => (u.country ? [[u.unit, u.country] as [string, string]] : [])));
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
      // The rest of the input is the whole minus this group, computed per word when asked.
      const own = contentCounts(members);
      const rest = { get: (t: string): number | undefined => (totals.counts.get(t) ?? 0) - (own.counts.get(t) ?? 0) || undefined };
      background = pooledBackground(bg, rest, totals.tokens - own.tokens);
    }
    const kp = keyphrases(members, background, opts.keyphrases === undefined ? {} : { top: Math.max(opts.keyphrases, opts.pool ?? 40) });
    out.push({ group: key, keyphrases: kp, themes: themes(kp, { ...opts, unitOrder: order, unitCountry }) });
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
