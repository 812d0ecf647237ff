/**
 * Rule parameters drawn per replicate (option.parameters): a point prior gives today's result, a
 * wide prior widens the spread (and shows in the parameter part of the variance split), the
 * same seed gives the same rows, adding one does not reshuffle the other assumptions' draws.
 */
import { describe, expect, it } from "vitest";
import { applyReform } from "../../src/rules/index.js";
import { getScheme } from "../../src/schemes/index.js";
import { BenefitTable, categoryModel } from "../../src/sim/claims.js";
import { compile, drawParameters, RULE_STRATA, ruleDesignPoint, ruleStrata, runPlan, type ReplicateRow } from "../../src/sim/run.js";
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

describe("the rule-parameter design and cheap variants", () => {
  /** Three rule parameters of single-type WII bound to wide priors (valuation assumptions). */
  const P = "single-type-wii.statutory.valuation";
  const three = () => {
    const s = scenario();
    const o = s.options[0] as Record<string, unknown>;
    o["parameters"] = { [DISCOUNT]: "$discount", [`${P}.indexation`]: "$growth", [`single-type-wii.statutory.mortality.improvement`]: "$improve" };
    Object.assign(s.assumptions, {
      discount: { value: 0.03, prior: { dist: "uniform", min: 0.01, max: 0.06 }, rationale: "test" },
      growth: { value: 0.025, prior: { dist: "uniform", min: 0.0, max: 0.05 }, rationale: "test" },
      improve: { value: 0.2, prior: { dist: "uniform", min: 0.1, max: 0.3 }, rationale: "test" },
    });
    return s;
  };

  it("each rule assumption takes each of its 16 strata once over the design; a replicate reads one design point, so at most 16 variants", () => {
    const { scenario: sc, options } = parseScenario({ ...three(), replicates: 160 });
    const plan = compile(sc, options, "fast");
    const names = plan.assumptionNames;
    for (const name of ["discount", "growth", "improve"]) {
      const strata = ruleStrata(17, name);
      expect([...strata].sort((a, b) => a - b)).toEqual([...Array(RULE_STRATA).keys()]);
    }
    // The design columns differ (a fixed pairing, not the same stratum for all three).
    expect([...ruleStrata(17, "discount")]).not.toEqual([...ruleStrata(17, "growth")]);
    const vectors = new Set<string>();
    for (let r = 0; r < 160; r++) {
      const theta = drawParameters(sc, names, 17, r, true);
      const j = ruleDesignPoint(17, r);
      for (const name of ["discount", "growth", "improve"]) {
        const a = sc.assumptions[name]!.prior as { min: number; max: number };
        // uniform: the quantile at (stratum + ½)/16, by hand
        const u = (ruleStrata(17, name)[j]! + 0.5) / RULE_STRATA;
        expect(theta[names.indexOf(name)]).toBeCloseTo(a.min + u * (a.max - a.min), 12);
      }
      vectors.add(["discount", "growth", "improve"].map((n) => theta[names.indexOf(n)]).join(","));
    }
    expect(vectors.size).toBeLessThanOrEqual(RULE_STRATA);
    expect(vectors.size).toBeGreaterThan(10); // 160 draws of 16 points: all but a few seen
    runPlan(plan, { replicates: 160 });
    expect(plan.variants[0]!.size).toBe(vectors.size);
  });

  it("a variant's benefit tables (quadrature shared) equal tables built anew under the reformed scheme, point for point", () => {
    const base = getScheme("urumqi-supplementary-wii");
    const reformed = applyReform(base, { "urumqi-supplementary-wii.trackB.medical.cap": 80000, "urumqi-supplementary-wii.trackB.disability.sumInsured": 450000, "urumqi-supplementary-wii.trackB.medical.rate": 0.85 });
    const person = base.parsePerson({ category: "platform", age: 30, industryClass: 3, employerInsuresWiiStaff: true });
    const medical = { dist: "lognormal", median: 8000, sigma: 1.1, scaled: true };
    for (const claim of [{ medicalCost: medical }, { medicalCost: medical, disabilityGrade: 7 }, { medicalCost: medical, death: true }]) {
      const model = categoryModel("c", claim as never);
      const old = new BenefitTable(base, model, person, "2025-10-01");
      const shared = old.withScheme(reformed);
      const fresh = new BenefitTable(reformed, model, person, "2025-10-01");
      for (const k of [-3, 0, 2, 7]) {
        old.point(k);
        expect(shared.point(k)).toEqual(fresh.point(k));
      }
      expect(shared.point(0).mean).not.toEqual(old.point(0).mean);
    }
  });

  it("a variant run equals the option compiled with those values as its reform (all three modes)", () => {
    for (const mode of ["fast", "exact", "person"] as const) {
      const { scenario: sc, options } = parseScenario(three());
      const plan = compile(sc, options, mode);
      const fix = { discount: 0.045, growth: 0.01, improve: 0.15, takeup: 0.5 };
      const bound = runPlan(plan, { mode, replicates: 2, fix });
      const reformed = scenario();
      (reformed.options[0] as Record<string, unknown>)["reform"] = { [DISCOUNT]: 0.045, [`${P}.indexation`]: 0.01, [`single-type-wii.statutory.mortality.improvement`]: 0.15 };
      const r2 = parseScenario(reformed);
      expect(bound).toEqual(runPlan(compile(r2.scenario, r2.options, mode), { mode, replicates: 2, fix: { takeup: 0.5 } }));
    }
  });
});
