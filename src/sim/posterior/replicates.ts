/**
 * Replicates over posterior draws (`puhui simulate --posterior post.json`, issue 13): replicate i
 * takes draw order[i mod N] of the posterior file's equally weighted draws as its assumption
 * values, where `order` is a permutation fixed by the seed (Fisher–Yates on its own stream), so
 * neighbouring replicates do not share the sampler's neighbouring particles; everything else
 * (enrolment, claims, process noise) is the replicate's own stream as in an ordinary run. Pure;
 * same seed and file ⇒ same rows.
 */
import { InputError } from "../../rules/input-error.js";
import type { SimulationJob } from "../parallel.js";
import { Xoshiro128ss } from "../rng.js";
import { compile, runPlan, type ReplicateRow } from "../run.js";
import { parseScenarioText, type Scenario } from "../scenario.js";
import type { PosteriorFile } from "./file.js";

/** The permutation of N draws used for a seed. */
export function drawOrder(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = Xoshiro128ss.derive(seed, "posterior-order");
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Checks that the file's draws belong to this scenario: same id, every name an assumption with a prior. */
export function checkPosteriorFor(scenario: Scenario, file: PosteriorFile, field: string): void {
  if (file.scenario !== scenario.id) throw new InputError(field, `was made for scenario ${JSON.stringify(file.scenario)} (allowed: a posterior of ${JSON.stringify(scenario.id)})`);
  for (const name of file.names) {
    const a = scenario.assumptions[name];
    if (!a) throw new InputError(field, `draws assumption ${JSON.stringify(name)}, which the scenario does not have (allowed: ${Object.keys(scenario.assumptions).join(", ")})`);
    if (a.prior.dist === "fixed") throw new InputError(field, `draws assumption ${JSON.stringify(name)}, which the scenario fixes (allowed: assumptions with a prior)`);
  }
}

/** Runs the job's replicates with posterior draws in place of prior draws, in the current thread. */
export function runPosteriorJob(job: SimulationJob, file: PosteriorFile, field: string, onProgress?: (done: number, total: number) => void): ReplicateRow[] {
  const { scenario, options } = parseScenarioText(job.scenarioText, "scenario");
  checkPosteriorFor(scenario, file, field);
  const plan = compile(scenario, options, job.mode);
  const order = drawOrder(file.draws.length, job.seed);
  const rows: ReplicateRow[] = [];
  const [from, to] = job.range;
  for (let r = from; r < to; r++) {
    const draw = file.draws[order[r % order.length]!]!;
    const fix: Record<string, number> = {};
    file.names.forEach((name, k) => (fix[name] = draw[k]!));
    rows.push(...runPlan(plan, { mode: job.mode, replicates: job.replicates, seed: job.seed, uncertainty: true, range: [r, r + 1], fix }));
    onProgress?.(r - from + 1, to - from);
  }
  return rows;
}
