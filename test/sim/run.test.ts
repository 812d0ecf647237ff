/**
 * The engine against independent truths: the person-by-person oracle, Panjer's recursion for a
 * compound Poisson total, the payer ledger identity, determinism and stream independence.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mean, sampleStandardDeviation, quantileSorted } from "simple-statistics";
import { parseScenario, parseScenarioText } from "../../src/sim/scenario.js";
import { compile, runPlan, type Mode, type ReplicateRow } from "../../src/sim/run.js";
import { chiSquareDiscrete } from "../helpers/stats-tests.js";
import { PAYERS } from "../../src/sim/run.js";

const fixture = readFileSync(new URL("../fixtures/small-gonghuibao.json", import.meta.url), "utf-8");

function run(text: string | object, mode: Mode, opts: Parameters<typeof runPlan>[1] = {}): ReplicateRow[] {
  const { scenario, options } = typeof text === "string" ? parseScenarioText(text) : parseScenario(text);
  return runPlan(compile(scenario, options, mode), { mode, ...opts });
}

const metric = (rows: ReplicateRow[], f: (r: ReplicateRow) => number) => rows.map(f);

/** Two-sample z of means (Welch). */
function zOfMeans(a: number[], b: number[]): number {
  const se = Math.sqrt(sampleStandardDeviation(a) ** 2 / a.length + sampleStandardDeviation(b) ** 2 / b.length);
  return (mean(a) - mean(b)) / se;
}

/**
 * Distribution-free check that two samples share their q-quantile: each sample's order-statistic
 * interval at rank n·q ± 3·√(n·q·(1−q)) must overlap the other's.
 */
function quantilesAgree(a: number[], b: number[], q: number): boolean {
  const interval = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    const n = s.length;
    const half = 3 * Math.sqrt(n * q * (1 - q));
    const lo = s[Math.max(0, Math.floor(n * q - half))]!;
    const hi = s[Math.min(n - 1, Math.ceil(n * q + half))]!;
    return [lo, hi] as const;
  };
  const [alo, ahi] = interval(a);
  const [blo, bhi] = interval(b);
  return alo <= bhi && blo <= ahi;
}

describe("fast and exact modes agree with the person oracle (100 000 persons, 工惠保)", () => {
  const person = run(fixture, "person", { replicates: 300, uncertainty: false });
  for (const mode of ["fast", "exact"] as const) {
    const rows = run(fixture, mode, { replicates: 2000, seed: 7, uncertainty: false });
    for (const [name, f] of [
      ["benefits", (r: ReplicateRow) => r.benefits],
      ["loss ratio", (r: ReplicateRow) => r.lossRatio!],
      ["enrolled", (r: ReplicateRow) => r.enrolled],
    ] as const) {
      it(`${mode}: mean ${name} within 3 standard errors of the oracle`, () => {
        expect(Math.abs(zOfMeans(metric(rows, f), metric(person, f)))).toBeLessThan(3);
      });
      it(`${mode}: ${name} quantiles 5–95 % within Monte Carlo error of the oracle`, () => {
        for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(quantilesAgree(metric(rows, f), metric(person, f), q), `q=${q}`).toBe(true);
      });
    }
    it(`${mode}: the spread of benefits matches the analytic process sd within 10 %`, () => {
      const sd = sampleStandardDeviation(metric(rows, (r) => r.benefits));
      expect(sd / Math.sqrt(rows[0]!.processVarBenefits)).toBeGreaterThan(0.9);
      expect(sd / Math.sqrt(rows[0]!.processVarBenefits)).toBeLessThan(1.1);
    });
  }
});

/** A 灵活保 cell with constant claims: payouts 1000 (medical), 30000 (grade 10), 300000 (death). */
function panjerScenario(frequency: number) {
  return {
    id: "panjer",
    title: "compound Poisson check",
    seed: 11,
    replicates: 4000,
    date: "2023-01-01",
    population: { cells: [{ id: "all", count: 10000, person: { age: 30 } }] },
    options: [
      {
        id: "lhb",
        label: "灵活保",
        scheme: "linghuobao",
        takeup: { model: "probability", probability: 1 },
        claims: {
          frequency,
          categories: [
            { name: "medical", weight: 0.8, claim: { medicalCost: 1000 } },
            { name: "grade10", weight: 0.15, claim: { medicalCost: 0, disabilityGrade: 10 } },
            { name: "death", weight: 0.05, claim: { medicalCost: 0, death: true } },
          ],
        },
      },
    ],
  };
}

/** Panjer recursion for a compound Poisson(λ) sum of severities on the lattice {1, 30, 300} (×1000 元). */
function panjer(lambda: number, severity: Map<number, number>, max: number): Float64Array {
  const f = new Float64Array(max + 1);
  f[0] = Math.exp(-lambda);
  for (let s = 1; s <= max; s++) {
    let acc = 0;
    for (const [j, pj] of severity) if (j <= s) acc += j * pj * f[s - j]!;
    f[s] = (lambda / s) * acc;
  }
  return f;
}

describe("a compound-Poisson cell total matches Panjer's recursion", () => {
  const lambda = 10000 * 0.002; // enrolled × frequency = 20 claims expected
  const pmf = panjer(lambda, new Map([[1, 0.8], [30, 0.15], [300, 0.05]]), 20000);
  const exactMean = lambda * (0.8 * 1 + 0.15 * 30 + 0.05 * 300); // = 20 × 20.3 = 406 (×1000 元)
  const exactVar = lambda * (0.8 * 1 + 0.15 * 900 + 0.05 * 90000); // = 20 × 4635.8 = 92716

  it("Panjer's pmf has the compound Poisson mean and variance (check of the oracle itself)", () => {
    let m = 0;
    let m2 = 0;
    pmf.forEach((p, s) => {
      m += p * s;
      m2 += p * s * s;
    });
    expect(m).toBeCloseTo(exactMean, 6);
    expect(m2 - m * m).toBeCloseTo(exactVar, 3);
  });

  it("expects 10000·(1 − e^−0.002) = 19.980013 claimants (Poisson) and fewer with frailty", () => {
    const [row] = run(panjerScenario(0.002), "fast", { replicates: 1 });
    expect(row!.expectedClaimants).toBeCloseTo(10000 * (1 - Math.exp(-0.002)), 6);
    const s = panjerScenario(0.002) as any;
    s.options[0].claims.dispersion = 0.5;
    const [nb] = run(s, "fast", { replicates: 1 });
    // Negative binomial (shape 0.5): P(N ≥ 1) = 1 − (1 + 0.002/0.5)^−0.5
    expect(nb!.expectedClaimants).toBeCloseTo(10000 * (1 - (1 + 0.002 / 0.5) ** -0.5), 6);
  });

  it("exact mode: totals pass a chi-square test against the Panjer pmf", () => {
    const rows = run(panjerScenario(0.002), "exact");
    const totals = rows.map((r) => Math.round(r.benefits / 1000));
    const result = chiSquareDiscrete(totals, (k) => Math.log(pmf[k] ?? 0), 0, 20000, 5);
    expect(result.pValue).toBeGreaterThan(0.001);
  });

  it("fast mode: totals have the Panjer mean and variance (3 standard errors)", () => {
    const rows = run(panjerScenario(0.002), "fast");
    const totals = rows.map((r) => r.benefits / 1000);
    const se = Math.sqrt(exactVar / totals.length);
    expect(Math.abs(mean(totals) - exactMean)).toBeLessThan(3 * se);
    const sd = sampleStandardDeviation(totals);
    expect(sd / Math.sqrt(exactVar)).toBeGreaterThan(0.93);
    expect(sd / Math.sqrt(exactVar)).toBeLessThan(1.07);
  });
});

describe("payer ledger", () => {
  const scenario = {
    id: "ledger",
    title: "ledger",
    seed: 5,
    replicates: 50,
    date: "2020-09-01",
    population: {
      cells: [
        { id: "card", count: 5000, person: { age: 35, bankOfNingboCardHolder: true } },
        { id: "nocard-old", count: 3000, person: { age: 60 } },
      ],
    },
    assumptions: { p: { value: 0.4, prior: { dist: "uniform", min: 0.2, max: 0.6 }, rationale: "test" } },
    options: [
      {
        id: "ghb",
        label: "工惠保",
        scheme: "gonghuibao",
        takeup: { model: "probability", probability: "$p" },
        claims: { frequency: 0.01, categories: [{ name: "c", weight: 1, claim: { inCatalogSelfPay: { dist: "lognormal", median: 20000, sigma: 1 }, outOfCatalogSelfPay: 0 } }] },
      },
    ],
  };

  it("premium = net paid by the insured + each subsidy, in every replicate", () => {
    const rows = run(scenario, "fast");
    for (const r of rows) {
      const subsidies = PAYERS.reduce((a, p) => a + r.subsidies[p], 0);
      expect(Math.abs(r.gross - (r.net + subsidies))).toBeLessThan(1e-6 * Math.max(1, r.gross));
    }
  });

  it("books 工惠保's bank subsidy at 30 元 per enrolled card holder and 68/168 元 gross", () => {
    const { scenario: s, options } = parseScenario({ ...scenario, replicates: 1 });
    const plan = compile(s, options, "fast");
    const [row] = runPlan(plan, { uncertainty: false });
    // Enrolled card holders pay 68 − 30; enrolled over-50s pay 168 (no card).
    const cards = plan.options[0]!.cells[0]!.years[0]!.premiums.get(0)!;
    const old = plan.options[0]!.cells[1]!.years[0]!.premiums.get(0)!;
    expect([cards.gross, cards.net, old.gross, old.net]).toEqual([68, 38, 168, 168]);
    // The bank pays 30 元 per enrolled card holder, so it reveals how many of them enrolled.
    const cardEnrolled = row!.subsidies.bank / 30;
    const oldEnrolled = row!.enrolled - cardEnrolled;
    expect(Number.isInteger(cardEnrolled) && cardEnrolled > 0 && oldEnrolled > 0).toBe(true);
    expect(row!.gross).toBe(68 * cardEnrolled + 168 * oldEnrolled);
    expect(row!.net).toBe(38 * cardEnrolled + 168 * oldEnrolled);
  });
});

describe("determinism and streams", () => {
  it("same scenario + seed ⇒ identical rows; another seed differs", () => {
    const a = run(fixture, "fast", { replicates: 30 });
    const b = run(fixture, "fast", { replicates: 30 });
    const c = run(fixture, "fast", { replicates: 30, seed: 43 });
    expect(b).toEqual(a);
    expect(c.map((r) => r.benefits)).not.toEqual(a.map((r) => r.benefits));
  });

  it("a replicate range reproduces the same rows as the full run (work can be split)", () => {
    const all = run(fixture, "exact", { replicates: 12 });
    const { scenario, options } = parseScenarioText(fixture);
    const plan = compile(scenario, options, "exact");
    const parts = [...runPlan(plan, { range: [0, 5] }), ...runPlan(plan, { range: [5, 12] })];
    expect(parts).toEqual(all);
  });

  it("parameter uncertainty widens the spread beyond process noise", () => {
    const withU = run(fixture, "fast", { replicates: 400 });
    const without = run(fixture, "fast", { replicates: 400, uncertainty: false });
    const sdWith = sampleStandardDeviation(withU.map((r) => r.benefits));
    const sdWithout = sampleStandardDeviation(without.map((r) => r.benefits));
    expect(sdWith).toBeGreaterThan(2 * sdWithout);
    // The conditional expectations vary only with uncertainty on.
    expect(sampleStandardDeviation(without.map((r) => r.expectedBenefits))).toBe(0);
    expect(quantileSorted([...withU.map((r) => r.expectedBenefits)].sort((x, y) => x - y), 0.5)).toBeGreaterThan(0);
  });
});

describe("bad scenarios fail with a message naming the field", () => {
  const base = JSON.parse(fixture);
  const cases: [string, (s: any) => void, RegExp][] = [
    ["missing field", (s) => delete s.seed, /^scenario\.seed: missing \(allowed: an integer from 0 to 9007199254740991\)$/],
    ["negative count", (s) => (s.population.cells[0].count = -5), /scenario\.population\.cells\[0\]\.count: out of range \(allowed: an integer from 0 to 2000000000 \(persons\); got -5\)/],
    ["probability > 1", (s) => (s.options[0].takeup = { model: "probability", probability: 1.2 }), /scenario\.options\[0\]\.takeup\.probability: out of range \(allowed: a number from 0 to 1 \(a probability\), or "\$name" of an assumption; got 1\.2\)/],
    ["prior reaching above 1", (s) => (s.assumptions.takeup.prior = { dist: "uniform", min: 0.2, max: 1.4 }), /takeup\.probability: reads \$takeup, whose prior reaches \[0\.2, 1\.4\]/],
    ["unknown scheme", (s) => (s.options[0].scheme = "huimin"), /scenario\.options\[0\]\.scheme: unknown scheme "huimin"/],
    ["unknown reform path", (s) => (s.options[0].reform = { "gonghuibao.nope": 1 }), /scenario\.options\[0\]\.reform\.gonghuibao\.nope: unknown parameter/],
    ["out-of-range reform", (s) => (s.options[0].reform = { "gonghuibao.outOfCatalog.rate": 3 }), /reform\.gonghuibao\.outOfCatalog\.rate: must be a number from 0 to 1/],
    ["unknown claim field", (s) => (s.options[0].claims.categories[0].claim.bogus = 3), /claims\.categories\[0\]\.claim: .*bogus/],
    ["unknown $reference", (s) => (s.options[0].claims.frequency = "$nope"), /scenario\.options\[0\]\.claims\.frequency: unknown assumption \(allowed: "\$name" of an entry of scenario\.assumptions: takeup, freq, scale; got "\$nope"\)/],
    ["unknown top-level field", (s) => (s.colour = "red"), /^scenario: unknown field\(s\) "colour" \(allowed: \$schema, id, title, .*calibration\)$/],
  ];
  for (const [name, mutate, message] of cases) {
    it(name, () => {
      const s = structuredClone(base);
      mutate(s);
      expect(() => parseScenario(s)).toThrow(message);
    });
  }
  it("malformed JSON", () => {
    expect(() => parseScenarioText("{ not json")).toThrow(/^scenario: not valid JSON \(allowed: a JSON object; got [^\n]*\)$/);
  });
});

describe("common random numbers", () => {
  it("a baseline and a reform share draws, so their difference is far less noisy than independent runs", () => {
    const s = JSON.parse(fixture);
    const reform = structuredClone(s.options[0]);
    reform.id = "reform";
    reform.reform = { "gonghuibao.outOfCatalog.rate": 0.85 };
    s.options.push(reform);
    const rows = run(s, "fast", { replicates: 300, uncertainty: false });
    const base = rows.filter((r) => r.option === "baseline");
    const ref = rows.filter((r) => r.option === "reform");
    // Same people, same take-up draws: enrolment is identical; only the payout rule differs.
    expect(ref.map((r) => r.enrolled)).toEqual(base.map((r) => r.enrolled));
    expect(ref.map((r) => r.claims)).toEqual(base.map((r) => r.claims));
    const paired = ref.map((r, i) => r.benefits - base[i]!.benefits);
    const independent = run(JSON.parse(fixture), "fast", { replicates: 300, uncertainty: false, seed: 999 });
    const unpaired = ref.map((r, i) => r.benefits - independent[i]!.benefits);
    // Paying 85 % instead of 75 % out of catalogue can only raise benefits, replicate by replicate.
    expect(Math.min(...paired)).toBeGreaterThanOrEqual(0);
    expect(sampleStandardDeviation(paired)).toBeLessThan(0.3 * sampleStandardDeviation(unpaired));
  });
});

describe("benefit tables kept across compiles", () => {
  it("reuse tables when only assumptions change, and give the same rows as a fresh compile", () => {
    const cache = new Map();
    const a = parseScenarioText(fixture);
    const first = compile(a.scenario, a.options, "fast", {}, cache);
    runPlan(first, { replicates: 5 });
    const size = cache.size;
    const changed = JSON.parse(fixture);
    changed.assumptions.freq.value = 0.02;
    changed.assumptions.freq.prior.median = 0.02;
    const b = parseScenario(changed);
    const cached = runPlan(compile(b.scenario, b.options, "fast", {}, cache), { replicates: 20 });
    expect(cache.size).toBe(size); // no new tables
    const fresh = runPlan(compile(b.scenario, b.options, "fast"), { replicates: 20 });
    expect(cached).toEqual(fresh);
    // A reform changes the rules: new tables.
    changed.options[0].reform = { "gonghuibao.outOfCatalog.rate": 0.8 };
    const c = parseScenario(changed);
    compile(c.scenario, c.options, "fast", {}, cache);
    expect(cache.size).toBeGreaterThan(size);
  });
});
