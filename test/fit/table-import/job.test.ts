/**
 * The upload job the page runs in a worker (src/fit/table-import/job.ts): the same results as
 * reading, importing and fitting directly; its results survive structured cloning (what
 * postMessage does) and a cloned fit, its distribution rebuilt, gives the same densities; bad input
 * is one line, and the stages come in order.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTable } from "../../../src/fit/table-import/excel.js";
import { importClaims } from "../../../src/fit/table-import/claims.js";
import { importPopulation } from "../../../src/fit/table-import/population.js";
import { fitAll, runImportJob, spliceCandidates, withDistribution, type ImportStage } from "../../../src/fit/table-import/job.js";
import type { FieldSpec } from "../../../src/fit/table-import/columns.js";
import { fitSeverity } from "../../../src/fit/severity/fit.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const AGE: FieldSpec = { key: "ageBand", label: { zh: "年龄段", en: "age band" }, type: { kind: "choice", values: ["18-39", "40-59", "60+"] }, required: true, aliases: [] };
const HEALTH: FieldSpec = { key: "health", label: { zh: "健康状况", en: "health" }, type: { kind: "text" }, required: true, aliases: [] };
const spec = { columns: [{ field: AGE }, { field: HEALTH }] };

describe("the upload job", () => {
  it("population: the cells the importer reads directly, through a structured clone", async () => {
    const stages: ImportStage[] = [];
    const r = structuredClone(await runImportJob({ kind: "population", bytes: fixture("population-cells-gbk.csv"), name: "cells.csv", spec }, (s) => stages.push(s)));
    const direct = importPopulation(await readTable(fixture("population-cells-gbk.csv"), { field: "cells.csv" }), spec);
    expect(r.kind).toBe("population");
    if (r.kind !== "population") return;
    expect(r.imp.cells).toEqual(direct.cells);
    expect(r.imp.persons).toBe(direct.persons);
    expect(stages).toEqual(["reading", "checking"]);
  });
  it("claims: the records and every family's fit, the same as fitting directly; a rebuilt distribution has the same densities", async () => {
    const stages: ImportStage[] = [];
    const r = structuredClone(await runImportJob({ kind: "claims", bytes: fixture("claims-lognormal.csv"), name: "claims.csv" }, (s) => stages.push(s)));
    expect(stages).toEqual(["reading", "checking", "fitting"]);
    if (r.kind !== "claims") throw new Error(`expected claims, got ${r.kind}`);
    const imp = importClaims(await readTable(fixture("claims-lognormal.csv"), { field: "claims.csv" }));
    expect(r.imp.records).toEqual(imp.records);
    const direct = fitAll(imp.records);
    expect(r.fits.map((f) => f.family)).toEqual(["lognormal", "gamma", "pareto", "spliced"]);
    for (const [i, f] of r.fits.entries()) {
      const d = direct[i]!;
      expect(f.error).toBe(d.error);
      if (!f.fit || !d.fit) continue;
      expect(f.fit.estimate).toEqual(d.fit.estimate);
      expect(f.fit.logLikelihood).toBe(d.fit.logLikelihood);
      const rebuilt = withDistribution(f.fit);
      for (const x of [500, 3000, 20000, 150000]) {
        expect(rebuilt.distribution.logPdf(x)).toBe(d.fit.distribution.logPdf(x));
        expect(rebuilt.distribution.logSf(x)).toBe(d.fit.distribution.logSf(x));
      }
    }
    // The lognormal fit is the fitter's own.
    expect(r.fits[0]!.fit!.estimate).toEqual(fitSeverity(imp.records, "lognormal").estimate);
  });
  it("a table with bad rows: the issues, no fits; an unreadable file: one line naming the file", async () => {
    const bad = await runImportJob({ kind: "claims", bytes: fixture("claims-bad.csv"), name: "bad.csv" });
    if (bad.kind !== "claims") throw new Error(`expected claims, got ${bad.kind}`);
    expect(bad.imp.issueCount).toBeGreaterThan(0);
    expect(bad.fits).toEqual([]);
    const empty = await runImportJob({ kind: "claims", bytes: new Uint8Array(0), name: "empty.csv" });
    expect(empty).toEqual({ kind: "error", message: expect.stringMatching(/^empty\.csv: empty \(allowed: /) });
    expect(empty.kind === "error" && empty.message.includes("\n")).toBe(false);
  });
});

describe("the spliced model among the fits", () => {
  it("is the profile-likelihood best of the candidate splice points, its AIC counting the splice point", async () => {
    const r = await runImportJob({ kind: "claims", bytes: fixture("claims-lognormal.csv"), name: "claims.csv" });
    if (r.kind !== "claims") throw new Error(`expected claims, got ${r.kind}`);
    const s = r.fits.find((f) => f.family === "spliced")!;
    expect(s.error).toBeNull();
    const candidates = spliceCandidates(r.imp.records);
    expect(candidates.length).toBeGreaterThan(1);
    // Each candidate fitted alone: the chosen one has the largest ln L.
    const each = candidates.map((threshold) => fitSeverity(r.imp.records, "spliced", { threshold }));
    const top = each.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a));
    expect(s.fit!.fixed).toBe(top.fixed);
    expect(s.fit!.logLikelihood).toBe(top.logLikelihood);
    // AIC = 2k − 2 ln L with k = 4 fitted parameters + the splice point.
    expect(s.fit!.aic).toBeCloseTo(2 * 5 - 2 * top.logLikelihood, 9);
    // On lognormal data the lognormal's AIC beats the spliced model's.
    expect(r.fits.find((f) => f.family === "lognormal")!.fit!.aic).toBeLessThan(s.fit!.aic);
  });
  it("the candidates are the 50/75/90/95 % quantiles of the exact amounts (type 7)", () => {
    const records = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => ({ amount: 1000 * k }));
    // n = 11: h = 10p → 6000, 8500, 10000, 10500.
    expect(spliceCandidates(records)).toEqual([6000, 8500, 10000, 10500]);
  });
});
