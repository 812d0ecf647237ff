/**
 * The posterior's per-particle evaluation runs expectations only (RunOptions.expectationsOnly,
 * src/sim/run.ts: no claim draws) and must give the same numbers as a full run of the engine:
 * for every calibrated shipped scenario, at the assumptions' point values and at prior draws of
 * every free assumption, each target's expectation equals the full run's exactly (the claim draws
 * use each cell's own stream, so enrolment draws and every expectation are untouched). And the
 * mode falls back to a full run where the claims matter: an option that reprices (next year's
 * premium reads the realised loss ratio) and person mode.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { freeAssumptions, targetModel } from "../../src/sim/posterior/posterior.js";
import { drawPrior } from "../../src/sim/priors.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const dir = new URL("../../simulations/scenarios/", import.meta.url);
const figures = readFigures();
const calibrated = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf-8")))
  .filter((json) => "calibration" in json);

describe("expectations-only evaluation", () => {
  it("covers the calibrated shipped scenarios", () => {
    expect(calibrated.length).toBeGreaterThanOrEqual(5);
  });

  for (const json of calibrated) {
    it(`${json.id}: each target's expectation equals a full run's, at point values and 6 prior draws`, () => {
      const { scenario, options } = parseScenario(resolveScenario(json, figures));
      const fast = targetModel(scenario, options);
      const full = targetModel(scenario, options, { full: true });
      const free = freeAssumptions(scenario);
      const thetas = [free.map((f) => scenario.assumptions[f.name]!.value)];
      for (let i = 0; i < 6; i++) thetas.push(free.map((f) => drawPrior(Xoshiro128ss.derive(11, "fast-evaluation", i, f.name), f.prior, 0)));
      for (const theta of thetas) {
        const a = fast(theta);
        const b = full(theta);
        expect(a.length).toBe(scenario.calibration!.targets.length);
        a.forEach((x, k) => {
          expect(Number.isFinite(x), `target ${k} at θ ${theta.join(", ")}`).toBe(true);
          expect(Math.abs(x - b[k]!), `target ${k}: ${x} against ${b[k]} at θ ${theta.join(", ")}`).toBeLessThanOrEqual(1e-12 * Math.abs(b[k]!));
        });
      }
    }, 300_000);
  }

  const ghb = (reprice: boolean, mode: "fast" | "person" = "fast") => {
    const count = mode === "person" ? 2000 : 200000;
    const claim = { inCatalogSelfPay: { dist: "lognormal", median: 30000, sigma: 0.8 }, outOfCatalogSelfPay: 0 };
    const { scenario, options } = parseScenario({
      id: "fallback",
      title: "expectations-only fallback",
      seed: 3,
      replicates: 20,
      years: 3,
      date: "2020-09-01",
      population: { cells: [{ id: "all", count, person: { age: 40 } }] },
      options: [
        {
          id: "ghb",
          label: "工惠保",
          scheme: "gonghuibao",
          takeup: { model: "probability", probability: 0.3 },
          claims: { frequency: 0.004, categories: [{ name: "inpatient", weight: 1, claim }] },
          dynamics: { renewal: 0.6, ...(reprice ? { reprice: { targetLossRatio: 0.85, credibility: 1, maxChange: 0.25 } } : {}) },
        },
      ],
    });
    return compile(scenario, options, mode);
  };

  it("leaves the realised claims at 0 and keeps every expectation and the enrolment draws", () => {
    const plan = ghb(false);
    const full = runPlan(plan);
    const fast = runPlan(plan, { expectationsOnly: true });
    expect(full.some((r) => r.claims > 0)).toBe(true);
    expect(fast.every((r) => r.claims === 0 && r.benefits === 0)).toBe(true);
    for (const [i, r] of full.entries()) {
      const f = fast[i]!;
      expect([f.enrolled, f.expectedEnrolled, f.expectedGross, f.expectedClaimants, f.expectedBenefits, f.expectedCashBenefits, f.gross]).toEqual([r.enrolled, r.expectedEnrolled, r.expectedGross, r.expectedClaimants, r.expectedBenefits, r.expectedCashBenefits, r.gross]);
      expect(f.subsidies).toEqual(r.subsidies);
    }
  });

  it("runs in full where the claims matter: an option that reprices, and person mode", () => {
    const repriced = ghb(true);
    expect(runPlan(repriced, { expectationsOnly: true })).toEqual(runPlan(repriced));
    const person = ghb(false, "person");
    const rows = runPlan(person, { replicates: 3, expectationsOnly: true });
    expect(rows.some((r) => r.claims > 0)).toBe(true);
    expect(rows).toEqual(runPlan(person, { replicates: 3 }));
  });
});
