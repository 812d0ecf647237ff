/**
 * Disability grades (10 grades, 1 = most severe) and the paths of per-grade parameters. The grade
 * tables themselves are data: the accident-insurance ratios of 人身保险伤残评定标准 (行业标准,
 * 中保协发〔2013〕88号, grade 1 … 10 = 100 % … 10 % of the sum insured) in the schemes that use them
 * (src/schemes/<id>/parameters.yaml, `…ratio.gradeN`), and the statutory one-time disability subsidy
 * months of 工伤保险条例 arts. 35–37 in the statutory package (src/rules/statutory/parameters.yaml,
 * `disabilityMonths.gradeN`). Each scheme has its own copy under its own path prefix, so a reform of
 * one scheme leaves the others untouched.
 */

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Grade = (typeof GRADES)[number];

export function gradePath(prefix: string, grade: number): string {
  return `${prefix}.grade${grade}`;
}
