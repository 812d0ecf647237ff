import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/rules/input-error.js";
import { repriced } from "../../src/sim/pricing.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { brent, replicateLossRatios, solvePremium } from "../../src/sim/solve-premium.js";

const fixture = JSON.parse(readFileSync("test/fixtures/small-gonghuibao.json", "utf-8"));
const base = parseScenario(fixture);
const REPS = 200;

/** Per-replicate loss ratios of the fixture's option run directly by the engine with its scheme × m. */
function lossRatiosAt(parsed: ReturnType<typeof parseScenario>, m: number, replicates = REPS): number[] {
  const { scenario, options } = parsed;
  const o = options[0]!;
  const plan = compile(scenario, [{ option: o.option, scheme: repriced(o.scheme, m, scenario.date) }], "fast");
  const rows = runPlan(plan, { replicates, seed: scenario.seed });
  return replicateLossRatios(rows, o.option.id).lr.map((v) => v!);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Relative effect of rounding premiums of ≥ 340 元 to the fen, with margin. */
const ROUND = 2e-5;

describe("solvePremium without a price response (loss ratio ∝ 1/m)", () => {
  // Take-up here is a plain probability, so with the same seed every replicate's enrolment and
  // benefits are unchanged by the price and LR_r(m) = LR_r(1) / m — up to the fen rounding of the
  // gross premiums 68·m and 168·m: at m ≈ 5 that is at most 0.005 / 340 ≈ 1.5e-5 relative (ROUND).
  const lr1 = lossRatiosAt(base, 1);

  it("mean LR = R: m = mean LR(1) / R, to the relative tolerance, on the safe side", () => {
    const R = 0.85;
    const expected = mean(lr1) / R; // the root by hand
    const r = solvePremium({ ...base, option: "baseline", targetLossRatio: R, replicates: REPS });
    expect(Math.abs(r.multiplier / expected - 1)).toBeLessThanOrEqual(1e-4 + ROUND);
    expect(r.multiplier).toBeGreaterThanOrEqual(expected * (1 - ROUND)); // safe side: mean LR ≤ R
    expect(r.solved.mean!).toBeLessThanOrEqual(R);
    expect(r.solved.mean!).toBeGreaterThan(R * (1 - 1e-4 - ROUND));
    expect(r.current.mean).toBeCloseTo(mean(lr1), 12);
    // 68 × m and 168 × m
    expect(r.premiums.map((p) => p.path)).toEqual(["gonghuibao.premium.upToThreshold", "gonghuibao.premium.aboveThreshold"]);
    expect(r.premiums[0]!.value).toBeCloseTo(68 * r.multiplier, 9);
    expect(r.premiums[1]!.value).toBeCloseTo(168 * r.multiplier, 9);
    // The proportional first guess lands on the root: few engine runs.
    expect(r.evaluations).toBeLessThanOrEqual(6);
    // The reported distribution is the engine's at that m.
    const direct = lossRatiosAt(base, r.multiplier);
    expect(r.solved.mean).toBeCloseTo(mean(direct), 12);
    expect(r.solved.pAbove1).toBe(direct.filter((v) => v > 1).length / REPS);
  });

  it("P(LR ≤ R) ≥ C: m = (⌈C·n⌉-th smallest LR(1)) / R, and the smallest such m", () => {
    const R = 0.85;
    const C = 0.9;
    // ⌈0.9 × 200⌉ = 180: the 180th smallest loss ratio at m = 1 must come down to R.
    const expected = sorted(lr1)[179]! / R;
    const r = solvePremium({ ...base, option: "baseline", targetLossRatio: R, confidence: C, replicates: REPS });
    expect(Math.abs(r.multiplier / expected - 1)).toBeLessThanOrEqual(1e-4 + ROUND);
    expect(r.solved.pAtMostTarget).toBeGreaterThanOrEqual(C);
    // A premium 0.02 % lower (more than tolerance + rounding) misses the target (fewer than 180 of 200 replicates at or below R).
    const lower = lossRatiosAt(base, r.multiplier * (1 - 2e-4));
    expect(lower.filter((v) => v <= R).length).toBeLessThan(180);
    // More than the mean-LR answer: a 90 % guarantee costs more.
    expect(r.multiplier).toBeGreaterThan(mean(lr1) / R);
  });

  it("is deterministic for a seed, and another seed gives another answer", () => {
    const a = solvePremium({ ...base, option: "baseline", targetLossRatio: 1, replicates: 50 });
    const b = solvePremium({ ...base, option: "baseline", targetLossRatio: 1, replicates: 50 });
    const c = solvePremium({ ...base, option: "baseline", targetLossRatio: 1, replicates: 50, seed: 7 });
    expect(b.multiplier).toBe(a.multiplier);
    expect(c.multiplier).not.toBe(a.multiplier);
  });
});

describe("solvePremium with a price response of take-up", () => {
  // Logistic take-up: logit p = ln(0.3/0.7) − 2 × (net / 100 − 1). Take-up falls as the premium rises
  // (differently for the 68 元 and 168 元 tiers, whose claim rates differ), so LR is not ∝ 1/m.
  const s = structuredClone(fixture);
  s.options[0].takeup = { model: "logistic", intercept: Math.log(0.3 / 0.7), priceElasticity: -2, referencePrice: 100 };
  const elastic = parseScenario(s);

  it("solves mean LR = R: the engine's mean LR brackets R within the tolerance", () => {
    const R = 1;
    const r = solvePremium({ ...elastic, option: "baseline", targetLossRatio: R, replicates: REPS });
    expect(mean(lossRatiosAt(elastic, r.multiplier))).toBeLessThanOrEqual(R);
    expect(mean(lossRatiosAt(elastic, r.multiplier * (1 - 1.5e-4)))).toBeGreaterThan(R);
    // Enrolment responds to the price: fewer enrolled at the solved (higher) premium.
    expect(r.solved.enrolled).toBeLessThan(r.current.enrolled * 0.9);
  });
});

describe("solvePremium: bad input", () => {
  const solve = (over: object) => () => solvePremium({ ...base, option: "baseline", targetLossRatio: 0.85, replicates: 20, ...over });
  it.each([0, -0.5, 10.01, Number.NaN])("target loss ratio %s → InputError on targetLossRatio naming the range", (R) => {
    expect(solve({ targetLossRatio: R })).toThrow(InputError);
    expect(solve({ targetLossRatio: R })).toThrow(/^targetLossRatio: out of range \(allowed: a loss ratio > 0 and ≤ 10, e\.g\. 0\.85; got (0|-0\.5|10\.01|NaN)\)$/);
  });
  it("R = 10 is allowed", () => expect(solve({ targetLossRatio: 10 })).not.toThrow());
  it.each([0, 1, 1.5, -0.1])("confidence %s → InputError on confidence", (C) => {
    expect(solve({ confidence: C })).toThrow(/^confidence: out of range \(allowed: a probability strictly between 0 and 1, e\.g\. 0\.9; got (0|1|1\.5|-0\.1)\)$/);
  });
  it("unknown option → InputError listing the options", () => {
    expect(solve({ option: "nope" })).toThrow(/^option: unknown option \(allowed: the scenario's options baseline; got "nope"\)$/);
  });
  it("no solution inside the allowed ranges → InputError saying so", () => {
    // Mean LR at m = 1 is > 4 here; R = 0.05 would need m > 80, but 168 × m ≤ 10000 allows m ≤ 59.5.
    expect(mean(lossRatiosAt(base, 1, 20)) / 0.05).toBeGreaterThan(10000 / 168);
    expect(solve({ targetLossRatio: 0.05 })).toThrow(/^targetLossRatio: no solution inside the pricing parameters' allowed ranges: .*gonghuibao\.premium\.aboveThreshold ≤ 10000/);
  });
  it("an option that never pays → InputError (loss ratio 0 at every premium)", () => {
    const s = structuredClone(fixture);
    // Below both 20000 元 deductibles: every claim pays 0.
    s.options[0].claims.categories = [{ name: "small", weight: 1, claim: { inCatalogSelfPay: 1000, outOfCatalogSelfPay: 1000 } }];
    expect(() => solvePremium({ ...parseScenario(s), option: "baseline", targetLossRatio: 0.85, replicates: 10 })).toThrow(/^targetLossRatio: no solution: the option pays no benefits/);
  });
});

describe("brent on ln m", () => {
  it("finds the root of a linear function of ln m to the tolerance, on the safe side", () => {
    // h(m) = ln(3 / m): root m = 3, h ≤ 0 for m ≥ 3.
    let calls = 0;
    const m = brent((x) => (calls++, Math.log(3 / x)), 0.5, 40, Math.log1p(1e-4));
    expect(m).toBeGreaterThanOrEqual(3);
    expect(m / 3 - 1).toBeLessThanOrEqual(1e-4);
    expect(calls).toBeLessThan(10);
  });
  it("handles a step function and infinite values by bisection", () => {
    // h > 0 below 7.25, −∞ from there on.
    const m = brent((x) => (x < 7.25 ? 1 : -Infinity), 1, 100, Math.log1p(1e-4));
    expect(m).toBeGreaterThanOrEqual(7.25);
    expect(m / 7.25 - 1).toBeLessThanOrEqual(1.0001e-4);
  });
});

describe("solvePremium rescales only the option's own premiums (issue 12 item 7)", () => {
  // Urumqi's scheme prices track A and track B with two parameters; an option of track A staff
  // pays only the first. Solving for it must leave track B's premium where it is.
  const A = "urumqi-supplementary-wii.trackA.premium.class1Monthly";
  const B = "urumqi-supplementary-wii.trackB.premium.class1Monthly";
  const urumqi = (category: string) =>
    parseScenario({
      id: "urumqi-two-tracks",
      title: "test",
      seed: 5,
      replicates: 20,
      date: "2025-09-01",
      population: { cells: [{ id: "staff", count: 100000, person: { category, industryClass: 2 }, purchase: { months: 12 } }] },
      options: [
        {
          id: "opt",
          label: "opt",
          scheme: "urumqi-supplementary-wii",
          takeup: { model: "probability", probability: 0.5 },
          claims: { frequency: 0.01, categories: [{ name: "injury", weight: 1, claim: { disabilityGrade: 9, paidLeaveDays: 60, medicalCost: { dist: "lognormal", median: 20000, sigma: 1 } } }] },
        },
      ],
    });
  it("track A staff: only track A's premium is solved for and listed", () => {
    const r = solvePremium({ ...urumqi("employee"), option: "opt", targetLossRatio: 0.9, replicates: 20 });
    expect(r.premiums.map((p) => p.path)).toEqual([A]);
    expect(r.premiums[0]!.value).toBeCloseTo(r.premiums[0]!.base * r.multiplier, 9);
  });
  it("track B persons: only track B's premium", () => {
    const r = solvePremium({ ...urumqi("platform"), option: "opt", targetLossRatio: 0.9, replicates: 20 });
    expect(r.premiums.map((p) => p.path)).toEqual([B]);
  });
});
