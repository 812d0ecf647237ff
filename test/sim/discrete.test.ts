/**
 * Chi-square goodness of fit of the discrete samplers against exact pmfs (computed in log space
 * with simple-statistics' gammaln, independent of the samplers' own log-factorial code).
 * Fixed seeds: the outcome is deterministic; the threshold p > 0.001 is what a correct sampler
 * passes. test/sim/power.test.ts shows the same machinery rejects slightly wrong samplers.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Stream, type Xoshiro128ss } from "../../src/sim/rng.js";
import { binomial, binomialBtrd, binomialInversion, multinomial, negativeBinomial, poisson, poissonInversion, poissonPtrs } from "../../src/sim/samplers.js";
import {
  chiSquareDiscrete,
  logBinomialPmf,
  logNegativeBinomialPmf,
  logPoissonPmf,
  meanVariance,
} from "../helpers/stats-tests.js";

const ALPHA = 0.001;

function draw(n: number, f: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = f();
  return xs;
}

/** Window [lo, hi] around the mean outside which the mass is negligible (< 1e-15). */
function window(mean: number, sd: number, max = Infinity): [number, number] {
  return [Math.max(0, Math.floor(mean - 12 * sd - 30)), Math.min(max, Math.ceil(mean + 14 * sd + 60))];
}

const report: string[] = [];
function record(name: string, r: { statistic: number; df: number; pValue: number }): void {
  report.push(`${name}: X²=${r.statistic.toFixed(1)} df=${r.df} p=${r.pValue.toPrecision(3)}`);
}

describe("binomial — chi-square against the exact pmf", () => {
  const cases: Array<[number, number, number, string]> = [
    [200, 0.06, 1_000_000, "BTRD (n·p = 12), the engine's reference case"],
    [1_000_000, 0.3, 400_000, "BTRD, large n (squeeze + final test path)"],
    [1000, 0.3, 400_000, "BTRD, moderate n"],
    [1000, 0.01, 400_000, "BTRD at the boundary n·p = 10"],
    [84_000_000, 0.02, 200_000, "BTRD, population-scale n"],
    [1_000_000_000, 0.5, 100_000, "BTRD, n = 1e9, p = ½"],
    [200, 0.94, 400_000, "p > ½ by symmetry (BTRD)"],
    [1999, 0.005, 400_000, "inversion just below n·p = 10"],
    [20, 0.3, 400_000, "inversion, small n"],
    [30, 0.8, 400_000, "p > ½ by symmetry (inversion)"],
    [1_000_000_000, 2e-9, 200_000, "inversion, n = 1e9, n·p = 2"],
    [1, 0.5, 100_000, "Bernoulli"],
  ];
  for (const [n, p, N, label] of cases) {
    it(`Binomial(${n}, ${p}) — ${label}`, () => {
      const rng = Stream.derive(20240601, n, Math.round(p * 1e9));
      const xs = draw(N, () => binomial(rng, n, p));
      const [lo, hi] = window(n * p, Math.sqrt(n * p * (1 - p)), n);
      const r = chiSquareDiscrete(xs, (k) => logBinomialPmf(k, n, p), lo, hi);
      record(`Binomial(${n}, ${p})`, r);
      expect(r.df).toBeGreaterThan(0);
      expect(r.pValue).toBeGreaterThan(ALPHA);
      const { mean, variance } = meanVariance(xs);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(N));
      expect(Math.abs(variance / (sd * sd) - 1)).toBeLessThan(5 * Math.sqrt(3 / N));
    });
  }

  it("Binomial(200, 0.06) goes through BTRD and Binomial(1999, 0.005) through inversion", () => {
    const a = Stream.derive(5);
    const b = a.clone();
    for (let i = 0; i < 1000; i++) expect(binomial(a, 200, 0.06)).toBe(binomialBtrd(b, 200, 0.06));
    for (let i = 0; i < 1000; i++) expect(binomial(a, 1999, 0.005)).toBe(binomialInversion(b, 1999, 0.005));
    // p > ½: n − X with X drawn at 1 − p
    for (let i = 0; i < 1000; i++) expect(binomial(a, 200, 0.94)).toBe(200 - binomialBtrd(b, 200, 0.06000000000000005));
  });

  it("BTRD and inversion agree in distribution on the same case (n·p = 10)", () => {
    // Both branches are exact for any (n, p): run each on Binomial(500, 0.02) explicitly.
    const n = 500;
    const p = 0.02;
    const rng = Stream.derive(77);
    for (const [name, f] of [
      ["btrd", () => binomialBtrd(rng, n, p)],
      ["inversion", () => binomialInversion(rng, n, p)],
    ] as const) {
      const r = chiSquareDiscrete(draw(300_000, f), (k) => logBinomialPmf(k, n, p), 0, 60);
      record(`Binomial(500, 0.02) via ${name}`, r);
      expect(r.pValue).toBeGreaterThan(ALPHA);
    }
  });

  it("degenerate parameters", () => {
    const rng = Stream.derive(1);
    expect(binomial(rng, 0, 0.3)).toBe(0);
    expect(binomial(rng, 100, 0)).toBe(0);
    expect(binomial(rng, 100, 1)).toBe(100);
    expect(binomial(rng, 84_000_000, 1)).toBe(84_000_000);
    expect(binomial(rng, 0, 1)).toBe(0);
  });

  it("support is respected at extreme n and tiny/huge p", () => {
    const rng = Stream.derive(2);
    let bad = 0;
    for (let i = 0; i < 20000; i++) {
      for (const [n, p] of [[1e9, 1e-9], [1e9, 1 - 1e-9], [15, 0.999], [84e6, 0.5], [11, 0.95]] as const) {
        const x = binomial(rng, n, p);
        if (!Number.isInteger(x) || x < 0 || x > n) bad++;
      }
    }
    expect(bad).toBe(0);
  });
});

describe("Poisson — chi-square against the exact pmf", () => {
  const cases: Array<[number, number, string]> = [
    [0.5, 400_000, "inversion"],
    [5, 400_000, "inversion"],
    [9.99, 400_000, "inversion just below 10"],
    [10, 600_000, "PTRS at the boundary"],
    [50, 400_000, "PTRS"],
    [1e4, 400_000, "PTRS, large mean"],
    [1e7, 200_000, "PTRS, very large mean"],
  ];
  for (const [mean, N, label] of cases) {
    it(`Poisson(${mean}) — ${label}`, () => {
      const rng = Stream.derive(31337, Math.round(mean * 100));
      const xs = draw(N, () => poisson(rng, mean));
      const [lo, hi] = window(mean, Math.sqrt(mean));
      const r = chiSquareDiscrete(xs, (k) => logPoissonPmf(k, mean), lo, hi);
      record(`Poisson(${mean})`, r);
      expect(r.pValue).toBeGreaterThan(ALPHA);
      const mv = meanVariance(xs);
      expect(Math.abs(mv.mean - mean)).toBeLessThan((5 * Math.sqrt(mean)) / Math.sqrt(N));
      expect(Math.abs(mv.variance / mean - 1)).toBeLessThan(5 * Math.sqrt((2 + 1 / mean) / N));
    });
  }

  it("Poisson(50) goes through PTRS and Poisson(5) through inversion; mean 0 gives 0", () => {
    const a = Stream.derive(6);
    const b = a.clone();
    for (let i = 0; i < 1000; i++) expect(poisson(a, 50)).toBe(poissonPtrs(b, 50));
    for (let i = 0; i < 1000; i++) expect(poisson(a, 5)).toBe(poissonInversion(b, 5));
    expect(poisson(a, 0)).toBe(0);
  });
});

describe("negative binomial (gamma–Poisson) — chi-square against the exact pmf", () => {
  const cases: Array<[number, number]> = [
    [2.5, 0.3],
    [0.5, 0.05],
    [50, 0.8],
    [1, 0.5],
  ];
  for (const [r, p] of cases) {
    it(`NB(r = ${r}, p = ${p})`, () => {
      const rng = Stream.derive(4242, r * 10, p * 100);
      const N = 300_000;
      const xs = draw(N, () => negativeBinomial(rng, r, p));
      const mean = (r * (1 - p)) / p;
      const sd = Math.sqrt(r * (1 - p)) / p;
      const res = chiSquareDiscrete(xs, (k) => logNegativeBinomialPmf(k, r, p), 0, Math.ceil(mean + 40 * sd + 100));
      record(`NB(${r}, ${p})`, res);
      expect(res.pValue).toBeGreaterThan(ALPHA);
    });
  }
  it("p = 1 gives 0", () => {
    expect(negativeBinomial(Stream.derive(1), 3, 1)).toBe(0);
  });
});

describe("multinomial (sequential conditional binomials)", () => {
  it("marginals are Binomial(n, p_i) and every draw sums to n", () => {
    const probs = [0.5, 0.3, 0.0, 0.15, 0.05];
    const n = 1000;
    const N = 100_000;
    const rng = Stream.derive(8);
    const cols = probs.map(() => new Float64Array(N));
    const out = new Float64Array(probs.length);
    let badSum = 0;
    for (let i = 0; i < N; i++) {
      multinomial(rng, n, probs, out);
      let s = 0;
      for (let j = 0; j < probs.length; j++) {
        cols[j]![i] = out[j]!;
        s += out[j]!;
      }
      if (s !== n) badSum++;
    }
    expect(badSum).toBe(0);
    probs.forEach((p, j) => {
      if (p === 0) {
        expect(cols[j]!.every((x) => x === 0)).toBe(true);
        return;
      }
      const [lo, hi] = window(n * p, Math.sqrt(n * p * (1 - p)), n);
      const r = chiSquareDiscrete(cols[j]!, (k) => logBinomialPmf(k, n, p), lo, hi);
      record(`Multinomial(1000) marginal ${j} (p=${p})`, r);
      expect(r.pValue).toBeGreaterThan(ALPHA);
    });
  });

  it("joint distribution of Multinomial(4, [0.2, 0.5, 0.3]) matches the exact pmf", () => {
    const probs = [0.2, 0.5, 0.3];
    const n = 4;
    // enumerate outcomes (a, b, n − a − b) with index a·(n+1) + b
    const fact = [1, 1, 2, 6, 24];
    const logPmf = (idx: number): number => {
      const a = Math.floor(idx / (n + 1));
      const b = idx % (n + 1);
      const c = n - a - b;
      if (c < 0) return -Infinity;
      return Math.log((fact[n]! / (fact[a]! * fact[b]! * fact[c]!)) * 0.2 ** a * 0.5 ** b * 0.3 ** c);
    };
    const rng = Stream.derive(9);
    const N = 200_000;
    const out = [0, 0, 0];
    const xs = draw(N, () => {
      multinomial(rng, n, probs, out);
      return out[0]! * (n + 1) + out[1]!;
    });
    // impossible cells (c < 0) have zero expectation and must stay empty
    const r = chiSquareDiscrete(xs, logPmf, 0, (n + 1) * (n + 1) - 1);
    record("Multinomial(4, [0.2, 0.5, 0.3]) joint", r);
    expect(r.df).toBeGreaterThanOrEqual(12);
    expect(r.pValue).toBeGreaterThan(ALPHA);
  });

  it("splits 84 million into grades and keeps the total", () => {
    const out = multinomial(Stream.derive(10), 84_000_000, [0.001, 0.004, 0.01, 0.985]);
    expect(Array.from(out).reduce((a, b) => a + b, 0)).toBe(84_000_000);
    expect(Math.abs(out[0]! - 84_000)).toBeLessThan(6 * Math.sqrt(84_000));
  });
});

describe("determinism of samplers", () => {
  it("same seed ⇒ identical draws; different streams ⇒ different draws", () => {
    const run = (g: Xoshiro128ss): number[] => [
      binomial(g, 200, 0.06),
      binomial(g, 1e6, 0.3),
      poisson(g, 50),
      poisson(g, 2),
      negativeBinomial(g, 2, 0.3),
      ...Array.from(multinomial(g, 100, [0.2, 0.8])),
    ];
    const many = (g: Xoshiro128ss): number[] => Array.from({ length: 50 }, () => run(g)).flat();
    expect(many(Stream.derive(11, 0, 1))).toEqual(many(Stream.derive(11, 0, 1)));
    expect(many(Stream.derive(11, 0, 1))).not.toEqual(many(Stream.derive(11, 1, 0)));
  });
});

// The goodness-of-fit table, printed once the tests above have run (each asserts its own p-value).
afterAll(() => console.log(report.join("\n")));
