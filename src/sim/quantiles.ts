/**
 * Quantile functions used to build claim quadratures and by the person oracle (inversion).
 * Hand-written because simple-statistics' `probit` is a coarse approximation (probit(0.001)
 * = −3.0801 instead of −3.0902, 0.3 % off in the tail, which shifts lognormal tail quantiles by
 * ~1 %); Acklam's rational approximation is accurate to 1.15e-9 relative.
 * Uses detLog (an fdlibm port) so the result is bit-identical in Node and browsers.
 */
import { detExp, detLog } from "./detmath.js";

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Standard normal quantile Φ⁻¹(p), p in (0, 1) (P. J. Acklam's algorithm). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile: p must be in (0, 1), got ${p}`);
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * detLog(p));
    return (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * detLog(1 - p));
    return -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). Deterministic math only. */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - detLog(x); // Γ(x) = Γ(x + 1) / x
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * detLog(2 * Math.PI) + (z + 0.5) * detLog(t) - t + detLog(a);
}

/**
 * The series Σ xⁿ / (a (a+1) … (a+n)) of the regularized incomplete gamma function:
 * P(a, x) = e^{a ln x − x − ln Γ(a)} × the sum (converges fast for x < a + 1).
 */
export function gammaSeriesSum(a: number, x: number, maxTerms: number, tolerance: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < maxTerms; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * tolerance) break;
  }
  return sum;
}

/**
 * Lentz's continued fraction of the regularized upper incomplete gamma function:
 * Q(a, x) = e^{a ln x − x − ln Γ(a)} × the fraction (converges fast for x ≥ a + 1).
 */
export function gammaContinuedFraction(a: number, x: number, maxTerms: number, tolerance: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxTerms; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < tolerance) break;
  }
  return h;
}

/** The regularized lower incomplete gamma function P(a, x) (series / continued fraction). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * detLog(x) - x - logGamma(a);
  if (x < a + 1) return gammaSeriesSum(a, x, 1000, 1e-16) * detExp(lead);
  return 1 - detExp(lead) * gammaContinuedFraction(a, x, 1000, 1e-16);
}

/**
 * Quantile of the standard gamma distribution with shape a (scale 1), u in (0, 1): a starting
 * point from Wilson–Hilferty (or the small-x series when a < 1), then safeguarded Newton steps on
 * P(a, x) − u to a relative 1e-12.
 */
export function gammaQuantile(a: number, u: number): number {
  if (!(a > 0 && a < Infinity)) throw new Error(`gammaQuantile: shape must be a finite number > 0, got ${a}`);
  if (!(u > 0 && u < 1)) throw new Error(`gammaQuantile: u must be in (0, 1), got ${u}`);
  const lg = logGamma(a);
  let x: number;
  if (a < 1) {
    x = detExp((detLog(u) + detLog(a) + lg) / a); // P(a, x) ≈ x^a / (a Γ(a)) for small x
  } else {
    const z = normalQuantile(u);
    const v = 1 / (9 * a);
    const t = 1 - v + z * Math.sqrt(v);
    x = Math.max(1e-3, a * t * t * t);
  }
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 100; i++) {
    const f = gammaP(a, x) - u;
    if (f > 0) hi = x;
    else lo = x;
    const density = detExp((a - 1) * detLog(x) - x - lg);
    let next = density > 0 ? x - f / density : NaN;
    if (!(next > lo && next < hi)) next = hi === Infinity ? Math.max(2 * x, x + 1) : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-12 * x) return next;
    x = next;
  }
  return x;
}
