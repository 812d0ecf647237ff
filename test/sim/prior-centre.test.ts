/**
 * A prior's stated centre (issue 12, "priors centred where the text says"): a lognormal given by
 * its mean draws values whose mean is that mean — closed form: median = mean·e^(−σ²/2), and the
 * replicates' mean of E[benefits | θ] = N · E[f] · payout.
 */
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/sim/scenario.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { resolveScenario } from "../../src/sim/resolve.js";
import type { Figure } from "../../src/figures/figures.js";

const N = 100_000;
const scenario = (prior: object) => ({
  id: "centre",
  title: "centre",
  seed: 3,
  replicates: 10,
  date: "2025-01-01",
  population: { cells: [{ id: "riders", count: N, person: { sector: "instant-delivery" }, purchase: { orders: 1000 } }] },
  assumptions: { f: { value: 0.01, prior, rationale: "test" } },
  options: [
    {
      id: "pilot",
      label: "pilot",
      scheme: "occupational-injury-pilot",
      takeup: { model: "probability", probability: 1 },
      claims: { frequency: "$f", categories: [{ name: "on-order", weight: 1, claim: { onOrder: true, medicalCost: 1000 } }] },
    },
  ],
});

function meanExpected(prior: object, replicates = 4000): number {
  const { scenario: s, options } = parseScenario(scenario(prior));
  const rows = runPlan(compile(s, options, "fast"), { replicates });
  return rows.reduce((a, r) => a + r.expectedBenefits, 0) / rows.length;
}

describe("lognormal priors centred on their mean or their median", () => {
  const sigma = 0.6;
  const target = N * 0.01 * 1000; // 1 000 000 元 at the point value
  // sd of E[benefits | θ] = target · √(e^{σ²} − 1) ≈ 0.66 target; 4000 replicates: s.e. ≈ 1.04 %.
  const se = (target * Math.sqrt(Math.exp(sigma * sigma) - 1)) / Math.sqrt(4000);

  it("a mean-centred prior stores median = mean · e^(−σ²/2)", () => {
    const { scenario: s } = parseScenario(scenario({ dist: "lognormal", mean: 0.01, sigma }));
    expect(s.assumptions["f"]!.prior).toMatchObject({ dist: "lognormal", mean: 0.01, median: 0.01 * Math.exp(-0.18) });
  });
  it("mean-centred: the replicates' mean benefits equal the point value's (within 4 s.e.)", () => {
    expect(Math.abs(meanExpected({ dist: "lognormal", mean: 0.01, sigma }) - target)).toBeLessThan(4 * se);
  });
  it("median-centred: the mean is e^(σ²/2) = 1.197 times the point value's", () => {
    const m = meanExpected({ dist: "lognormal", median: 0.01, sigma });
    expect(Math.abs(m - target * Math.exp(0.18))).toBeLessThan(4 * se * Math.exp(0.18));
  });
  it("a mean-centred prior whose point value is not its mean is refused", () => {
    const bad = scenario({ dist: "lognormal", mean: 0.02, sigma });
    expect(() => parseScenario(bad)).toThrow(/^scenario\.assumptions\.f\.value: not the prior's mean/);
    expect(() => parseScenario(scenario({ dist: "lognormal", sigma }))).toThrow(/give exactly one of median or mean/);
  });
  it("figures: lognormal(v, σ) on a figure whose value is v resolves to a mean-centred prior", () => {
    const fig = { id: "x.freq", quantity: "q", quantity_zh: "q", value: 0.01, unit: "ratio", date: "2025", geography: "China", source: "assumption", source_ref: "public-figures.md", kind: "assumption", prior: "lognormal(0.01, 0.6)", note: "test" } as unknown as Figure;
    const s = scenario({ dist: "fixed" }) as Record<string, unknown>;
    s["assumptions"] = { f: { figure: "x.freq" } };
    const resolved = resolveScenario(s as never, [fig]) as { assumptions: { f: { prior: object } } };
    expect(resolved.assumptions.f.prior).toEqual({ dist: "lognormal", mean: 0.01, sigma: 0.6 });
  });
});
