/**
 * 乌鲁木齐市补充工伤保险 — Urumqi supplementary work-injury insurance (trial, 2025-09-01 for two
 * years): government-guided, employer-voluntary, insurer-run. Track A (art. 6) tops up statutory
 * WII for insured staff; track B (art. 7) covers special persons outside WII, on condition that
 * the employer also insures its WII staff. Employer/platform pays monthly, the worker nothing;
 * cover starts the day after payment (art. 9); six covered situations (art. 11), exclusions
 * (art. 12), 48-hour reporting (art. 13). Source: seed 004_0ee32e765675cb13.txt.
 * Annexes 1–3 (rates, amounts, Xinjiang risk classes) are not in the file: premiums use the 8
 * national industry classes and every amount is a labelled assumption.
 */
import { z } from "zod";
import { addDays, addYears } from "./dates.js";
import { gradePath, industryRatioParameters } from "./disability.js";
import { classRateParameters, classRatePath, INDUSTRY_CLASSES } from "./industry-class.js";
import { age, amount, bool, integer, isoDateString, number, oneOf, parseWith } from "./input.js";
import { fmt, mulRate, roundFen } from "./money.js";
import { assumed, def, noSource, ParameterTable, pct, SEED, seed, ver, type Parameter } from "./parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type Lang, type Scheme, type TraceLine } from "./scheme.js";

export const ID = "urumqi-supplementary-wii";
const F = SEED.urumqi;
export const START = "2025-09-01";
/** Art. 26: from 2025-09-01, valid for 2 years → last day 2027-08-31. */
export const END = addDays(addYears(START, 2), -1);

export const TRACK_A = ["employee", "construction-project", "express-delivery", "other-wii"] as const;
export const TRACK_B = ["flexible", "village-committee", "over-age", "platform", "intern", "other"] as const;
const CATEGORIES = [...TRACK_A, ...TRACK_B] as const;
export type Category = (typeof CATEGORIES)[number];
export const SITUATIONS = ["at-work", "preparatory-or-finishing", "violence-on-duty", "business-travel", "commuting-no-fault", "rescue-or-public-interest", "other"] as const;
export const EXCLUSIONS = ["intentional-crime", "drunk-or-unlicensed-driving", "fighting-drunkenness-drugs", "self-harm-or-suicide", "missing", "sudden-illness"] as const;

export function trackOf(category: Category): "A" | "B" {
  return (TRACK_A as readonly string[]).includes(category) ? "A" : "B";
}

const P = {
  minAge: `${ID}.eligibility.minAge`,
  overAgeMax: `${ID}.eligibility.overAgeMaxAge`,
  reportHours: `${ID}.claims.reportWithinHours`,
  classRate: (c: number) => classRatePath(`${ID}.classRate`, c),
  premiumA: `${ID}.trackA.premium.class1Monthly`,
  premiumB: `${ID}.trackB.premium.class1Monthly`,
  bDeath: `${ID}.trackB.death.amount`,
  bDisability: `${ID}.trackB.disability.sumInsured`,
  bRatio: `${ID}.trackB.disability.ratio`,
  bMedRate: `${ID}.trackB.medical.rate`,
  bMedCap: `${ID}.trackB.medical.cap`,
  aDeath: `${ID}.trackA.death.amount`,
  aDisability: `${ID}.trackA.disabilityAllowance.sumInsured`,
  aEmployment: `${ID}.trackA.employmentSubsidy.sumInsured`,
  aEmploymentFromGrade: `${ID}.trackA.employmentSubsidy.fromGrade`,
  aRatio: `${ID}.trackA.disability.ratio`,
  aWageDaily: `${ID}.trackA.paidLeave.dailyWageSubsidy`,
  aNursingDaily: `${ID}.trackA.paidLeave.dailyNursingSubsidy`,
  aMaxDays: `${ID}.trackA.paidLeave.maxDays`,
} as const;

const annex1 = (what: string) => noSource(`Annex 1 (track A amounts) is not in the file: ${what}`);
const annex2 = (what: string) => noSource(`Annex 2 (track B amounts) is not in the file: ${what}`);

export const parameters: Parameter[] = [
  def(P.minAge, ["最低年龄", "minimum age"], "years", [0, 120], [
    ver(START, 16, seed(F, 43, "年满16周岁及以上的高中等院校"), undefined, "stated for interns (art. 7(5)); applied to all as the legal working age"),
  ], true),
  def(P.overAgeMax, ["超龄人员最高年龄", "over-age workers: maximum age"], "years", [0, 120], [
    ver(START, 70, seed(F, 39, "超过法定退休年龄（≤70周岁）")),
  ], true),
  def(P.reportHours, ["报案时限", "reporting deadline"], "hours", [0, 720], [
    ver(START, 48, seed(F, 82, "事故48小时内通过商业保险公司的客服热线")),
  ]),
  ...classRateParameters(`${ID}.classRate`, START, assumed(
    "Annex 3 (Xinjiang risk classes) is not in the file; the 8 national classes and base rates set the relative price of each class",
    { dist: "fixed" },
  )),
  def(P.premiumA, ["A类(已参工伤)月保费(一类行业)", "track A monthly premium, class 1"], "CNY/month", [0, 10000], [
    ver(START, 10, annex1("contribution standard"), assumed("a top-up of statutory WII; tens of 元 a month at most for the riskiest class (10 元 × 9.5)", { dist: "lognormal", median: 10, sigma: 0.5 })),
  ]),
  def(P.premiumB, ["B类(特定人员)月保费(一类行业)", "track B monthly premium, class 1"], "CNY/month", [0, 10000], [
    ver(START, 25, annex2("contribution standard"), assumed("track B is the only cover of its members, so dearer than track A; ~25 元/month for class 1", { dist: "lognormal", median: 25, sigma: 0.5 })),
  ]),
  def(P.bDeath, ["B类一次性身故赔偿金", "track B death lump sum"], "CNY", [0, 1e8], [
    ver(START, 600000, annex2("death amount"), assumed("commercial occupational-injury cover for special persons typically pays 50–100 万 on death", { dist: "triangular", min: 300000, mode: 600000, max: 1000000 })),
  ]),
  def(P.bDisability, ["B类一次性伤残补助金保额", "track B disability sum insured"], "CNY", [0, 1e8], [
    ver(START, 600000, annex2("disability amount"), assumed("equal to the death amount, scaled by the grade ratio (art. 14 industry standard)", { dist: "triangular", min: 300000, mode: 600000, max: 1000000 })),
  ]),
  ...industryRatioParameters(P.bRatio, START, undefined, seed(F, 86, "《人身保险伤残评定标准（行业标准）》（中保协发〔2013〕88号）")),
  def(P.bMedRate, ["B类职业伤害医疗补助金比例", "track B medical subsidy share"], "share", [0, 1], [
    ver(START, 1, annex2("medical subsidy"), assumed("medical subsidy taken as full reimbursement up to its cap", { dist: "triangular", min: 0.7, mode: 1, max: 1 })),
  ]),
  def(P.bMedCap, ["B类职业伤害医疗补助金限额", "track B medical subsidy cap"], "CNY", [0, 1e8], [
    ver(START, 50000, annex2("medical subsidy cap"), assumed("5 万 is a common accident-medical limit in commercial occupational-injury cover", { dist: "triangular", min: 20000, mode: 50000, max: 200000 })),
  ]),
  def(P.aDeath, ["A类一次性工亡抚恤金", "track A death lump sum"], "CNY", [0, 1e8], [
    ver(START, 200000, annex1("death amount"), assumed("a top-up on the statutory death subsidy (≈108 万), smaller than track B's stand-alone amount", { dist: "triangular", min: 100000, mode: 200000, max: 500000 })),
  ]),
  def(P.aDisability, ["A类一次性伤残津贴保额", "track A disability allowance sum insured"], "CNY", [0, 1e8], [
    ver(START, 200000, annex1("disability allowance"), assumed("scaled by grade like the accident standard; sized like the death top-up", { dist: "triangular", min: 100000, mode: 200000, max: 500000 })),
  ]),
  ...industryRatioParameters(P.aRatio, START, assumed("track A grades come from the statutory 劳动能力鉴定; the industry ratios stand in for Annex 1's table", { dist: "fixed" })),
  def(P.aEmployment, ["A类一次性伤残就业补助金保额", "track A disability employment subsidy sum insured"], "CNY", [0, 1e8], [
    ver(START, 50000, annex1("employment subsidy"), assumed("the statutory employment subsidy exists for grades 5–10 only; a modest top-up scaled by grade", { dist: "triangular", min: 20000, mode: 50000, max: 100000 })),
  ]),
  def(P.aEmploymentFromGrade, ["A类就业补助金适用最高等级", "track A employment subsidy: from grade"], "multiple", [1, 10], [
    ver(START, 5, annex1("grades eligible"), assumed("as in 工伤保险条例 arts. 36–37, grades 5–10 receive the employment subsidy", { dist: "fixed" })),
  ], true),
  def(P.aWageDaily, ["A类停工留薪期工资补助(日)", "track A paid-leave wage subsidy per day"], "CNY/day", [0, 10000], [
    ver(START, 100, annex1("paid-leave wage subsidy"), assumed("≈ a third of an average daily wage as a top-up during paid leave", { dist: "triangular", min: 50, mode: 100, max: 200 })),
  ]),
  def(P.aNursingDaily, ["A类停工留薪期护理补助(日)", "track A paid-leave nursing subsidy per day"], "CNY/day", [0, 10000], [
    ver(START, 50, annex1("nursing subsidy"), assumed("half the wage top-up, for days a carer is needed", { dist: "triangular", min: 20, mode: 50, max: 150 })),
  ]),
  def(P.aMaxDays, ["A类停工留薪期最长天数", "track A paid leave: most days"], "days", [0, 1000], [
    ver(START, 365, noSource("工伤保险条例 art. 33: paid leave generally up to 12 months"), assumed("12 months (art. 33 of the Regulations) taken as 365 days", { dist: "fixed" })),
  ], true),
];

const PersonSchema = z.strictObject({
  age: age().default(30),
  category: oneOf(CATEGORIES).default("platform"),
  industryClass: integer(1, INDUSTRY_CLASSES, "industry risk class").default(2),
  employerInsuresWiiStaff: bool().default(true),
});
const ClaimSchema = z.strictObject({
  situation: oneOf(SITUATIONS).default("at-work"),
  exclusion: oneOf(EXCLUSIONS).optional(),
  injuryDetermined: bool().default(true),
  reportedAfterHours: number(0, 100000, "hours after the accident").default(0),
  unverifiableShare: number(0, 1, "share of the loss that could not be verified").default(0),
  premiumPaidOn: isoDateString().optional(),
  medicalCost: amount().default(0),
  disabilityGrade: integer(1, 10, "disability grade, 1 = most severe").optional(),
  death: bool().optional(),
  paidLeaveDays: integer(0, 10000, "days").default(0),
  nursingDays: integer(0, 10000, "days").default(0),
});
const PurchaseSchema = z.strictObject({
  months: integer(1, 24, "months").default(1),
  payer: oneOf(["employer", "platform", "association"] as const).optional(),
});
export type UrumqiPerson = z.output<typeof PersonSchema>;
export type UrumqiClaim = z.output<typeof ClaimSchema>;
export type UrumqiPurchase = z.output<typeof PurchaseSchema>;

const zero = (rule: string, en: string, zh: string, formula: string): TraceLine => ({ rule, label: { en, zh }, amount: 0, params: [], formula });

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<UrumqiPerson, UrumqiClaim, UrumqiPurchase> {
  function trackBItems(claim: UrumqiClaim, date: string): TraceLine[] {
    const items: TraceLine[] = [];
    const rate = t.v(P.bMedRate, date);
    const cap = t.v(P.bMedCap, date);
    const med = Math.min(mulRate(claim.medicalCost, rate), cap);
    items.push({ rule: `${ID}.trackB.medical`, label: { zh: "职业伤害医疗补助金", en: "occupational-injury medical subsidy" }, amount: med, params: [P.bMedRate, P.bMedCap], get formula() { return `min(${fmt(claim.medicalCost)} × ${pct(rate)}, ${fmt(cap)}) = ${fmt(med)}`; } });
    // Art. 16: a death lump sum *or* a disability lump sum.
    if (claim.death) {
      const d = t.v(P.bDeath, date);
      items.push({ rule: `${ID}.trackB.death`, label: { zh: "一次性身故赔偿金", en: "death lump sum" }, amount: d, params: [P.bDeath], get formula() { return `${fmt(d)}${claim.disabilityGrade ? " (death replaces the disability lump sum: art. 16 “或”)" : ""}`; } });
    } else if (claim.disabilityGrade !== undefined) {
      const path = gradePath(P.bRatio, claim.disabilityGrade);
      const sum = t.v(P.bDisability, date);
      const ratio = t.v(path, date);
      const amt = mulRate(sum, ratio);
      items.push({ rule: `${ID}.trackB.disability`, label: { zh: `一次性伤残补助金(${claim.disabilityGrade}级)`, en: `disability lump sum (grade ${claim.disabilityGrade})` }, amount: amt, params: [P.bDisability, path], get formula() { return `${fmt(sum)} × ${pct(ratio)} = ${fmt(amt)}`; } });
    }
    return items;
  }

  function trackAItems(claim: UrumqiClaim, date: string): TraceLine[] {
    const items: TraceLine[] = [];
    const maxDays = t.v(P.aMaxDays, date);
    const days = Math.min(claim.paidLeaveDays, maxDays);
    const nursing = Math.min(claim.nursingDays, days);
    const wd = t.v(P.aWageDaily, date);
    const nd = t.v(P.aNursingDaily, date);
    if (days > 0) {
      const a = roundFen(days * wd);
      items.push({ rule: `${ID}.trackA.paidLeaveWage`, label: { zh: "一次性停工留薪期工资补助金", en: "paid-leave wage subsidy" }, amount: a, params: [P.aWageDaily, P.aMaxDays], get formula() { return `min(${claim.paidLeaveDays}, ${maxDays}) days × ${fmt(wd)} = ${fmt(a)}`; } });
    }
    if (nursing > 0) {
      const a = roundFen(nursing * nd);
      items.push({ rule: `${ID}.trackA.paidLeaveNursing`, label: { zh: "一次性停工留薪期护理补助金", en: "paid-leave nursing subsidy" }, amount: a, params: [P.aNursingDaily], get formula() { return `min(${claim.nursingDays}, ${days}) days × ${fmt(nd)} = ${fmt(a)}`; } });
    }
    if (claim.disabilityGrade !== undefined) {
      const path = gradePath(P.aRatio, claim.disabilityGrade);
      const ratio = t.v(path, date);
      const sum = t.v(P.aDisability, date);
      const a = mulRate(sum, ratio);
      items.push({ rule: `${ID}.trackA.disabilityAllowance`, label: { zh: `一次性伤残津贴(${claim.disabilityGrade}级)`, en: `disability allowance (grade ${claim.disabilityGrade})` }, amount: a, params: [P.aDisability, path], get formula() { return `${fmt(sum)} × ${pct(ratio)} = ${fmt(a)}`; } });
      const from = t.v(P.aEmploymentFromGrade, date);
      if (claim.disabilityGrade >= from) {
        const es = t.v(P.aEmployment, date);
        const b = mulRate(es, ratio);
        items.push({ rule: `${ID}.trackA.employmentSubsidy`, label: { zh: "一次性伤残就业补助金", en: "disability employment subsidy" }, amount: b, params: [P.aEmployment, P.aEmploymentFromGrade, path], get formula() { return `grade ${claim.disabilityGrade} ≥ ${from}: ${fmt(es)} × ${pct(ratio)} = ${fmt(b)}`; } });
      }
    }
    if (claim.death) {
      const d = t.v(P.aDeath, date);
      items.push({ rule: `${ID}.trackA.death`, label: { zh: "一次性工亡抚恤金", en: "death benefit" }, amount: d, params: [P.aDeath], formula: fmt(d) });
    }
    return items;
  }

  const scheme: Scheme<UrumqiPerson, UrumqiClaim, UrumqiPurchase> = {
    id: ID,
    name: { zh: "乌鲁木齐市补充工伤保险(试行)", en: "Urumqi supplementary work-injury insurance (trial)" },
    region: { zh: "新疆乌鲁木齐", en: "Urumqi, Xinjiang" },
    sources: [F],
    period: { from: START, until: END },
    referenceDate: START,
    parameters: t,
    // Monthly premium = class-1 premium × class rate / class-1 rate: the class rates only set relative prices.
    benefitPersonFields: ["category"],
    pricing: [P.premiumA, P.premiumB],
    personDefaults: {
      en: "age 30, platform ride-hailing/delivery worker (track B), industry class 2, employer also insures its WII staff",
      zh: "30岁，平台网约车/外卖/快递从业人员(第七条特定人员)，行业风险二类，用人单位同时为其工伤参保职工投保",
    },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      const track = trackOf(person.category);
      const minAge = t.v(P.minAge, date);
      const reasons = [
        reason(`${ID}.period`, date >= START && date <= END, `trial in force ${START} – ${END} (art. 26)`, `试行期${START}至${END}(第二十六条)`),
        reason(`${ID}.minAge`, person.age >= minAge, `age ${person.age} ${person.age >= minAge ? "≥" : "<"} ${minAge}`, `年龄${person.age}岁${person.age >= minAge ? "不低于" : "低于"}${minAge}周岁`),
      ];
      if (person.category === "over-age") {
        const max = t.v(P.overAgeMax, date);
        reasons.push(reason(`${ID}.overAgeMax`, person.age <= max, `over-age worker aged ${person.age} ${person.age <= max ? "≤" : ">"} ${max} (art. 7(3))`, `超龄人员${person.age}岁${person.age <= max ? "不超过" : "超过"}${max}周岁(第七条第三项)`));
      }
      if (track === "B") {
        reasons.push(reason(`${ID}.trackB.condition`, person.employerInsuresWiiStaff,
          person.employerInsuresWiiStaff ? "track B (art. 7): the employer also insures its WII-insured staff" : "track B (art. 7) requires the employer to insure its WII-insured staff too",
          person.employerInsuresWiiStaff ? "第七条特定人员：用人单位同时为已参加工伤保险人员投保" : "第七条要求用人单位须同时为本单位已参加工伤保险人员投保"));
      } else {
        reasons.push(reason(`${ID}.trackA`, true, "track A (art. 6): already in statutory WII", "第六条：已依法参加工伤保险人员"));
      }
      return eligibilityOf(reasons);
    },

    premium(person, purchase, date) {
      const track = trackOf(person.category);
      const basePath = track === "A" ? P.premiumA : P.premiumB;
      const base = t.v(basePath, date);
      const r = t.v(P.classRate(person.industryClass), date);
      const r1 = t.v(P.classRate(1), date);
      const monthly = roundFen((base * r) / r1);
      const gross = roundFen(monthly * purchase.months);
      const payer = purchase.payer ?? (person.category === "platform" ? "platform" : person.category === "flexible" ? "association" : "employer");
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "补充工伤保险费(按月)", en: "supplementary WII premium (monthly)" },
        amount: gross,
        params: [basePath, P.classRate(person.industryClass), P.classRate(1)],
        get formula() { return `${fmt(base)} × (${pct(r)} / ${pct(r1)}) = ${fmt(monthly)}/month × ${purchase.months} = ${fmt(gross)}`; },
      };
      return premiumOf(gross, grossTrace, [{
        rule: `${ID}.policyholderPays`,
        payer,
        label: { zh: "投保人按月交费，个人不交费(第九条)", en: "the policyholder pays monthly; individuals pay nothing (art. 9)" },
        amount: gross,
        params: [],
        get formula() { return `${payer} pays ${fmt(gross)}`; },
      }], { from: addDays(date, 1), until: addDays(addDays(date, 1), 30 * purchase.months - 1) });
    },

    benefit(claim, person, date) {
      const track = trackOf(person.category);
      if (date > END) return benefitOf([zero(`${ID}.period`, "trial period over", "试行期已结束", `${date} > ${END} → 0`)]);
      if (claim.premiumPaidOn !== undefined && date <= claim.premiumPaidOn) {
        return benefitOf([zero(`${ID}.coverStart`, "before cover started", "保险责任尚未生效", `cover starts the day after payment (${addDays(claim.premiumPaidOn, 1)}, art. 9) → 0`)]);
      }
      if (track === "A" && !claim.injuryDetermined) {
        return benefitOf([zero(`${ID}.trackA.determination`, "no official injury determination", "无工伤认定决定书", "track A pays on the HRSS work-injury determination (art. 10) → 0")]);
      }
      if (track === "B" && claim.situation === "other") {
        return benefitOf([zero(`${ID}.trackB.situation`, "not one of the six covered situations", "不属于第十一条六种情形", "art. 11 lists six situations → 0")]);
      }
      if (track === "B" && claim.exclusion !== undefined) {
        return benefitOf([zero(`${ID}.trackB.exclusion`, `excluded: ${claim.exclusion}`, `除外情形：${claim.exclusion}`, "art. 12 exclusion → 0")]);
      }
      const items = track === "A" ? trackAItems(claim, date) : trackBItems(claim, date);
      const hours = t.v(P.reportHours, date);
      if (claim.reportedAfterHours > hours && claim.unverifiableShare > 0) {
        let total = 0;
        for (const i of items) total += i.amount;
        const cut = -mulRate(total, claim.unverifiableShare);
        items.push({ rule: `${ID}.lateReport`, label: { zh: "逾期报案无法确定部分不赔", en: "late report: unverifiable part not paid" }, amount: cut, params: [P.reportHours], get formula() { return `reported after ${fmt(claim.reportedAfterHours)} h > ${fmt(hours)} h: −${fmt(total)} × ${pct(claim.unverifiableShare)} = ${fmt(cut)}`; } });
      }
      return benefitOf(items);
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const a = t.v(P.premiumA, date);
      const b = t.v(P.premiumB, date);
      const rel8 = t.v(P.classRate(INDUSTRY_CLASSES), date) / t.v(P.classRate(1), date);
      const death = t.v(P.bDeath, date);
      const medCap = t.v(P.bMedCap, date);
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh
          ? "A类：已参加工伤保险的职工、建筑项目和快递从业人员；B类：无劳动关系的灵活就业人员、村(社区)两委、超龄(≤70岁)、平台网约车外卖快递、16岁以上实习见习人员"
          : "track A: staff already in statutory WII (employees, construction projects, express staff); track B: flexible workers without a labour relationship, village committee members, over-age workers (≤ 70), platform ride-hailing/delivery/express workers, interns aged 16+",
        payers: zh ? "用人单位(或平台、行业协会)按月交费，个人不交费" : "the employer (or platform / trade association) pays monthly; individuals pay nothing",
        premium: zh
          ? `每人每月A类${fmt(a)}–${fmt(roundFen(a * rel8))}元、B类${fmt(b)}–${fmt(roundFen(b * rel8))}元，按行业风险类别(假设，附件未公开)`
          : `per person-month: track A ${fmt(a)}–${fmt(roundFen(a * rel8))} 元, track B ${fmt(b)}–${fmt(roundFen(b * rel8))} 元 by industry class (assumed; annexes not in the source)`,
        benefit: zh
          ? `B类：身故${fmt(death)}元或伤残按等级比例，医疗补助最高${fmt(medCap)}元；A类：一次性待遇补充(均为假设)`
          : `track B: death ${fmt(death)} 元 or disability by grade ratio, medical subsidy up to ${fmt(medCap)} 元; track A: lump-sum top-ups (all assumed)`,
        sources: [...scheme.sources],
        period: `${START} – ${END}`,
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

export const urumqiSupplementaryWii = create();
