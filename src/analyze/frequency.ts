/**
 * Term frequency tables (`speeches terms`): counts, rates, spread over units and documents, tf-idf,
 * ranks, optionally per --by group; plus the document-term matrix for --matrix.
 *
 * Definitions (also carried in `params`):
 * - A counted token is a TermOcc that is neither `stop` nor `number`; `null` gaps are skipped. The
 *   token total of a group (the denominator of `rate`) is the number of counted tokens in it.
 * - rate = count per 10,000 counted tokens of the group.
 * - tf-idf = count × ln(N / df): tf is the raw count in the group, idf the natural-log inverse document
 *   frequency of tidytext `bind_tf_idf` / quanteda `dfm_tfidf(base = exp(1))`, with no smoothing, so a
 *   term found in every "document" scores 0. The "documents" are the input's documents, or the units
 *   (paragraphs) of the input when it holds a single document. With --by, df is still computed over
 *   the whole input, while tf is the term's count within the group.
 * - Ranks are quanteda's ties "min" (10, 10, 11 → 1, 1, 3) by the sort key; ties are listed by term.
 *
 * Memory grows with the vocabulary, not with the tokens: one record per term and group, and the
 * "units / documents containing" counts use the last unit / document seen instead of sets. That relies
 * on each input element being a distinct unit and the units of one document being contiguous.
 */

import type { TermSink, TermStream } from '../text/index.js';
import { PairIndex, ensureInt32 } from '../text/surface-table.js';
import { termIdOf, termOfId, type TermBagSink } from '../text/terms.js';
import { compareCodeUnits, isCountedTerm, minRanks, sortGroupKeys, type CountedUnit } from './corpus.js';

/** The tf-idf variant, as named in `params.tfidf`. */
export const TFIDF_VARIANT = 'count × ln(N/df)';

/** Counts of one group, in a plain serialisable form (parallel arrays indexed by term). */
export interface GroupTermCounts {
  group: string;
  /** Counted (non-stop, non-number) tokens in the group. */
  tokens: number;
  /** Units in the group. */
  units: number;
  /** Documents with at least one unit in the group. */
  documents: number;
  terms: string[];
  /** Occurrences of terms[i] in the group. */
  counts: number[];
  /** Units of the group that contain terms[i]. */
  unitCounts: number[];
  /** Documents whose units in this group contain terms[i]. */
  docCounts: number[];
}

/**
 * Mergeable term counts (structured-clone and JSON safe), so the CLI can count in worker threads and
 * merge with `mergeTermCounts`. Merging adds unit and document counts, which is right only when no unit
 * and no document is counted by two workers — true when the workers split the input by file.
 */
export interface TermCounts {
  /** Units in the input. */
  units: number;
  /** Distinct documents in the input. */
  documents: number;
  /** Groups in first-seen order. */
  groups: GroupTermCounts[];
  /** Whole-input document frequency: documents[i] documents contain dfTerms[i]. */
  dfTerms: string[];
  dfDocuments: number[];
  /**
   * Ungrouped counts: the one group's `docCounts` are the document frequency, and `dfTerms` stays empty
   * rather than send every term twice from each worker.
   */
  dfInGroup?: boolean;
}

/** One row of a frequency table. */
export interface FreqRow {
  term: string;
  count: number;
  /** Count per 10,000 counted tokens of the group. */
  rate: number;
  /** Units of the group containing the term. */
  units: number;
  /** Documents (within the group) containing the term. */
  documents: number;
  /** count × ln(N/df), df over the whole input. */
  tfidf: number;
  /** Ties "min" by the sort key. */
  rank: number;
}

/** One group's table. */
export interface FreqGroup {
  /** The --by key; '' when not grouped. */
  group: string;
  /** Counted tokens in the group. */
  tokens: number;
  /** Distinct counted terms in the group (before minCount and top). */
  types: number;
  rows: FreqRow[];
}

/** What frequency rows are sorted by: count desc, tf-idf desc, or term asc. */
export type FreqSort = 'count' | 'tfidf' | 'term';

/** Options of `termFrequencies` and `frequencyFromCounts`. */
export interface FrequencyOptions {
  /** Keep the first `top` rows per group (after ranking); all when absent. */
  top?: number;
  /** Drop terms whose count in the group is below this, before ranking; default 1. */
  minCount?: number;
  sort: FreqSort;
  /** One table per `group` key; otherwise one table (group '') for the whole input. */
  by?: boolean;
}

/** The options and definitions a frequency table was made with. */
export interface FrequencyParams {
  sort: FreqSort;
  top: number | null;
  minCount: number;
  by: boolean;
  ratePer: number;
  tokens: string;
  tfidf: string;
  /** What tf-idf counts as a document: the input's documents, or its units when it is one document. */
  idfOver: 'documents' | 'units';
  /** N of the idf: the number of those documents (or units). */
  idfN: number;
  ties: 'min';
}

/** Frequency tables, one per group. */
export interface FrequencyResult {
  /** Sorted by key: numerically when all keys are numbers, else by code units. Exactly one when not grouped. */
  groups: FreqGroup[];
  /** Counted tokens in the whole input. */
  totalTokens: number;
  params: FrequencyParams;
}

/** Figures per term in `GroupAcc.figs`, at slot × FIGS: count, units, documents, last unit, last document. */
const FIGS = 8;

/**
 * The counts of one group in one typed array, FIGS numbers per term slot. A `direct` group uses the
 * term's registry id as its slot (one lookup less per token; for the one group of ungrouped counts);
 * the others map ids to dense slots with a PairIndex. `order` lists the slots in first-counted order.
 */
class GroupAcc {
  tokens = 0;
  units = 0;
  documents = 0;
  lastDoc = -1;
  readonly index: PairIndex | null;
  figs: Int32Array = new Int32Array(16 * FIGS);
  readonly order: number[] = [];

  constructor(readonly direct: boolean) {
    this.index = direct ? null : new PairIndex();
  }

  /** The term id of a slot. */
  idOf(slot: number): number {
    return this.index === null ? slot : this.index.a[slot]!;
  }
}

/** Whole-input document frequency by term id (for grouped counts). */
class DfAcc {
  readonly index = new PairIndex();
  docs: Int32Array = new Int32Array(16);
  lastDoc: Int32Array = new Int32Array(16);
}

/**
 * One occurrence of a group's term (its slot) in unit u of document doc: its count, and the units and
 * documents holding it (by the last unit and document seen); the slot joins `order` the first time.
 * True when doc is a new document for the term.
 */
function bump(g: GroupAcc, slot: number, u: number, doc: number): boolean {
  const p = slot * FIGS;
  if (p >= g.figs.length) g.figs = ensureInt32(g.figs, p + FIGS);
  const figs = g.figs;
  if (figs[p] === 0) {
    g.order.push(slot);
    figs[p + 3] = -1;
    figs[p + 4] = -1;
  }
  figs[p]!++;
  if (figs[p + 3] !== u) {
    figs[p + 1]!++;
    figs[p + 3] = u;
  }
  if (figs[p + 4] === doc) return false;
  figs[p + 2]!++;
  figs[p + 4] = doc;
  return true;
}

/**
 * Counts terms as a TermSink: the text layer sends each unit's counted term ids straight here, in one
 * call per unit (see TermBagSink), so counting the whole corpus allocates nothing per token. Call
 * `startUnit` before each unit's terms.
 */
export class TermCounter implements TermBagSink {
  private readonly docOrdinal = new Map<string, number>();
  private readonly groups = new Map<string, GroupAcc>();
  private readonly df = new DfAcc();
  private units = 0;
  private g: GroupAcc | null = null;
  private u = -1;
  private doc = -1;

  /** `grouped`: units carry --by groups, so the whole-input document frequency is tracked apart. */
  constructor(private readonly grouped: boolean) {}

  /** Begin a unit of `document` in `group`. */
  startUnit(document: string, group: string): void {
    let doc = this.docOrdinal.get(document);
    if (doc === undefined) {
      doc = this.docOrdinal.size;
      this.docOrdinal.set(document, doc);
    }
    let g = this.groups.get(group);
    if (g === undefined) {
      g = new GroupAcc(!this.grouped && this.groups.size === 0);
      this.groups.set(group, g);
    }
    g.units++;
    if (g.lastDoc !== doc) {
      g.documents++;
      g.lastDoc = doc;
    }
    this.g = g;
    this.u = this.units++;
    this.doc = doc;
  }

  term(term: string, _start: number, _end: number, stop: boolean, number: boolean): void {
    if (stop || number) return;
    this.termId(termIdOf(term), false, false);
  }

  termIds(ids: Int32Array, n: number): void {
    const g = this.g as GroupAcc;
    if (g.index !== null || this.grouped) {
      for (let i = 0; i < n; i++) this.termId(ids[i]!, false, false);
      return;
    }
    // The usual case, one group indexed by term id and no document frequency apart: the unit's state in locals.
    g.tokens += n;
    const u = this.u;
    const doc = this.doc;
    for (let i = 0; i < n; i++) bump(g, ids[i]!, u, doc);
  }

  termId(id: number, stop: boolean, number: boolean): void {
    if (stop || number) return;
    const g = this.g as GroupAcc;
    g.tokens++;
    const slot = g.index === null ? id : g.index.intern(id, 0);
    if (bump(g, slot, this.u, this.doc) && this.grouped) {
      const df = this.df;
      const n = df.index.size;
      const d = df.index.intern(id, 0);
      if (d === n) {
        df.docs = ensureInt32(df.docs, d + 1);
        df.lastDoc = ensureInt32(df.lastDoc, d + 1);
        df.lastDoc[d] = -1;
      }
      if (df.lastDoc[d] !== this.doc) {
        df.docs[d]!++;
        df.lastDoc[d] = this.doc;
      }
    }
  }

  gap(): void {}

  endSentence(): void {}

  /** The counts so far, in the mergeable form. */
  result(): TermCounts {
    const outGroups: GroupTermCounts[] = [];
    for (const [group, g] of this.groups) {
      const n = g.order.length;
      const terms = new Array<string>(n);
      const counts = new Array<number>(n);
      const unitCounts = new Array<number>(n);
      const docCounts = new Array<number>(n);
      const figs = g.figs;
      for (let i = 0; i < n; i++) {
        const slot = g.order[i]!;
        const p = slot * FIGS;
        terms[i] = termOfId(g.idOf(slot));
        counts[i] = figs[p]!;
        unitCounts[i] = figs[p + 1]!;
        docCounts[i] = figs[p + 2]!;
      }
      outGroups.push({ group, tokens: g.tokens, units: g.units, documents: g.documents, terms, counts, unitCounts, docCounts });
    }
    const dfTerms: string[] = [];
    const dfDocuments: number[] = [];
    if (this.grouped) {
      const df = this.df;
      for (let d = 0; d < df.index.size; d++) {
        dfTerms.push(termOfId(df.index.a[d]!));
        dfDocuments.push(df.docs[d]!);
      }
    } else if (outGroups.length !== 1) {
      for (const g of outGroups) {
        for (let i = 0; i < g.terms.length; i++) {
          dfTerms.push(g.terms[i]!);
          dfDocuments.push(g.docCounts[i]!);
        }
      }
    } else return { units: this.units, documents: this.docOrdinal.size, groups: outGroups, dfTerms, dfDocuments, dfInGroup: true };
    return { units: this.units, documents: this.docOrdinal.size, groups: outGroups, dfTerms, dfDocuments };
  }
}

/** Send a unit's stream to a sink, as the text layer would have. */
export function replay(stream: TermStream, sink: TermSink): void {
  for (const sentence of stream.sentences) {
    for (const t of sentence) {
      if (t === null) sink.gap();
      else sink.term(t.term, t.start, t.end, t.stop, t.number);
    }
    sink.endSentence();
  }
}

/** Counts counted terms per group and the whole-input document frequency; the mergeable first step. */
export function countTerms(units: readonly CountedUnit[]): TermCounts {
  const counter = new TermCounter(units.some((u) => u.group !== ''));
  for (const cu of units) {
    counter.startUnit(cu.document, cu.group);
    replay(cu.stream, counter);
  }
  return counter.result();
}

/** Adds `from`'s parallel arrays into a term → index map over `into`'s arrays. */
function addGroup(into: GroupTermCounts, index: Map<string, number>, from: GroupTermCounts): void {
  into.tokens += from.tokens;
  into.units += from.units;
  into.documents += from.documents;
  for (let i = 0; i < from.terms.length; i++) {
    const term = from.terms[i] as string;
    const j = index.get(term);
    if (j === undefined) {
      index.set(term, into.terms.length);
      into.terms.push(term);
      into.counts.push(from.counts[i] as number);
      into.unitCounts.push(from.unitCounts[i] as number);
      into.docCounts.push(from.docCounts[i] as number);
    } else {
      into.counts[j] = (into.counts[j] as number) + (from.counts[i] as number);
      into.unitCounts[j] = (into.unitCounts[j] as number) + (from.unitCounts[i] as number);
      into.docCounts[j] = (into.docCounts[j] as number) + (from.docCounts[i] as number);
    }
  }
}

/**
 * Merges TermCounts from disjoint sets of documents (e.g. workers given different files), in one pass
 * over all the parts: merging pairwise would re-index the growing vocabulary at every step.
 */
export function mergeTermCounts(...parts: TermCounts[]): TermCounts {
  const groups: GroupTermCounts[] = [];
  const byKey = new Map<string, { g: GroupTermCounts; index: Map<string, number> }>();
  const dfIndex = new Map<string, number>();
  const dfTerms: string[] = [];
  const dfDocuments: number[] = [];
  let units = 0;
  let documents = 0;
  // Parts that keep their document frequency in their one group: it stays there when they merge into one group.
  const dfInGroup = parts.length > 0 && parts.every((p) => p.dfInGroup === true && p.groups.length <= 1 && (p.groups[0]?.group ?? '') === (parts[0]?.groups[0]?.group ?? ''));
  for (const part of parts) {
    units += part.units;
    documents += part.documents;
    for (const src of part.groups) {
      let entry = byKey.get(src.group);
      if (entry === undefined) {
        const g: GroupTermCounts = {
          group: src.group,
          tokens: 0,
          units: 0,
          documents: 0,
          terms: [],
          counts: [],
          unitCounts: [],
          docCounts: [],
        };
        entry = { g, index: new Map() };
        byKey.set(src.group, entry);
        groups.push(g);
      }
      addGroup(entry.g, entry.index, src);
    }
    const dfPart = part.dfInGroup && !dfInGroup ? (part.groups[0] ?? { terms: [], docCounts: [] }) : { terms: part.dfTerms, docCounts: part.dfDocuments };
    for (let i = 0; i < dfPart.terms.length; i++) {
      const term = dfPart.terms[i] as string;
      const j = dfIndex.get(term);
      if (j === undefined) {
        dfIndex.set(term, dfTerms.length);
        dfTerms.push(term);
        dfDocuments.push(dfPart.docCounts[i] as number);
      } else {
        dfDocuments[j] = (dfDocuments[j] as number) + (dfPart.docCounts[i] as number);
      }
    }
  }
  return dfInGroup ? { units, documents, groups, dfTerms, dfDocuments, dfInGroup } : { units, documents, groups, dfTerms, dfDocuments };
}

/** Sorts rows by the sort key (ties by term), ranks them ties "min", and keeps the first `top`. */
function rankRows(all: Omit<FreqRow, 'rank'>[], sort: FreqSort, top: number | null): FreqRow[] {
  const key = (r: Omit<FreqRow, 'rank'>): number => (sort === 'tfidf' ? r.tfidf : r.count);
  let rows = all;
  if (sort !== 'term' && top !== null && top < all.length) {
    // Only rows with a key at least the top-th largest can be kept; a row's "min" rank counts the rows
    // with a larger key, which are all among them. Sorting the numbers alone is far cheaper than
    // sorting every row with its term as tie-breaker.
    const keys = new Float64Array(all.length);
    for (let i = 0; i < all.length; i++) keys[i] = key(all[i] as Omit<FreqRow, 'rank'>);
    keys.sort();
    const threshold = keys[keys.length - Math.max(top, 1)] as number;
    rows = all.filter((r) => key(r) >= threshold);
  }
  if (sort === 'term') rows.sort((x, y) => compareCodeUnits(x.term, y.term));
  else rows.sort((x, y) => key(y) - key(x) || compareCodeUnits(x.term, y.term));
  const ranks = minRanks(rows.length, (i) => sort !== 'term' && key(rows[i] as FreqRow) === key(rows[i - 1] as FreqRow));
  const kept = top === null ? rows.length : Math.min(rows.length, top);
  const out: FreqRow[] = [];
  for (let i = 0; i < kept; i++) {
    const r = rows[i] as Omit<FreqRow, 'rank'>;
    out.push({
      term: r.term,
      count: r.count,
      rate: r.rate,
      units: r.units,
      documents: r.documents,
      tfidf: r.tfidf,
      rank: ranks[i] as number,
    });
  }
  return out;
}

/** Builds the frequency tables from (possibly merged) counts. */
export function frequencyFromCounts(counts: TermCounts, opts: FrequencyOptions): FrequencyResult {
  const minCount = opts.minCount ?? 1;
  const top = opts.top ?? null;
  const by = opts.by ?? false;
  const idfOver: 'documents' | 'units' = counts.documents > 1 ? 'documents' : 'units';
  const idfN = idfOver === 'documents' ? counts.documents : counts.units;

  const rate = (count: number, tokens: number): number => (tokens > 0 ? (count * 10000) / tokens : 0);
  const idf = (d: number): number => (d > 0 && idfN > 0 ? Math.log(idfN / d) : 0);
  const params: FrequencyParams = {
    sort: opts.sort,
    top,
    minCount,
    by,
    ratePer: 10000,
    tokens: 'non-stop, non-number term occurrences',
    tfidf: TFIDF_VARIANT,
    idfOver,
    idfN,
    ties: 'min',
  };

  const only = counts.groups[0];
  if (!by && counts.dfInGroup && counts.groups.length === 1 && only) {
    // One group holding every count and the document frequency: rows straight from its arrays. Sorted
    // by a number with a top, only terms whose key reaches the top-th largest can be kept (as rankRows
    // keeps them): the key of every term first, then rows for those alone, not for the whole vocabulary.
    const n = only.terms.length;
    const tfidfAt = (i: number): number => (only.counts[i] as number) * idf(idfOver === 'documents' ? (only.docCounts[i] as number) : (only.unitCounts[i] as number));
    let threshold = -Infinity;
    if (opts.sort !== 'term' && top !== null && top < n) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = (only.counts[i] as number) < minCount ? -Infinity : opts.sort === 'tfidf' ? tfidfAt(i) : (only.counts[i] as number);
      keys.sort();
      // (-Infinity when fewer terms pass --min-count than the top: then all of them stay)
      threshold = keys[n - Math.max(top, 1)] as number;
    }
    const rows: Omit<FreqRow, 'rank'>[] = [];
    for (let i = 0; i < n; i++) {
      const count = only.counts[i] as number;
      if (count < minCount) continue;
      const tfidf = tfidfAt(i);
      if ((opts.sort === 'tfidf' ? tfidf : count) < threshold) continue;
      rows.push({ term: only.terms[i] as string, count, rate: rate(count, only.tokens), units: only.unitCounts[i] as number, documents: only.docCounts[i] as number, tfidf });
    }
    return { groups: [{ group: '', tokens: only.tokens, types: only.terms.length, rows: rankRows(rows, opts.sort, top) }], totalTokens: only.tokens, params };
  }

  // Document frequency over the idf's "documents", and whole-input per-term totals for the ungrouped table.
  const docDf = new Map<string, number>();
  for (let i = 0; i < counts.dfTerms.length; i++) docDf.set(counts.dfTerms[i] as string, counts.dfDocuments[i] as number);
  if (counts.dfInGroup) {
    for (const g of counts.groups) for (let i = 0; i < g.terms.length; i++) docDf.set(g.terms[i] as string, (docDf.get(g.terms[i] as string) ?? 0) + (g.docCounts[i] as number));
  }
  const merged = new Map<string, { count: number; units: number }>();
  for (const g of counts.groups) {
    for (let i = 0; i < g.terms.length; i++) {
      const term = g.terms[i] as string;
      const m = merged.get(term);
      if (m === undefined) merged.set(term, { count: g.counts[i] as number, units: g.unitCounts[i] as number });
      else {
        m.count += g.counts[i] as number;
        m.units += g.unitCounts[i] as number;
      }
    }
  }
  const df = (term: string): number =>
    idfOver === 'documents' ? (docDf.get(term) ?? 0) : (merged.get(term)?.units ?? 0);
  const tfidf = (count: number, term: string): number => count * idf(df(term));

  let totalTokens = 0;
  for (const g of counts.groups) totalTokens += g.tokens;

  const groups: FreqGroup[] = [];
  if (by) {
    const byKey = new Map(counts.groups.map((g) => [g.group, g] as const));
    for (const key of sortGroupKeys(byKey.keys())) {
      const g = byKey.get(key) as GroupTermCounts;
      const rows: Omit<FreqRow, 'rank'>[] = [];
      for (let i = 0; i < g.terms.length; i++) {
        const count = g.counts[i] as number;
        if (count < minCount) continue;
        const term = g.terms[i] as string;
        rows.push({
          term,
          count,
          rate: rate(count, g.tokens),
          units: g.unitCounts[i] as number,
          documents: g.docCounts[i] as number,
          tfidf: tfidf(count, term),
        });
      }
      groups.push({ group: key, tokens: g.tokens, types: g.terms.length, rows: rankRows(rows, opts.sort, top) });
    }
  } else {
    const rows: Omit<FreqRow, 'rank'>[] = [];
    for (const [term, m] of merged) {
      if (m.count < minCount) continue;
      rows.push({
        term,
        count: m.count,
        rate: rate(m.count, totalTokens),
        units: m.units,
        documents: docDf.get(term) ?? 0,
        tfidf: tfidf(m.count, term),
      });
    }
    groups.push({ group: '', tokens: totalTokens, types: merged.size, rows: rankRows(rows, opts.sort, top) });
  }

  return { groups, totalTokens, params };
}

/** Frequency tables of the counted terms of `units` (see the module comment for every definition). */
export function termFrequencies(units: readonly CountedUnit[], opts: FrequencyOptions): FrequencyResult {
  return frequencyFromCounts(countTerms(units), opts);
}

/** A dense document × term count matrix for --matrix. */
export interface DocumentTermMatrix {
  /** Document ids in input order (first appearance). */
  documents: string[];
  /** Terms by total count desc, then term. */
  terms: string[];
  /** counts[d][t]: occurrences of terms[t] in documents[d]. */
  counts: number[][];
}

/** Document-term matrix of the counted terms; minCount filters by total count, top keeps the first columns. */
export function documentTermMatrix(
  units: readonly CountedUnit[],
  opts: { minCount?: number; top?: number },
): DocumentTermMatrix {
  const minCount = opts.minCount ?? 1;
  const totals = new Map<string, number>();
  const docIndex = new Map<string, number>();
  const perDoc: Map<string, number>[] = [];
  for (const cu of units) {
    let d = docIndex.get(cu.document);
    if (d === undefined) {
      d = perDoc.length;
      docIndex.set(cu.document, d);
      perDoc.push(new Map());
    }
    const row = perDoc[d] as Map<string, number>;
    for (const sentence of cu.stream.sentences) {
      for (const t of sentence) {
        if (t === null || !isCountedTerm(t)) continue;
        totals.set(t.term, (totals.get(t.term) ?? 0) + 1);
        row.set(t.term, (row.get(t.term) ?? 0) + 1);
      }
    }
  }
  let terms = [...totals].filter(([, c]) => c >= minCount);
  terms.sort((x, y) => y[1] - x[1] || compareCodeUnits(x[0], y[0]));
  if (opts.top !== undefined) terms = terms.slice(0, Math.max(0, opts.top));
  const termNames = terms.map(([t]) => t);
  return {
    documents: [...docIndex.keys()],
    terms: termNames,
    counts: perDoc.map((row) => termNames.map((t) => row.get(t) ?? 0)),
  };
}
