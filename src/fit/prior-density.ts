/**
 * The density of an assumption's prior (the priors of src/sim/priors.ts: uniform, triangular,
 * lognormal by its median, beta; a fixed value has none) and the points that draw it: the
 * "我的情景 My scenario" page shows each prior as a small curve while its centre and width are
 * edited (issue 14). Closed forms (Loss Models, 4th ed., Appendix A; the triangular and uniform
 * by their definitions); ln Γ is the engine's Lanczos (src/sim/quantiles.ts), a lognormal is
 * drawn between the sampler's own 0.5 % and 99.5 % quantiles (src/sim/priors.ts, priorQuantile).
 */
import type { Prior } from "../rules/parameter.js";
import { priorQuantile } from "../sim/priors.js";
import { logGamma } from "../sim/quantiles.js";

/** f(x) of the prior; 0 outside its support. A fixed prior has no density (null). */
export function priorDensity(prior: Prior, x: number): number | null {
  switch (prior.dist) {
    case "fixed":
      return null;
    case "uniform":
      return x >= prior.min && x <= prior.max ? 1 / (prior.max - prior.min) : 0;
    case "triangular": {
      const { min: a, mode: c, max: b } = prior;
      if (x < a || x > b) return 0;
      if (x < c) return (2 * (x - a)) / ((b - a) * (c - a));
      if (x > c) return (2 * (b - x)) / ((b - a) * (b - c));
      return 2 / (b - a);
    }
    case "lognormal": {
      if (!(x > 0)) return 0;
      const z = (Math.log(x) - Math.log(prior.median)) / prior.sigma;
      return Math.exp(-0.5 * z * z) / (x * prior.sigma * Math.sqrt(2 * Math.PI));
    }
    case "beta": {
      const { alpha: a, beta: b } = prior;
      if (x < 0 || x > 1) return 0;
      if ((x === 0 && a < 1) || (x === 1 && b < 1)) return Infinity;
      const lnB = logGamma(a) + logGamma(b) - logGamma(a + b);
      const la = a === 1 ? 0 : (a - 1) * Math.log(x);
      const lb = b === 1 ? 0 : (b - 1) * Math.log(1 - x);
      return Math.exp(la + lb - lnB);
    }
  }
}

/**
 * `n` points (x, density) across the prior's support — for a lognormal its 0.5 %…99.5 %
 * quantiles, for a beta its mean ± 6 standard deviations within [0, 1] — for a curve; a fixed prior gives none. Infinite densities at a beta's
 * edges are left out.
 */
export function densityCurve(prior: Prior, value: number, n = 80): { x: number; density: number }[] {
  if (prior.dist === "fixed") return [];
  const [lo, hi] = prior.dist === "lognormal" ? [priorQuantile(prior, value, 0.005), priorQuantile(prior, value, 0.995)] : prior.dist === "beta" ? betaRange(prior.alpha, prior.beta) : [prior.min, prior.max];
  const out: { x: number; density: number }[] = [];
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    const d = priorDensity(prior, x)!;
    if (Number.isFinite(d)) out.push({ x, density: d });
  }
  return out;
}

/** A beta's mean ± 6 standard deviations, within [0, 1] (mean a/(a+b), variance ab/((a+b)²(a+b+1))). */
function betaRange(a: number, b: number): [number, number] {
  const m = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  return [Math.max(0, m - 6 * sd), Math.min(1, m + 6 * sd)];
}
