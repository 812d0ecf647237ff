/**
 * A product of the supplementary-medical family as a Scheme (src/rules/scheme.ts): its metadata,
 * its spec (src/families/medical/spec.ts) and its parameter table. Pricing paths (every tier's
 * premium) and yearly fields (every cost, per person-year as 惠民保 pay) follow from the spec.
 */
import type { z } from "zod";
import { InputError } from "../../rules/input-error.js";
import { parseWith } from "../../rules/input.js";
import { ParameterTable, type Bilingual, type Parameter } from "../../rules/parameter.js";
import type { Scheme } from "../../rules/scheme.js";
import { benefit, benefitRule } from "./benefit.js";
import { checkSpec } from "./check.js";
import { describeMedical } from "./describe.js";
import { eligibility, type Period } from "./eligibility.js";
import { claimSchema, personSchema, purchaseSchema, type MedicalClaim, type MedicalPerson, type MedicalPurchase } from "./inputs.js";
import { premium, premiumRule } from "./premium.js";
import { parseSpec } from "./resolve.js";
import type { MedicalSpec, MedicalSpecInput } from "./spec.js";

export interface MedicalProduct {
  id: string;
  name: Bilingual;
  region: Bilingual;
  sources: readonly string[];
  period: Period;
  referenceDate: string;
  /** Pricing parameters, when the product lists them in its own order; default every tier's premium. */
  pricing?: readonly string[];
  /** When given (scheme.yaml), must be the spec's cost fields: the family pays them per policy year. */
  yearlyFields?: readonly string[];
  /** The calculator's example claim and its provenance. */
  example?: { claim: Record<string, unknown>; source: Bilingual };
  /** The documented defaults of the person; generated from the spec when absent. */
  personDefaults?: Bilingual;
  /** The spec as written: parameter keys and rule names relative to the id. */
  spec: MedicalSpecInput;
}

export type MedicalScheme = Scheme<MedicalPerson, MedicalClaim, MedicalPurchase> & {
  readonly family: "medical";
  /** The input schemas, with the calculator's labels as zod metadata. */
  readonly inputs: { person: z.ZodObject; purchase: z.ZodObject; claim: z.ZodObject };
  /** The spec with full parameter paths (resolve.ts): which parameter is a tier's premium, a deductible, a rate, a cap. */
  readonly spec: MedicalSpec;
  readonly example?: { claim: Record<string, unknown>; source: Bilingual };
};

function defaultsText(spec: MedicalSpec): Bilingual {
  const yes = (b: boolean, zh: boolean) => (zh ? (b ? "是" : "否") : b ? "yes" : "no");
  const flags = spec.person.flags;
  return {
    zh: [`${spec.person.ageDefault}岁`, ...flags.map((f) => `${f.label.zh}：${yes(f.default, true)}`)].join("，"),
    en: [`age ${spec.person.ageDefault}`, ...flags.map((f) => `${f.label.en}: ${yes(f.default, false)}`)].join(", "),
  };
}

/** The product over a parameter table (its own, or a reformed one). */
export function createMedicalScheme(product: MedicalProduct, t: ParameterTable): MedicalScheme {
  return build(product, parseSpec(product.id, product.spec), t);
}

function build(product: MedicalProduct, spec: MedicalSpec, t: ParameterTable): MedicalScheme {
  checkSpec(product.id, spec, t);
  const id = product.id;
  const person = personSchema(spec);
  const claim = claimSchema(spec);
  const purchase = purchaseSchema(spec);
  const priced = premiumRule(id, spec);
  const paid = benefitRule(id, spec);
  const yearlyFields = [...spec.benefit.components.map((c) => c.field.name), ...(spec.benefit.exclusion ? [spec.benefit.exclusion.field.name] : [])];
  if (product.yearlyFields && [...product.yearlyFields].sort().join() !== [...yearlyFields].sort().join()) {
    throw new InputError(`${id}: yearlyFields`, `must be the spec's cost fields ${yearlyFields.join(", ")}: the family pays them per policy year (got ${product.yearlyFields.join(", ")})`);
  }
  const pricing = product.pricing ?? [...new Set(spec.premium.tiers.map((tier) => tier.premium))];
  const scheme: Scheme<MedicalPerson, MedicalClaim, MedicalPurchase> = {
    id,
    name: product.name,
    region: product.region,
    sources: product.sources,
    period: product.period,
    referenceDate: product.referenceDate,
    parameters: t,
    benefitPersonFields: [],
    yearlyFields,
    pricing,
    personDefaults: product.personDefaults ?? defaultsText(spec),
    parsePerson: (input) => parseWith(person, input, "person") as MedicalPerson,
    parseClaim: (input) => parseWith(claim, input, "claim") as MedicalClaim,
    parsePurchase: (input) => parseWith(purchase, input, "purchase") as MedicalPurchase,
    eligibility: (p, date) => eligibility(id, spec, product.period, t, p, date),
    premium: (p, u, date) => premium(priced, t, p, u, date),
    benefit: (c, _p, date) => benefit(paid, t, c, date),
    describe: (date, lang) => describeMedical(product, spec, t, date, lang),
    withParameters: (table) => build(product, spec, table),
  };
  // The family, the input schemas (with the calculator's labels) and the example claim.
  return Object.assign(scheme, { family: "medical" as const, spec, inputs: { person, purchase, claim }, ...(product.example ? { example: product.example } : {}) });
}

/**
 * A product from its generated module (src/schemes/<id>/scheme.gen.ts: `meta` and `parameters`
 * from scheme.yaml and parameters.yaml, `medical` the spec): the registry's one line per product.
 */
export function medicalScheme(gen: { meta: Omit<MedicalProduct, "spec">; parameters: Parameter[]; medical: unknown }): MedicalScheme {
  return createMedicalScheme({ ...gen.meta, spec: gen.medical as MedicalSpecInput }, new ParameterTable(gen.parameters));
}
