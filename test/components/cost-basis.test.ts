/**
 * The cash-basis / payer-cost table's data (src/components/cost-basis.ts): from the engine's rows
 * of a grade-5 cell (the employer pays 210 000 元 a claim outside the payout), a death cell (the
 * survivors' pension: cash < present value) and of a 灵活保 cell (lump sums only: both bases agree, no
 * payer cost); means and quantiles recomputed here from the rows by hand.
 */
import { describe, expect, it } from "vitest";
import { costBasisData, costBasisNote } from "../../src/components/cost-basis.js";
import { compile, runPlan, type ReplicateRow } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

function rows(scheme: string, date: string, claim: object, person: object = {}): ReplicateRow[] {
  const { scenario, options } = parseScenario({
    id: "basis",
    title: "basis",
    seed: 5,
    replicates: 40,
    date,
    population: { cells: [{ id: "all", count: 3000, person }] },
    assumptions: { f: { value: 0.03, prior: { dist: "uniform", min: 0.01, max: 0.05 }, rationale: "test" } },
    options: [{ id: "o", label: { zh: "方案", en: "option" }, scheme, takeup: { model: "probability", probability: 1 }, claims: { frequency: "$f", categories: [{ name: "c", weight: 1, claim }] } }],
  });
  return runPlan(compile(scenario, options, "fast"));
}

/** Type-7 quantile, as d3 and the summaries compute it. */
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]!) - s[lo]!);
}

describe("cost-basis table data", () => {
  it("a grade-5 cell leaving the job: both loss ratios with their ranges, and the employer's mean cost", () => {
    const rs = rows("single-type-wii", "2024-06-01", { medicalCost: 0, disabilityGrade: 5, leftJob: true });
    const data = costBasisData(rs, [{ id: "o", label: { zh: "方案", en: "option" } }], "en")!;
    expect(data).not.toBeNull();
    expect(data.payers).toEqual(["employer"]);
    const [row] = data.rows;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const pv = rs.map((r) => r.lossRatio!);
    const cash = rs.map((r) => r.cashLossRatio!);
    expect(row!.presentValue.mean).toBeCloseTo(mean(pv), 12);
    expect(row!.cash.mean).toBeCloseTo(mean(cash), 12);
    expect(row!.presentValue.q05).toBeCloseTo(quantile(pv, 0.05), 12);
    expect(row!.cash.q95).toBeCloseTo(quantile(cash, 0.95), 12);
    // Lump sums only from the fund (the grade-5 allowance stops on leaving the job): one basis.
    expect(row!.cash.mean).toBeCloseTo(row!.presentValue.mean!, 12);
    // 210 000 元 a claim to the employer (30 months × 7000, single-type-wii cases.yaml).
    expect(row!.costs.employer).toBeCloseTo(mean(rs.map((r) => r.claims * 210000)), 6);
    expect(row!.label).toBe("option");
  });

  it("deaths: the survivors' pension's later years are not cash, so the cash loss ratio is below the present value's", () => {
    const rs = rows("single-type-wii", "2024-06-01", { medicalCost: 0, death: true });
    const data = costBasisData(rs, [{ id: "o", label: "o" }], "zh")!;
    expect(data.payers).toEqual([]);
    expect(data.rows[0]!.cash.mean!).toBeLessThan(data.rows[0]!.presentValue.mean!);
    expect(data.rows[0]!.cash.mean!).toBeGreaterThan(0);
  });

  it("lump sums only (灵活保): the bases agree and nobody carries a cost, so the table adds nothing", () => {
    const rs = rows("linghuobao", "2023-07-01", { medicalCost: { dist: "lognormal", median: 3000, sigma: 1 } }, { age: 30 });
    expect(rs.some((r) => r.benefits > 0)).toBe(true);
    expect(costBasisData(rs, [{ id: "o", label: "o" }], "zh")).toBeNull();
  });

  it("the note says what each basis counts, in one language, and names the payers shown", () => {
    expect(costBasisNote(["employer", "platform"], "zh")).toMatch(/^现值：.*现金口径.*用人单位、平台成本/);
    expect(costBasisNote(["employer", "platform"], "zh")).not.toMatch(/[A-Za-z]{3,}/);
    expect(costBasisNote(["platform"], "en")).toMatch(/^Present value: .* cash basis: .* Cost to the platform: /);
    expect(costBasisNote([], "en")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
