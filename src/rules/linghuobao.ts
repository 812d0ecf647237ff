/**
 * 灵活保 — Ningbo flexible workers' work-accident insurance (from 2022-06-25): government-guided,
 * budget-subsidised, run by CPIC P&C Ningbo; bought voluntarily by the worker per day.
 * Source: seed 000_9d4d07eb047c1552.txt (premium l.191–192, subsidy l.162–165, ages l.177/240,
 * job period l.261–262, purchase days l.268–270, benefits l.83–86, first policy l.77–81).
 */
import { z } from "zod";
import { INDUSTRY_STANDARD, gradePath, industryRatioParameters } from "./disability.js";
import { addDays } from "./dates.js";
import { age, amount, bool, integer, parseWith } from "./input.js";
import { fmt, mulRate, roundFen } from "./money.js";
import { assumed, def, noSource, ParameterTable, pct, SEED, seed, ver, type Parameter } from "./parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type Lang, type PremiumLine, type Scheme, type TraceLine } from "./scheme.js";

export const ID = "linghuobao";
const F = SEED.linghuobao;
/** First policy sold 25 June (l.77–81); the year, 2022, follows from "2021 年年底" (l.50) being past. */
export const LAUNCH = "2022-06-25";
/** The budget subsidy covers the first two years (l.162–164): it ends two years after launch. */
export const SUBSIDY_END = "2024-06-25";

const P = {
  daily: `${ID}.premium.daily`,
  budgetShare: `${ID}.subsidy.budgetShare`,
  minDays: `${ID}.purchase.minDays`,
  maxDays: `${ID}.purchase.maxDays`,
  minAge: `${ID}.eligibility.minAge`,
  maxAge: `${ID}.eligibility.maxAge`,
  jobLimit: `${ID}.eligibility.jobPeriodLimitDays`,
  medicalCap: `${ID}.medical.cap`,
  medicalRate: `${ID}.medical.rate`,
  sumInsured: `${ID}.disabilityDeath.sumInsured`,
  ratio: `${ID}.disability.ratio`,
} as const;

export const parameters: Parameter[] = [
  def(P.daily, ["基础保费", "basic premium"], "CNY/day", [0, 100], [
    ver(LAUNCH, 0.6, seed(F, 191, "保费标准亲民（0.6元/人/天，补贴后")),
  ]),
  def(P.budgetShare, ["财政补贴比例", "budget subsidy share of the basic premium"], "share", [0, 1], [
    ver(LAUNCH, 0.5, seed(F, 164, "伤害保障保费的 50%由财政资金")),
    ver(SUBSIDY_END, 0, seed(F, 162, "产品先期 （两年内） 每个灵活就业个人的基础"), undefined,
      "the subsidy is for the first two years only (l.162–164, l.192 “前两年0.3元/人/天”); nothing is said of a later subsidy, so 0"),
  ]),
  def(P.minDays, ["单次最少投保天数", "fewest days per purchase"], "days", [1, 366], [
    ver(LAUNCH, 1, seed(F, 269, "保 最 少 投 保 1 天 ， 最 多 投 保 28")),
  ], true),
  def(P.maxDays, ["单次最多投保天数", "most days per purchase"], "days", [1, 366], [
    ver(LAUNCH, 28, seed(F, 269, "保 最 少 投 保 1 天 ， 最 多 投 保 28")),
  ], true),
  def(P.minAge, ["最低年龄", "minimum age"], "years", [0, 120], [
    ver(LAUNCH, 16, seed(F, 240, "员的年龄为 16 周岁至 65 周岁")),
  ], true),
  def(P.maxAge, ["最高年龄", "maximum age"], "years", [0, 120], [
    ver(LAUNCH, 65, seed(F, 240, "员的年龄为 16 周岁至 65 周岁")),
  ], true),
  def(P.jobLimit, ["岗位工作期上限(少于)", "job period must be shorter than"], "days", [1, 3660], [
    ver(LAUNCH, 29, seed(F, 262, "少于 29 天，具体岗位不做限制")),
  ], true),
  def(P.medicalCap, ["意外医疗保额(每次事故)", "medical cover per accident"], "CNY", [0, 1e7], [
    ver(LAUNCH, 30000, seed(F, 84, "供最高 3 万元医疗费用和 30 万元"),
      assumed("the seed gives the 3 万 / 30 万 limits without a period (l.84–85); 灵活保 is bought by the day, purchase by purchase, so they are read per accident, as in accident insurance — not per purchase or per year (an interpretation; per purchase would pay less to a worker hurt twice in one purchase)", { dist: "fixed" })),
  ]),
  def(P.medicalRate, ["意外医疗赔付比例", "share of medical costs paid"], "share", [0, 1], [
    ver(LAUNCH, 1, noSource("the seed gives only the 3 万 cap, no deductible or co-payment"),
      assumed("no deductible or co-payment is mentioned; full payment up to the cap is the plain reading", { dist: "triangular", min: 0.8, mode: 1, max: 1 })),
  ]),
  def(P.sumInsured, ["意外伤残身故保额(每次事故)", "disability/death sum insured per accident"], "CNY", [0, 1e8], [
    ver(LAUNCH, 300000, seed(F, 84, "30 万元"), assumed("the seed gives the 3 万 / 30 万 limits without a period (l.84–85); 灵活保 is bought by the day, purchase by purchase, so they are read per accident, as in accident insurance — not per purchase or per year (an interpretation; per purchase would pay less to a worker hurt twice in one purchase)", { dist: "fixed" }), "l.84–85: “30 万元意外伤残身故赔偿”"),
  ]),
  ...industryRatioParameters(P.ratio, LAUNCH, assumed(
    "the seed names the grading bodies (l.283–286) but no table; the insurance-industry standard is the market norm for accident cover",
    { dist: "fixed" },
  ), INDUSTRY_STANDARD),
];

const PersonSchema = z.strictObject({
  age: age().default(40),
  registeredOnPlatform: bool().default(true),
  jobInNingbo: bool().default(true),
  jobPeriodDays: integer(1, 3660, "days").default(1),
});
const ClaimSchema = z.strictObject({
  medicalCost: amount(),
  disabilityGrade: integer(1, 10, "disability grade, 1 = most severe").optional(),
  death: bool().optional(),
});
export type LinghuobaoPerson = z.output<typeof PersonSchema>;
export type LinghuobaoClaim = z.output<typeof ClaimSchema>;
export interface LinghuobaoPurchase {
  days: number;
}

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<LinghuobaoPerson, LinghuobaoClaim, LinghuobaoPurchase> {
  const scheme: Scheme<LinghuobaoPerson, LinghuobaoClaim, LinghuobaoPurchase> = {
    id: ID,
    name: { zh: "灵活保(灵活就业人员工作意外伤害保险)", en: "Linghuobao (Ningbo flexible workers' work-accident insurance)" },
    region: { zh: "浙江宁波", en: "Ningbo, Zhejiang" },
    sources: [F],
    period: { from: LAUNCH, until: null },
    referenceDate: LAUNCH,
    parameters: t,
    benefitPersonFields: [],
    // No yearly limits: the 3 万 medical and 30 万 disability/death limits are per accident (an
    // interpretation, labelled on the parameters), so the engine pays every claim on its own.
    yearlyFields: [],
    pricing: [P.daily],
    personDefaults: {
      en: "age 40, registered on 灵活就业服务在线, job inside Ningbo, job period 1 day",
      zh: "40岁，已在灵活就业服务在线注册，岗位在宁波市域内，岗位工作期1天",
    },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase(input, date) {
      const min = t.v(P.minDays, date);
      const max = t.v(P.maxDays, date);
      const schema = z.strictObject({ days: integer(min, max, "days per purchase").default(min) });
      return parseWith(schema, input, "purchase");
    },

    eligibility(person, date) {
      const minAge = t.v(P.minAge, date);
      const maxAge = t.v(P.maxAge, date);
      const limit = t.v(P.jobLimit, date);
      const ageOk = person.age >= minAge && person.age <= maxAge;
      const jobOk = person.jobPeriodDays < limit;
      return eligibilityOf([
        reason(`${ID}.period`, date >= LAUNCH, `scheme in force from ${LAUNCH}`, `${LAUNCH}起实施`),
        reason(`${ID}.age`, ageOk, `age ${person.age} ${ageOk ? "within" : "outside"} ${minAge}–${maxAge}`, `年龄${person.age}岁${ageOk ? "在" : "不在"}${minAge}–${maxAge}周岁之内`),
        reason(`${ID}.registered`, person.registeredOnPlatform,
          person.registeredOnPlatform ? "registered on 灵活就业服务在线" : "not registered on 灵活就业服务在线 (required)",
          person.registeredOnPlatform ? "已在灵活就业服务在线注册" : "未在灵活就业服务在线注册(须注册)"),
        reason(`${ID}.jobInNingbo`, person.jobInNingbo,
          person.jobInNingbo ? "job inside Ningbo (any household registration)" : "job outside Ningbo (required: inside Ningbo)",
          person.jobInNingbo ? "岗位在宁波市行政区域内(不限户籍)" : "岗位不在宁波市行政区域内"),
        reason(`${ID}.jobPeriod`, jobOk, `job period ${person.jobPeriodDays} days ${jobOk ? "<" : "≥"} ${limit}`, `岗位工作期${person.jobPeriodDays}天${jobOk ? "少于" : "不少于"}${limit}天`),
      ]);
    },

    premium(_person, purchase, date) {
      const daily = t.v(P.daily, date);
      const gross = roundFen(daily * purchase.days);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "基础保费", en: "basic premium" },
        amount: gross,
        params: [P.daily],
        get formula() { return `${fmt(daily)} × ${purchase.days} days = ${fmt(gross)}`; },
      };
      const share = t.v(P.budgetShare, date);
      const subsidies: PremiumLine[] = [];
      if (share > 0) {
        const s = mulRate(gross, share);
        subsidies.push({
          rule: `${ID}.budgetSubsidy`,
          payer: "budget",
          label: { zh: "财政补贴(前两年)", en: "budget subsidy (first two years)" },
          amount: s,
          params: [P.budgetShare],
          get formula() { return `${fmt(gross)} × ${pct(share)} = ${fmt(s)}`; },
        });
      }
      // Cover for a day bought runs 00:00–24:00 of the next day (l.82–84).
      return premiumOf(gross, grossTrace, subsidies, { from: addDays(date, 1), until: addDays(date, purchase.days) });
    },

    benefit(claim, _person, date) {
      const items: TraceLine[] = [];
      const cap = t.v(P.medicalCap, date);
      const rate = t.v(P.medicalRate, date);
      const medical = Math.min(mulRate(claim.medicalCost, rate), cap);
      items.push({
        rule: `${ID}.medical`,
        label: { zh: "意外医疗费用", en: "medical costs" },
        amount: medical,
        params: [P.medicalRate, P.medicalCap],
        get formula() { return `min(${fmt(claim.medicalCost)} × ${pct(rate)}, ${fmt(cap)}) = ${fmt(medical)}`; },
      });
      const sum = t.v(P.sumInsured, date);
      let lump = 0;
      if (claim.disabilityGrade !== undefined) {
        const path = gradePath(P.ratio, claim.disabilityGrade);
        const ratio = t.v(path, date);
        const amt = mulRate(sum, ratio);
        lump += amt;
        items.push({
          rule: `${ID}.disability`,
          label: { zh: `意外伤残(${claim.disabilityGrade}级)`, en: `disability (grade ${claim.disabilityGrade})` },
          amount: amt,
          params: [P.sumInsured, path],
          get formula() { return `${fmt(sum)} × ${pct(ratio)} = ${fmt(amt)}`; },
        });
      }
      if (claim.death) {
        lump += sum;
        items.push({
          rule: `${ID}.death`,
          label: { zh: "意外身故", en: "death" },
          amount: sum,
          params: [P.sumInsured],
          get formula() { return `${fmt(sum)}`; },
        });
      }
      if (lump > sum) {
        items.push({
          rule: `${ID}.disabilityDeathCap`,
          label: { zh: "伤残与身故合计以保额为限", en: "disability and death together at most the sum insured" },
          amount: sum - lump,
          params: [P.sumInsured],
          get formula() { return `min(${fmt(lump)}, ${fmt(sum)}) − ${fmt(lump)} = ${fmt(sum - lump)}`; },
        });
      }
      return benefitOf(items);
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const daily = t.v(P.daily, date);
      const share = t.v(P.budgetShare, date);
      const net = roundFen(daily * (1 - share));
      const [minAge, maxAge, minDays, maxDays, med, sum] = [P.minAge, P.maxAge, P.minDays, P.maxDays, P.medicalCap, P.sumInsured].map((p) => t.v(p, date)) as [number, number, number, number, number, number];
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh
          ? `在灵活就业服务在线注册、岗位在宁波的灵活就业人员，${minAge}–${maxAge}周岁，不限户籍和工种，岗位工作期少于${t.v(P.jobLimit, date)}天`
          : `flexible workers registered on 灵活就业服务在线 with a job in Ningbo, age ${minAge}–${maxAge}, any household registration or occupation, job period under ${t.v(P.jobLimit, date)} days`,
        payers: zh ? (share > 0 ? `个人自愿投保，财政补贴${pct(share)}` : "个人自愿投保(财政补贴期已结束)") : share > 0 ? `the worker, voluntarily; the budget pays ${pct(share)}` : "the worker, voluntarily (budget subsidy period over)",
        premium: zh ? `${fmt(daily)}元/人/天，个人实付${fmt(net)}元/天；每次${minDays}–${maxDays}天` : `${fmt(daily)} 元 per person per day, the worker pays ${fmt(net)} 元/day; ${minDays}–${maxDays} days per purchase`,
        benefit: zh ? `每次事故医疗费用最高${fmt(med)}元，意外伤残身故最高${fmt(sum)}元` : `per accident: medical costs up to ${fmt(med)} 元, disability/death up to ${fmt(sum)} 元`,
        sources: [...scheme.sources],
        period: zh ? `${LAUNCH}起(财政补贴至${addDays(SUBSIDY_END, -1)})` : `from ${LAUNCH} (budget subsidy until ${addDays(SUBSIDY_END, -1)})`,
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

export const linghuobao = create();