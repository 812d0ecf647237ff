/**
 * One-line validation messages for zod schemas: `<what is wrong> (allowed: …; got …)`, e.g.
 * "out of range (allowed: a number > 0 and ≤ 100, or "$name" of an assumption; got -1)". The
 * field path is the InputError's field. Number schemas built with `num` carry their allowed range
 * in every message (missing, wrong type, not whole, out of range); other issues are described
 * from the zod issue and the offending input (enums and unions list their allowed values).
 */
import { z } from "zod";

/** An allowed numeric range: bounds inclusive unless `minOpen` / `maxOpen`. */
export interface Range {
  min?: number;
  max?: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  int?: boolean;
  /** What the number is, e.g. "persons", "a share of gross premium". */
  unit?: string;
}

/** "a number > 0 and ≤ 100", "an integer from 0 to 2000000000", "a finite number". */
export function describeRange(r: Range): string {
  const kind = r.int ? "an integer" : "a number";
  const lo = r.min === undefined ? "" : `${r.minOpen ? ">" : "≥"} ${r.min}`;
  const hi = r.max === undefined ? "" : `${r.maxOpen ? "<" : "≤"} ${r.max}`;
  let s: string;
  if (r.min !== undefined && r.max !== undefined) s = r.minOpen || r.maxOpen ? `${kind} ${lo} and ${hi}` : `${kind} from ${r.min} to ${r.max}`;
  else if (lo || hi) s = `${kind} ${lo || hi}`;
  else s = r.int ? "an integer" : "a finite number";
  return r.unit ? `${s} (${r.unit})` : s;
}

/** True when x is a finite number inside the range. */
export function inRange(x: number, r: Range): boolean {
  if (!Number.isFinite(x)) return false;
  if (r.int && !Number.isInteger(x)) return false;
  if (r.min !== undefined && (r.minOpen ? !(x > r.min) : !(x >= r.min))) return false;
  if (r.max !== undefined && (r.maxOpen ? !(x < r.max) : !(x <= r.max))) return false;
  return true;
}

/** The offending value as the message shows it (JSON, cut at 60 characters). */
export function got(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number") return String(v);
  let text: string | undefined;
  try {
    text = JSON.stringify(v);
  } catch {
    text = undefined;
  }
  text ??= String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** `<problem> (allowed: <allowed>; got <value>)`, or `missing (allowed: …)` when the value is absent. */
export function problem(what: string, allowed: string, input: unknown): string {
  return input === undefined ? `missing (allowed: ${allowed})` : `${what} (allowed: ${allowed}; got ${got(input)})`;
}

const REF_ALLOWED = ', or "$name" of an assumption';

/** The message for a number that fails its range (or is no number at all). */
export function rangeMessage(input: unknown, r: Range, ref = false): string {
  const allowed = describeRange(r) + (ref ? REF_ALLOWED : "");
  let what = "out of range";
  if (typeof input !== "number") what = ref && typeof input === "string" ? 'not a number or "$name"' : "not a number";
  else if (!Number.isFinite(input)) what = "not a finite number";
  else if (r.int && !Number.isInteger(input)) what = "not a whole number";
  return problem(what, allowed, input);
}

type RawIssue = { input?: unknown; code?: string };

/** A number schema whose every issue names the allowed range and the value given. */
export function num(r: Range = {}, ref = false): z.ZodNumber {
  const error = (iss: RawIssue) => rangeMessage(iss.input, r, ref);
  let s = z.number({ error });
  if (r.int) s = s.int({ error });
  if (r.min !== undefined) s = r.minOpen ? s.gt(r.min, { error }) : s.min(r.min, { error });
  if (r.max !== undefined) s = r.maxOpen ? s.lt(r.max, { error }) : s.max(r.max, { error });
  return s;
}

/** Assumption names: letters, digits, "_", "." and "-". */
export const NAME = /^[A-Za-z0-9_.-]+$/;
const REF = /^\$[A-Za-z0-9_.-]+$/;

/** A number in `r`, or a reference "$name" to an assumption (whose range is checked after parsing). */
export function numRef(r: Range = {}) {
  const error = (iss: RawIssue) => rangeMessage(iss.input, r, true);
  return z.union([num(r, true), z.string({ error }).regex(REF, { error })], { error });
}

/** A non-empty string. */
export function text(what = "a non-empty string") {
  const error = (iss: RawIssue) => problem(typeof iss.input === "string" ? "empty" : "not a string", what, iss.input);
  return z.string({ error }).min(1, { error });
}

/** A string matching `re`, described by `what` (e.g. "lower-case letters, digits and dashes"). */
export function pattern(re: RegExp, what: string) {
  const error = (iss: RawIssue) => problem(typeof iss.input === "string" ? "not in the allowed form" : "not a string", what, iss.input);
  return z.string({ error }).regex(re, { error });
}

/** A strict object: an unknown key is refused with the allowed keys listed. */
export function strict<S extends z.ZodRawShape>(shape: S) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss: RawIssue & { keys?: string[] }) =>
      iss.code === "unrecognized_keys"
        ? `unknown field(s) ${(iss.keys ?? []).map((k) => JSON.stringify(k)).join(", ")} (allowed: ${keys.join(", ")})`
        : iss.code === "invalid_type"
          ? problem("not a JSON object", `a JSON object with fields ${keys.join(", ")}`, iss.input)
          : undefined,
  });
}

/** An array of `min` to `max` items. */
export function list<T extends z.ZodType>(item: T, min: number, max: number, what = "items") {
  const allowed = max === Infinity ? `at least ${min} ${what}` : `${min} to ${max} ${what}`;
  const error = (iss: RawIssue) => {
    if (!Array.isArray(iss.input)) return problem("not an array", `an array of ${allowed}`, iss.input);
    return `${iss.input.length < min ? "too few" : "too many"} ${what} (allowed: ${allowed}; got ${iss.input.length})`;
  };
  let s = z.array(item, { error }).min(min, { error });
  if (max !== Infinity) s = s.max(max, { error });
  return s;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  object: "a JSON object",
  array: "an array",
  record: "a JSON object",
  int: "an integer",
  null: "null",
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** `a.b[2].c` from a zod path under `root` (e.g. "scenario"). */
export function pathText(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), root);
}

/** A zod issue's path (relative to the parsed input) and its one-line message. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, base: readonly PropertyKey[] = []): { path: PropertyKey[]; message: string } {
  const path = [...base, ...issue.path];
  const value = valueAt(input, path);
  if (issue.code === "invalid_union") {
    if (issue.errors.length === 0 && "options" in issue && Array.isArray(issue.options)) {
      // A discriminated union whose discriminator matches no option.
      const allowed = (issue.options as unknown[]).map((o) => JSON.stringify(o)).join(", ");
      return { path, message: problem("not an allowed value", allowed, value) };
    }
    // The branches whose type matched the input (they failed deeper): report the one that did.
    const deeper = issue.errors.filter((branch) => branch.length > 0 && !(branch[0]!.code === "invalid_type" && branch[0]!.path.length === 0));
    if (deeper.length === 1) return describeIssue(deeper[0]![0]!, input, path);
    if (issue.message.includes("(allowed:")) return { path, message: issue.message };
    const expected = [...new Set(issue.errors.flatMap((b) => b.filter((i) => i.code === "invalid_type" && i.path.length === 0).map((i) => TYPE_NAMES[(i as { expected: string }).expected] ?? (i as { expected: string }).expected)))];
    return { path, message: problem("not an allowed value", expected.join(" or ") || "see the schema", value) };
  }
  if (issue.message.includes("(allowed:")) return { path, message: issue.message };
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return { path, message: problem("wrong type", expected, value) };
    }
    case "invalid_value":
      return { path, message: problem("not an allowed value", issue.values.map((v) => JSON.stringify(v)).join(", "), value) };
    case "unrecognized_keys":
      return { path, message: `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}` };
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      const op = issue.code === "too_small" ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<";
      if (issue.origin === "array" || issue.origin === "string") {
        const n = Array.isArray(value) || typeof value === "string" ? value.length : value;
        return { path, message: problem(issue.code === "too_small" ? "too short" : "too long", `${op} ${String(bound)} ${issue.origin === "array" ? "items" : "characters"}`, n) };
      }
      return { path, message: problem("out of range", `${op} ${String(bound)}`, value) };
    }
    case "invalid_key":
      return { path, message: problem("not an allowed name", issue.issues[0]?.message ?? "see the schema", path[path.length - 1]) };
    case "invalid_format":
      return { path, message: problem("not in the allowed form", issue.message, value) };
    default:
      return { path, message: problem("invalid", issue.message, value) };
  }
}

/** The first own "__proto__" key anywhere in a JSON value: its path, or undefined. */
export function protoKeyPath(value: unknown): PropertyKey[] | undefined {
  // One path, pushed and popped as the walk goes (a scenario has tens of thousands of nodes).
  const path: PropertyKey[] = [];
  const visit = (v: unknown): boolean => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        if (visit(v[i])) return true;
        path.pop();
      }
    } else if (v !== null && typeof v === "object") {
      if (Object.hasOwn(v, "__proto__")) {
        path.push("__proto__");
        return true;
      }
      for (const k of Object.keys(v)) {
        path.push(k);
        if (visit((v as Record<string, unknown>)[k])) return true;
        path.pop();
      }
    }
    return false;
  };
  return visit(value) ? path : undefined;
}
