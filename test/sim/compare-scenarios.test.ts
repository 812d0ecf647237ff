/**
 * Compare anything (src/sim/compare-scenarios.ts): two separately run scenarios are paired by
 * replicate only when seed, population and years match. The paired difference is checked against
 * the per-replicate difference computed here from the two engine runs' rows; the unpaired one
 * against the two means and standard errors computed here; and the premise of pairing — that a
 * separate run draws the same random numbers as the same option inside one run — against one run
 * of both options.
 */
import { readFileSync } from "node:fs";
import { quantile } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { runJob } from "../../src/sim/parallel.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { compareRuns, pairing } from "../../src/sim/compare-scenarios.js";
import type { ReplicateRow } from "../../src/sim/run.js";

const FILE = "simulations/scenarios/jiangshan-80plus.json";
const shipped = JSON.parse(resolveScenarioText(readFileSync(FILE, "utf-8"), FILE));
const REPS = 120;

/** The shipped scenario with only option `id` (and optional changes), as text. */
function only(id: string, change: (s: any) => void = () => {}): string {
  const s = structuredClone(shipped);
  s.options = s.options.filter((o: { id: string }) => o.id === id);
  delete s.calibration;
  change(s);
  return JSON.stringify(s);
}

function run(text: string, seed: number): ReplicateRow[] {
  return runJob({ scenarioText: text, mode: "fast", replicates: REPS, seed, uncertainty: true, range: [0, REPS] });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

describe("compare two scenarios", () => {
  const textA = only("town-paid");
  const textB = only("all");
  const rowsA = run(textA, shipped.seed);
  const rowsB = run(textB, shipped.seed);

  it("same seed, same cells, same years: paired, and the difference is the per-replicate difference of the two runs", () => {
    const p = pairing(parseScenarioText(textA).scenario, shipped.seed, parseScenarioText(textB).scenario, shipped.seed);
    expect(p).toEqual({ paired: true, reasons: [] });
    const c = compareRuns(rowsA, "town-paid", rowsB, "all", p);
    expect(c.paired).toBe(true);
    const byRep = (rows: ReplicateRow[]) => new Map(rows.map((r) => [r.replicate, r]));
    const a = byRep(rowsA);
    const b = byRep(rowsB);
    for (const metric of ["enrolled", "benefits", "gross"] as const) {
      const d = [...Array(REPS).keys()].map((r) => b.get(r)![metric] - a.get(r)![metric]);
      const m = c.metrics.find((x) => x.metric === metric)!;
      expect(m.n).toBe(REPS);
      expect(m.difference).toBeCloseTo(mean(d), 6);
      expect(m.se).toBeCloseTo(sd(d) / Math.sqrt(REPS), 6);
      expect(m.pPositive).toBe(d.filter((x) => x > 0).length / REPS);
      // numpy's linear quantile at 5 %: position 0.05 × (n − 1) in the sorted differences.
      const s = [...d].sort((x, y) => x - y);
      const pos = 0.05 * (REPS - 1);
      const lo = Math.floor(pos);
      expect(m.q05).toBeCloseTo(s[lo]! + (pos - lo) * (s[lo + 1]! - s[lo]!), 6);
    }
  });

  it("a separate run draws the same numbers as the same option inside one run (the premise of pairing)", () => {
    const both = run(only("town-paid", (s) => (s.options = shipped.options.filter((o: { id: string }) => o.id === "town-paid" || o.id === "all"))), shipped.seed);
    const strip = (rows: ReplicateRow[], id: string) => JSON.stringify(rows.filter((r) => r.option === id));
    expect(strip(both, "town-paid")).toBe(strip(rowsA, "town-paid"));
    expect(strip(both, "all")).toBe(strip(rowsB, "all"));
  });

  it("a different seed or different cells: labelled unpaired, the difference of means with √(se_a² + se_b²) and the interval of independent differences", () => {
    const other = run(textB, shipped.seed + 1);
    const p = pairing(parseScenarioText(textA).scenario, shipped.seed, parseScenarioText(textB).scenario, shipped.seed + 1);
    expect(p.paired).toBe(false);
    expect(p.reasons.map((r) => r.en)).toEqual([`different seeds (${shipped.seed} and ${shipped.seed + 1})`]);
    const c = compareRuns(rowsA, "town-paid", other, "all", p);
    expect(c.paired).toBe(false);
    const benefits = c.metrics.find((x) => x.metric === "benefits")!;
    const va = rowsA.map((r) => r.benefits);
    const vb = other.map((r) => r.benefits);
    expect(benefits.difference).toBeCloseTo(mean(vb) - mean(va), 6);
    expect(benefits.se).toBeCloseTo(Math.sqrt(sd(va) ** 2 / REPS + sd(vb) ** 2 / REPS), 6);
    // The interval of b − a for independent outcomes: replicate i of A against replicate i + 1 of B.
    const byRep = (rows: ReplicateRow[]) => [...rows].sort((x, y) => x.replicate - y.replicate).map((r) => r.benefits);
    const xa = byRep(rowsA);
    const xb = byRep(other);
    const diffs = xa.map((x, i) => xb[(i + 1) % REPS]! - x);
    expect(benefits.q05).toBeCloseTo(quantile(diffs, 0.05), 6);
    expect(benefits.q95).toBeCloseTo(quantile(diffs, 0.95), 6);
    expect(benefits.pPositive).toBe(diffs.filter((d) => d > 0).length / REPS);
    // Two runs of the same option differ only by chance: the interval holds 0 and is wider than the paired one of the same rows.
    const same = compareRuns(rowsB, "all", other, "all", p).metrics.find((x) => x.metric === "benefits")!;
    expect(same.q05!).toBeLessThan(0);
    expect(same.q95!).toBeGreaterThan(0);
    const pairedSame = compareRuns(rowsB, "all", rowsB, "all", { paired: true, reasons: [] }).metrics.find((x) => x.metric === "benefits")!;
    expect([pairedSame.q05, pairedSame.q95]).toEqual([0, 0]);

    const fewer = only("all", (s) => {
      const cells = s.population.cells ?? [];
      cells[0].count = Math.max(1, Math.round(cells[0].count / 2));
    });
    const q = pairing(parseScenarioText(textA).scenario, shipped.seed, parseScenarioText(fewer).scenario, shipped.seed);
    expect(q.paired).toBe(false);
    expect(q.reasons.map((r) => r.en)).toEqual(["different populations (cells)"]);
  });

  it("names an option a run does not have", () => {
    expect(() => compareRuns(rowsA, "nope", rowsB, "all", { paired: true, reasons: [] })).toThrow(/no rows for option "nope" of run A/);
  });
});
