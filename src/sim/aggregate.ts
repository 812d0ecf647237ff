/**
 * Aggregate (compound) claim distributions on a lattice: the yearly cost of a person as the sum
 * of a random number of episode costs (Klugman, Panjer & Willmot, *Loss Models*, ch. 9; R's
 * `actuar::discretize` and `aggregateDist`).
 *
 *  - {@link discretise}: mean-preserving rounding ("unbiased" / local moment matching of order 1)
 *    of an episode-cost distribution onto the lattice 0, h, 2h, …, mh: the lattice mean equals
 *    E[X ∧ mh] exactly (telescoping sums of ∫S over the cells);
 *  - {@link fft} and {@link nFold}: the n-fold convolution f^{*n} by a radix-2 FFT;
 *  - {@link compound}: Σ_n p_n f^{*n} for any count distribution (Poisson, negative binomial …),
 *    in the Fourier domain; {@link panjer}: the (a, b, 0) recursion, an independent method;
 *  - {@link LatticeDistribution}: CDF, moments and a quantile function (each lattice mass spread
 *    uniformly over its cell [jh − h/2, jh + h/2], j ≥ 1, so the mean is kept).
 *
 * Pure, no Node imports. Every operation is IEEE arithmetic, Math.sqrt or the fdlibm ports
 * (detExp/detLog): twiddle factors come from a Taylor series, never Math.sin/cos, so the lattices
 * — and the engine results built on them — are bit-identical in Node and browsers.
 */
import { InputError } from "../rules/input-error.js";
import { gammaContinuedFraction, gammaSeriesSum, logGamma } from "./quantiles.js";
import { detExp, detLog } from "./detmath.js";
import type { FieldSpec } from "./scenario.js";

export type AmountSpec = Exclude<FieldSpec, number | boolean>;
/** An episode-cost component: a distribution, or a constant amount (a point mass). */
export type ComponentSpec = AmountSpec | { dist: "constant"; value: number };

// ---------------------------------------------------------------- deterministic trigonometry

/** sin and cos of x for |x| ≤ π/4 by Taylor series (IEEE operations only; error < 1e-17). */
function sinCosSmall(x: number): [number, number] {
  const x2 = x * x;
  let s = 0;
  let c = 0;
  // Horner from the highest term (degree 21 / 22).
  let ts = 1;
  let tc = 1;
  for (let k = 11; k >= 1; k--) {
    ts = 1 - (x2 / ((2 * k) * (2 * k + 1))) * ts;
    tc = 1 - (x2 / ((2 * k - 1) * (2 * k))) * tc;
  }
  s = x * ts;
  c = tc;
  return [s, c];
}

/** cos(2πk/N) and sin(2πk/N) for 0 ≤ k < N (N a power of two ≥ 8), by octant symmetry. */
function twiddle(k: number, N: number): [number, number] {
  const eighth = N / 8;
  const oct = Math.floor(k / eighth);
  const r = k - oct * eighth;
  // Angle within the octant, measured from its start or its end (so |angle| ≤ π/4).
  const a = (2 * Math.PI * r) / N;
  const b = (2 * Math.PI * (eighth - r)) / N;
  const [sa, ca] = sinCosSmall(a);
  const [sb, cb] = sinCosSmall(b);
  switch (oct) {
    case 0: return [ca, sa];
    case 1: return [sb, cb];
    case 2: return [-sa, ca];
    case 3: return [-cb, sb];
    case 4: return [-ca, -sa];
    case 5: return [-sb, -cb];
    case 6: return [sa, -ca];
    default: return [cb, -sb];
  }
}

const twiddleCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();
function twiddles(N: number): { cos: Float64Array; sin: Float64Array } {
  let t = twiddleCache.get(N);
  if (!t) {
    const cos = new Float64Array(N / 2);
    const sin = new Float64Array(N / 2);
    for (let k = 0; k < N / 2; k++) [cos[k], sin[k]] = twiddle(k, N);
    t = { cos, sin };
    twiddleCache.set(N, t);
  }
  return t;
}

/**
 * In-place radix-2 FFT of (re, im), length a power of two ≥ 8. Forward: X_k = Σ x_j e^{−2πijk/N};
 * inverse (with the 1/N factor): x_j = (1/N) Σ X_k e^{+2πijk/N}.
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const N = re.length;
  if (!(N >= 8 && (N & (N - 1)) === 0) || im.length !== N) throw new Error(`fft: length must be a power of two ≥ 8, got ${N}`);
  for (let i = 1, j = 0; i < N; i++) {
    let bit = N >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!; re[i] = re[j]!; re[j] = t;
      t = im[i]!; im[i] = im[j]!; im[j] = t;
    }
  }
  const { cos, sin } = twiddles(N);
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= N; len <<= 1) {
    const half = len >> 1;
    const stride = N / len;
    for (let i = 0; i < N; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride]!;
        const wi = sign * sin[k * stride]!;
        const a = i + k;
        const b = a + half;
        const xr = re[b]! * wr - im[b]! * wi;
        const xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < N; i++) {
      re[i] = re[i]! / N;
      im[i] = im[i]! / N;
    }
  }
}

// ---------------------------------------------------------------- survival functions

/** Regularized upper incomplete gamma Q(a, x), accurate in the far tail (no 1 − P there). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = a * detLog(x) - x - logGamma(a);
  if (x < a + 1) return 1 - gammaSeriesSum(a, x, 2000, 1e-17) * detExp(lead);
  return detExp(lead) * gammaContinuedFraction(a, x, 2000, 1e-17);
}

/** Standard normal upper tail 1 − Φ(z), accurate in both tails (erfc via Q(½, z²/2)). */
export function normalUpper(z: number): number {
  const q = 0.5 * gammaQ(0.5, (z * z) / 2);
  return z >= 0 ? q : 1 - q;
}

/** P(X > x) of a component (before any severity scaling). */
export function survival(spec: ComponentSpec, x: number): number {
  if (x < 0) return 1;
  switch (spec.dist) {
    case "constant": return x < spec.value ? 1 : 0;
    case "lognormal": return x <= 0 ? 1 : normalUpper((detLog(x) - detLog(spec.median)) / spec.sigma);
    case "gamma": {
      const shape = 1 / (spec.cv * spec.cv);
      return gammaQ(shape, (x * shape) / spec.mean);
    }
    case "pareto": return x <= spec.xm ? 1 : detExp(spec.alpha * detLog(spec.xm / x));
    case "uniform": return x <= spec.min ? 1 : x >= spec.max ? 0 : (spec.max - x) / (spec.max - spec.min);
  }
}

/** E[X] of a component. */
export function componentMean(spec: ComponentSpec): number {
  switch (spec.dist) {
    case "constant": return spec.value;
    case "lognormal": return spec.median * detExp((spec.sigma * spec.sigma) / 2);
    case "gamma": return spec.mean;
    case "pareto": return (spec.alpha * spec.xm) / (spec.alpha - 1);
    case "uniform": return (spec.min + spec.max) / 2;
  }
}

/** ∫_a^b S(x) dx in closed form (kinks of uniforms and Pareto split). */
function survivalIntegral(spec: ComponentSpec, a: number, b: number): number {
  if (spec.dist === "constant") return Math.max(0, Math.min(b, spec.value) - a);
  if (spec.dist === "uniform" || spec.dist === "pareto") {
    const kinks = spec.dist === "uniform" ? [spec.min, spec.max] : [spec.xm];
    for (const k of kinks) if (k > a && k < b) return survivalIntegral(spec, a, k) + survivalIntegral(spec, k, b);
    if (spec.dist === "uniform") return ((b - a) * (survival(spec, a) + survival(spec, b))) / 2; // linear piece
    if (b <= spec.xm) return b - a;
    // ∫_a^b (xm/x)^α dx = (b (xm/b)^α − a (xm/a)^α) / (1 − α)
    const al = spec.alpha;
    return (b * detExp(al * detLog(spec.xm / b)) - a * detExp(al * detLog(spec.xm / a))) / (1 - al);
  }
  // Closed-form limited expected values: ∫_a^b S = E[X ∧ b] − E[X ∧ a], written with upper tails
  // only (no 1 − P cancellation in the far tail).
  if (spec.dist === "lognormal") {
    // E[X ∧ d] = E[X] (1 − U(z_d − σ)) + d U(z_d), z_d = (ln d − ln median)/σ, U the normal upper tail
    const mean = componentMean(spec);
    const za = a > 0 ? (detLog(a) - detLog(spec.median)) / spec.sigma : -Infinity;
    const zb = (detLog(b) - detLog(spec.median)) / spec.sigma;
    const ua = a > 0 ? normalUpper(za - spec.sigma) : 1;
    return mean * (ua - normalUpper(zb - spec.sigma)) + b * normalUpper(zb) - (a > 0 ? a * normalUpper(za) : 0);
  }
  // gamma(α, θ): E[X ∧ d] = αθ (1 − Q(α + 1, d/θ)) + d Q(α, d/θ)
  const shape = 1 / (spec.cv * spec.cv);
  const theta = spec.mean / shape;
  const qa1 = a > 0 ? gammaQ(shape + 1, a / theta) : 1;
  return spec.mean * (qa1 - gammaQ(shape + 1, b / theta)) + b * gammaQ(shape, b / theta) - (a > 0 ? a * gammaQ(shape, a / theta) : 0);
}

/**
 * Mean-preserving rounding of a component onto 0, h, …, mh (length m + 1): with
 * I_j = ∫_{jh}^{(j+1)h} S, f_0 = 1 − I_0/h, f_j = (I_{j−1} − I_j)/h, f_m = I_{m−1}/h — mass
 * beyond mh is rounded down to mh, so Σ f_j = 1 and Σ jh·f_j = E[X ∧ mh] exactly.
 */
export function discretise(spec: ComponentSpec, h: number, m: number): Float64Array {
  if (!(h > 0 && Number.isFinite(h))) throw new InputError("aggregate.h", `lattice step must be a finite number > 0 (got ${h})`);
  if (!(Number.isInteger(m) && m >= 1)) throw new InputError("aggregate.m", `lattice size must be a whole number ≥ 1 (got ${m})`);
  const f = new Float64Array(m + 1);
  let prev = 0;
  for (let j = 0; j < m; j++) {
    const I = survivalIntegral(spec, j * h, (j + 1) * h);
    f[j] = j === 0 ? 1 - I / h : (prev - I) / h;
    prev = I;
  }
  f[m] = prev / h;
  for (let j = 0; j <= m; j++) if (f[j]! < 0) f[j] = 0; // round-off in the far tail only
  return f;
}

// ---------------------------------------------------------------- convolutions

/** Forward FFT of a lattice distribution, zero-padded to N. */
export function transform(f: Float64Array, N: number): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(N);
  const im = new Float64Array(N);
  re.set(f.subarray(0, Math.min(f.length, N)));
  fft(re, im);
  return { re, im };
}

function inverseReal(re: Float64Array, im: Float64Array): Float64Array {
  fft(re, im, true);
  for (let i = 0; i < re.length; i++) if (re[i]! < 0) re[i] = 0; // round-off (~1e-17)
  return re;
}

/** The pointwise product Π_c F_c^{n_c} of transforms, inverted: the convolution of n_c-fold sums. */
export function convolvePowers(parts: { re: Float64Array; im: Float64Array; n: number }[], N: number): Float64Array {
  const re = new Float64Array(N).fill(1);
  const im = new Float64Array(N);
  for (const p of parts) {
    for (let n = 0; n < p.n; n++) {
      for (let k = 0; k < N; k++) {
        const a = re[k]!;
        const b = im[k]!;
        re[k] = a * p.re[k]! - b * p.im[k]!;
        im[k] = a * p.im[k]! + b * p.re[k]!;
      }
    }
  }
  return inverseReal(re, im);
}

/** f^{*n} on a lattice of N points (N a power of two; mass beyond N·h would wrap around). */
export function nFold(f: Float64Array, n: number, N: number): Float64Array {
  const t = transform(f, N);
  return convolvePowers([{ ...t, n }], N);
}

/** Σ_n p_n f^{*n} (p = count probabilities p_0, p_1, …), by FFT on N points. */
export function compound(f: Float64Array, p: ArrayLike<number>, N: number): Float64Array {
  const t = transform(f, N);
  const re = new Float64Array(N);
  const im = new Float64Array(N);
  // Horner in the Fourier domain: G = p_0 + F (p_1 + F (p_2 + …)).
  for (let n = p.length - 1; n >= 0; n--) {
    for (let k = 0; k < N; k++) {
      const a = re[k]!;
      const b = im[k]!;
      re[k] = a * t.re[k]! - b * t.im[k]! + p[n]!;
      im[k] = a * t.im[k]! + b * t.re[k]!;
    }
  }
  return inverseReal(re, im);
}

/**
 * Panjer's recursion for an (a, b, 0) count distribution: g_0 = P(f_0), g_k = Σ_{j=1}^{k}
 * (a + b j/k) f_j g_{k−j} / (1 − a f_0). Poisson(λ): a = 0, b = λ, P(z) = e^{λ(z−1)};
 * negative binomial(r, β): a = β/(1+β), b = (r−1)a, P(z) = (1 − β(z−1))^{−r}.
 */
export function panjer(f: Float64Array, a: number, b: number, g0: number, length: number): Float64Array {
  const g = new Float64Array(length);
  g[0] = g0;
  const denom = 1 - a * f[0]!;
  for (let k = 1; k < length; k++) {
    let s = 0;
    const top = Math.min(k, f.length - 1);
    for (let j = 1; j <= top; j++) s += (a + (b * j) / k) * f[j]! * g[k - j]!;
    g[k] = s / denom;
  }
  return g;
}

/** Poisson(λ) probabilities p_0 … p_{n} up to the first n with upper tail below `tail`. */
export function poissonProbs(lambda: number, tail = 1e-15, max = 10000): Float64Array {
  const out: number[] = [];
  let p = detExp(-lambda);
  let cum = 0;
  for (let n = 0; n <= max; n++) {
    out.push(p);
    cum += p;
    if (n >= lambda && 1 - cum < tail) break;
    p *= lambda / (n + 1);
  }
  return Float64Array.from(out);
}

/** Negative-binomial(r, β) probabilities (mean rβ), up to an upper tail below `tail`. */
export function negativeBinomialProbs(r: number, beta: number, tail = 1e-15, max = 100000): Float64Array {
  const q = beta / (1 + beta);
  const out: number[] = [];
  let p = detExp(-r * detLog(1 + beta));
  let cum = 0;
  for (let n = 0; n <= max; n++) {
    out.push(p);
    cum += p;
    if (n >= r * beta && 1 - cum < tail) break;
    p *= ((r + n) / (n + 1)) * q;
  }
  return Float64Array.from(out);
}

// ---------------------------------------------------------------- lattice distributions

/** A distribution on 0, h, 2h, …: masses, CDF, moments and a mean-keeping quantile function. */
export class LatticeDistribution {
  readonly cdf: Float64Array;
  constructor(readonly h: number, readonly f: Float64Array) {
    const cdf = new Float64Array(f.length);
    let c = 0;
    for (let j = 0; j < f.length; j++) cdf[j] = c += f[j]!;
    this.cdf = cdf;
  }
  get total(): number {
    return this.cdf[this.cdf.length - 1]!;
  }
  mean(): number {
    let s = 0;
    for (let j = 1; j < this.f.length; j++) s += j * this.f[j]!;
    return (s * this.h) / this.total;
  }
  /** E[X²] of the lattice (point masses). */
  secondMoment(): number {
    let s = 0;
    for (let j = 1; j < this.f.length; j++) s += j * j * this.f[j]!;
    return (s * this.h * this.h) / this.total;
  }
  /** Smallest lattice amount x with P(X ≤ x) ≥ u. */
  latticeQuantile(u: number): number {
    return this.#index(u) * this.h;
  }
  /**
   * The amount at probability u, each mass f_j (j ≥ 1) spread uniformly over [jh − h/2, jh + h/2]
   * (mean kept); the mass at 0 stays at 0.
   */
  quantile(u: number): number {
    const target = u * this.total;
    const j = this.#index(u);
    if (j === 0) return 0;
    const below = this.cdf[j - 1]!;
    const w = this.f[j]! > 0 ? (target - below) / this.f[j]! : 0.5;
    return (j - 0.5 + Math.min(1, Math.max(0, w))) * this.h;
  }
  #index(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Probability at which a component's upper quantile sets the lattice span (tail rounded down). */
export const SPAN_TAIL = 1e-9;
/** Lattice cells of one component's support; FFT length is 4 × this (room for sums). */
export const LATTICE_CELLS = 1 << 15;

/** The amount at upper-tail probability `tail` of a component (bisection on S). */
export function upperQuantile(spec: ComponentSpec, tail: number): number {
  if (spec.dist === "constant") return spec.value;
  if (spec.dist === "uniform") return spec.max;
  let hi = Math.max(1, componentMean(spec));
  while (survival(spec, hi) > tail) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (survival(spec, mid) > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The yearly sum of one claim field over a person's episodes, for episode counts per category:
 * components (one per category, or absent) share one lattice; the sum for counts (n_1, …, n_C)
 * is Π_c F_c^{n_c} inverted. Distributions are built on first use and cached.
 */
export class FieldAggregate {
  /** Step of the finest lattice (sums of up to 3 episodes); lattice k has step h·2^k. */
  readonly h: number;
  readonly N: number;
  readonly #lattices: ({ re: Float64Array; im: Float64Array } | null)[][] = [];
  readonly #cache = new Map<string, LatticeDistribution>();

  constructor(readonly components: (ComponentSpec | null)[], readonly cells = LATTICE_CELLS) {
    let span = 0;
    for (const c of components) if (c) span = Math.max(span, upperQuantile(c, SPAN_TAIL));
    if (!(span > 0)) span = 1;
    this.h = span / cells;
    this.N = 4 * cells;
  }

  /** Transforms on lattice k (step h·2^k, span 4·2^k × one component's span), built on first use. */
  #lattice(k: number): ({ re: Float64Array; im: Float64Array } | null)[] {
    let l = this.#lattices[k];
    if (!l) {
      const h = this.h * 2 ** k;
      l = this.components.map((c) => (c ? transform(discretise(c, h, this.cells), this.N) : null));
      this.#lattices[k] = l;
    }
    return l;
  }

  /**
   * The distribution of the field's yearly sum given episode counts per category. A sum of n
   * episodes is built on the lattice whose span holds n components' spans with room to spare
   * (n ≤ 3·2^k), so nothing wraps around the FFT.
   */
  sum(counts: ArrayLike<number>): LatticeDistribution {
    const key = Array.from(counts).join(",");
    let d = this.#cache.get(key);
    if (!d) {
      let n = 0;
      for (let c = 0; c < this.components.length; c++) if (this.components[c]) n += counts[c]!;
      let k = 0;
      while (3 * 2 ** k < n) k++;
      const lattice = this.#lattice(k);
      const parts: { re: Float64Array; im: Float64Array; n: number }[] = [];
      for (let c = 0; c < this.components.length; c++) {
        const t = lattice[c];
        if (t && counts[c]! > 0) parts.push({ ...t, n: counts[c]! });
      }
      d = new LatticeDistribution(this.h * 2 ** k, convolvePowers(parts, this.N));
      this.#cache.set(key, d);
    }
    return d;
  }
}

const aggregateCache = new Map<string, FieldAggregate>();
/** A {@link FieldAggregate} shared by every table with the same components (at most 32 kept). */
export function fieldAggregate(components: (ComponentSpec | null)[]): FieldAggregate {
  const key = JSON.stringify(components);
  let a = aggregateCache.get(key);
  if (!a) {
    if (aggregateCache.size >= 32) aggregateCache.delete(aggregateCache.keys().next().value!);
    a = new FieldAggregate(components);
    aggregateCache.set(key, a);
  }
  return a;
}
