/**
 * Goodness-of-fit helpers shared by the sampler and engine tests (test-only, not part of the engine):
 * chi-square against an exact pmf with pooled bins, one-sample Kolmogorov–Smirnov against an
 * exact CDF, and the special functions they need.
 *
 * log Γ comes from simple-statistics (`gammaln`, Lanczos, ~1e-15 relative) — deliberately not
 * from src/sim/detmath.ts, so that pmfs used as test oracles are independent of the code under test.
 * erf also comes from simple-statistics (`errorFunction`, |error| < 1.2e-7).
 */
import { errorFunction, gammaln } from "simple-statistics";

export const lgamma: (x: number) => number = gammaln;

// ---------------------------------------------------------------------------------------------
// Special functions
// ---------------------------------------------------------------------------------------------

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a): series for x < a + 1, Lentz's
 * continued fraction for the complement otherwise (Numerical Recipes §6.2). ~1e-14 relative.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new Error(`regularizedGammaP: a must be > 0, got ${a}`);
  if (!(x >= 0)) throw new Error(`regularizedGammaP: x must be ≥ 0, got ${x}`);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed without cancellation. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new Error(`regularizedGammaQ: a must be > 0, got ${a}`);
  if (!(x >= 0)) throw new Error(`regularizedGammaQ: x must be ≥ 0, got ${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < 100000; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - gammaln(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - gammaln(a)) * h;
}

/** P(X² ≥ x) for a chi-square with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return regularizedGammaQ(df / 2, x / 2);
}

/** Standard normal CDF from simple-statistics' erf (|error| < 1e-7). */
export function normalCdf(x: number): number {
  return 0.5 * (1 + errorFunction(x / Math.SQRT2));
}

/** CDF of Gamma(shape, scale). */
export function gammaCdf(x: number, shape: number, scale: number): number {
  return x <= 0 ? 0 : regularizedGammaP(shape, x / scale);
}

/** Kolmogorov distribution survival Q_KS(λ) = 2 Σ_{j≥1} (−1)^(j−1) e^(−2 j² λ²). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-17) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

// ---------------------------------------------------------------------------------------------
// Exact log pmfs (oracles)
// ---------------------------------------------------------------------------------------------

export function logBinomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return (
    gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p)
  );
}

export function logPoissonPmf(k: number, mean: number): number {
  if (k < 0) return -Infinity;
  if (mean === 0) return k === 0 ? 0 : -Infinity;
  return -mean + k * Math.log(mean) - gammaln(k + 1);
}

/** NB(r, p) as failures before the r-th success. */
export function logNegativeBinomialPmf(k: number, r: number, p: number): number {
  if (k < 0) return -Infinity;
  return gammaln(k + r) - gammaln(r) - gammaln(k + 1) + r * Math.log(p) + k * Math.log1p(-p);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

export interface GofResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Pooled bins used: [first k, last k, observed, expected]; first/last bins are open tails. */
  bins: Array<[number, number, number, number]>;
}

/**
 * Pearson chi-square goodness of fit of integer `samples` against an exact pmf given in log
 * space. The pmf is evaluated on [kLo, kHi] (choose it so the mass outside is negligible, say
 * < 1e-12); samples outside are counted in the end bins, whose expectation is taken as the
 * remaining mass (left: Σ_{k<kLo} is assumed ≈ 0 and the right end absorbs 1 − Σ). Adjacent bins
 * are pooled from the left until each expected count is ≥ `minExpected` (default 5); a
 * remainder is merged into the last bin. df = bins − 1 (no fitted parameters).
 */
export function chiSquareDiscrete(
  samples: ArrayLike<number>,
  logPmf: (k: number) => number,
  kLo: number,
  kHi: number,
  minExpected = 5,
): GofResult {
  const n = samples.length;
  const width = kHi - kLo + 1;
  const observed = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const k = samples[i] as number;
    if (!Number.isInteger(k)) throw new Error(`chiSquareDiscrete: sample ${i} is not an integer: ${k}`);
    const j = k < kLo ? 0 : k > kHi ? width - 1 : k - kLo;
    observed[j] = (observed[j] as number) + 1;
  }
  const expected = new Float64Array(width);
  let mass = 0;
  for (let j = 0; j < width; j++) {
    const pj = Math.exp(logPmf(kLo + j));
    expected[j] = pj;
    mass += pj;
  }
  // Right tail absorbs the mass not covered (1 − Σ, never negative).
  expected[width - 1] = (expected[width - 1] as number) + Math.max(0, 1 - mass);
  const bins: Array<[number, number, number, number]> = [];
  let o = 0;
  let e = 0;
  let start = kLo;
  for (let j = 0; j < width; j++) {
    o += observed[j] as number;
    e += (expected[j] as number) * n;
    if (e >= minExpected) {
      bins.push([start, kLo + j, o, e]);
      o = 0;
      e = 0;
      start = kLo + j + 1;
    }
  }
  if (e > 0 || o > 0) {
    const lastBin = bins[bins.length - 1];
    if (lastBin) {
      lastBin[1] = kHi;
      lastBin[2] += o;
      lastBin[3] += e;
    } else {
      bins.push([kLo, kHi, o, e]);
    }
  }
  let stat = 0;
  for (const [, , ob, ex] of bins) stat += ((ob - ex) * (ob - ex)) / ex;
  const df = bins.length - 1;
  return { statistic: stat, df, pValue: df > 0 ? chiSquareSurvival(stat, df) : 1, bins };
}

export interface KsResult {
  statistic: number;
  pValue: number;
  n: number;
}

/**
 * One-sample Kolmogorov–Smirnov test against a continuous CDF. p-value from the asymptotic
 * Kolmogorov distribution with Stephens' small-sample correction λ = (√n + 0.12 + 0.11/√n)·D.
 */
export function ksTest(samples: ArrayLike<number>, cdf: (x: number) => number): KsResult {
  const xs = Float64Array.from(samples as ArrayLike<number>).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i] as number);
    const dPlus = (i + 1) / n - f;
    const dMinus = f - i / n;
    if (dPlus > d) d = dPlus;
    if (dMinus > d) d = dMinus;
  }
  const sn = Math.sqrt(n);
  return { statistic: d, pValue: kolmogorovSurvival((sn + 0.12 + 0.11 / sn) * d), n };
}

/** Sample mean and unbiased variance. */
export function meanVariance(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  return { mean, variance: n > 1 ? m2 / (n - 1) : NaN };
}
