/**
 * The one protocol between the engine's workers and their owners, for the browser's Web Worker
 * (src/sim/web-worker.ts, owned by a page through EngineClient below) and the command line's
 * worker threads (simulations/cli/worker.ts): requests in, replies out, every message carrying the
 * request's id. Both kinds of worker run the same host (src/sim/engine-host.ts). Browser-only at
 * run time (EngineClient uses Worker), type-only for everything else.
 */
import type { SimulationJob } from "./parallel.js";
import type { ReplicateRow } from "./ledger.js";

/** What an owner asks of a worker (validated by the host). */
export type EngineRequest =
  /** Run replicates job.range in chunks of `chunk` (default 50), posting rows after each. */
  | { type: "run"; id: number; job: SimulationJob; chunk?: number }
  /** Stop run `id` at its next chunk boundary. */
  | { type: "cancel"; id: number }
  /** Premium lab: the premium for a target loss ratio (and confidence). */
  | { type: "solve"; id: number; scenarioText: string; option: string; targetLossRatio: number; confidence?: number; replicates: number; seed: number }
  /** Premium lab: which assumptions drive the spread (tornado, first-order indices). */
  | { type: "sensitivity"; id: number; scenarioText: string; option: string; replicates: number; seed: number };

/** A one-shot task's request as a page writes it (the client adds the id). */
export type TaskRequest = Extract<EngineRequest, { type: "solve" | "sensitivity" }> extends infer T ? (T extends unknown ? Omit<T, "id"> : never) : never;

/** What a worker answers: rows of a run as they come, then done (or cancelled); a task's progress and result; or an error. */
export type EngineReply =
  | { type: "rows"; id: number; rows: ReplicateRow[]; done: number; total: number; elapsedMs: number }
  | { type: "done"; id: number; elapsedMs: number }
  | { type: "cancelled"; id: number; done: number }
  | { type: "progress"; id: number; done: number; total: number }
  | { type: "result"; id: number; result: unknown }
  /** `field` for bad input (an InputError; `message` starts with the field); otherwise an internal
   *  error, its message starting "internal error: " and its stack in `stack`. */
  | { type: "error"; id: number; field?: string; message: string; stack?: string };

export interface EngineRun {
  /** All rows so far, in replicate order. */
  rows: ReplicateRow[];
  /** Resolves with every row when the run finishes; rejects on error or cancel. */
  finished: Promise<ReplicateRow[]>;
  cancel(): void;
}

export interface RunCallbacks {
  /** After each chunk: the rows so far and progress. */
  onRows?(rows: ReplicateRow[], done: number, total: number, elapsedMs: number): void;
}

/** The engine worker behind a page: one run at a time; a new run cancels the previous one. */
export class EngineClient {
  readonly #worker: Worker;
  #next = 1;
  #active: { id: number; reject(error: Error): void } | undefined;
  #handlers = new Map<number, (reply: EngineReply) => void>();

  constructor(workerUrl: string | URL) {
    this.#worker = new Worker(workerUrl, { type: "module" });
    this.#worker.onmessage = (event: MessageEvent<EngineReply>) => this.#handlers.get(event.data.id)?.(event.data);
  }

  run(job: SimulationJob, callbacks: RunCallbacks = {}, chunk = 50): EngineRun {
    if (this.#active) this.cancel();
    const id = this.#next++;
    const rows: ReplicateRow[] = [];
    let resolveFn!: (rows: ReplicateRow[]) => void;
    let rejectFn!: (error: Error) => void;
    const finished = new Promise<ReplicateRow[]>((resolve, reject) => {
      resolveFn = resolve;
      rejectFn = reject;
    });
    this.#active = { id, reject: rejectFn };
    this.#handlers.set(id, (reply) => {
      if (reply.type === "rows") {
        for (const r of reply.rows) rows.push(r);
        callbacks.onRows?.(rows, reply.done, reply.total, reply.elapsedMs);
        return;
      }
      this.#handlers.delete(id);
      if (this.#active?.id === id) this.#active = undefined;
      if (reply.type === "done") resolveFn(rows);
      else if (reply.type === "cancelled") rejectFn(Object.assign(new Error("cancelled"), { name: "AbortError" }));
      else if (reply.type === "error") rejectFn(Object.assign(new Error(reply.message), { name: reply.field ? "InputError" : "EngineError", field: reply.field }));
    });
    this.#worker.postMessage({ type: "run", id, job, chunk } satisfies EngineRequest);
    return { rows, finished, cancel: () => this.#worker.postMessage({ type: "cancel", id } satisfies EngineRequest) };
  }

  /**
   * A one-shot task in the worker — the premium solver or the sensitivity analysis — with
   * progress (engine replicates done over the task's total).
   */
  task<R>(message: TaskRequest, onProgress?: (done: number, total: number) => void): Promise<R> {
    const id = this.#next++;
    return new Promise<R>((resolve, reject) => {
      this.#handlers.set(id, (reply) => {
        if (reply.type === "progress") {
          onProgress?.(reply.done, reply.total);
          return;
        }
        this.#handlers.delete(id);
        if (reply.type === "result") resolve(reply.result as R);
        else if (reply.type === "error") reject(Object.assign(new Error(reply.message), { name: reply.field ? "InputError" : "EngineError", field: reply.field }));
      });
      this.#worker.postMessage({ ...message, id } as EngineRequest);
    });
  }

  /** Cancels the active run (its promise rejects with an AbortError). */
  cancel(): void {
    if (this.#active) this.#worker.postMessage({ type: "cancel", id: this.#active.id } satisfies EngineRequest);
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
