/**
 * Sweep designs (simulations/sweeps/*.json; pure, browser-safe): a base scenario and the factors
 * to vary — assumptions (fixed at the point's value), reform parameters (paths as in
 * `puhui rules show <scheme>`) and which scenario option runs — laid out as a full grid, a Latin
 * hypercube or a Saltelli design for Sobol indices. `expandDesign` numbers the points 0, 1, …
 * (their stable ids) and gives each its own seed, derived from the sweep's seed and the point's
 * id alone (`Stream.derive(seed, "sweep-point", id)`), so any subset of points reproduces bit for
 * bit however the sweep is split. With `commonRandomNumbers` every point uses the sweep's seed.
 *
 * Validation is by zod with one-line errors naming the field (`design.factors[1].range: …
 * (allowed: …; got …)`); checks against the base scenario are in ./sweep.ts.
 */
import { z } from "zod";
import { InputError } from "../rules/input-error.js";
import { describeIssue, list, NAME, num, pathText, pattern, problem, protoKeyPath, strict, text } from "./issues.js";
import { priorQuantile } from "./priors.js";
import { MAX_REPLICATES, MAX_SEED } from "./limits.js";
import { Xoshiro128ss } from "./rng.js";
import { MODES } from "./plan.js";
import { latinHypercube, saltelliPoints, saltelliSize } from "./sobol.js";
import { getScheme } from "../schemes/index.js";
import { GROUP_SEPARATOR, groupOptionId } from "./sweep-groups.js";

/** Limits of a design: points, factors, replicates per point. */
export const DESIGN_LIMITS = {
  points: 1_000_000,
  factors: 30,
  levels: 10_000,
  replicates: MAX_REPLICATES,
  seed: MAX_SEED,
} as const;

const dashId = pattern(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes");
const int = (min: number, max: number) =>
  z
    .number({ error: (iss) => problem("not a number", `an integer ${min} to ${max}`, iss.input) })
    .int({ error: (iss) => problem("not an integer", `an integer ${min} to ${max}`, iss.input) })
    .min(min, { error: (iss) => problem("out of range", `an integer ${min} to ${max}`, iss.input) })
    .max(max, { error: (iss) => problem("out of range", `an integer ${min} to ${max}`, iss.input) });
const finite = num();
const range = z.tuple([finite, finite], { error: (iss) => problem("not a range", "[low, high], two numbers with low < high", iss.input) }).refine(([a, b]) => a < b, {
  error: (iss) => problem("empty range", "[low, high] with low < high", iss.input),
});
const levels = list(finite, 1, DESIGN_LIMITS.levels, "levels");

/** How a numeric factor's values are given: levels (grid), a range (with steps for a grid), or the assumption's prior. */
const numericSpec = {
  /** Grid: the values, in order. */
  levels: levels.optional(),
  /** [low, high]: uniform over it (Latin hypercube, Saltelli), or `steps` equally spaced values (grid). */
  range: range.optional(),
  /** Grid with a range: this many equally spaced values from low to high. */
  steps: int(2, DESIGN_LIMITS.levels).optional(),
};

const factorLabel = strict({ zh: text("the factor's name in Chinese"), en: text("the factor's name in English") }).optional();

export const factorSchema = z.discriminatedUnion("kind", [
  strict({
    kind: z.literal("reform"),
    name: pattern(NAME, "letters, digits, _ . -"),
    /** What the factor is, for charts and tables (zh and en); default: a reform's parameter label, else the name. */
    label: factorLabel,
    /** A rules parameter path, e.g. "platform-injury-mandatory.premium.perOrder"; applied to every kept option of that scheme. */
    path: text("a parameter path (puhui rules show <scheme>)"),
    ...numericSpec,
  }),
  strict({
    kind: z.literal("assumption"),
    name: pattern(NAME, "letters, digits, _ . -"),
    /** What the factor is, for charts and tables (zh and en); default: a reform's parameter label, else the name. */
    label: factorLabel,
    /** An entry of the scenario's assumptions; fixed at the point's value (no longer drawn). */
    assumption: text("an assumption name of the base scenario"),
    ...numericSpec,
    /** Latin hypercube / Saltelli: map the unit interval through the assumption's own prior (its quantiles). */
    prior: z.literal(true).optional(),
  }),
  strict({
    kind: z.literal("scale"),
    name: pattern(NAME, "letters, digits, _ . -"),
    /** What the factor is, for charts and tables (zh and en); default: the name. */
    label: factorLabel,
    /**
     * Rules parameter paths: the point's value multiplies each one's value on the scenario's date
     * (after the option's own reform and the design's reform factors) in every kept option of its
     * scheme — e.g. every sector's rate per order at 0.8×, 1×, 1.2× the values in force.
     */
    paths: list(text("a parameter path (puhui rules show <scheme>)"), 1, 100, "parameter paths"),
    ...numericSpec,
  }),
  strict({
    kind: z.literal("option"),
    name: pattern(NAME, "letters, digits, _ . -"),
    /** What the factor is, for charts and tables (zh and en); default: a reform's parameter label, else the name. */
    label: factorLabel,
    /** Grid only: the scenario options to run, one per level. */
    levels: list(dashId, 1, 100, "option ids"),
  }),
]);

export const designSchema = strict({
  $schema: z.string().optional(),
  id: dashId,
  title: text().optional(),
  description: text().optional(),
  /** The base scenario file, relative to the design file. */
  scenario: text("a scenario file path, relative to the design file"),
  seed: int(0, DESIGN_LIMITS.seed),
  replicates: int(1, DESIGN_LIMITS.replicates),
  mode: z.enum(MODES as unknown as ["fast", "exact", "person"]).default("fast"),
  /** Draw the assumptions that are not factors from their priors (default true). */
  uncertainty: z.boolean().default(true),
  /** Every point uses the sweep's seed (common random numbers) instead of its own derived seed. */
  commonRandomNumbers: z.boolean().default(false),
  /** The scenario options to run (default: all). */
  options: list(dashId, 1, 100, "option ids").optional(),
  factors: list(factorSchema, 1, DESIGN_LIMITS.factors, "factors"),
  design: z.discriminatedUnion("type", [
    strict({ type: z.literal("grid") }),
    strict({ type: z.literal("lhs"), points: int(1, DESIGN_LIMITS.points) }),
    /** N base rows: N·(k + 2) points. */
    strict({ type: z.literal("saltelli"), base: int(2, DESIGN_LIMITS.points) }),
  ]),
  /**
   * Per-group results: each kept option also runs once per level of each listed cell attribute,
   * restricted to the cells with that level (option id `<option>--<attribute>--<level>`,
   * ./sweep-groups.ts), e.g. the national scenario's occupation and province group.
   */
  groups: list(strict({
    attribute: dashId,
    label: factorLabel,
    levels: list(strict({
      value: dashId,
      label: factorLabel,
      /** The rules parameter that prices this group (e.g. its sector's rate per order): the sweep page shows a scale factor's levels as this parameter's value. */
      parameter: text("a parameter path (puhui rules show <scheme>)").optional(),
    }), 1, 100, "levels"),
  }), 1, 10, "groups").optional(),
  /** What `puhui sweep analyse` looks for by default. */
  target: strict({
    option: dashId.optional(),
    lossRatio: range,
    confidence: num({ min: 0, max: 1, minOpen: true, maxOpen: true }),
  }).optional(),
});

export type DesignInput = z.input<typeof designSchema>;
export type Design = z.output<typeof designSchema>;
export type Factor = z.output<typeof factorSchema>;

function issueError(issue: z.core.$ZodIssue, input: unknown): InputError {
  const { path, message } = describeIssue(issue, input);
  return new InputError(pathText("design", path), message);
}

/** Validates a design (parsed JSON): shape, ranges, factor specs that fit the design type, the point count. */
export function parseDesign(input: unknown): Design {
  const result = designSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw issueError(result.error.issues[0]!, input);
  const proto = protoKeyPath(input);
  if (proto) throw new InputError(pathText("design", proto.slice(0, -1)), problem('"__proto__" is not allowed as a name', "any other name", "__proto__"));
  const d = result.data;
  const names = new Set<string>();
  d.factors.forEach((f, i) => {
    const at = `design.factors[${i}]`;
    if (names.has(f.name)) throw new InputError(`${at}.name`, problem("duplicate factor name", "a name no other factor has", f.name));
    names.add(f.name);
    if (f.kind === "option") {
      if (d.design.type !== "grid") throw new InputError(`${at}.kind`, problem("an option factor needs a grid", `"reform" or "assumption" in a ${d.design.type} design, or design.type "grid"`, f.kind));
      return;
    }
    const prior = f.kind === "assumption" && f.prior === true;
    if (d.design.type === "grid") {
      if (prior) throw new InputError(`${at}.prior`, problem("a prior needs a Latin hypercube or Saltelli design", "levels, or range and steps, in a grid", true));
      if (f.levels === undefined && (f.range === undefined || f.steps === undefined)) {
        throw new InputError(`${at}.levels`, problem("missing", "levels [v1, v2, …], or range [low, high] with steps ≥ 2, in a grid", undefined));
      }
      if (f.levels !== undefined && f.range !== undefined) throw new InputError(`${at}.range`, problem("both levels and range", "one of levels, or range with steps", f.range));
    } else {
      if (f.levels !== undefined) throw new InputError(`${at}.levels`, problem(`levels need a grid`, `range [low, high]${f.kind === "assumption" ? ' or "prior": true' : ""} in a ${d.design.type} design`, f.levels));
      if (f.steps !== undefined) throw new InputError(`${at}.steps`, problem(`steps need a grid`, `range [low, high] alone in a ${d.design.type} design`, f.steps));
      if (f.range === undefined && !prior) throw new InputError(`${at}.range`, problem("missing", `range [low, high]${f.kind === "assumption" ? ' or "prior": true' : ""}`, undefined));
      if (f.range !== undefined && prior) throw new InputError(`${at}.prior`, problem("both range and prior", "one of range [low, high] or prior: true", true));
    }
  });
  const attributes = new Set<string>();
  d.groups?.forEach((g, i) => {
    const at = `design.groups[${i}]`;
    if (g.attribute.includes(GROUP_SEPARATOR)) throw new InputError(`${at}.attribute`, problem(`contains "${GROUP_SEPARATOR}"`, `a cell attribute name without "${GROUP_SEPARATOR}"`, g.attribute));
    if (attributes.has(g.attribute)) throw new InputError(`${at}.attribute`, problem("duplicate group attribute", "an attribute no other group names", g.attribute));
    attributes.add(g.attribute);
    const seen = new Set<string>();
    g.levels.forEach((l, m) => {
      if (l.value.includes(GROUP_SEPARATOR)) throw new InputError(`${at}.levels[${m}].value`, problem(`contains "${GROUP_SEPARATOR}"`, `a level without "${GROUP_SEPARATOR}"`, l.value));
      if (seen.has(l.value)) throw new InputError(`${at}.levels[${m}].value`, problem("duplicate level", "a level no other of this group has", l.value));
      seen.add(l.value);
    });
  });
  const n = designSize(d);
  if (n > DESIGN_LIMITS.points) {
    throw new InputError("design.design", `too many points (allowed: at most ${DESIGN_LIMITS.points} design points; got ${n}${d.design.type === "grid" ? ` = ${d.factors.map((f) => gridLevels(f).length).join(" × ")}` : ""})`);
  }
  return d;
}

/** The grid levels of a factor (numbers or option ids). */
export function gridLevels(f: Factor): (number | string)[] {
  if (f.kind === "option") return f.levels;
  if (f.levels !== undefined) return f.levels;
  const [lo, hi] = f.range!;
  const steps = f.steps!;
  // lo + (hi − lo)·m/(steps − 1), exact at both ends.
  return Array.from({ length: steps }, (_, m) => (m === steps - 1 ? hi : lo + ((hi - lo) * m) / (steps - 1)));
}

/** The number of points of a design. */
export function designSize(d: Design): number {
  if (d.design.type === "grid") return d.factors.reduce((p, f) => p * gridLevels(f).length, 1);
  if (d.design.type === "lhs") return d.design.points;
  return saltelliSize(d.design.base, d.factors.length);
}

export interface DesignPoint {
  /** Stable id: the point's index in the design, 0-based. */
  id: number;
  /** One value per factor, in the design's factor order (a number, or an option id). */
  values: (number | string)[];
  /** The engine seed of this point. */
  seed: number;
}

/** The engine seed of point `id`: 53 bits of the stream (seed, "sweep-point", id). */
export function pointSeed(seed: number, id: number): number {
  const r = Xoshiro128ss.derive(seed, "sweep-point", id);
  const hi = r.nextUint32() >>> 11; // 21 bits
  const lo = r.nextUint32();
  return hi * 2 ** 32 + lo;
}

/** Prior of an assumption factor, for `"prior": true` (the base scenario's, resolved). */
export type PriorOf = (f: Extract<Factor, { kind: "assumption" }>) => { prior: Parameters<typeof priorQuantile>[0]; value: number };

/** Maps a unit-interval coordinate to a factor's value. */
function fromUnit(f: Factor, u: number, priorOf?: PriorOf): number {
  if (f.kind === "option") throw new Error("fromUnit: option factor");
  if (f.kind === "assumption" && f.prior) {
    if (!priorOf) throw new Error("fromUnit: a prior factor needs the base scenario");
    const { prior, value } = priorOf(f);
    return priorQuantile(prior, value, u);
  }
  const [lo, hi] = f.range!;
  return lo + (hi - lo) * u;
}

/**
 * All points of a design, in id order. Grid: the first factor varies slowest. Latin hypercube and
 * Saltelli: unit-cube points from the stream (seed, "sweep-design"), mapped to each factor's range
 * (or prior quantiles); Saltelli points are laid out as in ./sobol.ts.
 */
export function expandDesign(d: Design, priorOf?: PriorOf): DesignPoint[] {
  const seedOf = (id: number) => (d.commonRandomNumbers ? d.seed : pointSeed(d.seed, id));
  if (d.design.type === "grid") {
    const lv = d.factors.map(gridLevels);
    const n = designSize(d);
    const out: DesignPoint[] = [];
    for (let id = 0; id < n; id++) {
      let rest = id;
      const values = new Array<number | string>(lv.length);
      for (let i = lv.length - 1; i >= 0; i--) {
        const m = lv[i]!.length;
        values[i] = lv[i]![rest % m]!;
        rest = Math.floor(rest / m);
      }
      out.push({ id, values, seed: seedOf(id) });
    }
    return out;
  }
  const rng = Xoshiro128ss.derive(d.seed, "sweep-design");
  const k = d.factors.length;
  const unit = d.design.type === "lhs" ? latinHypercube(d.design.points, k, rng) : saltelliPoints(d.design.base, k, rng);
  return unit.map((u, id) => ({ id, values: u.map((x, i) => fromUnit(d.factors[i]!, x, priorOf)), seed: seedOf(id) }));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The scheme id a reform path belongs to (its first segment). */
export function schemeOfPath(path: string): string {
  return path.split(".")[0]!;
}

/**
 * The scenario JSON of one point: the base scenario (resolved JSON) with only the kept options
 * (the design's `options`, narrowed by an option factor), each reform factor merged into the
 * reform of every kept option of its scheme, and each assumption factor fixed at its value.
 */
export function applyPoint(base: Record<string, unknown>, d: Design, values: readonly (number | string)[]): Record<string, unknown> {
  const options = Array.isArray(base["options"]) ? (base["options"] as unknown[]) : [];
  let keep: string[] | undefined = d.options;
  const assumptions: Record<string, unknown> = isPlainObject(base["assumptions"]) ? { ...base["assumptions"] } : {};
  const reforms = new Map<string, Record<string, number>>();
  const scales = new Map<string, Map<string, number>>();
  d.factors.forEach((f, i) => {
    const v = values[i]!;
    if (f.kind === "option") keep = [String(v)];
    else if (f.kind === "scale") {
      for (const path of f.paths) {
        const scheme = schemeOfPath(path);
        const m = scales.get(scheme) ?? new Map<string, number>();
        m.set(path, (m.get(path) ?? 1) * (v as number));
        scales.set(scheme, m);
      }
    }
    else if (f.kind === "assumption") {
      const a = assumptions[f.assumption];
      assumptions[f.assumption] = { ...(isPlainObject(a) ? a : {}), value: v, prior: { dist: "fixed" } };
    } else {
      const scheme = schemeOfPath(f.path);
      reforms.set(scheme, { ...(reforms.get(scheme) ?? {}), [f.path]: v as number });
    }
  });
  const kept = options.filter((o) => keep === undefined || (isPlainObject(o) && keep.includes(String(o["id"]))));
  // A point is a what-if run: the base's calibration targets (which may name options the design
  // drops) do not apply to it.
  const { calibration: _calibration, ...rest } = base;
  const date = String(base["date"]);
  const reformed = kept.map((o) => {
    if (!isPlainObject(o)) return o;
    const scheme = String(o["scheme"]);
    const extra = reforms.get(scheme);
    const scaled = scales.get(scheme);
    if (!extra && !scaled) return o;
    const reform: Record<string, unknown> = { ...(isPlainObject(o["reform"]) ? o["reform"] : {}), ...extra };
    for (const [path, k] of scaled ?? []) {
      const now = typeof reform[path] === "number" ? (reform[path] as number) : getScheme(scheme).parameters.v(path, date);
      reform[path] = k * now;
    }
    return { ...o, reform };
  });
  const grouped = d.groups === undefined ? reformed : reformed.flatMap((o) => [o, ...groupCopies(o, d.groups!)]);
  return {
    ...rest,
    seed: d.seed,
    replicates: d.replicates,
    assumptions,
    options: grouped,
  };
}

/** The copies of option `o` restricted to each group level's cells (./sweep-groups.ts). */
function groupCopies(o: unknown, groups: NonNullable<Design["groups"]>): unknown[] {
  if (!isPlainObject(o)) return [];
  const id = String(o["id"]);
  const cells = isPlainObject(o["cells"]) ? o["cells"] : {};
  const label = isPlainObject(o["label"]) ? (o["label"] as { zh?: string; en?: string }) : undefined;
  return groups.flatMap((g) =>
    g.levels.map((l) => ({
      ...o,
      id: groupOptionId(id, g.attribute, l.value),
      ...(label ? { label: { zh: `${label.zh ?? id}：${l.label?.zh ?? l.value}`, en: `${label.en ?? id}: ${l.label?.en ?? l.value}` } } : {}),
      cells: { ...cells, [g.attribute]: [l.value] },
    })),
  );
}
