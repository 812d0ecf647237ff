/**
 * ningbo-flexible-workers and the ningbo-linghuobao scenario: hand-checked counts from
 * data/assumptions/ningbo-linghuobao.csv, the 16–65 age rule on the edge cells, claims per insured
 * day × days bought, take-up by hand, and the subsidy ending on 2024-06-25: the worker's price
 * doubles in year 2 and enrolment falls below the subsidy-continued option.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { ningboFlexibleWorkers } from "../../src/populations/ningbo-flexible-workers.js";
import { getScheme } from "../../src/schemes/index.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
type Cell = { id: string; count: number; attributes: Record<string, string | number>; person: Record<string, unknown>; purchase: { days: number }; frequency: number };
const cells = (ningboFlexibleWorkers.build({}, figures) as { cells: Cell[] }).cells;
const sum = (f: (c: Cell) => boolean) => cells.filter(f).reduce((a, c) => a + c.count, 0);

describe("ningbo-flexible-workers builder", () => {
  it("splits the assumed 15 万 registrants by occupation and age (hand-checked)", () => {
    expect(sum(() => true)).toBe(150_000);
    const occ = (o: string) => sum((c) => c.attributes.occupation === o);
    expect([occ("construction"), occ("delivery"), occ("domestic"), occ("catering"), occ("warehouse"), occ("ridehailing")]).toEqual([37_500, 30_000, 22_500, 22_500, 22_500, 15_000]);
    // Construction: 0.2 % under 16 = 75, 3 % over 65 = 1125; of the 96.8 % inside, 30 % / 45 % / 25 %.
    const c = (id: string) => cells.find((x) => x.id === id)!.count;
    expect([c("construction/under16"), c("construction/over65"), c("construction/16-29"), c("construction/30-49"), c("construction/50-65")]).toEqual([75, 1125, 10_890, 16_335, 9075]);
  });

  it("buys `days` days a purchase and scales claim frequency by them", () => {
    const days: Record<string, number> = { construction: 5, delivery: 28, domestic: 10, catering: 3, warehouse: 14, ridehailing: 28 };
    for (const x of cells) {
      expect(x.purchase.days).toBe(days[x.attributes.occupation as string]);
      expect(x.frequency).toBe(x.purchase.days);
    }
  });

  it("edge cells: under 16 and over 65 are ineligible, 16–65 eligible (seed 000 l.240)", () => {
    const scheme = getScheme("linghuobao");
    for (const x of cells) {
      const ok = scheme.eligibility(scheme.parsePerson(x.person), "2023-07-01").eligible;
      expect(ok).toBe(x.attributes.age !== "under16" && x.attributes.age !== "over65");
    }
    expect(scheme.eligibility(scheme.parsePerson({ age: 16 }), "2023-07-01").eligible).toBe(true);
    expect(scheme.eligibility(scheme.parsePerson({ age: 65 }), "2023-07-01").eligible).toBe(true);
  });
});

const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/ningbo-linghuobao.json", import.meta.url), "utf-8"));

describe("ningbo-linghuobao scenario", () => {
  const { scenario, options } = parseScenario(resolveScenario(json, figures));

  it("has no calibration targets (nothing is published) and runs three years; the ledger adds up", () => {
    expect(scenario.calibration).toBeUndefined();
    const rows = runPlan(compile(scenario, options, "fast"), { replicates: 4 });
    expect(rows).toHaveLength(4 * 2 * 3);
    for (const r of rows) {
      const subsidies = Object.values(r.subsidies).reduce((a, b) => a + b, 0);
      expect(Math.abs(r.gross - r.net - subsidies)).toBeLessThan(1e-6 * Math.max(1, r.gross));
      // 96.8 % of the 15 万 are aged 16–65.
      expect(r.eligible).toBe(145_200);
      // Year 1 (from 2023-07-01): the budget pays half; later years only if the subsidy continues.
      if (r.year === 1 || r.option === "subsidy-continued") expect(r.subsidies.budget).toBeCloseTo(r.gross / 2, 2);
      else expect(r.subsidies.budget).toBe(0);
    }
    for (let i = 0; i < 4; i++) {
      const get = (o: string, y: number) => rows.find((r) => r.replicate === i && r.option === o && r.year === y)!;
      expect(get("as-legislated", 1).enrolled).toBe(get("subsidy-continued", 1).enrolled);
      // The price doubles (0.3 → 0.6 元/day) in year 2: fewer join and fewer renew.
      expect(get("as-legislated", 2).expectedEnrolled).toBeLessThan(get("subsidy-continued", 2).expectedEnrolled);
    }
  }, 300_000);

  it("take-up and claims of one cell at point values, by hand", () => {
    const s = structuredClone(json);
    for (const o of s.options) o.cells = { occupation: ["domestic"], age: ["30-49"] };
    const p = parseScenario(resolveScenario(s, figures));
    const rows = runPlan(compile(p.scenario, p.options, "fast"), { replicates: 1, uncertainty: false });
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    // 22 500 × 0.968 × 0.45 = 9801 domestic workers aged 30–49; 10 days at 0.3 元 = 3 元 net.
    const p1 = logistic(-1.5 - 0.5 * (3 / 2.1 - 1));
    const y1 = rows.find((r) => r.option === "as-legislated" && r.year === 1)!;
    expect(y1.population).toBe(9801);
    expect(y1.expectedEnrolled).toBeCloseTo(9801 * p1, 6);
    // Claims a year per enrollee: 0.00004 a day × 10 days × 0.6 (domestic) × 15 purchases a year = 0.0036; every claim pays something.
    const lambda = 0.00004 * 10 * 0.6 * 15;
    expect(y1.expectedClaimants / y1.expectedEnrolled).toBeCloseTo(1 - Math.exp(-lambda), 9);
    // Year 1 premium: 0.6 元 × 10 days = 6 元 gross a purchase, 15 purchases a year: 90 元 per enrollee.
    expect(y1.expectedGross / y1.expectedEnrolled).toBeCloseTo(90, 9);
  }, 300_000);
});
