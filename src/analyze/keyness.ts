/**
 * Keyness between two sides (`speeches diff A B`): which terms and phrases side B (the new one) uses more
 * than side A (the old one), and which less, with an effect size, a test and the evidence.
 *
 * Definitions (also carried in `params`):
 * - A side's tokens N are its counted terms (neither stopwords nor numbers), as in `speeches terms`.
 *   Unigrams come from the term counts; phrases (2–4 terms, `--ngrams`) from the n-gram counts, with the
 *   n-gram rules of ngrams.ts, and are measured against the same N, so rates of words and phrases compare.
 * - Every score is signed: positive = more in B. Swapping A and B flips every sign and changes nothing
 *   else, exactly (each score is computed in one canonical order and negated for the other).
 * - log ratio = log2((b/N_B) / (a/N_A)) (Hardie 2014), a zero count read as 0.5.
 * - G² = the 4-cell log-likelihood (Dunning 1993), signed; its p-value is χ² with 1 df.
 * - Fightin' Words (Monroe, Colaresi & Quinn 2008): log-odds ratio δ with an informative Dirichlet prior
 *   α_w = α0 · (background occurrences of w per position), α0 = 10,000 by default, and the 2-term variance
 *   1/(y_A+α_w) + 1/(y_B+α_w); z = δ/√Var, p two-sided normal. The background is the UN reference model
 *   (the General Debate corpus, 1970–2024): a term it never kept gets the floor 0.5 / its token total.
 *   Without it (other languages, stems, no stopwords) the two sides pooled are the background.
 * - A feature is tested when its count on the larger side reaches min-count; p-values are corrected over
 *   the tested features (Benjamini–Hochberg by default). A feature whose counts on both sides equal those
 *   of a longer tested phrase holding it ("preventive" inside "preventive diplomacy", 3 and 0 each) says
 *   nothing new: it is folded into the phrase, neither tested nor listed.
 *
 * Also here: the per-document counting jobs that feed it (worker threads run them), the `--by` selection
 * of the two sides from one corpus, and the evidence sentences of `--explain`.
 */

import type { Country, SpeechDocument, Unit } from '../model/types.js';
import { sentenceSpans, type Lang, type TermOcc, type TermSink, type TermStream } from '../text/index.js';
import { fightinWords, g2Keyness4, keynessP, logRatio } from './association.js';
import { compareCodeUnits, compareDocIds, finiteOr0 } from './corpus.js';
import { TermCounter } from './frequency.js';
import type { GroupField } from './groups.js';
import { documentLang, mergeLangs, pipelineFor, type CountArgs } from './jobs.js';
import { NGRAM_KEY_SEPARATOR, NgramCounter } from './ngrams.js';
import { benjaminiHochberg, bonferroni, normalP2 } from './stats-dist.js';
import { unitId } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Options and results
// ---------------------------------------------------------------------------------------------------

/** What ranks the lists: the Fightin' Words z, the signed G², or the log ratio. */
export type DiffMeasure = 'fw' | 'g2' | 'logratio';
export const DIFF_MEASURES: readonly DiffMeasure[] = ['fw', 'g2', 'logratio'];

/** How p-values are corrected for testing the whole vocabulary. */
export type Correction = 'bh' | 'bonferroni' | 'none';
export const CORRECTIONS: readonly Correction[] = ['bh', 'bonferroni', 'none'];

/**
 * The default prior size α0: about eight General Debate speeches (1,275 counted tokens each on average).
 * Weighed against two short statements it pulls their many small differences towards the UN's usual
 * rates, so noise ranks low; against decades of speeches it weighs little. And it gives every word the
 * UN uses once in 10,000 words a pseudo-count of 1 or more: with the 2-term variance, a word one side
 * never uses has Var(δ) ≥ 1/α_w, so a much smaller α0 (1,000) writes off "namibia" (111 times in the
 * 1970s sample, never in the 2010s) as noise.
 */
export const DEFAULT_ALPHA0 = 10000;

/** The significance level the summary counts against. */
export const SIGNIFICANCE = 0.05;

/** Counts of one side, in a plain, mergeable, structured-clone-safe form. */
export interface SideCounts {
  /** Documents with at least one counted unit on this side, in input order. */
  files: string[];
  /** The documents' ids, parallel to `files` (workers meet documents in any order: merges sort by them). */
  fileIds: string[];
  units: number;
  /** Counted terms: neither stopwords nor numbers. */
  tokens: number;
  /** Unigram terms and, per term: occurrences, units and documents using it. */
  terms: string[];
  counts: number[];
  unitCounts: number[];
  docCounts: number[];
  /** Phrase keys (terms joined by NGRAM_KEY_SEPARATOR) and the same three counts; empty unless counted. */
  phrases: string[];
  phraseCounts: number[];
  phraseUnits: number[];
  phraseDocs: number[];
}

/** Background rates for the Fightin' Words prior. */
export interface PriorModel {
  /** Where the rates come from, as named in `params`. */
  source: string;
  /** The rate of a term or phrase per position, and its background count (null: not in the background, floor rate). */
  lookup(terms: readonly string[]): { rate: number; count: number | null };
}

/** The lookups of the reference model that a prior needs (see reference.ts). */
export interface ReferenceLike {
  source?: string;
  phrase(terms: readonly string[]): { count: number; df: number } | null;
  expectedRate(terms: readonly string[]): number;
}

/** Options of `diffSides`. */
export interface DiffOptions {
  measure: DiffMeasure;
  /** A feature is tested when max(count A, count B) reaches this. */
  minCount: number;
  correct: Correction;
  /** List only features whose corrected p is below this; null = no filter. */
  p: number | null;
  /** List only features one side never uses. */
  only: boolean;
  /** Rows per list; null = all. */
  top: number | null;
  /** Prior size α0 of Fightin' Words. */
  alpha0: number;
  /** Feature sizes: [1, 1] = words only; [1, 3] = words and phrases of 2–3 terms; at most 4. */
  ngrams: [number, number];
}

/** One term or phrase, compared. "A" is the old side, "B" the new one; signed scores are positive when B uses it more. */
export interface DiffRow {
  /** Terms joined by a space. */
  term: string;
  terms: string[];
  n: number;
  /** +1: B uses it more (by rate); −1: A does; 0: the same rate. */
  sign: number;
  countA: number;
  countB: number;
  /** Per 10,000 counted tokens of the side. */
  rateA: number;
  rateB: number;
  /** Units (paragraphs) and documents of each side that use it. */
  unitsA: number;
  unitsB: number;
  documentsA: number;
  documentsB: number;
  /** log2 of rate B over rate A, a zero count read as 0.5. */
  logRatio: number;
  /** Signed 4-cell G², and its χ²(1) p-value. */
  g2: number;
  pG2: number;
  /** Fightin' Words: log-odds ratio δ (natural log), z = δ/√Var, two-sided normal p. */
  delta: number;
  z: number;
  pZ: number;
  /** The prior pseudo-count α_w, and the term's count in the background (null: floor prior). */
  alpha: number;
  background: number | null;
  /** p of the ranking measure's test (fw: pZ; g2 and logratio: pG2), and corrected over the tested features. */
  p: number;
  pAdjusted: number;
  /** 'a' or 'b' when only that side uses it, else null. */
  only: 'a' | 'b' | null;
  /** 1-based within its list (ties share no rank: the order is score, then term). */
  rank: number;
}

/** One side in the summary. */
export interface SideSummary {
  documents: number;
  units: number;
  tokens: number;
  /** Distinct counted terms. */
  types: number;
}

/** How the two vocabularies overlap. */
export interface DiffSummary {
  a: SideSummary;
  b: SideSummary;
  /** Terms both sides use. */
  sharedTypes: number;
  /** shared / (types of A ∪ types of B). */
  jaccard: number;
  /** Cosine of the two term-count vectors. */
  cosine: number;
}

/** How many tested features pass the test, before and after correction. */
export interface DiffSignificance {
  level: number;
  test: string;
  correction: Correction;
  tested: number;
  /** Corrected p below the level. */
  passing: number;
  /** Raw p below the level. */
  passingRaw: number;
  passingB: number;
  passingA: number;
}

/** The params a diff was made with. */
export interface DiffParams {
  measure: DiffMeasure;
  minCount: number;
  minCountOn: string;
  correct: Correction;
  p: number | null;
  only: boolean;
  top: number | null;
  ngrams: [number, number];
  alpha0: number;
  prior: string;
  priorFloor: string;
  fwVariance: string;
  g2: string;
  test: string;
  zeroCounts: string;
  ratePer: number;
  tokens: string;
  sign: string;
  folded: string;
}

/** A vocabulary diff: the summary, the two ranked lists and the significance count. */
export interface DiffResult {
  summary: DiffSummary;
  significance: DiffSignificance;
  /** B uses these more, best first. */
  more: DiffRow[];
  /** A uses these more, best first. */
  less: DiffRow[];
  /** Both use these at the same rate (two identical sides give only these), most frequent first. */
  same: DiffRow[];
  /** Features B or A uses more that passed every filter, before --top cut the lists. */
  listedMore: number;
  listedLess: number;
  listedSame: number;
  params: DiffParams;
}

// ---------------------------------------------------------------------------------------------------
// Counting: jobs over documents, for worker threads
// ---------------------------------------------------------------------------------------------------

/** How `--by` picks a side's units out of one corpus: any listed value matches. */
export type SideMatch =
  | { field: 'country'; countries: Country[] }
  | { field: 'year' | 'session'; ranges: [number, number][] }
  | { field: 'speaker' | 'meeting'; substrings: string[] }
  | { field: 'document'; paths: string[] };

/** Arguments of the diff jobs: the term options, and the two selections when one corpus gives both sides. */
export interface DiffJobArgs extends CountArgs {
  select?: { a: SideMatch; b: SideMatch };
}

/** What a diff job returns: the two sides' counts (only `a` when the sides are loaded apart), and more. */
export interface DiffCounts {
  a: SideCounts;
  b: SideCounts;
  langs: Partial<Record<Lang, number>>;
  /** With `select`: units on both sides, and the values of the field seen (for "nothing matched" hints). */
  overlap: number;
  seen: string[];
}

/** A side with nothing counted. */
export function emptySide(): SideCounts {
  return { files: [], fileIds: [], units: 0, tokens: 0, terms: [], counts: [], unitCounts: [], docCounts: [], phrases: [], phraseCounts: [], phraseUnits: [], phraseDocs: [] };
}

interface PhraseAcc {
  count: number;
  units: number;
  docs: number;
  lastDoc: number;
}

/** Counts one side: unigrams by a TermCounter, phrases by an NgramCounter per unit (for their unit spread). */
class SideCounter {
  private readonly terms = new TermCounter(false);
  private readonly phrases = new Map<string, PhraseAcc>();
  private readonly files: string[] = [];
  private readonly fileIds: string[] = [];
  private lastDoc = -1;
  private ngrams: NgramCounter | null = null;
  /** The sink of the current unit. */
  sink: TermSink = this.terms;

  constructor(private readonly phraseSizes: [number, number] | null) {}

  /** Begin a unit of the document with ordinal `doc`; flushes the previous unit's phrases. */
  startUnit(doc: number, document: SpeechDocument): void {
    this.flush();
    if (doc !== this.lastDoc) {
      this.files.push(document.file);
      this.fileIds.push(document.id);
    }
    this.terms.startUnit(document.id, '');
    if (this.phraseSizes !== null) {
      this.ngrams = new NgramCounter({ n: this.phraseSizes, strict: false });
      this.sink = new Tee(this.terms, this.ngrams);
    }
    this.lastDoc = doc;
  }

  /** Adds the current unit's phrases to the side's: each phrase once to its unit and document spread. */
  private flush(): void {
    const ng = this.ngrams;
    if (ng === null) return;
    this.ngrams = null;
    const r = ng.result();
    for (let i = 0; i < r.keys.length; i++) {
      const key = r.keys[i] as string;
      let acc = this.phrases.get(key);
      if (acc === undefined) this.phrases.set(key, (acc = { count: 0, units: 0, docs: 0, lastDoc: -1 }));
      acc.count += r.counts[i] as number;
      acc.units++;
      if (acc.lastDoc !== this.lastDoc) {
        acc.docs++;
        acc.lastDoc = this.lastDoc;
      }
    }
  }

  /** The side's counts, in the mergeable form. */
  result(): SideCounts {
    this.flush();
    const t = this.terms.result();
    const g = t.groups[0];
    const out = emptySide();
    out.files = [...this.files];
    out.fileIds = [...this.fileIds];
    if (g) {
      out.units = g.units;
      out.tokens = g.tokens;
      out.terms = g.terms;
      out.counts = g.counts;
      out.unitCounts = g.unitCounts;
      out.docCounts = g.docCounts;
    }
    for (const [k, acc] of this.phrases) {
      out.phrases.push(k);
      out.phraseCounts.push(acc.count);
      out.phraseUnits.push(acc.units);
      out.phraseDocs.push(acc.docs);
    }
    return out;
  }
}

/** Sends every term to two sinks. */
class Tee implements TermSink {
  constructor(
    private readonly x: TermSink,
    private readonly y: TermSink,
  ) {}
  term(term: string, start: number, end: number, stop: boolean, number: boolean): void {
    this.x.term(term, start, end, stop, number);
    this.y.term(term, start, end, stop, number);
  }
  gap(): void {
    this.x.gap();
    this.y.gap();
  }
  endSentence(): void {
    this.x.endSentence();
    this.y.endSentence();
  }
}


/** The phrase sizes to count (2–4 within the --ngrams range), or null for words only. */
function phraseSizes(args: CountArgs): [number, number] | null {
  const n = args.ngrams?.n;
  if (n === undefined) return null;
  const [lo, hi] = typeof n === 'number' ? [n, n] : n;
  if (hi < 2) return null;
  return [Math.max(2, lo), hi];
}

/** Folds case and accents, for matching names and substrings. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value a unit has for a `--by` field, as a person would name it (for hints). */
function fieldValue(unit: Unit, doc: SpeechDocument, field: GroupField): string | null {
  switch (field) {
    case 'country': {
      const c = unit.speaker.country ?? doc.speaker?.country ?? null;
      return c ? `${c.code} (${c.name})` : null;
    }
    case 'year':
      return doc.meeting.year !== null ? String(doc.meeting.year) : null;
    case 'session':
      return doc.meeting.session !== null ? String(doc.meeting.session) : null;
    case 'speaker':
      return unit.speaker.name ?? unit.speaker.role ?? unit.speaker.organization ?? null;
    case 'meeting':
      return doc.meeting.symbol ?? doc.meeting.title ?? null;
    case 'document':
      return doc.file;
  }
}

/** The last part of a path, with and without its extension. */
function baseNames(path: string): [string, string] {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return [base, dot > 0 ? base.slice(0, dot) : base];
}

/** Whether a unit of a document belongs to a side picked by `--by`. */
export function unitMatches(unit: Unit, doc: SpeechDocument, m: SideMatch): boolean {
  switch (m.field) {
    case 'country': {
      const c = unit.speaker.country ?? doc.speaker?.country ?? null;
      return c !== null && m.countries.some((x) => x.code === c.code);
    }
    case 'year':
    case 'session': {
      const v = m.field === 'year' ? doc.meeting.year : doc.meeting.session;
      return v !== null && m.ranges.some(([lo, hi]) => v >= lo && v <= hi);
    }
    case 'speaker': {
      const s = unit.speaker;
      const hay = [s.name, s.role, s.organization].filter((x): x is string => x !== null).map(fold);
      return m.substrings.some((q) => hay.some((h) => h.includes(fold(q))));
    }
    case 'meeting': {
      const hay = [doc.meeting.symbol, doc.meeting.title].filter((x): x is string => x !== null).map(fold);
      return m.substrings.some((q) => hay.some((h) => h.includes(fold(q))));
    }
    case 'document': {
      const f = doc.file;
      const [base, stem] = baseNames(f);
      return m.paths.some((p) => p === f || f.endsWith('/' + p) || p === base || p === stem);
    }
  }
}

const SEEN_LIMIT = 2000;

/** Accumulator: both sides' counts over every document a worker reads. */
export function diffAccumulator(args: DiffJobArgs): { add(doc: SpeechDocument): void; result(): DiffCounts } {
  const sizes = phraseSizes(args);
  const a = new SideCounter(sizes);
  const b = new SideCounter(sizes);
  const langs: Partial<Record<Lang, number>> = {};
  const seen = new Set<string>();
  const field = args.select?.a.field;
  let overlap = 0;
  let doc = 0;
  return {
    add(d) {
      const pipeline = pipelineFor(args.terms);
      const lang = documentLang(d, args.terms);
      langs[lang] = (langs[lang] ?? 0) + 1;
      const ordinal = doc++;
      for (const u of d.units) {
        if (!args.allUnits && u.kind !== 'content') continue;
        let inA = true;
        let inB = false;
        if (args.select) {
          if (field !== undefined && seen.size < SEEN_LIMIT) {
            const v = fieldValue(u, d, field);
            if (v !== null) seen.add(v);
          }
          inA = unitMatches(u, d, args.select.a);
          inB = unitMatches(u, d, args.select.b);
          if (inA && inB) overlap++;
        }
        if (inA) a.startUnit(ordinal, d);
        if (inB) b.startUnit(ordinal, d);
        if (inA && inB) pipeline.visit(u.text, lang, new Tee(a.sink, b.sink));
        else if (inA) pipeline.visit(u.text, lang, a.sink);
        else if (inB) pipeline.visit(u.text, lang, b.sink);
      }
    },
    result: () => ({ a: mergeSides([a.result()]), b: mergeSides([b.result()]), langs: mergeLangs([{ langs }]), overlap, seen: [...seen].sort(compareCodeUnits) }),
  };
}

/** Job: one document's diff counts. */
export function countDiffDoc(doc: SpeechDocument, args: DiffJobArgs): DiffCounts {
  const acc = diffAccumulator(args);
  acc.add(doc);
  return acc.result();
}

/** Adds parallel arrays keyed by name into an index over `into`'s arrays. */
function addParallel(index: Map<string, number>, keys: string[], cols: number[][], fromKeys: readonly string[], fromCols: readonly (readonly number[])[]): void {
  for (let i = 0; i < fromKeys.length; i++) {
    const k = fromKeys[i] as string;
    const j = index.get(k);
    if (j === undefined) {
      index.set(k, keys.length);
      keys.push(k);
      cols.forEach((c, x) => c.push((fromCols[x] as readonly number[])[i] as number));
    } else cols.forEach((c, x) => (c[j] = (c[j] as number) + ((fromCols[x] as readonly number[])[i] as number)));
  }
}

/** Merges the counts of one side over disjoint sets of documents. */
export function mergeSides(parts: readonly SideCounts[]): SideCounts {
  const out = emptySide();
  const ti = new Map<string, number>();
  const pi = new Map<string, number>();
  const files: [string, string][] = [];
  for (const p of parts) {
    p.files.forEach((f, i) => files.push([p.fileIds[i] ?? '', f]));
    out.units += p.units;
    out.tokens += p.tokens;
    addParallel(ti, out.terms, [out.counts, out.unitCounts, out.docCounts], p.terms, [p.counts, p.unitCounts, p.docCounts]);
    addParallel(pi, out.phrases, [out.phraseCounts, out.phraseUnits, out.phraseDocs], p.phrases, [p.phraseCounts, p.phraseUnits, p.phraseDocs]);
  }
  files.sort((x, y) => compareDocIds(x[0], y[0]));
  out.files = files.map((f) => f[1]);
  out.fileIds = files.map((f) => f[0]);
  return out;
}

/** Reduce: merge diff counts of many documents (or workers). */
export function mergeDiffCounts(list: DiffCounts[]): DiffCounts {
  const seen = new Set<string>();
  let overlap = 0;
  for (const c of list) {
    for (const s of c.seen) if (seen.size < SEEN_LIMIT) seen.add(s);
    overlap += c.overlap;
  }
  return { a: mergeSides(list.map((c) => c.a)), b: mergeSides(list.map((c) => c.b)), langs: mergeLangs(list), overlap, seen: [...seen].sort(compareCodeUnits) };
}

// ---------------------------------------------------------------------------------------------------
// Priors
// ---------------------------------------------------------------------------------------------------

/** A prior from the reference model: its rate per position, the floor 0.5 / denominator when unseen. */
export function referencePrior(model: ReferenceLike): PriorModel {
  return {
    source: model.source ? `reference: ${model.source}` : 'reference: UN General Debate corpus',
    lookup(terms) {
      if (terms.length < 1 || terms.length > 4) throw new RangeError(`the reference prior holds 1 to 4 terms, got ${terms.length}`);
      return { rate: model.expectedRate(terms), count: model.phrase(terms)?.count ?? null };
    },
  };
}

/** A prior from the two sides pooled: (a + b) / (N_A + N_B) for each feature (symmetric in A and B). */
function pooledPrior(a: ReadonlyMap<string, Feature>, b: ReadonlyMap<string, Feature>, nA: number, nB: number): PriorModel {
  const n = nA + nB;
  return {
    source: 'pooled: the two sides together',
    lookup(terms) {
      const key = terms.join(NGRAM_KEY_SEPARATOR);
      const c = (a.get(key)?.count ?? 0) + (b.get(key)?.count ?? 0);
      return { rate: n > 0 ? Math.max(c, 0.5) / n : 0, count: c };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------------

/** The signed scores of one feature; positive = more in B. */
export interface KeynessScores {
  sign: number;
  logRatio: number;
  g2: number;
  pG2: number;
  delta: number;
  variance: number;
  z: number;
  pZ: number;
}

/** −0 → 0, non-finite → 0: no result carries −0, NaN or ±Infinity. */
function clean(x: number): number {
  const y = finiteOr0(x);
  return y === 0 ? 0 : y;
}

/**
 * The scores of a feature seen `a` times in N_A tokens (side A) and `b` times in N_B (side B), with the
 * Fightin' Words prior α_w and α0. Exactly antisymmetric: keynessScores(b, a, nB, nA) negates every score.
 */
export function keynessScores(a: number, b: number, nA: number, nB: number, alphaW: number, alpha0: number): KeynessScores {
  // Compute in one canonical order of the two sides and negate for the other, so that a swap flips the
  // signs bit for bit (floating-point sums in another order could differ in the last place).
  const swap = a > b || (a === b && nA > nB);
  const [x, y, nx, ny] = swap ? [b, a, nB, nA] : [a, b, nA, nB];
  const s = swap ? -1 : 1;
  const same = x === y && nx === ny;
  const lr = same ? 0 : logRatio(y, x, ny, nx);
  const g = same ? 0 : g2Keyness4(y, x, ny, nx);
  const fw = fightinWords(y, ny, x, nx, alphaW, alpha0);
  const delta = same ? 0 : fw.delta;
  const z = same ? 0 : fw.z;
  // Which side uses it more, by rate: b/N_B vs a/N_A, cross-multiplied so that it is exact.
  const sign = nA > 0 && nB > 0 ? Math.sign(b * nA - a * nB) : Math.sign(b - a);
  return {
    sign: clean(sign),
    logRatio: clean(s * lr),
    g2: clean(s * g),
    pG2: clean(keynessP(g)),
    delta: clean(s * delta),
    variance: clean(fw.variance),
    z: clean(s * z),
    pZ: clean(normalP2(z)),
  };
}

/** The p-values corrected for testing them all at once. */
export function correctP(ps: readonly number[], method: Correction): number[] {
  if (method === 'bh') return benjaminiHochberg(ps);
  if (method === 'bonferroni') return bonferroni(ps);
  return [...ps];
}

/** The value a row is ranked by. */
function measureOf(r: Pick<DiffRow, 'z' | 'g2' | 'logRatio'>, m: DiffMeasure): number {
  return m === 'fw' ? r.z : m === 'g2' ? r.g2 : r.logRatio;
}

/** The test behind a measure's p-value. */
function testOf(m: DiffMeasure): string {
  return m === 'fw' ? "Fightin' Words z, two-sided normal" : 'G² (4-cell), χ² with 1 df';
}

const CORRECTION_NAMES: Record<Correction, string> = { bh: 'Benjamini–Hochberg', bonferroni: 'Bonferroni', none: 'none' };

/** A person's name of a correction. */
export function correctionName(c: Correction): string {
  return CORRECTION_NAMES[c];
}

// ---------------------------------------------------------------------------------------------------
// The diff
// ---------------------------------------------------------------------------------------------------

interface Feature {
  count: number;
  units: number;
  docs: number;
}

/** A side's features of the wanted sizes, keyed as in n-gram counts (unigram key = the term). */
function features(side: SideCounts, ngrams: [number, number]): Map<string, Feature> {
  const out = new Map<string, Feature>();
  if (ngrams[0] <= 1) {
    for (let i = 0; i < side.terms.length; i++) {
      const c = side.counts[i] as number;
      if (c > 0) out.set(side.terms[i] as string, { count: c, units: side.unitCounts[i] as number, docs: side.docCounts[i] as number });
    }
  }
  for (let i = 0; i < side.phrases.length; i++) {
    const key = side.phrases[i] as string;
    const n = key.split(NGRAM_KEY_SEPARATOR).length;
    if (n < Math.max(2, ngrams[0]) || n > ngrams[1]) continue;
    out.set(key, { count: side.phraseCounts[i] as number, units: side.phraseUnits[i] as number, docs: side.phraseDocs[i] as number });
  }
  return out;
}

/** Types, shared types, Jaccard and cosine over the unigram term counts. */
export function vocabularySummary(a: SideCounts, b: SideCounts): DiffSummary {
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  for (let i = 0; i < a.terms.length; i++) if ((a.counts[i] as number) > 0) ca.set(a.terms[i] as string, a.counts[i] as number);
  for (let i = 0; i < b.terms.length; i++) if ((b.counts[i] as number) > 0) cb.set(b.terms[i] as string, b.counts[i] as number);
  let shared = 0;
  let dot = 0;
  // Sum in one order that does not depend on which side is which: the sorted union of the terms.
  const union = [...new Set([...ca.keys(), ...cb.keys()])].sort(compareCodeUnits);
  let na = 0;
  let nb = 0;
  for (const t of union) {
    const x = ca.get(t) ?? 0;
    const y = cb.get(t) ?? 0;
    if (x > 0 && y > 0) shared++;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  const side = (s: SideCounts, types: number): SideSummary => ({ documents: s.files.length, units: s.units, tokens: s.tokens, types });
  const norm = Math.sqrt(na) * Math.sqrt(nb);
  return {
    a: side(a, ca.size),
    b: side(b, cb.size),
    sharedTypes: shared,
    jaccard: union.length > 0 ? clean(shared / union.length) : 0,
    cosine: norm > 0 ? clean(Math.min(1, dot / norm)) : 0,
  };
}

/** Keys of the features a longer one holds with the same counts on both sides (folded into it). */
function foldedKeys(keys: readonly string[], fa: ReadonlyMap<string, Feature>, fb: ReadonlyMap<string, Feature>): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const terms = key.split(NGRAM_KEY_SEPARATOR);
    if (terms.length < 2) continue;
    const a = fa.get(key)?.count ?? 0;
    const b = fb.get(key)?.count ?? 0;
    for (let len = 1; len < terms.length; len++) {
      for (let i = 0; i + len <= terms.length; i++) {
        const sub = terms.slice(i, i + len).join(NGRAM_KEY_SEPARATOR);
        if ((fa.get(sub)?.count ?? 0) === a && (fb.get(sub)?.count ?? 0) === b) out.add(sub);
      }
    }
  }
  return out;
}

/**
 * The vocabulary diff of two sides: every feature that reaches min-count scored, tested and corrected;
 * the features B uses more and those A uses more in two ranked lists. Pure: the prior is a parameter
 * (`null` = the two sides pooled).
 */
export function diffSides(a: SideCounts, b: SideCounts, prior: PriorModel | null, opts: DiffOptions): DiffResult {
  const { measure, minCount, alpha0 } = opts;
  const nA = a.tokens;
  const nB = b.tokens;
  const fa = features(a, opts.ngrams);
  const fb = features(b, opts.ngrams);
  const bg = prior ?? pooledPrior(fa, fb, nA, nB);
  const comparable = nA > 0 && nB > 0;

  const keys = comparable ? [...new Set([...fa.keys(), ...fb.keys()])].sort(compareCodeUnits) : [];
  const candidates = keys.filter((k) => Math.max(fa.get(k)?.count ?? 0, fb.get(k)?.count ?? 0) >= minCount);
  const folded = opts.ngrams[1] >= 2 ? foldedKeys(candidates, fa, fb) : new Set<string>();
  const tested = candidates.filter((k) => !folded.has(k));

  const rows: DiffRow[] = tested.map((key) => {
    const x = fa.get(key) ?? { count: 0, units: 0, docs: 0 };
    const y = fb.get(key) ?? { count: 0, units: 0, docs: 0 };
    const terms = key.split(NGRAM_KEY_SEPARATOR);
    const { rate, count: background } = bg.lookup(terms);
    const alpha = clean(alpha0 * rate);
    const s = keynessScores(x.count, y.count, nA, nB, alpha, alpha0);
    const row: DiffRow = {
      term: terms.join(' '),
      terms,
      n: terms.length,
      sign: s.sign,
      countA: x.count,
      countB: y.count,
      rateA: clean((x.count * 10000) / nA),
      rateB: clean((y.count * 10000) / nB),
      unitsA: x.units,
      unitsB: y.units,
      documentsA: x.docs,
      documentsB: y.docs,
      logRatio: s.logRatio,
      g2: s.g2,
      pG2: s.pG2,
      delta: s.delta,
      z: s.z,
      pZ: s.pZ,
      alpha,
      background,
      p: measure === 'fw' ? s.pZ : s.pG2,
      pAdjusted: 1,
      only: x.count === 0 ? 'b' : y.count === 0 ? 'a' : null,
      rank: 0,
    };
    return row;
  });
  const adjusted = correctP(
    rows.map((r) => r.p),
    opts.correct,
  );
  rows.forEach((r, i) => (r.pAdjusted = clean(adjusted[i] as number)));

  const passes = rows.filter((r) => r.pAdjusted < SIGNIFICANCE && r.sign !== 0);
  const significance: DiffSignificance = {
    level: SIGNIFICANCE,
    test: testOf(measure),
    correction: opts.correct,
    tested: rows.length,
    passing: passes.length,
    passingRaw: rows.filter((r) => r.p < SIGNIFICANCE && r.sign !== 0).length,
    passingB: passes.filter((r) => r.sign > 0).length,
    passingA: passes.filter((r) => r.sign < 0).length,
  };

  const keep = (r: DiffRow): boolean => (!opts.only || r.only !== null) && (opts.p === null || r.pAdjusted < opts.p);
  const list = (sign: number): { rows: DiffRow[]; total: number } => {
    const chosen = rows.filter((r) => r.sign === sign && keep(r));
    // Best first: the measure in the list's direction, then the term (so a swap lists the same order).
    chosen.sort((x, y) => sign * (measureOf(y, measure) - measureOf(x, measure)) || compareCodeUnits(x.term, y.term) || x.n - y.n);
    const cut = opts.top === null ? chosen : chosen.slice(0, opts.top);
    return { rows: cut.map((r, i) => ({ ...r, rank: i + 1 })), total: chosen.length };
  };
  const more = list(1);
  const less = list(-1);
  const sameRows = rows.filter((r) => r.sign === 0 && keep(r));
  sameRows.sort((x, y) => y.countA + y.countB - (x.countA + x.countB) || compareCodeUnits(x.term, y.term) || x.n - y.n);
  const same = (opts.top === null ? sameRows : sameRows.slice(0, opts.top)).map((r, i) => ({ ...r, rank: i + 1 }));

  return {
    summary: vocabularySummary(a, b),
    significance,
    more: more.rows,
    less: less.rows,
    same,
    listedMore: more.total,
    listedLess: less.total,
    listedSame: sameRows.length,
    params: {
      measure,
      minCount,
      minCountOn: 'the side that uses the term more',
      correct: opts.correct,
      p: opts.p,
      only: opts.only,
      top: opts.top,
      ngrams: [opts.ngrams[0], opts.ngrams[1]],
      alpha0,
      prior: bg.source,
      priorFloor: prior
        ? 'α_w = α0 · 0.5 / the reference total (tokens for a term, phrase positions for a phrase) when the reference lacks it'
        : 'none needed: every feature is seen in the pooled sides',
      fwVariance: 'Var(δ) = 1/(y_A + α_w) + 1/(y_B + α_w) (Monroe et al. 2008)',
      g2: '4-cell log-likelihood (Dunning 1993), signed',
      test: testOf(measure),
      zeroCounts: 'log ratio: a zero count is read as 0.5',
      ratePer: 10000,
      tokens: "counted terms (neither stopwords nor numbers); phrases are measured against the same total",
      sign: '+ = more in B (the new side), − = more in A (the old side)',
      folded: 'a term or phrase with the same counts on both sides as a longer tested phrase holding it is folded into that phrase',
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Evidence (--explain)
// ---------------------------------------------------------------------------------------------------

/** A unit with its text, where it comes from, and its term stream. */
export interface EvidenceUnit {
  id: string;
  file: string;
  /** The first line of the unit in its file. */
  line: number;
  text: string;
  stream: TermStream;
}

/** One sentence that uses a feature. */
export interface Evidence {
  unit: string;
  file: string;
  line: number;
  sentence: string;
  /** Where the feature stands in `sentence` (UTF-16 offsets). */
  start: number;
  end: number;
}

/** The key of a feature in evidence maps: its terms joined by NGRAM_KEY_SEPARATOR (a unigram's key is the term). */
export function featureKey(terms: readonly string[]): string {
  return terms.join(NGRAM_KEY_SEPARATOR);
}

/** The offsets of the first occurrence of `terms` in a stream: consecutive terms of one sentence, no gap. */
function findIn(stream: TermStream, terms: readonly string[]): [number, number] | null {
  for (const s of stream.sentences) {
    for (let i = 0; i + terms.length <= s.length; i++) {
      let ok = true;
      for (let k = 0; k < terms.length; k++) {
        const t = s[i + k] as TermOcc | null;
        if (t === null || t.term !== terms[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return [(s[i] as TermOcc).start, (s[i + terms.length - 1] as TermOcc).end];
    }
  }
  return null;
}

/** The units of documents as evidence units: counted units only (content, unless allUnits), for one side. */
export function evidenceUnits(docs: readonly SpeechDocument[], args: DiffJobArgs, side: 'a' | 'b' | null): EvidenceUnit[] {
  const pipeline = pipelineFor(args.terms);
  const out: EvidenceUnit[] = [];
  for (const d of docs) {
    const lang = documentLang(d, args.terms);
    for (const u of d.units) {
      if (!args.allUnits && u.kind !== 'content') continue;
      if (side !== null && args.select && !unitMatches(u, d, args.select[side])) continue;
      out.push({ id: unitId(u), file: d.file, line: u.span.startLine, text: u.text, stream: pipeline(u.text, lang) });
    }
  }
  return out;
}

/** For each wanted feature (its terms), the first sentence in `units` that uses it. */
export function findEvidence(units: readonly EvidenceUnit[], wanted: readonly (readonly string[])[]): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  const left = new Map<string, readonly string[]>();
  for (const w of wanted) left.set(featureKey(w), w);
  for (const u of units) {
    if (left.size === 0) break;
    let spans: ReturnType<typeof sentenceSpans> | null = null;
    for (const [key, terms] of left) {
      const at = findIn(u.stream, terms);
      if (at === null) continue;
      spans ??= sentenceSpans(u.text);
      const s = spans.find((x) => x.start <= at[0] && at[0] < x.end) ?? { start: 0, end: u.text.length };
      const before = u.text.slice(0, s.start);
      let newlines = 0;
      for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) newlines++;
      out.set(key, {
        unit: u.id,
        file: u.file,
        line: u.line + newlines,
        sentence: u.text.slice(s.start, s.end),
        start: at[0] - s.start,
        end: Math.min(at[1], s.end) - s.start,
      });
      left.delete(key);
    }
  }
  return out;
}
