/**
 * Benefit quadrature tables against closed forms: 灵活保 pays medical costs up to 3 万 per accident
 * (payout = min(cost, 30000)), so the table's mean payout must equal E[min(X, 30000)] for each
 * severity distribution, at every severity scale, and the bins must average back to the mean.
 */
import { describe, expect, it } from "vitest";
import { getScheme } from "../../src/schemes/index.js";
import { BenefitTable, categoryModel } from "../../src/sim/claims.js";
import { normalCdf } from "../helpers/stats-tests.js";

const scheme = getScheme("linghuobao");
const person = scheme.parsePerson({ age: 30 });
const CAP = 30000;
/** Linear interpolation between lattice scales 12 % apart plus 256-point quadrature: ≤ 0.2 %. */
const TOLERANCE = 2e-3;
const near = (ratio: number) => expect(Math.abs(ratio - 1)).toBeLessThan(TOLERANCE);

function table(claim: Record<string, unknown>) {
  return new BenefitTable(scheme, categoryModel("test", claim as never), person, "2023-01-01");
}

describe("BenefitTable means equal closed-form limited expected values", () => {
  it("exponential (gamma, cv 1): E[min(X, c)] = m(1 − e^(−c/m))", () => {
    const t = table({ medicalCost: { dist: "gamma", mean: 5000, cv: 1, scaled: true } });
    for (const s of [0.7, 1, 1.6]) {
      const m = 5000 * s;
      const expected = m * (1 - Math.exp(-CAP / m)); // s = 1: 5000(1 − e^−6) = 4987.61
      near(t.at(s, t.newPoint()).mean / expected);
    }
  });

  it("lognormal: E[min(X, c)] = e^(μ+σ²/2)Φ((ln c − μ − σ²)/σ) + c(1 − Φ((ln c − μ)/σ))", () => {
    const t = table({ medicalCost: { dist: "lognormal", median: 4000, sigma: 1.2, scaled: true } });
    for (const s of [1, 2.5]) {
      const mu = Math.log(4000 * s);
      const sg = 1.2;
      const lc = Math.log(CAP);
      const expected = Math.exp(mu + (sg * sg) / 2) * normalCdf((lc - mu - sg * sg) / sg) + CAP * (1 - normalCdf((lc - mu) / sg));
      near(t.at(s, t.newPoint()).mean / expected);
    }
  });

  it("Pareto (α = 2.5, xm = 2000): E[min(X, c)] = xm·α/(α−1) − xm^α·c^(1−α)/(α−1)", () => {
    const t = table({ medicalCost: { dist: "pareto", xm: 2000, alpha: 2.5, scaled: false } });
    const a = 2.5;
    const expected = (2000 * a) / (a - 1) - (2000 ** a * CAP ** (1 - a)) / (a - 1);
    near(t.at(1, t.newPoint()).mean / expected);
  });

  it("the bins are ordered and average back to the mean (probability-weighted)", () => {
    const t = table({ medicalCost: { dist: "lognormal", median: 4000, sigma: 1.2, scaled: true } });
    const p = t.at(1.3, t.newPoint());
    let avg = 0;
    for (let j = 0; j < t.binCount; j++) {
      avg += t.binProbs[j]! * p.bins[j]!;
      if (j > 0) expect(p.bins[j]!).toBeGreaterThanOrEqual(p.bins[j - 1]!);
    }
    expect(avg / p.mean).toBeCloseTo(1, 2);
    expect(p.bins[t.binCount - 1]).toBe(CAP); // the top bin sits at the cap
  });
});
