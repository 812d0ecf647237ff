/**
 * `puhui calibrate <scenario.json> [--fit [--write]] [--json]`: for each published figure the
 * scenario's baseline must reproduce, prints the target, the model value, the relative error and
 * the documented tolerance (src/sim/calibrate.ts). `--fit` fits the free assumptions first;
 * `--write` stores the fitted values in the scenario file (values and the centres of their priors).
 * `--posterior [--particles N] [--seed S] [--out post.json|post.arrow]` samples the posterior of
 * every assumption with a prior given the figures (src/sim/posterior/) and prints, per target, the
 * prior and posterior 90 % interval of the model's expectation against the published figure, and
 * per assumption prior vs posterior.
 * Exit code 0 when every target is within tolerance (with --posterior: every posterior interval
 * covers its figure and is no wider than its observation model allows), 1 when one is not, 2 on
 * bad input.
 */
import { readFileSync } from "node:fs";
import { checkOutputPath, writeFileAtomic } from "./files.js";
import type { Command, Io } from "./command.js";
import { UsageError } from "./errors.js";
import { parseStrict, table } from "./args.js";
import { readScenarioFile } from "./scenario-file.js";
import { InputError } from "../../src/rules/input-error.js";
import { calibrate, type CalibrationResult } from "../../src/sim/calibrate.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { wanYi } from "./format.js";
import { intFlag } from "./args.js";
import { createProgress } from "./progress.js";
import { PARTICLES, posterior, type Interval, type PosteriorResult } from "../../src/sim/posterior/posterior.js";
import { posteriorArrow, posteriorFile, posteriorJson, readPosterior, type PosteriorFile } from "../../src/sim/posterior/file.js";
import { MAX_SEED } from "../../src/sim/limits.js";

const usage = `Usage: puhui calibrate <scenario.json> [--fit [--write]] [--json]
       puhui calibrate <scenario.json> --posterior [--particles N] [--seed S] [--out post.json|.arrow] [--json]

Checks the scenario's baseline against the published figures it lists (calibration.targets):
target, model value (the engine's expectation with every assumption at its point value), relative
error and tolerance. Exit code 0 when every target is within its tolerance, 1 otherwise.
  --fit     first fit the free assumptions (calibration.fit) to their targets
  --write   with --fit: store the fitted values in the scenario file (checked writable before
            fitting; replaced atomically, so a failed write leaves it whole)
  --json    print the result as JSON
  --posterior     sample p(assumptions | published figures): every assumption with a prior,
                  each target's observation model (calibration.targets[].observation, default
                  from its tolerance), tempered sequential Monte Carlo on the engine's noise-free
                  expectations (docs/methods/calibration.md). Prints per target the prior and
                  posterior 90 % interval against the figure, per assumption prior vs posterior,
                  the ESS and the diagnostics; refuses a posterior collapsed onto few particles.
  --particles N   ${PARTICLES.min} to ${PARTICLES.max} (default ${PARTICLES.default})
  --seed S        integer 0 to 2^53−1 (default: the scenario's); same seed, same posterior
  --out FILE      write the equally weighted draws: JSON (.json) or Arrow IPC (.arrow);
                  replaced atomically; read by puhui simulate --posterior FILE`;

function fmt(metric: string, x: number): string {
  if (metric === "coverage" || metric === "claimRate" || metric === "lossRatio" || metric === "cashLossRatio") return `${(100 * x).toFixed(2)} %`;
  if (metric === "claimants" && Math.abs(x) < 1e4) return x.toFixed(1);
  return wanYi(x);
}

export function calibrationText(result: CalibrationResult, name: string): string {
  const rows = result.targets.map((t) => [
    t.figure,
    `${t.option}${t.year > 1 ? ` y${t.year}` : ""}${t.cells ? ` ${JSON.stringify(t.cells)}` : ""}`,
    t.metric,
    `${t.relation === "atMost" ? "≤ " : ""}${fmt(t.metric, t.target)}`,
    fmt(t.metric, t.model),
    `${t.relError >= 0 ? "+" : ""}${(100 * t.relError).toFixed(2)} %`,
    `${t.relation === "atMost" ? "≤ +" : "± "}${(100 * t.tolerance).toFixed(1)} %`,
    t.pass ? "ok" : "FAIL",
  ]);
  const fitted = Object.entries(result.fitted);
  return [
    `${name}: ${result.targets.filter((t) => t.pass).length} of ${result.targets.length} targets within tolerance`,
    "",
    table(rows, ["figure", "option", "metric", "target", "model", "rel. error", "tolerance", ""]).trimEnd(),
    ...(fitted.length ? ["", `fitted in ${result.sweeps} sweep(s), ${result.evaluations} engine runs:`, ...fitted.map(([k, v]) => `  ${k} = ${Number(v.toPrecision(8))}`)] : []),
    "",
  ].join("\n");
}

/** Moves an assumption's point value, and the centre of its prior with it (relative shift). */
function moveAssumption(a: Record<string, unknown>, value: number): void {
  const old = a["value"] as number;
  a["value"] = Number(value.toPrecision(8));
  const prior = a["prior"] as Record<string, number | string> | undefined;
  if (!prior || old === 0) return;
  const k = value / old;
  const scaled = (x: number) => Number((x * k).toPrecision(8));
  if (prior["dist"] === "lognormal") prior["median"] = scaled(prior["median"] as number);
  if (prior["dist"] === "uniform" || prior["dist"] === "triangular") {
    prior["min"] = scaled(prior["min"] as number);
    prior["max"] = scaled(prior["max"] as number);
    if (prior["dist"] === "triangular") prior["mode"] = scaled(prior["mode"] as number);
  }
}

async function run(args: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseStrict(args, {
    fit: { type: "boolean" },
    write: { type: "boolean" },
    json: { type: "boolean" },
    posterior: { type: "boolean" },
    particles: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing <scenario.json>" : `unexpected argument ${JSON.stringify(positionals[1])}`);
  if (v.write && !v.fit) throw new InputError("--write", "needs --fit (there is nothing to write without fitting)");
  const path = positionals[0]!;
  if (!v.posterior) for (const flag of ["particles", "seed", "out"] as const) if (v[flag] !== undefined) throw new InputError(`--${flag}`, "needs --posterior");
  if (v.posterior) return runPosterior(path, v, io);
  // --write replaces the scenario file: check it can be written before fitting.
  if (v.write) checkOutputPath("--write", path, [], "scenario.json");
  const { scenario, options } = parseScenarioText(readScenarioFile(path), path);
  if (!scenario.calibration) {
    // Nothing published to compare with (e.g. 灵活保, Urumqi): say so; it is not an error.
    if (v.fit) throw new InputError("--fit", `${scenario.id} lists no calibration targets, so there is nothing to fit`);
    io.out(v.json ? `${JSON.stringify({ scenario: scenario.id, targets: [] })}\n` : `${scenario.id}: no published figures to calibrate against; its results show what its assumptions imply (docs/methods.md)\n`);
    return 0;
  }
  const result = calibrate(scenario, options, { fit: Boolean(v.fit) });
  if (v.write) {
    const raw = JSON.parse(readFileSync(path, "utf-8")) as { assumptions: Record<string, Record<string, unknown>> };
    for (const [name, value] of Object.entries(result.fitted)) {
      const a = raw.assumptions[name];
      if (!a || "figure" in a) throw new InputError(`scenario.assumptions.${name}`, "a fitted assumption must be written out with its value and prior (not a figure reference)");
      moveAssumption(a, value);
    }
    writeFileAtomic("--write", path, `${JSON.stringify(raw, null, 2)}\n`);
    io.err(`wrote ${Object.keys(result.fitted).length} fitted value(s) to ${path}\n`);
  }
  io.out(v.json ? `${JSON.stringify(result, null, 2)}\n` : calibrationText(result, scenario.id));
  return result.targets.every((t) => t.pass) ? 0 : 1;
}

/** Reads `puhui simulate --posterior FILE`: an unreadable file is a UsageError naming it. */
export function readPosteriorFlag(path: string): PosteriorFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`--posterior: cannot read ${JSON.stringify(path)} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return readPosterior(bytes, "--posterior");
}

function fmtInterval(metric: string, i: Interval): string {
  return `${fmt(metric, i.q50)} [${fmt(metric, i.q05)}, ${fmt(metric, i.q95)}]`;
}

const num4 = (x: number) => String(Number(x.toPrecision(4)));

export function posteriorText(r: PosteriorResult, seconds: number): string {
  const acc = r.stages.map((s) => s.acceptance);
  const pass = r.targets.filter((t) => t.covers && t.narrowEnough).length;
  const targetRows = r.targets.map((t) => [
    t.figure,
    `${t.option}${t.year > 1 ? ` y${t.year}` : ""}`,
    t.metric,
    fmt(t.metric, t.published),
    t.observation,
    fmtInterval(t.metric, t.prior),
    fmtInterval(t.metric, t.posterior),
    `±${(100 * t.halfWidth).toFixed(2)} % / ±${(100 * t.allowed).toFixed(2)} %`,
    t.covers && t.narrowEnough ? "ok" : !t.covers ? "MISS" : "WIDE",
  ]);
  const assumptionRows = r.assumptions.map((a) => [a.name, `${num4(a.prior.q50)} [${num4(a.prior.q05)}, ${num4(a.prior.q95)}]`, `${num4(a.posterior.q50)} [${num4(a.posterior.q05)}, ${num4(a.posterior.q95)}]`, `${((100 * (a.posterior.q95 - a.posterior.q05)) / (a.prior.q95 - a.prior.q05 || 1)).toFixed(0)} %`]);
  return [
    `${r.scenario}: posterior of ${r.names.length} assumptions from ${r.particles} particles (seed ${r.seed}); ${pass} of ${r.targets.length} targets covered within their observation model`,
    `ESS ${r.ess.toFixed(0)} of ${r.particles} at the last reweighting; ${r.unique} distinct particles after the last moves; ${r.stages.length} tempering steps; Metropolis acceptance ${Math.min(...acc).toFixed(2)}–${Math.max(...acc).toFixed(2)}; ${r.evaluations} model evaluations in ${seconds.toFixed(1)} s (${((1000 * seconds) / r.evaluations).toFixed(2)} ms each)`,
    "",
    "model expectation, median [5 %, 95 %]; half-width: posterior / allowed by the observation model",
    table(targetRows, ["figure", "option", "metric", "published", "observation", "prior", "posterior", "half-width", ""]).trimEnd(),
    "",
    "assumptions, median [5 %, 95 %]; width: posterior 90 % interval as a share of the prior's",
    table(assumptionRows, ["assumption", "prior", "posterior", "width"]).trimEnd(),
    "",
  ].join("\n");
}

async function runPosterior(path: string, v: { particles?: string; seed?: string; out?: string; json?: boolean; fit?: boolean; write?: boolean }, io: Io): Promise<number> {
  if (v.fit || v.write) throw new InputError("--posterior", "cannot be combined with --fit or --write (allowed: one of --fit or --posterior)");
  const particles = intFlag(v.particles, "--particles", { min: PARTICLES.min, max: PARTICLES.max }) ?? PARTICLES.default;
  const seed = intFlag(v.seed, "--seed", { min: 0, max: MAX_SEED });
  if (v.out !== undefined) {
    if (!/\.(json|arrow)$/i.test(v.out)) throw new InputError("--out", `unknown file type (allowed: a file ending in .json or .arrow; got ${JSON.stringify(v.out)})`);
    checkOutputPath("--out", v.out, [{ what: "the scenario file", path }], "post.json");
  }
  const { scenario, options } = parseScenarioText(readScenarioFile(path), path);
  if (!scenario.calibration) throw new InputError("--posterior", `${scenario.id} lists no calibration targets, so there is nothing to calibrate against (allowed: a scenario with calibration.targets)`);
  const progress = createProgress(io, 100, { verb: "tempered", unit: "% of the way from prior to posterior" });
  const t0 = performance.now();
  let result: PosteriorResult;
  try {
    result = posterior(scenario, options, { particles, ...(seed === undefined ? {} : { seed }), onProgress: (phi) => progress.update(Math.floor(100 * phi)) });
  } catch (error) {
    progress.abort();
    throw error;
  }
  progress.finish();
  const seconds = (performance.now() - t0) / 1000;
  if (v.out !== undefined) {
    const command = ["puhui calibrate", path, "--posterior", "--particles", String(particles), "--seed", String(result.seed)].join(" ");
    const file = posteriorFile(result, command);
    writeFileAtomic("--out", v.out, /\.arrow$/i.test(v.out) ? posteriorArrow(file) : posteriorJson(file));
    io.err(`wrote ${result.particles} draws of ${result.names.length} assumptions to ${v.out}\n`);
  }
  io.out(v.json ? `${JSON.stringify({ ...result, draws: undefined, seconds }, null, 2)}\n` : posteriorText(result, seconds));
  return result.targets.every((t) => t.covers && t.narrowEnough) ? 0 : 1;
}

export const calibrateCommands: Command[] = [
  { path: ["calibrate"], summary: "check (or fit) a scenario against the published figures it must reproduce", usage, run },
];
