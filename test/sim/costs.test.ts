/**
 * The engine's employer/platform cost (statutory lines outside the payout, by payer) and its cash
 * basis (what falls in the policy year: lump sums and medical in full, a periodic stream's first
 * 12 months), against hand-computed cells, in every mode; and the person-mode oracle against the
 * aggregate modes on a mixed cell.
 */
import { describe, expect, it } from "vitest";
import { compile, runPlan, type Mode, type ReplicateRow } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { summarize } from "../../src/sim/summary.js";

const MODES: Mode[] = ["fast", "exact", "person"];

/** One cell of `count` persons who all enrol; claims of the given categories. */
function scenario(scheme: string, date: string, categories: object[], frequency = 0.05, count = 4000, person: object = {}) {
  return {
    id: "costs",
    title: "costs",
    seed: 11,
    replicates: 20,
    date,
    population: { cells: [{ id: "all", count, person }] },
    assumptions: {},
    options: [{ id: "o", label: "o", scheme, takeup: { model: "probability", probability: 1 }, claims: { frequency, categories } }],
  };
}

function run(s: object, mode: Mode, replicates?: number): ReplicateRow[] {
  const { scenario: sc, options } = parseScenario(s);
  return runPlan(compile(sc, options, mode), { mode, replicates });
}

describe("employer/platform cost by payer", () => {
  // Zhejiang grade 5, leaving the job (single-type-wii cases.yaml): the fund pays 18 × 7000 +
  // 30 × 7000 = 336 000, the employer the employment lump sum 30 months × 7000 = 210 000.
  const grade5 = scenario("single-type-wii", "2024-06-01", [{ name: "g5", weight: 1, claim: { medicalCost: 0, disabilityGrade: 5, leftJob: true } }]);
  for (const mode of MODES) {
    it(`a grade-5 injury leaving the job costs the employer 210 000 元 a claim (${mode})`, () => {
      const rows = run(grade5, mode);
      expect(rows.some((r) => r.claims > 0)).toBe(true);
      for (const r of rows) {
        expect(r.costs.employer).toBeCloseTo(210000 * r.claims, 4);
        expect(r.costs.platform).toBe(0);
        expect(r.benefits).toBeCloseTo(336000 * r.claims, 4);
        expect(r.cashBenefits).toBeCloseTo(r.benefits, 4); // lump sums only
      }
    });
  }

  // The pilot (national, regional wage 8000): grade 6 leaving, employment lump sum 25 × 8000 = 200 000, the platform's.
  it("the pilot books the employer's share to the platform: 200 000 元 a grade-6 claim (person mode)", () => {
    const s = scenario("occupational-injury-pilot", "2025-06-01", [{ name: "g6", weight: 1, claim: { onOrder: true, medicalCost: 0, disabilityGrade: 6, leftJob: true } }], 0.05, 4000, { onPilotPlatform: true });
    (s.options[0] as Record<string, unknown>)["purchase"] = { orders: 1000 };
    const rows = run(s, "person", 5);
    expect(rows.some((r) => r.claims > 0)).toBe(true);
    for (const r of rows) {
      expect(r.costs.platform).toBeCloseTo(200000 * r.claims, 4);
      expect(r.costs.employer).toBe(0);
    }
    const [g] = summarize(rows);
    expect(Object.keys(g!.metrics)).toContain("cost_platform");
    expect(Object.keys(g!.metrics)).not.toContain("cost_employer");
  });
});

describe("cash basis", () => {
  // A death with one dependant, wage 7000, 2024 (single-type-wii cases.yaml): death subsidy
  // 20 × 51 821 = 1 036 420, funeral 6 × 7000 = 42 000, survivors' pension 30 % × 7000 = 2100 a
  // month for 15 years certain — its present value is in the payout, its first 12 months
  // (12 × 2100 = 25 200, undiscounted, certain) in the cash: 1 103 620 a claim.
  const death = scenario("single-type-wii", "2024-06-01", [{ name: "death", weight: 1, claim: { medicalCost: 0, death: true, dependants: 1, wage: 7000 } }]);
  // The payout: 1 078 420 + 2100 × ä, ä = (1 − r^180) / (1 − r), r = (1.025 / 1.03)^(1/12).
  const r = Math.pow(1.025 / 1.03, 1 / 12);
  const payout = 1036420 + 42000 + Math.round(2100 * ((1 - r ** 180) / (1 - r)) * 100) / 100;
  for (const mode of MODES) {
    it(`a death pays 1 103 620 元 in cash in the year against ${Math.round(payout)} at present value (${mode})`, () => {
      const rows = run(death, mode);
      expect(rows.some((x) => x.claims > 0)).toBe(true);
      for (const x of rows) {
        expect(x.cashBenefits).toBeCloseTo(1103620 * x.claims, 2);
        expect(x.benefits).toBeCloseTo(payout * x.claims, 2);
        expect(x.cashLossRatio).toBeCloseTo(x.cashBenefits / x.gross, 12);
      }
    });
  }

  it("person mode (the oracle) and the aggregate modes agree on cost and cash in a mixed cell", () => {
    const mixed = scenario(
      "single-type-wii",
      "2024-06-01",
      [
        { name: "medical", weight: 0.7, claim: { medicalCost: { dist: "lognormal", median: 8000, sigma: 1 } } },
        { name: "g5", weight: 0.2, claim: { medicalCost: 20000, disabilityGrade: 5 } },
        { name: "g1", weight: 0.05, claim: { medicalCost: 50000, disabilityGrade: 1, age: 30 } },
        { name: "death", weight: 0.05, claim: { medicalCost: 0, death: true } },
      ],
      0.02,
      3000,
    );
    const per = (rows: ReplicateRow[], f: (r: ReplicateRow) => number) => {
      const xs = rows.map((x) => f(x) / Math.max(1, x.claims));
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
      return { m, se: sd / Math.sqrt(xs.length) };
    };
    const person = run(mixed, "person", 200);
    for (const mode of ["fast", "exact"] as Mode[]) {
      const agg = run(mixed, mode, 200);
      for (const f of [(x: ReplicateRow) => x.cashBenefits, (x: ReplicateRow) => x.costs.employer, (x: ReplicateRow) => x.benefits]) {
        const a = per(person, f);
        const b = per(agg, f);
        expect(Math.abs(a.m - b.m)).toBeLessThan(4 * Math.hypot(a.se, b.se));
      }
    }
    // Periodic streams make the cash smaller than the present value.
    const total = (rows: ReplicateRow[], f: (r: ReplicateRow) => number) => rows.reduce((a, x) => a + f(x), 0);
    expect(total(person, (x) => x.cashBenefits)).toBeLessThan(total(person, (x) => x.benefits));
  });
});
