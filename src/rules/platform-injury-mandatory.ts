/**
 * The paper's proposal (seed 001_bfda1da3fb4197fa.txt §4, l.459–527): a dedicated, mandatory
 * work-injury scheme for platform workers on the single-type (statutory) benefits, financed by
 * the platforms, backed by commercial insurance, with third-party liability cover, injury
 * determination centred on causation, and a worker's own right to file. Hypothetical: every
 * amount and rate here is a labelled assumption.
 */
import { z } from "zod";
import { age, amount, bool, integer, parseWith } from "./input.js";
import { fmt, mulRate, roundFen } from "./money.js";
import { assumed, def, ParameterTable, SEED, seed, ver, type Parameter } from "./parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type Lang, type PremiumLine, type Scheme, type TraceLine } from "./scheme.js";
import { statutoryBenefit, statutoryClaimFields, statutoryItems, statutoryParameters } from "./statutory-wii.js";

export const ID = "platform-injury-mandatory";
const F = SEED.singleType;
/** A proposal has no start date; the paper's year is used so the parameters have a version. */
export const FROM = "2025-01-01";

const P = {
  perOrder: `${ID}.premium.perOrder`,
  tpPerOrder: `${ID}.thirdParty.premiumPerOrder`,
  tpCap: `${ID}.thirdParty.cap`,
  tpRate: `${ID}.thirdParty.rate`,
  minAge: `${ID}.eligibility.minAge`,
  wage: `${ID}.regionalAverageWage`,
} as const;

export const parameters: Parameter[] = [
  def(P.perOrder, ["平台每单缴费(强制)", "mandatory platform contribution per order"], "CNY/order", [0, 10], [
    ver(FROM, 0.15, seed(F, 480, "区别于单险种工伤保险的一点，就是强制性"),
      assumed("the paper gives no rate; set within the national pilot's 0.01–0.25 元/order range, near its delivery midpoint", { dist: "uniform", min: 0.05, max: 0.3 })),
  ]),
  def(P.tpPerOrder, ["第三者责任附加险每单保费", "third-party liability add-on per order"], "CNY/order", [0, 10], [
    ver(FROM, 0.02, seed(F, 491, "亟需探索建立配套的第三者责任保险机制"),
      assumed("no price is proposed; a few fen per order is the order of commercial rider liability cover", { dist: "uniform", min: 0.005, max: 0.05 })),
  ]),
  def(P.tpCap, ["第三者责任每次事故限额", "third-party liability limit per accident"], "CNY", [0, 1e8], [
    ver(FROM, 500000, seed(F, 493, "确保其具备足够的赔偿能力"),
      assumed("no limit is proposed; 50 万 is a common per-accident limit for rider liability cover", { dist: "triangular", min: 200000, mode: 500000, max: 1000000 })),
  ]),
  def(P.tpRate, ["第三者损害赔付比例", "share of third-party damage paid"], "share", [0, 1], [
    ver(FROM, 1, seed(F, 487, "以商业保险作为灵活就业人员造成第三人损害等问题的补充保障"),
      assumed("liability cover pays the damage owed in full up to the limit", { dist: "fixed" })),
  ]),
  def(P.minAge, ["最低年龄", "minimum age"], "years", [0, 120], [
    ver(FROM, 16, seed(F, 461, "建立专门的平台灵活就业人员工伤保险制度"),
      assumed("no age limit is proposed; the legal minimum working age (Labour Law art. 15) applies", { dist: "fixed" })),
  ], true),
  def(P.wage, ["待遇计发工资(地区平均工资)", "wage for benefits (region's average monthly wage)"], "CNY/month", [1000, 50000], [
    ver(FROM, 8000, seed(F, 465, "与传统工伤保险的关系属于特别法与一般法的关系"),
      assumed("benefits on the single-type pattern need a wage; platform workers have none, so the region's average wage is used, as single-type WII uses the provincial average", { dist: "lognormal", median: 8000, sigma: 0.2 })),
  ]),
  ...statutoryParameters(ID, FROM),
];

const PersonSchema = z.strictObject({
  age: age().default(30),
  platformWorker: bool().default(true),
  thirdPartyCover: bool().default(false),
});
const ClaimSchema = z.strictObject({
  workRelated: bool(),
  medicalCost: amount(),
  disabilityGrade: integer(1, 10, "disability grade, 1 = most severe").optional(),
  death: bool().optional(),
  thirdPartyDamage: amount().optional(),
  ...statutoryClaimFields,
});
const PurchaseSchema = z.strictObject({ orders: integer(0, 100_000_000, "orders").default(1) });
export type MandatoryPerson = z.output<typeof PersonSchema>;
export type MandatoryClaim = z.output<typeof ClaimSchema>;
export type MandatoryPurchase = z.output<typeof PurchaseSchema>;

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<MandatoryPerson, MandatoryClaim, MandatoryPurchase> {
  const scheme: Scheme<MandatoryPerson, MandatoryClaim, MandatoryPurchase> = {
    id: ID,
    name: { zh: "平台灵活就业人员强制工伤保险(论文建议)", en: "Mandatory platform-worker injury insurance (the paper's proposal)" },
    region: { zh: "全国(假设)", en: "national (hypothetical)" },
    sources: [F],
    period: { from: FROM, until: null },
    referenceDate: FROM,
    parameters: t,
    benefitPersonFields: ["age", "thirdPartyCover"],
    pricing: [P.perOrder, P.tpPerOrder],
    personDefaults: {
      en: "age 30, works through a platform, no third-party liability add-on",
      zh: "30岁，平台灵活就业人员，无第三者责任附加险",
    },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      const minAge = t.v(P.minAge, date);
      return eligibilityOf([
        reason(`${ID}.platformWorker`, person.platformWorker,
          person.platformWorker ? "works through a platform: covered compulsorily" : "not a platform worker (the proposal covers platform workers)",
          person.platformWorker ? "平台灵活就业人员，强制参保" : "非平台灵活就业人员"),
        reason(`${ID}.age`, person.age >= minAge, `age ${person.age} ${person.age >= minAge ? "≥" : "<"} ${minAge}`, `年龄${person.age}岁${person.age >= minAge ? "不低于" : "低于"}${minAge}岁`),
      ]);
    },

    premium(person, purchase, date) {
      const rate = t.v(P.perOrder, date);
      const base = rate * purchase.orders;
      const tp = person.thirdPartyCover ? t.v(P.tpPerOrder, date) : 0;
      const gross = roundFen(base + tp * purchase.orders);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "按单缴费", en: "per-order contribution" },
        amount: gross,
        params: person.thirdPartyCover ? [P.perOrder, P.tpPerOrder] : [P.perOrder],
        formula: person.thirdPartyCover
          ? `(${fmt(rate)} + ${fmt(tp)} third-party) × ${purchase.orders} orders = ${fmt(gross)}`
          : `${fmt(rate)} × ${purchase.orders} orders = ${fmt(gross)}`,
      };
      const line: PremiumLine = {
        rule: `${ID}.platformPays`,
        payer: "platform",
        label: { zh: "平台缴费，个人不缴", en: "financed by the platform; the worker pays nothing" },
        amount: gross,
        params: [],
        get formula() { return `platform pays ${fmt(gross)}`; },
      };
      return premiumOf(gross, grossTrace, [line]);
    },

    benefit(claim, person, date) {
      if (!claim.workRelated) {
        return benefitOf([{ rule: `${ID}.causation`, label: { zh: "伤害与工作无因果关系", en: "injury not caused by the work" }, amount: 0, params: [], formula: "determination centred on causation: not work-related → 0" }]);
      }
      const w = { monthly: t.v(P.wage, date), path: P.wage, name: "region's average monthly wage" };
      const items = statutoryItems(t, ID, claim, { personAge: person.age, wage: w, regionalWage: w, region: "national", lumpSumWage: "regional", employerPayer: "platform" }, date);
      if (claim.thirdPartyDamage !== undefined && claim.thirdPartyDamage > 0) {
        if (person.thirdPartyCover) {
          const rate = t.v(P.tpRate, date);
          const cap = t.v(P.tpCap, date);
          const amt = Math.min(mulRate(claim.thirdPartyDamage, rate), cap);
          items.push({
            rule: `${ID}.thirdParty`,
            label: { zh: "第三者责任", en: "third-party liability" },
            amount: amt,
            payer: "fund",
            params: [P.tpRate, P.tpCap],
            get formula() { return `min(${fmt(claim.thirdPartyDamage ?? 0)} × ${fmt(rate * 100)}%, ${fmt(cap)}) = ${fmt(amt)}`; },
          });
        } else {
          items.push({ rule: `${ID}.thirdParty`, label: { zh: "第三者责任(未投保附加险)", en: "third-party liability (no add-on)" }, amount: 0, payer: "fund", params: [], formula: "no third-party add-on → 0" });
        }
      }
      return statutoryBenefit(items);
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const rate = t.v(P.perOrder, date);
      const tp = t.v(P.tpPerOrder, date);
      const cap = t.v(P.tpCap, date);
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh ? "所有平台灵活就业人员，强制参保；以因果关系为核心认定工伤，劳动者及家属可申请认定" : "every platform worker, compulsorily; injuries determined by causation, workers and families may file",
        payers: zh ? "平台，个人不缴" : "the platforms; workers pay nothing",
        premium: zh ? `每单${fmt(rate)}元(假设)；第三者责任附加险每单${fmt(tp)}元(假设)` : `${fmt(rate)} 元 per order (assumed); third-party add-on ${fmt(tp)} 元 per order (assumed)`,
        benefit: zh ? `单险种工伤保险(工伤保险条例)待遇；第三者责任每次事故最高${fmt(cap)}元(假设)` : `single-type (statutory) WII benefits; third-party liability up to ${fmt(cap)} 元 per accident (assumed)`,
        sources: [...scheme.sources],
        period: zh ? "建议方案(假设自2025-01-01)" : "proposal (hypothetically from 2025-01-01)",
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

export const platformInjuryMandatory = create();
