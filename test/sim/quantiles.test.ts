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
