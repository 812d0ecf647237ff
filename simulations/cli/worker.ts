/**
 * Node worker_threads for `puhui simulate --workers K`: the replicate range is split into K
 * contiguous parts (src/sim/parallel.ts), each worker gets a "run" request for its part — the same
 * protocol and the same host as the browser's Web Worker (src/sim/engine-protocol.ts,
 * src/sim/engine-host.ts): it compiles the plan from the scenario text, runs its part in chunks and
 * posts rows after each — and the rows are merged in replicate order, bit-identical to one thread.
 * Workers start from the bundled worker-main.js (built CLI) or ./worker-entry.js (tsx sources).
 */
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { InputError } from "../../src/rules/input-error.js";
import { createEngineHost } from "../../src/sim/engine-host.js";
import type { EngineReply, EngineRequest } from "../../src/sim/engine-protocol.js";
import { mergeRows, splitRange, type SimulationJob } from "../../src/sim/parallel.js";
import type { ReplicateRow } from "../../src/sim/run.js";

// The built CLI (scripts/build-cli.mjs defines PUHUI_BUNDLED) starts the bundled entry; the
// TypeScript sources (tests, tsx) start ./worker-entry.js, which registers tsx first.
const ENTRY = process.env["PUHUI_BUNDLED"] ? new URL("../../build/cli/worker-main.js", import.meta.url) : new URL("./worker-entry.js", import.meta.url);
/** Each worker posts its rows in about this many chunks (progress after each). */
const CHUNKS = 50;
const INTERNAL = "internal error: ";

/** Rebuilds the error a worker reported (InputErrors stay InputErrors, so the CLI exits 2). */
function reviveError(m: Extract<EngineReply, { type: "error" }>): Error {
  if (m.field !== undefined) {
    return new InputError(m.field, m.message.startsWith(`${m.field}: `) ? m.message.slice(m.field.length + 2) : m.message);
  }
  const error = new Error(`worker: ${m.message.startsWith(INTERNAL) ? m.message.slice(INTERNAL.length) : m.message}`);
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
            const worker = new Worker(ENTRY);
            workers.push(worker);
            const rows: ReplicateRow[] = [];
            let settled = false;
            const settle = (f: () => void) => {
              settled = true;
              f();
            };
            worker.on("message", (m: EngineReply) => {
              if (m.type === "rows") {
                for (const r of m.rows) rows.push(r);
                done[i] = m.done;
                onProgress?.(done.reduce((a, b) => a + b, 0), total);
              } else if (m.type === "done") settle(() => resolve(rows));
              else if (m.type === "error") settle(() => reject(reviveError(m)));
              else settle(() => reject(new Error(`worker ${i}: unexpected reply "${m.type}"`)));
            });
            worker.on("error", (error) => settle(() => reject(error)));
            worker.on("exit", (code) => {
              if (!settled) reject(new Error(`worker ${i} exited with code ${code} before returning rows`));
            });
            const chunk = Math.max(1, Math.ceil((range[1] - range[0]) / CHUNKS));
            worker.postMessage({ type: "run", id: i, job: { ...job, range }, chunk } satisfies EngineRequest);
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

/** The body of a worker thread: the engine host on the parent port (src/sim/engine-host.ts). */
export function workerMain(): void {
  if (isMainThread || !parentPort) throw new Error("workerMain must run in a worker thread");
  const port = parentPort;
  const host = createEngineHost((reply) => port.postMessage(reply));
  port.on("message", (m: unknown) => host.receive(m));
}
