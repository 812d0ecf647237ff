/**
 * The baseline runs behind the dashboards: every shipped scenario (simulations/scenarios/*.json),
 * resolved against data/, simulated in fast mode with its own seed (at most 1000 replicates), and
 * its calibration checked. Used by the data loaders in src/data/ at build time (Node only), so the
 * overview, compare, calibration and SQL pages show numbers the CLI reproduces with
 * `puhui simulate <scenario> --replicates N`. Resolves scenarios as the command line does
 * (src/populations/scenario-file.ts) without importing it: the site's build never loads the CLI.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolveScenarioText } from "../src/populations/scenario-file.js";
import { calibrate, type CalibrationResult } from "../src/sim/calibrate.js";
import { compile, runPlan, type ReplicateRow } from "../src/sim/run.js";
import { parseScenarioText, type Scenario } from "../src/sim/scenario.js";

export const SCENARIO_DIR = fileURLToPath(new URL("./scenarios/", import.meta.url));
const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** A scenario file from the repository root: a shipped one's name is in simulations/scenarios/; a scheme's own is given as its path. */
export const scenarioPath = (file: string): string => (file.includes("/") ? file : `simulations/scenarios/${file}`);
/** Replicates of a baseline run on the dashboards (the scenario's own count if smaller). */
export const BASELINE_REPLICATES = 1000;

export interface Baseline {
  file: string;
  scenario: Scenario;
  /** The resolved scenario JSON text (what the browser worker re-runs). */
  text: string;
  replicates: number;
  rows: ReplicateRow[];
  calibration: CalibrationResult | null;
}

export function shippedScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    .sort();
}

export function runBaseline(file: string, withCalibration = true): Baseline {
  const path = `${ROOT}${scenarioPath(file)}`;
  const text = resolveScenarioText(readFileSync(path, "utf-8"), path);
  const { scenario, options } = parseScenarioText(text, file);
  const replicates = Math.min(BASELINE_REPLICATES, scenario.replicates);
  const rows = runPlan(compile(scenario, options, "fast"), { mode: "fast", replicates });
  const calibration = withCalibration && scenario.calibration ? calibrate(scenario, options) : null;
  return { file, scenario, text, replicates, rows, calibration };
}
