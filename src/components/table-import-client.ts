/**
 * The page's side of the upload worker (src/fit/table-import/worker.ts): one worker per upload,
 * started with the job (the file's bytes transferred, not copied), reporting its stage, and
 * cancelled by terminating it — at once, whatever it is doing. Fits come back with their
 * distributions rebuilt (src/fit/table-import/job.ts, withDistribution).
 */
import type { SeverityFit } from "../fit/severity/fit.js";
import { withDistribution, type FamilyFit, type ImportJob, type ImportResult, type ImportStage } from "../fit/table-import/job.js";
import type { ImportMessage } from "../fit/table-import/worker.js";
import type { Bilingual } from "../rules/parameter.js";

/** The result on the page: claims fits with their distributions. */
export type PageImportResult =
  | Exclude<ImportResult, { kind: "claims" }>
  | (Omit<Extract<ImportResult, { kind: "claims" }>, "fits"> & { fits: FamilyFit<SeverityFit>[] })
  | { kind: "cancelled" };

export const STAGE_TEXT: Record<ImportStage, Bilingual> = {
  reading: { zh: "正在读取文件……", en: "Reading the file…" },
  checking: { zh: "正在逐行检查……", en: "Checking every row…" },
  fitting: { zh: "正在拟合金额分布……", en: "Fitting the amount distributions…" },
};

export interface RunningImport {
  result: Promise<PageImportResult>;
  cancel(): void;
}

/** Starts `job` in a new worker from `url` (the worker module as the page resolves it). */
export function importInWorker(url: string | URL, job: ImportJob, onStage: (stage: ImportStage) => void): RunningImport {
  const worker = new Worker(url, { type: "module" });
  let settle: (r: PageImportResult) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const result = new Promise<PageImportResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const done = () => worker.terminate();
  worker.onmessage = (event: MessageEvent<ImportMessage>) => {
    const m = event.data;
    if ("stage" in m) return onStage(m.stage);
    done();
    if ("failure" in m) return fail(new Error(m.failure));
    const r = m.result;
    settle(r.kind === "claims" ? { ...r, fits: r.fits.map((f) => ({ ...f, fit: f.fit && withDistribution(f.fit) })) } : r);
  };
  worker.onerror = (event) => {
    done();
    fail(new Error(event.message || "the upload worker failed to start"));
  };
  worker.postMessage(job, [job.bytes.buffer]);
  return {
    result,
    cancel() {
      done();
      settle({ kind: "cancelled" });
    },
  };
}
