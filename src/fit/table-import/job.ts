/**
 * One upload's work — read the file (CSV in UTF-8/GBK/UTF-16, or .xlsx), check every cell against
 * its field, and for claims fit each severity family — as a pure job, so the browser runs it in a
 * Web Worker (./worker.ts; 10 万 rows take seconds, which must not freeze the page, issue 14) and
 * Node tests run the same function. Results cross the worker boundary by structured clone, so a
 * fit travels without its distribution's functions and gets them back on the page from its family
 * and estimate ({@link withDistribution}: the same `make` the fitter used).
 */
import { InputError } from "../../rules/input-error.js";
import { fitSeverity, type SeverityFit } from "../severity/fit.js";
import { FAMILY } from "../severity/families.js";
import type { ClaimRecord } from "../severity/records.js";
import { importClaims, type ClaimsImport } from "./claims.js";
import { readTable } from "./excel.js";
import { importPopulation, type PopulationImport, type PopulationSpec } from "./population.js";

export const FIT_FAMILIES = ["lognormal", "gamma", "pareto"] as const;
export type FitFamily = (typeof FIT_FAMILIES)[number];

export type ImportJob =
  | { kind: "population"; bytes: Uint8Array; name: string; spec: PopulationSpec }
  | { kind: "claims"; bytes: Uint8Array; name: string };

/** What the job is doing, for the page's progress line. */
export type ImportStage = "reading" | "checking" | "fitting";

/** A fit as it crosses the worker boundary: everything but the distribution's functions. */
export type PostedFit = Omit<SeverityFit, "distribution">;
export interface FamilyFit<F = SeverityFit> {
  family: FitFamily;
  fit: F | null;
  error: string | null;
}

export type ImportResult =
  | { kind: "population"; imp: PopulationImport }
  | { kind: "claims"; imp: ClaimsImport; fits: FamilyFit<PostedFit>[] }
  /** Bad input: the one-line message (InputError: field and allowed range). */
  | { kind: "error"; message: string };

/** Each family fitted to the records, or the reason it could not be (one line, the fitter's InputError). */
export function fitAll(records: readonly ClaimRecord[]): FamilyFit[] {
  return FIT_FAMILIES.map((family) => {
    try {
      return { family, fit: fitSeverity(records, family), error: null };
    } catch (e) {
      return { family, fit: null, error: (e as Error).message };
    }
  });
}

/** A fit without its distribution (structured-cloneable). */
export function postedFit(fit: SeverityFit): PostedFit {
  const { distribution: _, ...rest } = fit;
  return rest;
}

/** The fit with its distribution rebuilt from the family and estimate (as the fitter built it). */
export function withDistribution(fit: PostedFit): SeverityFit {
  return { ...fit, distribution: FAMILY[fit.family].make(fit.estimate, fit.fixed) };
}

/** Runs the job; bad input comes back as `{kind: "error"}`, anything else is a bug and throws. */
export async function runImportJob(job: ImportJob, onStage: (stage: ImportStage) => void = () => {}): Promise<ImportResult> {
  try {
    onStage("reading");
    const table = await readTable(job.bytes, { field: job.name });
    onStage("checking");
    if (job.kind === "population") return { kind: "population", imp: importPopulation(table, job.spec) };
    const imp = importClaims(table);
    if (imp.issueCount > 0) return { kind: "claims", imp, fits: [] };
    onStage("fitting");
    const fits = fitAll(imp.records).map((f) => ({ ...f, fit: f.fit && postedFit(f.fit) }));
    return { kind: "claims", imp, fits };
  } catch (e) {
    if (e instanceof InputError) return { kind: "error", message: e.message };
    throw e;
  }
}
