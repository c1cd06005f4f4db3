/**
 * Collocates of a node term (`speeches collocates`), AntConc / WordSmith style, with several association
 * measures side by side.
 *
 * Rules (also carried in `params`):
 * - Positions are the non-null TermOcc of a sentence, stopwords and numbers included. The window is
 *   `left` positions before and `right` after each node occurrence (both default to `window`).
 * - A window never crosses a sentence end or a unit end. With `gaps: 'skip'` (the default) `null` gaps do
 *   not stop the window and are not positions, like AntConc reading across punctuation; with
 *   `gaps: 'stop'` a window ends at a gap, as the TermStream contract describes for n-grams.
 * - Collocates are the positions in a window that are not stopwords, not flagged numbers and not an
 *   occurrence of the node itself. A position inside the windows of two node occurrences counts twice.
 * - O11 = collocate occurrences in windows (left + right); C1 = f(collocate), every occurrence in the
 *   data; R1 = f(node); N = non-null TermOcc in the data; W = the window positions actually available
 *   summed over node occurrences (= R1 · (left + right) when no window is cut short).
 * - E11 = W · C1 / N (WordSmith's span scaling, counting the span that really exists). PMI, t-score and
 *   G² use the 2×2 table with row total W: pmi(O11, W, C1, N) etc. logDice uses f(node) and f(collocate):
 *   14 + log2(2·O11 / (R1 + C1)) (Rychlý 2008).
 */

import { g2Collocation, logDice, pmi, tScore } from './association.js';
import { compareCodeUnits, isCountedTerm, minRanks, type CountedUnit } from './corpus.js';
import type { TermOcc } from '../text/types.js';

/** What collocate rows are sorted by (descending). */
export type CollocateSort = 'g2' | 'count' | 'pmi' | 'tscore' | 'logdice';

/** Options of `collocates`. */
export interface CollocateOptions {
  /** Positions on each side (AntConc's default is 5). */
  window: number;
  /** Drop collocates with O11 below this, before ranking. */
  minCount: number;
  /** Positions before the node; default `window`. */
  left?: number;
  /** Positions after the node; default `window`. */
  right?: number;
  /** Default 'g2'. */
  sort?: CollocateSort;
  /** Keep the first `top` rows after ranking. */
  top?: number;
  /** Whether `null` gaps are skipped (default) or stop the window. */
  gaps?: 'skip' | 'stop';
  /** Name of the node in the result when it is given as a predicate. */
  label?: string;
}

/** One collocate of the node. */
export interface CollocateRow {
  term: string;
  /** O11: occurrences in node windows. */
  count: number;
  left: number;
  right: number;
  /** C1: occurrences in the whole data. */
  frequency: number;
  /** E11 = W · C1 / N. */
  expected: number;
  pmi: number;
  tScore: number;
  g2: number;
  logDice: number;
  /** Ties "min" by the sort key. */
  rank: number;
}

/** The options and definitions a collocate table was made with. */
export interface CollocateParams {
  window: number;
  left: number;
  right: number;
  minCount: number;
  sort: CollocateSort;
  top: number | null;
  gaps: 'skip' | 'stop';
  positions: string;
  expected: string;
  logDice: string;
  ties: 'min';
}

/** A collocate table for one node. */
export interface CollocateResult {
  /** The node term, or the label of a predicate node. */
  node: string;
  /** R1: node occurrences. */
  nodeFrequency: number;
  /** W: window positions available around all node occurrences. */
  windowPositions: number;
  /** N: non-null TermOcc in the data. */
  tokens: number;
  rows: CollocateRow[];
  params: CollocateParams;
}

interface Acc {
  left: number;
  right: number;
}

/** Checks a window size option. */
function windowSize(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${v}`);
  return v;
}

/** Collocates of `node` (a term, or a predicate on occurrences) within a window; see the module comment. */
export function collocates(
  units: readonly CountedUnit[],
  node: string | ((t: TermOcc) => boolean),
  opts: CollocateOptions,
): CollocateResult {
  const window = windowSize('window', opts.window);
  const left = windowSize('left', opts.left ?? window);
  const right = windowSize('right', opts.right ?? window);
  const sort = opts.sort ?? 'g2';
  const top = opts.top ?? null;
  const gaps = opts.gaps ?? 'skip';
  const isNode = typeof node === 'string' ? (t: TermOcc): boolean => t.term === node : node;

  const freq = new Map<string, number>();
  const acc = new Map<string, Acc>();
  let N = 0;
  let R1 = 0;
  let W = 0;
  const seg: TermOcc[] = [];
  const nodeFlags: boolean[] = [];

  const scan = (): void => {
    const len = seg.length;
    for (let i = 0; i < len; i++) {
      if (!nodeFlags[i]) continue;
      R1++;
      const from = Math.max(0, i - left);
      const to = Math.min(len - 1, i + right);
      W += to - from; // every position in [from, to] but the node itself
      for (let j = from; j <= to; j++) {
        if (j === i || nodeFlags[j]) continue;
        const t = seg[j] as TermOcc;
        if (!isCountedTerm(t)) continue;
        let a = acc.get(t.term);
        if (a === undefined) {
          a = { left: 0, right: 0 };
          acc.set(t.term, a);
        }
        if (j < i) a.left++;
        else a.right++;
      }
    }
    seg.length = 0;
    nodeFlags.length = 0;
  };

  for (const cu of units) {
    for (const sentence of cu.stream.sentences) {
      for (const t of sentence) {
        if (t === null) {
          if (gaps === 'stop') scan();
          continue;
        }
        N++;
        freq.set(t.term, (freq.get(t.term) ?? 0) + 1);
        seg.push(t);
        nodeFlags.push(isNode(t));
      }
      scan();
    }
  }

  const rows: Omit<CollocateRow, 'rank'>[] = [];
  for (const [term, a] of acc) {
    const o11 = a.left + a.right;
    if (o11 < opts.minCount) continue;
    const c1 = freq.get(term) ?? 0;
    rows.push({
      term,
      count: o11,
      left: a.left,
      right: a.right,
      frequency: c1,
      expected: N > 0 ? (W * c1) / N : 0,
      pmi: pmi(o11, W, c1, N),
      tScore: tScore(o11, W, c1, N),
      g2: g2Collocation(o11, W, c1, N),
      logDice: logDice(o11, R1, c1),
    });
  }
  const score = (r: Omit<CollocateRow, 'rank'>): number => {
    switch (sort) {
      case 'g2':
        return r.g2;
      case 'count':
        return r.count;
      case 'pmi':
        return r.pmi;
      case 'tscore':
        return r.tScore;
      case 'logdice':
        return r.logDice;
    }
  };
  rows.sort((x, y) => score(y) - score(x) || compareCodeUnits(x.term, y.term));
  const ranks = minRanks(rows.length, (i) => score(rows[i] as CollocateRow) === score(rows[i - 1] as CollocateRow));
  const kept = top === null ? rows.length : Math.max(0, Math.min(rows.length, top));
  const out: CollocateRow[] = [];
  for (let i = 0; i < kept; i++) {
    const r = rows[i] as Omit<CollocateRow, 'rank'>;
    out.push({ ...r, rank: ranks[i] as number });
  }

  return {
    node: typeof node === 'string' ? node : (opts.label ?? ''),
    nodeFrequency: R1,
    windowPositions: W,
    tokens: N,
    rows: out,
    params: {
      window,
      left,
      right,
      minCount: opts.minCount,
      sort,
      top,
      gaps,
      positions: 'non-null term occurrences within one sentence, stopwords and numbers included',
      expected: 'E11 = W · C1 / N, W = window positions available around the node occurrences',
      logDice: '14 + log2(2·O11 / (f(node) + f(collocate)))',
      ties: 'min',
    },
  };
}
