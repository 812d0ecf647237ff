/**
 * FROZEN REFERENCE (test oracle): this scheme's own code before the medical family (commit
 * 4ccaf76, src/rules/tianyi-yongningbao.ts), kept unchanged but for its imports and its parameter definitions
 * (the table is passed in: the scheme's parameters.yaml). test/families/medical/equivalence.test.ts
 * checks the family against it. Not used by the workbench.
 */
/**
 * 天一甬宁保 — Ningbo's city 惠民保 supplementary health insurance, policy years 2023 and 2024
 * as dated versions. 2024: covered cost in 6000–20000 元 paid at 30 %, above 20000 元 at 60 %
 * for everyone; 2023: 10 % / 40 % with pre-existing conditions, 20 % / 80 % without.
 * Source: seed 003_11be16c1714b1987.txt (bands l.59, adult premium l.23/47, lower student and
 * minor tiers l.7/57, employer purchase l.45–61, town purchase l.27–37). Student/minor premium,
 * proton/heavy-ion cover and the annual cap are assumptions (not in the seed).
 */
import { z } from "zod";
import { age, amount, bool, oneOf, parseWith } from "../../../../src/rules/input.js";
import { band, fmt, mulRate } from "../../../../src/rules/money.js";
import { pct, type ParameterTable } from "../../../../src/rules/parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type Lang, type Payer, type PremiumLine, type Scheme, type TraceLine } from "../../../../src/rules/scheme.js";

export const ID = "tianyi-yongningbao";
const F = "003_11be16c1714b1987.txt";
/** Policy years are read as calendar years (the 2024 enrolment opened 2023-10-10, l.7). */
export const Y2023 = "2023-01-01";
export const Y2024 = "2024-01-01";
const L59A = "6000元至2万元分段,将既往症患者和非既往症患者的赔付比例,由原来的10%和20%统一提高到30%";
const L59B = "2万元以上部分赔付比例,由原来的40%和80%统一调整为60%";

const P = {
  adult: `${ID}.premium.adult`,
  minor: `${ID}.premium.minorOrStudent`,
  adultAge: `${ID}.premium.adultAge`,
  bandLow: `${ID}.band.lower`,
  bandHigh: `${ID}.band.upper`,
  r1Pre: `${ID}.rate.band1.preExisting`,
  r1Non: `${ID}.rate.band1.noPreExisting`,
  r2Pre: `${ID}.rate.band2.preExisting`,
  r2Non: `${ID}.rate.band2.noPreExisting`,
  cap: `${ID}.annualCap`,
  protonRate: `${ID}.proton.rate`,
  protonCap: `${ID}.proton.cap`,
} as const;


const PersonSchema = z.strictObject({
  age: age().default(40),
  ningboMedicalInsurance: bool().default(true),
  residentStudentTier: bool().default(false),
});
const ClaimSchema = z.strictObject({
  coveredCost: amount(),
  preExisting: bool(),
  protonHeavyIonCost: amount().optional(),
});
const PAYERS = ["insured", "employer", "town", "chamber", "collective"] as const;
const PurchaseSchema = z.strictObject({ payer: oneOf(PAYERS).default("insured") });
export type TianyiPerson = z.output<typeof PersonSchema>;
export type TianyiClaim = z.output<typeof ClaimSchema>;
export type TianyiPurchase = z.output<typeof PurchaseSchema>;

const PAYER_LABEL: Record<Exclude<(typeof PAYERS)[number], "insured">, [string, string]> = {
  employer: ["企业/集体统一参保", "employer group purchase"],
  town: ["镇政府统一参保", "town government purchase"],
  chamber: ["商会企业统一参保", "business chamber purchase"],
  collective: ["股份经济合作社集体资金参保", "village collective purchase"],
};

export function create(t: ParameterTable): Scheme<TianyiPerson, TianyiClaim, TianyiPurchase> {
  const scheme: Scheme<TianyiPerson, TianyiClaim, TianyiPurchase> = {
    id: ID,
    name: { zh: "天一甬宁保", en: "Tianyi Yongningbao (Ningbo city 惠民保)" },
    region: { zh: "浙江宁波", en: "Ningbo, Zhejiang" },
    sources: [F],
    period: { from: Y2023, until: null },
    referenceDate: Y2024,
    parameters: t,
    benefitPersonFields: [],
    // Read as yearly, per person (an interpretation): the seed gives the bands (l.59) without a
    // period; 惠民保 products apply the deductible (here the 6000 元 band edge) and bands to a person's
    // covered cost in a policy year, and the (assumed) cap is annual. The engine sums these fields
    // over a person's episodes and pays the year once.
    yearlyFields: ["coveredCost", "protonHeavyIonCost"],
    pricing: [P.adult, P.minor],
    personDefaults: {
      en: "age 40 (adult), member of Ningbo basic medical insurance, not in the resident-insurance student tier",
      zh: "40岁(成人)，宁波基本医保参保人，非居民医保学生档",
    },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      return eligibilityOf([
        reason(`${ID}.period`, date >= Y2023, `policy years from ${Y2023} are modelled`, `建模保单年度自${Y2023}起`),
        reason(`${ID}.medicalInsurance`, person.ningboMedicalInsurance,
          person.ningboMedicalInsurance ? "member of Ningbo basic medical insurance" : "not a member of Ningbo basic medical insurance (required: it supplements basic insurance)",
          person.ningboMedicalInsurance ? "宁波基本医保参保人" : "非宁波基本医保参保人(衔接基本医保，须参保)"),
      ]);
    },

    premium(person, purchase, date) {
      const adultAge = t.v(P.adultAge, date);
      const lower = person.age < adultAge || person.residentStudentTier;
      const path = lower ? P.minor : P.adult;
      const gross = t.v(path, date);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "年保费", en: "annual premium" },
        amount: gross,
        params: [P.adultAge, path],
        formula: lower
          ? `${person.age < adultAge ? `age ${person.age} < ${adultAge}` : "resident-insurance student tier"} → ${fmt(gross)}`
          : `adult (age ${person.age} ≥ ${adultAge}) → ${fmt(gross)}`,
      };
      const subsidies: PremiumLine[] = [];
      if (purchase.payer !== "insured") {
        const [zh, en] = PAYER_LABEL[purchase.payer];
        subsidies.push({
          rule: `${ID}.groupPurchase`,
          payer: purchase.payer as Payer,
          label: { zh, en },
          amount: gross,
          params: [path],
          get formula() { return `${en}: ${fmt(gross)}`; },
        });
      }
      return premiumOf(gross, grossTrace, subsidies);
    },

    benefit(claim, _person, date) {
      const lo = t.v(P.bandLow, date);
      const hi = t.v(P.bandHigh, date);
      const p1 = claim.preExisting ? P.r1Pre : P.r1Non;
      const p2 = claim.preExisting ? P.r2Pre : P.r2Non;
      const r1 = t.v(p1, date);
      const r2 = t.v(p2, date);
      const who = claim.preExisting ? "pre-existing" : "no pre-existing";
      const b1 = band(claim.coveredCost, lo, hi);
      const a1 = mulRate(b1, r1);
      const b2 = band(claim.coveredCost, hi);
      const a2 = mulRate(b2, r2);
      const items: TraceLine[] = [
        {
          rule: `${ID}.band1`,
          label: { zh: `${fmt(lo)}–${fmt(hi)}元段`, en: `band ${fmt(lo)}–${fmt(hi)} 元 (${who})` },
          amount: a1,
          params: [P.bandLow, P.bandHigh, p1],
          get formula() { return `(min(${fmt(claim.coveredCost)}, ${fmt(hi)}) − ${fmt(lo)})⁺ × ${pct(r1)} = ${fmt(b1)} × ${pct(r1)} = ${fmt(a1)}`; },
        },
        {
          rule: `${ID}.band2`,
          label: { zh: `${fmt(hi)}元以上部分`, en: `above ${fmt(hi)} 元 (${who})` },
          amount: a2,
          params: [P.bandHigh, p2],
          get formula() { return `(${fmt(claim.coveredCost)} − ${fmt(hi)})⁺ × ${pct(r2)} = ${fmt(b2)} × ${pct(r2)} = ${fmt(a2)}`; },
        },
      ];
      const cap = t.v(P.cap, date);
      if (a1 + a2 > cap) {
        items.push({
          rule: `${ID}.annualCap`,
          label: { zh: "超出年度最高赔付", en: "above the yearly maximum" },
          amount: cap - (a1 + a2),
          params: [P.cap],
          get formula() { return `min(${fmt(a1 + a2)}, ${fmt(cap)}) − ${fmt(a1 + a2)} = ${fmt(cap - (a1 + a2))}`; },
        });
      }
      if (claim.protonHeavyIonCost !== undefined && claim.protonHeavyIonCost > 0) {
        const rate = t.v(P.protonRate, date);
        const pcap = t.v(P.protonCap, date);
        const amt = Math.min(mulRate(claim.protonHeavyIonCost, rate), pcap);
        items.push({
          rule: `${ID}.proton`,
          label: { zh: "质子重离子医疗费用", en: "proton/heavy-ion treatment" },
          amount: amt,
          params: [P.protonRate, P.protonCap],
          get formula() { return `min(${fmt(claim.protonHeavyIonCost ?? 0)} × ${pct(rate)}, ${fmt(pcap)}) = ${fmt(amt)}`; },
        });
      }
      return benefitOf(items);
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const [adult, minor, lo, hi, r1p, r1n, r2p, r2n, cap] = [P.adult, P.minor, P.bandLow, P.bandHigh, P.r1Pre, P.r1Non, P.r2Pre, P.r2Non, P.cap].map((p) => t.v(p, date)) as number[] as [number, number, number, number, number, number, number, number, number];
      const same = r1p === r1n && r2p === r2n;
      const rates = same
        ? zh ? `${fmt(lo)}–${fmt(hi)}元段赔付${pct(r1p)}，${fmt(hi)}元以上赔付${pct(r2p)}` : `${pct(r1p)} of covered cost in ${fmt(lo)}–${fmt(hi)} 元, ${pct(r2p)} above ${fmt(hi)} 元`
        : zh
          ? `${fmt(lo)}–${fmt(hi)}元段赔付${pct(r1n)}(既往症${pct(r1p)})，${fmt(hi)}元以上赔付${pct(r2n)}(既往症${pct(r2p)})`
          : `${pct(r1n)} of covered cost in ${fmt(lo)}–${fmt(hi)} 元 (${pct(r1p)} with pre-existing conditions), ${pct(r2n)} above ${fmt(hi)} 元 (${pct(r2p)})`;
      const year = date < Y2024 ? "2023" : "2024";
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh ? "宁波基本医保参保人，不限年龄和健康状况" : "members of Ningbo basic medical insurance, any age or health",
        payers: zh ? "个人；也可由企业、镇政府、商会或村集体统一参保" : "the insured; also employers, town governments, business chambers or village collectives for groups",
        premium: zh ? `成人${fmt(adult)}元/年，学生档和未成年人${fmt(minor)}元/年(假设)` : `adults ${fmt(adult)} 元/year; student tier and minors ${fmt(minor)} 元/year (assumed)`,
        // The special-drug (特药) benefit exists (l.7, l.57: “扩大特药保障区域范围”) but its terms are
        // not in the seed: it is not modelled, and the card says so (an omission, not a zero).
        benefit: `${rates}${zh ? `；年度最高${fmt(cap)}元(假设)；特药责任条款未披露，未建模(赔付偏低)` : `; at most ${fmt(cap)} 元 a year (assumed); the special-drug (特药) benefit's terms are not published and it is not modelled (benefits understated)`}`,
        sources: [...scheme.sources],
        period: zh ? `${year}保单年度(自${year}-01-01)` : `policy year ${year} (from ${year}-01-01)`,
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

