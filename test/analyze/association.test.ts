import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chi2Pearson,
  dice,
  expected11,
  fightinWords,
  g2Collocation,
  g2Keyness4,
  g2Rayson,
  keynessP,
  logDice,
  logRatio,
  mi3,
  pmi,
  tScore,
  williamsQ,
  zScore,
} from '../../src/analyze/association.js';

const close = (actual: number, expected: number, tol = 1e-6): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
};

describe('bigram measures (ALGORITHMS.md worked values: O11=20, R1=50, C1=40, N=10000)', () => {
  const [o, r, c, n] = [20, 50, 40, 10000];
  it('PMI', () => close(pmi(o, r, c, n), 6.643856));
  it('t-score', () => close(tScore(o, r, c, n), 4.427415));
  it('logDice', () => close(logDice(o, r, c), 12.830075));
  it('G²', () => close(g2Collocation(o, r, c, n), 165.911899));
  it('MI³, z-score, Dice, E11 (mpmath)', () => {
    close(mi3(o, r, c, n), 15.287712379549449);
    close(zScore(o, r, c, n), 44.274145954495836);
    close(dice(o, r, c), 4 / 9);
    close(expected11(r, c, n), 0.2);
  });
  it('never returns NaN or Infinity for degenerate counts', () => {
    const cases: [number, number, number, number][] = [
      [0, 0, 0, 0],
      [0, 5, 0, 100],
      [3, 3, 0, 0],
      [0, 5, 7, 100],
      [2, 3, 3, 3], // "w w w": inconsistent marginals
      [5, 5, 5, 5],
      [10, 4, 4, 4], // overlapping windows: O11 > C1
    ];
    for (const [a, b, cc, nn] of cases) {
      for (const v of [pmi(a, b, cc, nn), mi3(a, b, cc, nn), tScore(a, b, cc, nn), zScore(a, b, cc, nn), dice(a, b, cc), logDice(a, b, cc), g2Collocation(a, b, cc, nn)]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
    expect(pmi(0, 5, 7, 100)).toBe(0);
    expect(logDice(0, 5, 7)).toBe(0);
    expect(g2Collocation(0, 0, 0, 0)).toBe(0);
  });
  it('G² is finite and ≥ 0 for any non-negative counts', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(5000), (a, b, cc, nn) => {
        const g = g2Collocation(a, b, cc, nn);
        return Number.isFinite(g) && g >= 0;
      }),
    );
  });
  it('logDice never exceeds 14', () => {
    close(logDice(7, 7, 7), 14);
  });
});

describe('keyness (a=30, N_T=10000, b=10, N_R=20000)', () => {
  const [a, b, nT, nR] = [30, 10, 10000, 20000];
  it('4-cell G², positive for over-use in the target', () => close(g2Keyness4(a, b, nT, nR), 29.080962));
  it('Rayson 2-term G²', () => close(g2Rayson(a, b, nT, nR), 29.039228));
  it('p of the 4-cell G² ≈ 6.94e-8', () => {
    const p = keynessP(g2Keyness4(a, b, nT, nR));
    expect(Math.abs(p - 6.94157877494e-8) / 6.94157877494e-8).toBeLessThan(1e-6);
    expect(keynessP(-g2Keyness4(a, b, nT, nR))).toBe(p);
  });
  it('Pearson χ² without correction', () => close(chi2Pearson(a, b, nT, nR), 31.291722));
  it('log ratio', () => close(logRatio(a, b, nT, nR), 2.584963));
  it('scores are signed by a vs E_a', () => {
    close(g2Keyness4(b, a, nR, nT), -29.080962);
    close(g2Rayson(b, a, nR, nT), -29.039228);
    close(chi2Pearson(b, a, nR, nT), -31.291722);
    close(logRatio(b, a, nR, nT), -2.584963);
  });
  it('log ratio replaces a zero count by 0.5', () => {
    close(logRatio(0, 3, 50, 60), -2.321928094887362);
    expect(Number.isFinite(logRatio(0, 0, 10, 10))).toBe(true);
    expect(logRatio(1, 1, 0, 10)).toBe(0);
  });
  it('Yates correction applies when an expected count is below 5', () => {
    close(chi2Pearson(3, 0, 50, 60, true), 1.7847871235721703);
    close(chi2Pearson(3, 0, 50, 60, false), 3.700934579439252);
    close(chi2Pearson(a, b, nT, nR, true), 31.291722); // every expected count ≥ 5
  });
  it('Williams q', () => {
    close(williamsQ(a, b, nT, nR), 1.0145833592938733, 1e-12);
    expect(williamsQ(0, 3, 10, 10)).toBe(1);
  });
  it('degenerate keyness inputs are finite', () => {
    for (const [x, y, p, q] of [
      [0, 0, 0, 0],
      [0, 0, 10, 10],
      [5, 0, 5, 0],
      [0, 5, 0, 5],
      [3, 3, 3, 3],
    ] as const) {
      for (const v of [g2Keyness4(x, y, p, q), g2Rayson(x, y, p, q), chi2Pearson(x, y, p, q), chi2Pearson(x, y, p, q, true), logRatio(x, y, p, q), williamsQ(x, y, p, q)]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
  });
});

describe("Fightin' Words", () => {
  it('worked value: y_i=30, n_i=10000, y_j=10, n_j=20000, α_w=0.5, α_0=500', () => {
    const fw = fightinWords(30, 10000, 10, 20000, 0.5, 500);
    close(fw.delta, 1.737798);
    close(fw.variance, 1 / 30.5 + 1 / 10.5, 1e-12);
    close(fw.z, 4.856818);
  });
  it('is antisymmetric and finite when degenerate', () => {
    const fw = fightinWords(10, 20000, 30, 10000, 0.5, 500);
    close(fw.delta, -1.737798);
    expect(fightinWords(0, 0, 0, 0, 0, 0)).toEqual({ delta: 0, variance: 0, z: 0 });
  });
});
