/** The test oracles themselves are checked against closed forms and published constants. */
import { gammaln } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { logFactorial, stirlingCorrection } from "../../src/sim/detmath.js";
import {
  chiSquareDiscrete,
  chiSquareSurvival,
  ksTest,
  kolmogorovSurvival,
  logBinomialPmf,
  normalCdf,
  regularizedGammaP,
  regularizedGammaQ,
} from "../helpers/stats-tests.js";

/** log k! by summing logs (Kahan), the most direct definition. */
function logFactSum(k: number): number {
  let s = 0;
  let c = 0;
  for (let i = 2; i <= k; i++) {
    const y = Math.log(i) - c;
    const t = s + y;
    c = t - s - y;
    s = t;
  }
  return s;
}

describe("special functions", () => {
  it("P(1, x) = 1 − e^−x and P(½, x) = erf(√x) (reference erf values to 16 digits)", () => {
    for (const x of [0.01, 0.5, 1, 3, 10, 40]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
    }
    expect(regularizedGammaP(0.5, 0.25)).toBeCloseTo(0.5204998778130465, 13); // erf(0.5)
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 13); // erf(1)
    expect(regularizedGammaP(0.5, 4)).toBeCloseTo(0.9953222650189527, 13); // erf(2)
  });

  it("Q(k, x) for integer k equals the Poisson(x) CDF at k − 1", () => {
    for (const [k, x] of [[5, 3.7], [12, 20], [30, 25.5], [1, 0.3]] as const) {
      let term = Math.exp(-x);
      let cdf = term;
      for (let j = 1; j < k; j++) {
        term *= x / j;
        cdf += term;
      }
      expect(Math.abs(regularizedGammaQ(k, x) - cdf)).toBeLessThan(1e-13);
      expect(Math.abs(regularizedGammaP(k, x) + regularizedGammaQ(k, x) - 1)).toBeLessThan(1e-14);
    }
  });

  it("chi-square survival reproduces published critical values", () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(10.827566170662733, 1)).toBeCloseTo(0.001, 10);
    expect(chiSquareSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(124.34211340400407, 100)).toBeCloseTo(0.05, 8);
  });

  it("Kolmogorov survival at the classic critical values 1.3581 (5%), 1.6276 (1%), 1.9495 (0.1%)", () => {
    expect(kolmogorovSurvival(1.3580986393225507)).toBeCloseTo(0.05, 6);
    expect(kolmogorovSurvival(1.6276236115189502)).toBeCloseTo(0.01, 6);
    expect(kolmogorovSurvival(1.9495)).toBeCloseTo(0.001, 4);
  });

  it("normalCdf (simple-statistics erf) is within 2e-7 of reference Φ values", () => {
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(2e-7);
    expect(Math.abs(normalCdf(-3) - 0.0013498980316301)).toBeLessThan(2e-7);
    expect(Math.abs(normalCdf(0.5) - 0.6914624612740131)).toBeLessThan(2e-7);
  });

  it("simple-statistics gammaln and the samplers' logFactorial agree with summed logs", () => {
    expect(gammaln(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    for (const k of [0, 1, 2, 5, 9, 10, 19, 20, 21, 50, 100, 255, 256, 1000, 5000]) {
      const ref = logFactSum(k);
      const tol = 1e-13 * Math.max(1, ref);
      expect(Math.abs(gammaln(k + 1) - ref)).toBeLessThan(tol);
      expect(Math.abs(logFactorial(k) - ref)).toBeLessThan(tol);
    }
  });

  it("Hörmann's Stirling-correction table and series match log k! − Stirling", () => {
    for (let k = 0; k <= 60; k++) {
      const def = logFactSum(k) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
      expect(Math.abs(stirlingCorrection(k) - def)).toBeLessThan(1e-13);
    }
  });

  it("log binomial pmf sums to 1 and matches the direct product for small n", () => {
    let s = 0;
    for (let k = 0; k <= 200; k++) s += Math.exp(logBinomialPmf(k, 200, 0.06));
    expect(s).toBeCloseTo(1, 12);
    // C(10, 3)·0.3³·0.7⁷
    expect(Math.exp(logBinomialPmf(3, 10, 0.3))).toBeCloseTo(120 * 0.027 * 0.7 ** 7, 13);
  });
});

describe("test statistics", () => {
  it("chiSquareDiscrete pools to expected ≥ 5, keeps total N, and gives X² = 0 for an exact sample", () => {
    // A sample whose counts equal the expectations exactly: Binomial(4, ½) × 16 000.
    const counts = [1, 4, 6, 4, 1].map((c) => c * 1000);
    const xs: number[] = [];
    counts.forEach((c, k) => {
      for (let i = 0; i < c; i++) xs.push(k);
    });
    const r = chiSquareDiscrete(xs, (k) => logBinomialPmf(k, 4, 0.5), 0, 4);
    expect(r.statistic).toBeCloseTo(0, 9);
    expect(r.pValue).toBeCloseTo(1, 9);
    expect(r.df).toBe(4);
    const r2 = chiSquareDiscrete(xs.slice(0, 40), (k) => logBinomialPmf(k, 4, 0.5), 0, 4);
    expect(r2.bins.every(([, , , e]) => e >= 5)).toBe(true);
    expect(r2.bins.reduce((a, [, , , e]) => a + e, 0)).toBeCloseTo(40, 9);
    expect(r2.bins.reduce((a, [, , o]) => a + o, 0)).toBe(40);
  });

  it("ksTest gives D = 1/(2n) for the exact mid-quantiles and D ≈ 1 for a shifted sample", () => {
    const n = 1000;
    const xs = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const r = ksTest(xs, (x) => Math.min(1, Math.max(0, x)));
    expect(r.statistic).toBeCloseTo(0.5 / n, 12);
    expect(r.pValue).toBeCloseTo(1, 9);
    const shifted = ksTest(xs.map((x) => x + 2), (x) => Math.min(1, Math.max(0, x)));
    expect(shifted.statistic).toBeCloseTo(1, 12);
    expect(shifted.pValue).toBeLessThan(1e-100);
  });
});
