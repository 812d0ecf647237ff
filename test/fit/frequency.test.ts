import { describe, expect, it } from "vitest";
import { fitNegativeBinomial, fitPoisson, negativeBinomialLogPmf } from "../../src/fit/frequency.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { negativeBinomial, poisson } from "../../src/sim/samplers.js";
import { messageOf } from "../helpers/input-error.js";
import { lgamma, logNegativeBinomialPmf, logPoissonPmf } from "../helpers/stats-tests.js";

describe("Poisson frequency from exposure", () => {
  it("λ̂ = count / exposure, se = √count / exposure, ln L by hand", () => {
    const recs = [
      { count: 3, exposure: 120.5 },
      { count: 0, exposure: 40 },
      { count: 12, exposure: 300 },
    ];
    const f = fitPoisson(recs);
    expect(f.lambda).toBe(15 / 460.5);
    expect(f.lambdaSe).toBeCloseTo(Math.sqrt(15) / 460.5, 15);
    const hand = recs.reduce((s, r) => s + logPoissonPmf(r.count, f.lambda * r.exposure), 0);
    expect(f.logLikelihood).toBeCloseTo(hand, 9);
    expect(f.aic).toBeCloseTo(2 - 2 * hand, 8);
  });
  it("recovers λ from simulated counts within its standard error (5 seeds)", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = Xoshiro128ss.derive("freq", seed);
      const recs = Array.from({ length: 200 }, (_, i) => ({ exposure: 50 + (i % 7) * 30, count: 0 }));
      for (const r of recs) r.count = poisson(rng, 0.08 * r.exposure);
      const f = fitPoisson(recs);
      expect(Math.abs(f.lambda - 0.08) / f.lambdaSe).toBeLessThan(3);
    }
  });
});

describe("negative binomial frequency from exposure", () => {
  it("log pmf agrees with an independent one (r, p parametrisation)", () => {
    for (const [k, mu, r] of [[0, 2, 1.5], [5, 3.2, 0.7], [40, 25, 12]] as const) {
      expect(negativeBinomialLogPmf(k, mu, r)).toBeCloseTo(logNegativeBinomialPmf(k, r, r / (r + mu)), 9);
    }
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 12);
  });
  it("with equal exposures λ̂ is the closed form mean count / exposure", () => {
    const rng = Xoshiro128ss.derive("freq-nb-eq", 1);
    const recs = Array.from({ length: 300 }, () => ({ exposure: 100, count: negativeBinomial(rng, 2, 2 / (2 + 8)) }));
    const f = fitNegativeBinomial(recs);
    expect(f.lambda).toBeCloseTo(recs.reduce((s, r) => s + r.count, 0) / (300 * 100), 7);
  });
  it("recovers λ and the dispersion r of the engine's gamma frailty within their standard errors (5 seeds)", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = Xoshiro128ss.derive("freq-nb", seed);
      const r = 3;
      const recs = Array.from({ length: 400 }, (_, i) => {
        const exposure = 80 + (i % 5) * 40;
        const mu = 0.05 * exposure;
        return { exposure, count: negativeBinomial(rng, r, r / (r + mu)) };
      });
      const f = fitNegativeBinomial(recs);
      expect(Math.abs(f.lambda - 0.05) / f.lambdaSe).toBeLessThan(3);
      expect(Math.abs(f.dispersion! - r) / f.dispersionSe!).toBeLessThan(3);
      expect(f.aic).toBeLessThan(fitPoisson(recs).aic);
    }
  });
  it("refuses counts with no over-dispersion, naming the field and advising Poisson", () => {
    const recs = Array.from({ length: 20 }, () => ({ count: 5, exposure: 10 }));
    expect(messageOf(() => fitNegativeBinomial(recs))).toMatch(/^counts: not over-dispersed: .*\(allowed: .*fit Poisson instead; got/);
  });
});

describe("bad input", () => {
  it.each([
    [[{ count: -1, exposure: 3 }], "counts[0].count: not a claim count (allowed: an integer ≥ 0; got -1)"],
    [[{ count: 1.5, exposure: 3 }], "counts[0].count: not a claim count (allowed: an integer ≥ 0; got 1.5)"],
    [[{ count: 1, exposure: 0 }], "counts[0].exposure: not an exposure (allowed: person-years > 0 and < 1e12; got 0)"],
    [[{ count: 1, exposure: Number.NaN }], "counts[0].exposure: not an exposure (allowed: person-years > 0 and < 1e12; got NaN)"],
    [[{ count: 0, exposure: 5 }], "counts: no claims in 1 records (allowed: at least one claim, so the frequency is above 0)"],
    [[], "counts: too few count records (allowed: at least 1 records of {count, exposure}; got 0)"],
  ])("%j", (recs, msg) => {
    expect(messageOf(() => fitPoisson(recs))).toBe(msg);
  });
});
