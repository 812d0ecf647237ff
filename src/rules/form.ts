/**
 * The calculator's form of a scheme, generated from its input schemas (Scheme.inputs): one field
 * per key of the person, purchase and claim schemas, in the schema's order, with the label, hint
 * and option labels attached to the schema as zod metadata (input.ts `labelled`). Validation is not
 * repeated here: every value goes through the scheme's parsePerson/parsePurchase/parseClaim, whose
 * InputError names the field and its allowed range.
 *
 * The control's kind comes from the schema: boolean; enum (options from the schema's values);
 * a date string; an integer; an amount (a number from 0 to MAX_AMOUNT 元, or `kind: "amount"`);
 * any other number. `optional` when the schema is optional (the control offers "none").
 * Defaults: person and purchase fields start at the schema's own defaults (parsePerson({}) …);
 * claims have required fields, so each scheme gives an example claim with its provenance
 * (scheme.yaml `example`).
 */
import type { z } from "zod";
import { MAX_AMOUNT, type FieldMeta } from "./input.js";
import type { Bilingual } from "./parameter.js";
import type { AnyScheme } from "./scheme.js";

export type FieldKind = "amount" | "integer" | "number" | "boolean" | "enum" | "date";

export interface FieldSpec {
  /** The schema's field name. */
  name: string;
  label: Bilingual;
  kind: FieldKind;
  /** For enum fields (and integer fields offered as a list): the values with labels. */
  options?: readonly { value: string | number; label: Bilingual }[];
  /** The schema marks it optional: the control offers "none" (omitted from the object). */
  optional?: boolean;
  /** A hint shown under the label (units, what the field means). */
  hint?: Bilingual;
}

export interface SchemeForm {
  person: readonly FieldSpec[];
  purchase: readonly FieldSpec[];
  claim: readonly FieldSpec[];
  /** The claim the calculator starts with. */
  exampleClaim: Record<string, unknown>;
  /** Where the example claim comes from (a worked example in a source, or "illustrative"). */
  exampleSource: Bilingual;
}

type Schema = z.ZodType & { meta(): Record<string, unknown> | undefined };

/** The schema inside optional/default wrappers, whether it was optional, and the nearest metadata. */
function unwrap(schema: Schema): { inner: Schema; optional: boolean; meta: FieldMeta | undefined } {
  let s = schema;
  let optional = false;
  let meta = s.meta() as FieldMeta | undefined;
  for (;;) {
    const type = s.def.type;
    if (type !== "optional" && type !== "default" && type !== "prefault") break;
    if (type === "optional") optional = true;
    s = (s as unknown as { unwrap(): Schema }).unwrap();
    meta ??= s.meta() as FieldMeta | undefined;
  }
  return { inner: s, optional, meta };
}

function kindOf(inner: Schema, meta: FieldMeta | undefined, where: string): FieldKind {
  const type = inner.def.type;
  if (type === "boolean") return "boolean";
  if (type === "enum") return "enum";
  if (type === "string") return "date";
  if (type === "number") {
    const n = inner as unknown as z.ZodNumber;
    if (n.isInt) return "integer";
    if (meta?.kind === "amount" || (n.minValue === 0 && n.maxValue === MAX_AMOUNT)) return "amount";
    return "number";
  }
  throw new Error(`internal: ${where}: no calculator control for a ${type} schema`);
}

/** The fields of one input schema. */
export function fieldsOf(schema: z.ZodObject, where: string): FieldSpec[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { inner, optional, meta } = unwrap(field as Schema);
    if (!meta?.label) throw new Error(`internal: ${where}.${name} has no label (input.ts labelled)`);
    const kind = kindOf(inner, meta, `${where}.${name}`);
    let options: FieldSpec["options"];
    if (kind === "enum") {
      const values = (inner as unknown as z.ZodEnum).options as readonly string[];
      options = values.map((value) => {
        const label = meta.options?.[value];
        if (!label) throw new Error(`internal: ${where}.${name}: no label for option ${value}`);
        return { value, label };
      });
    } else if (meta.options) {
      options = Object.entries(meta.options).map(([value, label]) => ({ value: kind === "integer" ? Number(value) : value, label }));
    }
    return {
      name,
      label: meta.label,
      kind,
      ...(options ? { options } : {}),
      ...(optional ? { optional: true } : {}),
      ...(meta.hint ? { hint: meta.hint } : {}),
    };
  });
}

const forms = new WeakMap<AnyScheme, SchemeForm>();

/** The form of a scheme, built once (an error when the scheme has no input schemas or example claim). */
export function formOf(scheme: AnyScheme): SchemeForm {
  let form = forms.get(scheme);
  if (!form) forms.set(scheme, (form = build(scheme)));
  return form;
}

function build(scheme: AnyScheme): SchemeForm {
  const inputs = scheme.inputs;
  const example = scheme.example;
  if (!inputs || !example) throw new Error(`internal: scheme ${scheme.id} has no input schemas or example claim for a calculator form`);
  return {
    person: fieldsOf(inputs.person, `${scheme.id} person`),
    purchase: fieldsOf(inputs.purchase, `${scheme.id} purchase`),
    claim: fieldsOf(inputs.claim, `${scheme.id} claim`),
    exampleClaim: example.claim,
    exampleSource: example.source,
  };
}
