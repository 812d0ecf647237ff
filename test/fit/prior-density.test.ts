/**
 * src/fit/prior-density.ts: each prior's density against values computed by hand, and against the
 * sampler's own quantiles (src/sim/priors.ts) — the mass the density puts between the 10 % and
 * 90 % quantiles is 0.8 (trapezoid rule).
 */
import { describe, expect, it } from "vitest";
import { densityCurve, priorDensity } from "../../src/fit/prior-density.js";
import { priorQuantile, type Prior } from "../../src/sim/priors.js";

function mass(prior: Prior, lo: number, hi: number, n = 20_000): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = lo + ((hi - lo) * i) / n;
    const b = lo + ((hi - lo) * (i + 1)) / n;
    s += ((priorDensity(prior, a)! + priorDensity(prior, b)!) / 2) * (b - a);
  }
  return s;
}

describe("prior densities", () => {
  it("match hand-computed values", () => {
    // Beta(2, 3): 1/B(2,3) = Γ(5)/(Γ(2)Γ(3)) = 24/2 = 12; f(0.5) = 12 · 0.5 · 0.5² = 1.5.
    expect(priorDensity({ dist: "beta", alpha: 2, beta: 3 }, 0.5)).toBeCloseTo(1.5, 12);
    // Lognormal at its median: 1/(m σ √(2π)) = 1/(2 · 0.5 · 2.5066283) = 0.39894228.
    expect(priorDensity({ dist: "lognormal", median: 2, sigma: 0.5 }, 2)).toBeCloseTo(0.39894228, 8);
    // Triangular(0, 1, 4): 2/(b−a) = 0.5 at the mode; at 3: 2(4−3)/(4·3) = 1/6.
    expect(priorDensity({ dist: "triangular", min: 0, mode: 1, max: 4 }, 1)).toBe(0.5);
    expect(priorDensity({ dist: "triangular", min: 0, mode: 1, max: 4 }, 3)).toBeCloseTo(1 / 6, 15);
    expect(priorDensity({ dist: "uniform", min: -1, max: 3 }, 0)).toBe(0.25);
    expect(priorDensity({ dist: "uniform", min: -1, max: 3 }, 3.5)).toBe(0);
    expect(priorDensity({ dist: "fixed" }, 1)).toBeNull();
  });
  it("put 80 % of the mass between the sampler's 10 % and 90 % quantiles", () => {
    const priors: [Prior, number][] = [
      [{ dist: "beta", alpha: 8, beta: 12 }, 0.4],
      [{ dist: "lognormal", median: 1, sigma: 0.3 }, 1],
      [{ dist: "triangular", min: 0.5, mode: 1, max: 3 }, 1],
      [{ dist: "uniform", min: -1.07, max: 0.93 }, 0],
    ];
    for (const [p, v] of priors) {
      // the beta's quantile is empirical (20 001 draws, error ≈ 1e-3)
      expect(mass(p, priorQuantile(p, v, 0.1), priorQuantile(p, v, 0.9))).toBeCloseTo(0.8, p.dist === "beta" ? 2 : 6);
    }
  });
  it("draws a curve over the prior's range, none for a fixed value", () => {
    const c = densityCurve({ dist: "lognormal", median: 1, sigma: 0.3 }, 1, 50);
    expect(c).toHaveLength(50);
    expect(c[0]!.x).toBeCloseTo(Math.exp(-0.3 * 2.5758293), 6); // the 0.5 % quantile
    expect(c.every((p) => Number.isFinite(p.density) && p.density >= 0)).toBe(true);
    expect(densityCurve({ dist: "fixed" }, 1)).toEqual([]);
    // Beta(3, 197): mean 0.015, sd √(3·197/(200²·201)) = √(591/8040000) = 0.00857365 → up to 0.015 + 6 sd = 0.0664419
    const b = densityCurve({ dist: "beta", alpha: 3, beta: 197 }, 0.015, 50);
    expect(b[0]!.x).toBe(0);
    expect(b[49]!.x).toBeCloseTo(0.0664419, 6);
    expect(densityCurve({ dist: "beta", alpha: 0.5, beta: 0.5 }, 0.5).every((p) => Number.isFinite(p.density))).toBe(true);
  });
});
