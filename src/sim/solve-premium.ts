/**
 * Solving for the premium: the multiplier m on an option's pricing parameters (Scheme.pricing,
 * repriced through the rules' reform mechanism, src/sim/pricing.ts) at which
 *  - the mean loss ratio over replicates equals a target R, or
 *  - with a confidence C: P(loss ratio ≤ R) ≥ C — the smallest such m.
 *
 * Each evaluation recompiles the plan with the option's scheme repriced (only that option) and
 * runs the engine on the same seed and replicates (common random numbers), so parameter draws,
 * enrolment uniforms and claim streams are shared between evaluations and the objective moves
 * smoothly with m. Without a price response of take-up every replicate's loss ratio is exactly
 * proportional to 1/m (up to the fen rounding of premiums); with a logistic take-up and a
 * priceElasticity, enrolment moves with the price and the objective is only nearly monotone
 * (enrolment counts change in whole persons), which the bracketing solver tolerates.
 *
 * Loss ratio of a replicate: Σ benefits / Σ gross premium over the option's rows of that
 * replicate (all simulated years pooled; one row in a one-year run). A replicate with no premium
 * collected (nobody enrolled, no benefits) has no loss ratio: it is left out of the mean and
 * counts as meeting the target in P(LR ≤ R).
 *
 * Statistic: mean LR, or (with C) the k-th smallest LR with k = ⌈C·n⌉ — P̂(LR ≤ R) ≥ C exactly
 * when that order statistic is ≤ R. Both decrease in m. Root finding: Brent's method (zeroin) on
 * h(x) = ln statistic(eˣ) − ln R, x = ln m, which is linear with slope −1 when take-up does not
 * respond to price (so the first interpolation lands on the root). The bracket starts from m = 1
 * and the proportional guess m = statistic(1)/R, widening in the same direction until the sign
 * changes or a pricing parameter's allowed range is reached (then: no solution). Brent stops when
 * the bracket is narrower than ln(1 + tolerance) (default tolerance 1e-4, relative on m); the
 * answer is the bracket end on the safe side (statistic ≤ R), within that relative distance of
 * the root.
 */
import { InputError } from "../rules/input-error.js";
import { multiplierRange, pricingPathsUsed, pricingValues, repriced, type PricingValue } from "./pricing.js";
import { compile, runPlan, type Mode, type ReplicateRow } from "./run.js";
import type { ResolvedOption, Scenario } from "./scenario.js";
import { describeValues } from "./summary.js";
import { problem } from "./issues.js";
import { TARGET_LOSS_RATIO } from "./limits.js";

export interface SolvePremiumRequest {
  scenario: Scenario;
  options: ResolvedOption[];
  /** Option id. */
  option: string;
  /** Target loss ratio R, in (0, 10]. */
  targetLossRatio: number;
  /** Confidence C in (0, 1): solve P(LR ≤ R) ≥ C instead of mean LR = R. */
  confidence?: number;
  replicates?: number;
  seed?: number;
  mode?: Mode;
  /** Relative tolerance on m (default 1e-4). */
  tolerance?: number;
  /** Engine runs allowed (default 60). */
  maxEvaluations?: number;
  /** Called before each engine run. */
  onEvaluationStart?: (evaluation: number, multiplier: number) => void;
  /** Called after each replicate of an engine run. */
  onProgress?: (done: number, total: number) => void;
  /** Called after each engine run. */
  onEvaluation?: (e: EvaluationRecord) => void;
}

/** The loss-ratio distribution over replicates at one multiplier. */
export interface LossRatioSummary {
  /** Replicates with a loss ratio. */
  n: number;
  /** Replicates without one (no premium collected). */
  nulls: number;
  mean: number | null;
  /** Monte Carlo standard error of the mean. */
  mcse: number | null;
  q05: number | null;
  q50: number | null;
  q95: number | null;
  /** P(LR > 1). */
  pAbove1: number | null;
  /** P(LR ≤ R), nulls counting as met. */
  pAtMostTarget: number;
  /** Mean gross premium and benefits per replicate, 元. */
  gross: number;
  benefits: number;
  enrolled: number;
}

export interface EvaluationRecord {
  evaluation: number;
  multiplier: number;
  /** Mean LR, or the ⌈C·n⌉-th smallest LR. */
  statistic: number;
}

export interface SolvePremiumResult {
  scenario: string;
  option: string;
  scheme: string;
  /** Rules date the pricing parameters are read on (the scenario's date). */
  date: string;
  target: { lossRatio: number; confidence: number | null; statistic: "mean" | "order-statistic" };
  /** The solved multiplier. */
  multiplier: number;
  /** Relative tolerance on m. */
  tolerance: number;
  /** Multipliers allowed by the pricing parameters' ranges. */
  allowed: { min: number; max: number };
  /** Each pricing parameter: value in force now (base) and at the solved multiplier (value). */
  premiums: PricingValue[];
  /** Loss ratio at m = 1 (the premiums as they are) and at the solution. */
  current: LossRatioSummary;
  solved: LossRatioSummary;
  evaluations: number;
  history: EvaluationRecord[];
  replicates: number;
  seed: number;
  mode: Mode;
}

export const TARGET_RANGE = TARGET_LOSS_RATIO;

/** Engine runs the solver may make (maxEvaluations). */
export const MAX_EVALUATIONS = 1000;

/** Field names used in errors (the CLI passes its flag names). */
export interface FieldNames {
  targetLossRatio: string;
  confidence: string;
  option: string;
}
const DEFAULT_FIELDS: FieldNames = { targetLossRatio: "targetLossRatio", confidence: "confidence", option: "option" };

/** Checks R ∈ (0, 10] and C ∈ (0, 1); InputErrors name the field and the range (never a clamp). */
export function validateTarget(targetLossRatio: number, confidence: number | undefined, fields: FieldNames = DEFAULT_FIELDS): void {
  if (typeof targetLossRatio !== "number" || !(targetLossRatio > TARGET_RANGE.min && targetLossRatio <= TARGET_RANGE.max)) {
    const what = typeof targetLossRatio !== "number" ? "not a number" : "out of range";
    throw new InputError(fields.targetLossRatio, problem(what, `a loss ratio > ${TARGET_RANGE.min} and ≤ ${TARGET_RANGE.max}, e.g. 0.85`, targetLossRatio));
  }
  if (confidence !== undefined && (typeof confidence !== "number" || !(confidence > 0 && confidence < 1))) {
    const what = typeof confidence !== "number" ? "not a number" : "out of range";
    throw new InputError(fields.confidence, problem(what, "a probability strictly between 0 and 1, e.g. 0.9", confidence));
  }
}

/** The resolved option with this id; an unknown id is an InputError listing the known ones. */
export function findOption(options: readonly ResolvedOption[], id: string, field = "option"): ResolvedOption {
  const found = options.find((o) => o.option.id === id);
  if (!found) throw new InputError(field, problem("unknown option", `the scenario's options ${options.map((o) => o.option.id).join(", ")}`, id));
  return found;
}

/** Per-replicate loss ratios (years pooled) and totals of the option's rows. */
export function replicateLossRatios(rows: readonly ReplicateRow[], option: string): { lr: (number | null)[]; gross: number[]; benefits: number[]; enrolled: number[] } {
  const byRep = new Map<number, { gross: number; benefits: number; enrolled: number }>();
  for (const r of rows) {
    if (r.option !== option) continue;
    let t = byRep.get(r.replicate);
    if (!t) byRep.set(r.replicate, (t = { gross: 0, benefits: 0, enrolled: 0 }));
    t.gross += r.gross;
    t.benefits += r.benefits;
    t.enrolled += r.enrolled;
  }
  const reps = [...byRep.keys()].sort((a, b) => a - b).map((k) => byRep.get(k)!);
  return {
    lr: reps.map((t) => (t.gross > 0 ? t.benefits / t.gross : null)),
    gross: reps.map((t) => t.gross),
    benefits: reps.map((t) => t.benefits),
    enrolled: reps.map((t) => t.enrolled),
  };
}

function meanOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length > 0 ? s / xs.length : 0;
}

/** Summary of the loss ratios of one evaluation. */
export function lossRatioSummary(rows: readonly ReplicateRow[], option: string, target: number): LossRatioSummary {
  const { lr, gross, benefits, enrolled } = replicateLossRatios(rows, option);
  const d = describeValues(lr);
  let above = 0;
  let atMost = 0;
  for (const v of lr) {
    if (v === null) atMost++;
    else {
      if (v > 1) above++;
      if (v <= target) atMost++;
    }
  }
  return {
    n: d.n,
    nulls: d.nulls,
    mean: d.mean,
    mcse: d.mcse,
    q05: d.q05,
    q50: d.q50,
    q95: d.q95,
    pAbove1: d.n > 0 ? above / d.n : null,
    pAtMostTarget: lr.length > 0 ? atMost / lr.length : 0,
    gross: meanOf(gross),
    benefits: meanOf(benefits),
    enrolled: meanOf(enrolled),
  };
}

/** The objective statistic: mean LR (nulls skipped), or the ⌈C·n⌉-th smallest LR (nulls as 0). */
export function statisticOf(lr: readonly (number | null)[], confidence: number | undefined): number {
  if (confidence === undefined) {
    let s = 0;
    let n = 0;
    for (const v of lr) {
      if (v === null) continue;
      s += v;
      n++;
    }
    return n > 0 ? s / n : 0;
  }
  const sorted = Float64Array.from(lr, (v) => v ?? 0).sort();
  // ⌈C·n⌉ with a guard against float noise (0.9 × 200 = 180.00000000000003).
  const k = Math.max(1, Math.ceil(confidence * sorted.length - 1e-9));
  return sorted[k - 1]!;
}

/** Smallest multiplier searched when the parameters allow any positive value. */
const FLOOR = 1e-6;
/** Largest multiplier searched when the parameters have no upper bound. */
const CEILING = 1e6;

/** Solves for the premium multiplier; see the module comment. */
export function solvePremium(req: SolvePremiumRequest): SolvePremiumResult {
  const { scenario } = req;
  validateTarget(req.targetLossRatio, req.confidence);
  const resolved = findOption(req.options, req.option);
  const tolerance = req.tolerance ?? 1e-4;
  if (!(typeof tolerance === "number" && tolerance > 0 && tolerance < 0.1)) throw new InputError("tolerance", problem("out of range", "a number > 0 and < 0.1 (relative, on the multiplier)", tolerance));
  const maxEvaluations = req.maxEvaluations ?? 60;
  if (!(Number.isInteger(maxEvaluations) && maxEvaluations >= 2 && maxEvaluations <= MAX_EVALUATIONS)) {
    throw new InputError("maxEvaluations", problem("out of range", `an integer from 2 to ${MAX_EVALUATIONS}`, maxEvaluations));
  }
  const replicates = req.replicates ?? scenario.replicates;
  const seed = req.seed ?? scenario.seed;
  const mode = req.mode ?? "fast";
  const R = req.targetLossRatio;
  const C = req.confidence;
  const date = scenario.date;
  const scheme = resolved.scheme;
  // Only the pricing parameters the option's own (eligible) cells pay are rescaled: another
  // option on the same scheme (Urumqi's track B beside track A) keeps its premium.
  const paths = optionPricingPaths(scenario, resolved, date);
  const allowed = multiplierRange(scheme, date, paths);
  const search: Search = { req, resolved, date, paths, allowed, mode, replicates, seed, maxEvaluations, cache: new Map(), history: [] };
  const solution = solveMultiplier(search, tolerance);
  const atSolution = evaluate(search, solution);
  return {
    scenario: scenario.id,
    option: resolved.option.id,
    scheme: scheme.id,
    date,
    target: { lossRatio: R, confidence: C ?? null, statistic: C === undefined ? "mean" : "order-statistic" },
    multiplier: solution,
    tolerance,
    allowed,
    premiums: pricingValues(scheme, solution, date, paths),
    current: lossRatioSummary(evaluate(search, 1).rows, resolved.option.id, R),
    solved: lossRatioSummary(atSolution.rows, resolved.option.id, R),
    evaluations: search.history.length,
    history: search.history,
    replicates,
    seed,
    mode,
  };
}

/** A premium search: what each engine run needs, and the runs so far (by multiplier, and in order). */
interface Search {
  req: SolvePremiumRequest;
  resolved: ResolvedOption;
  date: string;
  /** The pricing parameters rescaled, and the multipliers their ranges allow. */
  paths: string[];
  allowed: { min: number; max: number };
  mode: Mode;
  replicates: number;
  seed: number;
  maxEvaluations: number;
  cache: Map<number, { rows: ReplicateRow[]; statistic: number }>;
  history: EvaluationRecord[];
}

/** The engine run at premium multiplier m (common random numbers: the same seed every time), cached. */
function evaluate(search: Search, m: number): { rows: ReplicateRow[]; statistic: number } {
  const { req, resolved, history } = search;
  const hit = search.cache.get(m);
  if (hit) return hit;
  if (history.length >= search.maxEvaluations) {
    throw new Error(`solve-premium: no convergence in ${search.maxEvaluations} engine runs (last m = ${m}); the loss ratio may not decrease with the premium`);
  }
  req.onEvaluationStart?.(history.length + 1, m);
  const option = { option: resolved.option, scheme: m === 1 ? resolved.scheme : repriced(resolved.scheme, m, search.date, search.paths) };
  const plan = compile(req.scenario, [option], search.mode);
  const rows = runPlan(plan, { mode: search.mode, replicates: search.replicates, seed: search.seed, ...(req.onProgress ? { onProgress: req.onProgress } : {}) });
  const statistic = statisticOf(replicateLossRatios(rows, resolved.option.id).lr, req.confidence);
  const e = { rows, statistic };
  search.cache.set(m, e);
  const record = { evaluation: history.length + 1, multiplier: m, statistic };
  history.push(record);
  req.onEvaluation?.(record);
  return e;
}

/**
 * The multiplier at which the statistic meets the target: bracketed from m = 1 by proportional
 * guesses (widened each miss), then Brent's method on log(statistic / R), which decreases in m.
 */
function solveMultiplier(search: Search, tolerance: number): number {
  const R = search.req.targetLossRatio;
  const C = search.req.confidence;
  const lo = Math.max(search.allowed.min, FLOOR);
  const hi = Math.min(search.allowed.max, CEILING);
  // h > 0: loss ratio too high (premium too low); h ≤ 0: target met.
  const h = (m: number) => {
    const s = evaluate(search, m).statistic;
    return s > 0 ? Math.log(s) - Math.log(R) : -Infinity;
  };
  const s1 = evaluate(search, 1).statistic;
  if (!(s1 > 0)) {
    const what = C === undefined ? `mean loss ratio ${R}` : `P(loss ratio ≤ ${R}) ≥ ${C}`;
    throw new InputError("targetLossRatio", `no solution: the option pays no benefits in any replicate (loss ratio 0 at every premium), so ${what} cannot be solved for`);
  }
  const h1 = Math.log(s1) - Math.log(R);
  if (h1 === 0) return 1;
  // Bracket [a, b] with h(a) > 0 ≥ h(b), a < b (h decreases in m).
  const up = h1 > 0;
  let known = 1;
  let knownStat = s1;
  let next = Math.min(hi, Math.max(lo, s1 / R));
  let widen = 1;
  let other: number | undefined;
  for (;;) {
    if (next === known) noSolution(search, known, up ? "high" : "low");
    const hn = h(next);
    if (up ? hn <= 0 : hn > 0) {
      other = next;
      break;
    }
    known = next;
    knownStat = evaluate(search, next).statistic;
    // Proportional guess, widened a little more each time the target is missed.
    widen *= 1.25;
    const guess = knownStat > 0 ? (known * knownStat) / R : known / 2;
    next = up ? Math.min(hi, Math.max(guess, known * 1.01) * widen) : Math.max(lo, Math.min(guess, known / 1.01) / widen);
  }
  const [a, b] = up ? [known, other] : [other, known];
  return brent(h, a, b, Math.log1p(tolerance));
}

/** No multiplier the pricing parameters allow meets the target: an InputError saying which end binds. */
function noSolution(search: Search, m: number, side: "high" | "low"): never {
  const R = search.req.targetLossRatio;
  const C = search.req.confidence;
  const { scheme } = search.resolved;
  const s = evaluate(search, m).statistic;
  const stat = C === undefined ? "the mean loss ratio" : `the ${C} quantile of the loss ratio`;
  const fmtM = (x: number) => String(Number(x.toPrecision(6)));
  throw new InputError(
    "targetLossRatio",
    side === "high"
      ? `no solution inside the pricing parameters' allowed ranges: even at the highest allowed premiums (multiplier ${fmtM(m)}, limited by ${limiting(scheme, search.date, "max", search.paths)}) ${stat} is ${s.toFixed(4)} > ${R}`
      : `no solution inside the pricing parameters' allowed ranges: even at the lowest premiums searched (multiplier ${fmtM(m)}${search.allowed.min > 0 ? `, limited by ${limiting(scheme, search.date, "min", search.paths)}` : ""}) ${stat} is ${s.toFixed(4)} ≤ ${R}, so the target does not bind`,
  );
}

/**
 * The pricing parameters the option's cells pay on `date` (its eligible cells; all its cells
 * when none is eligible); every pricing parameter when none moves their premium.
 */
export function optionPricingPaths(scenario: Scenario, resolved: ResolvedOption, date: string): string[] {
  const plan = compile(scenario, [resolved], "fast", {}, new Map());
  const cells = plan.options[0]!.cells;
  const eligible = cells.filter((pc) => pc.years[0]!.eligible);
  const buyers = (eligible.length > 0 ? eligible : cells).map((pc) => ({ person: pc.person, purchase: pc.purchase }));
  const used = pricingPathsUsed(resolved.scheme, buyers, date);
  return used.length > 0 ? used : [...resolved.scheme.pricing];
}

/** The pricing parameter whose range sets the multiplier's min or max, for messages. */
function limiting(scheme: ResolvedOption["scheme"], date: string, end: "min" | "max", paths: readonly string[]): string {
  let best: { path: string; m: number; bound: number } | undefined;
  for (const { path, base } of pricingValues(scheme, 1, date, paths)) {
    if (!(base > 0)) continue;
    const { range } = scheme.parameters.param(path);
    const m = (end === "max" ? range.max : range.min) / base;
    if (!best || (end === "max" ? m < best.m : m > best.m)) best = { path, m, bound: end === "max" ? range.max : range.min };
  }
  return best ? `${best.path} ${end === "max" ? "≤" : "≥"} ${best.bound}` : "the pricing parameters";
}

/**
 * Brent's zero finder (Brent 1973, the zeroin of Forsythe, Malcolm & Moler) on x = ln m for a
 * decreasing h with h(a) > 0 ≥ h(b). Returns the end of the final bracket with h ≤ 0; the bracket
 * is at most `xtol` wide (plus rounding), so the answer is within a relative `e^xtol − 1` of the
 * root in m. Infinite values of h force bisection steps.
 */
export function brent(h: (m: number) => number, a: number, b: number, xtol: number): number {
  // The multiplier of each x evaluated (so the answer is exactly a multiplier that was run).
  const mOf = new Map<number, number>();
  const f = (x: number) => {
    let m = mOf.get(x);
    if (m === undefined) mOf.set(x, (m = Math.exp(x)));
    return h(m);
  };
  let xa = Math.log(a);
  let xb = Math.log(b);
  mOf.set(xa, a);
  mOf.set(xb, b);
  let fa = f(xa);
  let fb = f(xb);
  if (!(fa > 0) || fb > 0) throw new Error(`brent: not a bracket (h(${a}) = ${fa}, h(${b}) = ${fb})`);
  if (fb === 0) return b;
  let xc = xa;
  let fc = fa;
  let d = xb - xa;
  let e = d;
  const EPS = Number.EPSILON;
  for (;;) {
    if ((fb > 0 && fc > 0) || (fb <= 0 && fc <= 0)) {
      xc = xa;
      fc = fa;
      d = xb - xa;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      xa = xb;
      xb = xc;
      xc = xa;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * EPS * Math.abs(xb) + 0.5 * xtol;
    const xm = 0.5 * (xc - xb);
    if (Math.abs(xm) <= tol1 || fb === 0) {
      return mOf.get(fb <= 0 ? xb : xc)!;
    }
    const finite = Number.isFinite(fa) && Number.isFinite(fb) && Number.isFinite(fc);
    if (finite && Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (xa === xc) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (xb - xa) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    xa = xb;
    fa = fb;
    xb += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(xb);
  }
}
