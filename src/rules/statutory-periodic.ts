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
 * ages, nursing needs, dependants and job leaving are labelled assumptions with priors.
 * Every parameter lives under the scheme's own `${schemeId}.statutory` prefix.
 */
import { lifeAnnuity, certainAnnuity } from "./annuity.js";
import { GRADES } from "./disability.js";
import type { MortalityLaw } from "./life-table.js";
import { assumed, def, noSource, regulation, ver, type Assumption, type Parameter, type ParameterTable, type ParameterVersion, type Reference } from "./parameter.js";

const REGS = "工伤保险条例 (Work-Injury Insurance Regulations, 2010 revision)";
const art = (n: string, detail: string) => regulation(`${REGS} art. ${n}`, detail);
const LIFE_TABLE = "data/life-table-cl2010-2013-gm.csv";
/** The date the gradual rise of retirement ages began (全国人大常委会决定, 2024-09-13). */
export const RETIREMENT_REFORM = "2025-01-01";

export const NURSING_LEVELS = ["full", "large", "partial"] as const;
export type NursingLevel = (typeof NURSING_LEVELS)[number];
/** Level codes of the `nursing.level.gradeN` parameters: 1 full, 2 large, 3 partial dependence. */
export const NURSING_LEVEL_CODE: Record<NursingLevel, number> = { full: 1, large: 2, partial: 3 };

/** Regions whose lump sums on leaving the job are modelled. */
export type LeavingJobRegion = "zhejiang" | "guangdong" | "national";

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

const ALLOWANCE: Record<number, number> = { 1: 0.9, 2: 0.85, 3: 0.8, 4: 0.75, 5: 0.7, 6: 0.6 };
const NURSING_RATE: Record<NursingLevel, number> = { full: 0.5, large: 0.4, partial: 0.3 };
/** Assumed share of grade 1–4 workers assessed as needing nursing, and their level. */
const NURSING_NEED: Record<number, { share: number; alpha: number; beta: number; level: NursingLevel }> = {
  1: { share: 0.9, alpha: 9, beta: 1, level: "full" },
  2: { share: 0.7, alpha: 7, beta: 3, level: "large" },
  3: { share: 0.5, alpha: 5, beta: 5, level: "partial" },
  4: { share: 0.3, alpha: 3, beta: 7, level: "partial" },
};
/** Lump sums on leaving the job, months of wage, grades 5 … 10. */
const ZHEJIANG_MONTHS = { 5: 30, 6: 25, 7: 10, 8: 7, 9: 4, 10: 2 } as Record<number, number>;
/** Recalled from 广东省工伤保险条例 (2011, amended 2019); not in the reference sheet. */
const GUANGDONG_MEDICAL = { 5: 10, 6: 8, 7: 6, 8: 4, 9: 2, 10: 1 } as Record<number, number>;
const GUANGDONG_EMPLOYMENT = { 5: 50, 6: 40, 7: 25, 8: 15, 9: 8, 10: 4 } as Record<number, number>;
const LUMP_GRADES = [5, 6, 7, 8, 9, 10] as const;

/** The fitted Gompertz–Makeham constants (data/life-table-cl2010-2013-gm.csv). */
export const CL2010_2013_GM = { A: 0.0003, c: 1.0853327, maleB: 0.0000633043, femaleB: 0.0000406648 } as const;

const fixed = (rationale: string): Assumption => assumed(rationale, { dist: "fixed" });

function leavingJobParameters(p: ReturnType<typeof periodicPaths>, region: LeavingJobRegion, from: string): Parameter[] {
  const zj = regulation("浙江省工伤保险条例 (2017, amended 2020)", "grades 5–10: 一次性工伤医疗补助金 and 一次性伤残就业补助金 each 30 / 25 / 10 / 7 / 4 / 2 months of the province's previous-year average monthly wage; the employment part falls 20 % a year within 5 years of retirement");
  const ref = (kind: "medical" | "employment", g: number): { value: number; reference: Reference; assumption?: Assumption } => {
    if (region === "zhejiang") return { value: ZHEJIANG_MONTHS[g]!, reference: zj };
    if (region === "guangdong") {
      const v = kind === "medical" ? GUANGDONG_MEDICAL[g]! : GUANGDONG_EMPLOYMENT[g]!;
      return {
        value: v,
        reference: noSource("Guangdong's amounts are not in the project's reference sheet"),
        assumption: assumed(`recalled from 广东省工伤保险条例 (2011, amended 2019): grade ${g} ${kind === "medical" ? "medical" : "employment"} lump sum ${v} months of the worker's wage; verify before use`, { dist: "triangular", min: v * 0.5, mode: v, max: v * 1.5 }),
      };
    }
    const v = ZHEJIANG_MONTHS[g]!;
    return {
      value: v,
      reference: noSource("the amounts are set by each province; none is in the sources for this scheme"),
      assumption: assumed("Zhejiang's months (a pilot province, in the reference sheet) stand for an unnamed province; provinces differ widely (Guangdong's employment lump sums are larger)", { dist: "triangular", min: v * 0.5, mode: v, max: v * 2 }),
    };
  };
  const out: Parameter[] = [];
  for (const kind of ["medical", "employment"] as const) {
    for (const g of LUMP_GRADES) {
      const r = ref(kind, g);
      out.push(def(
        kind === "medical" ? p.medicalMonths(region, g) : p.employmentMonths(region, g),
        kind === "medical" ? [`${g}级一次性工伤医疗补助金(月数)`, `grade ${g} one-time work-injury medical lump sum (months)`] : [`${g}级一次性伤残就业补助金(月数)`, `grade ${g} one-time disability employment lump sum (months)`],
        "months", [0, 120], [ver(from, r.value, r.reference, r.assumption)],
      ));
    }
  }
  const taperRef = region === "zhejiang" ? zj : noSource("no taper rule in the sources for this region");
  const taperAssumption = region === "zhejiang" ? undefined : fixed("Zhejiang's taper (20 % a year within 5 years of retirement) is used; most provinces reduce the employment lump sum near retirement");
  out.push(
    def(p.taperYears(region), ["就业补助金递减起始(距退休年数)", "employment lump sum tapers within … years of retirement"], "years", [0, 20], [ver(from, 5, taperRef, taperAssumption)]),
    def(p.taperPerYear(region), ["就业补助金每年递减比例", "employment lump sum taper per year"], "share", [0, 1], [ver(from, 0.2, taperRef, taperAssumption)]),
  );
  return out;
}

function retirementVersions(from: string, before: ParameterVersion, after: ParameterVersion): ParameterVersion[] {
  return from < RETIREMENT_REFORM ? [{ ...before, from }, after] : [{ ...after, from }];
}

/** The periodic-benefit and valuation parameters under `${schemeId}.statutory`. */
export function periodicParameters(schemeId: string, from: string, regions: readonly LeavingJobRegion[]): Parameter[] {
  const p = periodicPaths(schemeId);
  const reform = regulation("全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13)", "from 2025-01-01 men's retirement age rises from 60 to 63 and women workers' from 50 to 55 (cadres 55 to 58) over 15 years");
  const old = regulation("国务院关于工人退休、退职的暂行办法 (国发〔1978〕104号)", "men 60, women workers 50, women cadres 55");
  return [
    def(p.wageFloor, ["本人工资下限(统筹地区平均工资比例)", "wage floor (share of the region's average wage)"], "share", [0, 1], [ver(from, 0.6, art("64", "a wage below 60 % of the region's average is taken as 60 %"))]),
    def(p.wageCap, ["本人工资上限(统筹地区平均工资倍数)", "wage cap (multiple of the region's average wage)"], "multiple", [1, 10], [ver(from, 3, art("64", "a wage above 300 % of the region's average is taken as 300 %"))]),
    ...GRADES.filter((g) => g <= 6).map((g) => def(p.allowanceRate(g), [`${g}级伤残津贴(本人工资比例)`, `grade ${g} disability allowance (share of wage)`], "share", [0, 1], [
      ver(from, ALLOWANCE[g]!, g <= 4 ? art("35", `grade ${g}: ${ALLOWANCE[g]! * 100} % of the wage a month, from the WII fund`) : art("36", `grade ${g}: ${ALLOWANCE[g]! * 100} % of the wage a month, paid by the employer when it cannot place the worker`)),
    ])),
    def(p.topUp, ["退休后基金补足差额(伤残津贴比例)", "fund top-up after retirement (share of the allowance)"], "share", [0, 1], [
      ver(from, 0.5, art("35", "after retirement the basic pension replaces the allowance; the fund pays the difference when the pension is lower"),
        assumed("the fund pays the gap between the allowance and the basic pension; new-form and flexible workers have short, low pension records (a basic pension of roughly 40–60 % of an allowance of 75–90 % of wage), so half the allowance is the central top-up", { dist: "uniform", min: 0.2, max: 0.8 })),
    ]),
    def(p.unplaced, ["5–6级未安排工作的比例(留岗者)", "grades 5–6: share of those staying whom the employer cannot place"], "share", [0, 1], [
      ver(from, 0.5, art("36", "the employer arranges suitable work; where it cannot, it pays the allowance"),
        assumed("no source; platforms and small employers seldom have light work to offer, so about half of grade 5–6 workers who stay draw the employer-paid allowance", { dist: "beta", alpha: 5, beta: 5 })),
    ]),
    ...NURSING_LEVELS.map((l) => def(p.nursingRate(l), [`生活护理费(${l === "full" ? "完全" : l === "large" ? "大部分" : "部分"}不能自理)`, `nursing allowance (${l} dependence, share of regional average wage)`], "share", [0, 1], [
      ver(from, NURSING_RATE[l], art("34", `${l} dependence: ${NURSING_RATE[l] * 100} % of the region's average monthly wage a month, from the WII fund`)),
    ])),
    ...GRADES.filter((g) => g <= 4).flatMap((g) => {
      const n = NURSING_NEED[g]!;
      return [
        def(p.nursingShare(g), [`${g}级需生活护理的比例`, `grade ${g}: share assessed as needing nursing`], "share", [0, 1], [
          ver(from, n.share, noSource("the grade and the nursing level are assessed separately (GB/T 16180); no source gives how often they coincide"),
            assumed(`grade ${g} covers ${g === 1 ? "vegetative state, tetraplegia, the most severe brain injuries: nearly all need care" : g === 2 ? "e.g. paraplegia, blindness in both eyes: most need care" : g === 3 ? "e.g. loss of both hands, severe limb dysfunction: about half need care" : "e.g. loss of a leg above the knee: a minority need care"}`, { dist: "beta", alpha: n.alpha, beta: n.beta })),
        ]),
        def(p.nursingLevel(g), [`${g}级护理依赖程度(1完全、2大部分、3部分)`, `grade ${g}: nursing dependence level (1 full, 2 large, 3 partial)`], "multiple", [1, 3], [
          ver(from, NURSING_LEVEL_CODE[n.level], noSource("no source maps grades to dependence levels"),
            fixed(`the typical level for grade ${g} among those who need care (${n.level}); the claim field \`nursing\` sets it for a known case`)),
        ], true),
      ];
    }),
    def(p.survivorRate, ["供养亲属抚恤金(每人，本人工资比例)", "survivors' pension per dependant (share of wage)"], "share", [0, 1], [
      ver(from, 0.3, art("39", "each dependant other than the spouse 30 % of the wage a month (spouse 40 %; +10 % for an orphan or a lone elder)"),
        undefined, "dependants are taken as children and parents at 30 %: a spouse qualifies only without work capacity, and the +10 % cases are rare"),
    ]),
    def(p.survivorCap, ["供养亲属抚恤金合计上限(本人工资倍数)", "survivors' pensions together at most (multiple of wage)"], "multiple", [0, 2], [ver(from, 1, art("39", "all survivors' pensions together at most the worker's wage"))]),
    def(p.survivorShare, ["工亡者有供养亲属的比例", "share of deaths leaving eligible dependants"], "share", [0, 1], [
      ver(from, 0.7, noSource("no source gives family structure of deceased gig workers"),
        assumed("most workers who die at 25–50 leave a child under 18 or a parent past retirement age (both qualify); about 70 %", { dist: "beta", alpha: 7, beta: 3 })),
    ]),
    def(p.survivorCount, ["供养亲属人数(有供养亲属时)", "eligible dependants per death that has any"], "persons", [1, 10], [
      ver(from, 1.8, noSource("no source"), assumed("a child or two under 18 and/or one or two parents past retirement age; 1.8 on average", { dist: "triangular", min: 1, mode: 1.8, max: 3 })),
    ]),
    def(p.survivorYears, ["供养亲属抚恤金平均领取年数", "expected years a survivors' pension runs"], "years", [1, 60], [
      ver(from, 15, noSource("no source"), assumed("children are paid to 18 (about 10 years for a worker in his thirties), parents for life (about 20 years from their late fifties); 15 years, paid for certain, stands for the mix", { dist: "triangular", min: 8, mode: 15, max: 25 })),
    ]),
    def(p.leaveShare56, ["5–6级伤残者离职领取一次性补助金的比例", "grades 5–6: share who leave the job and take the lump sums"], "share", [0, 1], [
      ver(from, 0.5, art("36", "grades 5–6 keep their job unless they ask to leave; on leaving they receive the lump sums"),
        assumed("no source; workers without a labour relationship leave platforms readily, but grades 5–6 may only leave at their own request", { dist: "beta", alpha: 5, beta: 5 })),
    ]),
    def(p.leaveShare710, ["7–10级伤残者离职领取一次性补助金的比例", "grades 7–10: share who leave the job and take the lump sums"], "share", [0, 1], [
      ver(from, 0.8, art("37", "grades 7–10 receive the lump sums when the contract ends or they resign"),
        assumed("no source; gig engagements turn over within a year or two, so most minor-disability workers end them and claim", { dist: "beta", alpha: 8, beta: 2 })),
    ]),
    ...regions.flatMap((r) => leavingJobParameters(p, r, from)),
    def(p.discount, ["贴现率(年)", "discount rate (per year)"], "share", [-0.05, 0.2], [
      ver(from, 0.03, noSource("a valuation basis, not a published figure"),
        assumed("long Chinese government bond yields were 2–3 % in 2020–25 and life-insurance reserving rates are capped at 3–3.5 %; 3 % a year", { dist: "triangular", min: 0.02, mode: 0.03, max: 0.045 })),
    ]),
    def(p.indexation, ["待遇调整率(年)", "indexation of the pensions (per year)"], "share", [-0.05, 0.2], [
      ver(from, 0.025, art("40", "the allowances and pensions are adjusted with average wages and living costs"),
        assumed("regional adjustments have been a few per cent a year, below the 5–7 % growth of average wages; 2.5 % a year, half a point under the discount rate", { dist: "triangular", min: 0.01, mode: 0.025, max: 0.05 })),
    ]),
    def(p.deferral, ["伤残津贴、护理费起付前月数(停工留薪期)", "months from injury to the first allowance (paid-leave period)"], "months", [0, 36], [
      ver(from, 6, art("33", "during the paid-leave period (normally ≤ 12 months) the employer pays the wage; allowances follow the disability assessment"),
        assumed("treatment and the assessment take about half a year for a severe injury; the wages in this period are the employer's and not modelled", { dist: "triangular", min: 2, mode: 6, max: 12 })),
    ], true),
    def(p.maleShare, ["男性比例(未给性别时)", "share of men (when the claim gives no sex)"], "share", [0, 1], [
      ver(from, 0.85, noSource("no source gives the sex mix of injured covered workers"),
        assumed("delivery riders, drivers and couriers are overwhelmingly men; with domestic and other workers about 85 %; the claim field `sex` sets it for a known case", { dist: "beta", alpha: 17, beta: 3 })),
    ]),
    def(p.retireMale, ["法定退休年龄(男)", "statutory retirement age (men)"], "years", [40, 80], retirementVersions(from,
      ver(from, 60, old),
      ver(RETIREMENT_REFORM, 63, reform, assumed("the final age of the reform, which applies to men born in 1976 or later; older workers retire between 60 and 63", { dist: "triangular", min: 60, mode: 63, max: 63 })),
    )),
    def(p.retireFemale, ["法定退休年龄(女)", "statutory retirement age (women)"], "years", [40, 80], retirementVersions(from,
      ver(from, 50, old, fixed("women in manual and gig work are taken as 工人 (retire at 50), not cadres (55)")),
      ver(RETIREMENT_REFORM, 55, reform, assumed("the final age for women workers (born 1984 or later); older ones retire between 50 and 55, cadres at 58", { dist: "triangular", min: 50, mode: 55, max: 58 })),
    )),
    def(p.mortA, ["死亡力常数项A(Makeham)", "mortality law: Makeham term A (per year)"], "share", [0, 0.01], [
      ver(from, CL2010_2013_GM.A, noSource(`not identified by the published points; set (${LIFE_TABLE})`),
        fixed("a few deaths per 10 000 a year at young ages (accidents, background) in insured-lives tables; A = 0.0001 or 0.0005, refitted, moves the annuity values by under 1 %")),
    ]),
    def(p.mortC, ["死亡力增长因子c(Gompertz)", "mortality law: Gompertz growth factor c"], "multiple", [1, 1.2], [
      ver(from, CL2010_2013_GM.c, noSource(`fitted (${LIFE_TABLE})`),
        fixed("fitted with the male B to the China life-insurance experience table 2010–2013: male q50 = 0.4249 % (non-pension table I) and male life expectancy 79.5; shared by women")),
    ]),
    def(p.mortBMale, ["死亡力水平B(男)", "mortality law: Gompertz level B (men, per year)"], "share", [0, 0.01], [
      ver(from, CL2010_2013_GM.maleB, noSource(`fitted (${LIFE_TABLE})`), fixed("fitted with c to male q50 = 0.4249 % and e̊0 = 79.5 (CL 2010–2013)")),
    ]),
    def(p.mortBFemale, ["死亡力水平B(女)", "mortality law: Gompertz level B (women, per year)"], "share", [0, 0.01], [
      ver(from, CL2010_2013_GM.femaleB, noSource(`fitted (${LIFE_TABLE})`), fixed("fitted to female e̊0 = 84.6 (CL 2010–2013) with the male c")),
    ]),
    def(p.improvement, ["死亡率较2010–2013表下降比例", "mortality below the 2010–2013 table (share)"], "share", [0, 0.9], [
      ver(from, 0.2, regulation("21st Century Business Herald, 2025 (secondary)", "the 2025 experience table's mortality is 15–27 % below 2010–2013"),
        assumed("current mortality sits near the 2025 table: 20 % below 2010–2013, within the reported 15–27 %; the insured-lives selection of the table (lighter than workers') is not adjusted for and partly offsets it", { dist: "uniform", min: 0.15, max: 0.27 })),
    ]),
    def(p.severe, ["1–4级伤残者死亡率倍数", "mortality multiplier for grade 1–4 disability"], "multiple", [1, 10], [
      ver(from, 2, noSource("no Chinese figure for the mortality of severely injured workers"),
        assumed("cohort studies of spinal-cord and severe brain injury find standardised mortality ratios of about 1.5–3 (higher for tetraplegia, lower for amputations); grades 1–4 mix these, so × 2 on the whole force", { dist: "lognormal", median: 2, sigma: 0.35 })),
    ]),
  ];
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
