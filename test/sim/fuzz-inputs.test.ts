/**
 * Issue 10, scenario and engine layer: every bad input found by fuzzing is refused with a
 * one-line InputError `<field path>: <what is wrong> (allowed: …; got …)` — never NaN rows, a
 * silent clamp or fallback, an internal error or a runaway allocation. Expected messages are
 * written out by hand from the allowed ranges (src/sim/limits.ts, src/sim/scenario.ts RANGES).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { getScheme } from "../../src/schemes/index.js";
import { InputError } from "../../src/rules/input-error.js";
import { pricingValues } from "../../src/sim/pricing.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario, parseScenarioText } from "../../src/sim/scenario.js";
import { solvePremium, validateTarget } from "../../src/sim/solve-premium.js";
import { messageOf } from "../helpers/input-error.js";

const fixture = readFileSync(new URL("../fixtures/small-gonghuibao.json", import.meta.url), "utf-8");
const base = () => JSON.parse(fixture);
const O = "scenario.options[0]";
const REF = ', or "$name" of an assumption';

/** A two-year version of the fixture with repricing (to reach the dynamics fields). */
function withReprice(reprice: object) {
  const s = base();
  s.years = 2;
  s.options[0].dynamics = { renewal: 0.8, reprice: { targetLossRatio: 0.8, ...reprice } };
  return s;
}

function grid(dimensions: number, levels: number) {
  const s = base();
  s.population = {
    grid: {
      total: 1000,
      dimensions: Array.from({ length: dimensions }, (_, d) => ({ name: `d${d}`, levels: Array.from({ length: levels }, (_, l) => ({ id: `l${l}`, share: 1 / levels })) })),
    },
  };
  return s;
}


type Case = [name: string, make: () => unknown, message: string | RegExp];

const scenarioCases: Case[] = [
  // Nonsense numbers that used to run with exit 0 (NaN benefits, negative or infinite cost, Poisson fallback).
  ["severityScale -1", () => { const s = base(); s.options[0].claims.severityScale = -1; return s; }, `${O}.claims.severityScale: out of range (allowed: a number > 0 and ≤ 100 (a multiplier)${REF}; got -1)`],
  ["severityScale 1e308", () => { const s = base(); s.options[0].claims.severityScale = 1e308; return s; }, `${O}.claims.severityScale: out of range (allowed: a number > 0 and ≤ 100 (a multiplier)${REF}; got 1e+308)`],
  ["severityScale without $", () => { const s = base(); s.options[0].claims.severityScale = "scale"; return s; }, `${O}.claims.severityScale: not a number or "$name" (allowed: a number > 0 and ≤ 100 (a multiplier)${REF}; got "scale")`],
  ["adminRatio -0.5", () => { const s = base(); s.options[0].adminRatio = -0.5; return s; }, `${O}.adminRatio: out of range (allowed: a number from 0 to 1 (a share of gross premium)${REF}; got -0.5)`],
  ["adminRatio 5", () => { const s = base(); s.options[0].adminRatio = 5; return s; }, `${O}.adminRatio: out of range (allowed: a number from 0 to 1 (a share of gross premium)${REF}; got 5)`],
  ["adminRatio 1e308", () => { const s = base(); s.options[0].adminRatio = 1e308; return s; }, `${O}.adminRatio: out of range (allowed: a number from 0 to 1 (a share of gross premium)${REF}; got 1e+308)`],
  ["dispersion -2", () => { const s = base(); s.options[0].claims.dispersion = -2; return s; }, `${O}.claims.dispersion: out of range (allowed: a number > 0 and ≤ 1000000 (a gamma shape; leave it out for Poisson counts)${REF}; got -2)`],
  ["dispersion 0", () => { const s = base(); s.options[0].claims.dispersion = 0; return s; }, `${O}.claims.dispersion: out of range (allowed: a number > 0 and ≤ 1000000 (a gamma shape; leave it out for Poisson counts)${REF}; got 0)`],
  ["frequency 1e9", () => { const s = base(); s.options[0].claims.frequency = 1e9; return s; }, `${O}.claims.frequency: out of range (allowed: a number from 0 to 1000 (claims per enrolled person-year)${REF}; got 1000000000)`],
  ["category weight -1", () => { const s = base(); s.options[0].claims.categories[0].weight = -1; return s; }, `${O}.claims.categories[0].weight: out of range (allowed: a number from 0 to 1 (a share of the option's claims)${REF}; got -1)`],
  ["cell severity 0", () => { const s = base(); s.population.cells[0].severity = 0; return s; }, "scenario.population.cells[0].severity: out of range (allowed: a number > 0 and ≤ 100 (a multiplier); got 0)"],
  ["cell takeupLogit 1e6", () => { const s = base(); s.population.cells[0].takeupLogit = 1e6; return s; }, "scenario.population.cells[0].takeupLogit: out of range (allowed: a number from -50 to 50 (on the logit scale); got 1000000)"],
  // Impossible dates.
  ["date 2023-02-30", () => ({ ...base(), date: "2023-02-30" }), 'scenario.date: not a calendar date (allowed: a date YYYY-MM-DD that exists, e.g. 2023-02-28; got "2023-02-30")'],
  ["date 2023-13-45", () => ({ ...base(), date: "2023-13-45" }), 'scenario.date: not a calendar date (allowed: a date YYYY-MM-DD that exists, e.g. 2023-02-28; got "2023-13-45")'],
  ["date a number", () => ({ ...base(), date: 20230101 }), "scenario.date: not a string (allowed: a calendar date YYYY-MM-DD; got 20230101)"],
  // Pricing fields of the scenario: no silent clamp of a zero target, no negative credibility.
  ["reprice targetLossRatio 0", () => withReprice({ targetLossRatio: 0 }), `${O}.dynamics.reprice.targetLossRatio: out of range (allowed: a number > 0 and ≤ 10${REF}; got 0)`],
  ["reprice credibility -3", () => withReprice({ credibility: -3 }), `${O}.dynamics.reprice.credibility: out of range (allowed: a number from 0 to 1${REF}; got -3)`],
  ["reprice maxChange 0", () => withReprice({ maxChange: 0 }), `${O}.dynamics.reprice.maxChange: out of range (allowed: a number > 0 and ≤ 10; got 0)`],
  // "$name" references resolve to own assumptions only.
  ...(["constructor", "toString", "hasOwnProperty", "__proto__"].map((name): Case => [
    `reference $${name}`,
    () => { const s = base(); s.options[0].claims.frequency = `$${name}`; return s; },
    `${O}.claims.frequency: unknown assumption (allowed: "$name" of an entry of scenario.assumptions: takeup, freq, scale; got "$${name}")`,
  ])),
  ["an assumption named __proto__", () => { const s = base(); s.assumptions = JSON.parse(`{"__proto__": {"value": 0.01, "rationale": "x"}, ${JSON.stringify(s.assumptions).slice(1)}`); return s; }, 'scenario.assumptions: "__proto__" is not allowed as a name (allowed: any other name; got "__proto__")'],
  ["a person field named __proto__", () => { const s = base(); s.population.cells[0].person = JSON.parse('{"__proto__": {"age": 200}}'); return s; }, 'scenario.population.cells[0].person: "__proto__" is not allowed as a name (allowed: any other name; got "__proto__")'],
  ["a top-level __proto__ key", () => JSON.parse(`{"__proto__": {"replicates": 5}, ${fixture.trim().slice(1)}`), /^scenario: unknown field\(s\) "__proto__" \(allowed: \$schema, id, title, description, seed, replicates, years, date, population, assumptions, options, calibration\)$/],
  ["an option-level __proto__ key", () => { const s = base(); s.options[0] = JSON.parse(`{"__proto__": {}, ${JSON.stringify(s.options[0]).slice(1)}`); return s; }, `${O}: unknown field(s) "__proto__" (allowed: id, label, scheme, reform, purchase, purchases, parameters, cells, takeup, claims, adminRatio, dynamics)`],
  // Bounds: head counts, cells, replicates, result rows.
  ["count 1e12", () => { const s = base(); s.population.cells[0].count = 1e12; return s; }, "scenario.population.cells[0].count: out of range (allowed: an integer from 0 to 2000000000 (persons); got 1000000000000)"],
  ["6-dimension grid of 10 levels", () => grid(6, 10), "scenario.population.grid.dimensions: too many cells (allowed: the product of the dimensions' level counts ≤ 20000; got 10 × 10 × 10 × 10 × 10 × 10 = 1000000)"],
  ["replicates 1000000", () => ({ ...base(), replicates: 1000000 }), "scenario.replicates: out of range (allowed: an integer from 1 to 100000; got 1000000)"],
  ["replicates × options over the row limit", () => { const s = base(); for (let i = 1; i < 6; i++) s.options.push({ ...s.options[0], id: `o${i}` }); s.replicates = 100000; return s; }, "scenario.replicates: too many result rows (allowed: replicates × options × years ≤ 500000; got 100000 × 6 × 1 = 600000)"],
  // zod's "expected int (missing)" for values that are present.
  ["count 1.5", () => { const s = base(); s.population.cells[0].count = 1.5; return s; }, "scenario.population.cells[0].count: not a whole number (allowed: an integer from 0 to 2000000000 (persons); got 1.5)"],
  ['count "100"', () => { const s = base(); s.population.cells[0].count = "100"; return s; }, 'scenario.population.cells[0].count: not a number (allowed: an integer from 0 to 2000000000 (persons); got "100")'],
  ["count null", () => { const s = base(); s.population.cells[0].count = null; return s; }, "scenario.population.cells[0].count: not a number (allowed: an integer from 0 to 2000000000 (persons); got null)"],
  ["count []", () => { const s = base(); s.population.cells[0].count = []; return s; }, "scenario.population.cells[0].count: not a number (allowed: an integer from 0 to 2000000000 (persons); got [])"],
  ["count missing", () => { const s = base(); delete s.population.cells[0].count; return s; }, "scenario.population.cells[0].count: missing (allowed: an integer from 0 to 2000000000 (persons))"],
  // Bounds that contradict the input.
  ["pareto alpha 1", () => { const s = base(); s.options[0].claims.categories[0].claim.inCatalogSelfPay = { dist: "pareto", xm: 1000, alpha: 1 }; return s; }, `${O}.claims.categories[0].claim.inCatalogSelfPay.alpha: out of range (allowed: a number > 1 and ≤ 100 (a tail index; > 1 for a finite mean); got 1)`],
  ["uniform claim min = max", () => { const s = base(); s.options[0].claims.categories[0].claim.inCatalogSelfPay = { dist: "uniform", min: 5, max: 5 }; return s; }, `${O}.claims.categories[0].claim.inCatalogSelfPay: min must be below max (allowed: min < max; got {"dist":"uniform","min":5,"max":5,"scaled":true})`],
  ["lognormal median 1e308", () => { const s = base(); s.options[0].claims.categories[0].claim.inCatalogSelfPay.median = 1e308; return s; }, `${O}.claims.categories[0].claim.inCatalogSelfPay.median: out of range (allowed: a number > 0 and ≤ 100000000; got 1e+308)`],
  // Unions and enums list their allowed values.
  ["prior dist gauss", () => { const s = base(); s.assumptions.takeup.prior = { dist: "gauss" }; return s; }, 'scenario.assumptions.takeup.prior.dist: not an allowed value (allowed: "fixed", "uniform", "triangular", "lognormal", "beta"; got "gauss")'],
  ["takeup model probit", () => { const s = base(); s.options[0].takeup.model = "probit"; return s; }, `${O}.takeup.model: not an allowed value (allowed: "probability", "logistic"; got "probit")`],
  ["claim dist weibull", () => { const s = base(); s.options[0].claims.categories[0].claim.inCatalogSelfPay = { dist: "weibull" }; return s; }, `${O}.claims.categories[0].claim.inCatalogSelfPay.dist: not an allowed value (allowed: "lognormal", "gamma", "pareto", "uniform"; got "weibull")`],
  ["claim field null", () => { const s = base(); s.options[0].claims.categories[0].claim.inCatalogSelfPay = null; return s; }, `${O}.claims.categories[0].claim.inCatalogSelfPay: not a claim field (allowed: a number, true/false, or {"dist": "lognormal" | "gamma" | "pareto" | "uniform", …}; got null)`],
  ["title 5", () => ({ ...base(), title: 5 }), 'scenario.title: not a label (allowed: a non-empty string, or {"zh": …, "en": …}; got 5)'],
  ["no options", () => ({ ...base(), options: [] }), "scenario.options: too few options (allowed: 1 to 50 options; got 0)"],
  ["option id with capitals", () => { const s = base(); s.options[0].id = "Base"; return s; }, `${O}.id: not in the allowed form (allowed: lower-case letters, digits and dashes; got "Base")`],
  ["unknown field of an option", () => { const s = base(); s.options[0].colour = "red"; return s; }, `${O}: unknown field(s) "colour" (allowed: id, label, scheme, reform, purchase, purchases, parameters, cells, takeup, claims, adminRatio, dynamics)`],
  // Assumptions: values and priors.
  ["assumption value a string", () => { const s = base(); s.assumptions.takeup.value = "abc"; return s; }, 'scenario.assumptions.takeup.value: not a number (allowed: a finite number; got "abc")'],
  ["lognormal prior sigma 0", () => { const s = base(); s.assumptions.freq.prior.sigma = 0; return s; }, "scenario.assumptions.freq.prior.sigma: out of range (allowed: a number > 0 and ≤ 5; got 0)"],
  ["uniform prior min > max", () => { const s = base(); s.assumptions.takeup.prior = { dist: "uniform", min: 0.4, max: 0.2 }; return s; }, "scenario.assumptions.takeup.prior: min must be below max (allowed: min < max; got min 0.4, max 0.2)"],
  ["beta prior alpha 0", () => { const s = base(); s.assumptions.takeup.prior = { dist: "beta", alpha: 0, beta: 2 }; return s; }, "scenario.assumptions.takeup.prior.alpha: out of range (allowed: a number > 0 and ≤ 1000000; got 0)"],
  // An assumption read where its values do not fit.
  ["a negative assumption as severityScale", () => { const s = base(); s.assumptions.neg = { value: -1, rationale: "x" }; s.options[0].claims.severityScale = "$neg"; return s; }, `${O}.claims.severityScale: reads $neg, whose point value is out of range (allowed: a number > 0 and ≤ 100 (a multiplier); got -1)`],
  ["a prior reaching past adminRatio's range", () => { const s = base(); s.assumptions.wide = { value: 0.1, prior: { dist: "uniform", min: 0, max: 2 }, rationale: "x" }; s.options[0].adminRatio = "$wide"; return s; }, `${O}.adminRatio: reads $wide, whose prior reaches [0, 2] (allowed: a number from 0 to 1 (a share of gross premium); got $wide ~ uniform(min 0, max 2))`],
  ["a lognormal prior far past severityScale's range", () => { const s = base(); s.assumptions.huge = { value: 50, prior: { dist: "lognormal", median: 50, sigma: 1 }, rationale: "x" }; s.options[0].claims.severityScale = "$huge"; return s; }, `${O}.claims.severityScale: reads $huge, whose prior reaches (0, 20171.4] (to its 1 − 1e-9 quantile) (allowed: a number > 0 and ≤ 100 (a multiplier); got $huge ~ lognormal(median 50, σ 1))`],
  ["a prior reaching above 1 for a probability", () => { const s = base(); s.assumptions.takeup.prior = { dist: "uniform", min: 0.2, max: 1.4 }; return s; }, `${O}.takeup.probability: reads $takeup, whose prior reaches [0.2, 1.4] (allowed: a number from 0 to 1 (a probability); got $takeup ~ uniform(min 0.2, max 1.4))`],
];

describe("bad scenarios: one-line InputError naming the field, the allowed values and the value given", () => {
  it.each(scenarioCases)("%s", (_name, make, message) => {
    const m = messageOf(() => parseScenario(make()));
    if (typeof message === "string") expect(m).toBe(message);
    else expect(m).toMatch(message);
    expect(m).not.toMatch(/[\r\n]/);
    expect(m).toContain("(allowed: ");
  });
});

describe("text and structure", () => {
  it("a UTF-8 byte-order mark before the JSON is accepted", () => {
    const { scenario } = parseScenarioText(`\uFEFF${fixture}`);
    expect(scenario.id).toBe("small-gonghuibao");
  });
  it("malformed JSON spanning lines gives a one-line message", () => {
    const m = messageOf(() => parseScenarioText('{\n  "id": x\n}'));
    expect(m).toMatch(/^scenario: not valid JSON \(allowed: a JSON object; got .+\)$/);
    expect(m).not.toMatch(/[\r\n]/);
  });
  it("attribute levels named like Object built-ins are data, not prototype members", () => {
    const s = base();
    s.population.cells[0].attributes = { age: "constructor" };
    s.population.cells[1].attributes = { age: "toString" };
    s.options[0].takeup.byAttribute = { age: { le50: 0.5 } };
    s.options[0].cells = { age: ["constructor", "toString"] };
    const { scenario, options } = parseScenario(s);
    const rows = runPlan(compile(scenario, options, "fast"), { replicates: 2 });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.population).toBe(100000);
    expect(Number.isFinite(rows[0]!.benefits)).toBe(true);
  });
});

describe("scenarios with figures and builders: __proto__ is refused, not dropped", () => {
  const figures = readFigures();
  const jiangshan = readFileSync(new URL("../../simulations/scenarios/jiangshan-80plus.json", import.meta.url), "utf-8");
  const withProto = (where: "top" | "option" | "builder") => {
    const s = JSON.parse(jiangshan);
    if (where === "top") return JSON.parse(`{"__proto__": {"replicates": 5}, ${JSON.stringify(s).slice(1)}`);
    if (where === "option") s.options[0] = JSON.parse(`{"__proto__": {}, ${JSON.stringify(s.options[0]).slice(1)}`);
    else s.population.options = JSON.parse(`{"__proto__": {}, ${JSON.stringify(s.population.options).slice(1)}`);
    return s;
  };
  it("the shipped scenario resolves and parses", () => {
    expect(() => parseScenario(resolveScenario(JSON.parse(jiangshan), figures))).not.toThrow();
  });
  it("top level", () => {
    expect(messageOf(() => parseScenario(resolveScenario(withProto("top"), figures)))).toMatch(/^scenario: unknown field\(s\) "__proto__" \(allowed: \$schema, id, /);
  });
  it("option level", () => {
    expect(messageOf(() => parseScenario(resolveScenario(withProto("option"), figures)))).toMatch(/^scenario\.options\[0\]: unknown field\(s\) "__proto__" \(allowed: id, label, /);
  });
  it("builder options", () => {
    expect(messageOf(() => parseScenario(resolveScenario(withProto("builder"), figures)))).toMatch(/^scenario\.population\.options: unknown field\(s\) "__proto__"/);
  });
});

describe("the engine refuses runs beyond its limits, before allocating", () => {
  const parsed = () => parseScenario(base());
  it("person mode over 10 000 000 persons", () => {
    const s = base();
    s.population.cells[0].count = 20_000_000;
    const { scenario, options } = parseScenario(s);
    const plan = compile(scenario, options, "person");
    expect(messageOf(() => runPlan(plan, { replicates: 1 }))).toBe(
      'mode: person mode draws every person: an option\'s cells hold at most 10000000 persons (got 20040000 in option "baseline"); use mode fast or exact',
    );
    // The aggregate modes handle the same cell.
    expect(runPlan(compile(scenario, options, "fast"), { replicates: 1 })).toHaveLength(1);
  });
  it("replicates 1 000 000 passed to the engine", () => {
    const { scenario, options } = parsed();
    expect(messageOf(() => runPlan(compile(scenario, options), { replicates: 1_000_000 }))).toBe("replicates: out of range (allowed: an integer from 1 to 100000; got 1000000)");
    expect(messageOf(() => runPlan(compile(scenario, options), { replicates: 2.5 }))).toBe("replicates: not a whole number (allowed: an integer from 1 to 100000; got 2.5)");
  });
  it("a drawn (or fixed) assumption outside its field's range", () => {
    const { scenario, options } = parsed();
    expect(messageOf(() => runPlan(compile(scenario, options), { replicates: 1, fix: { scale: -1 } }))).toBe(
      `${O}.claims.severityScale: reads $scale, drawn out of range in replicate 0 (allowed: a number > 0 and ≤ 100 (a multiplier); got -1)`,
    );
  });
});

describe("library pricing and solver inputs", () => {
  it("target loss ratio 0 is refused, not clamped", () => {
    expect(messageOf(() => validateTarget(0, undefined))).toBe("targetLossRatio: out of range (allowed: a loss ratio > 0 and ≤ 10, e.g. 0.85; got 0)");
  });
  it("solver tolerance and evaluation budget", () => {
    const { scenario, options } = parseScenario(base());
    const req = { scenario, options, option: "baseline", targetLossRatio: 0.85, replicates: 5 };
    expect(messageOf(() => solvePremium({ ...req, tolerance: -3 }))).toBe("tolerance: out of range (allowed: a number > 0 and < 0.1 (relative, on the multiplier); got -3)");
    expect(messageOf(() => solvePremium({ ...req, maxEvaluations: 0 }))).toBe("maxEvaluations: out of range (allowed: an integer from 2 to 1000; got 0)");
  });
  it("repricing multiplier and date", () => {
    const ghb = getScheme("gonghuibao");
    expect(messageOf(() => pricingValues(ghb, Number.NaN))).toBe("multiplier: out of range (allowed: a finite number > 0; got NaN)");
    expect(messageOf(() => pricingValues(ghb, 1, "2023-02-30"))).toBe('date: must be a calendar date YYYY-MM-DD (got "2023-02-30")');
    expect(messageOf(() => pricingValues(ghb, 1, "1990-01-01"))).toMatch(/^date: before the first version of gonghuibao\.[a-zA-Z.]+ \(allowed: a date on or after \d{4}-\d{2}-\d{2}; got "1990-01-01"\)$/);
  });
});
