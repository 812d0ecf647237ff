/**
 * Calibration: does the baseline reproduce the published figures, and which values of the free
 * assumptions make it do so? Model values are the engine's conditional expectations with every
 * assumption at its point value (uncertainty off, one replicate): noise-free, so a fit converges
 * to the target instead of chasing Monte Carlo error. Free assumptions are fitted one at a time
 * against the target they move most (Gauss–Seidel sweeps of one-dimensional secant/bisection
 * solves on log value for positive assumptions), until every target is within 1e-4 relative.
 */
import { InputError } from "../rules/input-error.js";
import { compile, runPlan, type Plan, type ReplicateRow, type SubsidyPayer } from "./run.js";
import type { Calibration, ResolvedOption, Scenario } from "./scenario.js";

export interface TargetResult {
  index: number;
  figure: string;
  option: string;
  year: number;
  metric: string;
  relation: "equal" | "atMost";
  cells?: Record<string, (string | number | boolean)[]>;
  target: number;
  model: number;
  /** (model − target) / target. */
  relError: number;
  tolerance: number;
  pass: boolean;
  note?: string;
}

export interface CalibrationResult {
  targets: TargetResult[];
  /** Fitted values (empty when only evaluating). */
  fitted: Record<string, number>;
  sweeps: number;
  evaluations: number;
}

type Target = Calibration["targets"][number];

export function metricOf(rows: ReplicateRow[], t: Target): number {
  const row = rows.find((r) => r.option === t.option && r.year === t.year);
  if (!row) throw new Error(`internal: no row for option ${t.option}, year ${t.year}`);
  switch (t.metric) {
    case "enrolled":
      return row.expectedEnrolled;
    case "claimants":
      return row.expectedClaimants;
    case "benefits":
      return row.expectedBenefits;
    case "benefitsPerClaimant":
      return row.expectedClaimants > 0 ? row.expectedBenefits / row.expectedClaimants : 0;
    case "gross":
      return row.expectedGross;
    case "coverage":
      return row.population > 0 ? row.expectedEnrolled / row.population : 0;
    case "subsidies":
      return Object.values(row.subsidies).reduce((a, b) => a + b, 0);
    // Cost anchors (issue 13): ratios of the noise-free expectations, 0 where the denominator is.
    case "lossRatio":
      return row.expectedGross > 0 ? row.expectedBenefits / row.expectedGross : 0;
    case "cashLossRatio":
      return row.expectedGross > 0 ? row.expectedCashBenefits / row.expectedGross : 0;
    case "claimRate":
      return row.expectedEnrolled > 0 ? row.expectedClaimants / row.expectedEnrolled : 0;
    case "grossPerEnrollee":
      return row.expectedEnrolled > 0 ? row.expectedGross / row.expectedEnrolled : 0;
    default:
      // subsidy.<payer>: realised in the one replicate (at these sizes its noise is far below the tolerance)
      return row.subsidies[t.metric.slice("subsidy.".length) as SubsidyPayer];
  }
}

/** One compiled plan per distinct (option, cells filter); targets evaluate against theirs. */
export function plansFor(scenario: Scenario, options: ResolvedOption[], targets: readonly Target[]): { plans: Plan[]; planOf: number[] } {
  const keys: string[] = [];
  const plans: Plan[] = [];
  const planOf = targets.map((t) => {
    const key = JSON.stringify([t.option, t.cells ?? null]);
    let i = keys.indexOf(key);
    if (i < 0) {
      const chosen = options.filter((o) => o.option.id === t.option).map((o) => {
        if (!t.cells) return o;
        const cells = { ...(o.option.cells ?? {}), ...t.cells };
        return { option: { ...o.option, cells }, scheme: o.scheme };
      });
      plans.push(compile(scenario, chosen, "fast"));
      keys.push(key);
      i = keys.length - 1;
    }
    return i;
  });
  return { plans, planOf };
}

export interface CalibrateOptions {
  /** Fit the free assumptions (default false: only evaluate the scenario as it is). */
  fit?: boolean;
  /** Stop after this many sweeps (default 30). */
  maxSweeps?: number;
}

export function calibrate(scenario: Scenario, options: ResolvedOption[], opts: CalibrateOptions = {}): CalibrationResult {
  const calibration = scenario.calibration;
  if (!calibration) throw new InputError("scenario.calibration", "the scenario has no calibration targets");
  const targets = calibration.targets;
  const { plans, planOf } = plansFor(scenario, options, targets);
  const fix: Record<string, number> = {};
  for (const [name, a] of Object.entries(scenario.assumptions)) fix[name] = a.value;
  let evaluations = 0;
  const cache = new Map<number, ReplicateRow[]>();
  const evaluate = (): number[] => {
    cache.clear();
    return targets.map((t, i) => {
      const p = planOf[i]!;
      let rows = cache.get(p);
      if (!rows) {
        // Expectations only: the targets read no claim draw (the same numbers as a full run, test/sim/posterior-fast-evaluation.test.ts).
        rows = runPlan(plans[p]!, { replicates: 1, uncertainty: false, fix, expectationsOnly: true });
        evaluations++;
        cache.set(p, rows);
      }
      return metricOf(rows, t);
    });
  };
  const fitted: Record<string, number> = {};
  let sweeps = 0;
  if (opts.fit && calibration.fit.length > 0) {
    const maxSweeps = opts.maxSweeps ?? 30;
    if (!(Number.isInteger(maxSweeps) && maxSweeps >= 1 && maxSweeps <= 1000)) throw new InputError("maxSweeps", `out of range (allowed: an integer from 1 to 1000; got ${maxSweeps})`);
    for (; sweeps < maxSweeps; sweeps++) {
      for (const { assumption, target } of calibration.fit) {
        const t = targets[target]!;
        const a = scenario.assumptions[assumption]!;
        const positive = a.value > 0 && (a.prior.dist === "lognormal" || a.prior.dist === "fixed" || ("min" in a.prior && a.prior.min >= 0) || a.prior.dist === "beta");
        fix[assumption] = solve1d((x) => {
          fix[assumption] = x;
          return evaluate()[target]! - t.value;
        }, fix[assumption]!, positive, a.prior.dist === "beta" ? 1 : Infinity, assumption);
        fitted[assumption] = fix[assumption]!;
      }
      const values = evaluate();
      const worst = Math.max(...calibration.fit.map(({ target }) => Math.abs(values[target]! / targets[target]!.value - 1)));
      if (worst < 1e-4) {
        sweeps++;
        break;
      }
    }
  }
  const values = evaluate();
  return {
    targets: targets.map((t, i) => {
      const model = values[i]!;
      const relError = (model - t.value) / t.value;
      const pass = t.relation === "atMost" ? model <= t.value * (1 + t.tolerance) : Math.abs(relError) <= t.tolerance;
      return {
        index: i,
        figure: t.figure,
        option: t.option,
        year: t.year,
        metric: t.metric,
        relation: t.relation,
        ...(t.cells ? { cells: t.cells } : {}),
        target: t.value,
        model,
        relError,
        tolerance: t.tolerance,
        pass,
        ...(t.note ? { note: t.note } : {}),
      };
    }),
    fitted,
    sweeps,
    evaluations,
  };
}

/**
 * Root of f near x0: bracket by doubling/halving (positive) or ±1, ±2, ±4 … steps, then
 * secant with bisection safeguards, to a relative 1e-7 of x (absolute 1e-9 near 0).
 */
function solve1d(f: (x: number) => number, x0: number, positive: boolean, max: number, name: string): number {
  const step = (x: number, k: number) => (positive ? x * 2 ** k : x + k);
  let a = x0;
  let fa = f(a);
  if (fa === 0) return a;
  let b = a;
  let fb = fa;
  for (let k = 1; k <= 40; k++) {
    // Move in the direction that shrinks |f| (model increasing or decreasing in x).
    const up = Math.min(max, step(x0, k));
    const down = step(x0, -k);
    const fu = f(up);
    if (Math.sign(fu) !== Math.sign(fa)) {
      b = up;
      fb = fu;
      break;
    }
    const fd = f(down);
    if (Math.sign(fd) !== Math.sign(fa)) {
      b = down;
      fb = fd;
      break;
    }
    if (k === 40) throw new InputError(`scenario.calibration.fit (${name})`, "found no value that reaches the target (the target may not depend on this assumption)");
  }
  // Illinois (modified regula falsi): halve the stale end's value so the bracket keeps shrinking.
  let side = 0;
  for (let i = 0; i < 200; i++) {
    let x = b - (fb * (b - a)) / (fb - fa);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const fx = f(x);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fb)) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = b;
      fa = fb;
      b = x;
      fb = fx;
      side = 1;
    }
    if (Math.abs(b - a) <= 1e-9 * Math.max(Math.abs(b), 1e-3)) return b;
  }
  return b;
}
