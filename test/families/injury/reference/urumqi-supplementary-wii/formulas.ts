// Frozen copy of src/schemes/urumqi-supplementary-wii/formulas.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/**
 * Urumqi supplementary WII's formulas: the monthly premium by track and industry class, paid by
 * the policyholder; eligibility by category (track A art. 6, track B art. 7); track A's lump-sum
 * top-ups on the statutory determination, track B's medical subsidy and death or disability lump
 * sum (art. 16 “或”), the six situations (art. 11), exclusions (art. 12), cover from the day after
 * payment (art. 9) and the 48-hour report rule (art. 13). Every number is a parameter
 * (parameters.yaml); the metadata is scheme.yaml.
 */
import { addDays } from "../../../../../src/rules/dates.js";
import { gradePath } from "../../../../../src/rules/disability.js";
import { classRatePath, INDUSTRY_CLASSES } from "../../../../../src/rules/industry-class.js";
import { parseWith } from "../../../../../src/rules/input.js";
import { fmt, mulRate, roundFen } from "../../../../../src/rules/money.js";
import { ParameterTable, pct } from "../../../../../src/rules/parameter.js";
import { benefitOf, eligibilityOf, metaFields, premiumOf, reason, type Lang, type Scheme, type TraceLine } from "../../../../../src/rules/scheme.js";
import { ClaimSchema, PersonSchema, PurchaseSchema, TRACK_A, type Category, type UrumqiClaim, type UrumqiPerson, type UrumqiPurchase } from "./inputs.js";
import { meta, parameters } from "../../../../../src/schemes/urumqi-supplementary-wii/scheme.gen.js";

export { CATEGORIES, EXCLUSIONS, SITUATIONS, TRACK_A, TRACK_B, type Category } from "./inputs.js";
export type { UrumqiClaim, UrumqiPerson, UrumqiPurchase };

export const ID = meta.id;
export const START = meta.period.from;
/** Art. 26: two years from the start. */
export const END = meta.period.until!;

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
    ...metaFields(meta),
    parameters: t,
    inputs: { person: PersonSchema, purchase: PurchaseSchema, claim: ClaimSchema },
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
export const scheme = urumqiSupplementaryWii;
