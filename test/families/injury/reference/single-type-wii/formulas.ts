// Frozen copy of src/schemes/single-type-wii/formulas.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/**
 * Single-type WII's formulas: premium = contribution base × industry-class rate × months, paid by
 * the platform or employer; eligibility by variant period, age and enrolment; the statutory
 * benefit package (src/rules/statutory-wii.ts) on the contribution base, nothing without a
 * work-injury determination or outside cover. Every number is a parameter (parameters.yaml, and
 * the statutory package's); the metadata is scheme.yaml.
 */
import { addDays } from "../../../../../src/rules/dates.js";
import { INDUSTRY_CLASSES, classRatePath } from "../../../../../src/rules/industry-class.js";
import { parseWith } from "../../../../../src/rules/input.js";
import { fmt, roundFen } from "../../../../../src/rules/money.js";
import { ParameterTable, pct } from "../../../../../src/rules/parameter.js";
import { benefitOf, eligibilityOf, metaFields, premiumOf, reason, type Lang, type Scheme, type TraceLine } from "../../../../../src/rules/scheme.js";
import { statutoryBenefit, statutoryItems } from "../../../../../src/rules/statutory-wii.js";
import { ClaimSchema, PersonSchema, PurchaseSchema, type SingleTypeClaim, type SingleTypePerson, type SingleTypePurchase, type Variant } from "./inputs.js";
import { meta, parameters } from "../../../../../src/schemes/single-type-wii/scheme.gen.js";

export { VARIANTS, type Variant } from "./inputs.js";
export type { SingleTypeClaim, SingleTypePerson, SingleTypePurchase };
export { liablePlatform, parseTasks, type ActiveTask, type Liability } from "../../../../../src/rules/first-order.js";

export const ID = meta.id;
export const PERIODS: Record<Variant, { from: string; until: string | null }> = {
  // 2019-11 guidance, art. 8 (l.51–59); open-ended in the source.
  zhejiang: meta.period,
  // 2020-07 measures "有效期至 2022 年 8 月 31 日" (l.85–87).
  guangdong: { from: meta.dates.guangdongFrom!, until: meta.dates.guangdongUntil! },
};

const P = {
  base: (v: Variant) => `${ID}.${v}.contributionBase`,
  rate: (c: number) => classRatePath(`${ID}.classRate`, c),
  minAge: `${ID}.eligibility.minAge`,
} as const;

/**
 * Last day of a cover of `months` calendar months starting on `from` (inclusive): the day before
 * the corresponding day `months` later, or the last day of that month when it has no such day
 * (民法典 art. 203: a period in months ends on the corresponding day; no such day → month end).
 */
export function coverUntil(from: string, months: number): string {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const total = m - 1 + months;
  const ty = y + Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  if (d > last) return new Date(Date.UTC(ty, tm, last)).toISOString().slice(0, 10);
  return addDays(new Date(Date.UTC(ty, tm, d)).toISOString().slice(0, 10), -1);
}

function inForce(v: Variant, date: string): boolean {
  const p = PERIODS[v];
  return date >= p.from && (p.until === null || date <= p.until);
}

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<SingleTypePerson, SingleTypeClaim, SingleTypePurchase> {
  const wage = (person: SingleTypePerson, date: string) => ({
    monthly: t.v(P.base(person.variant), date),
    path: P.base(person.variant),
    name: "contribution base",
  });
  const scheme: Scheme<SingleTypePerson, SingleTypeClaim, SingleTypePurchase> = {
    ...metaFields(meta),
    parameters: t,
    inputs: { person: PersonSchema, purchase: PurchaseSchema, claim: ClaimSchema },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      const minAge = t.v(P.minAge, date);
      const p = PERIODS[person.variant];
      return eligibilityOf([
        reason(`${ID}.${person.variant}.period`, inForce(person.variant, date), `${person.variant} measures in force ${p.from} – ${p.until ?? "open"}`, `${person.variant === "zhejiang" ? "浙江" : "广东"}办法有效期${p.from}至${p.until ?? "今"}`),
        reason(`${ID}.age`, person.age >= minAge, `age ${person.age} ${person.age >= minAge ? "≥" : "<"} ${minAge}`, `年龄${person.age}岁${person.age >= minAge ? "不低于" : "低于"}${minAge}岁`),
        reason(`${ID}.insured`, person.insuredByPlatform,
          person.insuredByPlatform ? "insured by a platform/employer (voluntary for the employer; no labour relationship needed)" : "not insured by any platform or employer (enrolment is the employer's choice)",
          person.insuredByPlatform ? "由平台/用工单位参保(单位自愿，不需劳动关系)" : "无平台或单位为其参保"),
      ]);
    },

    premium(person, purchase, date) {
      const base = t.v(P.base(person.variant), date);
      const ratePath = P.rate(person.industryClass);
      const rate = t.v(ratePath, date);
      const gross = roundFen(base * rate * purchase.months);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "工伤保险费", en: "work-injury contribution" },
        amount: gross,
        params: [P.base(person.variant), ratePath],
        get formula() { return `${fmt(base)} × ${pct(rate)} × ${purchase.months} months = ${fmt(gross)}`; },
      };
      return premiumOf(gross, grossTrace, [{
        rule: `${ID}.employerPays`,
        payer: purchase.payer,
        label: { zh: "平台/用工单位缴费，个人不缴", en: "paid by the platform/employer; the worker pays nothing" },
        amount: gross,
        params: [],
        get formula() { return `${purchase.payer} pays ${fmt(gross)}`; },
      }], { from: date, until: coverUntil(date, purchase.months) });
    },

    benefit(claim, person, date) {
      if (!claim.injuryDetermined) {
        return benefitOf([{ rule: `${ID}.determination`, label: { zh: "未认定工伤", en: "no work-injury determination" }, amount: 0, params: [], formula: "benefits need a work-injury determination (工伤认定) → 0" }]);
      }
      // Fast path of eligibility (the engine pays many claims); the reasons only when not covered.
      const covered = inForce(person.variant, date) && person.age >= t.v(P.minAge, date) && person.insuredByPlatform;
      if (!covered) {
        const unmet = scheme.eligibility(person, date).reasons.filter((r) => !r.met);
        return benefitOf([{ rule: `${ID}.notCovered`, label: { zh: "不在保障范围内", en: "not covered on the date of injury" }, amount: 0, params: [], formula: `${unmet.map((r) => r.en).join("; ")} → 0` }]);
      }
      const w = wage(person, date);
      return statutoryBenefit(statutoryItems(t, ID, claim, {
        personAge: person.age,
        wage: w,
        regionalWage: { ...w, name: "provincial average monthly wage (= the base)" },
        region: person.variant,
        // Zhejiang: months of the province's average wage; Guangdong: of the worker's own wage.
        lumpSumWage: person.variant === "guangdong" ? "worker" : "regional",
        employerPayer: "employer",
      }, date));
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const zj = t.v(P.base("zhejiang"), date);
      const r1 = t.v(P.rate(1), date);
      const r8 = t.v(P.rate(INDUSTRY_CLASSES), date);
      const m1 = t.v(`${ID}.statutory.disabilityMonths.grade1`, date);
      const m10 = t.v(`${ID}.statutory.disabilityMonths.grade10`, date);
      const death = t.v(`${ID}.statutory.death.incomeMultiple`, date) * t.v(`${ID}.statutory.death.nationalIncome`, date);
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh ? "平台/用工单位自愿为无劳动关系的灵活就业人员(网约车、外卖、快递等)单独参加工伤保险" : "workers without a labour relationship (ride-hailing, delivery, express …) whom a platform or employer chooses to insure for work injury only",
        payers: zh ? "平台或用工单位缴费，个人不缴" : "the platform or employer; the worker pays nothing",
        premium: zh
          ? `缴费基数×行业费率(${pct(r1)}–${pct(r8)})；浙江基数为全省上年度职工月平均工资(假设${fmt(zj)}元)，每人每月${fmt(roundFen(zj * r1))}–${fmt(roundFen(zj * r8))}元`
          : `base × industry rate (${pct(r1)}–${pct(r8)}); Zhejiang's base is the province's previous-year average monthly wage (assumed ${fmt(zj)} 元): ${fmt(roundFen(zj * r1))}–${fmt(roundFen(zj * r8))} 元 per person-month`,
        benefit: zh
          ? `工伤保险条例待遇：医疗费用，一次性伤残补助金${m1}–${m10}个月工资，1–4级伤残津贴与生活护理费(按受伤时现值)，5–10级离职时一次性工伤医疗补助金；一次性工亡补助金${fmt(death)}元、丧葬补助金、供养亲属抚恤金(现值)；5–6级伤残津贴和一次性伤残就业补助金由用人单位支付`
          : `statutory benefits: medical costs, one-time disability subsidy of ${m1}–${m10} months' wage, grade 1–4 disability allowance and nursing (present values at injury), grade 5–10 medical lump sum on leaving the job; death subsidy ${fmt(death)} 元, funeral grant, survivors' pensions (present value); the grade 5–6 allowance and the employment lump sum are the employer's`,
        sources: [...scheme.sources],
        period: zh ? `浙江${PERIODS.zhejiang.from}起；广东${PERIODS.guangdong.from}至${PERIODS.guangdong.until}` : `Zhejiang from ${PERIODS.zhejiang.from}; Guangdong ${PERIODS.guangdong.from} – ${PERIODS.guangdong.until}`,
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

export const singleTypeWii = create();
export const scheme = singleTypeWii;
