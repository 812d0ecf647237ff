/**
 * The statutory work-injury benefit pattern (工伤保险条例, Work-Injury Insurance Regulations),
 * shared by single-type WII, the national occupational-injury pilot and the mandatory-scheme
 * proposal. Modelled lump sums and costs of one injury:
 *   - medical costs within the WII catalogues, paid in full (art. 30);
 *   - one-time disability subsidy = months(grade) × monthly wage (arts. 35–37);
 *   - death: one-time subsidy = 20 × previous year's national urban per-capita disposable income,
 *     funeral grant = 6 × the region's average monthly wage (art. 39).
 * Not modelled (periodic or employer-paid): disability allowances and survivors' pensions,
 * paid-leave wages, nursing allowances. Figures: /work/shared/reference/public-figures.md.
 */
import { statutoryMonthsParameters, gradePath } from "./disability.js";
import type { Parameter, ParameterTable, ParameterVersion } from "./parameter.js";
import { regulation } from "./parameter.js";
import { fmt, mulRate, roundFen } from "./money.js";
import type { TraceLine } from "./scheme.js";

const NBS = (year: number, value: number) =>
  regulation("国家统计局 (NBS) statistical communiqué", `national urban per-capita disposable income ${year}: ${value} 元`);

/** Versions of the national urban per-capita disposable income, each in force in the following year. */
function nationalIncomeParameter(path: string): Parameter {
  const recalled = (year: number, value: number) => ({
    from: `${year + 1}-01-01`,
    value,
    reference: NBS(year, value),
    assumption: {
      rationale: `NBS figure for ${year} recalled from the communiqué, not in the project's reference sheet; verify before use`,
      prior: { dist: "fixed" as const },
    },
  });
  const versions: ParameterVersion[] = [
    recalled(2018, 39251),
    recalled(2019, 42359),
    recalled(2020, 43834),
    recalled(2021, 47412),
    recalled(2022, 49283),
    { from: "2024-01-01", value: 51821, reference: NBS(2023, 51821) },
    { from: "2025-01-01", value: 54188, reference: NBS(2024, 54188) },
  ];
  return {
    path,
    label: { zh: "上年度全国城镇居民人均可支配收入", en: "previous year's national urban per-capita disposable income" },
    unit: "CNY/year",
    range: { min: 10000, max: 200000 },
    versions,
  };
}

/** The statutory parameters under `${schemeId}.statutory`. */
export function statutoryParameters(schemeId: string, from: string): Parameter[] {
  const p = `${schemeId}.statutory`;
  const regs = "工伤保险条例 (Work-Injury Insurance Regulations)";
  return [
    {
      path: `${p}.medical.rate`,
      label: { zh: "工伤医疗费用支付比例(目录内)", en: "share of catalogue medical costs paid" },
      unit: "share",
      range: { min: 0, max: 1 },
      versions: [{ from, value: 1, reference: regulation(`${regs} art. 30`, "catalogue treatment costs are paid from the WII fund") }],
    },
    ...statutoryMonthsParameters(`${p}.disabilityMonths`, from),
    {
      path: `${p}.death.incomeMultiple`,
      label: { zh: "一次性工亡补助金(上年度人均可支配收入倍数)", en: "one-time death subsidy (multiple of national income)" },
      unit: "multiple",
      range: { min: 0, max: 100 },
      versions: [{ from, value: 20, reference: regulation(`${regs} art. 39`, "20 × the previous year's national urban per-capita disposable income") }],
    },
    nationalIncomeParameter(`${p}.death.nationalIncome`),
    {
      path: `${p}.funeral.months`,
      label: { zh: "丧葬补助金(月数)", en: "funeral grant (months of regional average wage)" },
      unit: "months",
      range: { min: 0, max: 24 },
      versions: [{ from, value: 6, reference: regulation(`${regs} art. 39`, "funeral grant of 6 months of the region's average monthly wage") }],
    },
  ];
}

export interface StatutoryClaim {
  medicalCost: number;
  disabilityGrade?: number | undefined;
  death?: boolean | undefined;
}

/** The wage the benefits are computed on: value, the parameter it comes from, and a label. */
export interface WageBasis {
  monthly: number;
  path: string;
  name: string;
}

/** Itemised statutory benefits for one injury. Both disability and death lines are paid if both apply. */
export function statutoryItems(t: ParameterTable, schemeId: string, claim: StatutoryClaim, wage: WageBasis, funeralWage: WageBasis, date: string): TraceLine[] {
  const p = `${schemeId}.statutory`;
  const items: TraceLine[] = [];
  const rate = t.v(`${p}.medical.rate`, date);
  const medical = mulRate(claim.medicalCost, rate);
  items.push({
    rule: `${p}.medical`,
    label: { zh: "工伤医疗费用", en: "medical costs" },
    amount: medical,
    params: [`${p}.medical.rate`],
    get formula() { return `${fmt(claim.medicalCost)} × ${fmt(rate * 100)}% = ${fmt(medical)}`; },
  });
  if (claim.disabilityGrade !== undefined) {
    const path = gradePath(`${p}.disabilityMonths`, claim.disabilityGrade);
    const months = t.v(path, date);
    const amount = roundFen(months * wage.monthly);
    items.push({
      rule: `${p}.disabilitySubsidy`,
      label: { zh: `一次性伤残补助金(${claim.disabilityGrade}级)`, en: `one-time disability subsidy (grade ${claim.disabilityGrade})` },
      amount,
      params: [path, wage.path],
      get formula() { return `${fmt(months)} months × ${fmt(wage.monthly)} (${wage.name}) = ${fmt(amount)}`; },
    });
  }
  if (claim.death) {
    const multiple = t.v(`${p}.death.incomeMultiple`, date);
    const income = t.v(`${p}.death.nationalIncome`, date);
    const death = roundFen(multiple * income);
    items.push({
      rule: `${p}.deathSubsidy`,
      label: { zh: "一次性工亡补助金", en: "one-time death subsidy" },
      amount: death,
      params: [`${p}.death.incomeMultiple`, `${p}.death.nationalIncome`],
      get formula() { return `${fmt(multiple)} × ${fmt(income)} (previous year's national urban per-capita disposable income) = ${fmt(death)}`; },
    });
    const months = t.v(`${p}.funeral.months`, date);
    const funeral = roundFen(months * funeralWage.monthly);
    items.push({
      rule: `${p}.funeralGrant`,
      label: { zh: "丧葬补助金", en: "funeral grant" },
      amount: funeral,
      params: [`${p}.funeral.months`, funeralWage.path],
      get formula() { return `${fmt(months)} months × ${fmt(funeralWage.monthly)} (${funeralWage.name}) = ${fmt(funeral)}`; },
    });
  }
  return items;
}
