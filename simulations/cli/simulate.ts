/**
 * `puhui simulate <scenario.json>`: validates a scenario, runs the Monte Carlo engine (optionally
 * across worker threads, with a command-line reform on top of each option's own), prints a summary
 * table (or --json summaries), and optionally writes the replicate rows (--out .arrow/.csv/.json)
 * and appends the run to a DuckDB results store (--db). Bad input exits 2 with one line naming the
 * field or flag (InputError/UsageError, handled by main.ts). Progress goes to stderr.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Command, Io } from "./command.js";
import { UsageError } from "./errors.js";
import { readScenarioFile } from "./scenario-file.js";
import { intFlag, parseStrict, readJson, table, type IntRange } from "./args.js";
import { checkDistinct, checkOutputPath, writeFileAtomic, type InputFile } from "./files.js";
import { createProgress } from "./progress.js";
import { InputError } from "../../src/rules/input-error.js";
import { parseReform, type Reform, type ReformValue } from "../../src/rules/index.js";
import { getScheme } from "../../src/schemes/index.js";
import { runJob, type SimulationJob } from "../../src/sim/parallel.js";
import { runPosteriorJob } from "../../src/sim/posterior/replicates.js";
import { readPosteriorFlag } from "./calibrate.js";
import { wanYi } from "./format.js";
import { formatOfPath, formatResults } from "../../src/sim/results.js";
import { MODES, type Mode, type ReplicateRow } from "../../src/sim/run.js";
import { MAX_REPLICATES, MAX_ROWS, MAX_SEED, MAX_WORKERS } from "../../src/sim/limits.js";
import { parseScenario, parseScenarioText, type Scenario } from "../../src/sim/scenario.js";
import { compareOptions, summarize, type GroupSummary, type MetricSummary, type OptionComparison } from "../../src/sim/summary.js";

/** Workbench version (package.json), recorded with each stored run. */
const version: string = (JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf-8")) as { version: string }).version;

/**
 * Bounds of the numeric flags, shared by simulate, solve-premium and sensitivity. Rows are held in
 * memory (≈ 0.5 kB each, about 2 kB at the peak while a results file is formatted), so a run may
 * have at most `rows` rows (replicates × options × years): about 1 GB at the peak.
 */
export const LIMITS = {
  replicates: { min: 1, max: MAX_REPLICATES, unit: "replicates" },
  workers: { min: 1, max: MAX_WORKERS, unit: "worker threads" },
  seed: { min: 0, max: MAX_SEED },
  rows: MAX_ROWS,
} as const;

/** An integer flag of LIMITS; anything else is an InputError naming the flag and the range. */
export function parseIntFlag(value: string | undefined, flag: "replicates" | "workers" | "seed", range?: IntRange): number | undefined {
  return intFlag(value, `--${flag}`, range ?? LIMITS[flag]);
}

/**
 * Refuses a run whose rows (replicates × options × years) would not fit comfortably in memory;
 * `fromFlag` says whether the replicates came from --replicates or from the scenario file.
 */
export function checkRows(replicates: number, scenario: Pick<Scenario, "options" | "years">, fromFlag: boolean, maxRows: number = LIMITS.rows, options = scenario.options.length): void {
  const perReplicate = options * scenario.years;
  if (replicates * perReplicate <= maxRows) return;
  const most = Math.floor(maxRows / perReplicate);
  const shape = `${options} option${options === 1 ? "" : "s"} × ${scenario.years} year${scenario.years === 1 ? "" : "s"}`;
  throw new InputError(
    fromFlag ? "--replicates" : "scenario.replicates",
    `too many rows to hold in memory: ${replicates} replicates × ${shape} = ${replicates * perReplicate} rows (allowed: at most ${maxRows} rows, so at most ${most} replicates for this scenario; got ${replicates})`,
  );
}

/**
 * The worker threads to use: more than the replicates (or than 64) is refused; more than the
 * machine's CPUs is lowered to one per CPU, with a note (results are identical for any number).
 */
export function planWorkers(requested: number, replicates: number, cpus: number): { workers: number; note?: string } {
  if (requested > replicates) {
    throw new InputError("--workers", `more worker threads than replicates (allowed: 1 to ${Math.min(LIMITS.workers.max, replicates)}, at most one per replicate; got ${requested})`);
  }
  const most = Math.max(1, cpus);
  if (requested <= most) return { workers: requested };
  return { workers: most, note: `--workers ${requested}: this machine has ${most} CPU${most === 1 ? "" : "s"}; using ${most} worker thread${most === 1 ? "" : "s"} (results are identical for any number)` };
}

export function parseMode(value: string | undefined): Mode {
  if (value === undefined) return "fast";
  if ((MODES as readonly string[]).includes(value)) return value as Mode;
  throw new InputError("--mode", `unknown mode (allowed: ${MODES.join(", ")}; got ${JSON.stringify(value)})`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Resolves a command-line reform against the scenario's options: `{"<option-id>": {path: value}}`,
 * or — for a single-option scenario — a plain `{path: value}`. Each option's part is validated by
 * the rules module against the option's scheme. Returns option id → reform (options without one
 * are absent).
 */
export function resolveCliReform(scenario: Scenario, input: unknown): Map<string, Reform> {
  const ids = scenario.options.map((o) => o.id);
  if (!isPlainObject(input)) {
    throw new InputError("reform", `must be a JSON object: {"<option-id>": {"<parameter path>": value}}${ids.length === 1 ? ' or {"<parameter path>": value}' : ""}`);
  }
  const keys = Object.keys(input);
  const perOption = keys.length > 0 && keys.every((k) => ids.includes(k) && isPlainObject(input[k]));
  const parts = new Map<string, { reform: unknown; prefix: string }>();
  if (perOption) {
    for (const k of keys) parts.set(k, { reform: input[k], prefix: `reform.${k}` });
  } else if (ids.length === 1) {
    parts.set(ids[0]!, { reform: input, prefix: "reform" });
  } else {
    const unknown = keys.find((k) => !ids.includes(k));
    if (unknown !== undefined && !unknown.includes(".")) {
      throw new InputError(`reform.${unknown}`, `unknown option; the scenario's options are ${ids.join(", ")}`);
    }
    throw new InputError("reform", `the scenario has ${ids.length} options (${ids.join(", ")}): give {"<option-id>": {"<parameter path>": value}}`);
  }
  const out = new Map<string, Reform>();
  for (const [id, { reform, prefix }] of parts) {
    const option = scenario.options.find((o) => o.id === id)!;
    let parsed: Map<string, ReformValue>;
    try {
      parsed = parseReform(getScheme(option.scheme), reform);
    } catch (error) {
      if (error instanceof InputError && prefix !== "reform") {
        throw new InputError(prefix + error.field.slice("reform".length), error.message.slice(error.field.length + 2));
      }
      throw error;
    }
    out.set(id, Object.fromEntries(parsed));
  }
  return out;
}

/** Scenario JSON with the command-line reform merged over each option's own (the command line wins). */
export function mergeReform(scenarioJson: unknown, reforms: Map<string, Reform>): unknown {
  if (reforms.size === 0 || !isPlainObject(scenarioJson) || !Array.isArray(scenarioJson["options"])) return scenarioJson;
  return {
    ...scenarioJson,
    options: scenarioJson["options"].map((o: unknown) => {
      if (!isPlainObject(o) || typeof o["id"] !== "string") return o;
      const extra = reforms.get(o["id"]);
      if (!extra) return o;
      return { ...o, reform: { ...(isPlainObject(o["reform"]) ? o["reform"] : {}), ...extra } };
    }),
  };
}


function pct(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? "–" : `${(100 * x).toFixed(digits)} %`;
}

function ratio(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "–" : x.toFixed(3);
}

const LABELS: Record<string, string> = {
  enrolled: "enrolled (persons)",
  coverage: "coverage",
  gross: "gross premium (元)",
  net: "net premium, paid by insured (元)",
  subsidy_total: "subsidies, total (元)",
  claims: "claims",
  benefits: "benefits paid (元)",
  admin: "administration (元)",
  lossRatio: "loss ratio",
  benefitPerEnrollee: "benefits per enrollee (元)",
  cashBenefits: "benefits, cash in the year (元)",
  cashLossRatio: "loss ratio, cash basis",
};

function metricRow(m: Pick<MetricSummary, "metric" | "mean" | "mcse" | "q05" | "q50" | "q95">, format: (x: number | null) => string): string[] {
  const label = LABELS[m.metric] ?? (m.metric.startsWith("subsidy_") ? `  subsidy: ${m.metric.slice(8)} (元)` : m.metric.startsWith("cost_") ? `  ${m.metric.slice(5)}'s cost, outside the payout (元)` : m.metric);
  return [label, format(m.mean), m.mcse === null ? "–" : `± ${format(m.mcse)}`, format(m.q05), format(m.q50), format(m.q95)];
}

/** The human summary: one table per option and year. */
export function summaryText(
  scenario: Scenario,
  summaries: GroupSummary[],
  run: { replicates: number; seed: number; mode: Mode; uncertainty: boolean; reform: unknown },
  comparisons: OptionComparison[] = [],
): string {
  const title = typeof scenario.title === "string" ? scenario.title : `${scenario.title.zh} / ${scenario.title.en}`;
  const lines: string[] = [];
  lines.push(`${scenario.id} — ${title}`);
  lines.push(`${run.replicates} replicates, seed ${run.seed}, mode ${run.mode}, parameter uncertainty ${run.uncertainty ? "on" : "off"}${run.reform === undefined ? "" : `, reform ${JSON.stringify(run.reform)}`}`);
  for (const g of summaries) {
    const option = scenario.options.find((o) => o.id === g.option);
    const label = option ? (typeof option.label === "string" ? option.label : `${option.label.zh} / ${option.label.en}`) : "";
    lines.push("");
    lines.push(`option ${g.option}${label ? ` — ${label}` : ""}${scenario.years > 1 ? `, year ${g.year}` : ""}`);
    const rows: string[][] = [];
    for (const m of Object.values(g.metrics)) {
      if (m.metric === "subsidy_total" && g.payers.length === 0) continue;
      const f = m.metric === "coverage" ? (x: number | null) => pct(x, 2) : m.metric === "lossRatio" || m.metric === "cashLossRatio" ? ratio : wanYi;
      rows.push(metricRow(m, f));
    }
    const e = g.lossRatioAbove1;
    rows.push(["P(loss ratio > 1)", pct(e.p), e.mcse === null ? "–" : `± ${pct(e.mcse)}`, "", "", ""]);
    lines.push(table(rows, ["metric", "mean", "MC s.e.", "5 %", "median", "95 %"]).trimEnd());
    const b = g.split.benefits;
    const n = g.split.enrolled;
    lines.push(
      `spread of benefits: parameter sd ${wanYi(b.parameterSd)}, process sd ${wanYi(b.processSd)} (parameter share of variance ${pct(b.parameterShare, 0)}); ` +
        `enrolled: parameter sd ${wanYi(n.parameterSd)}, process sd ${wanYi(n.processSd)} (${pct(n.parameterShare, 0)})`,
    );
    if (g.metrics["lossRatio"]!.nulls > 0) lines.push(`loss ratio undefined (no premium) in ${g.metrics["lossRatio"]!.nulls} replicates`);
  }
  for (const c of comparisons) {
    lines.push("");
    lines.push(`option ${c.b} minus ${c.a}${scenario.years > 1 ? `, year ${c.year}` : ""} (paired by replicate, ${c.pairs} pairs)`);
    const rows: string[][] = [];
    for (const key of ["enrolled", "gross", "net", "subsidy_total", "benefits", "lossRatio"]) {
      const m = c.metrics[key];
      if (!m || (key === "subsidy_total" && m.meanA === 0 && m.meanB === 0)) continue;
      rows.push(metricRow({ ...m, metric: key }, key === "lossRatio" ? ratio : wanYi));
    }
    lines.push(table(rows, ["difference in", "mean", "MC s.e.", "5 %", "median", "95 %"]).trimEnd());
  }
  return lines.join("\n") + "\n";
}

interface Options {
  replicates?: string;
  seed?: string;
  mode?: string;
  workers?: string;
  reform?: string;
  "no-uncertainty"?: boolean;
  out?: string;
  db?: string;
  json?: boolean;
  posterior?: string;
}

async function runSimulate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(args, {
    replicates: { type: "string" },
    seed: { type: "string" },
    mode: { type: "string" },
    workers: { type: "string" },
    reform: { type: "string" },
    "no-uncertainty": { type: "boolean" },
    out: { type: "string" },
    db: { type: "string" },
    json: { type: "boolean" },
    posterior: { type: "string" },
  });
  const v = values as Options;
  if (positionals.length === 0) throw new UsageError("missing <scenario.json> (e.g. test/fixtures/small-gonghuibao.json)");
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <scenario.json>)`);
  const path = positionals[0]!;
  const replicatesFlag = parseIntFlag(v.replicates, "replicates");
  const seedFlag = parseIntFlag(v.seed, "seed");
  const workersFlag = parseIntFlag(v.workers, "workers") ?? 1;
  const mode = parseMode(v.mode);
  const uncertainty = !v["no-uncertainty"];
  if (v.posterior !== undefined && !uncertainty) throw new InputError("--posterior", "cannot be combined with --no-uncertainty (allowed: one of them)");

  // Every file the run writes is checked before any work starts.
  const inputs: InputFile[] = [{ what: "the scenario file", path }];
  if (v.reform?.startsWith("@")) inputs.push({ what: "the --reform file", path: v.reform.slice(1) });
  if (v.posterior !== undefined) inputs.push({ what: "the --posterior file", path: v.posterior });
  const posteriorDraws = v.posterior === undefined ? undefined : readPosteriorFlag(v.posterior);
  const outFormat = v.out === undefined ? undefined : formatOfPath(v.out);
  if (v.out !== undefined) {
    if (outFormat === undefined) throw new InputError("--out", `unknown file type (allowed: a file ending in .arrow, .csv or .json; got ${JSON.stringify(v.out)})`);
    checkOutputPath("--out", v.out, inputs, "results.arrow");
  }
  if (v.db !== undefined) {
    const { checkDbPath } = await import("./results-db.js");
    checkDbPath(v.db, inputs);
    if (v.out !== undefined) checkDistinct({ flag: "--out", path: v.out }, { flag: "--db", path: v.db });
  }

  const text = readScenarioFile(path);
  let { scenario } = parseScenarioText(text, path);
  const cliReformInput = v.reform === undefined ? undefined : readJson(v.reform, "reform");
  let effectiveText = text;
  if (cliReformInput !== undefined) {
    const reforms = resolveCliReform(scenario, cliReformInput);
    const merged = mergeReform(JSON.parse(text), reforms);
    ({ scenario } = parseScenario(merged));
    effectiveText = JSON.stringify(merged);
  }
  const replicates = replicatesFlag ?? scenario.replicates;
  checkRows(replicates, scenario, replicatesFlag !== undefined);
  const seed = seedFlag ?? scenario.seed;
  const { workers, note } = planWorkers(workersFlag, replicates, availableParallelism());
  if (note !== undefined) io.err(`puhui simulate: note: ${note}\n`);
  if (v.db !== undefined) {
    // The database must open and hold no foreign runs/replicates table, before the simulation.
    const { checkResultsDb } = await import("./results-db.js");
    await checkResultsDb(v.db);
  }
  const job: SimulationJob = { scenarioText: effectiveText, mode, replicates, seed, uncertainty, range: [0, replicates] };

  const startedAt = new Date();
  const progress = createProgress(io, replicates);
  let rows: ReplicateRow[];
  try {
    if (posteriorDraws !== undefined) {
      // Replicate i takes posterior draw i mod N (src/sim/posterior/replicates.ts), in this thread.
      rows = runPosteriorJob(job, posteriorDraws, "--posterior", (done) => progress.update(done));
    } else if (workers > 1 && replicates > 1) {
      const { runInWorkers } = await import("./worker.js");
      rows = await runInWorkers(job, workers, (done) => progress.update(done));
    } else {
      rows = runJob(job, (done) => progress.update(done));
    }
  } catch (error) {
    progress.abort();
    throw error;
  }
  const durationS = progress.finish();

  const summaries = summarize(rows);
  const runInfo = { replicates, seed, mode, uncertainty, reform: cliReformInput };
  const ids = scenario.options.map((o) => o.id);
  const comparisons = ids.slice(1).flatMap((id) => compareOptions(rows, ids[0]!, id));
  if (v.json) {
    io.out(`${JSON.stringify({ scenario: scenario.id, ...runInfo, reform: cliReformInput ?? null, version, summaries, comparisons }, null, 2)}\n`);
  } else {
    io.out(summaryText(scenario, summaries, runInfo, comparisons));
  }
  if (v.out !== undefined && outFormat !== undefined) {
    writeFileAtomic("--out", v.out, formatResults(rows, outFormat));
    io.err(`wrote ${rows.length} rows to ${v.out}\n`);
  }
  if (v.db !== undefined) {
    const { appendRun } = await import("./results-db.js");
    const runId = await appendRun(
      v.db,
      {
        scenarioId: scenario.id,
        scenarioJson: text,
        seed,
        replicates,
        mode,
        uncertainty,
        version,
        startedAt,
        durationS,
        reformJson: cliReformInput === undefined ? null : JSON.stringify(cliReformInput),
      },
      rows,
    );
    io.err(`appended run ${runId} (${rows.length} rows) to ${v.db}\n`);
  }
  return 0;
}

export const simulate: Command = {
  path: ["simulate"],
  summary: "run a scenario's Monte Carlo simulation; summary table, results file, DuckDB store",
  usage: `Usage: puhui simulate <scenario.json> [--replicates N] [--seed S] [--mode fast|exact|person]
                        [--workers K] [--reform <json|@file>] [--no-uncertainty] [--posterior post.json]
                        [--out results.arrow|.csv|.json] [--db results.duckdb] [--json]

Validates the scenario and simulates it: per replicate a draw of every assumption from its prior,
then enrolment, claims and benefits per option and population cell. Prints per option the mean,
Monte Carlo standard error, 5 %, median and 95 % of enrolment, coverage, premiums, subsidies by
payer, benefits and the loss ratio, P(loss ratio > 1), and how much of the spread of benefits
comes from parameter uncertainty versus process randomness. Amounts in 元 (万 = 1e4, 亿 = 1e8).
  --replicates N    1 to 100000 (default: the scenario's), and at most 500000 rows in all
                    (replicates × options × years: the rows are held in memory)
  --seed S          integer 0 to 2^53−1 (default: the scenario's); same seed, same results
  --mode M          fast (moment-matched totals; default), exact (binned claims) or person
                    (every person and claim drawn: slow, the reference)
  --workers K       split replicates over K worker threads, 1 to 64 and at most the replicates
                    (more is refused); more than the machine's CPUs runs one thread per CPU,
                    with a note on stderr. Results are identical for any K.
  --reform R        parameter overrides on top of each option's reform:
                    {"<option-id>": {"<path>": value}}, or {"<path>": value} for one option
                    (paths: puhui rules show <scheme>)
  --no-uncertainty  use the assumptions' point values instead of drawing from their priors
  --posterior FILE  draw the assumptions from a posterior (puhui calibrate --posterior --out
                    FILE, .json or .arrow) instead of their priors: replicate i takes draw i mod
                    N in an order fixed by the seed; runs in one thread
  --out FILE        write the per-replicate rows (tidy: subsidy_<payer> columns) as Arrow IPC
                    (.arrow), CSV (.csv) or JSON (.json); replaced atomically (a failed write
                    leaves the previous file whole)
  --db FILE         append the run (runs table) and its rows (replicates table) to a DuckDB file
                    (not :memory:) in one transaction; waits up to 30 s for another process's
                    append; refuses runs/replicates tables it did not create
--out and --db are checked before the simulation starts: an existing directory, writable, not a
directory, not the scenario or --reform file, not each other.
  --json            print the summaries (and paired comparisons against the first option) as JSON
Progress is drawn on stderr when it is a terminal; otherwise one final line.
`,
  run: runSimulate,
};

export const simulateCommands: Command[] = [simulate];
