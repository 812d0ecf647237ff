/**
 * Exact random-variate samplers, written by hand on purpose (d3-random's binomial and Poisson
 * are far slower than BTRD/PTRS; @stdlib's binomial 0.2.2 is biased). All take the generator
 * first and allocate nothing per call (except `multinomial` without an `out` array).
 *
 * References (see docs/random-numbers.md):
 * - binomial: BTRD — W. Hörmann (1993), "The generation of binomial random variates",
 *   J. Statist. Comput. Simul. 46:101–110; inversion for n·min(p, 1−p) < 10.
 * - Poisson: PTRS — W. Hörmann (1993), "The transformed rejection method for generating Poisson
 *   random variables", Insurance: Math. Econ. 12:39–45; inversion for mean < 10.
 * - gamma: G. Marsaglia & W. W. Tsang (2000), "A simple method for generating gamma variables",
 *   ACM TOMS 26(3):363–372, with the U^(1/a) boost for shape < 1.
 * - normal: ziggurat, G. Marsaglia & W. W. Tsang (2000), "The ziggurat method for generating
 *   random variables", J. Stat. Softw. 5(8), 128 layers, with J. A. Doornik's (2005) fix of
 *   drawing the layer index from bits independent of the abscissa.
 *
 * Cross-engine determinism: no Math.log/exp/pow/log1p on any sampling path — engines disagree in
 * the last bit (measured: Node 20 vs Chromium 156). The portable fdlibm ports detLog/detExp of
 * ./detmath.ts use only IEEE-754 basic operations (and Math.sqrt/floor/abs/trunc, which are
 * exact), so the same stream gives bit-identical draws in every engine.
 */
import { detExp, detLog, detLog1p, logFactorial, stirlingCorrection } from "./detmath.js";
import type { Rng } from "./rng.js";

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function fail(dist: string, param: string, range: string, got: unknown): never {
  throw new Error(`${dist}: ${param} must be ${range}, got ${String(got)}`);
}

function checkCount(dist: string, name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) fail(dist, name, "a non-negative integer", n);
}

function checkProb(dist: string, name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) fail(dist, name, "in [0, 1]", p);
}

function checkPositive(dist: string, name: string, x: number): void {
  if (!(x > 0 && x < Infinity)) fail(dist, name, "a finite number > 0", x);
}

function checkFinite(dist: string, name: string, x: number): void {
  if (!Number.isFinite(x)) fail(dist, name, "a finite number", x);
}

// ---------------------------------------------------------------------------------------------
// Binomial
// ---------------------------------------------------------------------------------------------

/**
 * Binomial(n, p): number of successes in n independent trials with success probability p.
 * n a non-negative safe integer (tested to 1e9), p in [0, 1].
 * BTRD for n·min(p, 1−p) ≥ 10, sequential inversion below; p > ½ by symmetry.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  checkCount("binomial", "n", n);
  checkProb("binomial", "p", p);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomialLow(rng, n, 1 - p); // 1 − p is exact for p ≥ ½ (Sterbenz)
  return binomialLow(rng, n, p);
}

function binomialLow(rng: Rng, n: number, p: number): number {
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrd(rng, n, p);
}

/**
 * Setup caches for the constants that need log/exp. They hold pure functions of the parameters,
 * so they change speed only, never the draws. (BTRD's setup has no log/exp before step 3.3 and
 * measured no gain from a cache — see simulations/bench/binomial.bench.ts.)
 *
 * The inversion branch's q^n has a direct-mapped cache of BINV_SLOTS entries keyed by (n, p):
 * the engine's exact sums (binnedTotal in src/sim/run.ts) draw over and over from the same few
 * pairs — the fixed bin probabilities and the category shares of a replicate, for small n — and
 * one detLog1p and one detExp per draw were most of their cost.
 */
const BINV_SLOTS = 4096;
/** Slot h holds n, p and q^n at 3h, 3h + 1, 3h + 2 (one cache line for a lookup). */
const BINV = new Float64Array(3 * BINV_SLOTS).fill(-1);
const KEY_F64 = new Float64Array(1);
const KEY_U32 = new Uint32Array(KEY_F64.buffer);
const PINV_CACHE = new Float64Array([NaN, NaN]); // mean, e^-mean
const PTRS_CACHE = new Float64Array([NaN, NaN, NaN]); // mean, log mean, log invalpha

/** Inversion by sequential search from 0 (expected n·p + 1 steps): the branch of {@link binomial} for n·p < 10, without validation (requires 0 < p ≤ ½). */
export function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  KEY_F64[0] = p;
  let h = Math.imul((KEY_U32[0] as number) ^ Math.imul(KEY_U32[1] as number, 0x9e3779b1) ^ Math.imul(n | 0, 0x85ebca77), 0xc2b2ae35);
  h = (h ^ (h >>> 15)) & (BINV_SLOTS - 1);
  let r0: number;
  const at = 3 * h;
  if (BINV[at] === n && BINV[at + 1] === p) {
    r0 = BINV[at + 2] as number;
  } else {
    r0 = detExp(n * detLog1p(-p)); // q^n ≥ e^-20 here, no underflow
    BINV[at] = n;
    BINV[at + 1] = p;
    BINV[at + 2] = r0;
  }
  // Guard against round-off leaving u > 0 after the whole mass: restart past this bound
  // (the probability beyond it is < 1e-20 for n·p < 10).
  const bound = Math.min(n, Math.floor(n * p + 12 * Math.sqrt(n * p * q + 1)) + 20);
  for (;;) {
    let u = rng.uniform();
    let r = r0;
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > bound) break;
      r *= a / x - s;
    }
    if (x <= bound) return x;
  }
}

/** BTRD, Hörmann (1993), steps 0–3.4: the branch of {@link binomial} for n·p ≥ 10, without validation (requires 0 < p ≤ ½). */
export function binomialBtrd(rng: Rng, n: number, p: number): number {
  // Step 0: setup.
  const q = 1 - p;
  const m = Math.floor((n + 1) * p);
  const r = p / q;
  const nr = (n + 1) * r;
  const npq = n * p * q;
  const snpq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * snpq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * snpq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  let h = NaN; // step 3.3 constant, computed on first use

  for (;;) {
    // Step 1: the "box" — immediate acceptance for most draws.
    let v = rng.uniform();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    // Step 2: generate (u, v).
    if (v >= vr) {
      u = rng.uniform() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.uniform() * vr;
    }
    // Step 3.0
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // Step 3.1: recursive evaluation of f(k)/f(m).
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Step 3.2: squeeze on log f(k)/f(m).
    v = detLog(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    // Step 3.3
    const nm = n - m + 1;
    if (h !== h) {
      h = (m + 0.5) * detLog((m + 1) / (r * nm)) + stirlingCorrection(m) + stirlingCorrection(n - m);
    }
    // Step 3.4: final acceptance test.
    const nk = n - k + 1;
    if (
      v <=
      h +
        (n + 1) * detLog(nm / nk) +
        (k + 0.5) * detLog((nk * r) / (k + 1)) -
        stirlingCorrection(k) -
        stirlingCorrection(n - k)
    ) {
      return k;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Poisson
// ---------------------------------------------------------------------------------------------

/**
 * Poisson(mean), mean ≥ 0 finite. PTRS for mean ≥ 10, inversion by sequential search below.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean >= 0 && mean < Infinity)) fail("poisson", "mean", "a finite number ≥ 0", mean);
  if (mean === 0) return 0;
  return mean < 10 ? poissonInversion(rng, mean) : poissonPtrs(rng, mean);
}

/** Inversion branch of {@link poisson}, without validation: requires 0 < mean < 10. */
export function poissonInversion(rng: Rng, mean: number): number {
  let p0: number;
  if (mean === PINV_CACHE[0]) {
    p0 = PINV_CACHE[1] as number;
  } else {
    p0 = detExp(-mean);
    PINV_CACHE[0] = mean;
    PINV_CACHE[1] = p0;
  }
  for (;;) {
    let u = rng.uniform();
    let p = p0;
    let k = 0;
    while (u > p) {
      u -= p;
      k++;
      if (k > 200) break; // round-off guard; P(K > 200 | mean < 10) < 1e-200
      p *= mean / k;
    }
    if (k <= 200) return k;
  }
}

/** PTRS, Hörmann (1993): the branch of {@link poisson} for mean ≥ 10, without validation. */
export function poissonPtrs(rng: Rng, mean: number): number {
  const slam = Math.sqrt(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  // log mean and log invalpha only matter past the quick acceptance (about 1 draw in 10), so they
  // are computed on first need.
  let loglam = NaN;
  let logInvalpha = NaN;
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (loglam !== loglam) {
      if (mean === PTRS_CACHE[0]) {
        loglam = PTRS_CACHE[1] as number;
        logInvalpha = PTRS_CACHE[2] as number;
      } else {
        loglam = detLog(mean);
        logInvalpha = detLog(invalpha);
        PTRS_CACHE[0] = mean;
        PTRS_CACHE[1] = loglam;
        PTRS_CACHE[2] = logInvalpha;
      }
    }
    if (detLog(v) + logInvalpha - detLog(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) {
      return k;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Normal (ziggurat) and lognormal
// ---------------------------------------------------------------------------------------------

const ZIG_C = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
/** Layer abscissae x[0..128] (x[0] = V/f(R) is the base strip's pseudo-width, x[128] = 0). */
const ZIG_X = new Float64Array(ZIG_C + 1);
/** Ratios x[i+1]/x[i] — the rectangle test. */
const ZIG_RATIO = new Float64Array(ZIG_C);
{
  let f = detExp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  ZIG_X[ZIG_C] = 0;
  for (let i = 2; i < ZIG_C; i++) {
    const xi = Math.sqrt(-2 * detLog(ZIG_V / (ZIG_X[i - 1] as number) + f));
    ZIG_X[i] = xi;
    f = detExp(-0.5 * xi * xi);
  }
  for (let i = 0; i < ZIG_C; i++) ZIG_RATIO[i] = (ZIG_X[i + 1] as number) / (ZIG_X[i] as number);
}
/** Exposed for tests. */
export const ZIGGURAT = { C: ZIG_C, R: ZIG_R, V: ZIG_V, x: ZIG_X } as const;

const TWO_POW_26 = 2 ** 26;
const TWO_POW_M51 = 2 ** -51;

/**
 * Standard normal N(0, 1) by the 128-layer ziggurat. Fast path: two 32-bit outputs — 52 bits
 * give a symmetric abscissa u = (2k + 1)/2^52 − 1 in (−1, 1) and 7 of the remaining low bits
 * (unused by u) choose the layer.
 */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const w1 = rng.nextUint32();
    const w2 = rng.nextUint32();
    const k = (w1 >>> 6) * TWO_POW_26 + (w2 >>> 6);
    const u = (k + 0.5) * TWO_POW_M51 - 1; // (−1, 1), never 0
    const i = (w1 & 63) | ((w2 & 1) << 6);
    if (Math.abs(u) < (ZIG_RATIO[i] as number)) return u * (ZIG_X[i] as number);
    if (i === 0) return normalTail(rng, u < 0);
    const xi = ZIG_X[i] as number;
    const xi1 = ZIG_X[i + 1] as number;
    const x = u * xi;
    const f0 = detExp(-0.5 * (xi * xi - x * x));
    const f1 = detExp(-0.5 * (xi1 * xi1 - x * x));
    if (f1 + rng.uniform() * (f0 - f1) < 1) return x;
  }
}

/** Marsaglia's tail method for |Z| > R. */
function normalTail(rng: Rng, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = detLog(rng.uniform()) / ZIG_R;
    y = detLog(rng.uniform());
  } while (-2 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** Normal(mean, sd), sd ≥ 0. */
export function normal(rng: Rng, mean: number, sd: number): number {
  checkFinite("normal", "mean", mean);
  if (!(sd >= 0 && sd < Infinity)) fail("normal", "sd", "a finite number ≥ 0", sd);
  return mean + sd * standardNormal(rng);
}

/** Lognormal: exp(N(mu, sigma²)); mu, sigma are the mean and sd of the log. */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  checkFinite("lognormal", "mu", mu);
  if (!(sigma >= 0 && sigma < Infinity)) fail("lognormal", "sigma", "a finite number ≥ 0", sigma);
  return detExp(mu + sigma * standardNormal(rng));
}

// ---------------------------------------------------------------------------------------------
// Gamma, beta
// ---------------------------------------------------------------------------------------------

/** Marsaglia–Tsang for shape ≥ 1 (unit scale). */
function gammaMT(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (detLog(u) < 0.5 * x2 + d * (1 - v + detLog(v))) return d * v;
  }
}

/** Unit-scale gamma variate; shape < 1 via Gamma(a) = Gamma(a + 1)·U^(1/a). */
function standardGamma(rng: Rng, shape: number): number {
  if (shape >= 1) return gammaMT(rng, shape);
  const g = gammaMT(rng, shape + 1);
  return g * detExp(detLog(rng.uniform()) / shape); // may underflow to 0 for tiny shape: correct rounding
}

/** log of a unit-scale gamma variate, accurate even when the variate underflows (shape ≪ 1). */
function logStandardGamma(rng: Rng, shape: number): number {
  if (shape >= 1) return detLog(gammaMT(rng, shape));
  return detLog(gammaMT(rng, shape + 1)) + detLog(rng.uniform()) / shape;
}

/** Gamma(shape, scale): density x^(shape−1) e^(−x/scale) / (Γ(shape) scale^shape); mean shape·scale. */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  checkPositive("gamma", "shape", shape);
  checkPositive("gamma", "scale", scale);
  return scale * standardGamma(rng, shape);
}

/** Beta(a, b) = X/(X + Y), X ~ Gamma(a), Y ~ Gamma(b); in log space when a or b < 1. */
export function beta(rng: Rng, a: number, b: number): number {
  checkPositive("beta", "a", a);
  checkPositive("beta", "b", b);
  if (a >= 1 && b >= 1) {
    const x = gammaMT(rng, a);
    const y = gammaMT(rng, b);
    return x / (x + y);
  }
  const lx = logStandardGamma(rng, a);
  const ly = logStandardGamma(rng, b);
  // x/(x+y) = 1/(1 + e^(ly − lx)), stable when both underflow.
  return 1 / (1 + detExp(ly - lx));
}

// ---------------------------------------------------------------------------------------------
// Negative binomial, Pareto, multinomial
// ---------------------------------------------------------------------------------------------

/**
 * Negative binomial NB(r, p): number of failures before the r-th success in Bernoulli(p) trials,
 * P(K = k) = Γ(k + r)/(Γ(r) k!) · p^r (1 − p)^k; mean r(1 − p)/p, variance r(1 − p)/p².
 * r > 0 may be non-integer (overdispersed counts). Sampled as Poisson(Gamma(r, (1 − p)/p)).
 * p in (0, 1]; p = 1 gives 0.
 */
export function negativeBinomial(rng: Rng, r: number, p: number): number {
  checkPositive("negativeBinomial", "r", r);
  if (!(p > 0 && p <= 1)) fail("negativeBinomial", "p", "in (0, 1]", p);
  if (p === 1) return 0;
  return poisson(rng, standardGamma(rng, r) * ((1 - p) / p));
}

/** Pareto (type I): P(X > x) = (xm/x)^alpha for x ≥ xm; by inversion xm·U^(−1/alpha). */
export function pareto(rng: Rng, xm: number, alpha: number): number {
  checkPositive("pareto", "xm", xm);
  checkPositive("pareto", "alpha", alpha);
  return xm * detExp(-detLog(rng.uniform()) / alpha);
}

/**
 * Multinomial(n, probs) by sequential conditional binomials:
 * X_i ~ Binomial(n − Σ_{j<i} X_j, p_i / Σ_{j≥i} p_j). probs must be finite, ≥ 0 and sum to 1
 * within 1e-9 (no silent renormalisation); the last category with positive probability takes
 * the remainder. Writes into `out` (length ≥ probs.length) if given, else allocates.
 */
export function multinomial(
  rng: Rng,
  n: number,
  probs: ArrayLike<number>,
  out?: Float64Array | number[] | Int32Array | Uint32Array,
): Float64Array | number[] | Int32Array | Uint32Array {
  checkCount("multinomial", "n", n);
  const len = probs.length;
  if (len === 0) fail("multinomial", "probs", "a non-empty array", "[]");
  let total = 0;
  let last = -1;
  for (let i = 0; i < len; i++) {
    const pi = probs[i] as number;
    if (!(pi >= 0 && pi <= 1)) fail("multinomial", `probs[${i}]`, "in [0, 1]", pi);
    total += pi;
    if (pi > 0) last = i;
  }
  if (!(Math.abs(total - 1) <= 1e-9)) fail("multinomial", "sum of probs", "1 (±1e-9)", total);
  const res = out ?? new Float64Array(len);
  if (res.length < len) fail("multinomial", "out.length", `≥ ${len}`, res.length);
  let left = n;
  let massLeft = total;
  for (let i = 0; i < len; i++) {
    const pi = probs[i] as number;
    let x = 0;
    if (left > 0 && pi > 0) {
      if (i === last) {
        x = left;
      } else {
        const cond = pi / massLeft;
        x = binomial(rng, left, cond >= 1 ? 1 : cond);
      }
    }
    res[i] = x;
    left -= x;
    massLeft -= pi;
  }
  return res;
}
