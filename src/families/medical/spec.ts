/**
 * The supplementary-medical family's spec (惠民保-like products): the shape a product's YAML gives
 * under `medical:` — premium tiers, subsidies, group purchase, eligibility, cost components with
 * deductibles and flat or banded rates (by pre-existing status), an exclusion and caps. Every
 * number is a reference to one of the product's parameters by its path (the parameters carry the
 * sources and assumptions); the spec only says how they combine. Validated with zod on load, so a
 * YAML mistake names its path. Sources of the shape: 工惠保 (seed 002 l.96–112, l.191–196) and
 * 天一甬宁保 (seed 003 l.7–59), the two products it was drawn from (their code before the family is
 * kept as the test oracle, test/families/medical/reference/). Example: src/schemes/huhuibao-2021/.
 */
import { z } from "zod";
import { PREMIUM_PAYERS } from "../../vocabulary/payers.js";

/**
 * A parameter key relative to the product id, as parameters.yaml names it ("inCatalog.rate" is
 * the path "gonghuibao.inCatalog.rate"); resolved to full paths when the spec is read (parseSpec in resolve.ts).
 */
export const paramPath = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/, { error: "must be a parameter key of parameters.yaml such as inCatalog.rate" });
/** A rule id relative to the product id ("inCatalog" is the rule "gonghuibao.inCatalog"). */
const ruleId = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/, { error: "must be a rule name such as inCatalog" });
const fieldName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: "must be a camelCase field name" });
export const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** Every payer of a premium (src/vocabulary/payers.ts). */
const payer = z.enum(PREMIUM_PAYERS);

/** An input field of the calculator: its name in the person/claim object and its labels. */
const field = z.strictObject({ name: fieldName, label: bilingual, hint: bilingual.optional() });

/** A yes/no attribute of the person (basic-insurance membership, a card, a student tier…). */
const personFlag = field.extend({ default: z.boolean() });

/** A condition on the person: an age comparison with a parameter, or a yes/no person field. */
const ageCondition = z.strictObject({ age: z.enum(["<", "<=", ">", ">="]), param: paramPath });
const flagCondition = z.strictObject({ field: fieldName });
const condition = z.union([ageCondition, flagCondition]);

/** A premium tier: the first tier one of whose conditions holds applies; the last has none. */
const tier = z.strictObject({
  premium: paramPath,
  /** Any of these (age first as listed); absent = the remaining persons. */
  when: z.array(condition).min(1).optional(),
  /** Shown in the trace for the remaining persons, e.g. "adult". */
  name: bilingual.optional(),
});

/** A subsidy paid by someone other than the insured on an individual purchase. */
const subsidy = z.strictObject({
  rule: ruleId,
  payer,
  label: bilingual,
  /** Amount per person (元); never more than what is left of the premium. */
  amount: paramPath,
  /** A yes/no person field that must be true (e.g. a bank's card holders); absent = everyone. */
  when: fieldName.optional(),
  /** Population-level limits (checked by calibration targets, not per person). */
  budget: paramPath.optional(),
  maxPersons: paramPath.optional(),
});

/** Group purchase: another payer buys for the person and pays the whole premium. */
const groupPurchase = z.strictObject({
  rule: ruleId,
  payers: z.partialRecord(payer, bilingual),
});

/** A payout rate: one parameter, or one for claims with a pre-existing condition and one without. */
export const rate = z.union([paramPath, z.strictObject({ preExisting: paramPath, noPreExisting: paramPath })]);

const band = z.strictObject({
  /** Lower edge (元): the part of the cost above it … */
  from: paramPath,
  /** … up to this edge; absent on the top band. */
  to: paramPath.optional(),
  rate,
  rule: ruleId.optional(),
});

/** A cost component: a claim field (元 in a policy year), paid above a deductible at a flat rate or in bands. */
const component = z
  .strictObject({
    field,
    /** An optional claim field: its line appears only when the cost is > 0. */
    optional: z.boolean().optional(),
    /** Rule id of the line (flat) or the prefix of its bands' ids; default <scheme>.<field>. */
    rule: ruleId.optional(),
    /** Label of the trace line (flat) or prefix of the band lines; default the field's label (flat). */
    label: bilingual.optional(),
    deductible: paramPath.optional(),
    rate: rate.optional(),
    /** Banded rates over the cost; the first band's lower edge acts as the deductible. */
    bands: z.array(band).min(1).optional(),
    /** The component's own yearly cap (then it is outside the overall cap unless listed there). */
    cap: paramPath.optional(),
  })
  .refine((c) => (c.rate === undefined) !== (c.bands === undefined), { error: "give exactly one of rate or bands" })
  .refine((c) => c.bands === undefined || c.deductible === undefined, { error: "a banded component has no deductible: its first band's lower edge is one" })
  .refine((c) => !c.bands || c.bands.every((b, i) => (i === c.bands!.length - 1) === (b.to === undefined)), { error: "every band but the last needs `to`; the last has none" });

/** Costs not paid (e.g. named pre-existing diseases), taken out of components before their deductibles. */
const exclusion = z.strictObject({
  field,
  rule: ruleId,
  /** Label of the (zero) trace line that lists them. */
  label: bilingual,
  /** The components the excluded costs are part of; split between them in proportion to their size. */
  from: z.array(fieldName).min(1),
});

/** The overall yearly cap on the components it covers. */
const cap = z.strictObject({
  param: paramPath,
  /** Claim fields of the components under it; default every component without its own cap. */
  covers: z.array(fieldName).min(1).optional(),
  rule: ruleId.optional(),
});

const requirement = z.strictObject({
  rule: ruleId,
  /** A yes/no person field that must be true (e.g. member of the city's basic medical insurance). */
  field: fieldName,
  met: bilingual,
  unmet: bilingual,
});

export const medicalSpec = z.strictObject({
  person: z.strictObject({
    ageDefault: z.number().int().min(0).max(120).default(40),
    flags: z.array(personFlag).default([]),
  }),
  eligibility: z.strictObject({
    /** Who is covered, for the overview (no numbers); default the requirements' texts. */
    covered: bilingual.optional(),
    /** Text of the period reason; default "scheme in force from <from>". */
    period: bilingual.optional(),
    requires: z.array(requirement).default([]),
    /** Age limits at purchase (inclusive). */
    age: z.strictObject({ min: paramPath.optional(), max: paramPath.optional(), rule: ruleId.optional() }).optional(),
  }),
  premium: z.strictObject({
    rule: ruleId.optional(),
    tiers: z.array(tier).min(1),
    subsidies: z.array(subsidy).default([]),
    groupPurchase: groupPurchase.optional(),
  }),
  benefit: z.strictObject({
    /** In order; a rate that depends on pre-existing status adds the claim field `preExisting`. */
    components: z.array(component).min(1),
    exclusion: exclusion.optional(),
    cap: cap.optional(),
    /** Benefits the product has but the model leaves out (terms not published …): said in its description. */
    omitted: z.array(z.strictObject({ label: bilingual, note: bilingual })).default([]),
  }),
});

export type MedicalSpecInput = z.input<typeof medicalSpec>;
export type MedicalSpec = z.output<typeof medicalSpec>;
export type Component = MedicalSpec["benefit"]["components"][number];
export type Band = NonNullable<Component["bands"]>[number];
export type Rate = z.output<typeof rate>;
export type Tier = MedicalSpec["premium"]["tiers"][number];
export type Condition = z.output<typeof condition>;
export type Field = z.output<typeof field>;
