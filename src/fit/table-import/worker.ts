/**
 * The upload job (./job.ts) in a module Web Worker, so reading and checking 10 万 rows and fitting
 * the claims never freeze the page (issue 14). Messages: the page posts one ImportJob (the file's
 * bytes transferred); the worker posts {stage} as it goes, then {result} — or {failure} on a bug.
 * Cancel is the page terminating the worker (src/components/table-import-client.ts). No DOM.
 */
import { runImportJob, type ImportJob, type ImportResult, type ImportStage } from "./job.js";

export type ImportMessage = { stage: ImportStage } | { result: ImportResult } | { failure: string };

interface WorkerScope {
  postMessage(message: ImportMessage): void;
  onmessage: ((event: { data: ImportJob }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  runImportJob(event.data, (stage) => scope.postMessage({ stage })).then(
    (result) => scope.postMessage({ result }),
    (error: unknown) => scope.postMessage({ failure: error instanceof Error ? error.message : String(error) }),
  );
};
