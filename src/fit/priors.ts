/**
 * A chosen fit → the scenario's objects (src/sim/scenario.ts, read only): the claim field of the
 * fitted severity, and assumptions whose priors carry the fit's parameter uncertainty.
 *
 * - Severity: the family's claim field ({"dist": "lognormal", median, sigma}, {"dist": "gamma",
 *   mean, cv} or {"dist": "pareto", xm, alpha}), plus a `severityScale` assumption: value 1 and a
 *   lognormal prior with median 1 and σ = the standard error of ln E[X] (delta method on the
 *   fit's covariance). The scale multiplies every amount, so it moves the mean claim by the
 *   uncertainty the data leave in it; the shape is kept at its estimate (labelled in the
 *   rationale). Median 1 because the MLE of ln E[X] is asymptotically normal around the truth.
 *   The spliced model has no claim field in the scenario schema, so it is refused here.
 * - Frequency: an assumption with value λ̂ and a lognormal prior with median λ̂ and σ = se(λ̂)/λ̂
 *   (the delta-method standard error of ln λ̂); for a negative binomial fit also the dispersion
 *   (gamma frailty shape r, the scenario's claims.dispersion) the same way.
 */
import { InputError } from "../rules/input-error.js";
import { MAX_AMOUNT } from "../rules/input.js";
import { MAX_CV, MAX_DISPERSION, MAX_FREQUENCY, MAX_PARETO_ALPHA, MAX_SIGMA } from "../sim/limits.js";
import { detExp } from "../sim/detmath.js";
import type { Prior } from "../rules/parameter.js";
import type { SeverityFit } from "./severity/fit.js";
import type { FrequencyFit } from "./frequency.js";

export interface FittedAssumption {
  value: number;
  prior: Prior;
  label: { zh: string; en: string };
  rationale: string;
}

export type SeverityField = { dist: "lognormal"; median: number; sigma: number } | { dist: "gamma"; mean: number; cv: number } | { dist: "pareto"; xm: number; alpha: number };

const r6 = (v: number) => Number(v.toPrecision(6));

function check(field: string, v: number, ok: boolean, allowed: string): void {
  if (!ok || !Number.isFinite(v)) throw new InputError(field, `outside what a scenario takes (allowed: ${allowed}; got ${v})`);
}

/** Gradient of ln E[X] with respect to the fit's parameters (in the order of `fit.names`). */
export function logMeanGradient(fit: SeverityFit): number[] {
  const p = fit.parameters;
  switch (fit.family) {
    case "lognormal":
      return [1, p.sigma!];
    case "gamma":
      return [1 / p.shape!, 1 / p.scale!];
    case "pareto":
      return [1 / p.alpha! - 1 / (p.alpha! - 1)];
    case "spliced":
      throw new InputError("fit.family", "the spliced model has no claim field in a scenario (allowed: a lognormal, gamma or Pareto fit; got spliced)");
  }
}

/** Standard error of ln E[X] by the delta method. */
export function logMeanSe(fit: SeverityFit): number {
  if (!fit.covariance) throw new InputError("fit.covariance", "the fit has no covariance (a parameter at a boundary of its range) (allowed: a fit with a positive-definite information matrix)");
  const g = logMeanGradient(fit);
  let v = 0;
  for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) v += g[i]! * fit.covariance[i]![j]! * g[j]!;
  return Math.sqrt(v);
}

/** The claim field and the severityScale assumption of a severity fit. */
export function severityToScenario(fit: SeverityFit): { field: SeverityField; severityScale: FittedAssumption } {
  const p = fit.parameters;
  let field: SeverityField;
  switch (fit.family) {
    case "lognormal": {
      const median = detExp(p.mu!);
      check("fit.median", median, median > 0 && median <= MAX_AMOUNT, `a median > 0 and ≤ ${MAX_AMOUNT} 元`);
      check("fit.sigma", p.sigma!, p.sigma! > 0 && p.sigma! <= MAX_SIGMA, `sigma > 0 and ≤ ${MAX_SIGMA}`);
      field = { dist: "lognormal", median, sigma: p.sigma! };
      break;
    }
    case "gamma": {
      const mean = p.shape! * p.scale!;
      const cv = 1 / Math.sqrt(p.shape!);
      check("fit.mean", mean, mean > 0 && mean <= MAX_AMOUNT, `a mean > 0 and ≤ ${MAX_AMOUNT} 元`);
      check("fit.cv", cv, cv > 0 && cv <= MAX_CV, `a coefficient of variation > 0 and ≤ ${MAX_CV}`);
      field = { dist: "gamma", mean, cv };
      break;
    }
    case "pareto":
      check("fit.alpha", p.alpha!, p.alpha! > 1 && p.alpha! <= MAX_PARETO_ALPHA, `a tail index > 1 (a finite mean) and ≤ ${MAX_PARETO_ALPHA}`);
      check("fit.xm", fit.fixed, fit.fixed > 0 && fit.fixed <= MAX_AMOUNT, `xm > 0 and ≤ ${MAX_AMOUNT} 元`);
      field = { dist: "pareto", xm: fit.fixed, alpha: p.alpha! };
      break;
    case "spliced":
      logMeanGradient(fit); // throws
      throw new Error("unreachable");
  }
  const se = logMeanSe(fit);
  check("fit.logMeanSe", se, se > 0 && se <= MAX_SIGMA, `a standard error of ln E[X] > 0 and ≤ ${MAX_SIGMA}`);
  const params = fit.names.map((n) => `${n} ${r6(p[n]!)} ± ${r6(fit.standardErrors?.[n] ?? NaN)}`).join(", ");
  return {
    field,
    severityScale: {
      value: 1,
      prior: { dist: "lognormal", median: 1, sigma: se },
      label: { zh: "赔付金额水平（拟合不确定性）", en: "Claim amount level (fit uncertainty)" },
      rationale: `${fit.family} fitted by maximum likelihood to ${fit.n} claims (${fit.uncensored} below their limit; ${params}); prior: lognormal, median 1, sigma = standard error of ln E[X] = ${r6(se)} (delta method on the observed information); the shape is held at its estimate`,
    },
  };
}

/** The frequency assumption (and the dispersion for a negative binomial fit). */
export function frequencyToScenario(fit: FrequencyFit): { frequency: FittedAssumption; dispersion?: FittedAssumption } {
  check("fit.lambda", fit.lambda, fit.lambda > 0 && fit.lambda <= MAX_FREQUENCY, `claims per person-year > 0 and ≤ ${MAX_FREQUENCY}`);
  const s = fit.lambdaSe / fit.lambda;
  check("fit.lambdaSe", s, s > 0 && s <= MAX_SIGMA, `a relative standard error > 0 and ≤ ${MAX_SIGMA}`);
  const model = fit.model === "poisson" ? "Poisson" : "negative binomial";
  const frequency: FittedAssumption = {
    value: fit.lambda,
    prior: { dist: "lognormal", median: fit.lambda, sigma: s },
    label: { zh: "出险频率（拟合）", en: "Claim frequency (fitted)" },
    rationale: `${model} maximum likelihood: ${fit.claims} claims over ${r6(fit.exposure)} person-years in ${fit.records} records, ${r6(fit.lambda)} ± ${r6(fit.lambdaSe)} per person-year; prior: lognormal, median the estimate, sigma = se/estimate = ${r6(s)}`,
  };
  if (fit.model === "poisson") return { frequency };
  const r = fit.dispersion!;
  check("fit.dispersion", r, r > 0 && r <= MAX_DISPERSION, `a gamma shape > 0 and ≤ ${MAX_DISPERSION}`);
  const sr = fit.dispersionSe! / r;
  check("fit.dispersionSe", sr, sr > 0 && sr <= MAX_SIGMA, `a relative standard error > 0 and ≤ ${MAX_SIGMA}`);
  return {
    frequency,
    dispersion: {
      value: r,
      prior: { dist: "lognormal", median: r, sigma: sr },
      label: { zh: "频率离散度（伽马脆弱性形状，拟合）", en: "Frequency dispersion (gamma frailty shape, fitted)" },
      rationale: `negative binomial maximum likelihood on ${fit.records} count records: shape ${r6(r)} ± ${r6(fit.dispersionSe!)}; prior: lognormal, median the estimate, sigma = se/estimate = ${r6(sr)}`,
    },
  };
}
