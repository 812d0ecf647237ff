/**
 * The /sweeps page's compact copies of the shipped sweeps (src/sim/sweep-compact.ts,
 * src/sim/sweep-expand.ts): read back, they give the page exactly the numbers of the full merged
 * files — every replicate loss ratio bit for bit, the kept summaries, the feasible region at
 * several bands, the share's invariance, the Sobol indices — while storing each distinct vector of
 * loss ratios once; a compact file that points at a later row is refused.
 */
import { readFileSync } from "node:fs";
import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { compactSweep } from "../../src/sim/sweep-compact.js";
import { expandSweep, SHARED_ROW } from "../../src/sim/sweep-expand.js";
import { feasibleByGroup, feasibleRegion, invariantTo, readSweep, sweepSobol, SOBOL_METRICS } from "../../src/sim/sweep-results.js";

const GRID_STATS = ["lossRatio_mean", "lossRatio_q05", "lossRatio_q95", "gross_mean", "subsidy_budget_mean", "subsidy_platform_mean", "cost_platform_mean"];
const fullTable = (id: string) => tableFromIPC(readFileSync(`src/data/sweeps/${id}.arrow`));

describe("the rate grid's compact copy", () => {
  const table = fullTable("national-rate-grid");
  const full = readSweep(table);
  const bytes = compactSweep(table, { stats: GRID_STATS, lossRatios: true });
  const compact = tableFromIPC(bytes);
  const back = readSweep(expandSweep(compact));

  it("keeps every record's ids, factor values, replicate loss ratios (bit for bit) and the kept summaries", () => {
    expect(back.id).toBe(full.id);
    expect(back.hash).toBe(full.hash);
    expect(back.design).toEqual(full.design);
    expect(back.factors).toEqual(full.factors);
    expect(back.records).toHaveLength(full.records.length);
    full.records.forEach((r, i) => {
      const b = back.records[i]!;
      expect([b.point, b.option, b.year, b.values]).toEqual([r.point, r.option, r.year, r.values]);
      expect(Buffer.from(b.lossRatios.buffer).equals(Buffer.from(r.lossRatios.buffer))).toBe(true);
      for (const k of GRID_STATS) expect(Object.is(b.stats[k], r.stats[k]), k).toBe(true);
      expect(Object.keys(b.stats).sort()).toEqual([...GRID_STATS].sort());
    });
  });

  it("gives the same feasible regions, per group too, and the same invariance to the subsidy share", () => {
    const option = full.design.target!.option!;
    for (const [band, confidence] of [[[0.8, 0.9], 0.9], [[0.3, 3], 0.9], [[0.5, 1.2], 0.6]] as [[number, number], number][]) {
      expect(feasibleRegion(back, { option, year: 1, band, confidence })).toEqual(feasibleRegion(full, { option, year: 1, band, confidence }));
      expect(feasibleByGroup(back, { option, year: 1, band, confidence })).toEqual(feasibleByGroup(full, { option, year: 1, band, confidence }));
    }
    for (const o of full.options) expect(invariantTo(back, { option: o, year: 1, factor: 1 })).toBe(invariantTo(full, { option: o, year: 1, factor: 1 }));
  });

  it("stores each distinct vector once, so the file is a fraction of the full one", () => {
    const distinct = new Set(full.records.map((r) => Buffer.from(r.lossRatios.buffer).toString("base64"))).size;
    const rows = compact.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(rows.filter((r) => r["loss_ratios"] !== null)).toHaveLength(distinct);
    expect(rows.filter((r) => r[SHARED_ROW] !== null)).toHaveLength(full.records.length - distinct);
    expect(distinct).toBeLessThan(full.records.length);
    expect(bytes.byteLength).toBeLessThan(readFileSync("src/data/sweeps/national-rate-grid.arrow").byteLength / 3);
  });
});

describe("the Saltelli sweep's compact copy", () => {
  const table = fullTable("national-sobol");
  const full = readSweep(table);
  const back = readSweep(expandSweep(tableFromIPC(compactSweep(table, { stats: SOBOL_METRICS.map((m) => `${m}_mean`), lossRatios: false }))));

  it("gives the same Sobol indices for every metric the page offers, without replicate rows", () => {
    const option = full.options[0]!;
    for (const metric of SOBOL_METRICS) expect(sweepSobol(back, { option, year: 1, metric })).toEqual(sweepSobol(full, { option, year: 1, metric }));
    expect(back.records.every((r) => r.lossRatios.length === 0)).toBe(true);
    expect(back.records.filter((r) => r.option === option && r.year === 1)).toHaveLength(full.records.filter((r) => r.option === option && r.year === 1).length);
  });
});

describe("bad input", () => {
  it("a compact file whose row points at a later row is one InputError", () => {
    const rows = [{ point: 1, loss_ratios: null, [SHARED_ROW]: 1 }, { point: 2, loss_ratios: [1], [SHARED_ROW]: null }];
    const table = { schema: { metadata: new Map<string, string>() }, numRows: 2, toArray: () => rows };
    expect(() => expandSweep(table)).toThrow(/^sweep file: row 1 takes its loss ratios from row 2, which is not an earlier row/);
  });
  it("a table without the factor list is one InputError naming it", () => {
    const t = fullTable("national-sobol");
    t.schema.metadata.delete("factors");
    expect(() => compactSweep(t, { stats: [], lossRatios: false })).toThrow(/no "factors"/);
  });
  it("a summary column the file lacks is one InputError naming it", () => {
    expect(() => compactSweep(fullTable("national-sobol"), { stats: ["nope_mean"], lossRatios: false })).toThrow(/has no column "nope_mean"/);
  });
});
