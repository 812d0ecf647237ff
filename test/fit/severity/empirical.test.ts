import { describe, expect, it } from "vitest";
import { compareLev, conditioned, empiricalLev, empiricalSf, plotPoints, productLimit } from "../../../src/fit/severity/empirical.js";
import { fitSeverity } from "../../../src/fit/severity/fit.js";
import { lognormalDistribution } from "../../../src/fit/severity/families.js";
import { Xoshiro128ss } from "../../../src/sim/rng.js";
import { draws, simulateClaims } from "./simulate.js";

describe("product-limit estimator with truncation and censoring", () => {
  it("equals the empirical survival function and mean of min(x, u) for complete data", () => {
    const rng = Xoshiro128ss.derive("km", 1);
    const xs = Array.from({ length: 300 }, () => Math.round(rng.uniform() * 1000) + 1); // ties included
    const pl = productLimit(xs.map((amount) => ({ amount })));
    for (const x of [0, 1, 50, 333, 500.5, 999, 2000]) expect(empiricalSf(pl, x)).toBeCloseTo(xs.filter((v) => v > x).length / xs.length, 12);
    for (const u of [10, 400, 1500]) expect(empiricalLev(pl, u)).toBeCloseTo(xs.reduce((a, v) => a + Math.min(v, u), 0) / xs.length, 9);
  });
  it("matches a hand computation (risk set d < y_j ≤ y)", () => {
    const pl = productLimit([
      { amount: 1 },
      { amount: 2, limit: 2 }, // censored at 2
      { amount: 3, deductible: 1.5 },
      { amount: 4 },
      { amount: 5, deductible: 2.5 },
    ]);
    // t=1: 3 at risk → 2/3; t=3: 3 at risk → 4/9; t=4: 2 → 2/9; t=5: 1 → 0.
    expect(Array.from(pl.times)).toEqual([1, 3, 4, 5]);
    [2 / 3, 4 / 9, 2 / 9, 0].forEach((s, i) => expect(pl.survival[i]).toBeCloseTo(s, 14));
    // ∫₀^4.5 Ŝ = 1·1 + (2/3)·2 + (4/9)·1 + (2/9)·0.5 = 26/9.
    expect(empiricalLev(pl, 4.5)).toBeCloseTo(26 / 9, 14);
  });
  it("says nothing (null) past the largest record when that record is censored", () => {
    const pl = productLimit([{ amount: 1 }, { amount: 2 }, { amount: 3, limit: 3 }]);
    expect(empiricalLev(pl, 2.5)).toBeCloseTo(1 + (2 / 3) * 1 + (1 / 3) * 0.5, 14);
    expect(empiricalLev(pl, 4)).toBeNull();
  });
});

describe("fitted vs empirical", () => {
  const recs = simulateClaims(21, 4000, draws.lognormal(8, 1.2), 1000, 50_000);
  const fit = fitSeverity(recs, "lognormal");
  const pl = productLimit(recs);
  it("PP points lie near the diagonal and QQ points near the losses, for the true family", () => {
    const pts = plotPoints(pl, fit.distribution, 200);
    expect(pts.length).toBeLessThanOrEqual(200);
    expect(pts.length).toBeGreaterThan(150);
    for (const p of pts) {
      expect(Math.abs(p.fitted - p.empirical)).toBeLessThan(0.03);
      if (p.empirical > 0.05 && p.empirical < 0.9) expect(Math.abs(Math.log(p.fittedQuantile / p.x))).toBeLessThan(0.1);
    }
  });
  it("limited expected values agree at a deductible and a cap within the data", () => {
    for (const c of compareLev(pl, fit.distribution, [2000, 20_000])) expect(c.empirical! / c.fitted).toBeCloseTo(1, 1);
    // … and the conditioned distribution starts at d0 = 0 here, so it is the distribution itself.
    expect(conditioned(fit.distribution, 0).lev(20_000)).toBe(fit.distribution.lev(20_000));
  });
  it("conditioning on X > d0: cdf is 0 at d0, the quantile inverts it, LEV counts d0", () => {
    const d = lognormalDistribution(8, 1);
    const c = conditioned(d, 1500);
    expect(c.cdf(1500)).toBe(0);
    expect(c.cdf(c.quantile(0.4))).toBeCloseTo(0.4, 10);
    // E[min(X, u) | X > d] = d + (LEV(u) − LEV(d)) / S(d)
    expect(c.lev(5000)).toBeCloseTo(1500 + (d.lev(5000) - d.lev(1500)) / (1 - d.cdf(1500)), 8);
  });
});
