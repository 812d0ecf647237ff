/**
 * The cost-anchor metrics of calibration targets (issue 13: src/sim/calibrate.ts metricOf) —
 * lossRatio, cashLossRatio, claimRate, grossPerEnrollee — and the engine's E[cash benefits | θ]
 * they read, against a hand-computed cell: 4000 persons who all enrol in single-type WII, each
 * with claims Poisson(0.05), every claim a death with one dependant at a wage of 7000 (2024):
 * 1 103 620 元 in cash in the policy year (test/sim/costs.test.ts, from single-type-wii
 * cases.yaml), against the payout at present value; the premium per enrollee read from a
 * realised row (everyone enrols, so gross / enrolled is the premium exactly).
 */
import { describe, expect, it } from "vitest";
import { calibrate } from "../../src/sim/calibrate.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const N = 4000;
const LAMBDA = 0.05;
const CASH = 1103620;
const r = Math.pow(1.025 / 1.03, 1 / 12);
const PAYOUT = 1036420 + 42000 + Math.round(2100 * ((1 - r ** 180) / (1 - r)) * 100) / 100;

const metrics = ["lossRatio", "cashLossRatio", "claimRate", "grossPerEnrollee", "benefitsPerClaimant"] as const;
const input = {
  id: "cost-anchors",
  title: "cost anchors",
  seed: 11,
  replicates: 20,
  date: "2024-06-01",
  population: { cells: [{ id: "all", count: N, person: {} }] },
  assumptions: {},
  options: [{ id: "o", label: "o", scheme: "single-type-wii", takeup: { model: "probability", probability: 1 }, claims: { frequency: LAMBDA, categories: [{ name: "death", weight: 1, claim: { medicalCost: 0, death: true, dependants: 1, wage: 7000 } }] } }],
  calibration: { targets: metrics.map((metric) => ({ figure: `test.${metric}`, value: 1, option: "o", metric, tolerance: 0.5 })) },
};

describe("cost-anchor metrics of calibration targets", () => {
  const { scenario, options } = parseScenario(input);
  const model = Object.fromEntries(calibrate(scenario, options).targets.map((t) => [t.metric, t.model]));
  const [row] = runPlan(compile(scenario, options, "fast"), { replicates: 1, uncertainty: false });
  const premium = row!.gross / row!.enrolled;

  it("the engine books E[cash | θ] = N λ × 1 103 620 and E[benefits | θ] = N λ × the payout", () => {
    expect(row!.enrolled).toBe(N);
    expect(row!.expectedCashBenefits).toBeCloseTo(N * LAMBDA * CASH, 2);
    expect(row!.expectedBenefits).toBeCloseTo(N * LAMBDA * PAYOUT, 2);
    expect(row!.expectedCashBenefits).toBeLessThan(row!.expectedBenefits);
  });

  it("premium per enrollee = the realised premium; loss ratios = λ × payout (cash, present value) / premium", () => {
    expect(premium).toBeGreaterThan(0);
    expect(model["grossPerEnrollee"]).toBeCloseTo(premium, 6);
    expect(model["cashLossRatio"]).toBeCloseTo((LAMBDA * CASH) / premium, 8);
    expect(model["lossRatio"]).toBeCloseTo((LAMBDA * PAYOUT) / premium, 8);
  });

  it("claims per enrollee = P(at least one paid claim) = 1 − e^−λ; paid per claimant = λ × payout / (1 − e^−λ)", () => {
    expect(model["claimRate"]).toBeCloseTo(1 - Math.exp(-LAMBDA), 12);
    expect(model["benefitsPerClaimant"]).toBeCloseTo((LAMBDA * PAYOUT) / (1 - Math.exp(-LAMBDA)), 4);
  });

  it("E[cash | θ] is what the replicates realise on average (a second method: 400 replicates, within 4 s.e.)", () => {
    const rows = runPlan(compile(scenario, options, "exact"), { replicates: 400, uncertainty: false });
    const cash = rows.map((x) => x.cashBenefits);
    const mean = cash.reduce((a, b) => a + b, 0) / cash.length;
    const sd = Math.sqrt(cash.reduce((a, b) => a + (b - mean) ** 2, 0) / (cash.length - 1));
    expect(Math.abs(mean - rows[0]!.expectedCashBenefits)).toBeLessThan((4 * sd) / Math.sqrt(cash.length));
  });
});
