/**
 * Maximum-likelihood machinery for small parameter vectors (1–4 parameters): a Nelder–Mead
 * minimiser with restarts, a central-difference Hessian and a Cholesky inverse for the observed
 * information. Hand-written because no well-kept optimiser package fits: `fmin` (0.0.4, 2017) is
 * unmaintained, and @stdlib, simple-statistics and d3 have none; the method is J. A. Nelder &
 * R. Mead (1965), Computer Journal 7:308–313, with the standard coefficients (1, 2, ½, ½) and
 * restarts from the best vertex (a common remedy for its false convergence, see Lagarias et al.
 * 1998, SIAM J. Optim. 9:112–147). Pure arithmetic: identical results in Node and browsers.
 */

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
}

/**
 * Minimises f from x0 (initial simplex: each coordinate moved by `step`). Non-finite values of f
 * count as +∞ (the simplex retreats from them). Stops when the simplex's spread in f is below
 * `tolerance`·(|f| + 1e-12) and its spread in x below `tolerance`, then restarts from the best
 * point until a restart no longer improves by more than the tolerance.
 */
export function minimize(f: (x: readonly number[]) => number, x0: readonly number[], options: { step?: number; tolerance?: number; maxIterations?: number } = {}): MinimizeResult {
  const step = options.step ?? 0.5;
  const tol = options.tolerance ?? 1e-11;
  const maxIt = options.maxIterations ?? 20000;
  const g = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: [...x0], value: g(x0) };
  let total = 0;
  for (let restart = 0; restart < 20; restart++) {
    const r = nelderMead(g, best.x, restart === 0 ? step : step / 4, tol, maxIt);
    total += r.iterations;
    const improved = best.value - r.value;
    best = r.value <= best.value ? { x: r.x, value: r.value } : best;
    if (restart > 0 && !(improved > tol * (Math.abs(best.value) + 1e-12))) break;
  }
  return { ...best, iterations: total };
}

function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], step: number, tol: number, maxIt: number): MinimizeResult {
  const n = x0.length;
  const pts: number[][] = [[...x0]];
  for (let i = 0; i < n; i++) {
    const p = [...x0];
    p[i] = p[i]! + step;
    pts.push(p);
  }
  let vals = pts.map(f);
  let it = 0;
  const order = () => {
    const idx = pts.map((_, i) => i).sort((a, b) => vals[a]! - vals[b]! || a - b);
    const p2 = idx.map((i) => pts[i]!);
    const v2 = idx.map((i) => vals[i]!);
    for (let i = 0; i <= n; i++) pts[i] = p2[i]!;
    vals = v2;
  };
  order();
  for (; it < maxIt; it++) {
    const fSpread = vals[n]! - vals[0]!;
    let xSpread = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) xSpread = Math.max(xSpread, Math.abs(pts[i]![j]! - pts[0]![j]!));
    if (fSpread <= tol * (Math.abs(vals[0]!) + 1e-12) && xSpread <= Math.sqrt(tol)) break;
    const c = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[j] = c[j]! + pts[i]![j]! / n;
    const worst = pts[n]!;
    const along = (t: number) => c.map((cj, j) => cj + t * (worst[j]! - cj));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < vals[0]!) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]!) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const outside = fr < vals[n]!;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = f(xc);
      if (fc < (outside ? fr : vals[n]!)) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, j) => pts[0]![j]! + 0.5 * (v - pts[0]![j]!));
          vals[i] = f(pts[i]!);
        }
      }
    }
    order();
  }
  return { x: pts[0]!, value: vals[0]!, iterations: it };
}

/**
 * Hessian of f at x by central differences, step h_i = 1e-4·max(|x_i|, scale_i) (scale defaults
 * to 1e-3): the error is O(h²) relative, ample for standard errors.
 */
export function hessian(f: (x: readonly number[]) => number, x: readonly number[], scale?: readonly number[]): number[][] {
  const n = x.length;
  const h = x.map((v, i) => 1e-4 * Math.max(Math.abs(v), scale?.[i] ?? 1e-3));
  const at = (d: Record<number, number>) => f(x.map((v, i) => v + (d[i] ?? 0)));
  const f0 = f(x);
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = h[i]!;
    H[i]![i] = (at({ [i]: hi }) - 2 * f0 + at({ [i]: -hi })) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j]!;
      const v = (at({ [i]: hi, [j]: hj }) - at({ [i]: hi, [j]: -hj }) - at({ [i]: -hi, [j]: hj }) + at({ [i]: -hi, [j]: -hj })) / (4 * hi * hj);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function inverseSpd(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  }
  // Inverse of L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const M: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    M[i]![i] = 1 / L[i]![i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i]![k]! * M[k]![j]!;
      M[i]![j] = s / L[i]![i]!;
    }
  }
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += M[k]![i]! * M[k]![j]!;
      out[i]![j] = s;
      out[j]![i] = s;
    }
  }
  return out;
}
