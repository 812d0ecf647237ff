/** Test helper: simulated claim records with a deductible (left truncation) and a limit (right censoring). */
import { Xoshiro128ss } from "../../../src/sim/rng.js";
import { gamma, lognormal, pareto } from "../../../src/sim/samplers.js";
import type { Rng } from "../../../src/sim/rng.js";
import type { ClaimRecord } from "../../../src/fit/severity/records.js";
import { splicedDistribution } from "../../../src/fit/severity/families.js";

export type Draw = (rng: Rng) => number;

export const draws = {
  lognormal: (mu: number, sigma: number): Draw => (rng) => lognormal(rng, mu, sigma),
  gamma: (shape: number, scale: number): Draw => (rng) => gamma(rng, shape, scale),
  pareto: (xm: number, alpha: number): Draw => (rng) => pareto(rng, xm, alpha),
  /** By inversion of the spliced distribution's quantile function. */
  spliced: (mu: number, sigma: number, w: number, alpha: number, t: number): Draw => {
    const d = splicedDistribution(mu, sigma, w, alpha, t);
    return (rng) => d.quantile(rng.uniform());
  },
};

/**
 * `n` reported claims: losses drawn until n exceed their record's deductible (half the records
 * have deductible `deductible`, the others none; every other truncated record is given net of the
 * deductible), each capped at `limit` (recorded at the limit, censored).
 */
export function simulateClaims(seed: number, n: number, draw: Draw, deductible: number, limit: number): ClaimRecord[] {
  const rng = Xoshiro128ss.derive("fit-test", seed);
  const out: ClaimRecord[] = [];
  let k = 0;
  while (out.length < n) {
    const x = draw(rng);
    const ded = k % 2 === 0 ? deductible : 0;
    k++;
    if (x <= ded) continue;
    const ground = Math.min(x, limit);
    const net = out.length % 4 === 0 && ded > 0;
    out.push({ amount: net ? ground - ded : ground, deductible: ded, deductibleApplied: net, limit });
  }
  return out;
}
