/**
 * Priors of assumptions: draw a value, and read a quantile (for one-at-a-time sensitivity).
 * The Prior type is the rules module's (src/rules/parameter.ts), so scheme parameters and
 * scenario assumptions share one vocabulary. Pure; runs in Node and the browser.
 */
import type { Prior } from "../rules/parameter.js";
import { Xoshiro128ss, type Rng } from "./rng.js";
import { detExp } from "./detmath.js";
import { beta as sampleBeta, standardNormal } from "./samplers.js";
import { InputError } from "../rules/input-error.js";
import { normalQuantile } from "./quantiles.js";

export type { Prior };

/**
 * Checks a prior's own parameters and that the point value lies in its support; `field` names the
 * assumption (errors name `<field>.prior` or `<field>.value`). Parameters must be finite.
 */
export function validatePrior(prior: Prior, value: number, field: string): void {
  const bad = (at: string, what: string, allowed: string, got: string): never => {
    throw new InputError(`${field}.${at}`, `${what} (allowed: ${allowed}; got ${got})`);
  };
  if (!Number.isFinite(value)) bad("value", "not a finite number", "a finite number", String(value));
  for (const [k, v] of Object.entries(prior)) if (k !== "dist" && !Number.isFinite(v)) bad(`prior.${k}`, "not a finite number", "a finite number", String(v));
  switch (prior.dist) {
    case "fixed":
      return;
    case "uniform":
      if (!(prior.min < prior.max)) bad("prior", "min must be below max", "min < max", `min ${prior.min}, max ${prior.max}`);
      if (value < prior.min || value > prior.max) bad("value", "outside its prior", `a number from ${prior.min} to ${prior.max} (the uniform prior)`, String(value));
      return;
    case "triangular":
      if (!(prior.min <= prior.mode && prior.mode <= prior.max && prior.min < prior.max)) {
        bad("prior", "min, mode and max out of order", "min ≤ mode ≤ max and min < max", `min ${prior.min}, mode ${prior.mode}, max ${prior.max}`);
      }
      if (value < prior.min || value > prior.max) bad("value", "outside its prior", `a number from ${prior.min} to ${prior.max} (the triangular prior)`, String(value));
      return;
    case "lognormal":
      if (!(prior.median > 0)) bad("prior.median", "out of range", "a number > 0", String(prior.median));
      if (!(prior.sigma > 0 && prior.sigma <= 5)) bad("prior.sigma", "out of range", "a number > 0 and ≤ 5", String(prior.sigma));
      if (!(value > 0)) bad("value", "outside its prior", "a number > 0 (the lognormal prior)", String(value));
      return;
    case "beta":
      if (!(prior.alpha > 0)) bad("prior.alpha", "out of range", "a number > 0", String(prior.alpha));
      if (!(prior.beta > 0)) bad("prior.beta", "out of range", "a number > 0", String(prior.beta));
      if (value < 0 || value > 1) bad("value", "outside its prior", "a number from 0 to 1 (the beta prior)", String(value));
      return;
  }
}

/**
 * The values an assumption's draws can take: [lo, hi]. A lognormal is unbounded above; for it
 * `practicalHi` is its 1 − 10⁻⁹ quantile (median · e^{6σ}), the bound checked against a field's
 * upper limit (a draw beyond is still refused, at run time).
 */
export function priorSupport(prior: Prior, value: number): { lo: number; hi: number; practicalHi: number } {
  switch (prior.dist) {
    case "fixed":
      return { lo: value, hi: value, practicalHi: value };
    case "uniform":
    case "triangular":
      return { lo: prior.min, hi: prior.max, practicalHi: prior.max };
    case "lognormal":
      return { lo: 0, hi: Infinity, practicalHi: prior.median * detExp(6 * prior.sigma) };
    case "beta":
      return { lo: 0, hi: 1, practicalHi: 1 };
  }
}

/** One draw from the prior; `fixed` returns the point value. */
export function drawPrior(rng: Rng, prior: Prior, value: number): number {
  switch (prior.dist) {
    case "fixed":
      return value;
    case "uniform":
      return prior.min + (prior.max - prior.min) * rng.uniform();
    case "triangular":
      return triangularQuantile(prior, rng.uniform());
    case "lognormal":
      return prior.median * detExp(prior.sigma * standardNormal(rng));
    case "beta":
      return sampleBeta(rng, prior.alpha, prior.beta);
  }
}

function triangularQuantile(p: { min: number; mode: number; max: number }, u: number): number {
  const { min, mode, max } = p;
  const f = (mode - min) / (max - min);
  return u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

const betaQuantileCache = new Map<string, Float64Array>();

/** The q-quantile of the prior (q in (0, 1)); `fixed` returns the point value. */
export function priorQuantile(prior: Prior, value: number, q: number): number {
  switch (prior.dist) {
    case "fixed":
      return value;
    case "uniform":
      return prior.min + (prior.max - prior.min) * q;
    case "triangular":
      return triangularQuantile(prior, q);
    case "lognormal":
      return prior.median * detExp(prior.sigma * normalQuantile(q));
    case "beta": {
      // No closed form: the empirical quantile of 20 001 draws from a fixed stream (error ≈ 1e-3).
      const key = `${prior.alpha},${prior.beta}`;
      let sorted = betaQuantileCache.get(key);
      if (!sorted) {
        const rng = Xoshiro128ss.derive("beta-quantile", prior.alpha, prior.beta);
        sorted = new Float64Array(20001);
        for (let i = 0; i < sorted.length; i++) sorted[i] = sampleBeta(rng, prior.alpha, prior.beta);
        sorted.sort();
        betaQuantileCache.set(key, sorted);
      }
      return sorted[Math.round(q * (sorted.length - 1))]!;
    }
  }
}
