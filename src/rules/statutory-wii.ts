/**
 * The statutory work-injury benefit package (工伤保险条例, Work-Injury Insurance Regulations),
 * shared by single-type WII, the national occupational-injury pilot and the mandatory-scheme
 * proposal. Every benefit of one injury, each as its own trace line naming its article and who
 * pays it, periodic streams as expected present values at the date of injury
 * (statutory-periodic.ts):
 *   - medical costs within the WII catalogues, paid in full (art. 30) — fund;
 *   - disability: one-time disability subsidy = months(grade) × wage (arts. 35–37) — fund;
 *     grades 1–4 the 伤残津贴 to retirement and the top-up of the pension after it (art. 35) and
 *     the nursing allowance (art. 34) — fund; grades 5–6 the allowance when the employer cannot
 *     place the worker (art. 36) — employer; grades 5–10 on leaving the job the medical lump sum
 *     (fund) and the employment lump sum (employer) (arts. 36–37, provincial amounts);
 *   - death: one-time subsidy = 20 × previous year's national urban per-capita disposable income,
 *     funeral grant = 6 × the region's average monthly wage, survivors' pensions (art. 39) — fund.
 *     Death replaces the disability benefits of the same injury.
 * The wage is the worker's, floored at 60 % and capped at 300 % of the region's average (art. 64).
 * A line's `payer` is "fund" (in the payout) or the employer/platform (shown, not in the payout).
 * Not modelled: paid-leave wages (employer, art. 33), rehabilitation, assistive devices, food and
 * travel allowances, the survivors' benefits when a grade 1–4 pensioner later dies of the injury.
 * Figures: /work/shared/reference/public-figures.md.
 */
import { gradePath } from "./disability.js";
import { bool, integer, labelled, number, oneOf } from "./input.js";
import { checkAge, OMEGA } from "./life-table.js";
import type { Parameter, ParameterTable } from "./parameter.js";
import { pct } from "./parameter.js";
import { instantiate } from "./parameter-template.js";
import { template } from "./statutory/parameters.gen.js";
import { fmt, mulRate, roundFen } from "./money.js";
import type { Benefit, TraceLine } from "./scheme.js";
import type { BenefitPayer } from "../vocabulary/payers.js";
import {
  certainFactor, firstYearFactor, LEAVING_JOB_REGIONS, mixedFactor, NURSING_LEVELS, periodicPaths, SEXES, taperShare, valuationBasis, valuationParams,
  type LeavingJobRegion, type NursingLevel, type Sex, type ValuationBasis,
} from "./statutory-periodic.js";

/**
 * The statutory parameters of scheme `schemeId` starting on `from`, under `${schemeId}.statutory`:
 * the template src/rules/statutory/parameters.yaml (generated into parameters.gen.ts), with the
 * lump sums on leaving the job of `regions` only. Each scheme gets its own copy, so a reform of one
 * never changes another.
 */
export function statutoryParameters(schemeId: string, from: string, regions: readonly LeavingJobRegion[] = ["national"]): Parameter[] {
  const prefix = `${schemeId}.statutory`;
  return template
    .filter((t) => {
      const region = /^leavingJob\.([a-z]+)\./.exec(t.key)?.[1] as LeavingJobRegion | undefined;
      return region === undefined || !(LEAVING_JOB_REGIONS as readonly string[]).includes(region) || regions.includes(region);
    })
    .map((t) => instantiate(t, prefix, from));
}

const L = (zh: string, en: string) => ({ zh, en });

/** Claim fields of the statutory package shared by the three schemes (all optional), labelled for the calculator. */
export const statutoryClaimFields = {
  /** Age at injury; defaults to the person's age. */
  age: labelled(integer(0, OMEGA, `age at injury, years; the life table ends at ${OMEGA}`).optional(), {
    label: L("受伤时年龄", "age at injury"),
    hint: L("周岁，0–105；留空则用人员年龄", "whole years, 0–105; none = the person's age"),
  }),
  /** Sex, for mortality and retirement age; when absent the assumed mix is used. */
  sex: labelled(oneOf(SEXES).optional(), {
    label: L("性别", "sex"),
    options: { male: L("男", "male"), female: L("女", "female") },
    hint: L("留空则按假设的男女比例", "none = the assumed share of men"),
  }),
  /** The worker's monthly wage, 元; when absent the scheme's benefit wage. */
  wage: labelled(number(0, 10_000_000, "the worker's monthly wage, 元").optional(), {
    label: L("本人月工资", "worker's monthly wage"),
    kind: "amount",
    hint: L("元/月，按统筹地区平均工资的60%–300%计", "yuan a month, bounded at 60–300 % of the regional average"),
  }),
  /** Nursing dependence as assessed; when absent the assumed need by grade (grades 1–4). */
  nursing: labelled(oneOf(["none", ...NURSING_LEVELS] as const).optional(), {
    label: L("生活自理障碍", "nursing dependence"),
    options: { none: L("无需护理", "none"), full: L("完全不能自理", "full dependence"), large: L("大部分不能自理", "large dependence"), partial: L("部分不能自理", "partial dependence") },
    hint: L("留空则按等级的假设比例", "none = the grade's assumed shares"),
  }),
  /** Eligible dependants (供养亲属) of a deceased worker; when absent the assumed share and count. */
  dependants: labelled(integer(0, 10, "eligible dependants (供养亲属)").optional(), { label: L("供养亲属人数", "eligible dependants"), hint: L("工亡时；0–10", "on death; 0–10") }),
  /** Grades 5–10: whether the worker left the job (and takes the lump sums); when absent the assumed share. */
  leftJob: labelled(bool().optional(), { label: L("已解除劳动关系(5–10级)", "left the job (grades 5–10)") }),
};

export interface StatutoryClaim {
  medicalCost: number;
  disabilityGrade?: number | undefined;
  death?: boolean | undefined;
  age?: number | undefined;
  sex?: Sex | undefined;
  wage?: number | undefined;
  nursing?: "none" | NursingLevel | undefined;
  dependants?: number | undefined;
  leftJob?: boolean | undefined;
}

/** The wage the benefits are computed on: value, the parameter it comes from, and a label. */
export interface WageBasis {
  monthly: number;
  path: string;
  name: string;
}

/** Who pays a benefit line: the scheme's fund (counted in the payout) or the employer/platform. */
export type { BenefitPayer };

/** A benefit trace line with its payer. */
export interface PayerTraceLine extends TraceLine {
  payer: BenefitPayer;
  /** A periodic stream's expected payments in the first 12 months after the injury (undiscounted;
   *  the cash basis, src/sim): absent on lump sums, which are paid in full at once. */
  cash?: number;
}

export interface StatutoryContext {
  /** The person's age (used when the claim gives none) and the field it came from. */
  personAge: number;
  /** The scheme's benefit wage when the claim gives none (contribution base, regional average). */
  wage: WageBasis;
  /** The region's average monthly wage: funeral grant, nursing, lump sums, art. 64 bounds. */
  regionalWage: WageBasis;
  /** Whose lump sums on leaving the job (parameters under leavingJob.<region>). */
  region: LeavingJobRegion;
  /** Lump sums in months of the worker's wage (Guangdong) or of the regional average (Zhejiang). */
  lumpSumWage: "worker" | "regional";
  /** Who carries the employer's statutory share. */
  employerPayer: "employer" | "platform";
}

/** Payout = the fund's lines; employer/platform lines are shown but not paid by the scheme. */
export function statutoryBenefit(items: PayerTraceLine[]): Benefit {
  let total = 0;
  for (const i of items) if (i.payer === "fund") total += i.amount;
  return { payout: Math.round(total * 100) / 100 + 0, items };
}

/** The benefit wage after art. 64's floor and cap, with a text for formulas. */
function benefitWage(t: ParameterTable, p: ReturnType<typeof periodicPaths>, claim: StatutoryClaim, ctx: StatutoryContext, date: string): { monthly: number; text: string; params: string[] } {
  if (claim.wage === undefined) return { monthly: ctx.wage.monthly, text: `${fmt(ctx.wage.monthly)} (${ctx.wage.name})`, params: [ctx.wage.path] };
  const floor = t.v(p.wageFloor, date);
  const cap = t.v(p.wageCap, date);
  const avg = ctx.regionalWage.monthly;
  const lo = roundFen(floor * avg);
  const hi = roundFen(cap * avg);
  const monthly = Math.min(Math.max(claim.wage, lo), hi);
  const bound = monthly === claim.wage ? "" : monthly === lo ? `, raised to ${pct(floor)} of ${fmt(avg)}` : `, capped at ${fmt(cap)} × ${fmt(avg)}`;
  return { monthly, text: `${fmt(monthly)} (worker's wage ${fmt(claim.wage)}${bound}; art. 64)`, params: [p.wageFloor, p.wageCap, ctx.regionalWage.path] };
}

function ageOf(claim: StatutoryClaim, ctx: StatutoryContext): number {
  const field = claim.age === undefined ? "person.age" : "claim.age";
  const age = claim.age ?? ctx.personAge;
  checkAge(age, field);
  return age;
}

/**
 * Itemised statutory benefits for one injury. Death replaces the disability benefits; periodic
 * streams are expected present values at the date of injury.
 */
export function statutoryItems(t: ParameterTable, schemeId: string, claim: StatutoryClaim, ctx: StatutoryContext, date: string): PayerTraceLine[] {
  const paths = medicalPaths(schemeId);
  const rate = t.v(paths.rate, date);
  const items: PayerTraceLine[] = [new MedicalLine(paths, claim.medicalCost, rate, mulRate(claim.medicalCost, rate))];
  if (!claim.death && claim.disabilityGrade === undefined) return items;
  // Everything but the medical line depends on neither the medical cost nor anything the engine
  // draws per claim: cache it per parameter table (the engine values one case many times, and
  // usually the same case many times in a row — checked field by field before building a key).
  const rest = sameCase(last, t, schemeId, date, claim, ctx) ? last.rest! : restOf(t, schemeId, claim, ctx, date);
  for (const line of rest) items.push(line);
  return items;
}

/** The lines but the medical one, from the per-table cache (computed on a miss). */
function restOf(t: ParameterTable, schemeId: string, claim: StatutoryClaim, ctx: StatutoryContext, date: string): PayerTraceLine[] {
  const key = `${schemeId}|${date}|${claim.death ? 1 : 0}|${claim.disabilityGrade}|${claim.age}|${ctx.personAge}|${claim.sex}|${claim.wage}|${claim.nursing}|${claim.dependants}|${claim.leftJob}|${ctx.wage.path}|${ctx.wage.monthly}|${ctx.regionalWage.path}|${ctx.regionalWage.monthly}|${ctx.region}|${ctx.lumpSumWage}|${ctx.employerPayer}`;
  let cache = packageCache.get(t);
  if (!cache) packageCache.set(t, (cache = new Map()));
  let rest = cache.get(key);
  if (!rest) {
    rest = [];
    if (claim.death) deathItems(t, schemeId, claim, ctx, date, rest);
    else disabilityItems(t, schemeId, claim, ctx, date, claim.disabilityGrade!, rest);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, rest);
  }
  last.t = t;
  last.schemeId = schemeId;
  last.date = date;
  last.claim = { ...claim };
  last.ctx = ctx;
  last.wage = ctx.wage.monthly;
  last.regionalWage = ctx.regionalWage.monthly;
  last.personAge = ctx.personAge;
  last.rest = rest;
  return rest;
}

/** The previous case valued (its claim copied: callers may reuse their objects). */
const last: {
  t?: ParameterTable;
  schemeId?: string;
  date?: string;
  claim?: StatutoryClaim;
  ctx?: StatutoryContext;
  wage?: number;
  regionalWage?: number;
  personAge?: number;
  rest?: PayerTraceLine[];
} = {};

function sameCase(l: typeof last, t: ParameterTable, schemeId: string, date: string, claim: StatutoryClaim, ctx: StatutoryContext): boolean {
  const c = l.claim;
  return (
    c !== undefined && l.t === t && l.schemeId === schemeId && l.date === date &&
    Boolean(c.death) === Boolean(claim.death) && c.disabilityGrade === claim.disabilityGrade && c.age === claim.age &&
    c.sex === claim.sex && c.wage === claim.wage && c.nursing === claim.nursing && c.dependants === claim.dependants &&
    c.leftJob === claim.leftJob && l.personAge === ctx.personAge && l.wage === ctx.wage.monthly && l.regionalWage === ctx.regionalWage.monthly &&
    (l.ctx === ctx || (l.ctx!.wage.path === ctx.wage.path && l.ctx!.regionalWage.path === ctx.regionalWage.path && l.ctx!.region === ctx.region &&
      l.ctx!.lumpSumWage === ctx.lumpSumWage && l.ctx!.employerPayer === ctx.employerPayer))
  );
}

/** The medical line (art. 30); its formula is formatted only when read (the engine never reads it). */
class MedicalLine implements PayerTraceLine {
  readonly payer = "fund" as const;
  readonly label = MEDICAL_LABEL;
  readonly rule: string;
  readonly params: string[];
  readonly #cost: number;
  readonly #rate: number;
  constructor(paths: { rule: string; rate: string; params: string[] }, cost: number, rate: number, readonly amount: number) {
    this.rule = paths.rule;
    this.params = paths.params;
    this.#cost = cost;
    this.#rate = rate;
  }
  get formula(): string {
    return `${fmt(this.#cost)} × ${fmt(this.#rate * 100)}% = ${fmt(this.amount)}`;
  }
  /** Serialised like every other trace line (an object literal with its formula). */
  toJSON(): PayerTraceLine {
    return { rule: this.rule, label: this.label, amount: this.amount, payer: this.payer, params: [...this.params], formula: this.formula };
  }
}
const MEDICAL_LABEL = { zh: "工伤医疗费用(第三十条)", en: "medical costs (art. 30)" };
const medicalPathCache = new Map<string, { rule: string; rate: string; params: string[] }>();
function medicalPaths(schemeId: string): { rule: string; rate: string; params: string[] } {
  let paths = medicalPathCache.get(schemeId);
  if (!paths) {
    const rate = `${schemeId}.statutory.medical.rate`;
    medicalPathCache.set(schemeId, (paths = { rule: `${schemeId}.statutory.medical`, rate, params: [rate] }));
  }
  return paths;
}

const packageCache = new WeakMap<ParameterTable, Map<string, PayerTraceLine[]>>();

function disabilityItems(t: ParameterTable, schemeId: string, claim: StatutoryClaim, ctx: StatutoryContext, date: string, grade: number, items: PayerTraceLine[]): void {
  const p = `${schemeId}.statutory`;
  const pp = periodicPaths(schemeId);
  const w = benefitWage(t, pp, claim, ctx, date);
  const path = gradePath(`${p}.disabilityMonths`, grade);
  const months = t.v(path, date);
  const amount = roundFen(months * w.monthly);
  items.push({
    rule: `${p}.disabilitySubsidy`,
    label: { zh: `一次性伤残补助金(${grade}级，第三十五至三十七条)`, en: `one-time disability subsidy (grade ${grade}, arts. 35–37)` },
    amount,
    payer: "fund",
    params: [path, ...w.params],
    get formula() { return `${fmt(months)} months × ${w.text} = ${fmt(amount)}`; },
  });
  const age = ageOf(claim, ctx);
  const b = valuationBasis(t, schemeId, date);
  if (grade <= 4) severeItems(t, schemeId, claim, ctx, date, grade, age, b, w, items);
  else if (claim.nursing !== undefined && claim.nursing !== "none") items.push(nursingLine(t, schemeId, ctx, date, grade, age, b, claim, 1, claim.nursing, false));
  if (grade >= 5) lumpSumItems(t, schemeId, claim, ctx, date, grade, age, b, w, items);
}

function basisText(b: ValuationBasis, severe: boolean): string {
  const mort = `mortality CL2010–13 GM × ${fmt(1 - b.improvement)}${severe ? ` × ${fmt(b.severe)} (grades 1–4)` : ""}`;
  return `g ${pct(b.indexation)}, i ${pct(b.discount)}, first payment after ${b.deferral} months, ${mort}`;
}

function severeItems(t: ParameterTable, schemeId: string, claim: StatutoryClaim, ctx: StatutoryContext, date: string, grade: number, age: number, b: ValuationBasis, w: { monthly: number; text: string; params: string[] }, items: PayerTraceLine[]): void {
  const p = `${schemeId}.statutory`;
  const pp = periodicPaths(schemeId);
  const rate = t.v(pp.allowanceRate(grade), date);
  const monthly = roundFen(rate * w.monthly);
  const toRet = mixedFactor(b, claim.sex, age, "toRetirement", true);
  const allowance = roundFen(monthly * toRet.factor);
  items.push({
    rule: `${p}.disabilityAllowance`,
    label: { zh: `伤残津贴至退休(${grade}级，第三十五条)现值`, en: `disability allowance to retirement (grade ${grade}, art. 35), present value` },
    amount: allowance,
    payer: "fund",
    cash: roundFen(monthly * firstYearFactor(b, claim.sex, age, "toRetirement", true)),
    params: [pp.allowanceRate(grade), ...w.params, ...valuationParams(schemeId, { retirement: true, severe: true })],
    get formula() { return `${pct(rate)} × ${w.text} = ${fmt(monthly)}/month × ä ${toRet.text} [age ${age}; ${basisText(b, true)}] = ${fmt(allowance)}`; },
  });
  const topUp = t.v(pp.topUp, date);
  const after = mixedFactor(b, claim.sex, age, "afterRetirement", true);
  const topUpAmount = roundFen(topUp * monthly * after.factor);
  items.push({
    rule: `${p}.disabilityAllowanceTopUp`,
    label: { zh: `退休后基金补足伤残津贴差额(${grade}级，第三十五条)现值`, en: `fund top-up of the pension to the allowance after retirement (grade ${grade}, art. 35), present value` },
    amount: topUpAmount,
    payer: "fund",
    cash: roundFen(topUp * monthly * firstYearFactor(b, claim.sex, age, "afterRetirement", true)),
    params: [pp.topUp, pp.allowanceRate(grade), ...w.params, ...valuationParams(schemeId, { retirement: true, severe: true })],
    get formula() { return `${pct(topUp)} × ${fmt(monthly)}/month × ä ${after.text} [for life from retirement] = ${fmt(topUpAmount)}`; },
  });
  if (claim.nursing === "none") return;
  const share = claim.nursing === undefined ? t.v(pp.nursingShare(grade), date) : 1;
  const level: NursingLevel = claim.nursing ?? NURSING_LEVELS[t.v(pp.nursingLevel(grade), date) - 1]!;
  items.push(nursingLine(t, schemeId, ctx, date, grade, age, b, claim, share, level, true));
}

function nursingLine(t: ParameterTable, schemeId: string, ctx: StatutoryContext, date: string, grade: number, age: number, b: ValuationBasis, claim: StatutoryClaim, share: number, level: NursingLevel, severe: boolean): PayerTraceLine {
  const p = `${schemeId}.statutory`;
  const pp = periodicPaths(schemeId);
  const rate = t.v(pp.nursingRate(level), date);
  const monthly = roundFen(rate * ctx.regionalWage.monthly);
  const life = mixedFactor(b, claim.sex, age, "life", severe);
  const amount = roundFen(share * monthly * life.factor);
  const assumedNeed = claim.nursing === undefined;
  return {
    rule: `${p}.nursingAllowance`,
    label: { zh: `生活护理费(${grade}级，第三十四条)现值`, en: `nursing allowance (grade ${grade}, art. 34), present value` },
    amount,
    payer: "fund",
    cash: roundFen(share * monthly * firstYearFactor(b, claim.sex, age, "life", severe)),
    params: [pp.nursingRate(level), ctx.regionalWage.path, ...(assumedNeed ? [pp.nursingShare(grade), pp.nursingLevel(grade)] : []), ...valuationParams(schemeId, { severe })],
    get formula() {
      const need = assumedNeed ? `${pct(share)} need care × ` : "";
      return `${need}${pct(rate)} (${level} dependence) × ${fmt(ctx.regionalWage.monthly)} (${ctx.regionalWage.name}) = ${fmt(monthly)}/month × ä ${life.text} [for life, age ${age}; ${basisText(b, severe)}] = ${fmt(amount)}`;
    },
  };
}

function lumpSumItems(t: ParameterTable, schemeId: string, claim: StatutoryClaim, ctx: StatutoryContext, date: string, grade: number, age: number, b: ValuationBasis, w: { monthly: number; text: string; params: string[] }, items: PayerTraceLine[]): void {
  const p = `${schemeId}.statutory`;
  const pp = periodicPaths(schemeId);
  const r = ctx.region;
  const leavePath = grade <= 6 ? pp.leaveShare56 : pp.leaveShare710;
  const leave = claim.leftJob === undefined ? t.v(leavePath, date) : claim.leftJob ? 1 : 0;
  const leaveText = claim.leftJob === undefined ? `${pct(leave)} leave the job × ` : claim.leftJob ? "" : "stays in the job → ";
  const leaveParams = claim.leftJob === undefined ? [leavePath] : [];
  const base = ctx.lumpSumWage === "worker" ? { monthly: w.monthly, text: w.text, params: w.params } : { monthly: ctx.regionalWage.monthly, text: `${fmt(ctx.regionalWage.monthly)} (${ctx.regionalWage.name})`, params: [ctx.regionalWage.path] };
  const art = grade <= 6 ? "第三十六条" : "第三十七条";
  const artEn = grade <= 6 ? "art. 36" : "art. 37";
  // Grades 5–6 who stay and cannot be placed: the employer's allowance to retirement.
  if (grade <= 6) {
    const rate = t.v(pp.allowanceRate(grade), date);
    const unplaced = t.v(pp.unplaced, date);
    const stay = 1 - leave;
    const monthly = roundFen(rate * w.monthly);
    const f = mixedFactor(b, claim.sex, age, "toRetirement", false);
    const amount = roundFen(stay * unplaced * monthly * f.factor);
    items.push({
      rule: `${p}.employerDisabilityAllowance`,
      label: { zh: `伤残津贴(${grade}级，第三十六条，用人单位支付，不计入基金赔付)现值`, en: `disability allowance (grade ${grade}, art. 36), present value — paid by the ${ctx.employerPayer}, not the fund` },
      amount,
      payer: ctx.employerPayer,
      cash: roundFen(stay * unplaced * monthly * firstYearFactor(b, claim.sex, age, "toRetirement", false)),
      params: [pp.allowanceRate(grade), pp.unplaced, ...leaveParams, ...w.params, ...valuationParams(schemeId, { retirement: true })],
      get formula() { return `${pct(stay)} stay × ${pct(unplaced)} not placed × ${pct(rate)} × ${w.text} = ${fmt(monthly)}/month × ä ${f.text} [age ${age}; ${basisText(b, false)}] = ${fmt(amount)}`; },
    });
  }
  const medPath = pp.medicalMonths(r, grade);
  const medMonths = t.v(medPath, date);
  const med = roundFen(leave * medMonths * base.monthly);
  items.push({
    rule: `${p}.medicalLumpSum`,
    label: { zh: `一次性工伤医疗补助金(${grade}级，${art}，离职时)`, en: `one-time work-injury medical lump sum on leaving the job (grade ${grade}, ${artEn})` },
    amount: med,
    payer: "fund",
    params: [medPath, ...leaveParams, ...base.params],
    get formula() { return `${leaveText}${fmt(medMonths)} months × ${base.text} = ${fmt(med)}`; },
  });
  const empPath = pp.employmentMonths(r, grade);
  const empMonths = t.v(empPath, date);
  const taperYears = t.v(pp.taperYears(r), date);
  const perYear = t.v(pp.taperPerYear(r), date);
  const weights = claim.sex ? [[claim.sex, 1] as const] : ([["male", b.maleShare], ["female", 1 - b.maleShare]] as const);
  const taper = weights.reduce((a, [s, wt]) => a + wt * taperShare(b.retire[s] - age, taperYears, perYear), 0);
  const emp = roundFen(leave * taper * empMonths * base.monthly);
  items.push({
    rule: `${p}.employmentLumpSum`,
    label: { zh: `一次性伤残就业补助金(${grade}级，${art}，用人单位支付，不计入基金赔付)`, en: `one-time disability employment lump sum (grade ${grade}, ${artEn}) — paid by the ${ctx.employerPayer}, not the fund` },
    amount: emp,
    payer: ctx.employerPayer,
    params: [empPath, pp.taperYears(r), pp.taperPerYear(r), pp.retireMale, pp.retireFemale, ...leaveParams, ...base.params],
    get formula() { return `${leaveText}${taper === 1 ? "" : `${pct(taper)} (tapered within ${fmt(taperYears)} years of retirement) × `}${fmt(empMonths)} months × ${base.text} = ${fmt(emp)}`; },
  });
}

function deathItems(t: ParameterTable, schemeId: string, claim: StatutoryClaim, ctx: StatutoryContext, date: string, items: PayerTraceLine[]): void {
  const p = `${schemeId}.statutory`;
  const pp = periodicPaths(schemeId);
  const replaces = claim.disabilityGrade !== undefined ? ` (death replaces the grade ${claim.disabilityGrade} disability benefits)` : "";
  const multiple = t.v(`${p}.death.incomeMultiple`, date);
  const income = t.v(`${p}.death.nationalIncome`, date);
  const death = roundFen(multiple * income);
  items.push({
    rule: `${p}.deathSubsidy`,
    label: { zh: "一次性工亡补助金(第三十九条)", en: "one-time death subsidy (art. 39)" },
    amount: death,
    payer: "fund",
    params: [`${p}.death.incomeMultiple`, `${p}.death.nationalIncome`],
    get formula() { return `${fmt(multiple)} × ${fmt(income)} (previous year's national urban per-capita disposable income) = ${fmt(death)}${replaces}`; },
  });
  const months = t.v(`${p}.funeral.months`, date);
  const rw = ctx.regionalWage;
  const funeral = roundFen(months * rw.monthly);
  items.push({
    rule: `${p}.funeralGrant`,
    label: { zh: "丧葬补助金(第三十九条)", en: "funeral grant (art. 39)" },
    amount: funeral,
    payer: "fund",
    params: [`${p}.funeral.months`, rw.path],
    get formula() { return `${fmt(months)} months × ${fmt(rw.monthly)} (${rw.name}) = ${fmt(funeral)}`; },
  });
  const w = benefitWage(t, pp, claim, ctx, date);
  const b = valuationBasis(t, schemeId, date);
  const perDependant = t.v(pp.survivorRate, date);
  const cap = t.v(pp.survivorCap, date);
  const known = claim.dependants !== undefined;
  const share = known ? (claim.dependants! > 0 ? 1 : 0) : t.v(pp.survivorShare, date);
  const count = known ? claim.dependants! : t.v(pp.survivorCount, date);
  const rate = Math.min(count * perDependant, cap);
  const years = t.v(pp.survivorYears, date);
  const monthly = roundFen(rate * w.monthly);
  const f = certainFactor(b, years);
  const amount = roundFen(share * monthly * f);
  items.push({
    rule: `${p}.survivorsPension`,
    label: { zh: "供养亲属抚恤金(第三十九条)现值", en: "survivors' pensions (art. 39), present value" },
    amount,
    payer: "fund",
    cash: roundFen(share * monthly * Math.min(12, Math.round(years * 12))),
    params: [pp.survivorRate, pp.survivorCap, ...(known ? [] : [pp.survivorShare, pp.survivorCount]), pp.survivorYears, ...w.params, ...valuationParams(schemeId, { life: false })],
    get formula() {
      const who = known ? `${count} dependants` : `${pct(share)} leave dependants × ${fmt(count)} dependants`;
      return `${who}: min(${fmt(count)} × ${pct(perDependant)}, ${pct(cap)}) × ${w.text} = ${fmt(monthly)}/month × ä ${f.toFixed(2)} [${fmt(years)} years certain, g ${pct(b.indexation)}, i ${pct(b.discount)}] = ${fmt(amount)}`;
    },
  });
}
