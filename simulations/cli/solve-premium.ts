/**
 * `puhui solve-premium <scenario.json> --option <id> --target-loss-ratio R [--confidence C]`:
 * the premium multiplier on an option's pricing parameters at which the mean loss ratio is R
 * (or P(loss ratio ≤ R) ≥ C), by src/sim/solve-premium.ts. Prints the multiplier, each pricing
 * parameter's current and solved value, and the loss-ratio distribution before and after; --json
 * prints the whole result. Bad input exits 2 with one line; progress goes to stderr.
 */
import type { Command, Io } from "./command.js";
import { UsageError } from "./errors.js";
import { readScenarioFile } from "./scenario-file.js";
import { numberFlag, parseStrict, table, type NumberRange } from "./args.js";
import { createProgress, formatSeconds, type Progress } from "./progress.js";
import { checkRows, parseIntFlag } from "./simulate.js";
import { InputError } from "../../src/rules/input-error.js";
import type { Mode } from "../../src/sim/run.js";
import { parseScenarioText, type ResolvedOption, type Scenario } from "../../src/sim/scenario.js";
import { solvePremium, TARGET_RANGE, validateTarget, type LossRatioSummary, type SolvePremiumResult } from "../../src/sim/solve-premium.js";

/** A number flag (plain decimal); anything else is an InputError naming the flag. */
export function parseNumberFlag(value: string | undefined, flag: string): number | undefined {
  return numberFlag(value, flag, { test: () => true, text: "a decimal number" });
}

/** The target loss ratio: > 0 and ≤ 10 (src/sim/solve-premium.ts TARGET_RANGE). */
export const TARGET_LOSS_RATIO: NumberRange = { test: (n) => n > TARGET_RANGE.min && n <= TARGET_RANGE.max, text: `a loss ratio > ${TARGET_RANGE.min} and ≤ ${TARGET_RANGE.max}, e.g. 0.85` };
/** The confidence: a probability strictly between 0 and 1. */
export const CONFIDENCE: NumberRange = { test: (n) => n > 0 && n < 1, text: "a probability strictly between 0 and 1, e.g. 0.9" };
/**
 * The solver keeps every engine run's rows (up to 60 runs, usually 10–20), so one run may have at
 * most this many rows (replicates × years).
 */
export const SOLVE_MAX_ROWS = 50_000;

/** The option chosen by --option, or by --scheme when exactly one option uses it, or the only option. */
export function chooseOption(options: readonly ResolvedOption[], optionId: string | undefined, schemeId: string | undefined): ResolvedOption {
  const ids = options.map((o) => o.option.id);
  if (optionId !== undefined && schemeId !== undefined) throw new UsageError("give --option or --scheme, not both");
  if (optionId !== undefined) {
    const found = options.find((o) => o.option.id === optionId);
    if (!found) throw new InputError("--option", `unknown option ${JSON.stringify(optionId)}; the scenario's options are ${ids.join(", ")}`);
    return found;
  }
  if (schemeId !== undefined) {
    const using = options.filter((o) => o.option.scheme === schemeId);
    if (using.length === 1) return using[0]!;
    const schemes = [...new Set(options.map((o) => o.option.scheme))];
    if (using.length === 0) throw new InputError("--scheme", `no option uses scheme ${JSON.stringify(schemeId)}; the scenario's schemes are ${schemes.join(", ")}`);
    throw new InputError("--scheme", `${using.length} options use ${schemeId} (${using.map((o) => o.option.id).join(", ")}); choose one with --option`);
  }
  if (options.length === 1) return options[0]!;
  throw new UsageError(`the scenario has ${options.length} options (${ids.join(", ")}); choose one with --option <id> or --scheme <id>`);
}

function fmtNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  const digits = a >= 100 ? 2 : a >= 1 ? 4 : 6;
  return String(Number(x.toFixed(digits)));
}

function lr(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "–" : x.toFixed(3);
}
function pct(x: number | null): string {
  return x === null ? "–" : `${(100 * x).toFixed(1)} %`;
}

function lossRatioRow(label: string, s: LossRatioSummary): string[] {
  return [label, lr(s.mean), s.mcse === null ? "–" : `± ${lr(s.mcse)}`, lr(s.q05), lr(s.q50), lr(s.q95), pct(s.pAbove1), pct(s.pAtMostTarget)];
}

/** The human report. */
export function solveReport(scenario: Scenario, r: SolvePremiumResult): string {
  const title = typeof scenario.title === "string" ? scenario.title : `${scenario.title.zh} / ${scenario.title.en}`;
  const option = scenario.options.find((o) => o.id === r.option)!;
  const label = typeof option.label === "string" ? option.label : `${option.label.zh} / ${option.label.en}`;
  const R = r.target.lossRatio;
  const lines: string[] = [];
  lines.push(`${scenario.id} — ${title}`);
  lines.push(`option ${r.option} — ${label} (scheme ${r.scheme}, rules of ${r.date})`);
  lines.push(`${r.replicates} replicates, seed ${r.seed}, mode ${r.mode}; the same random numbers at every premium`);
  lines.push(
    r.target.confidence === null
      ? `target: mean loss ratio = ${R}`
      : `target: P(loss ratio ≤ ${R}) ≥ ${pct(r.target.confidence)} (the smallest premium that meets it)`,
  );
  lines.push("");
  const range = `${fmtNumber(r.allowed.min)} to ${Number.isFinite(r.allowed.max) ? fmtNumber(r.allowed.max) : "∞"}`;
  lines.push(`premium multiplier m = ${r.multiplier.toFixed(4)} (relative tolerance ${r.tolerance}; allowed ${range}; ${r.evaluations} engine runs)`);
  lines.push("");
  lines.push(
    table(
      r.premiums.map((p) => [p.path, p.unit, fmtNumber(p.base), fmtNumber(p.value)]),
      ["pricing parameter", "unit", "current", "solved"],
    ).trimEnd(),
  );
  lines.push("");
  lines.push(
    table(
      [lossRatioRow("current (m = 1)", r.current), lossRatioRow(`solved (m = ${r.multiplier.toFixed(4)})`, r.solved)],
      ["loss ratio", "mean", "MC s.e.", "5 %", "median", "95 %", "P(LR > 1)", `P(LR ≤ ${R})`],
    ).trimEnd(),
  );
  const enrolledChange = r.current.enrolled > 0 ? r.solved.enrolled / r.current.enrolled - 1 : 0;
  if (Math.abs(enrolledChange) > 1e-9) lines.push(`enrolment responds to the price: mean enrolled ${fmtNumber(r.current.enrolled)} → ${fmtNumber(r.solved.enrolled)} (${(100 * enrolledChange).toFixed(1)} %)`);
  if (r.solved.nulls > 0) lines.push(`no premium collected (no loss ratio) in ${r.solved.nulls} replicates`);
  return lines.join("\n") + "\n";
}

interface Options {
  option?: string;
  scheme?: string;
  "target-loss-ratio"?: string;
  confidence?: string;
  replicates?: string;
  seed?: string;
  mode?: string;
  json?: boolean;
}

async function runSolve(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(args, {
    option: { type: "string" },
    scheme: { type: "string" },
    "target-loss-ratio": { type: "string" },
    confidence: { type: "string" },
    replicates: { type: "string" },
    seed: { type: "string" },
    mode: { type: "string" },
    json: { type: "boolean" },
  });
  const v = values as Options;
  if (positionals.length === 0) throw new UsageError("missing <scenario.json> (e.g. test/fixtures/small-gonghuibao.json)");
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <scenario.json>)`);
  if (v["target-loss-ratio"] === undefined) throw new UsageError(`--target-loss-ratio: missing (allowed: ${TARGET_LOSS_RATIO.text}; got nothing)`);
  const R = numberFlag(v["target-loss-ratio"], "--target-loss-ratio", TARGET_LOSS_RATIO)!;
  const C = numberFlag(v.confidence, "--confidence", CONFIDENCE);
  validateTarget(R, C, { targetLossRatio: "--target-loss-ratio", confidence: "--confidence", option: "--option" });
  const replicatesFlag = parseIntFlag(v.replicates, "replicates");
  const seedFlag = parseIntFlag(v.seed, "seed");
  const mode: Mode = v.mode === undefined ? "fast" : v.mode === "fast" || v.mode === "exact" ? v.mode : (() => {
    throw new InputError("--mode", `unknown mode (allowed: fast, exact; got ${JSON.stringify(v.mode)})`);
  })();
  const path = positionals[0]!;
  const text = readScenarioFile(path);
  const { scenario, options } = parseScenarioText(text, path);
  const chosen = chooseOption(options, v.option, v.scheme);
  const replicates = replicatesFlag ?? scenario.replicates;
  checkRows(replicates, scenario, replicatesFlag !== undefined, SOLVE_MAX_ROWS, 1);
  const seed = seedFlag ?? scenario.seed;

  const start = performance.now();
  let progress: Progress | undefined;
  let result: SolvePremiumResult;
  try {
    result = solvePremium({
      scenario,
      options,
      option: chosen.option.id,
      targetLossRatio: R,
      ...(C === undefined ? {} : { confidence: C }),
      replicates,
      seed,
      mode,
      onEvaluationStart: (k, m) => {
        progress?.abort();
        progress = io.errIsTTY ? createProgress(io, replicates, { verb: `run ${k}, m = ${m.toFixed(4)}:` }) : undefined;
      },
      onProgress: (done) => progress?.update(done),
    });
  } catch (error) {
    progress?.abort();
    if (error instanceof InputError && error.field === "targetLossRatio") {
      throw new InputError("--target-loss-ratio", error.message.slice(error.field.length + 2));
    }
    throw error;
  }
  progress?.abort();
  const seconds = (performance.now() - start) / 1000;
  io.err(`solved in ${result.evaluations} engine runs × ${replicates} replicates in ${formatSeconds(seconds)}\n`);
  if (v.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(solveReport(scenario, result));
  return 0;
}

export const solvePremiumCommand: Command = {
  path: ["solve-premium"],
  summary: "premium multiplier for a target loss ratio (mean, or with a confidence level)",
  usage: `Usage: puhui solve-premium <scenario.json> (--option <id> | --scheme <id>) --target-loss-ratio R
                             [--confidence C] [--replicates N] [--seed S] [--mode fast|exact] [--json]

Finds the multiplier m on the option's pricing parameters (e.g. 工惠保's two age-tier premiums;
puhui rules show <scheme> lists every parameter) at which the mean loss ratio over replicates is R,
or, with --confidence C, the smallest m with P(loss ratio ≤ R) ≥ C. Every trial premium is
simulated on the same seed (common random numbers); take-up may respond to the price. Prints m,
each pricing parameter's current and solved value, and the loss-ratio distribution at the current
and the solved premiums.
  --option ID           the option to price (not needed when the scenario has one option)
  --scheme ID           the option using this scheme (when exactly one option does)
  --target-loss-ratio R a loss ratio > 0 and ≤ 10, e.g. 0.85
  --confidence C        a probability in (0, 1), e.g. 0.9
  --replicates N        1 to 100000 (default: the scenario's), and at most 50000 rows
                        (replicates × years) per engine run: the solver keeps every run's rows
  --seed S              integer 0 to 2^53−1 (default: the scenario's)
  --mode M              fast (default) or exact
  --json                print the whole result as JSON
No solution inside the pricing parameters' allowed ranges is bad input (exit 2).
`,
  run: runSolve,
};

export const solvePremiumCommands: Command[] = [solvePremiumCommand];
