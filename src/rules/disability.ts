/**
 * Disability grade tables (10 grades, 1 = most severe).
 * - Accident-insurance ratios: 人身保险伤残评定标准 (行业标准, 中保协发〔2013〕88号) pays
 *   grade 1 … 10 = 100 % … 10 % of the sum insured in 10-point steps (public-figures.md; cited by
 *   Urumqi art. 14, seed 004 line 86).
 * - Statutory one-time disability subsidy months: 工伤保险条例 arts. 35–37, grades 1 … 10 =
 *   27, 25, 23, 21, 18, 16, 13, 11, 9, 7 months of the worker's wage (public-figures.md).
 * Each scheme gets its own copy under its own path prefix so a reform of one scheme leaves the
 * others untouched.
 */
import type { Assumption, Parameter, Reference } from "./parameter.js";
import { regulation } from "./parameter.js";

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Grade = (typeof GRADES)[number];

export const INDUSTRY_STANDARD = regulation(
  "人身保险伤残评定标准 (行业标准, 中保协发〔2013〕88号)",
  "grade 1 … 10 pays 100 % … 10 % of the sum insured, in 10-point steps",
);

/** Ratios of the industry standard: grade g → (11 − g) / 10. */
const INDUSTRY_RATIOS: Record<Grade, number> = { 1: 1, 2: 0.9, 3: 0.8, 4: 0.7, 5: 0.6, 6: 0.5, 7: 0.4, 8: 0.3, 9: 0.2, 10: 0.1 };

/** 工伤保险条例 arts. 35–37: months of wage for the one-time disability subsidy. */
const STATUTORY_MONTHS: Record<Grade, number> = { 1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7 };

export function gradePath(prefix: string, grade: number): string {
  return `${prefix}.grade${grade}`;
}

/** Parameters `${prefix}.grade1 … grade10` holding the industry-standard payout ratios. */
export function industryRatioParameters(prefix: string, from: string, assumption?: Assumption, reference: Reference = INDUSTRY_STANDARD): Parameter[] {
  return GRADES.map((g) => ({
    path: gradePath(prefix, g),
    label: { zh: `${g}级伤残给付比例`, en: `disability grade ${g} payout ratio` },
    unit: "share" as const,
    range: { min: 0, max: 1 },
    versions: [{ from, value: INDUSTRY_RATIOS[g], reference, ...(assumption ? { assumption } : {}) }],
  }));
}

/** Parameters `${prefix}.grade1 … grade10` holding the statutory subsidy months. */
export function statutoryMonthsParameters(prefix: string, from: string): Parameter[] {
  return GRADES.map((g) => ({
    path: gradePath(prefix, g),
    label: { zh: `${g}级伤残一次性伤残补助金(月数)`, en: `grade ${g} one-time disability subsidy (months of wage)` },
    unit: "months" as const,
    range: { min: 0, max: 60 },
    versions: [
      {
        from,
        value: STATUTORY_MONTHS[g],
        reference: regulation("工伤保险条例 (Work-Injury Insurance Regulations) arts. 35–37", `grade ${g}: ${STATUTORY_MONTHS[g]} months of the worker's wage`),
      },
    ],
  }));
}
