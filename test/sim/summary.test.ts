import { describe, expect, it } from "vitest";
import type { Payer } from "../../src/rules/index.js";
import type { ReplicateRow } from "../../src/sim/run.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { binomial } from "../../src/sim/samplers.js";
import { compareOptions, describeValues, exceedance, metricsFor, summarize, uncertaintySplit } from "../../src/sim/summary.js";

const ZERO_SUBSIDIES = { budget: 0, bank: 0, employer: 0, town: 0, platform: 0, union: 0, chamber: 0, collective: 0, association: 0 } as Record<Payer, number>;

/** A synthetic row: defaults are zeros, overrides win. */
function row(over: Partial<ReplicateRow> & { replicate: number }): ReplicateRow {
  return {
    option: "a",
    year: 1,
    population: 100,
    eligible: 100,
    enrolled: 0,
    coverage: 0,
    gross: 0,
    net: 0,
    subsidies: { ...ZERO_SUBSIDIES },
    claims: 0,
    benefits: 0,
    admin: 0,
    lossRatio: null,
    benefitPerEnrollee: null,
    expectedEnrolled: 0,
    expectedGross: 0,
    expectedClaimants: 0,
    expectedBenefits: 0,
    expectedCashBenefits: 0,
    processVarBenefits: 0,
    costs: { employer: 0, platform: 0 },
    cashBenefits: 0,
    cashLossRatio: null,
    ...over,
  };
}

describe("describeValues", () => {
  it("1..100: mean, sd, MC error, min/max and numpy-linear quantiles", () => {
    const d = describeValues(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(d.n).toBe(100);
    expect(d.nulls).toBe(0);
    expect(d.mean).toBe(50.5);
    // Σ(i − 50.5)² over 1..100 = 100·(100² − 1)/12 = 83325; / 99 = 841.666…
    expect(d.sd).toBeCloseTo(Math.sqrt(83325 / 99), 12);
    expect(d.mcse).toBeCloseTo(Math.sqrt(83325 / 99) / 10, 12);
    expect([d.min, d.max]).toEqual([1, 100]);
    // Linear interpolation at (n − 1)p: 1 + 99p (numpy.quantile default).
    expect(d.q05).toBeCloseTo(5.95, 10);
    expect(d.q25).toBeCloseTo(25.75, 10);
    expect(d.q50).toBeCloseTo(50.5, 10);
    expect(d.q75).toBeCloseTo(75.25, 10);
    expect(d.q95).toBeCloseTo(95.05, 10);
    expect(d.q995).toBeCloseTo(99.505, 10);
  });

  it("order does not matter; nulls and NaN are counted and skipped", () => {
    const d = describeValues([3, null, 1, Number.NaN, 2, undefined]);
    expect([d.n, d.nulls, d.mean, d.sd, d.min, d.max, d.q50]).toEqual([3, 3, 2, 1, 1, 3, 2]);
  });

  it("no values → null statistics; one value → no sd", () => {
    const none = describeValues([null, null]);
    expect([none.n, none.nulls, none.mean, none.sd, none.q50, none.min]).toEqual([0, 2, null, null, null, null]);
    const one = describeValues([7]);
    expect([one.mean, one.sd, one.mcse, one.q05, one.q995]).toEqual([7, null, null, 7, 7]);
  });
});

describe("exceedance", () => {
  it("P(LR > 1) of a known set with its binomial MC error; exactly 1 is not above", () => {
    const e = exceedance([0.5, 1, 1.2, 2, null, 0.9, 1.0001, 0.2, 0.3, 3, 0.99]);
    // above 1: 1.2, 2, 1.0001, 3 → 4 of 10 non-null
    expect(e.n).toBe(10);
    expect(e.p).toBe(0.4);
    expect(e.mcse).toBeCloseTo(Math.sqrt(0.4 * 0.6 / 10), 12);
  });
});

describe("uncertaintySplit", () => {
  it("benefits: parameter sd from expectedBenefits, process sd from mean processVarBenefits", () => {
    const rows = [
      row({ replicate: 0, expectedBenefits: 10, processVarBenefits: 4 }),
      row({ replicate: 1, expectedBenefits: 20, processVarBenefits: 16 }),
      row({ replicate: 2, expectedBenefits: 30, processVarBenefits: 10 }),
    ];
    const s = uncertaintySplit(rows, "benefits");
    // sample variance of 10, 20, 30 = 100; mean process variance = 10
    expect(s.parameterSd).toBeCloseTo(10, 12);
    expect(s.processSd).toBeCloseTo(Math.sqrt(10), 12);
    expect(s.parameterShare).toBeCloseTo(100 / 110, 12);
    expect(s.processMethod).toBe("analytic");
  });

  it("enrolled: process part is the mean squared residual around expectedEnrolled", () => {
    const rows = [
      row({ replicate: 0, enrolled: 12, expectedEnrolled: 10 }),
      row({ replicate: 1, enrolled: 10, expectedEnrolled: 14 }),
    ];
    const s = uncertaintySplit(rows, "enrolled");
    // var(10, 14) = 8; residuals 2, −4 → mean square 10
    expect(s.parameterSd).toBeCloseTo(Math.sqrt(8), 12);
    expect(s.processSd).toBeCloseTo(Math.sqrt(10), 12);
    expect(s.parameterShare).toBeCloseTo(8 / 18, 12);
  });
});

describe("uncertaintySplit of premium and loss ratio (issue 13)", () => {
  it("premium: parameter part from expectedGross, process part the mean squared residual (hand case)", () => {
    const rows = [
      row({ replicate: 0, gross: 110, expectedGross: 100 }),
      row({ replicate: 1, gross: 190, expectedGross: 200 }),
    ];
    const s = uncertaintySplit(rows, "gross");
    // var(100, 200) = 5000; residuals 10, −10 → mean square 100
    expect(s.parameterSd).toBeCloseTo(Math.sqrt(5000), 12);
    expect(s.processSd).toBeCloseTo(10, 12);
    expect(s.parameterShare).toBeCloseTo(5000 / 5100, 12);
    expect(s.processMethod).toBe("residual");
  });

  it("loss ratio: around E[B|θ] / E[G|θ], rows without a premium left out (hand case)", () => {
    const rows = [
      row({ replicate: 0, lossRatio: 0.6, expectedBenefits: 50, expectedGross: 100 }),
      row({ replicate: 1, lossRatio: 0.8, expectedBenefits: 90, expectedGross: 100 }),
      row({ replicate: 2, lossRatio: null, expectedBenefits: 0, expectedGross: 0 }),
    ];
    const s = uncertaintySplit(rows, "lossRatio");
    // E[LR|θ] = 0.5, 0.9 → var 0.08; residuals 0.1, −0.1 → 0.01
    expect(s.parameterSd).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(s.processSd).toBeCloseTo(0.1, 12);
    expect(s.parameterShare).toBeCloseTo(0.08 / 0.09, 12);
    expect(s.processMethod).toBe("residual-ratio");
  });

  it("law of total variance: take-up p ∈ {0.2, 0.4}, enrolled ~ Binomial(1000, p) at 100 元 — parts 100² · 100² and 100² · 200", () => {
    // Var E[G|p] = 100² · Var(1000 p) = 100² · 100² (p equally likely: 1000 p = 200 or 400);
    // E Var[G|p] = 100² · E[1000 p (1 − p)] = 100² · (160 + 240) / 2 = 100² · 200.
    const rng = Xoshiro128ss.derive("summary-split-test");
    const R = 20000;
    const rows: ReplicateRow[] = [];
    const benefitsRate = 30; // benefits 30 元 per enrollee at p = 0.2, 60 元 at p = 0.4
    for (let r = 0; r < R; r++) {
      const p = r % 2 === 0 ? 0.2 : 0.4;
      const enrolled = binomial(rng, 1000, p);
      const gross = 100 * enrolled;
      const benefits = benefitsRate * enrolled * (p === 0.2 ? 1 : 2);
      rows.push(row({ replicate: r, enrolled, gross, expectedGross: 100 * 1000 * p, benefits, expectedBenefits: benefitsRate * 1000 * p * (p === 0.2 ? 1 : 2), lossRatio: enrolled > 0 ? benefits / gross : null }));
    }
    const g = uncertaintySplit(rows, "gross");
    // p alternates, so the sample variance of E[G|p] is exactly 100⁴ · R / (R − 1).
    expect(g.parameterSd! ** 2 / (100 ** 4 * (R / (R - 1)))).toBeCloseTo(1, 10);
    // E Var: the mean of R squared residuals, each with variance ≈ 2 (100² · 1000 p (1 − p))²
    const seProcess = Math.sqrt(2 * ((100 ** 2 * 160) ** 2 + (100 ** 2 * 240) ** 2) / 2 / R);
    expect(Math.abs(g.processSd! ** 2 - 100 ** 2 * 200)).toBeLessThan(4 * seProcess);
    // The two parts add up to the realised variance of the premium.
    const m = rows.reduce((a, x) => a + x.gross, 0) / R;
    const v = rows.reduce((a, x) => a + (x.gross - m) ** 2, 0) / (R - 1);
    expect(Math.abs(g.parameterSd! ** 2 + g.processSd! ** 2 - v) / v).toBeLessThan(0.03);
    // Loss ratio here is 0.3 or 0.6 by θ alone (benefits ∝ enrolled): all of it parameter.
    const lr = uncertaintySplit(rows, "lossRatio");
    expect(lr.parameterSd! ** 2).toBeCloseTo(((0.6 - 0.3) / 2) ** 2 * (R / (R - 1)), 8);
    expect(lr.processSd).toBeCloseTo(0, 12);
    expect(lr.parameterShare).toBeCloseTo(1, 12);
  });
});

describe("summarize", () => {
  const rows: ReplicateRow[] = [];
  for (let r = 0; r < 4; r++) {
    const gross = r === 3 ? 0 : 100;
    const benefits = [50, 150, 80, 10][r]!;
    rows.push(row({
      replicate: r, option: "base", enrolled: 10 + r, gross, net: gross, benefits,
      lossRatio: gross > 0 ? benefits / gross : null,
    }));
    rows.push(row({
      replicate: r, option: "reform", enrolled: 20 + r, gross: 200, net: 150,
      subsidies: { ...ZERO_SUBSIDIES, budget: 30, employer: 20 }, benefits: benefits * 2, lossRatio: benefits / 100,
    }));
  }
  const s = summarize(rows);

  it("one group per option and year, options in first-seen order", () => {
    expect(s.map((g) => [g.option, g.year, g.replicates])).toEqual([["base", 1, 4], ["reform", 1, 4]]);
  });

  it("subsidy metrics only for payers with a non-zero total", () => {
    expect(s[0]!.payers).toEqual([]);
    expect(s[1]!.payers).toEqual(["budget", "employer"]);
    expect(Object.keys(s[1]!.metrics)).toEqual(metricsFor(["budget", "employer"]));
    expect(Object.keys(s[1]!.metrics)).toContain("subsidy_budget");
    expect(Object.keys(s[0]!.metrics)).not.toContain("subsidy_budget");
    expect(s[1]!.metrics["subsidy_total"]!.mean).toBe(50);
    expect(s[1]!.metrics["subsidy_budget"]!.mean).toBe(30);
  });

  it("null loss ratios are skipped and counted; P(LR>1) over the rest", () => {
    const lr = s[0]!.metrics["lossRatio"]!;
    expect([lr.n, lr.nulls]).toEqual([3, 1]);
    expect(lr.mean).toBeCloseTo((0.5 + 1.5 + 0.8) / 3, 12);
    expect(s[0]!.lossRatioAbove1.p).toBeCloseTo(1 / 3, 12);
    expect(s[1]!.lossRatioAbove1.p).toBe(0.25); // 0.5, 1.5, 0.8, 0.1
  });

  it("enrolled mean", () => {
    expect(s[0]!.metrics["enrolled"]!.mean).toBe(11.5);
  });

  it("compareOptions: paired differences b − a by replicate", () => {
    // Shuffle the rows: pairing must be by replicate, not by position.
    const shuffled = [rows[7]!, rows[0]!, rows[2]!, rows[5]!, rows[4]!, rows[3]!, rows[6]!, rows[1]!];
    const [c] = compareOptions(shuffled, "base", "reform");
    expect(c!.pairs).toBe(4);
    const ben = c!.metrics["benefits"]!;
    // differences = benefits: 50, 150, 80, 10
    expect(ben.mean).toBe(72.5);
    expect(ben.sd).toBeCloseTo(Math.sqrt(((22.5 ** 2) + (77.5 ** 2) + (7.5 ** 2) + (62.5 ** 2)) / 3), 10);
    expect([ben.min, ben.max, ben.meanA, ben.meanB, ben.pPositive]).toEqual([10, 150, 72.5, 145, 1]);
    const enr = c!.metrics["enrolled"]!;
    expect([enr.mean, enr.sd]).toEqual([10, 0]);
    const lr = c!.metrics["lossRatio"]!;
    expect([lr.n, lr.nulls]).toEqual([3, 1]);
    expect(c!.metrics["subsidy_budget"]!.mean).toBe(30);
    expect(() => compareOptions(rows, "base", "nosuch")).toThrow(/no rows for option "nosuch"/);
  });
});
