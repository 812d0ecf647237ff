/**
 * Reforms: a user overrides parameters with a JSON object of parameter paths → values, e.g.
 * {"gonghuibao.outOfCatalog.rate": 0.8}. Unknown paths (with the closest valid ones listed) and
 * values outside a parameter's allowed range are InputErrors. The result is a new scheme with
 * the same interface; the original is untouched. An override is either a number — the value in
 * every dated version of that parameter, the whole run — or {"value": v, "from": "YYYY-MM-DD"}:
 * the value from that date on (a new dated version), the versions before it unchanged, so a
 * multi-year run reads the old value in its years before the date and the new one after.
 */
import { isIsoDate } from "./dates.js";
import { InputError } from "./input-error.js";
import type { Override, Parameter } from "./parameter.js";
import type { Scheme } from "./scheme.js";

/** A reform's value for one parameter: a number (the whole run) or a value from a date on. */
export type ReformValue = Override;
export type Reform = Record<string, ReformValue>;

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** Up to `n` known paths closest to `path` (edit distance, ties by name). */
export function closestPaths(known: readonly string[], path: string, n = 4): string[] {
  return [...known]
    .map((k) => ({ k, d: levenshtein(k.toLowerCase(), path.toLowerCase()) - (k.startsWith(path) || path.startsWith(k) ? 5 : 0) }))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, n)
    .map((x) => x.k);
}

function allowed(p: Parameter): string {
  return `must be ${p.integer ? "an integer" : "a number"} from ${p.range.min} to ${p.range.max} (${p.unit})`;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates a reform against a scheme's parameters; returns path → value (a number, or a value from a date). */
export function parseReform(scheme: Scheme, input: unknown): Map<string, ReformValue> {
  if (!isPlain(input)) {
    throw new InputError("reform", `must be a JSON object of parameter paths → numbers (or {"value": number, "from": "YYYY-MM-DD"}), e.g. {"${scheme.parameters.paths[0]}": 1}`);
  }
  const out = new Map<string, ReformValue>();
  for (const [path, given] of Object.entries(input)) {
    if (!scheme.parameters.has(path)) {
      const other = path.split(".")[0];
      const hint = other && other !== scheme.id && !path.startsWith(`${scheme.id}.`) ? ` (paths of ${scheme.id} start with "${scheme.id}.")` : "";
      throw new InputError(`reform.${path}`, `unknown parameter of ${scheme.id}${hint}; closest valid paths: ${closestPaths(scheme.parameters.paths, path).join(", ")}`);
    }
    const p = scheme.parameters.param(path);
    let value: unknown = given;
    let from: string | undefined;
    if (isPlain(given)) {
      const extra = Object.keys(given).find((k) => k !== "value" && k !== "from");
      if (extra !== undefined) throw new InputError(`reform.${path}.${extra}`, `unknown field (allowed: "value" and "from")`);
      if (!Object.hasOwn(given, "from")) throw new InputError(`reform.${path}.from`, `missing (allowed: a date YYYY-MM-DD; or give the value alone for the whole run)`);
      if (typeof given["from"] !== "string" || !isIsoDate(given["from"])) {
        throw new InputError(`reform.${path}.from`, `not a calendar date (allowed: a date YYYY-MM-DD that exists, e.g. 2025-01-01); got ${JSON.stringify(given["from"])}`);
      }
      from = given["from"];
      value = given["value"];
      if (typeof value !== "number" || !Number.isFinite(value) || value < p.range.min || value > p.range.max || (p.integer && !Number.isInteger(value))) {
        throw new InputError(`reform.${path}.value`, `${allowed(p)}; got ${JSON.stringify(value)}`);
      }
      out.set(path, { value, from });
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < p.range.min || value > p.range.max || (p.integer && !Number.isInteger(value))) {
      throw new InputError(`reform.${path}`, `${allowed(p)}; got ${JSON.stringify(value)}`);
    }
    out.set(path, value);
  }
  return out;
}

/** The scheme with the reform applied (a new object; `scheme` is not changed). */
export function applyReform<P, C, U>(scheme: Scheme<P, C, U>, input: unknown): Scheme<P, C, U> {
  const overrides = parseReform(scheme as Scheme, input);
  if (overrides.size === 0) return scheme;
  return scheme.withParameters(scheme.parameters.with(overrides));
}
