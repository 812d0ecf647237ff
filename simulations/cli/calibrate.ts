/**
 * `puhui calibrate <scenario.json> [--fit [--write]] [--json]`: for each published figure the
 * scenario's baseline must reproduce, prints the target, the model value, the relative error and
 * the documented tolerance (src/sim/calibrate.ts). `--fit` fits the free assumptions first;
 * `--write` stores the fitted values in the scenario file (values and the centres of their priors).
 * Exit code 0 when every target is within tolerance, 1 when one is not, 2 on bad input.
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
import { wanYi } from "./simulate.js";

const usage = `Usage: puhui calibrate <scenario.json> [--fit [--write]] [--json]

Checks the scenario's baseline against the published figures it lists (calibration.targets):
target, model value (the engine's expectation with every assumption at its point value), relative
error and tolerance. Exit code 0 when every target is within its tolerance, 1 otherwise.
  --fit     first fit the free assumptions (calibration.fit) to their targets
  --write   with --fit: store the fitted values in the scenario file (checked writable before
            fitting; replaced atomically, so a failed write leaves it whole)
  --json    print the result as JSON`;

function fmt(metric: string, x: number): string {
  if (metric === "coverage") return `${(100 * x).toFixed(2)} %`;
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
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing <scenario.json>" : `unexpected argument ${JSON.stringify(positionals[1])}`);
  if (v.write && !v.fit) throw new InputError("--write", "needs --fit (there is nothing to write without fitting)");
  const path = positionals[0]!;
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

export const calibrateCommands: Command[] = [
  { path: ["calibrate"], summary: "check (or fit) a scenario against the published figures it must reproduce", usage, run },
];
