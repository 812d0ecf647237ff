import { describe, expect, it } from "vitest";
import { InputError } from "../../src/rules/input-error.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { firstOrderIndex, sensitivity } from "../../src/sim/sensitivity.js";

/**
 * A scenario whose answer is known by hand. 100 000 Ningbo union members aged 35 (工惠保: 68 元),
 * take-up p, claim frequency λ, every claim 10 000 元 in-catalogue self-pay with the deductible
 * reformed to 0, which pays μ = 10 000 × 100 % = 10 000 元 — linear in the yearly sum, so the
 * yearly aggregation of episodes (工惠保's limits are yearly) keeps E = λμ (constant claim fields
 * are not severity-scaled, so the `scale` assumption moves nothing; the yearly path drops episode
 * profiles below 1e-10 and renormalises, so money is checked to 0.05 元 and ratios to 1e-8). Then
 *     E[benefits | θ] = N p λ μ = 10^9 · p · λ,  E[enrolled | θ] = N p,  LR = λ μ / 68.
 * p ~ U(0.2, 0.4), point 0.3; λ ~ U(0.009, 0.011), point 0.01 (relative widths 67 % and 20 %).
 */
const N = 100_000;
const MU = 10_000;
const input = {
  id: "hand",
  title: "hand-checked sensitivity",
  seed: 11,
  replicates: 4000,
  date: "2020-09-01",
  population: { cells: [{ id: "all", count: N, person: { age: 35 } }] },
  assumptions: {
    p: { value: 0.3, prior: { dist: "uniform", min: 0.2, max: 0.4 }, rationale: "test" },
    lam: { value: 0.01, prior: { dist: "uniform", min: 0.009, max: 0.011 }, rationale: "test" },
    scale: { value: 1, prior: { dist: "lognormal", median: 1, sigma: 0.3 }, rationale: "test: moves nothing" },
    admin: { value: 0.1, rationale: "test: fixed prior, not analysed" },
  },
  options: [
    {
      id: "ghb",
      label: "工惠保",
      scheme: "gonghuibao",
      reform: { "gonghuibao.inCatalog.deductible": 0 },
      takeup: { model: "probability", probability: "$p" },
      claims: { frequency: "$lam", severityScale: "$scale", categories: [{ name: "c", weight: 1, claim: { inCatalogSelfPay: 10000, outOfCatalogSelfPay: 0 } }] },
      adminRatio: "$admin",
    },
  ],
};
const parsed = parseScenario(input);

describe("tornado (one at a time, conditional expectations)", () => {
  const result = sensitivity({ ...parsed, replicates: 16, bootstrap: 2 });
  const t = result.options[0]!.tornado;
  const bar = (name: string) => t.bars.find((b) => b.assumption === name)!;

  it("analyses the non-fixed assumptions only, sorted by swing of E[benefits]", () => {
    expect(result.assumptions).toEqual(["lam", "p", "scale"]);
    expect(t.bars.map((b) => b.assumption)).toEqual(["p", "lam", "scale"]);
  });

  it("base: N p λ μ = 10^5 × 0.3 × 0.01 × 10^4 = 3 000 000; enrolled 30 000; LR = 0.01 × 10^4 / 68", () => {
    expect(t.base.expectedBenefits).toBeCloseTo(3_000_000, 1);
    expect(t.base.expectedEnrolled).toBeCloseTo(30_000, 6);
    expect(t.base.lossRatio!).toBeCloseTo(100 / 68, 8);
  });

  it("p at its 5 %/95 % quantiles 0.21/0.39: E[benefits] 2.1 → 3.9 million (swing N·0.18·λ·μ = 1.8 million)", () => {
    const b = bar("p");
    expect(b.low).toBeCloseTo(0.21, 12);
    expect(b.high).toBeCloseTo(0.39, 12);
    expect(b.atLow.expectedBenefits).toBeCloseTo(2_100_000, 1);
    expect(b.atHigh.expectedBenefits).toBeCloseTo(3_900_000, 1);
    expect(b.swing.expectedBenefits).toBeCloseTo(N * 0.18 * 0.01 * MU, 1); // 1 800 000
    expect(b.swing.expectedEnrolled).toBeCloseTo(N * 0.18, 6); // 18 000
    expect(b.swing.lossRatio!).toBeCloseTo(0, 8); // LR = λμ/68 does not depend on p
  });

  it("λ at 0.0091/0.0109: swing N·p·0.0018·μ = 540 000; enrolled unchanged; LR swing 0.0018 × 10^4 / 68", () => {
    const b = bar("lam");
    expect(b.low).toBeCloseTo(0.0091, 14);
    expect(b.high).toBeCloseTo(0.0109, 14);
    expect(b.swing.expectedBenefits).toBeCloseTo(N * 0.3 * 0.0018 * MU, 1); // 540 000
    expect(b.swing.expectedEnrolled).toBe(0);
    expect(b.swing.lossRatio!).toBeCloseTo(18 / 68, 8); // 0.264706
  });

  it("scale moves nothing (constant claims are not scaled)", () => {
    expect(bar("scale").swing.expectedBenefits).toBeCloseTo(0, 6);
  });
});

describe("first-order indices (binning estimator)", () => {
  /*
   * Y = c·p·λ with p ~ U(0.2, 0.4), λ ~ U(0.009, 0.011) independent (c = N μ = 10^9).
   *   E p = 0.3, Var p = 0.2²/12 = 0.0033333, E p² = 0.0933333
   *   E λ = 0.01, Var λ = 0.002²/12 = 3.33333e-7, E λ² = 1.00333333e-4
   *   Var(pλ) = E p² E λ² − (E p E λ)² = 9.3644444e-6 − 9e-6 = 3.6444444e-7
   *   Var E[Y|p] / c² = (E λ)² Var p = 1e-4 × 0.0033333 = 3.3333333e-7 → S_p = 0.914634
   *   Var E[Y|λ] / c² = (E p)² Var λ = 0.09 × 3.3333e-7 = 3.0e-8        → S_λ = 0.082317
   *   interaction Var p Var λ = 1.11111e-9                               → 0.003049 (sum 1)
   *   scale does not enter Y                                             → S = 0
   * Enrolment Y = N p depends on p alone: S_p = 1, S_λ = 0.
   */
  const S_P = 3.3333333e-7 / 3.6444444e-7;
  const S_L = 3.0e-8 / 3.6444444e-7;
  const result = sensitivity({ ...parsed, replicates: 4000, bootstrap: 100 });
  const ix = result.options[0]!.indices;
  const get = (name: string, which: "expectedBenefits" | "expectedEnrolled" = "expectedBenefits") => ix[which].indices.find((i) => i.assumption === name)!;

  it("hand values are what the comment says", () => {
    expect(S_P).toBeCloseTo(0.914634, 5);
    expect(S_L).toBeCloseTo(0.082317, 5);
  });

  it("S_p and S_λ of E[benefits] are within 3 bootstrap standard errors of the analytic values", () => {
    const p = get("p");
    const l = get("lam");
    expect(p.se).toBeGreaterThan(0);
    expect(p.se).toBeLessThan(0.02); // informative: 3 se < 0.06
    expect(l.se).toBeLessThan(0.02);
    expect(Math.abs(p.index - S_P)).toBeLessThan(3 * p.se);
    expect(Math.abs(l.index - S_L)).toBeLessThan(3 * l.se);
    expect(Math.abs(get("scale").index)).toBeLessThan(3 * get("scale").se + 1e-3);
    expect(ix.expectedBenefits.indices.map((i) => i.assumption)).toEqual(["p", "lam", "scale"]);
    // Σ S = 1 − 0.003 (interaction)
    expect(ix.expectedBenefits.sum).toBeGreaterThan(0.95);
    expect(ix.expectedBenefits.sum).toBeLessThan(1.03);
  });

  it("enrolment depends on p only: S_p ≈ 1, S_λ ≈ 0", () => {
    expect(get("p", "expectedEnrolled").index).toBeGreaterThan(0.99);
    expect(Math.abs(get("lam", "expectedEnrolled").index)).toBeLessThan(0.01);
  });

  it("the mean and variance of E[benefits] match c·E p·E λ and c²·Var(pλ) (4000 draws)", () => {
    // mean 3 000 000, sd 10^9 × √3.6444e-7 = 603 692; MC error of the mean ≈ 603 692 / √4000 ≈ 9 545
    expect(Math.abs(ix.expectedBenefits.mean - 3_000_000)).toBeLessThan(4 * 9545);
    expect(Math.sqrt(ix.expectedBenefits.variance) / 603_692).toBeGreaterThan(0.95);
    expect(Math.sqrt(ix.expectedBenefits.variance) / 603_692).toBeLessThan(1.05);
  });
});

describe("firstOrderIndex (unit)", () => {
  it("a step function of x with equal halves: S = 1 exactly when bins align with the step", () => {
    // y = 0 for the first 50 sorted x, 1 for the rest; 10 bins of 10: SSW = 0 → S = SSB / SST = 1.
    const y = Float64Array.from({ length: 100 }, (_, j) => (j < 50 ? 0 : 1));
    const order = Uint32Array.from({ length: 100 }, (_, j) => j);
    expect(firstOrderIndex(y, order, 10)).toBe(1);
  });
  it("y unrelated to the ordering (alternating 0/1): SSB = 0 → S = −(B−1)/(N−B) = −9/90", () => {
    // Each bin of 10 holds five 0s and five 1s: bin means 0.5 = grand mean, SSB = 0, SSW = SST = 25.
    const y = Float64Array.from({ length: 100 }, (_, j) => j % 2);
    const order = Uint32Array.from({ length: 100 }, (_, j) => j);
    expect(firstOrderIndex(y, order, 10)).toBeCloseTo(-9 / 90, 12);
  });
  it("constant y → null", () => {
    expect(firstOrderIndex(new Float64Array(10).fill(3), Uint32Array.from({ length: 10 }, (_, j) => j), 2)).toBeNull();
  });
});

describe("sensitivity: bad input", () => {
  it.each([
    [{ option: "nope" }, /^option: unknown option \(allowed: the scenario's options ghb; got "nope"\)$/],
    [{ replicates: 3 }, /^replicates: out of range \(allowed: an integer from 4 to 100000 \(the variance-based indices need 4\); got 3\)$/],
    [{ replicates: 2.5 }, /^replicates: not a whole number \(allowed: an integer from 4 to 100000/],
    [{ quantiles: [0.9, 0.1] as [number, number] }, /^quantiles: out of order or range \(allowed: two levels 0 < low < high < 1, e\.g\. \[0\.05, 0\.95\]; got \[0\.9,0\.1\]\)$/],
    [{ replicates: 10, bins: 6 }, /^bins: out of range \(allowed: an integer from 2 to replicates \/ 2 \(5\); got 6\)$/],
    [{ bootstrap: 1e9 }, /^bootstrap: out of range \(allowed: an integer from 2 to 10000; got 1000000000\)$/],
  ])("%j → InputError", (over, message) => {
    expect(() => sensitivity({ ...parsed, ...over })).toThrow(InputError);
    expect(() => sensitivity({ ...parsed, ...over })).toThrow(message);
  });
});
