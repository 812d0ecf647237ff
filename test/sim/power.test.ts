/**
 * The goodness-of-fit tests have power: slightly wrong samplers, run through exactly the same
 * machinery, sample sizes and threshold as test/sim/discrete.test.ts and continuous.test.ts, are
 * rejected (p far below 0.001). Without this, a passing GOF test would mean little.
 */
import { describe, expect, it } from "vitest";
import { Stream } from "../../src/sim/rng.js";
import { binomial, gamma, poisson, standardNormal } from "../../src/sim/samplers.js";
import { chiSquareDiscrete, gammaCdf, ksTest, logBinomialPmf, logPoissonPmf, normalCdf } from "../helpers/stats-tests.js";

const ALPHA = 0.001;

function draw(n: number, f: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = f();
  return xs;
}

describe("chi-square rejects biased discrete samplers", () => {
  const n = 200;
  const p = 0.06;
  const oracle = (k: number): number => logBinomialPmf(k, n, p);

  it("Binomial(200, 0.06) drawn with p·1.02 is rejected (N = 1e6, as in the real test)", () => {
    const rng = Stream.derive(20240601, n, Math.round(p * 1e9));
    const r = chiSquareDiscrete(draw(1_000_000, () => binomial(rng, n, p * 1.02)), oracle, 0, 80);
    expect(r.pValue).toBeLessThan(1e-6);
  });

  it("…and so is a 1% contamination by Binomial(200, 0.08) (N = 1e6)", () => {
    const rng = Stream.derive(3);
    const r = chiSquareDiscrete(
      draw(1_000_000, () => (rng.uniform() < 0.01 ? binomial(rng, n, 0.08) : binomial(rng, n, p))),
      oracle,
      0,
      80,
    );
    expect(r.pValue).toBeLessThan(ALPHA);
  });

  it("a rounded normal approximation to Binomial(200, 0.06) is rejected", () => {
    const rng = Stream.derive(4);
    const sd = Math.sqrt(n * p * (1 - p));
    const approx = (): number => Math.min(n, Math.max(0, Math.round(n * p + sd * standardNormal(rng))));
    const r = chiSquareDiscrete(draw(400_000, approx), oracle, 0, 80);
    expect(r.pValue).toBeLessThan(1e-6);
  });

  it("a Poisson(50) sampler that never goes beyond mean + 3 sd is rejected through the pooled tail", () => {
    const rng = Stream.derive(5);
    const cut = 50 + 3 * Math.sqrt(50);
    const truncated = (): number => {
      for (;;) {
        const k = poisson(rng, 50);
        if (k <= cut) return k;
      }
    };
    const r = chiSquareDiscrete(draw(400_000, truncated), (k) => logPoissonPmf(k, 50), 0, 200);
    expect(r.pValue).toBeLessThan(1e-6);
  });

  it("the correct sampler passes on the same seed (control)", () => {
    const rng = Stream.derive(20240601, n, Math.round(p * 1e9));
    const r = chiSquareDiscrete(draw(1_000_000, () => binomial(rng, n, p)), oracle, 0, 80);
    expect(r.pValue).toBeGreaterThan(ALPHA);
  });
});

describe("KS rejects biased continuous samplers", () => {
  it("Gamma(2.5) drawn with shape·1.02 is rejected (N = 2e5)", () => {
    const rng = Stream.derive(6);
    const r = ksTest(draw(200_000, () => gamma(rng, 2.5 * 1.02, 0.5)), (x) => gammaCdf(x, 2.5, 0.5));
    expect(r.pValue).toBeLessThan(1e-6);
  });

  it("N(0, 1.02²) is rejected as N(0, 1) (N = 1e6)", () => {
    const rng = Stream.derive(7);
    const r = ksTest(draw(1_000_000, () => 1.02 * standardNormal(rng)), normalCdf);
    expect(r.pValue).toBeLessThan(ALPHA);
  });
});
