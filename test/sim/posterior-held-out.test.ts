/**
 * Held-out checks (src/sim/posterior/held-out.ts): a figure removed from fitting is predicted
 * from the posterior of the others. On the small 工惠保 fixture with figures at known θ the
 * check passes for the true figure and fails for one far from it; the stored checks
 * (simulations/posteriors/held-out.json) still describe the shipped scenarios' current targets
 * (same figure and value, fitted to exactly the other targets) and cover both scheme families.
 * A figure that is no target (a cost anchor held out, heldOutExternal) is predicted from
 * posterior draws of all the targets: at the truth it passes, 30× off it fails, and a figure that
 * is already a target is refused; the stored ones name a figure of data/figures.csv with its
 * value, were fitted to all the scenario's targets, and came from its shipped posterior.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { getScheme } from "../../src/schemes/index.js";
import { InputError } from "../../src/rules/input-error.js";
import { heldOutCheck, heldOutExternal, type HeldOutCheck } from "../../src/sim/posterior/held-out.js";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { posterior, targetModel } from "../../src/sim/posterior/posterior.js";
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

describe("held-out check of a figure that is no target (a cost anchor)", () => {
  const truth = [0.33, 0.012, 1.15];
  const base = smallScenario([1, 1, 1]);
  const m = targetModel(base.scenario, base.options)(truth);
  // Fitted to enrolment and claimants only; the mean payout is the outside figure.
  const fitted = smallScenario([m[0]!, Math.round(m[1]!), m[2]!]);
  fitted.scenario.calibration!.targets = fitted.scenario.calibration!.targets.slice(0, 2);
  const post = posterior(fitted.scenario, fitted.options, { particles: 200, seed: 5 });
  const anchor = (value: number) => ({ figure: "synthetic.mean_payout", value, option: "baseline", year: 1, metric: "benefitsPerClaimant" as const, relation: "equal" as const, tolerance: 0.1, observation: { model: "relative" as const, sigma: 0.05, source: "secondary" as const, transfer: 0.2 } });

  it("passes at the truth, fails 30× off; predicted over the posterior's draws, fitted to all the targets", () => {
    const ok = heldOutExternal(fitted.scenario, fitted.options, anchor(m[2]!), post, { zh: "测试", en: "test" });
    expect(ok.external).toBe(true);
    expect(ok.index).toBe(2);
    expect(ok.fittedOn).toEqual(["synthetic.enrolled", "synthetic.claimants"]);
    expect(ok.observation).toBe("secondary source σ 5 %, transfer σ 20 %");
    // The 90 % predictive interval widens the expectation's by 1.645 × √(0.05² + 0.2²) × the figure.
    const a = 1.6448536269514722 * Math.sqrt(0.05 ** 2 + 0.2 ** 2) * m[2]!;
    expect(ok.predictive.lo).toBeCloseTo(ok.expectation.q05 - a, 6);
    expect(ok.predictive.hi).toBeCloseTo(ok.expectation.q95 + a, 6);
    expect(ok.pass).toBe(true);
    const bad = heldOutExternal(fitted.scenario, fitted.options, anchor(30 * m[2]!), post);
    expect(bad.pass).toBe(false);
  }, 300_000);

  it("refuses a figure that is already a target, and an empty posterior, with one line", () => {
    const target = { ...fitted.scenario.calibration!.targets[0]! };
    expect(() => heldOutExternal(fitted.scenario, fitted.options, target, post)).toThrow(/heldOut\.target.*already a target/);
    expect(() => heldOutExternal(fitted.scenario, fitted.options, anchor(m[2]!), { ...post, draws: [] })).toThrow(InputError);
  });
});

describe("stored held-out checks", () => {
  const stored = (JSON.parse(readFileSync("simulations/posteriors/held-out.json", "utf-8")) as { checks: HeldOutCheck[] }).checks;
  const figures = readFigures();

  it("describe the scenarios' current targets and cover the injury and medical families", () => {
    for (const c of stored) {
      if (c.external) continue;
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

  it("held-out cost anchors: a figure of data/figures.csv with its value, no target, from the scenario's current shipped posterior; one per family at least", () => {
    const value = new Map(figures.map((f) => [f.id, f.value]));
    const external = stored.filter((c) => c.external);
    for (const c of external) {
      const json = JSON.parse(readFileSync(`simulations/scenarios/${c.scenario}.json`, "utf-8"));
      const { scenario } = parseScenario(resolveScenario(json, figures));
      const targets = scenario.calibration!.targets;
      expect(value.get(c.figure)).toBe(c.published);
      expect(targets.some((t) => t.figure === c.figure)).toBe(false);
      expect(c.index).toBe(targets.length);
      expect(c.fittedOn).toEqual(targets.map((t) => t.figure));
      expect(c.reason?.zh.length).toBeGreaterThan(0);
      expect(c.reason?.en.length).toBeGreaterThan(0);
      const post = readPosterior(readFileSync(`simulations/posteriors/${c.scenario}.arrow`), c.scenario);
      expect([c.particles, c.seed, c.ess]).toEqual([post.particles, post.seed, post.ess]);
    }
    const families = new Set(external.flatMap((c) => JSON.parse(readFileSync(`simulations/scenarios/${c.scenario}.json`, "utf-8")).options.map((o: { scheme: string }) => getScheme(o.scheme).family)));
    expect([...families].sort()).toEqual(["injury", "medical"]);
  });
});
