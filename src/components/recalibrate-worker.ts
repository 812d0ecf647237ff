/**
 * The calibration page's re-calibration worker (issue 13): a module Web Worker of its own
 * (bundled by src/data/recalibrate-worker.js.ts), so the page loads the sampler only when asked
 * and Cancel is `worker.terminate()` — the sampler is synchronous, so stopping it at once means
 * stopping its thread. One message in (a RecalibrateRequest), then a "stage" message after each
 * tempering stage, and "result" or "error" (an InputError keeps its field). No DOM.
 */
import { InputError } from "../rules/input-error.js";
import { recalibrate, type RecalibrateRequest, type RecalibrateResult, type StageProgress } from "./recalibrate-run.js";

export type RecalibrateReply =
  | ({ type: "stage"; elapsedMs: number } & StageProgress)
  | { type: "result"; result: RecalibrateResult; elapsedMs: number }
  | { type: "error"; field?: string; message: string };

interface WorkerScope {
  postMessage(message: RecalibrateReply): void;
  onmessage: ((event: { data: RecalibrateRequest }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const started = performance.now();
  try {
    const result = recalibrate(event.data, (p) => scope.postMessage({ type: "stage", ...p, elapsedMs: performance.now() - started }));
    scope.postMessage({ type: "result", result, elapsedMs: performance.now() - started });
  } catch (error) {
    if (error instanceof InputError) scope.postMessage({ type: "error", field: error.field, message: error.message });
    else scope.postMessage({ type: "error", message: `internal error: ${error instanceof Error ? error.message : String(error)}` });
  }
};
