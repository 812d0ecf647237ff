/**
 * Variance-based global sensitivity (pure, browser-safe): the Saltelli sampling scheme and Sobol
 * first-order and total-effect indices with bootstrap intervals.
 *
 * Layout. N base rows, k factors, two independent N × k matrices A and B of unit-cube points and,
 * for each factor i, AB_i = A with column i taken from B: N·(k + 2) model runs. Rows are grouped
 * by base row j — point j·(k+2) is A_j, then B_j, then AB_1,j … AB_k,j — so a contiguous or
 * round-robin share of the points holds whole blocks or spreads them evenly.
 *
 * Estimators (Saltelli et al. 2010, Table 2): with V the variance of f over A and B together,
 *   first order  S_i  = mean_j (f(B_j) − f̄)·(f(AB_i,j) − f(A_j)) / V     (Saltelli 2010, centred:
 *                       the same expectation, far less variance when |mean| ≫ sd)
 *   total effect ST_i = mean_j (f(A_j) − f(AB_i,j))² / 2 / V           (Jansen 1999)
 * Intervals: percentile bootstrap over the base rows j (each resample keeps a row's A, B and AB
 * values together), from a stream derived from the given seed, so they are reproducible.
 */
import { Xoshiro128ss, type Rng } from "./rng.js";

/** Number of model runs of a Saltelli design: N · (k + 2). */
export function saltelliSize(n: number, k: number): number {
  return n * (k + 2);
}

/** Which matrix point `index` of a Saltelli design comes from: A, B or AB_i (factor i), and its base row. */
export function saltelliRole(index: number, k: number): { row: number; matrix: "A" | "B" | "AB"; factor: number } {
  const row = Math.floor(index / (k + 2));
  const m = index - row * (k + 2);
  return m === 0 ? { row, matrix: "A", factor: -1 } : m === 1 ? { row, matrix: "B", factor: -1 } : { row, matrix: "AB", factor: m - 2 };
}

/**
 * The unit-cube points of a Saltelli design in the layout above: A and B are independent uniform
 * N × k samples from `rng` (A row j then B row j, factor by factor).
 */
export function saltelliPoints(n: number, k: number, rng: Rng): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < n; j++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < k; i++) a.push(rng.uniform());
    for (let i = 0; i < k; i++) b.push(rng.uniform());
    out.push(a, b);
    for (let i = 0; i < k; i++) out.push(a.map((x, c) => (c === i ? b[i]! : x)));
  }
  return out;
}

/** Model outputs of a Saltelli design split by matrix: yA[j], yB[j], yAB[i][j]. */
export interface SaltelliOutputs {
  yA: number[];
  yB: number[];
  yAB: number[][];
}

/** Splits outputs given in the layout above (length N·(k+2)) into A, B and AB_i. */
export function splitSaltelli(y: ArrayLike<number>, k: number): SaltelliOutputs {
  if (y.length % (k + 2) !== 0) throw new Error(`splitSaltelli: ${y.length} outputs is not a multiple of k + 2 = ${k + 2}`);
  const n = y.length / (k + 2);
  const out: SaltelliOutputs = { yA: [], yB: [], yAB: Array.from({ length: k }, () => []) };
  for (let j = 0; j < n; j++) {
    const base = j * (k + 2);
    out.yA.push(y[base]!);
    out.yB.push(y[base + 1]!);
    for (let i = 0; i < k; i++) out.yAB[i]!.push(y[base + 2 + i]!);
  }
  return out;
}

export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

export interface SobolResult {
  /** Base rows N and factors k. */
  n: number;
  k: number;
  mean: number;
  variance: number;
  first: Interval[];
  total: Interval[];
  /** Bootstrap resamples and the interval's confidence. */
  bootstrap: number;
  confidence: number;
}

/** Point estimates on base rows `rows` (indices into the outputs, with repeats for a resample). */
function estimate(o: SaltelliOutputs, rows: ArrayLike<number>): { mean: number; variance: number; first: number[]; total: number[] } {
  const n = rows.length;
  const k = o.yAB.length;
  let s = 0;
  for (let t = 0; t < n; t++) s += o.yA[rows[t]!]! + o.yB[rows[t]!]!;
  const mean = s / (2 * n);
  let ss = 0;
  for (let t = 0; t < n; t++) {
    const a = o.yA[rows[t]!]! - mean;
    const b = o.yB[rows[t]!]! - mean;
    ss += a * a + b * b;
  }
  const variance = ss / (2 * n - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    const ab = o.yAB[i]!;
    let f = 0;
    let tt = 0;
    for (let t = 0; t < n; t++) {
      const j = rows[t]!;
      const d = ab[j]! - o.yA[j]!;
      f += (o.yB[j]! - mean) * d;
      tt += d * d;
    }
    first.push(variance > 0 ? f / n / variance : Number.NaN);
    total.push(variance > 0 ? tt / (2 * n) / variance : Number.NaN);
  }
  return { mean, variance, first, total };
}

/** The q-quantile of sorted values (linear interpolation, type 7). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface SobolOptions {
  /** Bootstrap resamples (default 1000; 0: intervals collapse to the estimate). */
  bootstrap?: number;
  /** Two-sided confidence of the percentile intervals (default 0.95). */
  confidence?: number;
  /** Seed of the bootstrap stream (default 0). */
  seed?: number;
}

/**
 * Sobol first-order and total-effect indices of each factor with percentile bootstrap intervals.
 * Needs at least 2 base rows and a non-zero variance (else indices are NaN).
 */
export function sobolIndices(o: SaltelliOutputs, options: SobolOptions = {}): SobolResult {
  const n = o.yA.length;
  const k = o.yAB.length;
  if (n < 2 || o.yB.length !== n || o.yAB.some((c) => c.length !== n)) {
    throw new Error(`sobolIndices: need ≥ 2 base rows and equal lengths (A ${o.yA.length}, B ${o.yB.length}, AB ${o.yAB.map((c) => c.length).join("/")})`);
  }
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const all = Uint32Array.from({ length: n }, (_, j) => j);
  const point = estimate(o, all);
  const firsts: number[][] = Array.from({ length: k }, () => []);
  const totals: number[][] = Array.from({ length: k }, () => []);
  const rng = Xoshiro128ss.derive(options.seed ?? 0, "sobol-bootstrap");
  const rows = new Uint32Array(n);
  for (let b = 0; b < bootstrap; b++) {
    for (let t = 0; t < n; t++) rows[t] = Math.floor(rng.uniform() * n);
    const e = estimate(o, rows);
    for (let i = 0; i < k; i++) {
      firsts[i]!.push(e.first[i]!);
      totals[i]!.push(e.total[i]!);
    }
  }
  const alpha = (1 - confidence) / 2;
  const interval = (est: number, draws: number[]): Interval => {
    const sorted = draws.filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
    if (sorted.length === 0) return { estimate: est, lo: est, hi: est };
    return { estimate: est, lo: quantile(sorted, alpha), hi: quantile(sorted, 1 - alpha) };
  };
  return {
    n,
    k,
    mean: point.mean,
    variance: point.variance,
    first: point.first.map((e, i) => interval(e, firsts[i]!)),
    total: point.total.map((e, i) => interval(e, totals[i]!)),
    bootstrap,
    confidence,
  };
}

/**
 * A Latin hypercube of `n` points in k dimensions: each dimension's n strata [m/n, (m+1)/n) hold
 * one point each (a uniform offset within the stratum), strata shuffled independently per dimension.
 */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const perm = Array.from({ length: n }, (_, m) => m);
    for (let m = n - 1; m > 0; m--) {
      const r = Math.floor(rng.uniform() * (m + 1));
      const t = perm[m]!;
      perm[m] = perm[r]!;
      perm[r] = t;
    }
    for (let p = 0; p < n; p++) out[p]![i] = (perm[p]! + rng.uniform()) / n;
  }
  return out;
}
