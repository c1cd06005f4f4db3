/**
 * Worker jobs for `themes --by` and `keyphrases --by` over many files, in two passes, so that no term
 * stream crosses a thread boundary:
 *
 * 1. `groupCountsAccumulator`: each group's content-word counts (for the "rest of the input" that a
 *    group is scored against) and which groups each document holds.
 * 2. `groupThemesAccumulator`: a worker gets whole groups (every document holding one of them) and the
 *    whole input's counts, and returns those groups' key phrases and themes, with their evidence
 *    sentences when asked; the results are small.
 */

import type { SpeechDocument } from '../model/types.js';
import { stemmerFor, type Lang, type TermSink } from '../text/index.js';
import { referenceBackground } from './background.js';
import { compareDocIds, sortGroupKeys } from './corpus.js';
import { countedUnits, mergeLangs, visitUnits, type CountArgs, type Counted } from './jobs.js';
import { groupKey } from './groups.js';
import type { KeyphraseResult, TextUnit } from './keyphrases.js';
import { themeEvidence, themesByGroup, type GroupThemes, type ThemeEvidence } from './themes.js';

/** Content-word counts of one group. */
export interface GroupWordCounts {
  group: string;
  tokens: number;
  units: number;
  terms: string[];
  counts: number[];
}

/** Pass 1's result: per group counts, and per document (by id) the groups it holds. */
export interface GroupCounts {
  groups: GroupWordCounts[];
  docs: { id: string; groups: string[] }[];
}

/** Accumulator of pass 1. */
export function groupCountsAccumulator(args: CountArgs): { add(doc: SpeechDocument): void; result(): Counted<GroupCounts> } {
  const groups = new Map<string, { tokens: number; units: number; counts: Map<string, number> }>();
  const docs: { id: string; groups: string[] }[] = [];
  const langs: Partial<Record<Lang, number>> = {};
  let cur: { tokens: number; units: number; counts: Map<string, number> } | null = null;
  const sink: TermSink = {
    term(term, _s, _e, stop, number) {
      if (stop || number || cur === null) return;
      cur.tokens++;
      cur.counts.set(term, (cur.counts.get(term) ?? 0) + 1);
    },
    gap() {},
    endSentence() {},
  };
  return {
    add(doc) {
      const seen = new Set<string>();
      const lang = visitUnits(doc, args, sink, (u) => {
        const key = groupKey(u, doc, args.by);
        seen.add(key);
        cur = groups.get(key) ?? null;
        if (cur === null) groups.set(key, (cur = { tokens: 0, units: 0, counts: new Map() }));
        cur.units++;
      });
      langs[lang] = (langs[lang] ?? 0) + 1;
      // Only documents with counted units are part of the input (as in the one-pass path).
      if (seen.size > 0) docs.push({ id: doc.id, groups: [...seen] });
    },
    result: () => ({ value: { groups: wordCounts(groups), docs }, langs }),
  };
}

/** Reduce of pass 1 (workers read disjoint documents). */
export function mergeGroupCounts(list: Counted<GroupCounts>[]): Counted<GroupCounts> {
  const groups = new Map<string, { tokens: number; units: number; counts: Map<string, number> }>();
  const docs: { id: string; groups: string[] }[] = [];
  for (const c of list) {
    for (const g of c.value.groups) {
      let into = groups.get(g.group);
      if (into === undefined) groups.set(g.group, (into = { tokens: 0, units: 0, counts: new Map() }));
      into.tokens += g.tokens;
      into.units += g.units;
      g.terms.forEach((t, i) => into.counts.set(t, (into.counts.get(t) ?? 0) + (g.counts[i] as number)));
    }
    docs.push(...c.value.docs);
  }
  return { value: { groups: wordCounts(groups), docs }, langs: mergeLangs(list) };
}

/** A group → counts table in the mergeable, structured-clone form. */
function wordCounts(groups: ReadonlyMap<string, { tokens: number; units: number; counts: Map<string, number> }>): GroupWordCounts[] {
  return [...groups].map(([group, g]) => ({ group, tokens: g.tokens, units: g.units, terms: [...g.counts.keys()], counts: [...g.counts.values()] }));
}

/** Pass 2's arguments: the groups this worker owns and the whole input's content-word counts. */
export interface GroupThemesArgs extends CountArgs {
  keep: string[];
  totals: { terms: string[]; counts: number[]; tokens: number };
  top: number;
  /** For `keyphrases`: how many key phrases per group. */
  keyphrases?: number;
  explain: boolean;
}

/** One group's results as a worker sends them back: the key-phrase table without its per-word maps. */
export interface GroupThemesOut extends Omit<GroupThemes, 'keyphrases'> {
  keyphrases: Pick<KeyphraseResult, 'rows' | 'tokens' | 'units' | 'params'>;
  /** With `explain`: per theme (by position), its evidence. */
  evidence?: (ThemeEvidence | null)[];
}

/**
 * Accumulator of pass 2: keeps the documents holding an owned group, then ranks and groups the key
 * phrases group by group. A group's term streams are made when its turn comes and dropped after it (a
 * document's streams are kept only until its last group is done), so memory holds the documents and
 * one group's streams, not the streams of every group at once.
 */
export function groupThemesAccumulator(args: GroupThemesArgs): { add(doc: SpeechDocument): void; result(): GroupThemesOut[] } {
  const keep = new Set(args.keep);
  /** Documents with an owned group, and the owned groups each holds. */
  const held: { doc: SpeechDocument; groups: Set<string> }[] = [];
  return {
    // (the documents' languages were counted in pass 1)
    add(doc) {
      const groups = new Set<string>();
      for (const u of doc.units) {
        if (!args.allUnits && u.kind !== 'content') continue;
        const g = groupKey(u, doc, args.by);
        if (keep.has(g)) groups.add(g);
      }
      if (groups.size) held.push({ doc, groups });
    },
    result() {
      // Documents arrive in any order: put them back in input order (d1, d2, …; a document's units are in order).
      held.sort((a, b) => compareDocIds(a.doc.id, b.doc.id));
      const counts = new Map<string, number>();
      args.totals.terms.forEach((t, i) => counts.set(t, args.totals.counts[i] as number));
      const whole = { counts, tokens: args.totals.tokens };
      const stem = stemmerFor('en') ?? undefined;
      const bg = referenceBackground();
      const opts = { top: args.top, ...(args.keyphrases !== undefined ? { keyphrases: args.keyphrases } : {}), ...(stem ? { stem } : {}) };
      // Each document's units, made on its first group's turn and let go after its last.
      const made = new Map<SpeechDocument, TextUnit[]>();
      const left = new Map(held.map((h) => [h.doc, h.groups.size]));
      // Each group's documents, in input order.
      const docsOf = new Map<string, (typeof held)[number][]>();
      for (const h of held) {
        for (const g of h.groups) {
          const list = docsOf.get(g);
          if (list) list.push(h);
          else docsOf.set(g, [h]);
        }
      }
      const value: GroupThemesOut[] = [];
      for (const group of sortGroupKeys(keep)) {
        const members: TextUnit[] = [];
        for (const h of docsOf.get(group) ?? []) {
          let units = made.get(h.doc);
          if (units === undefined) made.set(h.doc, (units = countedUnits(h.doc, args) as TextUnit[]));
          for (const u of units) if (u.group === group) members.push(u);
          const n = (left.get(h.doc) as number) - 1;
          left.set(h.doc, n);
          if (n === 0) made.delete(h.doc);
        }
        if (!members.length) continue;
        // One group alone gives what it gives among all: it is scored against the whole input's counts.
        for (const g of themesByGroup(members, bg, opts, whole)) {
          const { rows, tokens, units: n, params } = g.keyphrases;
          const out: GroupThemesOut = { group: g.group, themes: g.themes, keyphrases: { rows: args.keyphrases !== undefined ? rows.slice(0, args.keyphrases) : [], tokens, units: n, params } };
          if (args.explain) out.evidence = g.themes.map((t) => themeEvidence(t, members));
          value.push(out);
        }
      }
      return value;
    },
  };
}

/** A pass-2 job never runs without its accumulator; this is its per-document form for completeness. */
export function groupThemesDoc(doc: SpeechDocument, args: GroupThemesArgs): GroupThemesOut[] {
  const acc = groupThemesAccumulator(args);
  acc.add(doc);
  return acc.result();
}

/** Per-document form of pass 1. */
export function groupCountsDoc(doc: SpeechDocument, args: CountArgs): Counted<GroupCounts> {
  const acc = groupCountsAccumulator(args);
  acc.add(doc);
  return acc.result();
}
