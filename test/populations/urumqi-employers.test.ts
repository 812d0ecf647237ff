/** Urumqi's employers' staff (track A) and art. 7 special persons (track B), and the trial scenario. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figure } from "../../src/figures/figures.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { trackACounts, urumqiEmployers } from "../../src/populations/urumqi-employers.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
const v = (id: string) => figure(figures, id).value;
type Cell = { id: string; count: number; attributes: Record<string, unknown>; person: Record<string, unknown>; frequency?: number };
const cells = (urumqiEmployers.build({}, figures) as { cells: Cell[] }).cells;
const sum = (cs: Cell[]) => cs.reduce((a, c) => a + c.count, 0);

describe("urumqi-employers builder", () => {
  it("puts the assumed 120 万 WII staff in 8 industry classes (class 1: 25 % = 30 万, hand-checked)", () => {
    const a = cells.filter((c) => c.attributes["track"] === "A");
    expect(a.length).toBe(8);
    expect(sum(a)).toBe(v("urumqi.wii_insured"));
    expect(trackACounts(figures)[0]).toBe(300_000);
    // claim frequency relative to class 1 follows the national class rates: class 8 = 1.9 % / 0.2 % = 9.5
    expect(a.find((c) => c.id === "A/class8")!.frequency).toBeCloseTo(9.5, 10);
  });

  it("holds every art. 7 group, split by whether the employer also joins track A", () => {
    const b = cells.filter((c) => c.attributes["track"] === "B");
    expect(b.length).toBe(10);
    const total = ["flexible", "village_committee", "over_age", "platform", "intern"].reduce((a, id) => a + v(`urumqi.special.${id}`), 0);
    expect(sum(b)).toBe(total);
    expect(sum(b.filter((c) => c.person["employerInsuresWiiStaff"] === true))).toBe(328_000 / 2);
    expect(b.find((c) => c.attributes["group"] === "over-age")!.person["age"]).toBeLessThanOrEqual(70);
  });
});

describe("urumqi-supplementary-2025 scenario", () => {
  const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/urumqi-supplementary-2025.json", import.meta.url), "utf-8"));
  const { scenario, options } = parseScenario(resolveScenario(json, figures));
  const plan = compile(scenario, options);

  it("has no calibration (nothing about the trial is published) and runs a few replicates", () => {
    expect(scenario.calibration).toBeUndefined();
    const rows = runPlan(plan, { replicates: 3 });
    expect(rows.length).toBe(6);
    for (const r of rows) {
      expect(r.net).toBe(0); // individuals pay nothing (art. 9)
      expect(r.subsidies.budget).toBe(0);
    }
  }, 300_000);

  it("track B enrols only special persons whose employer also insures its WII staff under track A", () => {
    const [, b] = runPlan(plan, { replicates: 1, uncertainty: false, fix: { "takeup.b": 1 } });
    const eligible = cells.filter((c) => c.attributes["track"] === "B" && c.person["employerInsuresWiiStaff"] === true);
    expect(b!.enrolled).toBe(sum(eligible));
    expect(b!.population).toBe(sum(cells.filter((c) => c.attributes["track"] === "B")));
  }, 300_000);

  it("charges class 8 staff 9.5 × the class-1 premium (the rules' class scaling)", () => {
    const a = options[0]!;
    const q = (cls: number) => a.scheme.premium(a.scheme.parsePerson({ category: "employee", industryClass: cls }), a.scheme.parsePurchase({ months: 12 }, "2025-09-01"), "2025-09-01").gross;
    expect(q(8) / q(1)).toBeCloseTo(9.5, 6);
  }, 300_000);
});
