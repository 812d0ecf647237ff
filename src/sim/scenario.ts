/**
 * Scenario files (simulations/scenarios/*.json): the schema, validated on load with clear errors
 * naming the field. A scenario names its population (explicit cells or a grid of dimensions),
 * its policy options (a scheme from the rules module, an optional reform, a take-up model and a
 * claims model), its assumptions with priors, years and seed.
 *
 * Numbers in the take-up and claims models are literals or references to a named assumption
 * ("$name"): each replicate draws every assumption from its prior (the outer loop of parameter
 * uncertainty), and the models read the drawn values.
 */
import { z } from "zod";
import { isIsoDate } from "../rules/dates.js";
import { InputError } from "../rules/input-error.js";
import { applyReform, type AnyScheme } from "../rules/index.js";
import { getScheme } from "../schemes/index.js";
import { describeIssue, describeRange, got, inRange, list, NAME, num, numRef, pathText, pattern, problem, protoKeyPath, strict, text, type Range } from "./issues.js";
import * as L from "./limits.js";
import { priorSupport, validatePrior } from "./priors.js";
import { detExp } from "./detmath.js";
import { priorText as vocabularyPriorText } from "../vocabulary/priors.js";

const isoDate = z.string({ error: (iss) => problem("not a string", "a calendar date YYYY-MM-DD", iss.input) }).refine(isIsoDate, {
  error: (iss) => problem("not a calendar date", "a date YYYY-MM-DD that exists, e.g. 2023-02-28", iss.input),
});
const BILINGUAL = 'a non-empty string, or {"zh": …, "en": …}';
const bilingual = z.union([text(BILINGUAL), strict({ zh: text(), en: text() })], {
  error: (iss) => (iss.code === "invalid_union" ? problem("not a label", BILINGUAL, iss.input) : undefined),
});
const dashId = pattern(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes");

/** The allowed range of every number the scenario reads (literal, or an assumption's draws). */
export const RANGES = {
  probability: { min: 0, max: 1, unit: "a probability" },
  logit: { min: -L.MAX_LOGIT, max: L.MAX_LOGIT, unit: "on the logit scale" },
  elasticity: { min: -L.MAX_ELASTICITY, max: L.MAX_ELASTICITY },
  price: { min: 0, max: L.MAX_AMOUNT, minOpen: true, unit: "元" },
  frequency: { min: 0, max: L.MAX_FREQUENCY, unit: "claims per enrolled person-year" },
  frequencyMultiplier: { min: 0, max: L.MAX_FREQUENCY, unit: "a multiplier" },
  purchases: { min: 0, max: L.MAX_PURCHASES, minOpen: true, unit: "purchases per enrolled person a year" },
  severity: { min: 0, max: L.MAX_SEVERITY, minOpen: true, unit: "a multiplier" },
  dispersion: { min: 0, max: L.MAX_DISPERSION, minOpen: true, unit: "a gamma shape; leave it out for Poisson counts" },
  share: { min: 0, max: 1, unit: "a share of the option's claims" },
  rate: { min: 0, max: L.MAX_WEIGHT, unit: "claims per claim of the shared categories" },
  adminRatio: { min: 0, max: 1, unit: "a share of gross premium" },
  targetLossRatio: { min: L.TARGET_LOSS_RATIO.min, max: L.TARGET_LOSS_RATIO.max, minOpen: true },
  credibility: { min: 0, max: 1 },
} as const satisfies Record<string, Range>;

const finite = num();
const amount = (r: Range = {}) => num({ min: 0, max: L.MAX_AMOUNT, minOpen: true, ...r });

export const priorSchema = z.discriminatedUnion("dist", [
  strict({ dist: z.literal("fixed") }),
  strict({ dist: z.literal("uniform"), min: finite, max: finite }),
  strict({ dist: z.literal("triangular"), min: finite, mode: finite, max: finite }),
  /**
   * A lognormal is centred on its `median` or on its `mean` (give exactly one). A `mean` is
   * turned into the median mean·e^(−σ²/2) on parsing, so draws average to the stated mean; the
   * mean is kept beside it for display.
   */
  strict({
    dist: z.literal("lognormal"),
    median: num({ min: 0, minOpen: true }).optional(),
    mean: num({ min: 0, minOpen: true }).optional(),
    sigma: num({ min: 0, max: L.MAX_SIGMA, minOpen: true }),
  })
    .refine((p) => (p.median === undefined) !== (p.mean === undefined), {
      error: (iss) => problem("give exactly one of median or mean", '{"dist": "lognormal", "mean": 1, "sigma": 0.3} or {"dist": "lognormal", "median": 1, "sigma": 0.3}', iss.input),
    })
    .transform((p) => (p.mean === undefined ? { dist: p.dist, median: p.median!, sigma: p.sigma } : { dist: p.dist, median: lognormalMedianOfMean(p.mean, p.sigma), sigma: p.sigma, mean: p.mean })),
  strict({ dist: z.literal("beta"), alpha: num({ min: 0, max: L.MAX_BETA_SHAPE, minOpen: true }), beta: num({ min: 0, max: L.MAX_BETA_SHAPE, minOpen: true }) }),
]);

/** The median of a lognormal with this mean and log-sd: mean·e^(−σ²/2). */
export function lognormalMedianOfMean(mean: number, sigma: number): number {
  return mean * detExp(-(sigma * sigma) / 2);
}

export const assumptionSchema = strict({
  /**
   * Point value: used when uncertainty is off, and as the centre of sensitivity analysis. Where a
   * lognormal prior is given by its `mean`, the value must be that mean (within 1e-9), so the
   * mean of the draws and the point value agree.
   */
  value: finite,
  prior: priorSchema.default({ dist: "fixed" }),
  label: bilingual.optional(),
  /** Why this value and this prior (one line): a string, or {"zh": …, "en": …} so pages show it in both languages. */
  rationale: bilingual,
  /** A figure id in data/figures.csv, or a citation, when the prior is anchored on one. */
  source: z.string().optional(),
});

/** A number or a reference to an assumption: "$name". */
export const numSchema = numRef();
export type Num = z.infer<typeof numSchema>;

const ATTR = "a string, a number or true/false";
const attrValue = z.union([z.string(), finite, z.boolean()], { error: (iss) => (iss.code === "invalid_union" ? problem("not an attribute value", ATTR, iss.input) : undefined) });
const claimConstant = z.union([finite, z.boolean()], { error: (iss) => (iss.code === "invalid_union" ? problem("not a claim value", "a number or true/false", iss.input) : undefined) });

/** Multipliers and offsets a cell (or a grid level) applies to the option models. */
const modifiers = {
  /** Multiplies the claim frequency. */
  frequency: num(RANGES.frequencyMultiplier).optional(),
  /** Multiplies monetary claim amounts. */
  severity: num(RANGES.severity).optional(),
  /** Added to the take-up logit. */
  takeupLogit: num(RANGES.logit).optional(),
};

const persons = num({ min: 0, max: L.MAX_PERSONS, int: true, unit: "persons" });

export const cellSchema = strict({
  id: text(),
  count: persons,
  attributes: z.record(z.string(), attrValue).default({}),
  /** The representative person passed to each scheme's rules (scheme defaults fill the rest). */
  person: z.record(z.string(), z.unknown()).default({}),
  /** Purchase terms of this cell's enrollees (days, orders a year …), over the option's. */
  purchase: z.record(z.string(), z.unknown()).default({}),
  /** Claim fields every claim of this cell carries unless its category sets them (e.g. preExisting). */
  claim: z.record(z.string(), claimConstant).default({}),
  ...modifiers,
});

const levelSchema = strict({
  id: text(),
  share: num({ min: 0, max: 1, unit: "a share" }),
  attributes: z.record(z.string(), attrValue).default({}),
  person: z.record(z.string(), z.unknown()).default({}),
  purchase: z.record(z.string(), z.unknown()).default({}),
  claim: z.record(z.string(), claimConstant).default({}),
  ...modifiers,
});

export const gridSchema = strict({
  total: persons,
  dimensions: list(strict({ name: text(), levels: list(levelSchema, 1, L.MAX_CELLS, "levels") }), 1, 64, "dimensions"),
  /** Person attributes shared by every cell. */
  person: z.record(z.string(), z.unknown()).default({}),
});

export const populationSchema = strict({
  cells: list(cellSchema, 1, L.MAX_CELLS, "cells").optional(),
  grid: gridSchema.optional(),
}).refine((p) => (p.cells ? 1 : 0) + (p.grid ? 1 : 0) === 1, {
  error: (iss) => problem("give exactly one of cells or grid", '{"cells": […]} or {"grid": {…}}', iss.input),
});

const byAttribute = (r: Range) => z.record(z.string(), z.record(z.string(), numRef(r)));

export const takeupSchema = z.discriminatedUnion("model", [
  /** A probability, optionally per attribute level (group enrolment, mandatory participation). */
  strict({ model: z.literal("probability"), probability: numRef(RANGES.probability), byAttribute: byAttribute(RANGES.probability).optional() }),
  /**
   * Logistic: logit p = intercept + Σ offsets(level) + cell.takeupLogit
   *                    + priceElasticity × ln(net premium / referencePrice).
   */
  strict({
    model: z.literal("logistic"),
    intercept: numRef(RANGES.logit),
    priceElasticity: numRef(RANGES.elasticity).optional(),
    referencePrice: num(RANGES.price).optional(),
    offsets: byAttribute(RANGES.logit).optional(),
  }),
]);

/**
 * A claim field: a constant, or a distribution of an amount. Distribution parameters are literal
 * numbers (cost-level uncertainty enters through `severityScale`, which may be an assumption), so
 * the benefit quadrature of a category can be computed once and reused for every replicate.
 * `scaled` (default true) multiplies the amount by the cell's severity scale.
 */
const FIELD = 'a number, true/false, or {"dist": "lognormal" | "gamma" | "pareto" | "uniform", …}';
const fieldSchema = z.union(
  [
    finite,
    z.boolean(),
    z.discriminatedUnion("dist", [
      strict({ dist: z.literal("lognormal"), median: amount(), sigma: num({ min: 0, max: L.MAX_SIGMA, minOpen: true }), scaled: z.boolean().default(true) }),
      strict({ dist: z.literal("gamma"), mean: amount(), cv: num({ min: 0, max: L.MAX_CV, minOpen: true }), scaled: z.boolean().default(true) }),
      strict({ dist: z.literal("pareto"), xm: amount(), alpha: num({ min: 1, max: L.MAX_PARETO_ALPHA, minOpen: true, unit: "a tail index; > 1 for a finite mean" }), scaled: z.boolean().default(true) }),
      strict({ dist: z.literal("uniform"), min: num({ min: 0, max: L.MAX_AMOUNT }), max: amount(), scaled: z.boolean().default(true) }).refine((u) => u.min < u.max, {
        error: (iss) => problem("min must be below max", "min < max", iss.input),
      }),
    ]),
  ],
  { error: (iss) => (iss.code === "invalid_union" ? problem("not a claim field", FIELD, iss.input) : undefined) },
);

export const claimsSchema = strict({
  /** Expected claims per enrolled person per year. */
  frequency: numRef(RANGES.frequency),
  frequencyBy: byAttribute(RANGES.frequencyMultiplier).optional(),
  /** Gamma frailty shape of the cell's claim rate (negative binomial counts); absent: Poisson. */
  dispersion: numRef(RANGES.dispersion).optional(),
  /** Multiplier on monetary claim fields (uncertainty in cost levels). */
  severityScale: numRef(RANGES.severity).default(1),
  severityBy: byAttribute(RANGES.severity).optional(),
  /**
   * Claim categories. A category is either a *share* of the option's claims (`weight`: the
   * shares sum to 1 within {@link SHARE_TOLERANCE} — never renormalised; a category may take
   * `{"rest": p}`, the fraction p of what the explicit shares leave, the `rest` fractions summing
   * to 1) or a *rate*: claims in addition to the shared ones, per shared claim (`rate`: e.g.
   * off-order injuries "per on-order injury claim"), so an option's expected claims per person-year
   * are frequency × (1 + Σ rates).
   */
  categories: list(
    strict({
      name: text(),
      weight: z.union([numRef(RANGES.share), strict({ rest: num({ min: 0, max: 1, minOpen: true, unit: "a fraction of the rest" }) })], {
        error: (iss) => (iss.code === "invalid_union" ? problem("not a share", 'a share from 0 to 1, "$name", or {"rest": <fraction>}', iss.input) : undefined),
      }).optional(),
      rate: numRef(RANGES.rate).optional(),
      /** The claim passed to the scheme's benefit rule: field → constant or distribution. */
      claim: z.record(z.string(), fieldSchema),
    }).refine((c) => (c.weight === undefined) !== (c.rate === undefined), {
      error: (iss) => problem("give exactly one of weight (a share of the claims) or rate (claims per shared claim)", '{"weight": 0.9, …} or {"rate": 0.1, …}', iss.input),
    }),
    1,
    L.MAX_CATEGORIES,
    "categories",
  ),
});

/** How far the category shares of an option may sum from 1. */
export const SHARE_TOLERANCE = 1e-6;

/** Kinds of claim category: an explicit share, a fraction of the rest, a rate per shared claim. */
export const SHARE = 0;
export const REST = 1;
export const RATE = 2;

/** The kind of each category (SHARE, REST or RATE). */
export function categoryKinds(categories: readonly { weight?: Num | { rest: number } | undefined; rate?: Num | undefined }[]): Uint8Array {
  return Uint8Array.from(categories, (c) => (c.rate !== undefined ? RATE : typeof c.weight === "object" ? REST : SHARE));
}

/**
 * Turns category values (a share, a rest fraction or a rate, by `kinds`) into the probability that
 * a claim falls in each category (written into `out`, summing to 1) and returns the claim-count
 * multiplier 1 + Σ rates. Shares are never rescaled: explicit shares must sum to 1 within
 * SHARE_TOLERANCE (or to at most 1 when there are rest categories, which share what is left by
 * their fractions). Returns a one-line problem text instead when the values do not fit.
 */
export function mixCategories(kinds: Uint8Array, values: ArrayLike<number>, out: Float64Array): number | string {
  const n = kinds.length;
  let shares = 0;
  let restFractions = 0;
  let rates = 0;
  let nShares = 0;
  for (let c = 0; c < n; c++) {
    const v = values[c]!;
    const k = kinds[c]!;
    if (k === SHARE) {
      shares += v;
      nShares++;
    } else if (k === REST) restFractions += v;
    else rates += v;
  }
  const hasRest = restFractions > 0;
  if (nShares === 0 && !hasRest) return `no category takes a share of the claims (allowed: at least one category with "weight"; got only rates)`;
  if (hasRest) {
    if (Math.abs(restFractions - 1) > SHARE_TOLERANCE) return `the "rest" fractions sum to ${restFractions} (allowed: fractions summing to 1 within ${SHARE_TOLERANCE})`;
    if (shares > 1 + SHARE_TOLERANCE) return `the category shares sum to ${shares}, leaving nothing for the "rest" categories (allowed: explicit shares summing to at most 1)`;
  } else if (Math.abs(shares - 1) > SHARE_TOLERANCE) {
    return `the category shares sum to ${shares} (allowed: shares summing to 1 within ${SHARE_TOLERANCE}, never rescaled; give a category {"rest": 1} to take what the others leave, or make additional claims a "rate")`;
  }
  const rest = hasRest ? Math.max(0, 1 - shares) : 0;
  const m = 1 + rates;
  for (let c = 0; c < n; c++) {
    const v = values[c]!;
    const k = kinds[c]!;
    out[c] = (k === REST ? (v / restFractions) * rest : v) / m;
  }
  return m;
}

export const optionSchema = strict({
  id: dashId,
  label: bilingual,
  scheme: text("a scheme id"),
  /**
   * Rule parameters overridden for this option: a path → a number (the whole run) or
   * {"value": v, "from": "YYYY-MM-DD"} (from that date on; a multi-year run's years before it
   * keep the rules' value). Validated against the scheme by the rules module (src/rules/reform.ts).
   */
  reform: z.record(z.string(), z.union([finite, strict({ value: finite, from: isoDate })], {
    error: (iss) => (iss.code === "invalid_union" ? problem("not a reform value", 'a number, or {"value": <number>, "from": "YYYY-MM-DD"}', iss.input) : undefined),
  })).optional(),
  /** The purchase each enrollee makes (days, orders …), as the scheme's quote takes it. */
  purchase: z.record(z.string(), z.unknown()).default({}),
  /**
   * Repeat purchases: an enrollee makes `perYear` purchases of the terms above a year (× `by`
   * per attribute level; default one). Premiums and subsidies are booked per purchase made and
   * claims per purchase (frequency × the cell's frequency) times the purchases, so a row is a
   * policy year; take-up and renewal still respond to the price of one purchase.
   */
  purchases: strict({ perYear: numRef(RANGES.purchases).default(1), by: byAttribute(RANGES.purchases).optional() }).optional(),
  /**
   * Rule parameters of the option's scheme set per replicate (on top of `reform`): a parameter
   * path → a number or "$assumption", drawn from the assumption's prior in each replicate (a
   * labelled rule assumption's own prior, parameters.yaml, copied into scenario.assumptions). The
   * engine compiles the option's benefit tables once per distinct parameter vector.
   */
  parameters: z.record(z.string(), numRef()).optional(),
  /** Restrict the option to cells whose attributes match (e.g. {"occupation": ["delivery"]}). */
  cells: z.record(z.string(), z.array(attrValue)).optional(),
  takeup: takeupSchema,
  claims: claimsSchema,
  /** Administration cost as a share of gross premium. */
  adminRatio: numRef(RANGES.adminRatio).default(0),
  /**
   * Multi-year runs: enrollees renew with probability `renewal` (per attribute level with
   * `renewalBy`, e.g. by health status); non-enrollees join with the take-up probability at that
   * year's price; with `reprice`, next year's premium moves toward the target loss ratio.
   */
  dynamics: strict({
    renewal: numRef(RANGES.probability),
    renewalBy: byAttribute(RANGES.probability).optional(),
    reprice: strict({
      targetLossRatio: numRef(RANGES.targetLossRatio),
      /** Weight of this year's experience in the price change (1 = full). */
      credibility: numRef(RANGES.credibility).default(1),
      /** Largest relative price change a year (0.25 = ±25 %). */
      maxChange: num({ min: 0, max: L.MAX_PRICE_CHANGE, minOpen: true }).default(0.25),
    }).optional(),
  }).optional(),
});

/**
 * Calibration: published figures the baseline must reproduce, and the free assumptions fitted to
 * them (`puhui calibrate`). Model values are the engine's conditional expectations with every
 * assumption at its point value (noise-free).
 */
/**
 * A calibration target's observation model (`puhui calibrate --posterior`): how the published
 * figure relates to the model's expectation. `sigma` is a relative standard deviation (of the
 * figure); `transfer` adds the error of reading a figure from another city or year.
 */
const relSd = num({ min: 0, max: 1, minOpen: true, unit: "a relative standard deviation" });
const observationSchema = z.discriminatedUnion("model", [
  strict({ model: z.literal("relative"), sigma: relSd, source: z.enum(["primary", "secondary"]).default("primary"), transfer: relSd.optional() }),
  strict({ model: z.literal("rounded"), unit: num({ min: 0, minOpen: true, unit: "the rounding unit" }), sigma: relSd, transfer: relSd.optional() }),
  strict({ model: z.literal("ceiling"), sigma: relSd, transfer: relSd.optional() }),
  strict({ model: z.literal("floor"), sigma: relSd, transfer: relSd.optional() }),
  strict({ model: z.literal("mean"), n: num({ min: 1, max: 1e9, int: true, unit: "claimants" }), cv: num({ min: 0, max: 100, minOpen: true, unit: "coefficient of variation of one payout" }), transfer: relSd.optional() }),
  strict({ model: z.literal("count"), transfer: relSd.optional() }),
]);
export type Observation = z.output<typeof observationSchema>;

export const CALIBRATION_METRICS = ["enrolled", "claimants", "benefits", "benefitsPerClaimant", "gross", "coverage", "subsidies", "lossRatio", "cashLossRatio", "claimRate", "grossPerEnrollee", "subsidy.budget", "subsidy.bank", "subsidy.employer", "subsidy.town", "subsidy.platform", "subsidy.union", "subsidy.chamber"] as const;
export const calibrationSchema = strict({
  targets: list(
    strict({
      /** The figure (data/figures.csv) the model must reproduce; resolved to its value. */
      figure: text("a figure id"),
      value: finite,
      option: text("an option id"),
      year: num({ min: 1, max: L.MAX_YEARS, int: true }).default(1),
      metric: z.enum(CALIBRATION_METRICS),
      /** Restrict the metric to cells whose attributes match. */
      cells: z.record(z.string(), z.array(attrValue)).optional(),
      /** "equal" (within tolerance) or "atMost" (a cap the model must not exceed). */
      relation: z.enum(["equal", "atMost"]).default("equal"),
      /** Relative tolerance, e.g. 0.01 = 1 %. */
      tolerance: num({ min: 0, max: 1, minOpen: true, unit: "relative" }),
      /** Why this tolerance (and how the figure is read). */
      note: z.string().optional(),
      /** How the figure was observed (src/sim/posterior/observation.ts); default from the tolerance. */
      observation: observationSchema.optional(),
    }),
    1,
    Infinity,
    "targets",
  ),
  /** Assumptions fitted by `puhui calibrate --fit`, each paired with the target it moves most. */
  fit: z.array(strict({ assumption: text("an assumption name"), target: num({ min: 0, int: true }) })).default([]),
});
export type Calibration = z.output<typeof calibrationSchema>;

export const scenarioSchema = strict({
  $schema: z.string().optional(),
  id: dashId,
  title: bilingual,
  description: z.string().optional(),
  seed: num({ min: 0, max: L.MAX_SEED, int: true }),
  replicates: num({ min: 1, max: L.MAX_REPLICATES, int: true }).default(1000),
  years: num({ min: 1, max: L.MAX_YEARS, int: true }).default(1),
  /** First day of the simulated (first) year; rules are read as in force on this date. */
  date: isoDate,
  population: populationSchema,
  assumptions: z.record(pattern(NAME, "letters, digits, _ . and -"), assumptionSchema).default({}),
  options: list(optionSchema, 1, L.MAX_OPTIONS, "options"),
  calibration: calibrationSchema.optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Option = z.output<typeof optionSchema>;
export type TakeupSpec = z.output<typeof takeupSchema>;
export type ClaimsSpec = z.output<typeof claimsSchema>;
export type FieldSpec = z.output<typeof fieldSchema>;
export type CellInput = z.output<typeof cellSchema>;
export type Assumption = z.output<typeof assumptionSchema>;

/** A Num of an option: where it is (relative to the option), and the range its values must stay in. */
export interface NumField {
  path: string;
  n: Num;
  range: Range;
}

/** Every number of an option that may read an assumption, with its allowed range. */
export function numFields(option: Option): NumField[] {
  const out: NumField[] = [];
  const add = (path: string, n: Num | undefined, range: Range) => {
    if (n !== undefined) out.push({ path, n, range });
  };
  const by = (path: string, table: Record<string, Record<string, Num>> | undefined, range: Range) => {
    for (const [attr, levels] of Object.entries(table ?? {})) for (const [level, n] of Object.entries(levels)) add(`${path}.${attr}.${level}`, n, range);
  };
  const t = option.takeup;
  if (t.model === "probability") {
    add("takeup.probability", t.probability, RANGES.probability);
    by("takeup.byAttribute", t.byAttribute, RANGES.probability);
  } else {
    add("takeup.intercept", t.intercept, RANGES.logit);
    add("takeup.priceElasticity", t.priceElasticity, RANGES.elasticity);
    by("takeup.offsets", t.offsets, RANGES.logit);
  }
  const c = option.claims;
  add("claims.frequency", c.frequency, RANGES.frequency);
  by("claims.frequencyBy", c.frequencyBy, RANGES.frequencyMultiplier);
  add("claims.dispersion", c.dispersion, RANGES.dispersion);
  add("claims.severityScale", c.severityScale, RANGES.severity);
  by("claims.severityBy", c.severityBy, RANGES.severity);
  c.categories.forEach((cat, k) => {
    if (cat.weight !== undefined && typeof cat.weight !== "object") add(`claims.categories[${k}].weight`, cat.weight, RANGES.share);
    add(`claims.categories[${k}].rate`, cat.rate, RANGES.rate);
  });
  add("adminRatio", option.adminRatio, RANGES.adminRatio);
  if (option.purchases) {
    add("purchases.perYear", option.purchases.perYear, RANGES.purchases);
    by("purchases.by", option.purchases.by, RANGES.purchases);
  }
  if (option.dynamics) {
    add("dynamics.renewal", option.dynamics.renewal, RANGES.probability);
    by("dynamics.renewalBy", option.dynamics.renewalBy, RANGES.probability);
    if (option.dynamics.reprice) {
      add("dynamics.reprice.targetLossRatio", option.dynamics.reprice.targetLossRatio, RANGES.targetLossRatio);
      add("dynamics.reprice.credibility", option.dynamics.reprice.credibility, RANGES.credibility);
    }
  }
  return out;
}

/** The prior as text (the vocabulary's, in English): "uniform(min 0.2, max 0.4)", "lognormal(median 1, σ 0.3)" … */
export function priorText(a: Assumption): string {
  const p = a.prior;
  if (p.dist === "fixed") return `fixed ${a.value}`;
  // A lognormal given by its mean is written by its mean, as the scenario gave it.
  return vocabularyPriorText(p.dist === "lognormal" && p.mean !== undefined ? { dist: "lognormal", mean: p.mean, sigma: p.sigma } : p, "en");
}

/**
 * An assumption read where values must stay in `range`: its point value and its prior's support
 * must lie inside (a lognormal's up to its 1 − 10⁻⁹ quantile); the error names the field.
 */
function checkReference(field: string, ref: string, a: Assumption, range: Range): void {
  const allowed = describeRange(range);
  if (!inRange(a.value, range)) {
    throw new InputError(field, `reads ${ref}, whose point value is out of range (allowed: ${allowed}; got ${a.value})`);
  }
  if (a.prior.dist === "fixed") return;
  const { lo, practicalHi } = priorSupport(a.prior, a.value);
  // A lognormal's draws are > 0; a beta's lie strictly inside (0, 1).
  const loOpen = a.prior.dist === "lognormal" || a.prior.dist === "beta";
  const loOk = range.min === undefined || lo > range.min || (lo === range.min && (!range.minOpen || loOpen));
  const hiOk = range.max === undefined || practicalHi < range.max || (practicalHi === range.max && !range.maxOpen);
  if (!loOk || !hiOk) {
    const reach = a.prior.dist === "lognormal" ? `(0, ${Number(practicalHi.toPrecision(6))}] (to its 1 − 1e-9 quantile)` : `[${lo}, ${practicalHi}]`;
    throw new InputError(field, `reads ${ref}, whose prior reaches ${reach} (allowed: ${allowed}; got ${ref} ~ ${priorText(a)})`);
  }
}

/** The product of a grid's level counts (the number of cells it expands to), before expanding. */
export function gridCellCount(grid: { dimensions: readonly { levels: readonly unknown[] }[] }): number {
  return grid.dimensions.reduce((n, d) => n * d.levels.length, 1);
}

function issueError(issue: z.core.$ZodIssue, input: unknown): InputError {
  const { path, message } = describeIssue(issue, input);
  return new InputError(pathText("scenario", path), message);
}

export interface ResolvedOption {
  option: Option;
  /** The scheme with the option's reform applied. */
  scheme: AnyScheme;
}

/**
 * Validates a scenario (already-parsed JSON): shape and ranges of every number, assumption priors,
 * scheme ids, reform paths and values, claim fields against each scheme's claim schema, that every
 * "$name" is an assumption whose values stay in the range of each field that reads it, and the
 * engine's limits (src/sim/limits.ts). Errors are InputErrors whose field is the path inside the
 * scenario and whose message is one line: `<what is wrong> (allowed: …; got …)`.
 */
export function parseScenario(input: unknown): { scenario: Scenario; options: ResolvedOption[] } {
  const result = scenarioSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw issueError(result.error.issues[0]!, input);
  // Records (assumptions, attributes, person, reform …) would drop a "__proto__" key or take it as
  // their prototype: refuse it (strict objects already refused it as an unknown field).
  const proto = protoKeyPath(input);
  if (proto) throw new InputError(pathText("scenario", proto.slice(0, -1)), problem('"__proto__" is not allowed as a name', "any other name", "__proto__"));
  const scenario = result.data;
  checkAssumptions(scenario);
  checkSize(scenario);
  const ids = new Set<string>();
  const cellClaimFields: Record<string, unknown> = {};
  for (const c of scenario.population.cells ?? []) Object.assign(cellClaimFields, c.claim);
  for (const d of scenario.population.grid?.dimensions ?? []) for (const l of d.levels) Object.assign(cellClaimFields, l.claim);
  const options = scenario.options.map((option, i) => {
    const at = `scenario.options[${i}]`;
    if (ids.has(option.id)) throw new InputError(`${at}.id`, problem("duplicate option id", "an id no other option has", option.id));
    ids.add(option.id);
    checkOption(scenario, option, at);
    const scheme = schemeOf(option, at);
    checkParameters(scenario, option, scheme, at);
    checkCategories(scenario, option, scheme, at, cellClaimFields);
    return { option, scheme };
  });
  if (scenario.calibration) checkCalibration(scenario, scenario.calibration, ids);
  return { scenario, options };
}

/** Each of option.parameters names a rule parameter of the scheme, and its values (the number, or the assumption's point value and prior) stay in the parameter's range. */
function checkParameters(scenario: Scenario, option: Option, scheme: AnyScheme, at: string): void {
  for (const [path, n] of Object.entries(option.parameters ?? {})) {
    const field = `${at}.parameters.${path}`;
    if (!scheme.parameters.has(path)) throw new InputError(field, `unknown rule parameter (allowed: a parameter path of ${option.scheme}, see puhui rules show ${option.scheme}; got ${JSON.stringify(path)})`);
    const p = scheme.parameters.param(path);
    const range: Range = { min: p.range.min, max: p.range.max };
    if (typeof n === "number") {
      if (!inRange(n, range)) throw new InputError(field, problem("out of range", describeRange(range), n));
      continue;
    }
    const name = n.slice(1);
    if (!Object.hasOwn(scenario.assumptions, name)) {
      throw new InputError(field, `unknown assumption (allowed: "$name" of an entry of scenario.assumptions: ${assumptionList(scenario)}; got ${JSON.stringify(n)})`);
    }
    const a = scenario.assumptions[name]!;
    if (p.integer && a.prior.dist !== "fixed") throw new InputError(field, `reads ${n}, drawn from a continuous prior, but the parameter is a whole number (allowed: a fixed assumption or a number)`);
    checkReference(field, n, a, range);
  }
}

/** "a, b, c": the scenario's assumption names (for errors). */
function assumptionList(scenario: Scenario): string {
  return Object.keys(scenario.assumptions).join(", ") || "none";
}

/** Each assumption's prior fits its point value (a prior given by its mean is centred on it). */
function checkAssumptions(scenario: Scenario): void {
  for (const [name, a] of Object.entries(scenario.assumptions)) {
    validatePrior(a.prior, a.value, `scenario.assumptions.${name}`);
    const mean = "mean" in a.prior ? a.prior.mean : undefined;
    if (mean !== undefined && Math.abs(a.value - mean) > 1e-9 * Math.abs(mean)) {
      throw new InputError(`scenario.assumptions.${name}.value`, problem("not the prior's mean", `the lognormal prior's mean ${mean} (a prior centred on its mean has the point value at its centre)`, a.value));
    }
  }
}

/** A grid's cells and a run's rows stay within the limits (src/sim/limits.ts). */
function checkSize(scenario: Scenario): void {
  const grid = scenario.population.grid;
  if (grid) {
    const cells = gridCellCount(grid);
    if (cells > L.MAX_CELLS) {
      throw new InputError("scenario.population.grid.dimensions", `too many cells (allowed: the product of the dimensions' level counts ≤ ${L.MAX_CELLS}; got ${grid.dimensions.map((d) => d.levels.length).join(" × ")} = ${cells})`);
    }
  }
  const rows = scenario.replicates * scenario.options.length * scenario.years;
  if (rows > L.MAX_ROWS) {
    throw new InputError("scenario.replicates", `too many result rows (allowed: replicates × options × years ≤ ${L.MAX_ROWS}; got ${scenario.replicates} × ${scenario.options.length} × ${scenario.years} = ${rows})`);
  }
}

/** An option's "$name" references name assumptions whose values fit the field; take-up and dynamics are complete. */
function checkOption(scenario: Scenario, option: Option, at: string): void {
  const assumptions = scenario.assumptions;
  for (const { path, n, range } of numFields(option)) {
    if (typeof n === "number") continue;
    const name = n.slice(1);
    // Own properties only: "$constructor" or "$toString" are not assumptions.
    if (!Object.hasOwn(assumptions, name)) {
      throw new InputError(`${at}.${path}`, `unknown assumption (allowed: "$name" of an entry of scenario.assumptions: ${assumptionList(scenario)}; got ${JSON.stringify(n)})`);
    }
    checkReference(`${at}.${path}`, n, assumptions[name]!, range);
  }
  const t = option.takeup;
  if (t.model === "logistic" && t.priceElasticity !== undefined && t.referencePrice === undefined) {
    throw new InputError(`${at}.takeup.referencePrice`, `missing (allowed: ${describeRange(RANGES.price)}; required with priceElasticity)`);
  }
  if (scenario.years > 1 && !option.dynamics) {
    throw new InputError(`${at}.dynamics`, `missing (allowed: {"renewal": <probability>, …}, required when years > 1; got years ${scenario.years})`);
  }
}

/** The option's scheme from the rules registry, with the option's reform applied. */
function schemeOf(option: Option, at: string): AnyScheme {
  let scheme: AnyScheme;
  try {
    scheme = getScheme(option.scheme);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${at}.scheme`, error.message.replace(/^scheme: /, ""));
    throw error;
  }
  if (option.reform) {
    try {
      scheme = applyReform(scheme, option.reform);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${at}.${error.field}`, error.message.slice(error.field.length + 2));
      throw error;
    }
  }
  return scheme;
}

/**
 * The option's claim categories: shares that sum to 1 at the assumptions' point values (each
 * replicate's draws are checked again), and claims that fit the scheme's claim input with the
 * claim fields cells may supply (each cell's claims are checked again when the plan is compiled).
 */
function checkCategories(scenario: Scenario, option: Option, scheme: AnyScheme, at: string, cellClaimFields: Record<string, unknown>): void {
  const cats = option.claims.categories;
  const values = cats.map((c) => {
    const n = c.rate !== undefined ? c.rate : typeof c.weight === "object" ? c.weight.rest : c.weight!;
    return typeof n === "number" ? n : scenario.assumptions[n.slice(1)]!.value;
  });
  const mix = mixCategories(categoryKinds(cats), values, new Float64Array(cats.length));
  if (typeof mix === "string") throw new InputError(`${at}.claims.categories`, mix);
  cats.forEach((category, k) => {
    const probe: Record<string, unknown> = { ...cellClaimFields };
    for (const [field, spec] of Object.entries(category.claim)) {
      probe[field] = typeof spec === "object" ? 1 : spec;
    }
    try {
      scheme.parseClaim(probe);
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(`${at}.claims.categories[${k}].claim`, `${error.message} (the claim must fit ${option.scheme}'s claim input)`);
      }
      throw error;
    }
  });
}

/** Calibration targets name options and years the scenario has; fitted assumptions and target indices exist. */
function checkCalibration(scenario: Scenario, c: Calibration, ids: Set<string>): void {
  c.targets.forEach((t, i) => {
    if (!ids.has(t.option)) throw new InputError(`scenario.calibration.targets[${i}].option`, problem("unknown option", [...ids].join(", "), t.option));
    if (t.year > scenario.years) throw new InputError(`scenario.calibration.targets[${i}].year`, problem("after the last simulated year", `1 to ${scenario.years} (years)`, t.year));
  });
  c.fit.forEach((f, i) => {
    if (!Object.hasOwn(scenario.assumptions, f.assumption)) throw new InputError(`scenario.calibration.fit[${i}].assumption`, problem("unknown assumption", assumptionList(scenario), f.assumption));
    if (f.target >= c.targets.length) throw new InputError(`scenario.calibration.fit[${i}].target`, problem("no such target", `a target index from 0 to ${c.targets.length - 1}`, f.target));
  });
}

/** Removes a UTF-8 byte-order mark at the start of a text (editors on Windows write one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses JSON text (a leading byte-order mark is ignored); malformed JSON is an InputError on `name`. */
export function parseJsonText(text: string, name = "scenario"): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    throw new InputError(name, `not valid JSON (allowed: a JSON object; got ${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Parses scenario JSON text; malformed JSON is an InputError too. */
export function parseScenarioText(text: string, name = "scenario"): { scenario: Scenario; options: ResolvedOption[] } {
  return parseScenario(parseJsonText(text, name));
}
