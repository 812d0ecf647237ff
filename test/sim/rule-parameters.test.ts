/**
 * Rule parameters drawn per replicate (option.parameters): a point prior gives today's result, a
 * wide prior widens the spread (and shows in the parameter part of the variance split), the
 * same seed gives the same rows, adding one does not reshuffle the other assumptions' draws.
 */
import { describe, expect, it } from "vitest";
import { compile, runPlan, type ReplicateRow } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { summarize } from "../../src/sim/summary.js";

const DISCOUNT = "single-type-wii.statutory.valuation.discountRate";

/** Deaths under single-type WII (the survivors' pension's PV reads the discount rate); take-up drawn. */
function scenario(parameters?: Record<string, number | string>, discount?: object) {
  return {
    id: "rule-parameters",
    title: "rule parameters",
    seed: 17,
    replicates: 60,
    date: "2024-06-01",
    population: { cells: [{ id: "all", count: 3000, person: {} }] },
    assumptions: {
      takeup: { value: 0.5, prior: { dist: "uniform", min: 0.4, max: 0.6 }, rationale: "test" },
      ...(discount ? { discount: { rationale: "test", ...discount } } : {}),
    },
    options: [
      {
        id: "o",
        label: "o",
        scheme: "single-type-wii",
        ...(parameters ? { parameters } : {}),
        takeup: { model: "probability", probability: "$takeup" },
        claims: { frequency: 0.02, categories: [{ name: "death", weight: 1, claim: { medicalCost: 0, death: true } }] },
      },
    ],
  };
}

function run(s: object, uncertainty = true): ReplicateRow[] {
  const { scenario: sc, options } = parseScenario(s);
  return runPlan(compile(sc, options, "fast"), { uncertainty });
}

describe("rule parameters drawn per replicate", () => {
  const today = run(scenario());

  it("a parameter whose prior is a point gives today's result, row for row", () => {
    expect(run(scenario({ [DISCOUNT]: "$discount" }, { value: 0.03, prior: { dist: "fixed" } }))).toEqual(today);
    expect(run(scenario({ [DISCOUNT]: 0.03 }))).toEqual(today);
  });

  it("exact and person modes too: a point prior gives today's rows", () => {
    for (const mode of ["exact", "person"] as const) {
      const at = (s: object) => {
        const { scenario: sc, options } = parseScenario(s);
        return runPlan(compile(sc, options, mode), { mode, replicates: 3 });
      };
      expect(at(scenario({ [DISCOUNT]: "$discount" }, { value: 0.03, prior: { dist: "fixed" } }))).toEqual(at(scenario()));
      // Fixing the parameter at 0.06 is the same as the reform that sets it.
      const reformed = scenario();
      (reformed.options[0] as Record<string, unknown>)["reform"] = { [DISCOUNT]: 0.06 };
      expect(at(scenario({ [DISCOUNT]: 0.06 }))).toEqual(at(reformed));
      expect(at(scenario({ [DISCOUNT]: 0.06 }))).not.toEqual(at(scenario()));
    }
  });

  it("with uncertainty off, the point values: today's result", () => {
    const wide = scenario({ [DISCOUNT]: "$discount" }, { value: 0.03, prior: { dist: "uniform", min: 0.01, max: 0.06 } });
    expect(run(wide, false)).toEqual(run(scenario(), false));
  });

  it("a wide prior widens the spread of benefits, in the parameter part; the other draws are untouched", () => {
    const wide = scenario({ [DISCOUNT]: "$discount" }, { value: 0.03, prior: { dist: "uniform", min: 0.01, max: 0.06 } });
    const rows = run(wide);
    // Take-up's draw is its own stream: enrolment is the same replicate by replicate.
    expect(rows.map((r) => r.enrolled)).toEqual(today.map((r) => r.enrolled));
    // E[benefits | θ] per enrollee: one value today (only take-up is drawn); spread by the discount rate now.
    const perHead = (rs: ReplicateRow[]) => rs.map((r) => r.expectedBenefits / r.expectedEnrolled);
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(spread(perHead(today))).toBeLessThan(1e-6);
    expect(spread(perHead(rows))).toBeGreaterThan(0.01 * perHead(today)[0]!);
    // Drawn at one of the prior's 16 midpoint quantiles (RULE_STRATA): at most 16 distinct values.
    const distinct = new Set(perHead(rows).map((x) => x.toPrecision(9))).size; // E[benefits]/E[enrolled] up to rounding
    expect(distinct).toBeLessThanOrEqual(16);
    expect(distinct).toBeGreaterThan(8);
    // With take-up held at its point, today's parameter part of the spread is 0; the drawn rate gives it one.
    const held = (s: ReturnType<typeof scenario>) => ({ ...s, assumptions: { ...s.assumptions, takeup: { value: 0.5, rationale: "test" } } });
    const [a] = summarize(run(held(scenario())));
    const [b] = summarize(run(held(wide)));
    expect(a!.split.benefits.parameterSd).toBe(0);
    expect(b!.split.benefits.parameterSd!).toBeGreaterThan(0.01 * b!.metrics["benefits"]!.mean!);
    // A lower discount rate values the survivors' pension higher: E[benefits | θ] falls as the rate rises.
    const { scenario: sc, options } = parseScenario(wide);
    const at = (rate: number) => runPlan(compile(sc, options, "fast"), { replicates: 1, fix: { discount: rate, takeup: 0.5 } })[0]!.expectedBenefits;
    expect(at(0.01)).toBeGreaterThan(at(0.03));
    expect(at(0.03)).toBeGreaterThan(at(0.06));
    expect(at(0.03)).toBeCloseTo(run(scenario(), false)[0]!.expectedBenefits, 6);
  });

  it("same seed, same rows", () => {
    const wide = scenario({ [DISCOUNT]: "$discount" }, { value: 0.03, prior: { dist: "triangular", min: 0.02, mode: 0.03, max: 0.045 } });
    expect(run(wide)).toEqual(run(wide));
  });

  it("refuses an unknown path and a prior reaching outside the parameter's range, naming the field", () => {
    expect(() => run(scenario({ "single-type-wii.nothing": 1 }))).toThrow(/scenario\.options\[0\]\.parameters\.single-type-wii\.nothing: unknown rule parameter/);
    expect(() => run(scenario({ [DISCOUNT]: "$discount" }, { value: 0.03, prior: { dist: "uniform", min: -2, max: 0.06 } }))).toThrow(/parameters\.single-type-wii\.statutory\.valuation\.discountRate: reads \$discount, whose prior reaches/);
  });
});
