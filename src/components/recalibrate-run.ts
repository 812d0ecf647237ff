/**
 * Re-calibration on the calibration page (issue 13): the same posterior as `puhui calibrate
 * <scenario> --posterior --particles N --seed S` (src/sim/posterior/posterior.ts, tempered SMC),
 * run on the scenario text the page holds (edited or not), with the held-out targets predicted
 * from the posterior of the others (src/sim/posterior/held-out.ts, heldOutExternal: the 5–95 %
 * of the model's expectation widened by the figure's observation model), and the posterior file
 * the command line writes with --out post.json (src/sim/posterior/file.ts), which
 * `puhui simulate --posterior` reads. Pure: no DOM, no `node:`; runs in the page's worker
 * (./recalibrate-worker.ts) and in Node (the tests).
 */
import { InputError } from "../rules/input-error.js";
import { heldOutExternal, type HeldOutCheck } from "../sim/posterior/held-out.js";
import { posteriorFile, posteriorJson } from "../sim/posterior/file.js";
import { posterior, type PosteriorResult } from "../sim/posterior/posterior.js";
import { parseScenarioText, type Scenario } from "../sim/scenario.js";

export interface RecalibrateRequest {
  /** The scenario's JSON text (resolved, as the command line reads it), with the user's edits. */
  scenarioText: string;
  /** Indices into the text's calibration.targets held out of the fit and predicted instead. */
  heldOut: number[];
  particles: number;
  seed: number;
  /** The command that reproduces the run (stored in the file, as the command line stores its own). */
  command: string;
}

/** One tempering stage reached: its temperature φ, the stage number and the model evaluations so far. */
export interface StageProgress {
  phi: number;
  stage: number;
  evaluations: number;
  /** The stage's conditional ESS (N for the prior draws). */
  ess?: number;
}

export interface RecalibrateResult {
  /** The posterior without its draws (what the page charts). */
  summary: Omit<PosteriorResult, "draws" | "logLik">;
  heldOut: HeldOutCheck[];
  /** The posterior file, as `puhui calibrate … --posterior --out post.json` writes it. */
  fileText: string;
}

export function recalibrate(request: RecalibrateRequest, onStage?: (p: StageProgress) => void): RecalibrateResult {
  const { scenario, options } = parseScenarioText(request.scenarioText, "scenario");
  const targets = scenario.calibration?.targets ?? [];
  for (const i of request.heldOut) {
    if (!(Number.isInteger(i) && i >= 0 && i < targets.length)) throw new InputError("heldOut", `no such target (allowed: an index from 0 to ${targets.length - 1}; got ${i})`);
  }
  const held = new Set(request.heldOut);
  const fittedTargets = targets.filter((_, i) => !held.has(i));
  if (targets.length > 0 && fittedTargets.length === 0) throw new InputError("targets", "every target is held out or dropped (allowed: at least one fitted target)");
  const fitted: Scenario = held.size === 0 ? scenario : { ...scenario, calibration: { ...scenario.calibration!, targets: fittedTargets } };
  const result = posterior(fitted, options, {
    particles: request.particles,
    seed: request.seed,
    onProgress: (phi: number, stage: number, evaluations: number, ess?: number) => onStage?.({ phi, stage, evaluations, ...(typeof ess === "number" ? { ess } : {}) }),
  });
  const heldOut = [...held].sort((a, b) => a - b).map((i) => ({ ...heldOutExternal(fitted, options, targets[i]!, result), index: i, external: false }));
  const { draws: _draws, logLik: _logLik, ...summary } = result;
  return { summary, heldOut, fileText: posteriorJson(posteriorFile(result, request.command)) };
}
