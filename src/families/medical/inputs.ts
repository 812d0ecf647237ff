/**
 * The family's input schemas, built from a product's spec: the person (age and the spec's yes/no
 * fields), the claim (one amount per cost component, `preExisting` when a rate depends on it, the
 * excluded cost) and the purchase (who buys). Each field carries its zh/en label and hint as zod
 * metadata (src/rules/input.ts `labelled`), from which src/rules/form.ts builds the calculator.
 */
import { z } from "zod";
import { personAge, YUAN } from "../../rules/fields.js";
import { amount, bool, labelled, oneOf, type FieldMeta } from "../../rules/input.js";
import type { Bilingual } from "../../rules/parameter.js";
import { usesPreExisting } from "./rates.js";
import type { Field, MedicalSpec } from "./spec.js";

export const PRE_EXISTING: FieldMeta = { label: { zh: "既往症", en: "pre-existing condition" } };
const PAYER: Bilingual = { zh: "投保方式", en: "who buys" };
const INSURED: Bilingual = { zh: "个人投保", en: "the insured" };

const meta = (f: Field): FieldMeta => ({ label: f.label, hint: f.hint ?? YUAN });

export function personSchema(spec: MedicalSpec) {
  const shape: Record<string, z.ZodType> = { age: personAge(spec.person.ageDefault) };
  for (const f of spec.person.flags) shape[f.name] = labelled(bool().default(f.default), { label: f.label, ...(f.hint ? { hint: f.hint } : {}) });
  return z.strictObject(shape);
}

/** Claim fields in order: the components, `preExisting` after the first component whose rates depend on it, the excluded cost. */
export function claimSchema(spec: MedicalSpec) {
  const shape: Record<string, z.ZodType> = {};
  let flagged = false;
  for (const c of spec.benefit.components) {
    shape[c.field.name] = labelled(c.optional ? amount().optional() : amount(), meta(c.field));
    if (!flagged && usesPreExisting(c)) {
      shape.preExisting = labelled(bool(), PRE_EXISTING);
      flagged = true;
    }
  }
  const ex = spec.benefit.exclusion;
  if (ex) shape[ex.field.name] = labelled(amount().optional(), meta(ex.field));
  return z.strictObject(shape);
}

export function purchaseSchema(spec: MedicalSpec) {
  const group = spec.premium.groupPurchase?.payers ?? {};
  const values = ["insured", ...Object.keys(group)] as [string, ...string[]];
  const options: Record<string, Bilingual> = { insured: INSURED, ...group };
  return z.strictObject({ payer: labelled(oneOf(values).default("insured"), { label: PAYER, options }) });
}

/** What the parsed objects look like to the formulas. */
export type MedicalPerson = { age: number } & Record<string, number | boolean>;
export type MedicalClaim = { preExisting?: boolean } & Record<string, number | boolean | undefined>;
export interface MedicalPurchase {
  payer: string;
}
