/**
 * Sequential Monte Carlo with likelihood tempering (Del Moral, Doucet & Jasra 2006; Chopin &
 * Papaspiliopoulos 2020, ch. 17): particles start as prior draws and move through the tempered
 * posteriors p(θ) L(θ)^φ from φ = 0 to 1. Each step picks the next φ by bisection so the
 * incremental weights keep a conditional effective sample size of `essFraction`·N, resamples
 * (systematic) and moves every particle with random-walk Metropolis steps on the unconstrained
 * scale (./transform.ts), the proposal the particles' covariance × 2.38²/d, its scale adapted to
 * the acceptance rate; moves repeat until a particle has probably moved (1 − (1 − acc)^k ≥ 0.9,
 * at most `maxMoves`). Pure and deterministic for a seed (src/sim/rng.ts); runs in Node and the
 * browser.
 */
import { Xoshiro128ss } from "../rng.js";
import { standardNormal } from "../samplers.js";
import { detExp, detLog } from "../detmath.js";

export interface SmcProblem {
  /** Dimension of θ on the unconstrained scale. */
  dim: number;
  /** Particle i's prior draw (unconstrained scale), from its own stream. */
  init(i: number): Float64Array;
  /** Log prior density on the unconstrained scale (up to a constant). */
  logPrior(z: Float64Array): number;
  /** Log-likelihood and the model's outputs (kept per particle for predictive summaries). */
  evaluate(z: Float64Array): { logLik: number; outputs: Float64Array };
}

export interface SmcOptions {
  particles: number;
  seed: number;
  /** Conditional ESS kept at each tempering step, as a share of N (default 0.5). */
  essFraction?: number;
  /** Move steps per stage, at least and at most (defaults 2 and 12). */
  minMoves?: number;
  maxMoves?: number;
  /** Give up after this many tempering steps (default 200). */
  maxStages?: number;
  /** Called after each stage with the temperature reached, the evaluations so far and the stage's conditional ESS (N for the prior). */
  onProgress?: (temperature: number, stage: number, evaluations: number, ess: number) => void;
  /** Called once with the prior particles' outputs, before tempering (e.g. to refuse unreachable targets). */
  onPrior?: (outputs: Float64Array[]) => void;
}

export interface StageInfo {
  temperature: number;
  /** Conditional ESS of the reweighting into this temperature. */
  ess: number;
  moves: number;
  /** Acceptance rate of the stage's Metropolis moves. */
  acceptance: number;
}

export interface SmcResult {
  /** Equally weighted particles on the unconstrained scale, after the last resample and move. */
  particles: Float64Array[];
  outputs: Float64Array[];
  logLik: Float64Array;
  /** The prior particles' outputs (prior predictive). */
  priorOutputs: Float64Array[];
  stages: StageInfo[];
  /** ESS of the final reweighting (to φ = 1), before resampling. */
  ess: number;
  /** Distinct particles after the final moves. */
  unique: number;
  /** log of the marginal likelihood estimate (sum of the mean incremental weights). */
  logEvidence: number;
  evaluations: number;
}

/** ESS of weights exp(lw) (lw unnormalised). */
export function essOf(lw: Float64Array): number {
  let max = -Infinity;
  for (const x of lw) if (x > max) max = x;
  if (max === -Infinity) return 0;
  let s = 0;
  let s2 = 0;
  for (const x of lw) {
    const w = detExp(x - max);
    s += w;
    s2 += w * w;
  }
  return (s * s) / s2;
}

/** Systematic resampling: N indices from normalised weights w, one uniform u. */
export function systematicResample(w: Float64Array, u: number): Int32Array {
  const n = w.length;
  const out = new Int32Array(n);
  let cum = w[0]!;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const p = (i + u) / n;
    while (p > cum && j < n - 1) cum += w[++j]!;
    out[i] = j;
  }
  return out;
}

/** Lower Cholesky factor of a symmetric positive semi-definite matrix (jittered on the diagonal). */
export function cholesky(a: Float64Array[], d: number): Float64Array[] {
  const l = Array.from({ length: d }, () => new Float64Array(d));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) l[i]![i] = Math.sqrt(Math.max(s, 1e-12 * Math.max(a[i]![i]!, 1e-300)));
      else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

export function smc(problem: SmcProblem, opts: SmcOptions): SmcResult {
  const n = opts.particles;
  const d = problem.dim;
  const essFraction = opts.essFraction ?? 0.5;
  const minMoves = opts.minMoves ?? 2;
  const maxMoves = opts.maxMoves ?? 12;
  const maxStages = opts.maxStages ?? 200;
  let evaluations = 0;
  const z: Float64Array[] = [];
  const lp = new Float64Array(n);
  const ll = new Float64Array(n);
  let outputs: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    z.push(problem.init(i));
    lp[i] = problem.logPrior(z[i]!);
    const e = problem.evaluate(z[i]!);
    evaluations++;
    ll[i] = Number.isNaN(e.logLik) ? -Infinity : e.logLik;
    outputs.push(e.outputs);
  }
  const priorOutputs = outputs.slice();
  opts.onPrior?.(priorOutputs);
  opts.onProgress?.(0, 0, evaluations, n);
  if (!ll.some((x) => x > -Infinity)) throw new NotReachedError("every prior particle has zero likelihood");
  const stages: StageInfo[] = [];
  let phi = 0;
  let logEvidence = 0;
  let lastEss = n;
  let scale = 1;
  let acc = 0.5;
  const lw = new Float64Array(n);
  for (let stage = 0; phi < 1; stage++) {
    if (stage >= maxStages) throw new NotReachedError(`tempering did not reach temperature 1 in ${maxStages} steps (reached ${phi.toPrecision(3)})`);
    // Next temperature: the largest δ with ESS(e^{δ ℓ}) ≥ essFraction·N.
    const essAt = (delta: number) => {
      for (let i = 0; i < n; i++) lw[i] = ll[i]! === -Infinity ? -Infinity : delta * ll[i]!;
      return essOf(lw);
    };
    let delta = 1 - phi;
    if (essAt(delta) < essFraction * n) {
      let lo = 0;
      let hi = delta;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (essAt(mid) >= essFraction * n) lo = mid;
        else hi = mid;
      }
      delta = lo > 0 ? lo : hi;
    }
    const newPhi = phi + delta >= 1 - 1e-12 ? 1 : phi + delta;
    lastEss = essAt(newPhi - phi);
    // Normalised weights and the evidence increment log mean e^{δ ℓ}.
    let max = -Infinity;
    for (const x of lw) if (x > max) max = x;
    const w = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] = detExp(lw[i]! - max);
    for (let i = 0; i < n; i++) w[i]! /= s;
    logEvidence += max + detLog(s / n);
    phi = newPhi;
    // Resample (systematic).
    const idx = systematicResample(w, Xoshiro128ss.derive(opts.seed, "posterior", stage, "resample").uniform());
    const z2 = Array.from(idx, (j) => Float64Array.from(z[j]!));
    const lp2 = Float64Array.from(idx, (j) => lp[j]!);
    const ll2 = Float64Array.from(idx, (j) => ll[j]!);
    outputs = Array.from(idx, (j) => outputs[j]!);
    for (let i = 0; i < n; i++) {
      z[i] = z2[i]!;
      lp[i] = lp2[i]!;
      ll[i] = ll2[i]!;
    }
    // Move: random-walk Metropolis with the particles' covariance.
    const chol = cholesky(covariance(z, d), d);
    const rng = Xoshiro128ss.derive(opts.seed, "posterior", stage, "move");
    const eps = new Float64Array(d);
    let moves = 0;
    let accepted = 0;
    let tried = 0;
    let movedProb = 0;
    const wanted = Math.min(maxMoves, Math.max(minMoves, Math.ceil(detLog(0.1) / detLog(1 - Math.min(Math.max(acc, 0.01), 0.99)))));
    while (moves < maxMoves && (moves < minMoves || moves < wanted || movedProb < 0.9)) {
      let acceptedNow = 0;
      const lambda = (scale * 2.38) / Math.sqrt(d);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < d; k++) eps[k] = standardNormal(rng);
        const zi = z[i]!;
        const prop = new Float64Array(d);
        for (let r = 0; r < d; r++) {
          let s2 = 0;
          const lr = chol[r]!;
          for (let c = 0; c <= r; c++) s2 += lr[c]! * eps[c]!;
          prop[r] = zi[r]! + lambda * s2;
        }
        const lpP = problem.logPrior(prop);
        const u = rng.uniform();
        if (lpP === -Infinity) continue;
        const e = problem.evaluate(prop);
        evaluations++;
        const llP = Number.isNaN(e.logLik) ? -Infinity : e.logLik;
        const logRatio = lpP + phi * llP - (lp[i]! + phi * ll[i]!);
        if (detLog(u) < logRatio) {
          z[i] = prop;
          lp[i] = lpP;
          ll[i] = llP;
          outputs[i] = e.outputs;
          acceptedNow++;
        }
      }
      moves++;
      tried += n;
      accepted += acceptedNow;
      const rate = acceptedNow / n;
      // Robbins–Monro-style scale adaptation toward an acceptance of about 0.3.
      scale *= detExp(rate - 0.3);
      movedProb = 1 - (1 - accepted / tried) ** moves;
    }
    acc = tried > 0 ? accepted / tried : 0;
    stages.push({ temperature: phi, ess: lastEss, moves, acceptance: acc });
    opts.onProgress?.(phi, stage + 1, evaluations, lastEss);
  }
  // Distinct particles by value (identical starting draws count once).
  const unique = new Set(z.map((zi) => Array.from(zi).join(","))).size;
  return { particles: z, outputs, logLik: ll, priorOutputs, stages, ess: lastEss, unique, logEvidence, evaluations };
}

/** A likelihood the particles cannot reach. */
export class NotReachedError extends Error {}

function covariance(z: Float64Array[], d: number): Float64Array[] {
  const n = z.length;
  const mean = new Float64Array(d);
  for (const zi of z) for (let k = 0; k < d; k++) mean[k]! += zi[k]! / n;
  const c = Array.from({ length: d }, () => new Float64Array(d));
  for (const zi of z) {
    for (let r = 0; r < d; r++) {
      const dr = zi[r]! - mean[r]!;
      for (let k = 0; k <= r; k++) c[r]![k]! += (dr * (zi[k]! - mean[k]!)) / (n - 1);
    }
  }
  for (let r = 0; r < d; r++) for (let k = 0; k < r; k++) c[k]![r] = c[r]![k]!;
  return c;
}
