/**
 * Claim categories: shares of the claims (never renormalised) and rates of claims in addition to
 * them (issue 12 item 1). Expected values are hand-computed: with take-up 1, frequency f and a
 * category paying a constant amount, E[benefits] = N · f · (its claims per shared claim) · amount.
 */
import { describe, expect, it } from "vitest";
import { parseScenario, mixCategories, categoryKinds } from "../../src/sim/scenario.js";
import { compile, runPlan } from "../../src/sim/run.js";

const N = 100_000;
const f = 0.01;

/** The pilot pays on-order medical costs in full and nothing off-order. */
function scenario(categories: object[], assumptions: object = {}) {
  return {
    id: "categories",
    title: "categories",
    seed: 1,
    replicates: 3,
    date: "2025-01-01",
    population: { cells: [{ id: "riders", count: N, person: { sector: "instant-delivery" }, purchase: { orders: 1000 } }] },
    assumptions,
    options: [
      {
        id: "pilot",
        label: "pilot",
        scheme: "occupational-injury-pilot",
        takeup: { model: "probability", probability: 1 },
        claims: { frequency: f, categories },
      },
    ],
  };
}

const onOrder = (weight: unknown, cost = 1000) => ({ name: "on-order", weight, claim: { onOrder: true, medicalCost: cost } });
const offOrder = (extra: object) => ({ name: "off-order", ...extra, claim: { onOrder: false, medicalCost: 1000 } });

function expected(s: object) {
  const { scenario: sc, options } = parseScenario(s);
  const rows = runPlan(compile(sc, options, "fast"), { uncertainty: false, replicates: 200 });
  const meanClaims = rows.reduce((a, r) => a + r.claims, 0) / rows.length;
  return { benefits: rows[0]!.expectedBenefits, claims: meanClaims };
}

describe("claim categories: shares and rates (issue 12 item 1)", () => {
  it("a rate adds claims on top of the shared ones: on-order claims keep the stated frequency", () => {
    // 0.37 off-order claims per on-order claim (the national data's 0.12 + 0.10 + 0.15).
    const { benefits, claims } = expected(scenario([onOrder(1), offOrder({ rate: 0.37 })]));
    expect(benefits).toBeCloseTo(N * f * 1000, 6); // 1 000 000 元: every on-order claim counted
    // All claims, on- and off-order: N f (1 + 0.37) = 1370 a year (mean of 200 Poisson draws).
    expect(Math.abs(claims - N * f * 1.37)).toBeLessThan(4 * Math.sqrt((N * f * 1.37) / 200));
  });

  it("shares that do not sum to 1 are refused, not renormalised", () => {
    expect(() => parseScenario(scenario([onOrder(1), offOrder({ weight: 0.37 })]))).toThrow(
      /^scenario\.options\[0\]\.claims\.categories: the category shares sum to 1\.37 \(allowed: shares summing to 1 within 0\.000001, never rescaled;/,
    );
  });

  it("rest categories share what the explicit shares leave, by their fractions", () => {
    const s = scenario(
      [onOrder(0.6, 1000), { name: "a", weight: { rest: 0.25 }, claim: { onOrder: true, medicalCost: 2000 } }, { name: "b", weight: { rest: 0.75 }, claim: { onOrder: true, medicalCost: 4000 } }],
    );
    // Per claim: 0.6 · 1000 + 0.4 · 0.25 · 2000 + 0.4 · 0.75 · 4000 = 600 + 200 + 1200 = 2000.
    expect(expected(s).benefits).toBeCloseTo(N * f * 2000, 6);
  });

  it("drawn shares that leave the rest negative are refused in the replicate that drew them", () => {
    const s = scenario([onOrder("$share"), { name: "rest", weight: { rest: 1 }, claim: { onOrder: true, medicalCost: 1 } }], {
      share: { value: 0.99, prior: { dist: "uniform", min: 0.98, max: 1 }, rationale: "test" },
    });
    const { scenario: sc, options } = parseScenario(s);
    expect(() => runPlan(compile(sc, options, "fast"), { replicates: 5 })).not.toThrow();
    const bad = scenario([onOrder("$share"), offOrder({ weight: 0.0 })], { share: { value: 1, prior: { dist: "uniform", min: 0.9, max: 1 }, rationale: "test" } });
    const p = parseScenario(bad);
    expect(() => runPlan(compile(p.scenario, p.options, "fast"), { replicates: 5 })).toThrow(/claims\.categories: the category shares sum to 0\.9\d+ .* in replicate \d$/);
  });

  it("a category with both or neither of weight and rate is refused", () => {
    expect(() => parseScenario(scenario([onOrder(1), offOrder({ weight: 0.1, rate: 0.1 })]))).toThrow(/give exactly one of weight .* or rate/);
    expect(() => parseScenario(scenario([onOrder(1), offOrder({})]))).toThrow(/give exactly one of weight .* or rate/);
  });

  it("mixCategories: probabilities per claim and the claim multiplier", () => {
    const out = new Float64Array(3);
    const m = mixCategories(categoryKinds([{ weight: 0.8 }, { weight: { rest: 1 } }, { rate: 0.25 }]), [0.8, 1, 0.25], out);
    expect(m).toBe(1.25);
    expect([...out].map((x) => Number(x.toFixed(12)))).toEqual([0.64, 0.16, 0.2]);
  });
});
