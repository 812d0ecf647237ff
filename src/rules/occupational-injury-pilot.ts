/**
 * 新就业形态就业人员职业伤害保障 — the national occupational-injury protection pilot for
 * new-form workers (the system behind "668 万 covered by 2023-09", seed 001 l.431–434).
 * Platforms pay per order (ride-hailing 0.01 元, instant delivery 0.07–0.25 元 for existing
 * platforms and 0.07 元 for new ones, intra-city freight 0.18 元; 人社部发〔2025〕24号); only
 * injuries while on an order are covered; benefits follow the statutory pattern
 * (statutory-wii.ts). Figures: /work/shared/reference/public-figures.md.
 */
import { z } from "zod";
import { age, amount, bool, integer, oneOf, parseWith } from "./input.js";
import { fmt, roundFen } from "./money.js";
import { assumed, def, noSource, ParameterTable, regulation, SEED, ver, type Parameter } from "./parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type Lang, type Scheme, type TraceLine } from "./scheme.js";
import { statutoryBenefit, statutoryClaimFields, statutoryItems, statutoryParameters } from "./statutory-wii.js";

export const ID = "occupational-injury-pilot";
/** The pilot started on 2022-07-01 in 7 provinces with 7 platforms (MOHRSS; not in the seeds). */
export const PILOT_START = "2022-07-01";
const DOC = "人社部发〔2025〕24号 (per-order contribution standards, via a municipal HRSS Q&A)";
const SECTORS = ["ride-hailing", "instant-delivery", "freight"] as const;
export type Sector = (typeof SECTORS)[number];

const P = {
  rideHailing: `${ID}.premium.rideHailing`,
  delivery: `${ID}.premium.instantDelivery`,
  deliveryNew: `${ID}.premium.instantDeliveryNewPlatform`,
  freight: `${ID}.premium.freight`,
  minAge: `${ID}.eligibility.minAge`,
  wage: `${ID}.regionalAverageWage`,
} as const;

const fromPilot = "the 2025 standard is applied from the pilot start; earlier per-order rates are not in the sources";

export const parameters: Parameter[] = [
  def(P.rideHailing, ["网约车每单缴费", "ride-hailing, per order"], "CNY/order", [0, 10], [
    ver(PILOT_START, 0.01, regulation(DOC, "ride-hailing 0.01 元 per order"), undefined, fromPilot),
  ]),
  def(P.delivery, ["即时配送每单缴费(既有平台)", "instant delivery, per order (existing platforms)"], "CNY/order", [0, 10], [
    ver(PILOT_START, 0.16, regulation(DOC, "instant delivery 0.07–0.25 元 per order, set per platform from its 2022–24 payouts"),
      assumed("the standard is a range set per platform; the midpoint of 0.07–0.25 stands for an unnamed platform", { dist: "uniform", min: 0.07, max: 0.25 })),
  ]),
  def(P.deliveryNew, ["即时配送每单缴费(新平台)", "instant delivery, per order (new platforms)"], "CNY/order", [0, 10], [
    ver(PILOT_START, 0.07, regulation(DOC, "0.07 元 per order for new platforms"), undefined, fromPilot),
  ]),
  def(P.freight, ["同城货运每单缴费", "intra-city freight, per order"], "CNY/order", [0, 10], [
    ver(PILOT_START, 0.18, regulation(DOC, "intra-city freight 0.18 元 per order"), undefined, fromPilot),
  ]),
  def(P.minAge, ["最低年龄", "minimum age"], "years", [0, 120], [
    ver(PILOT_START, 16, regulation("劳动法 (Labour Law) art. 15", "no recruitment under 16"),
      assumed("the sources give no age limit for the pilot; the legal minimum working age applies", { dist: "fixed" })),
  ], true),
  def(P.wage, ["统筹地区上年度职工月平均工资", "region's previous-year average monthly wage"], "CNY/month", [1000, 50000], [
    ver(PILOT_START, 8000, noSource("the regional average wage is not in the sources"),
      assumed("pilot lump sums are computed on the region's average wage (riders have no contract wage); its value varies by region and is not in the sources", { dist: "lognormal", median: 8000, sigma: 0.2 })),
  ]),
  ...statutoryParameters(ID, PILOT_START),
];

const PersonSchema = z.strictObject({
  age: age().default(30),
  sector: oneOf(SECTORS).default("instant-delivery"),
  newPlatform: bool().default(false),
  onPilotPlatform: bool().default(true),
});
const ClaimSchema = z.strictObject({
  onOrder: bool(),
  medicalCost: amount(),
  disabilityGrade: integer(1, 10, "disability grade, 1 = most severe").optional(),
  death: bool().optional(),
  ...statutoryClaimFields,
});
const PurchaseSchema = z.strictObject({ orders: integer(0, 100_000_000, "orders").default(1) });
export type PilotPerson = z.output<typeof PersonSchema>;
export type PilotClaim = z.output<typeof ClaimSchema>;
export type PilotPurchase = z.output<typeof PurchaseSchema>;

export function ratePath(person: PilotPerson): string {
  if (person.sector === "ride-hailing") return P.rideHailing;
  if (person.sector === "freight") return P.freight;
  return person.newPlatform ? P.deliveryNew : P.delivery;
}

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<PilotPerson, PilotClaim, PilotPurchase> {
  const scheme: Scheme<PilotPerson, PilotClaim, PilotPurchase> = {
    id: ID,
    name: { zh: "新就业形态就业人员职业伤害保障(全国试点)", en: "Occupational-injury protection pilot for new-form workers (national)" },
    region: { zh: "全国试点省份", en: "national pilot provinces" },
    sources: [SEED.singleType, "public-figures.md (人社部发〔2025〕24号; MOHRSS releases)"],
    period: { from: PILOT_START, until: null },
    referenceDate: "2025-06-01",
    parameters: t,
    benefitPersonFields: ["age"],
    pricing: [P.rideHailing, P.delivery, P.deliveryNew, P.freight],
    personDefaults: {
      en: "age 30, instant-delivery rider on an existing pilot platform",
      zh: "30岁，既有试点平台的即时配送骑手",
    },
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
