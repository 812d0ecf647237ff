/**
 * The sensitivity tools and the variance split on a posterior (issue 13): `sensitivity({ posterior })`
 * and `puhui simulate --posterior` rows summarised by uncertaintySplit. Hand-checked cases:
 *  - the 工惠保 case of test/sim/sensitivity.test.ts (E[benefits | θ] = N p λ μ, E[enrolled | θ] = N p,
 *    premium E[gross | θ] = 68 N p, loss ratio λ μ / 68) with a "posterior" of evenly spread,
 *    independent draws of p and λ, so the tornado's ends are the draws' quantiles and the
 *    first-order indices have closed forms for all four outputs;
 *  - the law of total variance on a tiny case: everyone enrolled (N = 1000), claims Poisson(N λ),
 *    each paying μ = 10 000 元, λ ∈ {0.01, 0.02} from a two-draw posterior: Var E[B | λ] =
 *    (μ N Δλ / 2)², E Var[B | λ] = μ² N E λ, and the realised spread is their sum.
 */
import { describe, expect, it } from "vitest";
import type { PosteriorFile } from "../../src/sim/posterior/file.js";
import { drawOrder, runPosteriorJob } from "../../src/sim/posterior/replicates.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { sensitivity } from "../../src/sim/sensitivity.js";
import { uncertaintySplit } from "../../src/sim/summary.js";

const MU = 10_000;

function scenarioInput(n: number, takeup: string | number, replicates: number) {
  return {
    id: "hand",
    title: "hand-checked posterior sensitivity",
    seed: 11,
    replicates,
    date: "2020-09-01",
    population: { cells: [{ id: "all", count: n, person: { age: 35 } }] },
    assumptions: {
      p: { value: 0.3, prior: { dist: "uniform", min: 0.2, max: 0.4 }, rationale: "test" },
      lam: { value: 0.01, prior: { dist: "uniform", min: 0.005, max: 0.025 }, rationale: "test" },
      admin: { value: 0.1, rationale: "test: fixed prior" },
    },
    options: [
      {
        id: "ghb",
        label: "工惠保",
        scheme: "gonghuibao",
        reform: { "gonghuibao.inCatalog.deductible": 0 },
        takeup: { model: "probability", probability: takeup },
        claims: { frequency: "$lam", categories: [{ name: "c", weight: 1, claim: { inCatalogSelfPay: 10000, outOfCatalogSelfPay: 0 } }] },
        adminRatio: "$admin",
      },
    ],
  };
}

/** A posterior file holding `draws` of `names` (only what the runs read is meaningful). */
function posteriorOf(names: string[], draws: number[][]): PosteriorFile {
  return {
    format: "puhui-posterior/1",
    command: "test",
    scenario: "hand",
    seed: 1,
    particles: draws.length,
    names,
    priors: {},
    logLik: draws.map(() => 0),
    draws,
    ess: draws.length,
    unique: draws.length,
    stages: [],
    logEvidence: 0,
    evaluations: 0,
    targets: [],
    assumptions: [],
  };
}

describe("sensitivity on a posterior (tornado and first-order indices of benefits, enrolment, premium and loss ratio)", () => {
  const N = 100_000;
  const parsed = parseScenario(scenarioInput(N, "$p", 4000));
  // 1000 draws: p on an even grid over (0.2, 0.4), λ on an even grid over (0.009, 0.011) in a
  // shuffled order (Fisher–Yates on a fixed stream), so the two are independent and uniform.
  const K = 1000;
  const perm = Array.from({ length: K }, (_, k) => k);
  const rng = Xoshiro128ss.derive(1, "test-shuffle");
  for (let i = K - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const draws = Array.from({ length: K }, (_, k) => [0.2 + (0.2 * (k + 0.5)) / K, 0.009 + (0.002 * (perm[k]! + 0.5)) / K]);
  const post = posteriorOf(["p", "lam"], draws);
  const result = sensitivity({ ...parsed, posterior: post, replicates: 4000, bootstrap: 100 });
  const o = result.options[0]!;

  it("says it ran on the posterior and analyses the posterior's assumptions", () => {
    expect(result.basis).toBe("posterior");
    expect(result.assumptions).toEqual(["p", "lam"]);
  });

  it("tornado: base at the posterior medians (p 0.3, λ 0.01); p's ends its 5 %/95 % quantiles 0.21/0.39", () => {
    const t = o.tornado;
    expect(t.base.expectedBenefits).toBeCloseTo(N * 0.3 * 0.01 * MU, 0);
    expect(t.base.expectedGross).toBeCloseTo(68 * N * 0.3, 4);
    const p = t.bars.find((b) => b.assumption === "p")!;
    // Quantile of the grid 0.2 + 0.2(k + ½)/1000 at level q: 0.2 + 0.2(999q + ½)/1000.
    expect(p.value).toBeCloseTo(0.3, 12);
    expect(p.low).toBeCloseTo(0.2 + (0.2 * (999 * 0.05 + 0.5)) / K, 12);
    expect(p.high).toBeCloseTo(0.2 + (0.2 * (999 * 0.95 + 0.5)) / K, 12);
    expect(p.swing.expectedBenefits).toBeCloseTo(N * (p.high - p.low) * 0.01 * MU, 0);
    expect(p.swing.expectedGross).toBeCloseTo(68 * N * (p.high - p.low), 4);
    expect(p.swing.lossRatio!).toBeCloseTo(0, 8);
    const l = t.bars.find((b) => b.assumption === "lam")!;
    expect(l.swing.lossRatio!).toBeCloseTo(((l.high - l.low) * MU) / 68, 8);
    expect(l.swing.expectedGross).toBeCloseTo(0, 6);
  });

  /*
   * p ~ U(0.2, 0.4), λ ~ U(0.009, 0.011) independent (as in test/sim/sensitivity.test.ts):
   *   benefits  N μ p λ:  S_p = 1e-4 · (0.04/12) / Var(pλ) = 0.914634, S_λ = 0.09 · (4e-6/12) / Var(pλ) = 0.082317
   *             with Var(pλ) = E p² E λ² − (E p E λ)² = 0.0933333 × 1.00333333e-4 − 9e-6 = 3.6444444e-7;
   *   enrolled  N p:        S_p = 1, S_λ = 0;
   *   premium   68 N p:     S_p = 1, S_λ = 0;
   *   loss ratio λ μ / 68:  S_p = 0, S_λ = 1.
   */
  const varPL = 0.0933333333333 * 1.00333333333e-4 - 9e-6;
  const expected: Record<string, { p: number; lam: number }> = {
    expectedBenefits: { p: (1e-4 * (0.04 / 12)) / varPL, lam: (0.09 * (4e-6 / 12)) / varPL },
    expectedEnrolled: { p: 1, lam: 0 },
    expectedGross: { p: 1, lam: 0 },
    lossRatio: { p: 0, lam: 1 },
  };
  for (const [output, want] of Object.entries(expected)) {
    it(`first-order indices of ${output} are within 3 bootstrap s.e. (+0.01) of the closed form`, () => {
      const v = o.indices[output as keyof typeof o.indices];
      expect(v.indices.map((i) => i.assumption).sort()).toEqual(["lam", "p"]);
      for (const name of ["p", "lam"] as const) {
        const i = v.indices.find((x) => x.assumption === name)!;
        expect(i.se).toBeLessThan(0.03);
        expect(Math.abs(i.index - want[name]), `${output} S_${name} = ${i.index} ± ${i.se}, closed form ${want[name]}`).toBeLessThan(3 * i.se + 0.01);
      }
    });
  }

  it("the run used the posterior's draws: mean E[enrolled | θ] = N × the mean p of the draws used", () => {
    const order = drawOrder(K, result.seed);
    let s = 0;
    for (let r = 0; r < 4000; r++) s += draws[order[r % K]!]![0]!;
    expect(o.indices.expectedEnrolled.mean).toBeCloseTo((N * s) / 4000, 3);
  });

  it("refuses a posterior of another scenario with one line", () => {
    expect(() => sensitivity({ ...parsed, posterior: { ...post, scenario: "other" }, replicates: 16, bootstrap: 2 })).toThrow(/posterior: was made for scenario "other"/);
  });
});

describe("law of total variance on posterior draws (simulate --posterior rows, uncertaintySplit)", () => {
  const N = 1000;
  const R = 4000;
  const input = scenarioInput(N, 1, R);
  const post = posteriorOf(["lam"], [[0.01], [0.02]]);
  const rows = runPosteriorJob({ scenarioText: JSON.stringify(input), mode: "fast", replicates: R, seed: 5, uncertainty: true, range: [0, R] }, post, "--posterior");
  const split = uncertaintySplit(rows, "benefits");
  // Each of the two draws is used R/2 times (replicate r takes draw order[r mod 2]).
  const paramVar = (R / (R - 1)) * ((MU * N * 0.01) / 2) ** 2; // sample variance of μ N λ over the replicates
  const processVar = MU * MU * N * 0.015; // E Var[B | λ] = μ² N E λ

  it("parameter part = the sample variance of μ N λ over the draws used; process part = μ² N E λ", () => {
    expect(rows.every((r) => r.enrolled === N)).toBe(true);
    expect(split.parameterSd! ** 2 / paramVar).toBeCloseTo(1, 6);
    expect(split.processSd! ** 2 / processVar).toBeCloseTo(1, 6);
    expect(split.parameterShare!).toBeCloseTo(paramVar / (paramVar + processVar), 6); // 25 / 40
  });

  it("the two parts add up to the realised variance of benefits (within 4 standard errors)", () => {
    const b = rows.map((r) => r.benefits);
    const m = b.reduce((a, x) => a + x, 0) / R;
    const v = b.reduce((a, x) => a + (x - m) ** 2, 0) / (R - 1);
    const m4 = b.reduce((a, x) => a + (x - m) ** 4, 0) / R;
    const se = Math.sqrt((m4 - v * v) / R); // standard error of a sample variance
    const total = paramVar + processVar;
    expect(se / total).toBeLessThan(0.05);
    expect(Math.abs(v - total), `realised ${v}, parameter + process ${total} (se ${se})`).toBeLessThan(4 * se);
    // …and not the prior's spread: λ ~ U(0.005, 0.025) would give a parameter part of (μ N)² 0.02²/12, 1.33× the posterior's 25 μ².
    expect(Math.abs(v - ((MU * N) ** 2 * 0.0004) / 12 - MU * MU * N * 0.015)).toBeGreaterThan(4 * se);
  });
});
