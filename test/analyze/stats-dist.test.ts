import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, bonferroni, chiSquareP1, erfc, normalP2 } from '../../src/analyze/stats-dist.js';

const rel = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('erfc', () => {
  // Reference values from mpmath at 40 digits.
  const table: [number, number][] = [
    [0, 1],
    [0.5, 0.479500122186953462317253346108],
    [1, 0.157299207050285130658779364917],
    [3, 2.20904969985854413727761295823e-5],
    [5, 1.53745979442803485018834348538e-12],
    [10, 2.08848758376254475700078629496e-45],
    [26, 5.66319240885614284647572789693e-296],
  ];
  it.each(table)('erfc(%f) to 1e-13 relative', (x, want) => {
    expect(rel(erfc(x), want)).toBeLessThan(1e-13);
  });
  it('handles negative arguments, infinities and underflow', () => {
    expect(rel(erfc(-1), 2 - 0.157299207050285130658779364917)).toBeLessThan(1e-15);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(40)).toBe(0);
    expect(Number.isNaN(erfc(Number.NaN))).toBe(true);
  });
  it('is decreasing and within [0, 2]', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, dx) => {
        const a = erfc(x);
        const b = erfc(x + dx);
        return a >= 0 && a <= 2 && b <= a;
      }),
    );
  });
});

describe('chiSquareP1', () => {
  it('p for the worked 4-cell G² (29.0809618…) ≈ 6.94e-8', () => {
    expect(rel(chiSquareP1(29.0809618286782579), 6.94157877494207814e-8)).toBeLessThan(1e-12);
  });
  it('critical values', () => {
    expect(rel(chiSquareP1(3.841458820694124), 0.05)).toBeLessThan(1e-12);
    expect(rel(chiSquareP1(100), 1.52397060483210521319466865033e-23)).toBeLessThan(1e-12);
    expect(rel(chiSquareP1(1000), 1.79583278480072619458860231757e-219)).toBeLessThan(1e-12);
    expect(rel(chiSquareP1(1e-6), 0.999202115572177874830819355111)).toBeLessThan(1e-14);
  });
  it('is 1 at or below 0', () => {
    expect(chiSquareP1(0)).toBe(1);
    expect(chiSquareP1(-3)).toBe(1);
  });
});

describe('normalP2', () => {
  it('two-sided', () => {
    expect(rel(normalP2(1.959963984540054), 0.05)).toBeLessThan(1e-12);
    expect(rel(normalP2(-1.959963984540054), 0.05)).toBeLessThan(1e-12);
    expect(rel(normalP2(4.856818380462249), 1.19286912600465777722e-6)).toBeLessThan(1e-12);
    expect(normalP2(0)).toBe(1);
  });
});

describe('multiple comparisons', () => {
  it('bonferroni multiplies by m and caps at 1', () => {
    const out = bonferroni([0.01, 0.04, 0.03, 0.005]);
    [0.04, 0.16, 0.12, 0.02].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 15));
    expect(bonferroni([0.5, 0.6])).toEqual([1, 1]);
    expect(bonferroni([])).toEqual([]);
  });
  it('benjaminiHochberg matches p.adjust(…, "BH")', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
    const out = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 15));
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([1, 1, 1])).toEqual([1, 1, 1]);
  });
  it('BH is ≥ p, ≤ 1, monotone in p, ≤ Bonferroni, and does not mutate its input', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 50 }), (ps) => {
        const copy = [...ps];
        const q = benjaminiHochberg(ps);
        const bon = bonferroni(ps);
        expect(ps).toEqual(copy);
        expect(q.length).toBe(ps.length);
        for (let i = 0; i < ps.length; i++) {
          expect(q[i]!).toBeGreaterThanOrEqual(ps[i]! - 1e-15);
          expect(q[i]!).toBeLessThanOrEqual(1);
          expect(q[i]!).toBeLessThanOrEqual(bon[i]! + 1e-15);
          for (let j = 0; j < ps.length; j++) if (ps[i]! <= ps[j]!) expect(q[i]!).toBeLessThanOrEqual(q[j]!);
        }
      }),
    );
  });
});
