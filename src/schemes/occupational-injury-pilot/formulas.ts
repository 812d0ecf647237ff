/**
 * The occupational-injury pilot's own rules, over the injury family (src/families/injury/): the
 * platform's per-order contribution by sector; eligibility (the pilot's period, a pilot platform,
 * age); the statutory benefit package on the region's average wage, for injuries while on an
 * order only, the platform carrying the employer's share. Every number is a parameter
 * (parameters.yaml, and the statutory package's); the metadata is scheme.yaml.
 */
import { description, injuryScheme, minAgeReason, notCovered, paidInFull, paramPaths, perOrderPremium, platformWorkerBasis, statutoryLines } from "../../families/injury/index.js";
import { fmt } from "../../rules/money.js";
import { ParameterTable } from "../../rules/parameter.js";
import { eligibilityOf, reason, type Scheme } from "../../rules/scheme.js";
import { statutoryBenefit } from "../../rules/statutory-wii.js";
import { ClaimSchema, PersonSchema, PurchaseSchema, type PilotClaim, type PilotPerson, type PilotPurchase } from "./inputs.js";
import { meta, parameters } from "./scheme.gen.js";

export { SECTORS, type Sector } from "./inputs.js";
export type { PilotClaim, PilotPerson, PilotPurchase };

export const ID = meta.id;
/** The pilot started on 2022-07-01 in 7 provinces with 7 platforms (MOHRSS; not in the seeds). */
export const PILOT_START = meta.period.from;

const P = paramPaths(ID, { rideHailing: "premium.rideHailing", delivery: "premium.instantDelivery", deliveryNew: "premium.instantDeliveryNewPlatform", freight: "premium.freight", minAge: "eligibility.minAge" });
/** Riders have no contract wage: benefits on the region's average wage, the platform carrying the employer's share. */
const BASIS = platformWorkerBasis(ID);

export function ratePath(person: PilotPerson): string {
  if (person.sector === "ride-hailing") return P.rideHailing;
  if (person.sector === "freight") return P.freight;
  return person.newPlatform ? P.deliveryNew : P.delivery;
}

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<PilotPerson, PilotClaim, PilotPurchase> {
  return injuryScheme(meta, t, { person: PersonSchema, purchase: PurchaseSchema, claim: ClaimSchema }, {
    eligibility(person, date) {
      return eligibilityOf([
        reason(`${ID}.period`, date >= PILOT_START, `pilot in force from ${PILOT_START}`, `${PILOT_START}起试点`),
        reason(`${ID}.platform`, person.onPilotPlatform,
          person.onPilotPlatform ? "takes orders on a pilot platform (the platform enrols all its workers)" : "not on a pilot platform",
          person.onPilotPlatform ? "在试点平台接单(平台为其参保)" : "不在试点平台"),
        minAgeReason(`${ID}.age`, person.age, t.v(P.minAge, date)),
      ]);
    },

    premium(person, purchase, date) {
      const path = ratePath(person);
      const grossTrace = perOrderPremium(ID, purchase.orders, { path, value: t.v(path, date) });
      return paidInFull(grossTrace, { rule: `${ID}.platformPays`, payer: "platform", label: { zh: "平台按单缴费，个人不缴", en: "the platform pays per order; the worker pays nothing" } });
    },

    benefit(claim, person, date) {
      if (!claim.onOrder) return notCovered(`${ID}.onOrder`, { zh: "非接单期间受伤，不予保障", en: "injured while not on an order: not covered" }, "only injuries while on an order are covered → 0");
      return statutoryBenefit(statutoryLines(t, ID, claim, person.age, BASIS, date));
    },

    describe(date, lang) {
      const zh = lang === "zh";
      const [rh, d, dn, f] = [P.rideHailing, P.delivery, P.deliveryNew, P.freight].map((p) => t.v(p, date)) as [number, number, number, number];
      const death = t.v(`${ID}.statutory.death.incomeMultiple`, date) * t.v(`${ID}.statutory.death.nationalIncome`, date);
      return description(meta, lang, {
        covered: zh ? "试点平台的网约车司机、即时配送员、同城货运司机，仅限接单期间受伤" : "ride-hailing drivers, instant-delivery riders and intra-city freight drivers on pilot platforms; injuries while on an order only",
        payers: zh ? "平台按单缴费，个人不缴" : "the platform, per order; the worker pays nothing",
        premium: zh ? `网约车${fmt(rh)}元/单，即时配送${fmt(d)}元/单(假设，范围0.07–0.25；新平台${fmt(dn)})，同城货运${fmt(f)}元/单` : `ride-hailing ${fmt(rh)} 元/order, instant delivery ${fmt(d)} 元/order (assumed within 0.07–0.25; new platforms ${fmt(dn)}), freight ${fmt(f)} 元/order`,
        benefit: zh ? `参照工伤保险待遇：医疗费用、一次性伤残补助金、1–4级伤残津贴和生活护理费(现值)、一次性工伤医疗补助金、一次性工亡补助金${fmt(death)}元、丧葬补助金、供养亲属抚恤金(现值)；平台承担5–6级伤残津贴和一次性伤残就业补助金` : `statutory pattern: medical costs, one-time disability subsidy, grade 1–4 allowance and nursing (present values), medical lump sum on leaving, death subsidy ${fmt(death)} 元, funeral grant, survivors' pensions (present value); the platform carries the grade 5–6 allowance and the employment lump sum`,
        period: zh ? `${PILOT_START}起试点，2026年起全国推开` : `pilot from ${PILOT_START}; all provinces from 2026`,
      });
    },
  }, create);
}

export const occupationalInjuryPilot = create();
export const scheme = occupationalInjuryPilot;
