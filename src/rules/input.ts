/**
 * Input validation at the edge: zod schemas for persons, claims and purchases, and the mapping
 * of zod issues to one InputError naming the field and the allowed values. Formulas never
 * validate; they trust what these parsers return.
 */
import { z } from "zod";
import { InputError } from "./input-error.js";
import type { Bilingual } from "./parameter.js";

/**
 * What the calculator shows for a field, attached to its schema as zod metadata (`labelled`):
 * the label, a hint under it, labels for enum values (or for integer values offered as a list),
 * and the control's kind where the schema alone does not say it (an amount in 元 that is not
 * bounded by MAX_AMOUNT). The form is generated from these (src/rules/form.ts).
 */
export interface FieldMeta {
  label: Bilingual;
  hint?: Bilingual;
  /** Value → label; for an integer field, the values offered (as strings of the integers). */
  options?: Record<string, Bilingual>;
  kind?: "amount";
}

/** `schema` with its calculator label, hint and option labels (set on the outermost schema). */
export function labelled<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  return schema.meta({ ...meta }) as S;
}

/** Largest amount accepted for a cost (元): 1 亿. */
export const MAX_AMOUNT = 100_000_000;

export function amount(): z.ZodNumber {
  const msg = `must be an amount in 元 from 0 to ${MAX_AMOUNT}`;
  return z.number({ error: msg }).min(0).max(MAX_AMOUNT);
}

export function integer(min: number, max: number, unit = ""): z.ZodNumber {
  const msg = `must be an integer from ${min} to ${max}${unit ? ` (${unit})` : ""}`;
  return z.number({ error: msg }).int().min(min).max(max);
}

export function number(min: number, max: number, unit = ""): z.ZodNumber {
  const msg = `must be a number from ${min} to ${max}${unit ? ` (${unit})` : ""}`;
  return z.number({ error: msg }).min(min).max(max);
}

export function age(): z.ZodNumber {
  return integer(0, 120, "years, whole years of age");
}

export function bool(): z.ZodBoolean {
  return z.boolean({ error: "must be true or false" });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

export function isoDateString() {
  return z
    .string({ error: "must be a date YYYY-MM-DD" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date YYYY-MM-DD" })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: "must be a real calendar date YYYY-MM-DD",
    });
}

/**
 * Parses `input` with a strict object schema; the first problem becomes an InputError on
 * `root.field` (e.g. "claim.disabilityGrade") naming the allowed values.
 */
export function parseWith<S extends z.ZodObject>(schema: S, input: unknown, root: string): z.output<S> {
  const allowed = Object.keys(schema.shape);
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InputError(root, `must be a JSON object with fields ${allowed.join(", ") || "(none)"}`);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    return fail(`${root}.${key}`, `unknown field; allowed fields: ${allowed.join(", ")}`);
  }
  const field = [root, ...issue.path.map(String)].join(".");
  return fail(field, issue.message);
}

function fail(field: string, message: string): never {
  throw new InputError(field, message);
}
