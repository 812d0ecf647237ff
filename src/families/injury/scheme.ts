/**
 * An injury scheme as a Scheme (src/rules/scheme.ts): what every injury scheme shares — its
 * metadata (scheme.yaml, generated `meta`), its parameter table, its input schemas with the
 * calculator's labels and their parsing (src/rules/input.ts: an InputError names the field), the
 * rebuild over a reformed table, and the shape of its overview text — around the scheme's own
 * rules (eligibility, premium, benefit and the overview's wording: src/schemes/<id>/formulas.ts).
 */
import type { z } from "zod";
import { parseWith } from "../../rules/input.js";
import type { ParameterTable } from "../../rules/parameter.js";
import { metaFields, type Benefit, type Eligibility, type Lang, type Premium, type Scheme, type SchemeDescription, type SchemeMeta } from "../../rules/scheme.js";

/** The scheme's input schemas (zod objects whose fields carry the calculator's labels). */
export interface InjuryInputs<P, C, U> {
  person: z.ZodObject & z.ZodType<P>;
  purchase: z.ZodObject & z.ZodType<U>;
  claim: z.ZodObject & z.ZodType<C>;
}

/** A scheme's own rules over its parameter table. */
export interface InjuryRules<P, C, U> {
  eligibility(person: P, date: string): Eligibility;
  premium(person: P, purchase: U, date: string): Premium;
  benefit(claim: C, person: P, date: string): Benefit;
  describe(date: string, lang: Lang): SchemeDescription;
  /** When the allowed purchase depends on parameters in force on the date (灵活保's days); default: the purchase schema. */
  parsePurchase?(input: unknown, date: string): U;
}

/** The scheme `meta` over table `t` with its inputs and rules; `rebuild` makes it over another table (reforms). */
export function injuryScheme<P, C, U>(
  meta: SchemeMeta,
  t: ParameterTable,
  inputs: InjuryInputs<P, C, U>,
  rules: InjuryRules<P, C, U>,
  rebuild: (table: ParameterTable) => Scheme<P, C, U>,
): Scheme<P, C, U> {
  return {
    ...metaFields(meta),
    parameters: t,
    inputs,
    parsePerson: (input) => parseWith(inputs.person, input, "person") as P,
    parseClaim: (input) => parseWith(inputs.claim, input, "claim") as C,
    parsePurchase: rules.parsePurchase ?? ((input) => parseWith(inputs.purchase, input, "purchase") as U),
    eligibility: rules.eligibility,
    premium: rules.premium,
    benefit: rules.benefit,
    describe: rules.describe,
    withParameters: rebuild,
  };
}

/** The scheme-specific sentences of an overview (src/rules/scheme.ts SchemeDescription). */
export interface DescriptionText {
  covered: string;
  payers: string;
  premium: string;
  benefit: string;
  period: string;
}

/** The overview of scheme `meta` in `lang`: its name, region and sources around its own sentences. */
export function description(meta: SchemeMeta, lang: Lang, text: DescriptionText): SchemeDescription {
  return {
    id: meta.id,
    name: meta.name[lang],
    region: meta.region[lang],
    covered: text.covered,
    payers: text.payers,
    premium: text.premium,
    benefit: text.benefit,
    sources: [...meta.sources],
    period: text.period,
  };
}
