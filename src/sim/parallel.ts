/**
 * Splitting a run across workers (pure, browser-safe): Node worker_threads and web workers use the
 * same pieces and the same messages (src/sim/engine-protocol.ts). A job carries the scenario
 * *text*, so each worker parses, validates and compiles its own plan; replicate streams are
 * derived from (seed, purpose, replicate, cell), so the rows of a replicate are the same whichever
 * worker computes them, and merging the parts in replicate order gives bit-identical results for
 * any number of workers.
 */
import { compile, runPlan, type Mode, type ReplicateRow } from "./run.js";
import { parseScenarioText } from "./scenario.js";

/** Everything a worker needs to compute rows for a range of replicates. */
export interface SimulationJob {
  /** Scenario JSON text (with any command-line reform already merged into the options). */
  scenarioText: string;
  mode: Mode;
  replicates: number;
  seed: number;
  uncertainty: boolean;
  /** Replicates [from, to) this job computes. */
  range: [number, number];
}

/** Splits [from, to) into at most k contiguous, non-empty ranges whose sizes differ by at most one. */
export function splitRange(from: number, to: number, k: number): [number, number][] {
  const n = Math.max(0, to - from);
  const parts = Math.max(1, Math.min(Math.floor(k), n));
  const out: [number, number][] = [];
  let start = from;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(n / parts) + (i < n % parts ? 1 : 0);
    out.push([start, start + size]);
    start += size;
  }
  return n === 0 ? [[from, from]] : out;
}

/** Concatenates parts and orders rows by replicate (stable: option and year order within a replicate is kept). */
export function mergeRows(parts: readonly (readonly ReplicateRow[])[]): ReplicateRow[] {
  const all = parts.flat();
  return all
    .map((row, i) => ({ row, i }))
    .sort((x, y) => x.row.replicate - y.row.replicate || x.i - y.i)
    .map((x) => x.row);
}

/** Runs a job in the current thread: parse, compile, run its range. */
export function runJob(job: SimulationJob, onProgress?: (done: number, total: number) => void): ReplicateRow[] {
  const { scenario, options } = parseScenarioText(job.scenarioText, "scenario");
  const plan = compile(scenario, options, job.mode);
  return runPlan(plan, {
    mode: job.mode,
    replicates: job.replicates,
    seed: job.seed,
    uncertainty: job.uncertainty,
    range: job.range,
    ...(onProgress ? { onProgress } : {}),
  });
}
