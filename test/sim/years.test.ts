/**
 * Multi-year runs: renewal and lapse by health status (adverse selection), repricing toward a
 * target loss ratio on a 1 % price lattice, rules read on each year's date, and the payer ledger
 * in every year.
 */
import { describe, expect, it } from "vitest";
import { mean, sampleStandardDeviation } from "simple-statistics";
import { parseScenario } from "../../src/sim/scenario.js";
import { compile, runPlan, PAYERS, type ReplicateRow } from "../../src/sim/run.js";

function run(s: object, opts: Parameters<typeof runPlan>[1] = {}): ReplicateRow[] {
  const { scenario, options } = parseScenario(s);
  return runPlan(compile(scenario, options, "fast"), opts);
}

const claim = { inCatalogSelfPay: { dist: "lognormal", median: 30000, sigma: 0.8 }, outOfCatalogSelfPay: 0 };

/** 工惠保 on healthy and chronically ill members (age ≤ 50, premium 68 元). */
function spiral(reprice: boolean, years = 3) {
  return {
    id: "spiral",
    title: "adverse selection",
    seed: 3,
    replicates: 300,
    years,
    date: "2020-09-01",
    population: {
      cells: [
        { id: "healthy", count: 200000, person: { age: 40 }, attributes: { health: "healthy" } },
        { id: "chronic", count: 50000, person: { age: 40 }, attributes: { health: "chronic" }, frequency: 5 },
      ],
    },
    options: [
      {
        id: "ghb",
        label: "工惠保",
        scheme: "gonghuibao",
        takeup: { model: "probability", probability: 0.3 },
        claims: { frequency: 0.004, categories: [{ name: "inpatient", weight: 1, claim }] },
        dynamics: {
          renewal: 0.6,
          renewalBy: { health: { healthy: 0.5, chronic: 0.9 } },
          ...(reprice ? { reprice: { targetLossRatio: 0.85, credibility: 1, maxChange: 0.25 } } : {}),
        },
      },
    ],
  };
}

const byYear = (rows: ReplicateRow[], y: number) => rows.filter((r) => r.year === y);

describe("renewal and lapse by health status", () => {
  const rows = run(spiral(false), { uncertainty: false });

  it("year-2 enrolment has the hand-computed expectation", () => {
    // E[E2] = Σ_c [N_c·p·r_c + (N_c − N_c·p)·p] with p = 0.3:
    // healthy 200000·0.3·0.5 + 140000·0.3 = 30000 + 42000 = 72000
    // chronic  50000·0.3·0.9 +  35000·0.3 = 13500 + 10500 = 24000  → 96000
    const e2 = byYear(rows, 2).map((r) => r.enrolled);
    const se = sampleStandardDeviation(e2) / Math.sqrt(e2.length);
    expect(Math.abs(mean(e2) - 96000)).toBeLessThan(3 * se + 1e-9);
  });

  it("the pool gets sicker: the loss ratio rises year on year without repricing", () => {
    const lr = [1, 2, 3].map((y) => mean(byYear(rows, y).map((r) => r.lossRatio!)));
    expect(lr[1]!).toBeGreaterThan(lr[0]! * 1.03);
    expect(lr[2]!).toBeGreaterThan(lr[1]!);
  });
});

describe("repricing toward a target loss ratio", () => {
  const rows = run(spiral(true), { uncertainty: false, replicates: 50 });

  it("sets next year's premium from this year's loss ratio on the 1 % lattice, capped at ×1.25", () => {
    for (let r = 0; r < 50; r++) {
      const [y1, y2] = [1, 2].map((y) => rows.find((x) => x.replicate === r && x.year === y)!);
      // factor = clamp(LR1 / 0.85, 1/1.25, 1.25); premium2 = 68 × 1.01^round(ln factor / ln 1.01)
      const factor = Math.min(1.25, Math.max(1 / 1.25, y1!.lossRatio! / 0.85));
      const k = Math.round(Math.log(factor) / Math.log(1.01));
      const premium2 = y2!.gross / y2!.enrolled;
      expect(premium2).toBeCloseTo(Math.round(68 * 1.01 ** k * 100) / 100, 2);
    }
  });

  it("spirals: premiums rise while enrolment falls", () => {
    const premium = [1, 2, 3].map((y) => mean(byYear(rows, y).map((r) => r.gross / r.enrolled)));
    expect(premium[1]!).toBeGreaterThan(premium[0]!);
    expect(premium[2]!).toBeGreaterThan(premium[1]!);
  });

  it("keeps the payer ledger in every year", () => {
    for (const r of rows) {
      const subsidies = PAYERS.reduce((a, p) => a + r.subsidies[p], 0);
      expect(Math.abs(r.gross - (r.net + subsidies))).toBeLessThan(1e-6 * Math.max(1, r.gross));
    }
  });
});

describe("rules are read on each year's date", () => {
  it("灵活保's budget subsidy stops after its first two years (2024-06-25)", () => {
    const rows = run(
      {
        id: "lhb",
        title: "subsidy ends",
        seed: 1,
        replicates: 3,
        years: 2,
        date: "2023-07-01",
        population: { cells: [{ id: "w", count: 10000, person: { age: 30 }, purchase: { days: 10 } }] },
        options: [
          {
            id: "lhb",
            label: "灵活保",
            scheme: "linghuobao",
            takeup: { model: "probability", probability: 0.2 },
            claims: { frequency: 0.01, categories: [{ name: "m", weight: 1, claim: { medicalCost: 1000 } }] },
            dynamics: { renewal: 0.7 },
          },
        ],
      },
      { uncertainty: false },
    );
    for (const r of rows) {
      // 10 days × 0.6 元 = 6 元 gross; the budget pays 50 % (3 元) in year 1 (2023-07-01) only.
      expect(r.gross).toBeCloseTo(6 * r.enrolled, 6);
      expect(r.subsidies.budget).toBeCloseTo(r.year === 1 ? 3 * r.enrolled : 0, 6);
    }
  });

  it("requires dynamics when years > 1", () => {
    const s = spiral(false) as Record<string, any>;
    delete s.options[0].dynamics;
    expect(() => parseScenario(s)).toThrow(/scenario\.options\[0\]\.dynamics: missing \(allowed: \{"renewal": <probability>, …\}, required when years > 1; got years 3\)/);
  });
});

describe("a reform from a date inside the run", () => {
  // 工惠保's in-catalog rate (all claims here are in-catalog) cut from 2021-09-01, the run's second year.
  const path = "gonghuibao.inCatalog.rate";
  const withReform = (reform: object) => {
    const s = spiral(false);
    return run({ ...s, options: [{ ...s.options[0]!, reform }] }, { uncertainty: false });
  };
  const base = run(spiral(false), { uncertainty: false });
  const dated = withReform({ [path]: { value: 0.2, from: "2021-09-01" } });
  const whole = withReform({ [path]: 0.2 });

  it("leaves the years before the date exactly as the rules have them", () => {
    expect(byYear(dated, 1)).toEqual(byYear(base, 1));
    expect(byYear(whole, 1)).not.toEqual(byYear(base, 1));
  });
  it("pays the reform's rate from the date on: year 2 and 3 benefits as the whole-run reform's", () => {
    // Enrolment and claims do not depend on the rate (no repricing), so from year 2 the dated
    // run's rows are the whole-run reform's rows, draw for draw.
    for (const y of [2, 3]) {
      expect(byYear(dated, y).map((r) => r.benefits)).toEqual(byYear(whole, y).map((r) => r.benefits));
      expect(mean(byYear(dated, y).map((r) => r.benefits))).toBeLessThan(mean(byYear(base, y).map((r) => r.benefits)));
    }
  });
  it("a date before the run is the whole-run reform", () => {
    expect(withReform({ [path]: { value: 0.2, from: "2019-01-01" } })).toEqual(whole);
  });
  it("a scenario's dated reform with an impossible date is one line naming the field", () => {
    const s = spiral(false);
    expect(() => parseScenario({ ...s, options: [{ ...s.options[0]!, reform: { [path]: { value: 0.2, from: "2021-02-30" } } }] })).toThrow(/^scenario\.options\[0\]\.reform\.gonghuibao\.inCatalog\.rate\.from: not a calendar date/);
  });
});
