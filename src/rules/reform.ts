/**
 * Reforms: a user overrides parameters with a JSON object of parameter paths → values, e.g.
 * {"gonghuibao.outOfCatalog.rate": 0.8}. Unknown paths (with the closest valid ones listed) and
 * values outside a parameter's allowed range are InputErrors. The result is a new scheme with
 * the same interface; the original is untouched. An override replaces the value in every dated
 * version of that parameter.
 */
import { InputError } from "./input-error.js";
import type { Parameter } from "./parameter.js";
import type { Scheme } from "./scheme.js";

export type Reform = Record<string, number>;

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

/** Validates a reform against a scheme's parameters; returns path → value. */
export function parseReform(scheme: Scheme, input: unknown): Map<string, number> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InputError("reform", `must be a JSON object of parameter paths → numbers, e.g. {"${scheme.parameters.paths[0]}": 1}`);
  }
  const out = new Map<string, number>();
  for (const [path, value] of Object.entries(input)) {
    if (!scheme.parameters.has(path)) {
      const other = path.split(".")[0];
      const hint = other && other !== scheme.id && !path.startsWith(`${scheme.id}.`) ? ` (paths of ${scheme.id} start with "${scheme.id}.")` : "";
      throw new InputError(`reform.${path}`, `unknown parameter of ${scheme.id}${hint}; closest valid paths: ${closestPaths(scheme.parameters.paths, path).join(", ")}`);
    }
    const p = scheme.parameters.param(path);
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
