import { describe, expect, it } from "vitest";
import { frequencyToScenario, logMeanSe, severityToScenario } from "../../src/fit/priors.js";
import { fitSeverity, logLikelihood } from "../../src/fit/severity/fit.js";
import { observations } from "../../src/fit/severity/records.js";
import { gammaDistribution, lognormalDistribution } from "../../src/fit/severity/families.js";
import { fitNegativeBinomial, fitPoisson } from "../../src/fit/frequency.js";
import { hessian, inverseSpd } from "../../src/fit/optimize.js";
import { assumptionSchema, claimsSchema } from "../../src/sim/scenario.js";
import { drawPrior } from "../../src/sim/priors.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { negativeBinomial } from "../../src/sim/samplers.js";
import { messageOf } from "../helpers/input-error.js";
import { draws, simulateClaims } from "./severity/simulate.js";

const recs = simulateClaims(5, 1200, draws.lognormal(8, 1.2), 1000, 50_000);

describe("severity fit → scenario claim field and severityScale prior", () => {
  it("lognormal: the field and the assumption are valid scenario objects", () => {
    const fit = fitSeverity(recs, "lognormal");
    const { field, severityScale } = severityToScenario(fit);
    expect(field).toEqual({ dist: "lognormal", median: Math.exp(fit.parameters.mu!), sigma: fit.parameters.sigma });
    const parsed = claimsSchema.parse({ frequency: 0.1, severityScale: "$severityScale", categories: [{ name: "all", weight: 1, claim: { amount: field } }] });
    expect(parsed.categories[0]!.claim.amount).toMatchObject(field);
    expect(assumptionSchema.parse(severityScale)).toMatchObject({ value: 1, prior: { dist: "lognormal", median: 1 } });
  });
  it("σ of the scale prior is se(ln E[X]), equal to a second method: the information of the fit reparametrised by (ln E[X], σ)", () => {
    const fit = fitSeverity(recs, "lognormal");
    const obs = observations(recs, 2);
    // ln E[X] = mu + σ²/2 ⇒ mu = m − σ²/2.
    const nll = ([m, s]: readonly number[]) => -logLikelihood(obs, lognormalDistribution(m! - (s! * s!) / 2, s!));
    const at = [fit.parameters.mu! + fit.parameters.sigma! ** 2 / 2, fit.parameters.sigma!];
    const cov = inverseSpd(hessian(nll, at))!;
    expect(logMeanSe(fit) / Math.sqrt(cov[0]![0]!)).toBeCloseTo(1, 3);
    expect(severityToScenario(fit).severityScale.prior).toEqual({ dist: "lognormal", median: 1, sigma: logMeanSe(fit) });
  });
  it("gamma: mean and cv; se(ln E[X]) equals the reparametrised (ln mean, shape) information", () => {
    const g = simulateClaims(6, 1200, draws.gamma(2, 3000), 1000, 20_000);
    const fit = fitSeverity(g, "gamma");
    const { field } = severityToScenario(fit);
    expect(field).toEqual({ dist: "gamma", mean: fit.parameters.shape! * fit.parameters.scale!, cv: 1 / Math.sqrt(fit.parameters.shape!) });
    const obs = observations(g, 2);
    const nll = ([m, k]: readonly number[]) => -logLikelihood(obs, gammaDistribution(k!, Math.exp(m!) / k!));
    const cov = inverseSpd(hessian(nll, [Math.log(fit.parameters.shape! * fit.parameters.scale!), fit.parameters.shape!]))!;
    expect(logMeanSe(fit) / Math.sqrt(cov[0]![0]!)).toBeCloseTo(1, 3);
  });
  it("Pareto: xm and alpha; a tail index ≤ 1 (no finite mean) is refused; the spliced model is refused", () => {
    const p = simulateClaims(7, 800, draws.pareto(500, 2.5), 1000, 50_000);
    expect(severityToScenario(fitSeverity(p, "pareto", { xm: 500 })).field).toMatchObject({ dist: "pareto", xm: 500 });
    const heavy = simulateClaims(8, 800, draws.pareto(500, 0.8), 1000, 1e7);
    expect(messageOf(() => severityToScenario(fitSeverity(heavy, "pareto", { xm: 500 })))).toMatch(/^fit\.alpha: outside what a scenario takes \(allowed: a tail index > 1 \(a finite mean\) and ≤ 100; got 0\.7/);
    const s = simulateClaims(9, 1500, draws.spliced(8, 1, 0.8, 2, 10_000), 1000, 200_000);
    expect(messageOf(() => severityToScenario(fitSeverity(s, "spliced", { threshold: 10_000 })))).toBe("fit.family: the spliced model has no claim field in a scenario (allowed: a lognormal, gamma or Pareto fit; got spliced)");
  });
  it("draws of the scale prior spread the mean claim by the fitted uncertainty", () => {
    const fit = fitSeverity(recs, "lognormal");
    const { severityScale } = severityToScenario(fit);
    const rng = Xoshiro128ss.derive("prior-draws", 1);
    const logs = Array.from({ length: 20000 }, () => Math.log(drawPrior(rng, severityScale.prior, 1)));
    const m = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / logs.length);
    expect(sd / logMeanSe(fit)).toBeCloseTo(1, 1);
  });
});

describe("frequency fit → scenario assumptions", () => {
  it("Poisson: value λ̂, lognormal prior median λ̂ and σ = 1/√(claims)", () => {
    const { frequency, dispersion } = frequencyToScenario(fitPoisson([{ count: 40, exposure: 500 }, { count: 60, exposure: 700 }]));
    expect(frequency.value).toBe(100 / 1200);
    expect(frequency.prior).toEqual({ dist: "lognormal", median: 100 / 1200, sigma: 0.1 });
    expect(dispersion).toBeUndefined();
    expect(assumptionSchema.parse(frequency).value).toBe(100 / 1200);
  });
  it("negative binomial: the dispersion assumption too, valid for claims.dispersion", () => {
    const rng = Xoshiro128ss.derive("nb-prior", 1);
    const recsN = Array.from({ length: 300 }, () => ({ exposure: 200, count: negativeBinomial(rng, 4, 4 / (4 + 10)) }));
    const fit = fitNegativeBinomial(recsN);
    const { frequency, dispersion } = frequencyToScenario(fit);
    expect(dispersion!.value).toBe(fit.dispersion);
    expect(dispersion!.prior).toEqual({ dist: "lognormal", median: fit.dispersion, sigma: fit.dispersionSe! / fit.dispersion! });
    assumptionSchema.parse(dispersion);
    expect(claimsSchema.parse({ frequency: "$f", dispersion: "$d", categories: [{ name: "a", weight: 1, claim: { amount: 100 } }] }).dispersion).toBe("$d");
    expect(frequency.prior).toMatchObject({ median: fit.lambda });
  });
});
