/**
 * Repeat purchases (option.purchases): an enrollee of 灵活保 buys many short policies a year, so
 * premiums, subsidies and claims of a row are per policy year — against a hand-computed cell.
 */
import { describe, expect, it } from "vitest";
import { compile, runPlan, type Mode, type ReplicateRow } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const N = 2000;

/** 2000 workers who all enrol, buying 5-day policies `perYear` times a year (by occupation). */
function scenario(perYear: number | string, assumptions: object = {}) {
  return {
    id: "purchases",
    title: "purchases",
    seed: 3,
    replicates: 200,
    date: "2023-07-01",
    population: {
      cells: [{ id: "riders", count: N, attributes: { occupation: "delivery" }, person: { age: 40, registeredOnPlatform: true, jobInNingbo: true, jobPeriodDays: 5 }, purchase: { days: 5 }, frequency: 5 }],
    },
    assumptions,
    options: [
      {
        id: "o",
        label: "o",
        scheme: "linghuobao",
        purchases: { perYear: 1, by: { occupation: { delivery: perYear } } },
        takeup: { model: "probability", probability: 1 },
        claims: { frequency: 0.001, categories: [{ name: "medical", weight: 1, claim: { medicalCost: 1000 } }] },
      },
    ],
  };
}

function run(s: object, mode: Mode, opts: { uncertainty?: boolean; replicates?: number } = {}): ReplicateRow[] {
  const { scenario: sc, options } = parseScenario(s);
  return runPlan(compile(sc, options, mode), { mode, ...opts });
}

describe("purchases a year", () => {
  // By hand: a 5-day policy costs 5 × 0.6 = 3 元, half paid by the budget until 2024-06-24 (seed
  // 000 l.162–164, l.191); 10 purchases a year: 30 元 gross and 15 元 of subsidy per worker a year,
  // 2000 workers → 60 000 and 30 000 元. Claims: 0.001 a day × 5 days × 10 purchases = 0.05 a
  // worker-year → 100 expected claims, each paid 1000 元 (medical below the 3 万 cap).
  for (const mode of ["fast", "person"] as Mode[]) {
    it(`books 10 purchases a year: premium 60 000, budget 30 000, claims 100 expected (${mode})`, () => {
      const rows = run(scenario(10), mode);
      for (const r of rows) {
        expect(r.enrolled).toBe(N);
        expect(r.gross).toBeCloseTo(60000, 6);
        expect(r.subsidies.budget).toBeCloseTo(30000, 6);
        expect(r.net).toBeCloseTo(30000, 6);
        expect(r.expectedGross).toBeCloseTo(60000, 6);
        expect(r.benefits).toBeCloseTo(1000 * r.claims, 6);
        expect(r.expectedBenefits).toBeCloseTo(100 * 1000, 6);
      }
      const claims = rows.map((r) => r.claims);
      const mean = claims.reduce((a, b) => a + b, 0) / claims.length;
      // Poisson(100) claims a replicate: the mean of 200 within 4 standard errors (√(100/200) = 0.71).
      expect(Math.abs(mean - 100)).toBeLessThan(4 * Math.sqrt(100 / rows.length));
    });
  }

  it("one purchase a year is today's result; purchases drawn from a prior are reproducible and spread the premium", () => {
    const once = run(scenario(1), "fast", { replicates: 20 });
    for (const r of once) expect(r.gross).toBeCloseTo(6000, 6);
    const drawn = scenario("$buys", { buys: { value: 10, prior: { dist: "uniform", min: 5, max: 15 }, rationale: "test" } });
    const a = run(drawn, "fast", { replicates: 50 });
    const b = run(drawn, "fast", { replicates: 50 });
    expect(a).toEqual(b);
    const gross = a.map((r) => r.gross);
    expect(Math.min(...gross)).toBeLessThan(45000);
    expect(Math.max(...gross)).toBeGreaterThan(75000);
    for (const r of run(drawn, "fast", { replicates: 5, uncertainty: false })) expect(r.gross).toBeCloseTo(60000, 6);
  });

  it("a purchase count out of range is refused, naming the field and the range", () => {
    expect(() => run(scenario(0), "fast")).toThrow(/purchases\.by\.occupation\.delivery.*> 0 and ≤ 366/);
    expect(() => run(scenario(400), "fast")).toThrow(/purchases\.by\.occupation\.delivery.*> 0 and ≤ 366/);
  });
});
