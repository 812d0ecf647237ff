/**
 * The largest single payout as a held-out check (src/sim/posterior/held-out.ts maxPayoutCheck,
 * issue 12/13: Jiangshan's 49.9 万). A hand case: 天一甬宁保's 2023 terms pay 10 800 元 on a covered
 * cost of 30 000 without pre-existing conditions (2800 + 10 000 × 80 %, the scheme's cases.yaml);
 * 100 enrollees with λ claims a year, half of them Pareto(x_m 10 000, α 2) — P(cost ≥ 30 000) =
 * (1/3)² = 1/9 — and half uniform on 0–20 000 (paid at most 2800). So the claims paying ≥ 10 800
 * are Poisson(100 λ / 2 / 9) and P(max ≥ 10 800) = 1 − exp(−100 λ / 18); checked as well against
 * a direct simulation of the counts and costs paid by the rules (a second method). The stored
 * checks (held-out.json maxPayout, Jiangshan's 49.9 万 and 3.7 万) are current.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { InputError } from "../../src/rules/input-error.js";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { expectedClaimsAbove, maxPayoutCheck, type MaxPayoutCheck } from "../../src/sim/posterior/held-out.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { poisson } from "../../src/sim/samplers.js";
import { parseScenario } from "../../src/sim/scenario.js";

function tiny() {
  return parseScenario({
    id: "tiny-max-payout",
    title: "Test: largest payout",
    seed: 1,
    replicates: 10,
    date: "2023-01-01",
    population: { cells: [{ id: "elders", count: 100, person: { age: 85 } }] },
    assumptions: { freq: { value: 0.05, prior: { dist: "lognormal", median: 0.05, sigma: 0.3 }, rationale: "test" } },
    options: [
      {
        id: "base",
        label: "test",
        scheme: "tianyi-yongningbao",
        takeup: { model: "probability", probability: 1 },
        claims: {
          frequency: "$freq",
          severityScale: 1,
          categories: [
            { name: "large", weight: 0.5, claim: { preExisting: false, coveredCost: { dist: "pareto", xm: 10000, alpha: 2 } } },
            { name: "small", weight: 0.5, claim: { preExisting: false, coveredCost: { dist: "uniform", min: 0, max: 20000 } } },
          ],
        },
      },
    ],
  });
}

describe("largest payout check", () => {
  const { scenario, options } = tiny();

  it("Λ = 100 λ / 18 claims paying ≥ 10 800 (hand-computed) and P = mean of 1 − e^{−Λ} over the draws", () => {
    const lam = expectedClaimsAbove(scenario, options, "base", 10800);
    expect(lam([0.05])).toBeCloseTo((100 * 0.05) / 18, 6);
    expect(lam([0.2])).toBeCloseTo((100 * 0.2) / 18, 6);
    const c = maxPayoutCheck(scenario, options, "base", "synthetic.max", 10800, [[0.05], [0.2]]);
    const hand = (1 - Math.exp(-5 / 18) + 1 - Math.exp(-20 / 18)) / 2;
    expect(c.probability).toBeCloseTo(hand, 6);
    expect(c.atPointValues).toBeCloseTo(1 - Math.exp(-5 / 18), 6);
    expect(c.pass).toBe(true);
    expect(c.lowerBound).toBe(true); // 天一甬宁保's limits are yearly: one large episode is a lower bound
    // A rare enough tail fails the 5 % criterion: λ = 0.005 gives 1 − e^{−0.5/18} ≈ 2.7 %.
    expect(maxPayoutCheck(scenario, options, "base", "synthetic.max", 10800, [[0.005]]).pass).toBe(false);
    // …and so does a largest payout the model nearly always exceeds: λ = 3 gives 1 − e^{−300/18} ≈ 1.
    expect(maxPayoutCheck(scenario, options, "base", "synthetic.max", 10800, [[3]]).pass).toBe(false);
  });

  it("agrees with a direct simulation of the per-replicate maxima", { timeout: 300_000 }, () => {
    const lam = 0.2;
    const rng = Xoshiro128ss.derive("max-payout-test");
    const scheme = options[0]!.scheme;
    const R = 8000;
    let hits = 0;
    for (let r = 0; r < R; r++) {
      const k = poisson(rng, 100 * lam);
      let max = 0;
      for (let i = 0; i < k; i++) {
        const large = rng.uniform() < 0.5;
        const u = rng.uniform();
        const cost = large ? 10000 / Math.sqrt(1 - u) : 20000 * u;
        max = Math.max(max, scheme.benefit({ coveredCost: cost, preExisting: false }, { age: 85 }, "2023-01-01").payout);
      }
      if (max >= 10800) hits++;
    }
    const p = 1 - Math.exp(-(100 * lam) / 18);
    const se = Math.sqrt((p * (1 - p)) / R);
    expect(Math.abs(hits / R - maxPayoutCheck(scenario, options, "base", "x", 10800, [[lam]]).probability)).toBeLessThan(4 * se);
  });

  it("refuses an amount ≤ 0, an unknown option and no draws with one line", () => {
    expect(() => expectedClaimsAbove(scenario, options, "base", 0)).toThrow(/maxPayout.value.*allowed: an amount > 0/);
    expect(() => expectedClaimsAbove(scenario, options, "nope", 1)).toThrow(InputError);
    expect(() => maxPayoutCheck(scenario, options, "base", "x", 1, [])).toThrow(/maxPayout.draws/);
  });
});

describe("stored largest-payout checks (simulations/posteriors/held-out.json maxPayout)", () => {
  it("are current: recomputed from the shipped posterior and data/figures.csv they give the same numbers", { timeout: 300_000 }, () => {
    const stored = (JSON.parse(readFileSync("simulations/posteriors/held-out.json", "utf-8")) as { maxPayout: MaxPayoutCheck[] }).maxPayout;
    expect(stored.map((c) => c.figure)).toContain("jiangshan.max_payout_all");
    const figures = readFigures();
    for (const c of stored) {
      expect(c.published).toBe(figures.find((f) => f.id === c.figure)!.value);
      const { scenario, options } = parseScenario(resolveScenario(JSON.parse(readFileSync(`simulations/scenarios/${c.scenario}.json`, "utf-8")), figures));
      const post = readPosterior(readFileSync(`simulations/posteriors/${c.scenario}.arrow`), `${c.scenario}.arrow`);
      const again = maxPayoutCheck(scenario, options, c.option, c.figure, c.published, post.draws, c.threshold);
      expect(again.probability).toBeCloseTo(c.probability, 9);
      expect(again.pass).toBe(c.pass);
    }
  });
});
