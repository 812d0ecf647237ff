/**
 * Sensitivity: which assumptions drive the spread of a scenario's results.
 *
 * (a) One-at-a-time tornado. For each assumption with a non-fixed prior, the engine is run with
 *     that assumption pinned at its prior's 5 % and then 95 % quantile (priorQuantile) and every
 *     other assumption at its point value (uncertainty off). Recorded are the engine's conditional
 *     expectations given the parameters — E[benefits | θ] and E[enrolled | θ] (expectedBenefits,
 *     expectedEnrolled, averaged over the few replicates run, all years pooled) — and the loss
 *     ratio E[benefits | θ] / E[gross | θ] (the engine's expectedGross). In a one-year run E[benefits | θ] and
 *     E[enrolled | θ] are noise-free, so one replicate would do; multi-year runs carry earlier
 *     years' realised enrolment into later years' expectations, hence a few replicates by default.
 *     Bars are sorted by the swing |high − low| of E[benefits].
 *
 * (b) Variance-based first-order indices S_i = Var(E[Y | θ_i]) / Var(Y) for Y = E[benefits | θ]
 *     per replicate (and Y = E[enrolled | θ]) from an ordinary run with uncertainty on. The drawn
 *     θ of each replicate is recomputed with drawParameters (the engine's own draw). Estimator:
 *     sort replicates by θ_i, cut them into B contiguous bins of (almost) equal size
 *     (B = round(√N) by default), and take the between-bin variance corrected for the noise of
 *     the bin means (one-way ANOVA method of moments):
 *         Ŝ_i = [SSB − (B − 1) · SSW / (N − B)] / SST,
 *     SSB = Σ_b n_b (ȳ_b − ȳ)², SSW = Σ_b Σ_{j∈b} (y_j − ȳ_b)², SST = SSB + SSW. The estimate may
 *     be slightly negative for an assumption that does not matter. Standard error: bootstrap over
 *     replicates (default 200 resamples, a fixed stream per seed, so results are reproducible).
 *     For independent inputs Σ S_i ≤ 1; 1 − Σ S_i is interactions (and process noise in Y).
 *     Outputs: E[benefits | θ], E[enrolled | θ], the premium E[gross | θ] and the loss ratio
 *     E[benefits | θ] / E[gross | θ] (issue 13).
 *
 * (c) On the posterior (issue 13, `posterior`: a file of `puhui calibrate --posterior`): the same
 *     two analyses with the posterior in place of the priors. The tornado's base is every drawn
 *     assumption at its posterior median and each end its posterior 5 % / 95 % quantile; the
 *     indices' run takes replicate r's assumptions from posterior draw order[r mod N] exactly as
 *     `puhui simulate --posterior` does (./posterior/replicates.ts), and θ_i is that draw. Posterior
 *     draws are correlated (the data tie assumptions together), so Σ S_i may exceed 1: each S_i
 *     is still Var(E[Y | θ_i]) / Var(Y), the share a perfect knowledge of θ_i alone would remove.
 */
import { InputError } from "../rules/input-error.js";
import type { Prior } from "../rules/parameter.js";
import { priorQuantile } from "./priors.js";
import type { PosteriorFile } from "./posterior/file.js";
import { checkPosteriorFor, drawOrder } from "./posterior/replicates.js";
import { problem } from "./issues.js";
import { MAX_REPLICATES, MIN_SENSITIVITY_REPLICATES } from "./limits.js";

/** Bootstrap resamples of the first-order indices' standard errors. */
export const MAX_BOOTSTRAP = 10_000;
import { Xoshiro128ss } from "./rng.js";
import { compile, drawParameters, runPlan, type Mode, type Plan, type ReplicateRow } from "./run.js";
import type { ResolvedOption, Scenario } from "./scenario.js";

export interface Conditional {
  /** E[benefits | θ], 元 (years pooled). */
  expectedBenefits: number;
  /** E[enrolled | θ] (enrollee-years pooled). */
  expectedEnrolled: number;
  /** E[gross | θ], 元 (years pooled): the premium. */
  expectedGross: number;
  /** E[benefits | θ] / E[gross | θ]; null when no premium. */
  lossRatio: number | null;
}

export interface TornadoBar {
  assumption: string;
  prior: Prior;
  /** Point value (where the other assumptions stay); on the posterior, its posterior median. */
  value: number;
  /** The prior's (on the posterior: the posterior's) low and high quantiles (5 % and 95 % by default). */
  low: number;
  high: number;
  atLow: Conditional;
  atHigh: Conditional;
  /** |atHigh − atLow| of each output. */
  swing: { expectedBenefits: number; expectedEnrolled: number; expectedGross: number; lossRatio: number | null };
}

export interface Tornado {
  option: string;
  /** Every assumption at its point value. */
  base: Conditional;
  /** Sorted by the swing of E[benefits], largest first. */
  bars: TornadoBar[];
}

export interface FirstOrderIndex {
  assumption: string;
  /** Ŝ_i (bias-corrected binning estimate). */
  index: number;
  /** Bootstrap standard error. */
  se: number;
}

/** The outputs of the first-order indices: E[benefits | θ], E[enrolled | θ], the premium E[gross | θ] and the loss ratio. */
export const INDEX_OUTPUTS = ["expectedBenefits", "expectedEnrolled", "expectedGross", "lossRatio"] as const;
export type IndexOutput = (typeof INDEX_OUTPUTS)[number];

export interface VarianceIndices {
  option: string;
  output: IndexOutput;
  mean: number;
  /** Var(Y) over replicates (divisor N). */
  variance: number;
  /** Sorted by index, largest first; empty when Var(Y) = 0. */
  indices: FirstOrderIndex[];
  /** Σ Ŝ_i. */
  sum: number;
}

export interface OptionSensitivity {
  option: string;
  tornado: Tornado;
  indices: Record<IndexOutput, VarianceIndices>;
}

export interface SensitivityResult {
  scenario: string;
  seed: number;
  mode: Mode;
  /** What the assumptions were drawn from: their priors, or a posterior file (its command). */
  basis: "prior" | "posterior";
  posteriorCommand?: string;
  /** Quantile levels of the tornado. */
  quantiles: [number, number];
  tornadoReplicates: number;
  /** Replicates of the variance-based run, bins and bootstrap resamples. */
  replicates: number;
  bins: number;
  bootstrap: number;
  /** Assumptions with a non-fixed prior (the ones analysed). */
  assumptions: string[];
  options: OptionSensitivity[];
}

export interface SensitivityRequest {
  scenario: Scenario;
  options: ResolvedOption[];
  /** Option id; default every option. */
  option?: string;
  mode?: Mode;
  seed?: number;
  /** Replicates of the variance-based run (default the scenario's). */
  replicates?: number;
  /** Replicates of each tornado run (default 1 for a one-year scenario, 20 otherwise). */
  tornadoReplicates?: number;
  /** Quantile levels of the tornado (default [0.05, 0.95]). */
  quantiles?: [number, number];
  /** Bins of the first-order estimator (default round(√N), at least 2). */
  bins?: number;
  /** Bootstrap resamples for the standard errors (default 200). */
  bootstrap?: number;
  /** Progress over the engine runs: (done, total) replicates. */
  onProgress?: (done: number, total: number) => void;
  /** Run on this posterior instead of the priors (see (c) above). */
  posterior?: PosteriorFile;
}

/** Per option: per-replicate sums over years of a row field, replicates in ascending order. */
function perReplicate(rows: readonly ReplicateRow[], option: string, pick: (r: ReplicateRow) => number): Float64Array {
  const by = new Map<number, number>();
  for (const r of rows) if (r.option === option) by.set(r.replicate, (by.get(r.replicate) ?? 0) + pick(r));
  return Float64Array.from([...by.keys()].sort((a, b) => a - b), (k) => by.get(k)!);
}

function meanOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length > 0 ? s / xs.length : 0;
}

/** Conditional expectations of an option, averaged over the rows' replicates. */
function conditional(rows: readonly ReplicateRow[], option: string): Conditional {
  const eb = meanOf(perReplicate(rows, option, (r) => r.expectedBenefits));
  const en = meanOf(perReplicate(rows, option, (r) => r.expectedEnrolled));
  const expectedGross = meanOf(perReplicate(rows, option, (r) => r.expectedGross));
  return { expectedBenefits: eb, expectedEnrolled: en, expectedGross, lossRatio: expectedGross > 0 ? eb / expectedGross : null };
}

/**
 * Ŝ for one input: `order` sorts the N values of `y` by the input; B contiguous bins.
 * Returns null when Var(y) = 0.
 */
export function firstOrderIndex(y: ArrayLike<number>, order: ArrayLike<number>, bins: number): number | null {
  const n = order.length;
  const B = Math.max(2, Math.min(bins, Math.floor(n / 2)));
  let total = 0;
  for (let j = 0; j < n; j++) total += y[order[j]!]!;
  const mean = total / n;
  let ssb = 0;
  let ssw = 0;
  let start = 0;
  for (let b = 0; b < B; b++) {
    const size = Math.floor(n / B) + (b < n % B ? 1 : 0);
    let s = 0;
    for (let j = start; j < start + size; j++) s += y[order[j]!]!;
    const m = s / size;
    for (let j = start; j < start + size; j++) {
      const d = y[order[j]!]! - m;
      ssw += d * d;
    }
    ssb += size * (m - mean) * (m - mean);
    start += size;
  }
  const sst = ssb + ssw;
  if (!(sst > 0)) return null;
  return (ssb - ((B - 1) * ssw) / (n - B)) / sst;
}

/** Indices of `x` sorted by value (ties by index). */
function argsort(x: ArrayLike<number>, idx: Uint32Array): Uint32Array {
  return idx.sort((a, b) => x[a]! - x[b]! || a - b);
}

/** First-order indices of every input in `thetas` for output `y`, with bootstrap standard errors. */
export function firstOrderIndices(
  y: ArrayLike<number>,
  thetas: { name: string; values: ArrayLike<number> }[],
  bins: number,
  bootstrap: number,
  seed: number,
): { indices: FirstOrderIndex[]; variance: number; mean: number } {
  const n = y.length;
  const mean = meanOf(y);
  let variance = 0;
  for (let j = 0; j < n; j++) variance += (y[j]! - mean) ** 2;
  variance /= n;
  if (!(variance > 0) || n < MIN_SENSITIVITY_REPLICATES) return { indices: [], variance, mean };
  const identity = Uint32Array.from({ length: n }, (_, j) => j);
  const indices = thetas.map(({ name, values }) => {
    const est = firstOrderIndex(y, argsort(values, identity.slice()), bins)!;
    // Bootstrap: resample replicates with replacement; the same resamples for every input.
    const rng = Xoshiro128ss.derive(seed, "sensitivity-bootstrap");
    const sample = new Uint32Array(n);
    const ys = new Float64Array(n);
    const xs = new Float64Array(n);
    let s1 = 0;
    let s2 = 0;
    let k = 0;
    for (let b = 0; b < bootstrap; b++) {
      for (let j = 0; j < n; j++) sample[j] = Math.floor(rng.uniform() * n);
      for (let j = 0; j < n; j++) {
        ys[j] = y[sample[j]!]!;
        xs[j] = values[sample[j]!]!;
      }
      const v = firstOrderIndex(ys, argsort(xs, identity.slice()), bins);
      if (v === null) continue;
      s1 += v;
      s2 += v * v;
      k++;
    }
    const se = k > 1 ? Math.sqrt(Math.max(0, (s2 - (s1 * s1) / k) / (k - 1))) : Number.NaN;
    return { assumption: name, index: est, se };
  });
  indices.sort((a, b) => b.index - a.index || a.assumption.localeCompare(b.assumption));
  return { indices, variance, mean };
}

/** Empirical quantile of sorted values (linear interpolation between order statistics). */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Runs the tornado and the variance-based indices; see the module comment. */
export function sensitivity(req: SensitivityRequest): SensitivityResult {
  const { scenario, posterior } = req;
  const settings = settingsOf(req);
  const { mode, seed, replicates, tornadoReplicates, bins, bootstrap } = settings;
  const chosen = chosenOptions(req);
  const plan: Plan = compile(scenario, chosen, mode);
  if (posterior) checkPosteriorFor(scenario, posterior, "posterior");
  const names = posterior ? posterior.names.filter((n) => plan.assumptionNames.includes(n)) : plan.assumptionNames.filter((n) => scenario.assumptions[n]!.prior.dist !== "fixed");
  const run = runner(plan, req, settings, (2 * names.length + 1) * tornadoReplicates + replicates);

  // Where the tornado stands: the point values, or every posterior assumption at its median; its ends.
  const marginals = new Map<string, Float64Array>();
  if (posterior) posterior.names.forEach((n, k) => marginals.set(n, Float64Array.from(posterior.draws, (d) => d[k]!).sort()));
  const center: Record<string, number> = {};
  for (const [n, xs] of marginals) center[n] = sortedQuantile(xs, 0.5);
  const endsOf = (name: string): [number, number] => {
    const xs = marginals.get(name);
    if (xs) return [sortedQuantile(xs, settings.quantiles[0]), sortedQuantile(xs, settings.quantiles[1])];
    const a = scenario.assumptions[name]!;
    return [priorQuantile(a.prior, a.value, settings.quantiles[0]), priorQuantile(a.prior, a.value, settings.quantiles[1])];
  };

  // (a) Tornado: base, then each assumption at its low and high quantile.
  const baseRows = run({ uncertainty: false, fix: { ...center } }, tornadoReplicates);
  const ends = names.map((name) => {
    const a = scenario.assumptions[name]!;
    const [low, high] = endsOf(name);
    const value = center[name] ?? a.value;
    return { name, a, value, low, high, lowRows: run({ uncertainty: false, fix: { ...center, [name]: low } }, tornadoReplicates), highRows: run({ uncertainty: false, fix: { ...center, [name]: high } }, tornadoReplicates) };
  });

  // (b) One ordinary run (on the posterior: replicate r at draw order[r mod N]); the θ of each replicate.
  let rows: ReplicateRow[];
  let thetas: { name: string; values: Float64Array }[];
  if (posterior) {
    const order = drawOrder(posterior.draws.length, seed);
    const drawOf = (r: number) => posterior.draws[order[r % order.length]!]!;
    rows = run({ uncertainty: true }, replicates, (r) => Object.fromEntries(posterior.names.map((n, k) => [n, drawOf(r)[k]!])));
    thetas = names.map((name) => {
      const k = posterior.names.indexOf(name);
      return { name, values: Float64Array.from({ length: replicates }, (_, r) => drawOf(r)[k]!) };
    });
  } else {
    rows = run({ uncertainty: true }, replicates);
    const thetaRows = Array.from({ length: replicates }, (_, r) => drawParameters(scenario, plan.assumptionNames, seed, r, true));
    thetas = names.map((name) => {
      const i = plan.assumptionNames.indexOf(name);
      return { name, values: Float64Array.from(thetaRows, (t) => t[i]!) };
    });
  }

  const out: OptionSensitivity[] = chosen.map(({ option }) => {
    const id = option.id;
    const benefits = perReplicate(rows, id, (r) => r.expectedBenefits);
    const gross = perReplicate(rows, id, (r) => r.expectedGross);
    const series: Record<IndexOutput, Float64Array | null> = {
      expectedBenefits: benefits,
      expectedEnrolled: perReplicate(rows, id, (r) => r.expectedEnrolled),
      expectedGross: gross,
      // The loss ratio only where every replicate collects a premium (else no indices).
      lossRatio: gross.every((g) => g > 0) ? benefits.map((b, j) => b / gross[j]!) : null,
    };
    const indicesOf = (output: IndexOutput): VarianceIndices => {
      const y = series[output];
      if (!y) return { option: id, output, mean: Number.NaN, variance: 0, indices: [], sum: 0 };
      const { indices, variance, mean } = firstOrderIndices(y, thetas, bins, bootstrap, seed);
      return { option: id, output, mean, variance, indices, sum: indices.reduce((s, x) => s + x.index, 0) };
    };
    return {
      option: id,
      tornado: { option: id, base: conditional(baseRows, id), bars: tornadoBars(ends, id) },
      indices: Object.fromEntries(INDEX_OUTPUTS.map((o) => [o, indicesOf(o)])) as Record<IndexOutput, VarianceIndices>,
    };
  });
  return {
    scenario: scenario.id,
    seed,
    mode,
    basis: posterior ? "posterior" : "prior",
    ...(posterior ? { posteriorCommand: posterior.command } : {}),
    quantiles: settings.quantiles,
    tornadoReplicates,
    replicates,
    bins,
    bootstrap,
    assumptions: names,
    options: out,
  };
}

/** A request's settings with their defaults, each checked (InputError naming it). */
interface Settings {
  mode: Mode;
  seed: number;
  replicates: number;
  tornadoReplicates: number;
  quantiles: [number, number];
  bins: number;
  bootstrap: number;
}

function settingsOf(req: SensitivityRequest): Settings {
  const { scenario } = req;
  const replicates = req.replicates ?? scenario.replicates;
  const tornadoReplicates = req.tornadoReplicates ?? (scenario.years > 1 ? 20 : 1);
  const [qLow, qHigh] = req.quantiles ?? [0.05, 0.95];
  if (!(qLow > 0 && qLow < qHigh && qHigh < 1)) throw new InputError("quantiles", problem("out of order or range", "two levels 0 < low < high < 1, e.g. [0.05, 0.95]", [qLow, qHigh]));
  const whole = (x: unknown) => (Number.isInteger(x) ? "out of range" : "not a whole number");
  if (!(Number.isInteger(replicates) && replicates >= MIN_SENSITIVITY_REPLICATES && replicates <= MAX_REPLICATES)) {
    throw new InputError("replicates", problem(whole(replicates), `an integer from ${MIN_SENSITIVITY_REPLICATES} to ${MAX_REPLICATES} (the variance-based indices need ${MIN_SENSITIVITY_REPLICATES})`, replicates));
  }
  if (!(Number.isInteger(tornadoReplicates) && tornadoReplicates >= 1 && tornadoReplicates <= MAX_REPLICATES)) {
    throw new InputError("tornadoReplicates", problem(whole(tornadoReplicates), `an integer from 1 to ${MAX_REPLICATES}`, tornadoReplicates));
  }
  const bins = req.bins ?? Math.max(2, Math.round(Math.sqrt(replicates)));
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= replicates / 2)) throw new InputError("bins", problem(whole(bins), `an integer from 2 to replicates / 2 (${Math.floor(replicates / 2)})`, bins));
  const bootstrap = req.bootstrap ?? 200;
  if (!(Number.isInteger(bootstrap) && bootstrap >= 2 && bootstrap <= MAX_BOOTSTRAP)) throw new InputError("bootstrap", problem(whole(bootstrap), `an integer from 2 to ${MAX_BOOTSTRAP}`, bootstrap));
  return { mode: req.mode ?? "fast", seed: req.seed ?? scenario.seed, replicates, tornadoReplicates, quantiles: [qLow, qHigh], bins, bootstrap };
}

/** The request's option (all options when none is named). */
function chosenOptions(req: SensitivityRequest): SensitivityRequest["options"] {
  if (req.option === undefined) return req.options;
  const chosen = req.options.filter((o) => o.option.id === req.option);
  if (chosen.length === 0) throw new InputError("option", problem("unknown option", `the scenario's options ${req.options.map((o) => o.option.id).join(", ")}`, req.option));
  return chosen;
}

/**
 * Runs the plan for `reps` replicates at a time, reporting progress over all the runs' `totalWork`
 * replicates; with `fixOf`, replicate r is run alone with those assumption values (posterior draws).
 */
function runner(plan: Plan, req: SensitivityRequest, settings: Settings, totalWork: number): (options: Parameters<typeof runPlan>[1], reps: number, fixOf?: (r: number) => Record<string, number>) => ReplicateRow[] {
  let done = 0;
  return (options, reps, fixOf) => {
    const before = done;
    const progress = (d: number) => req.onProgress?.(before + d, totalWork);
    let rows: ReplicateRow[];
    if (fixOf) {
      rows = [];
      for (let r = 0; r < reps; r++) {
        rows.push(...runPlan(plan, { ...options, mode: settings.mode, seed: settings.seed, replicates: reps, range: [r, r + 1], fix: fixOf(r) }));
        progress(r + 1);
      }
    } else rows = runPlan(plan, { ...options, mode: settings.mode, seed: settings.seed, replicates: reps, ...(req.onProgress ? { onProgress: progress } : {}) });
    done = before + reps;
    return rows;
  };
}

/** The tornado's bars for one option: each assumption's swing between its low and high runs, widest first. */
function tornadoBars(ends: readonly { name: string; a: Scenario["assumptions"][string]; value: number; low: number; high: number; lowRows: ReplicateRow[]; highRows: ReplicateRow[] }[], id: string): TornadoBar[] {
  const bars: TornadoBar[] = ends.map(({ name, a, value, low, high, lowRows, highRows }) => {
    const atLow = conditional(lowRows, id);
    const atHigh = conditional(highRows, id);
    return {
      assumption: name,
      prior: a.prior,
      value,
      low,
      high,
      atLow,
      atHigh,
      swing: {
        expectedBenefits: Math.abs(atHigh.expectedBenefits - atLow.expectedBenefits),
        expectedEnrolled: Math.abs(atHigh.expectedEnrolled - atLow.expectedEnrolled),
        expectedGross: Math.abs(atHigh.expectedGross - atLow.expectedGross),
        lossRatio: atLow.lossRatio === null || atHigh.lossRatio === null ? null : Math.abs(atHigh.lossRatio - atLow.lossRatio),
      },
    };
  });
  return bars.sort(
    (x, y) =>
      y.swing.expectedBenefits - x.swing.expectedBenefits ||
      y.swing.expectedEnrolled - x.swing.expectedEnrolled ||
      (y.swing.lossRatio ?? 0) - (x.swing.lossRatio ?? 0) ||
      x.assumption.localeCompare(y.assumption),
  );
}
