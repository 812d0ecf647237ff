/**
 * The posterior of a scenario's assumptions given its published figures (issue 13):
 * p(θ | targets) ∝ Π priors × Π_t p(y_t | m_t(θ)), where θ is every assumption with a prior,
 * m_t(θ) the engine's noise-free expectation of target t (the evaluation of `puhui calibrate`,
 * src/sim/calibrate.ts: uncertainty off, one replicate, the targets' options only) and
 * p(y | m) the target's observation model (./observation.ts). Sampled by tempered SMC (./smc.ts).
 * Refuses (InputError, one line): a target no prior draw comes near (5 sd below its best
 * log-likelihood), particles out of range, and a posterior that collapsed onto few particles.
 */
import { InputError } from "../../rules/input-error.js";
import { metricOf, plansFor } from "../calibrate.js";
import { drawPrior } from "../priors.js";
import { Xoshiro128ss } from "../rng.js";
import { runPlan, type ReplicateRow } from "../run.js";
import type { ResolvedOption, Scenario } from "../scenario.js";
import { allowedHalfWidth, checkObservedValue, logLikelihood, observationOf, observationText } from "./observation.js";
import { NotReachedError, smc, type StageInfo } from "./smc.js";
import { fromFree, logPriorFree, toFree, type FreePrior } from "./transform.js";

export const PARTICLES = { min: 100, max: 100_000, default: 2000 } as const;
/** A posterior is refused when fewer distinct particles than this share of N survive the last moves. */
export const MIN_UNIQUE_SHARE = 0.25;
/** …or when the final ESS is below this share of N. */
export const MIN_ESS_SHARE = 0.25;
/** A target is unreachable when no prior draw's log-likelihood comes within this of its peak (5 sd). */
const UNREACHABLE_GAP = 12.5;
/**
 * Slack on "no wider than the observation model allows": with a flat prior the posterior 90 %
 * half-width of the expectation equals the allowed one exactly, and its estimate from N draws has
 * a relative Monte Carlo sd of about 0.9/√N (5 % and 95 % quantiles of a normal); three of them.
 */
export const widthSlack = (n: number) => 1 + 3 / Math.sqrt(n);

export interface Interval {
  q05: number;
  q50: number;
  q95: number;
}

export interface TargetSummary {
  index: number;
  figure: string;
  option: string;
  year: number;
  metric: string;
  published: number;
  observation: string;
  prior: Interval;
  posterior: Interval;
  /** Relative half-width the observation model allows (90 %), and the posterior's. */
  allowed: number;
  halfWidth: number;
  covers: boolean;
  narrowEnough: boolean;
}

export interface AssumptionSummary {
  name: string;
  prior: Interval;
  posterior: Interval;
}

export interface PosteriorResult {
  scenario: string;
  seed: number;
  particles: number;
  names: string[];
  /** The priors the draws were sampled from (a stored posterior is current only while they are unchanged). */
  priors: Record<string, FreePrior>;
  /** Each draw's log-likelihood (sum over targets) at the model it came from. */
  logLik: number[];
  /** Equally weighted draws (original scale), particles × names. */
  draws: number[][];
  ess: number;
  unique: number;
  stages: StageInfo[];
  logEvidence: number;
  evaluations: number;
  targets: TargetSummary[];
  assumptions: AssumptionSummary[];
}

export interface PosteriorOptions {
  particles?: number;
  seed?: number;
  onProgress?: (temperature: number, stage: number, evaluations: number, ess: number) => void;
}

/** Empirical quantile (linear interpolation between order statistics). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function interval(xs: number[]): Interval {
  const s = Float64Array.from(xs).sort();
  return { q05: quantile(s, 0.05), q50: quantile(s, 0.5), q95: quantile(s, 0.95) };
}

/** The free assumptions (every one whose prior is not fixed), in the scenario's order. */
export function freeAssumptions(scenario: Scenario): { name: string; prior: FreePrior }[] {
  return Object.entries(scenario.assumptions).flatMap(([name, a]) => (a.prior.dist === "fixed" ? [] : [{ name, prior: a.prior }]));
}

/**
 * The model: θ (free assumptions, original scale) → each target's expectation. Runs only what the
 * targets read (RunOptions.expectationsOnly: no claim draws; the same numbers as a full run,
 * test/sim/posterior-fast-evaluation.test.ts); `full` runs everything (the check's reference).
 */
export function targetModel(scenario: Scenario, options: ResolvedOption[], { full = false }: { full?: boolean } = {}): (theta: ArrayLike<number>) => Float64Array {
  const targets = scenario.calibration!.targets;
  const { plans, planOf } = plansFor(scenario, options, targets);
  const free = freeAssumptions(scenario);
  const fix: Record<string, number> = {};
  for (const [name, a] of Object.entries(scenario.assumptions)) fix[name] = a.value;
  return (theta) => {
    free.forEach((f, k) => (fix[f.name] = theta[k]!));
    const rows: ReplicateRow[][] = plans.map((p) => runPlan(p, { replicates: 1, uncertainty: false, fix, expectationsOnly: !full }));
    return Float64Array.from(targets, (t, i) => metricOf(rows[planOf[i]!]!, t));
  };
}

/** The log-likelihood of the scenario's published figures at θ (free assumptions, original scale). */
export function logLikelihoodAt(scenario: Scenario, options: ResolvedOption[]): (theta: ArrayLike<number>) => number {
  const targets = scenario.calibration!.targets;
  const obs = targets.map(observationOf);
  const model = targetModel(scenario, options);
  return (theta) => {
    const m = model(theta);
    return targets.reduce((s, t, i) => s + logLikelihood(obs[i]!, t.value, m[i]!), 0);
  };
}

export function posterior(scenario: Scenario, options: ResolvedOption[], opts: PosteriorOptions = {}): PosteriorResult {
  const calibration = scenario.calibration;
  if (!calibration) throw new InputError("scenario.calibration", "the scenario has no calibration targets (allowed: a scenario with calibration.targets)");
  const n = opts.particles ?? PARTICLES.default;
  if (!(Number.isInteger(n) && n >= PARTICLES.min && n <= PARTICLES.max)) throw new InputError("--particles", `out of range (allowed: an integer from ${PARTICLES.min} to ${PARTICLES.max}; got ${n})`);
  const seed = opts.seed ?? scenario.seed;
  const targets = calibration.targets;
  const obs = targets.map(observationOf);
  targets.forEach((t, i) => checkObservedValue(obs[i]!, t.value, `scenario.calibration.targets[${i}].value`));
  const free = freeAssumptions(scenario);
  if (free.length === 0) throw new InputError("scenario.assumptions", "no assumption has a prior to calibrate (allowed: at least one assumption with a non-fixed prior)");
  const model = targetModel(scenario, options);
  const d = free.length;
  const x = new Float64Array(d);
  const logLiks = (m: Float64Array) => targets.map((t, i) => logLikelihood(obs[i]!, t.value, m[i]!));
  let result;
  try {
    result = smc(
      {
        dim: d,
        init: (i) => Float64Array.from(free, (f) => toFree(f.prior, clampInside(f.prior, drawPrior(Xoshiro128ss.derive(seed, "posterior", "init", i, f.name), f.prior, 0)))),
        logPrior: (z) => free.reduce((s, f, k) => s + logPriorFree(f.prior, z[k]!), 0),
        evaluate: (z) => {
          for (let k = 0; k < d; k++) x[k] = fromFree(free[k]!.prior, z[k]!);
          const outputs = model(x);
          return { logLik: logLiks(outputs).reduce((a, b) => a + b, 0), outputs };
        },
      },
      {
        particles: n,
        seed,
        onProgress: opts.onProgress,
        // Checked before any tempering: each target must be within reach of some prior draw.
        onPrior: (outputs) => checkReachable(scenario, outputs, obs, targets),
      },
    );
  } catch (error) {
    if (error instanceof NotReachedError) throw new InputError("scenario.calibration.targets", `${error.message} (allowed: targets the priors can reach)`);
    throw error;
  }
  checkNotCollapsed(result.unique, result.ess, n);
  const draws = result.particles.map((z) => free.map((f, k) => fromFree(f.prior, z[k]!)));
  const priorDraws: number[][] = [];
  for (let i = 0; i < n; i++) priorDraws.push(free.map((f) => drawPrior(Xoshiro128ss.derive(seed, "posterior", "init", i, f.name), f.prior, 0)));
  return {
    scenario: scenario.id,
    seed,
    particles: n,
    names: free.map((f) => f.name),
    priors: Object.fromEntries(free.map((f) => [f.name, f.prior])),
    logLik: Array.from(result.logLik),
    draws,
    ess: result.ess,
    unique: result.unique,
    stages: result.stages,
    logEvidence: result.logEvidence,
    evaluations: result.evaluations,
    targets: targets.map((t, i) => {
      const prior = interval(result.priorOutputs.map((o) => o[i]!));
      const post = interval(result.outputs.map((o) => o[i]!));
      const o = obs[i]!;
      const allowed = allowedHalfWidth(o, t.value);
      const halfWidth = (post.q95 - post.q05) / 2 / Math.abs(t.value);
      const covers = o.model === "ceiling" ? post.q05 <= t.value * (1 + allowed) : o.model === "floor" ? post.q95 >= t.value * (1 - allowed) : post.q05 <= t.value && t.value <= post.q95;
      const narrowEnough = o.model === "ceiling" || o.model === "floor" ? true : halfWidth <= allowed * widthSlack(n);
      return { index: i, figure: t.figure, option: t.option, year: t.year, metric: t.metric, published: t.value, observation: observationText(o), prior, posterior: post, allowed, halfWidth, covers, narrowEnough };
    }),
    assumptions: free.map((f, k) => ({ name: f.name, prior: interval(priorDraws.map((r) => r[k]!)), posterior: interval(draws.map((r) => r[k]!)) })),
  };
}

/** Refuses a posterior that collapsed onto few particles (too few distinct, or a low ESS). */
export function checkNotCollapsed(unique: number, ess: number, n: number): void {
  if (unique < MIN_UNIQUE_SHARE * n || ess < MIN_ESS_SHARE * n) {
    throw new InputError("--particles", `the posterior collapsed onto ${unique} distinct particles of ${n} (ESS ${ess.toFixed(0)}; allowed: at least ${MIN_UNIQUE_SHARE * 100} % distinct and ESS ≥ ${MIN_ESS_SHARE * 100} % of N; try more particles)`);
  }
}

/** A draw exactly on a bounded prior's edge (possible in floating point) moved just inside, so its logit is finite. */
function clampInside(p: FreePrior, v: number): number {
  if (p.dist === "lognormal") return v;
  const [lo, hi] = p.dist === "beta" ? [0, 1] : [p.min, p.max];
  const e = (hi - lo) * 1e-12;
  return Math.min(hi - e, Math.max(lo + e, v));
}

function checkReachable(scenario: Scenario, outputs: Float64Array[], obs: ReturnType<typeof observationOf>[], targets: NonNullable<Scenario["calibration"]>["targets"]): void {
  targets.forEach((t, i) => {
    const peak = logLikelihood(obs[i]!, t.value, t.value);
    let best = -Infinity;
    let lo = Infinity;
    let hi = -Infinity;
    for (const o of outputs) {
      const m = o[i]!;
      best = Math.max(best, logLikelihood(obs[i]!, t.value, m));
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    if (!(best >= peak - UNREACHABLE_GAP)) {
      throw new InputError(
        `scenario.calibration.targets[${i}]`,
        `${t.figure} (${t.metric}, ${t.option} year ${t.year}) = ${t.value} is out of the model's reach: over ${outputs.length} prior draws ${scenario.id}'s expectation ranges from ${lo.toPrecision(4)} to ${hi.toPrecision(4)} (allowed: a figure within about 5 observation sd of that range)`,
      );
    }
  });
}
