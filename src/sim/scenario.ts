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
import { InputError } from "../rules/input-error.js";
import { applyReform, getScheme, type AnyScheme } from "../rules/index.js";
import { validatePrior } from "./priors.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date YYYY-MM-DD");
const bilingual = z.union([z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })]);

export const priorSchema = z.discriminatedUnion("dist", [
  z.strictObject({ dist: z.literal("fixed") }),
  z.strictObject({ dist: z.literal("uniform"), min: z.number(), max: z.number() }),
  z.strictObject({ dist: z.literal("triangular"), min: z.number(), mode: z.number(), max: z.number() }),
  z.strictObject({ dist: z.literal("lognormal"), median: z.number(), sigma: z.number() }),
  z.strictObject({ dist: z.literal("beta"), alpha: z.number(), beta: z.number() }),
]);

export const assumptionSchema = z.strictObject({
  /** Point value: used when uncertainty is off, and as the centre of sensitivity analysis. */
  value: z.number(),
  prior: priorSchema.default({ dist: "fixed" }),
  label: bilingual.optional(),
  /** Why this value and this prior (one line). */
  rationale: z.string().min(1),
  /** A figure id in data/figures.csv, or a citation, when the prior is anchored on one. */
  source: z.string().optional(),
});

/** A number or a reference to an assumption: "$name". */
export const numSchema = z.union([z.number(), z.string().regex(/^\$[A-Za-z0-9_.-]+$/, 'a number or "$assumption-name"')]);
export type Num = z.infer<typeof numSchema>;

const attrValue = z.union([z.string(), z.number(), z.boolean()]);

/** Multipliers and offsets a cell (or a grid level) applies to the option models. */
const modifiers = {
  /** Multiplies the claim frequency. */
  frequency: z.number().nonnegative().optional(),
  /** Multiplies monetary claim amounts. */
  severity: z.number().positive().optional(),
  /** Added to the take-up logit. */
  takeupLogit: z.number().optional(),
};

export const cellSchema = z.strictObject({
  id: z.string().min(1),
  count: z.number().int("a whole number of persons").nonnegative(),
  attributes: z.record(z.string(), attrValue).default({}),
  /** The representative person passed to each scheme's rules (scheme defaults fill the rest). */
  person: z.record(z.string(), z.unknown()).default({}),
  /** Purchase terms of this cell's enrollees (days, orders a year …), over the option's. */
  purchase: z.record(z.string(), z.unknown()).default({}),
  /** Claim fields every claim of this cell carries unless its category sets them (e.g. preExisting). */
  claim: z.record(z.string(), z.union([z.number(), z.boolean()])).default({}),
  ...modifiers,
});

const levelSchema = z.strictObject({
  id: z.string().min(1),
  share: z.number().min(0).max(1),
  attributes: z.record(z.string(), attrValue).default({}),
  person: z.record(z.string(), z.unknown()).default({}),
  purchase: z.record(z.string(), z.unknown()).default({}),
  claim: z.record(z.string(), z.union([z.number(), z.boolean()])).default({}),
  ...modifiers,
});

export const gridSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  dimensions: z
    .array(z.strictObject({ name: z.string().min(1), levels: z.array(levelSchema).min(1) }))
    .min(1),
  /** Person attributes shared by every cell. */
  person: z.record(z.string(), z.unknown()).default({}),
});

export const populationSchema = z
  .strictObject({
    cells: z.array(cellSchema).min(1).optional(),
    grid: gridSchema.optional(),
  })
  .refine((p) => (p.cells ? 1 : 0) + (p.grid ? 1 : 0) === 1, "give exactly one of cells or grid");

const byAttribute = z.record(z.string(), z.record(z.string(), numSchema));

export const takeupSchema = z.discriminatedUnion("model", [
  /** A probability, optionally per attribute level (group enrolment, mandatory participation). */
  z.strictObject({ model: z.literal("probability"), probability: numSchema, byAttribute: byAttribute.optional() }),
  /**
   * Logistic: logit p = intercept + Σ offsets(level) + cell.takeupLogit
   *                    + priceElasticity × ln(net premium / referencePrice).
   */
  z.strictObject({
    model: z.literal("logistic"),
    intercept: numSchema,
    priceElasticity: numSchema.optional(),
    referencePrice: z.number().positive().optional(),
    offsets: byAttribute.optional(),
  }),
]);

/**
 * A claim field: a constant, or a distribution of an amount. Distribution parameters are literal
 * numbers (cost-level uncertainty enters through `severityScale`, which may be an assumption), so
 * the benefit quadrature of a category can be computed once and reused for every replicate.
 * `scaled` (default true) multiplies the amount by the cell's severity scale.
 */
const fieldSchema = z.union([
  z.number(),
  z.boolean(),
  z.strictObject({ dist: z.literal("lognormal"), median: z.number().positive(), sigma: z.number().positive().max(5), scaled: z.boolean().default(true) }),
  z.strictObject({ dist: z.literal("gamma"), mean: z.number().positive(), cv: z.number().positive().max(10), scaled: z.boolean().default(true) }),
  z.strictObject({ dist: z.literal("pareto"), xm: z.number().positive(), alpha: z.number().gt(1, "must be > 1 (finite mean)"), scaled: z.boolean().default(true) }),
  z.strictObject({ dist: z.literal("uniform"), min: z.number().nonnegative(), max: z.number().positive(), scaled: z.boolean().default(true) }),
]);


export const claimsSchema = z.strictObject({
  /** Expected claims per enrolled person per year. */
  frequency: numSchema,
  frequencyBy: byAttribute.optional(),
  /** Gamma frailty shape of the cell's claim rate (negative binomial counts); absent: Poisson. */
  dispersion: numSchema.optional(),
  /** Multiplier on monetary claim fields (uncertainty in cost levels). */
  severityScale: numSchema.default(1),
  severityBy: byAttribute.optional(),
  categories: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        weight: numSchema,
        /** The claim passed to the scheme's benefit rule: field → constant or distribution. */
        claim: z.record(z.string(), fieldSchema),
      }),
    )
    .min(1),
});

export const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  label: bilingual,
  scheme: z.string().min(1),
  reform: z.record(z.string(), z.number()).optional(),
  /** The purchase each enrollee makes (days, orders …), as the scheme's quote takes it. */
  purchase: z.record(z.string(), z.unknown()).default({}),
  /** Restrict the option to cells whose attributes match (e.g. {"occupation": ["delivery"]}). */
  cells: z.record(z.string(), z.array(attrValue)).optional(),
  takeup: takeupSchema,
  claims: claimsSchema,
  /** Administration cost as a share of gross premium. */
  adminRatio: numSchema.default(0),
  /**
   * Multi-year runs: enrollees renew with probability `renewal` (per attribute level with
   * `renewalBy`, e.g. by health status); non-enrollees join with the take-up probability at that
   * year's price; with `reprice`, next year's premium moves toward the target loss ratio.
   */
  dynamics: z
    .strictObject({
      renewal: numSchema,
      renewalBy: byAttribute.optional(),
      reprice: z
        .strictObject({
          targetLossRatio: numSchema,
          /** Weight of this year's experience in the price change (1 = full). */
          credibility: numSchema.default(1),
          /** Largest relative price change a year (0.25 = ±25 %). */
          maxChange: z.number().gt(0).max(10).default(0.25),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Calibration: published figures the baseline must reproduce, and the free assumptions fitted to
 * them (`puhui calibrate`). Model values are the engine's conditional expectations with every
 * assumption at its point value (noise-free).
 */
export const CALIBRATION_METRICS = ["enrolled", "claimants", "benefits", "benefitsPerClaimant", "gross", "coverage", "subsidies", "subsidy.budget", "subsidy.bank", "subsidy.employer", "subsidy.town", "subsidy.platform", "subsidy.union", "subsidy.chamber"] as const;
export const calibrationSchema = z.strictObject({
  targets: z
    .array(
      z.strictObject({
        /** The figure (data/figures.csv) the model must reproduce; resolved to its value. */
        figure: z.string().min(1),
        value: z.number(),
        option: z.string().min(1),
        year: z.number().int().min(1).default(1),
        metric: z.enum(CALIBRATION_METRICS),
        /** Restrict the metric to cells whose attributes match. */
        cells: z.record(z.string(), z.array(attrValue)).optional(),
        /** "equal" (within tolerance) or "atMost" (a cap the model must not exceed). */
        relation: z.enum(["equal", "atMost"]).default("equal"),
        /** Relative tolerance, e.g. 0.01 = 1 %. */
        tolerance: z.number().positive().max(1),
        /** Why this tolerance (and how the figure is read). */
        note: z.string().optional(),
      }),
    )
    .min(1),
  /** Assumptions fitted by `puhui calibrate --fit`, each paired with the target it moves most. */
  fit: z.array(z.strictObject({ assumption: z.string().min(1), target: z.number().int().min(0) })).default([]),
});
export type Calibration = z.output<typeof calibrationSchema>;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  title: bilingual,
  description: z.string().optional(),
  seed: z.number().int().min(0).max(2 ** 53 - 1),
  replicates: z.number().int().min(1).max(1_000_000).default(1000),
  years: z.number().int().min(1).max(30).default(1),
  /** First day of the simulated (first) year; rules are read as in force on this date. */
  date: isoDate,
  population: populationSchema,
  assumptions: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/), assumptionSchema).default({}),
  options: z.array(optionSchema).min(1),
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

function issueField(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return `must be ≥ ${String(issue.minimum)}${issue.origin === "array" ? " items" : ""}`;
    case "too_big":
      return `must be ≤ ${String(issue.maximum)}${issue.origin === "array" ? " items" : ""}`;
    case "unrecognized_keys":
      return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "invalid_type":
      return `expected ${issue.expected}${issue.input === undefined ? " (missing)" : ""}`;
    default:
      return issue.message;
  }
}

/** Every "$name" reference in a value tree. */
function references(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string" && value.startsWith("$")) out.add(value.slice(1));
  else if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) references(v, out);
  return out;
}

export interface ResolvedOption {
  option: Option;
  /** The scheme with the option's reform applied. */
  scheme: AnyScheme;
}

/**
 * Validates a scenario (already-parsed JSON): shape, assumption priors, scheme ids, reform paths
 * and values, claim fields against each scheme's claim schema, and that every "$name" exists.
 * Errors are InputErrors whose field is the path inside the scenario.
 */
export function parseScenario(input: unknown): { scenario: Scenario; options: ResolvedOption[] } {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputError(`scenario.${issueField(issue.path)}`.replace(/\.$/, ""), issueMessage(issue));
  }
  const scenario = result.data;
  for (const [name, a] of Object.entries(scenario.assumptions)) validatePrior(a.prior, a.value, `scenario.assumptions.${name}`);
  const ids = new Set<string>();
  const cellClaimFields: Record<string, unknown> = {};
  for (const c of scenario.population.cells ?? []) Object.assign(cellClaimFields, c.claim);
  for (const d of scenario.population.grid?.dimensions ?? []) for (const l of d.levels) Object.assign(cellClaimFields, l.claim);
  const options = scenario.options.map((option, i) => {
    const at = `scenario.options[${i}]`;
    if (ids.has(option.id)) throw new InputError(`${at}.id`, `duplicate option id "${option.id}"`);
    ids.add(option.id);
    for (const ref of references(option)) {
      if (!(ref in scenario.assumptions)) {
        throw new InputError(`${at}`, `refers to "$${ref}", which is not in scenario.assumptions (known: ${Object.keys(scenario.assumptions).join(", ") || "none"})`);
      }
    }
    checkProbabilities(option, scenario, at);
    if (scenario.years > 1 && !option.dynamics) {
      throw new InputError(`${at}.dynamics`, `is required when years > 1 (${scenario.years}): give at least the renewal probability of enrollees, e.g. {"renewal": 0.8}`);
    }
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
    option.claims.categories.forEach((category, k) => {
      // Cells may supply claim fields (e.g. preExisting); each cell's claims are checked again
      // when the plan is compiled.
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
    return { option, scheme };
  });
  if (scenario.calibration) {
    const c = scenario.calibration;
    c.targets.forEach((t, i) => {
      if (!ids.has(t.option)) throw new InputError(`scenario.calibration.targets[${i}].option`, `unknown option "${t.option}"; options: ${[...ids].join(", ")}`);
      if (t.year > scenario.years) throw new InputError(`scenario.calibration.targets[${i}].year`, `must be ≤ years (${scenario.years}), got ${t.year}`);
    });
    c.fit.forEach((f, i) => {
      if (!(f.assumption in scenario.assumptions)) throw new InputError(`scenario.calibration.fit[${i}].assumption`, `unknown assumption "${f.assumption}"`);
      if (f.target >= c.targets.length) throw new InputError(`scenario.calibration.fit[${i}].target`, `must be a target index from 0 to ${c.targets.length - 1}, got ${f.target}`);
    });
  }
  return { scenario, options };
}

/** The support [lo, hi] of an assumption's prior (its point value when fixed). */
function support(a: Assumption): [number, number] {
  switch (a.prior.dist) {
    case "fixed":
      return [a.value, a.value];
    case "uniform":
    case "triangular":
      return [a.prior.min, a.prior.max];
    case "lognormal":
      return [0, Infinity];
    case "beta":
      return [0, 1];
  }
}

/** Take-up and renewal probabilities (literals, and the priors of assumptions they read) must lie in [0, 1]. */
function checkProbabilities(option: Option, scenario: Scenario, at: string): void {
  const check = (n: Num, field: string) => {
    if (typeof n === "number") {
      if (!(n >= 0 && n <= 1)) throw new InputError(field, `a probability must be in [0, 1], got ${n}`);
      return;
    }
    const a = scenario.assumptions[n.slice(1)]!;
    const [lo, hi] = support(a);
    if (lo < 0 || hi > 1) {
      throw new InputError(field, `reads ${n}, whose prior reaches [${lo}, ${hi}]; a probability must stay in [0, 1] (use a beta or a uniform prior inside [0, 1])`);
    }
  };
  if (option.dynamics) {
    check(option.dynamics.renewal, `${at}.dynamics.renewal`);
    for (const [attr, levels] of Object.entries(option.dynamics.renewalBy ?? {})) {
      for (const [level, n] of Object.entries(levels)) check(n, `${at}.dynamics.renewalBy.${attr}.${level}`);
    }
  }
  const t = option.takeup;
  if (t.model !== "probability") {
    if (t.priceElasticity !== undefined && t.referencePrice === undefined) {
      throw new InputError(`${at}.takeup.referencePrice`, "is required with priceElasticity (a positive premium in 元)");
    }
    return;
  }
  check(t.probability, `${at}.takeup.probability`);
  for (const [attr, levels] of Object.entries(t.byAttribute ?? {})) {
    for (const [level, n] of Object.entries(levels)) check(n, `${at}.takeup.byAttribute.${attr}.${level}`);
  }
}

/** Parses scenario JSON text; malformed JSON is an InputError too. */
export function parseScenarioText(text: string, name = "scenario"): { scenario: Scenario; options: ResolvedOption[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(name, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseScenario(json);
}
