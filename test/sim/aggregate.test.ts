/**
 * Aggregate claim distributions (src/sim/aggregate.ts) and yearly limits in the engine
 * (src/sim/yearly.ts): mean-preserving rounding, FFT against Panjer's recursion and a brute-force
 * simulation (R actuar's aggregateDist cases: Poisson × gamma, Poisson × lognormal), and a
 * hand-computed person with two episodes under 工惠保's and 天一甬宁保's yearly deductibles.
 */
import { describe, expect, it } from "vitest";
import {
  compound, componentMean, discretise, fft, FieldAggregate, LatticeDistribution, negativeBinomialProbs, normalUpper, nFold, panjer, poissonProbs, survival,
} from "../../src/sim/aggregate.js";
import { Xoshiro128ss } from "../../src/sim/rng.js";
import { gamma as gammaDraw, lognormal, poisson } from "../../src/sim/samplers.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { compile, runPlan, type Mode } from "../../src/sim/run.js";
import { getScheme } from "../../src/schemes/index.js";

describe("FFT", () => {
  it("matches the direct DFT (twiddles from the Taylor series, not Math.sin)", () => {
    const N = 64;
    const x = Array.from({ length: N }, (_, i) => Math.sin(i * 1.3) + (i % 5));
    const re = Float64Array.from(x);
    const im = new Float64Array(N);
    fft(re, im);
    for (const k of [0, 1, 7, 8, 13, 31, 32, 45, 63]) {
      let dr = 0;
      let di = 0;
      for (let j = 0; j < N; j++) {
        dr += x[j]! * Math.cos((-2 * Math.PI * j * k) / N);
        di += x[j]! * Math.sin((-2 * Math.PI * j * k) / N);
      }
      expect(re[k]).toBeCloseTo(dr, 10);
      expect(im[k]).toBeCloseTo(di, 10);
    }
    fft(re, im, true);
    for (let j = 0; j < N; j++) expect(re[j]).toBeCloseTo(x[j]!, 12);
  });
});

describe("mean-preserving rounding", () => {
  const cases = [
    { dist: "lognormal", median: 6000, sigma: 1, scaled: true },
    { dist: "gamma", mean: 5000, cv: 2, scaled: true },
    { dist: "pareto", xm: 1000, alpha: 2.5, scaled: true },
    { dist: "uniform", min: 100, max: 900, scaled: true },
  ] as const;
  for (const spec of cases) {
    it(`${spec.dist}: Σ f = 1 and the lattice mean is E[X ∧ mh], on a coarse lattice too`, () => {
      for (const h of [25, 400]) {
        const m = Math.ceil(4e6 / h);
        const f = discretise(spec, h, m);
        const d = new LatticeDistribution(h, f);
        expect(Math.abs(d.total - 1)).toBeLessThan(1e-12);
        // E[X ∧ mh] = ∫_0^{mh} S by a fine independent trapezoid (closed form for the lognormal).
        const truth = componentMean(spec);
        expect(Math.abs(d.mean() / truth - 1)).toBeLessThan(spec.dist === "pareto" ? 2e-4 : 1e-6);
        for (const u of [0.001, 0.3, 0.9, 0.999]) expect(d.quantile(u)).toBeGreaterThanOrEqual(0);
      }
    });
  }
  it("naive rounding to the nearest point would not keep the mean (the test has power)", () => {
    const spec = { dist: "lognormal", median: 300, sigma: 0.3, scaled: true } as const;
    const h = 400;
    // Mass of [(j − ½)h, (j + ½)h) at jh.
    let naive = 0;
    for (let j = 1; j < 100; j++) naive += j * h * (survival(spec, (j - 0.5) * h) - survival(spec, (j + 0.5) * h));
    const d = new LatticeDistribution(h, discretise(spec, h, 1000));
    expect(Math.abs(naive / componentMean(spec) - 1)).toBeGreaterThan(0.05);
    expect(Math.abs(d.mean() / componentMean(spec) - 1)).toBeLessThan(1e-9);
  });
  it("the normal tail is accurate far out (erfc through Q(½, z²/2))", () => {
    expect(normalUpper(0)).toBeCloseTo(0.5, 15);
    expect(normalUpper(1.959963984540054)).toBeCloseTo(0.025, 12);
    expect(normalUpper(6) / 9.865876450376946e-10).toBeCloseTo(1, 9);
    expect(normalUpper(-3)).toBeCloseTo(1 - 0.0013498980316301, 13);
  });
});

describe("compound distributions: FFT against Panjer and brute force (actuar-style)", () => {
  const h = 50;
  const m = 4000;
  const N = 1 << 15;
  const sev = { dist: "gamma", mean: 1000, cv: 1.5, scaled: true } as const;
  const f = discretise(sev, h, m);
  const lambda = 3;
  const fftG = compound(f, poissonProbs(lambda), N);
  const panjerG = panjer(f, 0, lambda, Math.exp(lambda * (f[0]! - 1)), N);

  it("Poisson(3) × gamma(1000, cv 1.5): FFT and Panjer agree point by point", () => {
    let maxDiff = 0;
    for (let k = 0; k < N; k++) maxDiff = Math.max(maxDiff, Math.abs(fftG[k]! - panjerG[k]!));
    expect(maxDiff).toBeLessThan(1e-12);
    const d = new LatticeDistribution(h, fftG);
    expect(d.mean() / (lambda * sev.mean)).toBeCloseTo(1, 6);
    // Var S = λ E[X²] = λ (σ² + μ²)
    const ex2 = sev.mean ** 2 * (1 + sev.cv ** 2);
    const varS = d.secondMoment() - d.mean() ** 2;
    expect(varS / (lambda * ex2)).toBeCloseTo(1, 2);
  });

  it("negative binomial(r 2, β 1.5) × gamma: FFT and Panjer agree", () => {
    const r = 2;
    const beta = 1.5;
    const g = compound(f, negativeBinomialProbs(r, beta), N);
    const a = beta / (1 + beta);
    const p = panjer(f, a, (r - 1) * a, Math.pow(1 - beta * (f[0]! - 1), -r), N);
    let maxDiff = 0;
    for (let k = 0; k < N; k++) maxDiff = Math.max(maxDiff, Math.abs(g[k]! - p[k]!));
    expect(maxDiff).toBeLessThan(1e-10);
    expect(new LatticeDistribution(h, g).mean() / (r * beta * sev.mean)).toBeCloseTo(1, 5);
  });

  for (const [name, spec, draw] of [
    ["gamma(1000, cv 1.5)", sev, (rng: Xoshiro128ss) => gammaDraw(rng, 1 / 1.5 ** 2, 1000 * 1.5 ** 2)],
    ["lognormal(median 800, σ 1.2)", { dist: "lognormal", median: 800, sigma: 1.2, scaled: true } as const, (rng: Xoshiro128ss) => lognormal(rng, Math.log(800), 1.2)],
  ] as const) {
    it(`Poisson(3) × ${name}: mean within 3 s.e. and quantiles within MC error of a seeded brute-force simulation`, () => {
      const lat = new LatticeDistribution(h, compound(discretise(spec, h, 8000), poissonProbs(lambda), 1 << 16));
      const rng = Xoshiro128ss.derive(12, "aggregate-brute-force");
      const n = 40000;
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const k = poisson(rng, lambda);
        let s = 0;
        for (let j = 0; j < k; j++) s += draw(rng);
        xs[i] = s;
      }
      let mu = 0;
      for (const x of xs) mu += x;
      mu /= n;
      let v = 0;
      for (const x of xs) v += (x - mu) ** 2;
      const se = Math.sqrt(v / (n - 1) / n);
      expect(Math.abs(lat.mean() - mu)).toBeLessThan(3 * se);
      const sorted = Float64Array.from(xs).sort();
      for (const q of [0.1, 0.5, 0.9, 0.99]) {
        // Distribution-free: the lattice quantile lies between the order statistics at n·q ± 3√(nq(1−q)).
        const half = 3 * Math.sqrt(n * q * (1 - q));
        const lo = sorted[Math.floor(n * q - half)]!;
        const hi = sorted[Math.ceil(n * q + half)]!;
        const x = lat.quantile(q);
        expect(x, `q=${q}`).toBeGreaterThanOrEqual(lo - h);
        expect(x, `q=${q}`).toBeLessThanOrEqual(hi + h);
      }
    });
  }

  it("n-fold sums by FFT: mean n·E[X], and FieldAggregate's profiles convolve categories", () => {
    const two = new LatticeDistribution(h, nFold(f, 2, N));
    expect(two.mean() / (2 * sev.mean)).toBeCloseTo(1, 6);
    const agg = new FieldAggregate([sev, { dist: "constant", value: 5000 }], 1 << 13);
    expect(agg.sum([2, 1]).mean() / (2 * sev.mean + 5000)).toBeCloseTo(1, 4);
    expect(agg.sum([0, 2]).mean() / 10000).toBeCloseTo(1, 6);
  });
});

/** One cell of 10 000 persons, all enrolled, `lambda` episodes a year with constant costs. */
function scenario(scheme: string, lambda: number, claim: Record<string, unknown>, cellClaim: Record<string, unknown> = {}) {
  return parseScenario({
    id: "yearly-test",
    title: "yearly test",
    seed: 5,
    replicates: 400,
    years: 1,
    date: scheme === "gonghuibao" ? "2020-09-01" : "2024-01-01",
    population: { cells: [{ id: "all", count: 10000, person: { age: 40 }, claim: cellClaim }] },
    assumptions: {},
    options: [{ id: "o", label: "o", scheme, takeup: { model: "probability", probability: 1 }, claims: { frequency: lambda, severityScale: 1, categories: [{ name: "episode", weight: 1, claim }] }, adminRatio: 0 }],
  });
}

function expectedPerPerson(sc: ReturnType<typeof scenario>, mode: Mode = "fast"): number {
  const rows = runPlan(compile(sc.scenario, sc.options, mode), { replicates: 1, uncertainty: false });
  return rows[0]!.expectedBenefits / rows[0]!.expectedEnrolled;
}

describe("yearly deductibles and limits: a person's year is paid once", () => {
  it("the hand-computed two-episode person: 工惠保 pays 2 × 15 000 in-catalogue as 10 000 (per episode: 0)", () => {
    const g = getScheme("gonghuibao");
    const per = g.benefit(g.parseClaim({ inCatalogSelfPay: 15000, outOfCatalogSelfPay: 0 }), g.parsePerson({}), "2020-09-01").payout;
    const year = g.benefit(g.parseClaim({ inCatalogSelfPay: 30000, outOfCatalogSelfPay: 0 }), g.parsePerson({}), "2020-09-01").payout;
    expect(per).toBe(0);
    expect(year).toBe(10000);
    expect(g.yearlyFields).toContain("inCatalogSelfPay");
  });

  it("工惠保 in the engine: λ = 0.5 episodes of 15 000 元 give E[(15000 N − 20000)⁺] = 22500 e^{−½} − 12500", () => {
    const sc = scenario("gonghuibao", 0.5, { inCatalogSelfPay: 15000, outOfCatalogSelfPay: 0 });
    const hand = 22500 * Math.exp(-0.5) - 12500; // 1146.94 元 a person-year
    expect(expectedPerPerson(sc) / hand).toBeCloseTo(1, 5);
  });

  it("天一甬宁保 2024: two 5000 元 episodes are a 10 000 元 year (band 6000–20000 at 30 %: 1200 元)", () => {
    const lambda = 0.3;
    const sc = scenario("tianyi-yongningbao", lambda, { coveredCost: 5000 }, { preExisting: false });
    // E[0.3 (5000N − 6000)⁺ capped at the band edge 20000] by the Poisson terms.
    let hand = 0;
    let p = Math.exp(-lambda);
    for (let n = 0; n < 30; n++) {
      const c = 5000 * n;
      hand += p * (0.3 * Math.max(0, Math.min(c, 20000) - 6000) + 0.6 * Math.max(0, c - 20000));
      p *= lambda / (n + 1);
    }
    expect(expectedPerPerson(sc) / hand).toBeCloseTo(1, 5);
  });

  it("exact mode and the person oracle agree with the expectation (random costs, two fields)", () => {
    const sc = scenario("gonghuibao", 0.4, {
      inCatalogSelfPay: { dist: "lognormal", median: 9000, sigma: 1 },
      outOfCatalogSelfPay: { dist: "gamma", mean: 6000, cv: 2 },
    });
    const plan = compile(sc.scenario, sc.options, "exact");
    const exact = runPlan(plan, { replicates: 400, uncertainty: false, mode: "exact" });
    const person = runPlan(compile(sc.scenario, sc.options, "person"), { replicates: 150, uncertainty: false, mode: "person" });
    const e = exact[0]!.expectedBenefits;
    const sd = Math.sqrt(exact[0]!.processVarBenefits);
    for (const [rows, n] of [[exact, 400], [person, 150]] as const) {
      const m = rows.reduce((a, r) => a + r.benefits, 0) / n;
      expect(Math.abs(m - e)).toBeLessThan((3 * sd) / Math.sqrt(n));
      const s = Math.sqrt(rows.reduce((a, r) => a + (r.benefits - m) ** 2, 0) / (n - 1));
      expect(s / sd).toBeGreaterThan(0.8);
      expect(s / sd).toBeLessThan(1.2);
    }
  });
});
