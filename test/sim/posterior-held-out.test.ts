/**
 * Held-out checks (src/sim/posterior/held-out.ts): a figure removed from fitting is predicted
 * from the posterior of the others. On the small 工惠保 fixture with figures at known θ the
 * check passes for the true figure and fails for one far from it; the stored checks
 * (simulations/posteriors/held-out.json) still describe the shipped scenarios' current targets
 * (same figure and value, fitted to exactly the other targets) and cover both scheme families.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { getScheme } from "../../src/schemes/index.js";
import { InputError } from "../../src/rules/input-error.js";
import { heldOutCheck, type HeldOutCheck } from "../../src/sim/posterior/held-out.js";
import { targetModel } from "../../src/sim/posterior/posterior.js";
import { parseScenario } from "../../src/sim/scenario.js";

function smallScenario(values: [number, number, number]) {
  const s = JSON.parse(readFileSync("test/fixtures/small-gonghuibao.json", "utf-8"));
  s.calibration = {
    targets: [
      { figure: "synthetic.enrolled", value: values[0], option: "baseline", metric: "enrolled", tolerance: 0.03, observation: { model: "relative", sigma: 0.02 } },
      { figure: "synthetic.claimants", value: values[1], option: "baseline", metric: "claimants", tolerance: 0.1, observation: { model: "count" } },
      { figure: "synthetic.mean_payout", value: values[2], option: "baseline", metric: "benefitsPerClaimant", tolerance: 0.1, observation: { model: "mean", n: 300, cv: 1.2 } },
    ],
  };
  return parseScenario(s);
}

describe("held-out check", () => {
  const truth = [0.33, 0.012, 1.15];
  const base = smallScenario([1, 1, 1]);
  const m = targetModel(base.scenario, base.options)(truth);

  it("passes for the figure at the truth, fails for one 30× off, and names what it was fitted to", () => {
    const ok = smallScenario([m[0]!, Math.round(m[1]!), m[2]!]);
    const c = heldOutCheck(ok.scenario, ok.options, 1, { particles: 200, seed: 3 });
    expect(c.figure).toBe("synthetic.claimants");
    expect(c.fittedOn).toEqual(["synthetic.enrolled", "synthetic.mean_payout"]);
    expect(c.predictive.lo).toBeLessThanOrEqual(c.expectation.q05);
    expect(c.predictive.hi).toBeGreaterThanOrEqual(c.expectation.q95);
    expect(c.pass).toBe(true);
    // Not fitted, so a figure far from the model is not refused as unreachable: it fails the check.
    const off = smallScenario([m[0]!, Math.round(30 * m[1]!), m[2]!]);
    const bad = heldOutCheck(off.scenario, off.options, 1, { particles: 200, seed: 3 });
    expect(bad.pass).toBe(false);
    expect(bad.published).toBeGreaterThan(bad.predictive.hi);
  }, 300_000);

  it("refuses a target index out of range with one line", () => {
    const { scenario, options } = smallScenario([m[0]!, Math.round(m[1]!), m[2]!]);
    expect(() => heldOutCheck(scenario, options, 3)).toThrow(InputError);
    expect(() => heldOutCheck(scenario, options, -1)).toThrow(/--hold-out.*allowed: an index from 0 to 2; got -1/);
  });
});

describe("stored held-out checks", () => {
  const stored = (JSON.parse(readFileSync("simulations/posteriors/held-out.json", "utf-8")) as { checks: HeldOutCheck[] }).checks;
  const figures = readFigures();

  it("describe the scenarios' current targets and cover the injury and medical families", () => {
    for (const c of stored) {
      const json = JSON.parse(readFileSync(`simulations/scenarios/${c.scenario}.json`, "utf-8"));
      const { scenario } = parseScenario(resolveScenario(json, figures));
      const targets = scenario.calibration!.targets;
      expect(targets[c.index]!.figure).toBe(c.figure);
      expect(targets[c.index]!.value).toBe(c.published);
      expect(c.fittedOn).toEqual(targets.filter((_, i) => i !== c.index).map((t) => t.figure));
      expect(c.ess).toBeGreaterThanOrEqual(0.25 * c.particles);
    }
    const families = new Set(stored.flatMap((c) => JSON.parse(readFileSync(`simulations/scenarios/${c.scenario}.json`, "utf-8")).options.map((o: { scheme: string }) => getScheme(o.scheme).family)));
    expect([...families].sort()).toEqual(["injury", "medical"]);
  });
});
