/**
 * Unconstrained scale of an assumption's prior, for the random-walk moves of the sampler
 * (src/sim/posterior/smc.ts): a bounded prior (uniform, triangular on [min, max]; beta on [0, 1])
 * is moved on the logit of its position, a lognormal on the log. The log prior density on that
 * scale includes the Jacobian, so a walk there targets the prior on the original scale.
 * Deterministic math (detLog/detExp).
 */
import type { Prior } from "../priors.js";
import { detExp, detLog, detLog1p } from "../detmath.js";

export type FreePrior = Exclude<Prior, { dist: "fixed" }>;

function bounds(p: FreePrior): [number, number] {
  switch (p.dist) {
    case "uniform":
    case "triangular":
      return [p.min, p.max];
    case "beta":
      return [0, 1];
    case "lognormal":
      return [0, Infinity];
  }
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + detExp(-z)) : detExp(z) / (1 + detExp(z)));

/** x on the original scale → z (unconstrained). */
export function toFree(p: FreePrior, x: number): number {
  if (p.dist === "lognormal") return detLog(x);
  const [lo, hi] = bounds(p);
  const u = (x - lo) / (hi - lo);
  return detLog(u) - detLog1p(-u);
}

/** z → x. */
export function fromFree(p: FreePrior, z: number): number {
  if (p.dist === "lognormal") return detExp(z);
  const [lo, hi] = bounds(p);
  return lo + (hi - lo) * sigmoid(z);
}

/** log density of the prior on the z scale, up to a constant (−∞ outside the support). */
export function logPriorFree(p: FreePrior, z: number): number {
  if (!Number.isFinite(z)) return -Infinity;
  if (p.dist === "lognormal") {
    const d = (z - detLog(p.median)) / p.sigma;
    return -0.5 * d * d;
  }
  // log u + log(1 − u) is the Jacobian of u = sigmoid(z).
  const logU = -softplus(-z);
  const log1mU = -softplus(z);
  switch (p.dist) {
    case "uniform":
      return logU + log1mU;
    case "beta":
      return p.alpha * logU + p.beta * log1mU;
    case "triangular": {
      const x = fromFree(p, z);
      const f = x < p.mode ? (x - p.min) / (p.mode - p.min) : x > p.mode ? (p.max - x) / (p.max - p.mode) : 1;
      return f > 0 ? detLog(f) + logU + log1mU : -Infinity;
    }
  }
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + detLog1p(detExp(-x)) : detLog1p(detExp(x));
}
