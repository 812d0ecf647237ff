import { describe, expect, it } from "vitest";
import { akaikeWeights, compareFits, fitSeverity, likelihoodFunction, logLikelihood, profileThreshold } from "../../../src/fit/severity/fit.js";
import { observations, type ClaimRecord } from "../../../src/fit/severity/records.js";
import { FAMILY, gammaDistribution, lognormalDistribution, paretoDistribution, splicedDistribution } from "../../../src/fit/severity/families.js";
import { messageOf } from "../../helpers/input-error.js";
import { lgamma, normalCdf, regularizedGammaP, regularizedGammaQ } from "../../helpers/stats-tests.js";
import { draws, simulateClaims } from "./simulate.js";

const SEEDS = [1, 2, 3, 4, 5];

/** Every parameter within 3 standard errors of the truth; returns the z-scores. */
function expectRecovered(fit: ReturnType<typeof fitSeverity>, truth: Record<string, number>): number[] {
  expect(fit.standardErrors).not.toBeNull();
  return Object.entries(truth).map(([k, v]) => {
    const z = (fit.parameters[k]! - v) / fit.standardErrors![k]!;
    expect(Math.abs(z), `${fit.family}.${k}: ${fit.parameters[k]} ± ${fit.standardErrors![k]} vs ${v}`).toBeLessThan(3);
    return z;
  });
}

describe("severity fit recovers known parameters from truncated and censored data", () => {
  it("lognormal(8, 1.2), deductible 1000, limit 50 000", () => {
    const zs = SEEDS.flatMap((s) => expectRecovered(fitSeverity(simulateClaims(s, 1500, draws.lognormal(8, 1.2), 1000, 50_000), "lognormal"), { mu: 8, sigma: 1.2 }));
    // Not all z-scores are tiny (the standard errors are not wildly too large) …
    expect(Math.max(...zs.map(Math.abs))).toBeGreaterThan(0.5);
  });
  it("gamma(2, 3000), deductible 1000, limit 20 000", () => {
    for (const s of SEEDS) expectRecovered(fitSeverity(simulateClaims(s, 1500, draws.gamma(2, 3000), 1000, 20_000), "gamma"), { shape: 2, scale: 3000 });
  });
  it("Pareto type I (xm 500, alpha 2.5), deductible 1000, limit 50 000", () => {
    for (const s of SEEDS) expectRecovered(fitSeverity(simulateClaims(s, 1500, draws.pareto(500, 2.5), 1000, 50_000), "pareto", { xm: 500 }), { alpha: 2.5 });
  });
  it("spliced lognormal(8, 1) body with weight 0.8 + Pareto(2) tail above 10 000, deductible 1000, limit 200 000", () => {
    for (const s of SEEDS) {
      const fit = fitSeverity(simulateClaims(s, 2000, draws.spliced(8, 1, 0.8, 2, 10_000), 1000, 200_000), "spliced", { threshold: 10_000 });
      expectRecovered(fit, { mu: 8, sigma: 1, w: 0.8, alpha: 2 });
    }
  });
  it("standard errors match the spread of estimates across 40 seeds (lognormal mu and sigma)", () => {
    const zs: number[][] = [];
    for (let s = 100; s < 140; s++) {
      const f = fitSeverity(simulateClaims(s, 600, draws.lognormal(8, 1.2), 1000, 50_000), "lognormal");
      zs.push([(f.parameters.mu! - 8) / f.standardErrors!.mu!, (f.parameters.sigma! - 1.2) / f.standardErrors!.sigma!]);
    }
    for (const j of [0, 1]) {
      const c = zs.map((z) => z[j]!);
      const m = c.reduce((a, b) => a + b, 0) / c.length;
      const sd = Math.sqrt(c.reduce((a, b) => a + (b - m) ** 2, 0) / (c.length - 1));
      // z-scores of an efficient estimator with correct standard errors: mean ≈ 0, sd ≈ 1
      // (sd of a sample sd from 40 draws ≈ 0.11, so 0.7–1.3 is about ±3 of its standard error).
      expect(Math.abs(m)).toBeLessThan(0.5);
      expect(sd).toBeGreaterThan(0.7);
      expect(sd).toBeLessThan(1.3);
    }
  });
});

// A small data set for hand-written log-likelihoods: exact, truncated, censored and net records.
const SMALL: ClaimRecord[] = [
  { amount: 800 },
  { amount: 2500 },
  { amount: 1500, deductible: 1000 },
  { amount: 700, deductible: 1000, deductibleApplied: true }, // ground-up 1700
  { amount: 10_000, limit: 10_000 }, // censored
  { amount: 4000, deductible: 500, limit: 10_000 },
];

describe("log-likelihood equals an independent computation", () => {
  it("lognormal: hand-written with simple-statistics' erf", () => {
    const mu = 7.5;
    const s = 0.9;
    const lpdf = (x: number) => -Math.log(x * s * Math.sqrt(2 * Math.PI)) - (Math.log(x) - mu) ** 2 / (2 * s * s);
    const sf = (x: number) => 1 - normalCdf((Math.log(x) - mu) / s);
    const hand = lpdf(800) + lpdf(2500) + lpdf(1500) - Math.log(sf(1000)) + lpdf(1700) - Math.log(sf(1000)) + Math.log(sf(10_000)) + lpdf(4000) - Math.log(sf(500));
    const ll = logLikelihood(observations(SMALL, 2), lognormalDistribution(mu, s));
    expect(ll).toBeCloseTo(hand, 5);
  });
  it("gamma: hand-written with an independent incomplete gamma", () => {
    const k = 1.7;
    const th = 1800;
    const lpdf = (x: number) => (k - 1) * Math.log(x) - x / th - k * Math.log(th) - lgamma(k);
    const lsf = (x: number) => Math.log(regularizedGammaQ(k, x / th));
    const hand = lpdf(800) + lpdf(2500) + lpdf(1500) - lsf(1000) + lpdf(1700) - lsf(1000) + lsf(10_000) + lpdf(4000) - lsf(500);
    expect(logLikelihood(observations(SMALL, 2), gammaDistribution(k, th))).toBeCloseTo(hand, 8);
  });
  it("Pareto: the MLE and its standard error are the closed forms α̂ = m / Σ ln(y/max(xm, d)), se = α̂/√m", () => {
    const recs = simulateClaims(9, 400, draws.pareto(300, 1.8), 1000, 30_000);
    const fit = fitSeverity(recs, "pareto", { xm: 300 });
    const obs = observations(recs, 1);
    let s = 0;
    for (let i = 0; i < obs.n; i++) s += Math.log(obs.y[i]! / Math.max(300, obs.d[i]!));
    const alpha = obs.uncensored / s;
    expect(fit.parameters.alpha).toBeCloseTo(alpha, 6);
    expect(fit.standardErrors!.alpha! / (alpha / Math.sqrt(obs.uncensored))).toBeCloseTo(1, 4);
    expect(fit.aic).toBeCloseTo(2 - 2 * fit.logLikelihood, 10);
  });
  it("spliced: density integrates to 1, cdf(t) = w, and ln L matches numerically integrated survival", () => {
    const d = splicedDistribution(7.8, 0.8, 0.7, 2.2, 6000);
    expect(d.cdf(6000)).toBeCloseTo(0.7, 12);
    // ∫ pdf over (0, ∞) in log space: x = e^v, dx = x dv.
    const integrate = (f: (x: number) => number, a: number, b: number, n = 20000) => {
      const la = Math.log(a);
      const h = (Math.log(b) - la) / n;
      let s = 0;
      for (let i = 0; i <= n; i++) {
        const x = Math.exp(la + i * h);
        s += (i === 0 || i === n ? 0.5 : 1) * f(x) * x;
      }
      return s * h;
    };
    // The density jumps at t: integrate each side up to (or from just past) it.
    const tPlus = 6000 * (1 + 1e-12);
    expect(integrate(d.pdf, 1e-3, 6000) + integrate(d.pdf, tPlus, 1e12)).toBeCloseTo(1, 6);
    const sfNum = (x: number) => (x < 6000 ? integrate(d.pdf, x, 6000) + integrate(d.pdf, tPlus, 1e12) : integrate(d.pdf, x * (1 + 1e-12), 1e12));
    const lsf = (x: number) => Math.log(sfNum(x));
    const lpdf = (x: number) => Math.log(d.pdf(x));
    const hand = lpdf(800) + lpdf(2500) + lpdf(1500) - lsf(1000) + lpdf(1700) - lsf(1000) + lsf(10_000) + lpdf(4000) - lsf(500);
    expect(logLikelihood(observations(SMALL, 4), d)).toBeCloseTo(hand, 4);
  });
});

describe("the fast likelihood (sufficient statistics, grouped limits and deductibles) equals the record-by-record sum", () => {
  const data = [...SMALL, ...simulateClaims(4, 300, draws.spliced(8, 1, 0.8, 2, 10_000), 1000, 30_000)];
  const obs = observations(data, 4);
  const at = { lognormal: [7.9, 1.1], gamma: [1.4, 4000], pareto: [1.9], spliced: [7.7, 0.9, 0.75, 2.1] } as const;
  for (const [family, theta] of Object.entries(at)) {
    it(family, () => {
      const spec = FAMILY[family as keyof typeof at];
      const xm = Math.min(...obs.y);
      const fixed = family === "pareto" ? xm : 10_000;
      const fast = likelihoodFunction(obs, spec, fixed)(theta);
      expect(fast).toBeCloseTo(logLikelihood(obs, spec.make(theta, fixed)), 7);
      const fit = fitSeverity(data, spec.id, { xm, threshold: 10_000 });
      expect(fit.logLikelihood).toBeCloseTo(logLikelihood(obs, fit.distribution), 7);
    });
  }
});

describe("fitted functions", () => {
  const cases = [
    ["lognormal", lognormalDistribution(8, 1.1)],
    ["gamma", gammaDistribution(2.3, 1500)],
    ["pareto", paretoDistribution(400, 2.6)],
    ["spliced", splicedDistribution(7.8, 0.8, 0.7, 2.2, 6000)],
  ] as const;
  for (const [name, d] of cases) {
    it(`${name}: quantile inverts cdf, LEV(u) = ∫₀ᵘ S(x) dx (numerical), LEV(∞) = mean`, () => {
      for (const p of [0.01, 0.3, 0.5, 0.7, 0.99]) expect(d.cdf(d.quantile(p))).toBeCloseTo(p, 8);
      for (const u of [300, 2000, 6000, 20_000]) {
        const n = 40000;
        const h = u / n;
        let s = 0;
        for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 0.5 : 1) * (1 - d.cdf(i * h));
        expect(d.lev(u) / (s * h)).toBeCloseTo(1, 5);
      }
      expect(d.lev(Infinity)).toBe(d.mean);
      expect(d.lev(1e9) / d.mean).toBeCloseTo(1, 2);
    });
  }
  it("gamma cdf agrees with an independent incomplete gamma", () => {
    const d = gammaDistribution(2.3, 1500);
    for (const x of [100, 3000, 20_000]) expect(d.cdf(x)).toBeCloseTo(regularizedGammaP(2.3, x / 1500), 12);
  });
});

describe("comparing fits", () => {
  it("AIC prefers the family the data came from; Akaike weights sum to 1", () => {
    const recs = simulateClaims(11, 1500, draws.lognormal(8, 1.2), 1000, 50_000);
    const fits = compareFits(recs, ["gamma", "lognormal", "pareto"]);
    expect(fits[0]!.family).toBe("lognormal");
    const w = akaikeWeights(fits);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(w[0]).toBeGreaterThan(0.99);
  });
  it("the spliced threshold's profile likelihood peaks at the true threshold; a threshold past the data is skipped with its reason", () => {
    for (const seed of [1, 2, 3]) {
      const recs = simulateClaims(seed, 2000, draws.spliced(8, 1, 0.8, 2, 10_000), 1000, 200_000);
      const p = profileThreshold(recs, [5000, 7000, 10_000, 14_000, 20_000, 1e7]);
      expect(p.fits.map((f) => f.fixed)[0]).toBe(10_000);
      expect(p.fits).toHaveLength(5);
      expect(p.skipped).toEqual([{ threshold: 1e7, reason: expect.stringMatching(/^threshold: leaves too few exact claims on one side/) }]);
    }
  });
  it("each family's transform round-trips", () => {
    for (const f of Object.values(FAMILY)) {
      const theta = f.names.map((n) => (n === "w" ? 0.3 : n === "mu" ? 7 : 1.7));
      f.fromFree(f.toFree(theta)).forEach((v, i) => expect(v).toBeCloseTo(theta[i]!, 12));
    }
  });
});

describe("bad input → one-line InputError naming the field and the allowed range", () => {
  const ok = simulateClaims(3, 50, draws.lognormal(8, 1), 0, 1e6);
  it.each([
    ["a negative amount", [...ok, { amount: -5 }], "claims[50].amount: not an amount (allowed: a number > 0"],
    ["a non-finite amount", [...ok, { amount: Number.NaN }], "claims[50].amount: not an amount"],
    ["an infinite amount", [...ok, { amount: Infinity }], "claims[50].amount: not an amount"],
    ["a deductible above the limit", [...ok, { amount: 10, deductible: 500, deductibleApplied: true, limit: 400 }], "claims[50].limit: not a limit above the deductible (allowed: a number > the deductible 500"],
    ["an amount at the deductible", [...ok, { amount: 500, deductible: 500 }], "claims[50].amount: at or below its deductible 500"],
    ["an amount above its limit", [...ok, { amount: 900, limit: 800 }], "claims[50].amount: above its limit"],
    ["a negative deductible", [...ok, { amount: 900, deductible: -1 }], "claims[50].deductible: not a deductible (allowed: a number ≥ 0"],
  ] as const)("%s", (_, recs, msg) => {
    const m = messageOf(() => fitSeverity(recs as unknown as ClaimRecord[], "lognormal"));
    expect(m.startsWith(msg), m).toBe(true);
    expect(m).not.toMatch(/\n/);
  });
  it("fewer records than parameters", () => {
    expect(messageOf(() => fitSeverity([{ amount: 100 }, { amount: 200 }], "lognormal"))).toBe("claims: too few claims below their limit to fit 2 parameters (allowed: at least 3; got 2)");
  });
  it("all censored", () => {
    expect(messageOf(() => fitSeverity([{ amount: 100, limit: 100 }, { amount: 200, limit: 200 }, { amount: 50, limit: 50 }], "gamma"))).toBe("claims: all 3 claims are censored at their limit (allowed: at least 3 claims below their limit)");
  });
  it("a spliced fit without a threshold, and an unknown family", () => {
    expect(messageOf(() => fitSeverity(ok, "spliced"))).toMatch(/^threshold: not a splice threshold \(allowed: a number > 0/);
    expect(messageOf(() => fitSeverity(ok, "weibull" as never))).toMatch(/^family: not a severity family \(allowed: lognormal, gamma, pareto, spliced/);
  });
});
