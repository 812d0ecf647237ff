/**
 * Log-scale normal and gamma tail probabilities for likelihoods with truncation and censoring,
 * where log S(x) is needed far into the tail (1 − F underflows or loses all digits in double).
 * Built on the project's own incomplete-gamma pieces (src/sim/quantiles.ts: Lanczos ln Γ, the
 * series and Lentz continued fraction, Numerical Recipes §6.2) rather than a package: they are
 * already tested there, and deterministic (detLog/detExp, fdlibm ports), so a fit made in the
 * browser equals the same fit in Node bit for bit.
 * Normal tails use Φ̄(z) = ½·Q(½, z²/2) for z > 0 (Abramowitz & Stegun 26.2.30 with 6.5.2).
 */
import { detExp, detLog, detLog1p } from "../sim/detmath.js";
import { gammaContinuedFraction, gammaSeriesSum, logGamma } from "../sim/quantiles.js";

const LN_HALF = detLog(0.5);

/** ln P(a, x), the log of the regularized lower incomplete gamma function (a > 0, x ≥ 0). */
export function logGammaP(a: number, x: number): number {
  if (x <= 0) return -Infinity;
  const lead = a * detLog(x) - x - logGamma(a);
  if (x < a + 1) return lead + detLog(gammaSeriesSum(a, x, 2000, 1e-16));
  return detLog1p(-detExp(lead) * gammaContinuedFraction(a, x, 2000, 1e-16));
}

/** ln Q(a, x) = ln(1 − P(a, x)), accurate in the upper tail. */
export function logGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * detLog(x) - x - logGamma(a);
  if (x < a + 1) return detLog1p(-detExp(lead) * gammaSeriesSum(a, x, 2000, 1e-16));
  return lead + detLog(gammaContinuedFraction(a, x, 2000, 1e-16));
}

/** P(a, x). */
export function gammaP(a: number, x: number): number {
  return detExp(logGammaP(a, x));
}

/** ln Φ̄(z) = ln P(Z > z), Z standard normal. */
export function logNormalSf(z: number): number {
  if (z === Infinity) return -Infinity;
  if (z === -Infinity) return 0;
  if (z > 0) return LN_HALF + logGammaQ(0.5, (z * z) / 2);
  return detLog1p(-0.5 * detExp(logGammaQ(0.5, (z * z) / 2)));
}

/** ln Φ(z). */
export function logNormalCdf(z: number): number {
  return logNormalSf(-z);
}

/** Φ(z). */
export function normalCdf(z: number): number {
  return detExp(logNormalCdf(z));
}

/** ln φ(z). */
export function logNormalPdf(z: number): number {
  return -0.5 * z * z - 0.5 * detLog(2 * Math.PI);
}
