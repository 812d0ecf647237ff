// Frozen copy of src/schemes/occupational-injury-pilot/formulas.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/**
 * The occupational-injury pilot's formulas: the platform's per-order contribution by sector;
 * eligibility (a pilot platform, age); the statutory benefit package (src/rules/statutory-wii.ts)
 * on the region's average wage, for injuries while on an order only, the platform carrying the
 * employer's share. Every number is a parameter (parameters.yaml, and the statutory package's);
 * the metadata is scheme.yaml.
 */
import { parseWith } from "../../../../../src/rules/input.js";
import { fmt, roundFen } from "../../../../../src/rules/money.js";
import { ParameterTable } from "../../../../../src/rules/parameter.js";
import { benefitOf, eligibilityOf, metaFields, premiumOf, reason, type Lang, type Scheme, type TraceLine } from "../../../../../src/rules/scheme.js";
import { statutoryBenefit, statutoryItems } from "../../../../../src/rules/statutory-wii.js";
import { ClaimSchema, PersonSchema, PurchaseSchema, type PilotClaim, type PilotPerson, type PilotPurchase } from "./inputs.js";
import { meta, parameters } from "../../../../../src/schemes/occupational-injury-pilot/scheme.gen.js";

export { SECTORS, type Sector } from "./inputs.js";
export type { PilotClaim, PilotPerson, PilotPurchase };

export const ID = meta.id;
/** The pilot started on 2022-07-01 in 7 provinces with 7 platforms (MOHRSS; not in the seeds). */
export const PILOT_START = meta.period.from;

const P = {
  rideHailing: `${ID}.premium.rideHailing`,
  delivery: `${ID}.premium.instantDelivery`,
  deliveryNew: `${ID}.premium.instantDeliveryNewPlatform`,
  freight: `${ID}.premium.freight`,
  minAge: `${ID}.eligibility.minAge`,
  wage: `${ID}.regionalAverageWage`,
} as const;

export function ratePath(person: PilotPerson): string {
  if (person.sector === "ride-hailing") return P.rideHailing;
  if (person.sector === "freight") return P.freight;
  return person.newPlatform ? P.deliveryNew : P.delivery;
}

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<PilotPerson, PilotClaim, PilotPurchase> {
  const scheme: Scheme<PilotPerson, PilotClaim, PilotPurchase> = {
    ...metaFields(meta),
    parameters: t,
    inputs: { person: PersonSchema, purchase: PurchaseSchema, claim: ClaimSchema },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      const minAge = t.v(P.minAge, date);
      return eligibilityOf([
        reason(`${ID}.period`, date >= PILOT_START, `pilot in force from ${PILOT_START}`, `${PILOT_START}起试点`),
        reason(`${ID}.platform`, person.onPilotPlatform,
          person.onPilotPlatform ? "takes orders on a pilot platform (the platform enrols all its workers)" : "not on a pilot platform",
          person.onPilotPlatform ? "在试点平台接单(平台为其参保)" : "不在试点平台"),
        reason(`${ID}.age`, person.age >= minAge, `age ${person.age} ${person.age >= minAge ? "≥" : "<"} ${minAge}`, `年龄${person.age}岁${person.age >= minAge ? "不低于" : "低于"}${minAge}岁`),
      ]);
    },

    premium(person, purchase, date) {
      const path = ratePath(person);
      const rate = t.v(path, date);
      const gross = roundFen(rate * purchase.orders);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "按单缴费", en: "per-order contribution" },
        amount: gross,
        params: [path],
        get formula() { return `${fmt(rate)} × ${purchase.orders} orders = ${fmt(gross)}`; },
      };
      return premiumOf(gross, grossTrace, [{
        rule: `${ID}.platformPays`,
        payer: "platform",
        label: { zh: "平台按单缴费，个人不缴", en: "the platform pays per order; the worker pays nothing" },
        amount: gross,
        params: [],
        get formula() { return `platform pays ${fmt(gross)}`; },
      }]);
    },

    benefit(claim, person, date) {
      if (!claim.onOrder) {
        return benefitOf([{ rule: `${ID}.onOrder`, label: { zh: "非接单期间受伤，不予保障", en: "injured while not on an order: not covered" }, amount: 0, params: [], formula: "only injuries while on an order are covered → 0" }]);
      }
      const w = { monthly: t.v(P.wage, date), path: P.wage, name: "region's average monthly wage" };
      // The platform carries the employer's statutory share (5–6 allowance, employment lump sum).
      return statutoryBenefit(statutoryItems(t, ID, claim, { personAge: person.age, wage: w, regionalWage: w, region: "national", lumpSumWage: "regional", employerPayer: "platform" }, date));
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const [rh, d, dn, f] = [P.rideHailing, P.delivery, P.deliveryNew, P.freight].map((p) => t.v(p, date)) as [number, number, number, number];
      const death = t.v(`${ID}.statutory.death.incomeMultiple`, date) * t.v(`${ID}.statutory.death.nationalIncome`, date);
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh ? "试点平台的网约车司机、即时配送员、同城货运司机，仅限接单期间受伤" : "ride-hailing drivers, instant-delivery riders and intra-city freight drivers on pilot platforms; injuries while on an order only",
        payers: zh ? "平台按单缴费，个人不缴" : "the platform, per order; the worker pays nothing",
        premium: zh ? `网约车${fmt(rh)}元/单，即时配送${fmt(d)}元/单(假设，范围0.07–0.25；新平台${fmt(dn)})，同城货运${fmt(f)}元/单` : `ride-hailing ${fmt(rh)} 元/order, instant delivery ${fmt(d)} 元/order (assumed within 0.07–0.25; new platforms ${fmt(dn)}), freight ${fmt(f)} 元/order`,
        benefit: zh ? `参照工伤保险待遇：医疗费用、一次性伤残补助金、1–4级伤残津贴和生活护理费(现值)、一次性工伤医疗补助金、一次性工亡补助金${fmt(death)}元、丧葬补助金、供养亲属抚恤金(现值)；平台承担5–6级伤残津贴和一次性伤残就业补助金` : `statutory pattern: medical costs, one-time disability subsidy, grade 1–4 allowance and nursing (present values), medical lump sum on leaving, death subsidy ${fmt(death)} 元, funeral grant, survivors' pensions (present value); the platform carries the grade 5–6 allowance and the employment lump sum`,
        sources: [...scheme.sources],
        period: zh ? `${PILOT_START}起试点，2026年起全国推开` : `pilot from ${PILOT_START}; all provinces from 2026`,
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

export const occupationalInjuryPilot = create();
export const scheme = occupationalInjuryPilot;
