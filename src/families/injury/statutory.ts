/**
 * The injury schemes' glue to the statutory work-injury package (工伤保险条例; src/rules/
 * statutory-wii.ts): which wage the benefits are computed on (single-type WII's contribution base,
 * seed 001 l.51–59; the region's average wage for platform workers, who have no contract wage),
 * whose lump sums on leaving the job apply, and who carries the employer's share (the employer,
 * or the platform in the pilot and the proposal).
 */
import type { ParameterTable } from "../../rules/parameter.js";
import { statutoryItems, type PayerTraceLine, type StatutoryClaim, type StatutoryContext } from "../../rules/statutory-wii.js";

/** The wage the statutory benefits of a scheme are computed on, and whose rules apply. */
export interface StatutoryBasis {
  /** The parameter of the benefit wage, and its name in formulas. */
  wagePath: string;
  wageName: string;
  /** The name of the region's average wage in formulas, when it is the same parameter under another name. */
  regionalName?: string;
  region: StatutoryContext["region"];
  lumpSumWage: StatutoryContext["lumpSumWage"];
  employerPayer: StatutoryContext["employerPayer"];
}

/**
 * Platform workers have no contract wage: benefits on the region's average monthly wage (the
 * scheme's parameter `regionalAverageWage`), the national lump sums on leaving, the platform
 * carrying the employer's share (grade 5–6 allowance, employment lump sum) — the pilot and the
 * mandatory proposal.
 */
export function platformWorkerBasis(schemeId: string): StatutoryBasis {
  return { wagePath: `${schemeId}.regionalAverageWage`, wageName: "region's average monthly wage", region: "national", lumpSumWage: "regional", employerPayer: "platform" };
}

/** The statutory package's itemised lines for one injury of a person aged `personAge`. */
export function statutoryLines(t: ParameterTable, schemeId: string, claim: StatutoryClaim, personAge: number, basis: StatutoryBasis, date: string): PayerTraceLine[] {
  const wage = { monthly: t.v(basis.wagePath, date), path: basis.wagePath, name: basis.wageName };
  const regionalWage = basis.regionalName === undefined ? wage : { ...wage, name: basis.regionalName };
  return statutoryItems(t, schemeId, claim, { personAge, wage, regionalWage, region: basis.region, lumpSumWage: basis.lumpSumWage, employerPayer: basis.employerPayer }, date);
}
