/**
 * Association and keyness formulas (ALGORITHMS.md B1–B4), as pure functions of counts.
 *
 * Degenerate inputs never produce NaN or ±Infinity: a score whose formula is undefined (N = 0, a zero
 * marginal, O11 = 0 under a logarithm, …) is returned as 0. Callers only score observed pairs and terms,
 * so 0 there means "no evidence", never a real value that could be confused with a strong one.
 */

import { finiteOr0 } from './corpus.js';
import { chiSquareP1 } from './stats-dist.js';

/** x · ln(x / e) with the convention 0 · ln 0 = 0 (and 0 when e ≤ 0, a cell the table cannot have). */
function xlogx(x: number, e: number): number {
  if (x <= 0 || e <= 0) return 0;
  return x * Math.log(x / e);
}

/** True when the bigram counts admit the ratio formulas (every count positive). */
function positive(o11: number, r1: number, c1: number, n: number): boolean {
  return o11 > 0 && r1 > 0 && c1 > 0 && n > 0;
}

// ---------------------------------------------------------------------------------------------------
// Bigram / collocate measures from O11 (joint count), R1 = f(w1), C1 = f(w2), N.  E11 = R1·C1/N.
// ---------------------------------------------------------------------------------------------------

/** Expected joint count E11 = R1 · C1 / N (0 when N ≤ 0). */
export function expected11(r1: number, c1: number, n: number): number {
  return n > 0 ? (r1 * c1) / n : 0;
}

/** Pointwise mutual information log2(O11 / E11) (Church & Hanks 1990); 0 when undefined. */
export function pmi(o11: number, r1: number, c1: number, n: number): number {
  if (!positive(o11, r1, c1, n)) return 0;
  return finiteOr0(Math.log2(o11 / expected11(r1, c1, n)));
}

/** MI³ = log2(O11³ / E11) (Evert); 0 when undefined. */
export function mi3(o11: number, r1: number, c1: number, n: number): number {
  if (!positive(o11, r1, c1, n)) return 0;
  return finiteOr0(3 * Math.log2(o11) - Math.log2(expected11(r1, c1, n)));
}

/** t-score (O11 − E11) / √O11; 0 when O11 = 0. */
export function tScore(o11: number, r1: number, c1: number, n: number): number {
  if (o11 <= 0) return 0;
  return finiteOr0((o11 - expected11(r1, c1, n)) / Math.sqrt(o11));
}

/** z-score (O11 − E11) / √E11; 0 when E11 = 0. */
export function zScore(o11: number, r1: number, c1: number, n: number): number {
  const e = expected11(r1, c1, n);
  if (e <= 0) return 0;
  return finiteOr0((o11 - e) / Math.sqrt(e));
}

/** Dice coefficient 2·O11 / (R1 + C1); 0 when R1 + C1 = 0. */
export function dice(o11: number, r1: number, c1: number): number {
  const s = r1 + c1;
  return s > 0 ? finiteOr0((2 * o11) / s) : 0;
}

/** logDice = 14 + log2(Dice) (Rychlý 2008), at most 14; 0 when O11 = 0 or R1 + C1 = 0. */
export function logDice(o11: number, r1: number, c1: number): number {
  const d = dice(o11, r1, c1);
  return d > 0 ? finiteOr0(14 + Math.log2(d)) : 0;
}

/**
 * Log-likelihood G² of the 2×2 table O11, O12 = R1 − O11, O21 = C1 − O11, O22 = N − R1 − C1 + O11
 * against E_ij = row_i · col_j / N, with 0 · ln 0 = 0. Unsigned, like WordSmith and AntConc. A table
 * with inconsistent marginals (possible for overlapping windows, or "w w" bigrams in a tiny text) has
 * its negative cells read as 0 so the result stays finite.
 */
export function g2Collocation(o11: number, r1: number, c1: number, n: number): number {
  if (n <= 0) return 0;
  const o12 = Math.max(0, r1 - o11);
  const o21 = Math.max(0, c1 - o11);
  const o22 = Math.max(0, n - r1 - c1 + o11);
  const row2 = n - r1;
  const col2 = n - c1;
  const g =
    2 *
    (xlogx(o11, (r1 * c1) / n) +
      xlogx(o12, (r1 * col2) / n) +
      xlogx(o21, (row2 * c1) / n) +
      xlogx(o22, (row2 * col2) / n));
  return Math.max(0, finiteOr0(g));
}

// ---------------------------------------------------------------------------------------------------
// Keyness of one term: a = count in target T, b = count in reference R, N_T and N_R = token totals.
// ---------------------------------------------------------------------------------------------------

/** Sign of a keyness score: +1 when the term is relatively more frequent in the target (a > E_a), else −1. */
function keynessSign(a: number, b: number, nT: number, nR: number): number {
  // a > E_a = (a+b)·N_T/N  ⇔  a·N_R > b·N_T  (cross-multiplied, so exact for integer counts).
  return a * nR > b * nT ? 1 : -1;
}

/**
 * Signed 4-cell log-likelihood G² (Dunning 1993; AntConc's "4-term" and quanteda's `lr` without
 * correction): 2 Σ x·ln(x/E_x) over a, b, c = N_T − a, d = N_R − b; positive when a > E_a.
 */
export function g2Keyness4(a: number, b: number, nT: number, nR: number): number {
  const c = nT - a;
  const d = nR - b;
  const n = nT + nR;
  if (n <= 0) return 0;
  const g =
    2 *
    (xlogx(a, ((a + b) * nT) / n) +
      xlogx(b, ((a + b) * nR) / n) +
      xlogx(c, ((c + d) * nT) / n) +
      xlogx(d, ((c + d) * nR) / n));
  return keynessSign(a, b, nT, nR) * Math.max(0, finiteOr0(g));
}

/**
 * Signed 2-term log-likelihood of Rayson & Garside (2000), as the UCREL wizard and WordSmith compute
 * it: 2[a·ln(a/E1) + b·ln(b/E2)], E1 = N_T(a+b)/(N_T+N_R), E2 = N_R(a+b)/(N_T+N_R); sign as g2Keyness4.
 */
export function g2Rayson(a: number, b: number, nT: number, nR: number): number {
  const n = nT + nR;
  if (n <= 0) return 0;
  const e1 = (nT * (a + b)) / n;
  const e2 = (nR * (a + b)) / n;
  const g = 2 * (xlogx(a, e1) + xlogx(b, e2));
  return keynessSign(a, b, nT, nR) * Math.max(0, finiteOr0(g));
}

/**
 * Williams' correction factor q for the 4-cell G² (quanteda `correction = "williams"`): divide G² by
 * q; q = 1 when any cell or marginal is 0.
 */
export function williamsQ(a: number, b: number, nT: number, nR: number): number {
  const c = nT - a;
  const d = nR - b;
  const n = a + b + c + d;
  if (a <= 0 || b <= 0 || c <= 0 || d <= 0) return 1;
  const q = 1 + ((n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1)) / (6 * n);
  return Number.isFinite(q) && q > 0 ? q : 1;
}

/**
 * Signed Pearson χ² of the 2×2 keyness table, N(|ad − bc| − N·δ)² / ((a+b)(c+d)(a+c)(b+d)); with
 * `yates` (quanteda's default for chi2) δ = 0.5 only when |ad − bc| ≥ N/2 and some expected count < 5.
 */
export function chi2Pearson(a: number, b: number, nT: number, nR: number, yates = false): number {
  const c = nT - a;
  const d = nR - b;
  const n = a + b + c + d;
  const denom = (a + b) * (c + d) * (a + c) * (b + d);
  if (n <= 0 || denom <= 0) return 0;
  const adbc = Math.abs(a * d - b * c);
  let delta = 0;
  if (yates && adbc >= n / 2) {
    const minE = Math.min(((a + b) * (a + c)) / n, ((a + b) * (b + d)) / n, ((c + d) * (a + c)) / n, ((c + d) * (b + d)) / n);
    if (minE < 5) delta = 0.5;
  }
  const x = (n * (adbc - n * delta) ** 2) / denom;
  return keynessSign(a, b, nT, nR) * finiteOr0(x);
}

/**
 * Log Ratio (Hardie 2014), log2((a/N_T) / (b/N_R)): +1 means twice as frequent in the target. A zero
 * count (a or b) is replaced by 0.5 so the ratio stays finite; 0 when N_T or N_R is 0.
 */
export function logRatio(a: number, b: number, nT: number, nR: number): number {
  if (nT <= 0 || nR <= 0) return 0;
  const a2 = a > 0 ? a : 0.5;
  const b2 = b > 0 ? b : 0.5;
  return finiteOr0(Math.log2(a2 / nT / (b2 / nR)));
}

/** p-value of a (possibly signed) G² or χ² keyness score against χ² with 1 df, from its absolute value. */
export function keynessP(score: number): number {
  return chiSquareP1(Math.abs(score));
}

/** Result of Fightin' Words for one term. */
export interface FightinWordsScore {
  /** Log-odds ratio δ (natural log), positive when the term leans to group i. */
  delta: number;
  /** Var(δ) ≈ 1/(y_i + α_w) + 1/(y_j + α_w) (Monroe et al. 2008, the 2-term form). */
  variance: number;
  /** δ / √Var(δ). */
  z: number;
}

/**
 * Fightin' Words (Monroe, Colaresi & Quinn 2008): log-odds ratio with a Dirichlet prior α_w (α_0 = Σ α_w),
 * δ = ln[(y_i+α_w)/(n_i+α_0−y_i−α_w)] − ln[(y_j+α_w)/(n_j+α_0−y_j−α_w)], 2-term variance, z = δ/√Var.
 */
export function fightinWords(
  yi: number,
  ni: number,
  yj: number,
  nj: number,
  alphaW: number,
  alpha0: number,
): FightinWordsScore {
  const pi = yi + alphaW;
  const qi = ni + alpha0 - yi - alphaW;
  const pj = yj + alphaW;
  const qj = nj + alpha0 - yj - alphaW;
  if (pi <= 0 || qi <= 0 || pj <= 0 || qj <= 0) return { delta: 0, variance: 0, z: 0 };
  const delta = finiteOr0(Math.log(pi / qi) - Math.log(pj / qj));
  const variance = finiteOr0(1 / pi + 1 / pj);
  const z = variance > 0 ? finiteOr0(delta / Math.sqrt(variance)) : 0;
  return { delta, variance, z };
}
