/** Guangdong's special persons and the single-type WII scenario calibrated to seed 001 l.285. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figure } from "../../src/figures/figures.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { calibrate } from "../../src/sim/calibrate.js";
import { guangdongSpecialPersons } from "../../src/populations/guangdong-special-persons.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
const v = (id: string) => figure(figures, id).value;
type Cell = { id: string; count: number; attributes: Record<string, unknown>; person: Record<string, unknown> };

describe("guangdong-special-persons builder", () => {
  const cells = (guangdongSpecialPersons.build({}, figures) as { cells: Cell[] }).cells;
  const count = (id: string) => cells.find((c) => c.id === id)!.count;

  it("reads every group's size from data/ (new-form: 12 % of 8400 万 = 1008 万, hand-checked)", () => {
    expect(count("new-form")).toBe(10_080_000);
    expect(count("over-age")).toBe(v("guangdong.over_age_workers"));
    expect(count("intern")).toBe(v("guangdong.interns"));
    expect(count("domestic")).toBe(v("guangdong.domestic_workers"));
    expect(cells.reduce((a, c) => a + c.count, 0)).toBe(2_500_000 + 1_200_000 + 1_000_000 + 10_080_000);
  });

  it("has room for the published 121.52 万 insured and 8.51 万 new-form workers", () => {
    expect(cells.reduce((a, c) => a + c.count, 0)).toBeGreaterThan(v("guangdong.single_type_insured_2022_05"));
    expect(count("new-form")).toBeGreaterThan(v("guangdong.single_type_new_form_2022_05"));
    expect(cells.every((c) => c.person["variant"] === "guangdong")).toBe(true);
  });
});

describe("guangdong-single-type-2022 scenario", () => {
  const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/guangdong-single-type-2022.json", import.meta.url), "utf-8"));
  const { scenario, options } = parseScenario(resolveScenario(json, figures));

  it("parses, resolves and runs a few replicates; employers and platforms pay, workers nothing", () => {
    const rows = runPlan(compile(scenario, options), { replicates: 3 });
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect(r.net).toBe(0);
      expect(r.subsidies.budget).toBe(0);
      expect(r.subsidies.employer + r.subsidies.platform).toBeCloseTo(r.gross, 0);
      expect(r.benefits).toBeGreaterThan(0);
    }
  }, 300_000);

  it("reproduces both enrolment figures at the fitted take-ups", () => {
    const result = calibrate(scenario, options);
    expect(result.targets.map((t) => t.pass)).toEqual([true, true]);
    // the two take-ups differ by more than an order of magnitude: employers insure special persons, platforms rarely
    expect(scenario.assumptions["takeup.special"]!.value / scenario.assumptions["takeup.new_form"]!.value).toBeGreaterThan(10);
  }, 300_000);

  it("pays nothing after the measures expired (2022-08-31)", () => {
    const later = parseScenario(resolveScenario({ ...json, date: "2022-09-01", calibration: undefined }, figures));
    const [r] = runPlan(compile(later.scenario, later.options), { replicates: 1, uncertainty: false });
    expect(r!.enrolled).toBe(0);
    expect(r!.benefits).toBe(0);
  }, 300_000);
});
