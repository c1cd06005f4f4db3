/** Distribution tails and multiple-comparison corrections for the keyness and association tests. */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

/**
 * e^(−x²) without the rounding error of squaring x first: x = hi + lo with hi a multiple of 1/16, so
 * hi² is exact (the trick in W. J. Cody's CALERF). Matters for tiny tails, where e^(−x²) is the answer.
 */
function expMinusSquare(x: number): number {
  const hi = Math.trunc(x * 16) / 16;
  const del = (x - hi) * (x + hi);
  return Math.exp(-hi * hi) * Math.exp(-del);
}

/** erf(x) for 0 ≤ x < 1 by the all-positive series 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (2n+1)!!. */
function erfSeries(x: number): number {
  const x2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
}

/**
 * erfc(x) for x ≥ 1 by the continued fraction e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 * evaluated with the modified Lentz method; relative error near 1e-15 all the way to underflow.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * expMinusSquare(x)) / f;
}

/** Complementary error function erfc(x) = 1 − erf(x), accurate to about 1e-14 relative even in the far tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x === Infinity) return 0;
  // 1 − erf keeps ~1e-15 relative accuracy while erfc ≥ erfc(1) ≈ 0.157; the fraction takes over beyond.
  if (x < 1) return 1 - erfSeries(x);
  // erfc(27.3) < 2^−1074: below the smallest double.
  if (x > 27.3) return 0;
  return erfcContinuedFraction(x);
}

/** Upper tail of the χ² distribution with 1 degree of freedom, P(X ≥ x) = erfc(√(x/2)); 1 for x ≤ 0. */
export function chiSquareP1(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return erfc(Math.sqrt(x / 2));
}

/** Two-sided p-value of a standard normal z score, P(|Z| ≥ |z|) = erfc(|z|/√2). */
export function normalP2(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Bonferroni-adjusted p-values: min(1, p · m), in the order given. */
export function bonferroni(ps: readonly number[]): number[] {
  const m = ps.length;
  return ps.map((p) => Math.min(1, p * m));
}

/**
 * Benjamini–Hochberg adjusted p-values (the false discovery rate "q-values" of R's `p.adjust(…, "BH")`):
 * p_(i) · m / i made monotone from the largest p down, capped at 1, returned in the input order.
 */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((i, j) => (ps[i] as number) - (ps[j] as number) || i - j);
  const out = new Array<number>(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r] as number;
    running = Math.min(running, ((ps[i] as number) * m) / (r + 1));
    out[i] = running;
  }
  return out;
}
