/**
 * Empirical counterparts of a fit, for QQ and PP plots and the limited-expected-value check:
 * the product-limit (Kaplan–Meier) estimator for left-truncated, right-censored data (Loss
 * Models, 4th ed., §14.3, Example 14.8: the risk set at y_j holds the records with
 * d_i < y_j ≤ y_i). It estimates P(X > x | X > d0), d0 the smallest truncation point, so fitted
 * values are compared conditioned the same way. O(n log n) (one sort).
 */
import type { SeverityDistribution } from "./families.js";
import type { Observations } from "./records.js";
import { observations, type ClaimRecord } from "./records.js";
import { detExp } from "../../sim/detmath.js";

export interface ProductLimit {
  /** Smallest truncation point: the estimate is conditional on X > d0. */
  d0: number;
  /** Distinct exact losses, ascending. */
  times: Float64Array;
  /** Ŝ just after each time. */
  survival: Float64Array;
  /** Largest recorded loss (exact or censored): Ŝ is known up to here. */
  yMax: number;
}

/** The product-limit estimate of the records. */
export function productLimit(records: readonly ClaimRecord[]): ProductLimit {
  return productLimitOf(observations(records, 0));
}

export function productLimitOf(obs: Observations): ProductLimit {
  const n = obs.n;
  const ys = Float64Array.from(obs.y).sort();
  const ds = Float64Array.from(obs.d).sort();
  const exact: number[] = [];
  for (let i = 0; i < n; i++) if (!obs.censored[i]) exact.push(obs.y[i]!);
  const ex = Float64Array.from(exact).sort();
  const times: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let di = 0;
  let yi = 0;
  for (let j = 0; j < ex.length; ) {
    const t = ex[j]!;
    let events = 0;
    while (j < ex.length && ex[j] === t) {
      events++;
      j++;
    }
    while (di < n && ds[di]! < t) di++;
    while (yi < n && ys[yi]! < t) yi++;
    const atRisk = di - yi;
    s *= 1 - events / atRisk;
    times.push(t);
    survival.push(s);
  }
  return { d0: n ? ds[0]! : 0, times: Float64Array.from(times), survival: Float64Array.from(survival), yMax: n ? ys[n - 1]! : 0 };
}

/** Ŝ(x): the estimate of P(X > x | X > d0). */
export function empiricalSf(pl: ProductLimit, x: number): number {
  // Last time ≤ x.
  let lo = 0;
  let hi = pl.times.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (pl.times[m]! <= x) lo = m + 1;
    else hi = m;
  }
  return lo === 0 ? 1 : pl.survival[lo - 1]!;
}

/**
 * Empirical E[min(X, u) | X > d0] = d0 + ∫_{d0}^{u} Ŝ(x) dx; null beyond the largest record when
 * Ŝ has not reached 0 there (the data say nothing about the tail past it).
 */
export function empiricalLev(pl: ProductLimit, u: number): number | null {
  if (u <= pl.d0) return u;
  const last = pl.survival.length ? pl.survival[pl.survival.length - 1]! : 1;
  if (u > pl.yMax && last > 0) return null;
  let sum = pl.d0;
  let prev = pl.d0;
  let s = 1;
  for (let j = 0; j < pl.times.length; j++) {
    const t = pl.times[j]!;
    if (t >= u) break;
    if (t > prev) {
      sum += s * (t - prev);
      prev = t;
    }
    s = pl.survival[j]!;
  }
  return sum + s * (u - prev);
}

/** The fitted distribution conditioned on X > d0, comparable with the product-limit estimate. */
export function conditioned(dist: SeverityDistribution, d0: number) {
  const logS0 = d0 > 0 ? dist.logSf(d0) : 0;
  const S0 = detExp(logS0);
  const F0 = 1 - S0;
  return {
    cdf: (x: number) => (x <= d0 ? 0 : 1 - detExp(dist.logSf(x) - logS0)),
    quantile: (p: number) => dist.quantile(F0 + p * S0),
    lev: (u: number) => (u <= d0 ? u : d0 + (dist.lev(u) - dist.lev(d0)) / S0),
  };
}

export interface PlotPoint {
  /** The loss. */
  x: number;
  /** Empirical probability (plotting position: midway across the step at x). */
  empirical: number;
  /** Fitted conditional probability at x (PP plot). */
  fitted: number;
  /** Fitted conditional quantile at the empirical probability (QQ plot). */
  fittedQuantile: number;
}

/** QQ/PP points at (at most `maxPoints`, evenly spaced among) the distinct exact losses. */
export function plotPoints(pl: ProductLimit, dist: SeverityDistribution, maxPoints = 400): PlotPoint[] {
  const c = conditioned(dist, pl.d0);
  const m = pl.times.length;
  const stride = Math.max(1, Math.ceil(m / maxPoints));
  const out: PlotPoint[] = [];
  for (let j = 0; j < m; j += stride) {
    const before = j === 0 ? 1 : pl.survival[j - 1]!;
    const after = pl.survival[j]!;
    const p = 1 - (before + after) / 2;
    const x = pl.times[j]!;
    out.push({ x, empirical: p, fitted: c.cdf(x), fittedQuantile: p > 0 && p < 1 ? c.quantile(p) : x });
  }
  return out;
}

export interface LevComparison {
  u: number;
  empirical: number | null;
  fitted: number;
}

/** Empirical vs fitted E[min(X, u) | X > d0] at each u (e.g. a scheme's deductible and cap). */
export function compareLev(pl: ProductLimit, dist: SeverityDistribution, us: readonly number[]): LevComparison[] {
  const c = conditioned(dist, pl.d0);
  return us.map((u) => ({ u, empirical: empiricalLev(pl, u), fitted: c.lev(u) }));
}
