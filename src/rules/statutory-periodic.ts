/**
 * The statutory work-injury benefits beyond the lump sums (工伤保险条例, 2010 revision), valued as
 * expected present values at the date of injury:
 *   - 伤残津贴 disability allowance, grades 1–4: 90 / 85 / 80 / 75 % of the wage a month to
 *     retirement, then the basic pension topped up to the allowance (art. 35) — WII fund;
 *   - 伤残津贴, grades 5–6: 70 / 60 % of the wage when the employer cannot place the worker
 *     (art. 36) — employer;
 *   - 生活护理费 nursing allowance: 50 / 40 / 30 % of the region's average monthly wage for
 *     full / large / partial dependence (art. 34) — fund;
 *   - 供养亲属抚恤金 survivors' pension: 30 % of the wage a month per dependant, all together at
 *     most the wage (art. 39) — fund;
 *   - on leaving the job, grades 5–10: 一次性工伤医疗补助金 (fund) and 一次性伤残就业补助金
 *     (employer), in months of a wage set by the province (arts. 36–37; 浙江省工伤保险条例).
 * The rates, floors and caps are regulation (public-figures.md, "Statutory benefits beyond the
 * lump sums"); mortality (a Gompertz–Makeham law fitted to the China life-insurance experience
 * table 2010–2013, data/life-table-cl2010-2013-gm.csv), discount and indexation rates, retirement
 * ages, nursing needs, dependants and job leaving are labelled assumptions with priors. The
 * parameters are data (src/rules/statutory/parameters.yaml); every scheme gets its own copy under
 * its `${schemeId}.statutory` prefix (statutoryParameters in statutory-wii.ts).
 */
import { lifeAnnuity, certainAnnuity } from "./annuity.js";
import type { MortalityLaw } from "./life-table.js";
import type { ParameterTable } from "./parameter.js";
import { template } from "./statutory/parameters.gen.js";

export const NURSING_LEVELS = ["full", "large", "partial"] as const;
export type NursingLevel = (typeof NURSING_LEVELS)[number];
/** Level codes of the `nursing.level.gradeN` parameters: 1 full, 2 large, 3 partial dependence. */
export const NURSING_LEVEL_CODE: Record<NursingLevel, number> = { full: 1, large: 2, partial: 3 };

/** Regions whose lump sums on leaving the job are modelled (leavingJob.<region>.* parameters). */
export const LEAVING_JOB_REGIONS = ["zhejiang", "guangdong", "national"] as const;
export type LeavingJobRegion = (typeof LEAVING_JOB_REGIONS)[number];

/** Paths of the periodic parameters under `${schemeId}.statutory`. */
export function periodicPaths(schemeId: string) {
  const p = `${schemeId}.statutory`;
  return {
    wageFloor: `${p}.wage.floor`,
    wageCap: `${p}.wage.cap`,
    allowanceRate: (g: number) => `${p}.allowance.rate.grade${g}`,
    topUp: `${p}.allowance.topUpAfterRetirement`,
    unplaced: `${p}.allowance.unplacedShare`,
    nursingRate: (l: NursingLevel) => `${p}.nursing.rate.${l}`,
    nursingShare: (g: number) => `${p}.nursing.share.grade${g}`,
    nursingLevel: (g: number) => `${p}.nursing.level.grade${g}`,
    survivorRate: `${p}.survivors.rate.perDependant`,
    survivorCap: `${p}.survivors.cap`,
    survivorShare: `${p}.survivors.share`,
    survivorCount: `${p}.survivors.count`,
    survivorYears: `${p}.survivors.years`,
    leaveShare56: `${p}.leavingJob.share.grade5to6`,
    leaveShare710: `${p}.leavingJob.share.grade7to10`,
    medicalMonths: (r: LeavingJobRegion, g: number) => `${p}.leavingJob.${r}.medicalMonths.grade${g}`,
    employmentMonths: (r: LeavingJobRegion, g: number) => `${p}.leavingJob.${r}.employmentMonths.grade${g}`,
    taperYears: (r: LeavingJobRegion) => `${p}.leavingJob.${r}.taperYears`,
    taperPerYear: (r: LeavingJobRegion) => `${p}.leavingJob.${r}.taperPerYear`,
    discount: `${p}.valuation.discountRate`,
    indexation: `${p}.valuation.indexation`,
    deferral: `${p}.valuation.deferralMonths`,
    maleShare: `${p}.valuation.maleShare`,
    retireMale: `${p}.retirementAge.male`,
    retireFemale: `${p}.retirementAge.female`,
    mortA: `${p}.mortality.A`,
    mortC: `${p}.mortality.c`,
    mortBMale: `${p}.mortality.male.B`,
    mortBFemale: `${p}.mortality.female.B`,
    improvement: `${p}.mortality.improvement`,
    severe: `${p}.mortality.severeDisabilityMultiplier`,
  };
}

/**
 * The fitted Gompertz–Makeham constants (data/life-table-cl2010-2013-gm.csv), as the statutory
 * parameters give them (src/rules/statutory/parameters.yaml, mortality.*).
 */
export const CL2010_2013_GM = {
  A: templateValue("mortality.A"),
  c: templateValue("mortality.c"),
  maleB: templateValue("mortality.male.B"),
  femaleB: templateValue("mortality.female.B"),
} as const;

function templateValue(key: string): number {
  const t = template.find((p) => p.key === key);
  if (!t) throw new Error(`internal: the statutory template has no ${key}`);
  return t.parameter.versions[0]!.value;
}

// ---- valuation -------------------------------------------------------------------------------

export type Sex = "male" | "female";
export const SEXES = ["male", "female"] as const;

export interface ValuationBasis {
  discount: number;
  indexation: number;
  deferral: number;
  maleShare: number;
  retire: Record<Sex, number>;
  law: Record<Sex, MortalityLaw>;
  improvement: number;
  severe: number;
}

export function valuationBasis(t: ParameterTable, schemeId: string, date: string): ValuationBasis {
  const p = periodicPaths(schemeId);
  const A = t.v(p.mortA, date);
  const c = t.v(p.mortC, date);
  return {
    discount: t.v(p.discount, date),
    indexation: t.v(p.indexation, date),
    deferral: t.v(p.deferral, date),
    maleShare: t.v(p.maleShare, date),
    retire: { male: t.v(p.retireMale, date), female: t.v(p.retireFemale, date) },
    law: { male: { A, B: t.v(p.mortBMale, date), c }, female: { A, B: t.v(p.mortBFemale, date), c } },
    improvement: t.v(p.improvement, date),
    severe: t.v(p.severe, date),
  };
}

/** Parameter paths a valuation reads (for trace lines). */
export function valuationParams(schemeId: string, opts: { retirement?: boolean; severe?: boolean; life?: boolean } = {}): string[] {
  const p = periodicPaths(schemeId);
  const out = [p.discount, p.indexation];
  if (opts.life !== false) out.push(p.deferral, p.maleShare, p.mortA, p.mortC, p.mortBMale, p.mortBFemale, p.improvement);
  if (opts.severe) out.push(p.severe);
  if (opts.retirement) out.push(p.retireMale, p.retireFemale);
  return out;
}

/** Which part of a life a stream covers. */
export type Span = "toRetirement" | "afterRetirement" | "life";

const cache = new Map<string, number>();

/** EPV of 1 元 a month for one sex (memoised: the engine values the same case many times). */
export function annuityFactor(b: ValuationBasis, sex: Sex, age: number, span: Span, severe: boolean): number {
  const mult = (1 - b.improvement) * (severe ? b.severe : 1);
  const law = b.law[sex];
  const key = `${law.A}|${law.B}|${law.c}|${mult}|${age}|${span}|${span === "life" ? "" : b.retire[sex]}|${b.deferral}|${b.indexation}|${b.discount}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const toRetirement = Math.max(0, Math.round((b.retire[sex] - age) * 12));
  const start = span === "afterRetirement" ? Math.max(b.deferral, toRetirement) : b.deferral;
  const end = span === "toRetirement" ? Math.max(start, toRetirement) : null;
  const value = lifeAnnuity({ ...law, multiplier: mult }, age, { startMonth: start, endMonth: end, indexation: b.indexation, discount: b.discount });
  if (cache.size > 50_000) cache.clear();
  cache.set(key, value);
  return value;
}

/** Sex weights: the claim's sex, or the assumed mix. */
export function sexWeights(b: ValuationBasis, sex: Sex | undefined): [Sex, number][] {
  if (sex) return [[sex, 1]];
  return [["male", b.maleShare], ["female", 1 - b.maleShare]];
}

/**
 * Expected payments of 1 元 a month falling in the first 12 months after the injury (undiscounted,
 * not indexed; survival-weighted), mixed over sexes: the cash a stream pays in the policy year.
 */
export function firstYearFactor(b: ValuationBasis, sex: Sex | undefined, age: number, span: Span, severe: boolean): number {
  let sum = 0;
  for (const [s, w] of sexWeights(b, sex)) {
    const toRetirement = Math.max(0, Math.round((b.retire[s] - age) * 12));
    const start = Math.min(12, span === "afterRetirement" ? Math.max(b.deferral, toRetirement) : b.deferral);
    const end = Math.max(start, Math.min(12, span === "toRetirement" ? toRetirement : 12));
    sum += w * lifeAnnuity({ ...b.law[s], multiplier: (1 - b.improvement) * (severe ? b.severe : 1) }, age, { startMonth: start, endMonth: end, indexation: 0, discount: 0 });
  }
  return sum;
}

/** EPV factor mixed over sexes, and a short text of how it was mixed. */
export function mixedFactor(b: ValuationBasis, sex: Sex | undefined, age: number, span: Span, severe: boolean): { factor: number; text: string } {
  const parts = sexWeights(b, sex).map(([s, w]) => ({ s, w, f: annuityFactor(b, s, age, span, severe) }));
  const factor = parts.reduce((a, x) => a + x.w * x.f, 0);
  const ret = (s: Sex) => (span === "life" ? "" : `, retire ${b.retire[s]}`);
  const text = parts.length === 1
    ? `${parts[0]!.f.toFixed(2)} (${parts[0]!.s}${ret(parts[0]!.s)})`
    : `${parts.map((x) => `${x.w.toFixed(2)} × ${x.f.toFixed(2)} (${x.s}${ret(x.s)})`).join(" + ")} = ${factor.toFixed(2)}`;
  return { factor, text };
}

/** EPV of 1 元 a month paid for certain for `years`, from the valuation date. */
export function certainFactor(b: ValuationBasis, years: number): number {
  return certainAnnuity({ startMonth: 0, endMonth: Math.round(years * 12), indexation: b.indexation, discount: b.discount });
}

/** The employment lump sum's taper near retirement (share paid), `yearsLeft` to retirement. */
export function taperShare(yearsLeft: number, taperYears: number, perYear: number): number {
  if (yearsLeft >= taperYears) return 1;
  if (yearsLeft < 0) return 0;
  return Math.min(1, Math.max(0, 1 - perYear * (taperYears - Math.floor(yearsLeft))));
}
