import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/sim/quantiles.js";

describe("normalQuantile", () => {
  it("matches published standard normal quantiles to 1e-8", () => {
    // Reference values of Φ⁻¹ (e.g. R qnorm): 0.5 → 0, 0.975 → 1.959963984540054,
    // 0.001 → −3.090232306167813, 0.1 → −1.281551565544601, 1e-6 → −4.753424308822899
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.281551565544601, 8);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 7);
  });
  it("rejects p outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(/p must be in \(0, 1\), got 0/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/got NaN/);
  });
});

import { gammaP, gammaQuantile, logGamma } from "../../src/sim/quantiles.js";

describe("gamma functions", () => {
  it("logGamma matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 11); // ln Γ(0.1), tables
  });
  it("P(a, x) has the closed forms of shapes 1 and 2", () => {
    for (const x of [0.01, 0.5, 1, 3, 20]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 13);
      expect(gammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 13);
    }
  });
  it("inverts P: exponential, shape 2, and shape ½ via the normal (Gamma(½) = Z²/2)", () => {
    for (const u of [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999, 1 - 1e-9]) {
      // Near u = 1 the inverse is ill-conditioned (dx = dP·e^x): compare relatively, 1e-7.
      expect(gammaQuantile(1, u) / -Math.log1p(-u)).toBeCloseTo(1, 7);
      const x2 = gammaQuantile(2, u);
      expect(1 - Math.exp(-x2) * (1 + x2)).toBeCloseTo(u, 12);
      const z = normalQuantile((1 + u) / 2);
      expect(gammaQuantile(0.5, u) / ((z * z) / 2)).toBeCloseTo(1, 7);
    }
  });
  it("works for small and large shapes", () => {
    for (const a of [0.05, 0.3, 7.5, 400]) for (const u of [0.001, 0.5, 0.999]) expect(gammaP(a, gammaQuantile(a, u))).toBeCloseTo(u, 10);
  });
  it("rejects bad arguments", () => {
    expect(() => gammaQuantile(0, 0.5)).toThrow(/shape must be a finite number > 0, got 0/);
    expect(() => gammaQuantile(2, 1)).toThrow(/u must be in \(0, 1\), got 1/);
  });
});
