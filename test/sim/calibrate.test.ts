/**
 * Calibration: every shipped scenario reproduces the published figures it lists within the
 * tolerance it documents; the fitter recovers known parameters; bad calibration specs fail
 * with the field named.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { calibrate } from "../../src/sim/calibrate.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
const dir = new URL("../../simulations/scenarios/", import.meta.url);
const shipped = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));

describe("shipped scenarios reproduce their published figures", () => {
  for (const file of shipped) {
    const json = JSON.parse(readFileSync(new URL(file, dir), "utf-8"));
    const { scenario, options } = parseScenario(resolveScenario(json, figures));
    if (!scenario.calibration) continue;
    it(`${file}: every target within its documented tolerance`, () => {
      const result = calibrate(scenario, options);
      const failing = result.targets.filter((t) => !t.pass).map((t) => `${t.figure} ${t.metric}: model ${t.model}, target ${t.target}`);
      expect(failing).toEqual([]);
    });
  }
});

/** Two Jiangshan-like cells with known frequency; targets made from the model's own formula. */
function synthetic(freq: number) {
  return {
    id: "synthetic",
    title: "fit check",
    seed: 1,
    replicates: 1,
    date: "2024-01-01",
    population: { cells: [{ id: "a", count: 10000, person: { age: 40 }, claim: { preExisting: false } }] },
    assumptions: { freq: { value: freq, prior: { dist: "lognormal", median: freq, sigma: 0.2 }, rationale: "test" } },
    options: [
      {
        id: "o",
        label: "o",
        scheme: "tianyi-yongningbao",
        takeup: { model: "probability", probability: 0.5 },
        // Every claim costs 26000 元: 2024 terms pay 30 % of 6000–20000 and 60 % above → 4200 + 3600 = 7800 元.
        claims: { frequency: "$freq", categories: [{ name: "c", weight: 1, claim: { coveredCost: 26000 } }] },
      },
    ],
    calibration: {
      // 5000 enrolled × (1 − e^−0.04) = 196.05 claimants when freq = 0.04.
      targets: [{ figure: "test", value: 5000 * (1 - Math.exp(-0.04)), option: "o", metric: "claimants", tolerance: 0.001 }],
      fit: [{ assumption: "freq", target: 0 }],
    },
  };
}

describe("the fitter", () => {
  it("recovers a known claim frequency from a wrong start (0.01 → 0.04)", () => {
    const { scenario, options } = parseScenario(synthetic(0.01));
    expect(calibrate(scenario, options).targets[0]!.pass).toBe(false);
    const result = calibrate(scenario, options, { fit: true });
    expect(result.fitted["freq"]).toBeCloseTo(0.04, 6);
    expect(result.targets[0]!.pass).toBe(true);
  });

  it("reports the mean payout per claimant: the bands applied to a claimant's yearly cost 26 000 × E[claims | at least one]", () => {
    // 天一甬宁保's bands are yearly: a claimant's year costs 26000 N, paid 4200 + 60 % × (26000 N − 20000);
    // E[N | N ≥ 1] = λ / (1 − e^−λ) = 1.020135 at λ = 0.04 → 4200 + 0.6 × (26523.5 − 20000) = 8114.08 元.
    const expected = 4200 + 0.6 * ((26000 * 0.04) / (1 - Math.exp(-0.04)) - 20000);
    const s = synthetic(0.04) as any;
    s.calibration.targets.push({ figure: "test", value: expected, option: "o", metric: "benefitsPerClaimant", tolerance: 1e-6 });
    const { scenario, options } = parseScenario(s);
    const result = calibrate(scenario, options);
    expect(result.targets[1]!.model).toBeCloseTo(expected, 6);
  });

  it("names the field of a bad calibration spec", () => {
    const s = synthetic(0.04) as any;
    s.calibration.targets[0].option = "nope";
    expect(() => parseScenario(s)).toThrow(/scenario\.calibration\.targets\[0\]\.option: unknown option \(allowed: o; got "nope"\)/);
    const t = synthetic(0.04) as any;
    t.calibration.fit[0].assumption = "nope";
    expect(() => parseScenario(t)).toThrow(/scenario\.calibration\.fit\[0\]\.assumption: unknown assumption \(allowed: freq; got "nope"\)/);
  });
});

describe("figure references", () => {
  it("resolve to the figure's value, prior and citation", () => {
    const resolved = resolveScenario(
      { id: "x", assumptions: { n: { figure: "jiangshan.others_enrolled" } }, population: { cells: [{ id: "a", count: { figure: "jiangshan.elders_enrolled_2023" } }] } },
      figures,
    ) as any;
    expect(resolved.population.cells[0].count).toBe(3732);
    expect(resolved.assumptions.n).toMatchObject({ value: 40000, prior: { dist: "uniform", min: 20000, max: 80000 }, source: "jiangshan.others_enrolled" });
  });
  it("name an unknown figure and its neighbours", () => {
    expect(() => resolveScenario({ population: { cells: [{ count: { figure: "jiangshan.nope" } }] } }, figures)).toThrow(
      /scenario\.population\.cells\[0\]\.count\.figure: unknown figure \(allowed: an id in data\/figures\.csv or data\/assumptions\/\*\.csv, e\.g\. jiangshan\.elders_enrolled_2022.*; got "jiangshan\.nope"\)/,
    );
  });
});
