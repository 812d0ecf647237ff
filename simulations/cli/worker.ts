/**
 * Node worker_threads for `puhui simulate --workers K`: the replicate range is split into K
 * contiguous parts (src/sim/parallel.ts), each worker compiles the plan from the scenario text and
 * runs its part, and the rows are merged in replicate order — bit-identical to one thread.
 * Workers start from the bundled worker-main.js (built CLI) or ./worker-entry.js (tsx sources).
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { InputError } from "../../src/rules/input-error.js";
import { mergeRows, runJob, splitRange, type SimulationJob, type WorkerMessage } from "../../src/sim/parallel.js";
import type { ReplicateRow } from "../../src/sim/run.js";

// The built CLI (scripts/build-cli.mjs defines PUHUI_BUNDLED) starts the bundled entry; the
// TypeScript sources (tests, tsx) start ./worker-entry.js, which registers tsx first.
const ENTRY = process.env["PUHUI_BUNDLED"] ? new URL("../../build/cli/worker-main.js", import.meta.url) : new URL("./worker-entry.js", import.meta.url);
/** Progress messages are posted at most this often (ms) per worker. */
const PROGRESS_EVERY_MS = 50;

/** Rebuilds the error a worker reported (InputErrors stay InputErrors, so the CLI exits 2). */
function reviveError(m: Extract<WorkerMessage, { type: "error" }>): Error {
  if (m.name === "InputError" && m.field !== undefined) {
    return new InputError(m.field, m.message.startsWith(`${m.field}: `) ? m.message.slice(m.field.length + 2) : m.message);
  }
  const error = new Error(`worker: ${m.message}`);
  if (m.stack) error.stack = m.stack;
  return error;
}

/**
 * Runs `job.range` split across `k` worker threads; `onProgress(done, total)` gets the sum over
 * workers. Rejects with the first worker's error (and stops the others).
 */
export async function runInWorkers(job: SimulationJob, k: number, onProgress?: (done: number, total: number) => void): Promise<ReplicateRow[]> {
  const [from, to] = job.range;
  const ranges = splitRange(from, to, k);
  const total = to - from;
  const done = ranges.map(() => 0);
  const workers: Worker[] = [];
  const stopAll = () => {
    for (const w of workers) void w.terminate();
  };
  try {
    const parts = await Promise.all(
      ranges.map(
        (range, i) =>
          new Promise<ReplicateRow[]>((resolve, reject) => {
            const worker = new Worker(ENTRY, { workerData: { ...job, range } satisfies SimulationJob });
            workers.push(worker);
            let settled = false;
            worker.on("message", (m: WorkerMessage) => {
              if (m.type === "progress") {
                done[i] = m.done;
                onProgress?.(done.reduce((a, b) => a + b, 0), total);
              } else if (m.type === "rows") {
                settled = true;
                resolve(m.rows);
              } else {
                settled = true;
                reject(reviveError(m));
              }
            });
            worker.on("error", (error) => {
              settled = true;
              reject(error);
            });
            worker.on("exit", (code) => {
              if (!settled) reject(new Error(`worker ${i} exited with code ${code} before returning rows`));
            });
          }),
      ),
    );
    return mergeRows(parts);
  } catch (error) {
    stopAll();
    throw error;
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** The body of a worker thread: runs the job in workerData and posts progress and rows. */
export function workerMain(): void {
  if (isMainThread || !parentPort) throw new Error("workerMain must run in a worker thread");
  const port = parentPort;
  const job = workerData as SimulationJob;
  let last = 0;
  try {
    const rows = runJob(job, (done, total) => {
      const now = Date.now();
      if (now - last >= PROGRESS_EVERY_MS || done === total) {
        last = now;
        port.postMessage({ type: "progress", done } satisfies WorkerMessage);
      }
    });
    port.postMessage({ type: "rows", rows } satisfies WorkerMessage);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const message: WorkerMessage = { type: "error", name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    if (error instanceof InputError) message.field = error.field;
    port.postMessage(message);
  }
}
