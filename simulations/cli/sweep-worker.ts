/**
 * A worker thread of `puhui sweep --workers K`: long-lived, it keeps its benefit tables across
 * the points it is sent (one at a time) and posts each point's replicate rows back. Started by
 * ./sweep-run.ts through a small eval'd script that registers tsx and imports this file, in the
 * built CLI as in the sources.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../../src/rules/input-error.js";
import type { Design, DesignPoint } from "../../src/sim/design.js";
import type { TableCache } from "../../src/sim/run.js";
import { runPoint } from "../../src/sim/sweep.js";

export type SweepWorkerMessage =
  | { type: "point"; id: number; rows: unknown[] }
  | { type: "error"; name: string; field?: string; message: string };

/** Benefit-table sets kept before the cache is cleared (each distinct reform adds sets). */
export const CACHE_LIMIT = 4000;

export function sweepWorkerMain(): void {
  const port = parentPort!;
  const { design, base } = workerData as { design: Design; base: Record<string, unknown> };
  let cache: TableCache = new Map();
  port.on("message", (point: DesignPoint | null) => {
    if (point === null) {
      port.close();
      return;
    }
    try {
      if (cache.size > CACHE_LIMIT) cache = new Map();
      const rows = runPoint(design, base, point, cache);
      port.postMessage({ type: "point", id: point.id, rows } satisfies SweepWorkerMessage);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const m: SweepWorkerMessage = { type: "error", name: e.name, message: e.message };
      if (error instanceof InputError) m.field = error.field;
      port.postMessage(m);
    }
  });
}
