/**
 * Scenario files name their sources instead of typing figures: before validation, a scenario is
 * *resolved* against the sourced figures (data/figures.csv and data/assumptions/*.csv):
 *  - an assumption written as {"figure": "<id>"} takes the figure's value, its prior (or the
 *    scenario's `prior` override, e.g. a wide prior for a secondary source) and a rationale citing
 *    the figure's source line;
 *  - any other {"figure": "<id>"} (optionally with "times": k) becomes the figure's number;
 *  - a population {"builder": "<name>", "options": {…}} is built by the `build` function the
 *    caller passes (src/populations/resolve.ts passes the registry of src/populations/);
 *  - a calibration target {"figure": "<id>", …} gets the figure's value as its `value`.
 * Pure (figures and builders are passed in), so pages and the CLI resolve the same way, and the
 * engine does not depend on the population builders (which build on the engine's cells).
 */
import { parsePrior, type Figure } from "../figures/figures.js";
import { figureRationale } from "../figures/rationale.js";
import { InputError } from "../rules/input-error.js";

/** Builds a population (cells or a grid) from a builder's name, its options and the figures. */
export type PopulationBuild = (name: string, options: unknown, figures: readonly Figure[]) => unknown;

/** The default `build`: no builders given, so a builder population is refused with a pointer. */
const noBuilders: PopulationBuild = (name) => {
  throw new InputError("scenario.population.builder", `no population builders given to resolve ${JSON.stringify(name)} (resolve with src/populations/resolve.ts, which passes them)`);
};

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Sets an own property, even "__proto__" (a plain assignment would set the prototype and drop the
 * key), so validation sees every key the file has and refuses unknown ones.
 */
function setOwn(out: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

function lookup(figures: readonly Figure[], id: unknown, field: string): Figure {
  if (typeof id !== "string") throw new InputError(field, `not a string (allowed: a figure id such as "national.new_form_workers"; got ${JSON.stringify(id) ?? "nothing"})`);
  const f = figures.find((x) => x.id === id);
  if (!f) {
    const close = figures.filter((x) => x.id.split(".")[0] === id.split(".")[0]).map((x) => x.id).slice(0, 6);
    throw new InputError(field, `unknown figure (allowed: an id in data/figures.csv or data/assumptions/*.csv${close.length ? `, e.g. ${close.join(", ")}` : ""}; got "${id}")`);
  }
  return f;
}

function figureNumber(node: Record<string, Json>, figures: readonly Figure[], field: string): number {
  const extra = Object.keys(node).filter((k) => k !== "figure" && k !== "times");
  if (extra.length) throw new InputError(field, `unknown field(s) ${extra.map((k) => JSON.stringify(k)).join(", ")} of a figure reference (allowed: figure, times)`);
  const f = lookup(figures, node["figure"], `${field}.figure`);
  const times = node["times"] ?? 1;
  if (typeof times !== "number" || !Number.isFinite(times)) throw new InputError(`${field}.times`, `not a number (allowed: a finite number; got ${JSON.stringify(times)})`);
  return f.value * times;
}

function resolveNumbers(node: Json, figures: readonly Figure[], field: string): Json {
  if (Array.isArray(node)) return node.map((v, i) => resolveNumbers(v, figures, `${field}[${i}]`));
  if (!isObject(node)) return node;
  if ("figure" in node) return figureNumber(node, figures, field);
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) setOwn(out, k, resolveNumbers(v, figures, field ? `${field}.${k}` : k));
  return out;
}

function resolveAssumption(node: Json, figures: readonly Figure[], field: string): Json {
  if (!isObject(node) || !("figure" in node)) return resolveNumbers(node, figures, field);
  const allowed = ["figure", "prior", "rationale", "label"];
  const extra = Object.keys(node).filter((k) => !allowed.includes(k));
  if (extra.length) throw new InputError(field, `unknown field(s) ${extra.map((k) => JSON.stringify(k)).join(", ")} of an assumption from a figure (allowed: ${allowed.join(", ")})`);
  const f = lookup(figures, node["figure"], `${field}.figure`);
  // A figure's lognormal prior written lognormal(v, σ) with v the figure's value is centred on its
  // mean (the value is a best estimate of an expectation): draws average to the point value.
  const parsed = parsePrior(f.prior);
  const prior = node["prior"] ?? (parsed.dist === "lognormal" && parsed.median === f.value ? { dist: "lognormal", mean: f.value, sigma: parsed.sigma } : parsed);
  return {
    value: f.value,
    prior,
    label: node["label"] ?? { zh: f.quantity_zh, en: f.quantity },
    rationale: node["rationale"] ?? figureRationale(f),
    source: f.id,
  };
}

/**
 * Resolves figure references and population builders (each built by `build`); the result is a
 * plain scenario object.
 */
export function resolveScenario(input: Json, figures: readonly Figure[], build: PopulationBuild = noBuilders): Json {
  if (!isObject(input)) return input;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(input)) {
    const field = `scenario.${key}`;
    if (key === "assumptions" && isObject(value)) {
      const assumptions: Record<string, Json> = {};
      for (const [name, a] of Object.entries(value)) setOwn(assumptions, name, resolveAssumption(a, figures, `${field}.${name}`));
      setOwn(out, key, assumptions);
    } else if (key === "calibration" && isObject(value) && Array.isArray(value["targets"])) {
      setOwn(out, key, {
        ...value,
        targets: value["targets"].map((t: Json, i: number) => {
          if (!isObject(t) || "value" in t) return t;
          return { ...t, value: lookup(figures, t["figure"], `${field}.targets[${i}].figure`).value };
        }),
      });
    } else if (key === "population" && isObject(value) && "builder" in value) {
      const extra = Object.keys(value).filter((k) => k !== "builder" && k !== "options");
      if (extra.length) throw new InputError(field, `unknown field(s) ${extra.map((k) => JSON.stringify(k)).join(", ")} (allowed: builder, options)`);
      if (typeof value["builder"] !== "string") throw new InputError(`${field}.builder`, `not a string (allowed: a population builder name; got ${JSON.stringify(value["builder"])})`);
      setOwn(out, key, build(value["builder"], resolveNumbers(value["options"] ?? {}, figures, `${field}.options`), figures));
    } else {
      setOwn(out, key, resolveNumbers(value, figures, field));
    }
  }
  return out;
}
