/**
 * One upload's work — read the file (CSV in UTF-8/GBK/UTF-16, or .xlsx), check every cell against
 * its field, and for claims fit each severity family — as a pure job, so the browser runs it in a
 * Web Worker (./worker.ts; 10 万 rows take seconds, which must not freeze the page, issue 14) and
 * Node tests run the same function. Results cross the worker boundary by structured clone, so a
 * fit travels without its distribution's functions and gets them back on the page from its family
 * and estimate ({@link withDistribution}: the same `make` the fitter used).
 */
import { InputError } from "../../rules/input-error.js";
import { fitSeverity, profileThreshold, type SeverityFit } from "../severity/fit.js";
import { FAMILY } from "../severity/families.js";
import { observations, type ClaimRecord } from "../severity/records.js";
import { importClaims, type ClaimsImport } from "./claims.js";
import { readTable } from "./excel.js";
import { importPopulation, type PopulationImport, type PopulationSpec } from "./population.js";

/**
 * The families compared. The first three can become a scenario's claim-amount distribution; the
 * spliced model (lognormal body + Pareto tail, its splice point chosen by profile likelihood over
 * {@link SPLICE_QUANTILES} of the exact amounts, its AIC counting the splice point as a fifth
 * parameter) is compared — AIC, PP/QQ plots, limited expected
 * values — but has no claim field in a scenario (src/fit/priors.ts refuses it).
 */
export const FIT_FAMILIES = ["lognormal", "gamma", "pareto", "spliced"] as const;
export type FitFamily = (typeof FIT_FAMILIES)[number];
/** Candidate splice points: these quantiles of the exact (uncensored) ground-up amounts. */
export const SPLICE_QUANTILES = [0.5, 0.75, 0.9, 0.95] as const;

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

/** The candidate splice points: {@link SPLICE_QUANTILES} of the exact ground-up amounts (type 7), distinct. */
export function spliceCandidates(records: readonly ClaimRecord[]): number[] {
  const obs = observations(records, 1);
  const exact = Array.from(obs.y).filter((_, i) => obs.censored[i] === 0).sort((a, b) => a - b);
  if (exact.length === 0) return [];
  const at = (p: number) => {
    const h = (exact.length - 1) * p;
    const lo = Math.floor(h);
    return exact[lo]! + (h - lo) * ((exact[Math.min(lo + 1, exact.length - 1)] ?? exact[lo]!) - exact[lo]!);
  };
  return [...new Set(SPLICE_QUANTILES.map(at))];
}

function spliced(records: readonly ClaimRecord[]): SeverityFit {
  const best = profileThreshold(records, spliceCandidates(records)).fits[0]!;
  return { ...best, aic: best.aic + 2 };
}

/** Each family fitted to the records, or the reason it could not be (one line, the fitter's InputError). */
export function fitAll(records: readonly ClaimRecord[]): FamilyFit[] {
  return FIT_FAMILIES.map((family) => {
    try {
      // The splice point is estimated too (the best of the candidates): AIC counts it, 2 more.
      const fit = family === "spliced" ? spliced(records) : fitSeverity(records, family);
      return { family, fit, error: null };
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
