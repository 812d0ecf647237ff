/**
 * Running sweep points (pure, browser-safe): checking a design against its base scenario, the
 * scenario of one point, and its replicate rows. A point's rows depend only on (design, base
 * scenario, point id), so shards, workers and re-runs give bit-identical rows.
 */
import { InputError } from "../rules/input-error.js";
import { parseReform } from "../rules/index.js";
import { getScheme } from "../schemes/index.js";
import { applyPoint, expandDesign, gridLevels, schemeOfPath, type Design, type DesignPoint, type Factor, type PriorOf } from "./design.js";
import { compile, runPlan, type ReplicateRow, type TableCache } from "./run.js";
import { GROUP_SEPARATOR, groupOptionId } from "./sweep-groups.js";
import { parseScenario, type Scenario } from "./scenario.js";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The prior of an assumption factor in the base scenario, as parsed: a lognormal given by its mean
 * is then given by its median too (the raw JSON's `{mean, sigma}` has no median to take quantiles
 * of, which made every point of a prior factor NaN).
 */
export function priorOfBase(base: Record<string, unknown>): PriorOf {
  const { scenario } = parseScenario(base);
  return (f) => {
    const a = scenario.assumptions[f.assumption]!;
    return { prior: a.prior, value: a.value };
  };
}

/** The extreme values a numeric factor takes (for range checks), or every option level. */
function probeValues(f: Factor, base: Record<string, unknown>): (number | string)[] {
  if (f.kind === "option") return f.levels;
  if (f.levels !== undefined) return [Math.min(...f.levels), Math.max(...f.levels)];
  if (f.range !== undefined) return [...f.range];
  const { prior, value } = priorOfBase(base)(f as Extract<Factor, { kind: "assumption" }>);
  void prior;
  return [value];
}

/**
 * Checks a design against its base scenario (resolved JSON): kept options exist, every factor
 * names an assumption / a parameter path of a kept option's scheme / an option, and the scenario
 * stays valid at each factor's extreme values (each parameter within its allowed range). Errors
 * name the design field. Returns the base scenario parsed.
 */
export function checkDesign(d: Design, base: Record<string, unknown>): Scenario {
  const { scenario } = parseScenario(base);
  const ids = scenario.options.map((o) => o.id);
  d.options?.forEach((id, i) => {
    if (!ids.includes(id)) throw new InputError(`design.options[${i}]`, `unknown option (allowed: the base scenario's options ${ids.join(", ")}; got ${JSON.stringify(id)})`);
  });
  const kept = scenario.options.filter((o) => d.options === undefined || d.options.includes(o.id));
  d.factors.forEach((f, i) => {
    const at = `design.factors[${i}]`;
    if (f.kind === "option") {
      f.levels.forEach((id, m) => {
        if (!kept.some((o) => o.id === id)) throw new InputError(`${at}.levels[${m}]`, `unknown option (allowed: ${kept.map((o) => o.id).join(", ")}; got ${JSON.stringify(id)})`);
      });
    } else if (f.kind === "assumption") {
      const known = Object.keys(scenario.assumptions);
      if (!Object.hasOwn(scenario.assumptions, f.assumption)) {
        throw new InputError(`${at}.assumption`, `unknown assumption (allowed: ${known.join(", ") || "none"}; got ${JSON.stringify(f.assumption)})`);
      }
      if (f.prior && scenario.assumptions[f.assumption]!.prior.dist === "fixed") {
        throw new InputError(`${at}.prior`, `the assumption ${JSON.stringify(f.assumption)} has a fixed prior (allowed: prior: true for an assumption with an uncertain prior, else a range [low, high]; got true)`);
      }
    } else if (f.kind === "scale") {
      const schemes = [...new Set(kept.map((o) => o.scheme))];
      const field = f.levels !== undefined ? "levels" : "range";
      f.paths.forEach((path, m) => {
        const schemeId = schemeOfPath(path);
        if (!schemes.includes(schemeId)) {
          throw new InputError(`${at}.paths[${m}]`, `no kept option uses scheme ${JSON.stringify(schemeId)} (allowed: a parameter path of ${schemes.join(", ")} — see puhui rules show <scheme>; got ${JSON.stringify(path)})`);
        }
        const table = getScheme(schemeId).parameters;
        if (!table.has(path)) {
          try {
            parseReform(getScheme(schemeId), { [path]: 0 });
          } catch (error) {
            if (error instanceof InputError) throw new InputError(`${at}.paths[${m}]`, error.message);
            throw error;
          }
        }
        const now = table.v(path, scenario.date);
        for (const k of probeValues(f, base)) {
          try {
            parseReform(getScheme(schemeId), { [path]: (k as number) * now });
          } catch (error) {
            if (error instanceof InputError) throw new InputError(`${at}.${field}`, `${k} × ${path} (${now} on ${scenario.date}): ${error.message}`);
            throw error;
          }
        }
      });
    } else {
      const schemeId = schemeOfPath(f.path);
      const schemes = [...new Set(kept.map((o) => o.scheme))];
      if (!schemes.includes(schemeId)) {
        throw new InputError(`${at}.path`, `no kept option uses scheme ${JSON.stringify(schemeId)} (allowed: a parameter path of ${schemes.join(", ")} — see puhui rules show <scheme>; got ${JSON.stringify(f.path)})`);
      }
      const field = f.levels !== undefined ? "levels" : "range";
      for (const v of probeValues(f, base)) {
        try {
          parseReform(getScheme(schemeId), { [f.path]: v });
        } catch (error) {
          if (error instanceof InputError) throw new InputError(`${at}.${field}`, error.message);
          throw error;
        }
      }
    }
    // The scenario must stay valid at each extreme (other factors at their first value).
    const field = f.kind === "option" ? "levels" : f.levels !== undefined ? "levels" : f.range !== undefined ? "range" : "prior";
    for (const v of probeValues(f, base)) {
      const values = d.factors.map((g, j) => (j === i ? v : g.kind === "option" ? g.levels[0]! : probeValues(g, base)[0]!));
      try {
        parseScenario(applyPoint(base, d, values));
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`${at}.${field}`, `at ${JSON.stringify(v)} the scenario is invalid: ${error.message}`);
        throw error;
      }
    }
  });
  if (d.groups !== undefined) checkGroups(d.groups, kept, base);
  const targets = [...kept.map((o) => o.id), ...(d.groups ?? []).flatMap((g) => kept.flatMap((o) => g.levels.map((l) => groupOptionId(o.id, g.attribute, l.value))))];
  if (d.target?.option !== undefined && !targets.includes(d.target.option)) {
    throw new InputError("design.target.option", `unknown option (allowed: ${targets.join(", ")}; got ${JSON.stringify(d.target.option)})`);
  }
  return scenario;
}

/** Attribute records of the base population's cells (explicit cells, or every level of a grid's dimensions). */
function cellAttributes(base: Record<string, unknown>): { attributes: Record<string, unknown> }[] {
  const population = isPlainObject(base["population"]) ? base["population"] : {};
  const records = (xs: unknown) => (Array.isArray(xs) ? xs.filter(isPlainObject).map((c) => ({ attributes: isPlainObject(c["attributes"]) ? c["attributes"] : {} })) : []);
  if (Array.isArray(population["cells"])) return records(population["cells"]);
  const grid = isPlainObject(population["grid"]) ? population["grid"] : {};
  return (Array.isArray(grid["dimensions"]) ? grid["dimensions"] : []).flatMap((dim) => records(isPlainObject(dim) ? dim["levels"] : []));
}

/**
 * A design's groups fit its kept options: no option id already holds the group separator, no
 * option already restricts the group's attribute, and each level matches at least one of the
 * option's cells (so no group is empty).
 */
function checkGroups(groups: NonNullable<Design["groups"]>, kept: Scenario["options"], base: Record<string, unknown>): void {
  const cells = cellAttributes(base);
  for (const o of kept) {
    if (o.id.includes(GROUP_SEPARATOR)) throw new InputError("design.groups", `option ${JSON.stringify(o.id)} contains "${GROUP_SEPARATOR}" (allowed: groups of options whose ids have no "${GROUP_SEPARATOR}")`);
    const mine = cells.filter((c) => Object.entries(o.cells ?? {}).every(([k, vs]) => vs.some((v) => c.attributes[k] === v)));
    groups.forEach((g, i) => {
      if (o.cells?.[g.attribute] !== undefined) throw new InputError(`design.groups[${i}].attribute`, `option ${JSON.stringify(o.id)} already restricts ${JSON.stringify(g.attribute)} (allowed: an attribute the option does not restrict; got ${JSON.stringify(g.attribute)})`);
      const present = [...new Set(mine.map((c) => c.attributes[g.attribute]).filter((v) => v !== undefined).map(String))];
      g.levels.forEach((l, m) => {
        if (l.parameter !== undefined && !(o.scheme === schemeOfPath(l.parameter) && getScheme(o.scheme).parameters.has(l.parameter))) {
          throw new InputError(`design.groups[${i}].levels[${m}].parameter`, `not a parameter of ${o.scheme}, the scheme of option ${JSON.stringify(o.id)} (allowed: a path of puhui rules show ${o.scheme}; got ${JSON.stringify(l.parameter)})`);
        }
        if (!present.includes(l.value)) {
          throw new InputError(`design.groups[${i}].levels[${m}].value`, `no cell of option ${JSON.stringify(o.id)} has ${g.attribute} = ${JSON.stringify(l.value)} (allowed: ${present.join(", ") || `none — its cells have no attribute ${JSON.stringify(g.attribute)}`}; got ${JSON.stringify(l.value)})`);
        }
      });
    });
  }
}

/** The design's points, with "prior": true factors mapped through the base scenario's priors. */
export function designPoints(d: Design, base: Record<string, unknown>): DesignPoint[] {
  return expandDesign(d, priorOfBase(base));
}

/** Factor values as stored: numbers, or option ids for option factors. */
export function factorColumns(d: Design): { name: string; kind: "number" | "text" }[] {
  return d.factors.map((f) => ({ name: f.name, kind: f.kind === "option" ? "text" : "number" }));
}

/**
 * Runs one point: its scenario is validated and compiled (benefit tables shared through `cache`
 * across points of one process) and its replicates simulated with the point's seed.
 */
export function runPoint(d: Design, base: Record<string, unknown>, point: DesignPoint, cache?: TableCache): ReplicateRow[] {
  const { scenario, options } = parseScenario(applyPoint(base, d, point.values));
  const plan = compile(scenario, options, d.mode, {}, cache);
  return runPlan(plan, { mode: d.mode, replicates: d.replicates, seed: point.seed, uncertainty: d.uncertainty, range: [0, d.replicates] });
}

/** The grid's level lists (for the feasible-region table). */
export function gridShape(d: Design): (number | string)[][] {
  return d.factors.map(gridLevels);
}

export { isPlainObject };
