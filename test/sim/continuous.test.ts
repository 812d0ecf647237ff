/**
 * Kolmogorov–Smirnov tests of the continuous samplers against exact CDFs, plus moment checks.
 * Fixed seeds; each correct sampler must give p > 0.001.
 */
import { describe, expect, it } from "vitest";
import { Stream } from "../../src/sim/rng.js";
import { beta, gamma, lognormal, normal, pareto, standardNormal, ZIGGURAT } from "../../src/sim/samplers.js";
import { gammaCdf, ksTest, meanVariance, normalCdf } from "../helpers/stats-tests.js";

const ALPHA = 0.001;
const report: string[] = [];

function draw(n: number, f: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = f();
  return xs;
}

function checkKs(name: string, xs: Float64Array, cdf: (x: number) => number): void {
  const r = ksTest(xs, cdf);
  report.push(`${name}: D=${r.statistic.toExponential(3)} n=${r.n} p=${r.pValue.toPrecision(3)}`);
  expect(r.pValue).toBeGreaterThan(ALPHA);
}

/** |mean − μ| < 5 SE and |var − σ²| < 5 SE(var) with SE(var) = σ²·√((2 + excess kurtosis)/N). */
function checkMoments(xs: Float64Array, mu: number, sigma2: number, exKurt: number): void {
  const N = xs.length;
  const { mean, variance } = meanVariance(xs);
  expect(Math.abs(mean - mu)).toBeLessThan(5 * Math.sqrt(sigma2 / N));
  expect(Math.abs(variance - sigma2)).toBeLessThan(5 * sigma2 * Math.sqrt((2 + exKurt) / N));
}

describe("normal (ziggurat)", () => {
  it("ziggurat table: 128 layers of equal area V closing at the top (x[127] small, x[128] = 0)", () => {
    const { C, R, V, x } = ZIGGURAT;
    const f = (t: number): number => Math.exp(-0.5 * t * t);
    expect(x[1]).toBe(R);
    // base strip: rectangle R·f(R) plus the tail ∫_R^∞ f = √(π/2)·erfc(R/√2) must equal V
    const tail = Math.sqrt(Math.PI / 2) * 2 * (1 - normalCdf(R));
    expect(Math.abs(R * f(R) + tail - V) / V).toBeLessThan(1e-5);
    // every layer i ≥ 1 has area x[i]·(f(x[i+1]) − f(x[i])) = V; the last one closes at f(0) = 1
    for (let i = 1; i < C - 1; i++) {
      expect(Math.abs(x[i]! * (f(x[i + 1]!) - f(x[i]!)) - V) / V).toBeLessThan(1e-9);
    }
    expect(Math.abs(x[C - 1]! * (1 - f(x[C - 1]!)) - V) / V).toBeLessThan(1e-6);
    expect(x[C]).toBe(0);
  });

  it("N(0, 1): KS against Φ on 1e6 draws, moments, and tail frequencies beyond R", () => {
    const rng = Stream.derive(1001);
    const N = 1_000_000;
    const xs = draw(N, () => standardNormal(rng));
    checkKs("N(0,1)", xs, normalCdf);
    checkMoments(xs, 0, 1, 0);
    // the tail algorithm (|z| > R = 3.4426) is exercised: expected count N·2·(1 − Φ(R)) ≈ 576
    const pTail = 2 * (1 - normalCdf(ZIGGURAT.R));
    const tail = xs.filter((z) => Math.abs(z) > ZIGGURAT.R);
    expect(Math.abs(tail.length - N * pTail)).toBeLessThan(5 * Math.sqrt(N * pTail));
    // conditional tail shape: P(|Z| > 4 | |Z| > R)
    const p4 = (1 - normalCdf(4)) / (1 - normalCdf(ZIGGURAT.R));
    const beyond4 = tail.filter((z) => Math.abs(z) > 4).length;
    expect(Math.abs(beyond4 - tail.length * p4)).toBeLessThan(5 * Math.sqrt(tail.length * p4) + 1);
  });

  it("N(μ, σ) and lognormal(μ, σ)", () => {
    const rng = Stream.derive(1002);
    const N = 200_000;
    const xs = draw(N, () => normal(rng, 3, 2));
    checkKs("N(3, 2²)", xs, (x) => normalCdf((x - 3) / 2));
    checkMoments(xs, 3, 4, 0);
    const ls = draw(N, () => lognormal(rng, 0.5, 0.8));
    checkKs("LogNormal(0.5, 0.8)", ls, (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - 0.5) / 0.8)));
    const s2 = 0.64;
    const m = Math.exp(0.5 + s2 / 2);
    const v = (Math.exp(s2) - 1) * Math.exp(1 + s2);
    const exKurt = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
    checkMoments(ls, m, v, exKurt);
    expect(normal(rng, 5, 0)).toBe(5);
  });
});

describe("gamma (Marsaglia–Tsang)", () => {
  const cases: Array<[number, number]> = [
    [0.05, 1],
    [0.3, 2],
    [0.999, 1],
    [1, 1],
    [2.5, 0.5],
    [50, 3],
    [1e4, 1e-3],
  ];
  for (const [shape, scale] of cases) {
    it(`Gamma(shape ${shape}, scale ${scale}): KS against the regularized incomplete gamma`, () => {
      const rng = Stream.derive(2001, shape * 1000, scale * 1000);
      const N = 200_000;
      const xs = draw(N, () => gamma(rng, shape, scale));
      checkKs(`Gamma(${shape}, ${scale})`, xs, (x) => gammaCdf(x, shape, scale));
      checkMoments(xs, shape * scale, shape * scale * scale, 6 / shape);
    });
  }
});

describe("beta (ratio of gammas)", () => {
  const closedForm: Array<[number, number, (x: number) => number]> = [
    [0.5, 0.5, (x) => (2 / Math.PI) * Math.asin(Math.sqrt(x))],
    [2, 2, (x) => 3 * x * x - 2 * x * x * x],
    [3, 1, (x) => x ** 3],
    [1, 4, (x) => 1 - (1 - x) ** 4],
    [0.1, 1, (x) => x ** 0.1],
    [1, 0.2, (x) => 1 - (1 - x) ** 0.2],
  ];
  for (const [a, b, cdf] of closedForm) {
    it(`Beta(${a}, ${b}): KS against the closed-form CDF`, () => {
      const rng = Stream.derive(3001, a * 10, b * 10);
      const xs = draw(200_000, () => beta(rng, a, b));
      let outside = 0;
      for (const x of xs) if (!(x >= 0 && x <= 1)) outside++;
      expect(outside).toBe(0);
      checkKs(`Beta(${a}, ${b})`, xs, (x) => (x <= 0 ? 0 : x >= 1 ? 1 : cdf(x)));
    });
  }

  it("Beta(2.5, 7) moments and tiny shapes stay finite", () => {
    const rng = Stream.derive(3002);
    const [a, b] = [2.5, 7];
    const xs = draw(200_000, () => beta(rng, a, b));
    const m = a / (a + b);
    const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const exKurt = (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
    checkMoments(xs, m, v, exKurt);
    let bad = 0;
    for (let i = 0; i < 10000; i++) {
      const x = beta(rng, 1e-3, 1e-3);
      if (!(x >= 0 && x <= 1)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe("Pareto (inversion)", () => {
  it("Pareto(xm 2, alpha 1.5): KS against 1 − (xm/x)^alpha; support x ≥ xm", () => {
    const rng = Stream.derive(4001);
    const xs = draw(200_000, () => pareto(rng, 2, 1.5));
    expect(xs.every((x) => x >= 2 && Number.isFinite(x))).toBe(true);
    checkKs("Pareto(2, 1.5)", xs, (x) => (x <= 2 ? 0 : 1 - (2 / x) ** 1.5));
  });
});

describe("report", () => {
  it("prints the KS table", () => {
    console.log(report.join("\n"));
    expect(report.length).toBeGreaterThan(15);
  });
});
