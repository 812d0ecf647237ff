/**
 * FROZEN REFERENCE (test oracle): this scheme's own code before the medical family (commit
 * 4ccaf76, src/rules/gonghuibao.ts), kept unchanged but for its imports and its parameter definitions
 * (the table is passed in: the scheme's parameters.yaml). test/families/medical/equivalence.test.ts
 * checks the family against it. Not used by the workbench.
 */
/**
 * 工惠保 — Ningbo union inclusive supplementary medical insurance (2020), led by the Ningbo
 * Federation of Trade Unions, underwritten by Taikang Pension Ningbo.
 * Source: seed 002_c0fee34b91106deb.txt (premium tiers l.109–112, Bank of Ningbo subsidy
 * l.191–196, eligibility l.117–131, benefits and worked example l.96–104, cap l.69–70).
 */
import { z } from "zod";
import { amount, age, bool, oneOf, parseWith } from "../../../../src/rules/input.js";
import { band, fmt, mulRate } from "../../../../src/rules/money.js";
import { pct, type ParameterTable } from "../../../../src/rules/parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type Lang, type PremiumLine, type Scheme, type TraceLine } from "../../../../src/rules/scheme.js";

export const ID = "gonghuibao";
const F = "002_c0fee34b91106deb.txt";
const FROM = "2020-09-01";

const P = {
  ageThreshold: `${ID}.premium.ageThreshold`,
  premiumYoung: `${ID}.premium.upToThreshold`,
  premiumOld: `${ID}.premium.aboveThreshold`,
  bankSubsidy: `${ID}.bankSubsidy.amount`,
  bankBudget: `${ID}.bankSubsidy.budget`,
  bankHolders: `${ID}.bankSubsidy.maxCardHolders`,
  inDeductible: `${ID}.inCatalog.deductible`,
  inRate: `${ID}.inCatalog.rate`,
  outDeductible: `${ID}.outOfCatalog.deductible`,
  outRate: `${ID}.outOfCatalog.rate`,
  cap: `${ID}.annualCap`,
} as const;


const PersonSchema = z.strictObject({
  age: age().default(40),
  ningboMedicalInsurance: bool().default(true),
  bankOfNingboCardHolder: bool().default(false),
});
const ClaimSchema = z.strictObject({
  inCatalogSelfPay: amount(),
  outOfCatalogSelfPay: amount(),
  excludedPreExistingCost: amount().optional(),
});
const PurchaseSchema = z.strictObject({
  payer: oneOf(["insured", "employer"] as const).default("insured"),
});
export type GonghuibaoPerson = z.output<typeof PersonSchema>;
export type GonghuibaoClaim = z.output<typeof ClaimSchema>;
export type GonghuibaoPurchase = z.output<typeof PurchaseSchema>;

export function create(t: ParameterTable): Scheme<GonghuibaoPerson, GonghuibaoClaim, GonghuibaoPurchase> {
  const scheme: Scheme<GonghuibaoPerson, GonghuibaoClaim, GonghuibaoPurchase> = {
    id: ID,
    name: { zh: "工惠保(宁波职工普惠型补充医保)", en: "Gonghuibao (Ningbo union inclusive supplementary medical insurance)" },
    region: { zh: "浙江宁波", en: "Ningbo, Zhejiang" },
    sources: [F],
    period: { from: FROM, until: null },
    referenceDate: FROM,
    parameters: t,
    benefitPersonFields: [],
    // Read as yearly, per person (an interpretation, not a quote): the seed gives the 2 万 deductibles
    // in a worked example of one person's costs (l.96–101), 200 万 as the maximum payout (l.69) of a
    // product that "guards your health for a year" (l.72); supplementary medical products of this
    // kind (惠民保) apply deductibles and caps per policy year. Per episode would be a reform.
    // The engine sums these fields over a person's episodes and pays the year once.
    yearlyFields: ["inCatalogSelfPay", "outOfCatalogSelfPay", "excludedPreExistingCost"],
    pricing: [P.premiumYoung, P.premiumOld],
    personDefaults: {
      en: "age 40, member of Ningbo basic medical insurance, no Bank of Ningbo card (no bank subsidy)",
      zh: "40岁，宁波基本医保参保人，无宁波银行卡(不享受银行补贴)",
    },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      return eligibilityOf([
        reason(`${ID}.period`, date >= FROM, `scheme in force from ${FROM}`, `${FROM}起实施`),
        reason(
          `${ID}.medicalInsurance`,
          person.ningboMedicalInsurance,
          person.ningboMedicalInsurance ? "member of Ningbo basic medical insurance (any age, any health)" : "not a member of Ningbo basic medical insurance (required)",
          person.ningboMedicalInsurance ? "宁波市基本医疗保险参保人(不限年龄、健康状况)" : "非宁波市基本医疗保险参保人(须参保)",
        ),
      ]);
    },

    premium(person, purchase, date) {
      const threshold = t.v(P.ageThreshold, date);
      const young = person.age <= threshold;
      const path = young ? P.premiumYoung : P.premiumOld;
      const gross = t.v(path, date);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "年保费", en: "annual premium" },
        amount: gross,
        params: [P.ageThreshold, path],
        get formula() { return `age ${person.age} ${young ? "≤" : ">"} ${threshold} → ${fmt(gross)}`; },
      };
      const subsidies: PremiumLine[] = [];
      let left = gross;
      if (purchase.payer === "insured" && person.bankOfNingboCardHolder) {
        const s = Math.min(t.v(P.bankSubsidy, date), left);
        left -= s;
        subsidies.push({
          rule: `${ID}.bankSubsidy`,
          payer: "bank",
          label: { zh: "宁波银行卡客户补贴", en: "Bank of Ningbo card-holder subsidy" },
          amount: s,
          params: [P.bankSubsidy],
          get formula() { return `min(${fmt(t.v(P.bankSubsidy, date))}, ${fmt(gross)}) = ${fmt(s)}`; },
        });
      }
      if (purchase.payer === "employer") {
        subsidies.push({
          rule: `${ID}.employerGroup`,
          payer: "employer",
          label: { zh: "企业统一投保", en: "employer group purchase" },
          amount: left,
          params: [path],
          get formula() { return `employer pays the premium ${fmt(left)}`; },
        });
      }
      return premiumOf(gross, grossTrace, subsidies);
    },

    benefit(claim, _person, date) {
      const items: TraceLine[] = [];
      const inD = t.v(P.inDeductible, date);
      const inR = t.v(P.inRate, date);
      // The 5 excluded pre-existing diseases' costs are part of the self-pay amounts and are taken
      // out before the deductibles, split between the two in proportion to their size (the seed
      // does not say which; an interpretation shown in the trace).
      const excluded = Math.min(claim.excludedPreExistingCost ?? 0, claim.inCatalogSelfPay + claim.outOfCatalogSelfPay);
      const both = claim.inCatalogSelfPay + claim.outOfCatalogSelfPay;
      const inExcluded = excluded > 0 ? Math.round(((excluded * claim.inCatalogSelfPay) / both) * 100) / 100 : 0;
      const outExcluded = Math.round((excluded - inExcluded) * 100) / 100;
      const inCost = Math.round((claim.inCatalogSelfPay - inExcluded) * 100) / 100;
      const outCost = Math.round((claim.outOfCatalogSelfPay - outExcluded) * 100) / 100;
      const inBase = band(inCost, inD);
      const inPay = mulRate(inBase, inR);
      items.push({
        rule: `${ID}.inCatalog`,
        label: { zh: "社保内个人负担", en: "in-catalogue personal burden" },
        amount: inPay,
        params: [P.inDeductible, P.inRate],
        get formula() { return `max(0, ${fmt(inCost)} − ${fmt(inD)}) × ${pct(inR)} = ${fmt(inPay)}`; },
      });
      const outD = t.v(P.outDeductible, date);
      const outR = t.v(P.outRate, date);
      const outBase = band(outCost, outD);
      const outPay = mulRate(outBase, outR);
      items.push({
        rule: `${ID}.outOfCatalog`,
        label: { zh: "社保外个人自费(含癌症处方外配药)", en: "out-of-catalogue self-pay (incl. cancer drugs bought outside hospital)" },
        amount: outPay,
        params: [P.outDeductible, P.outRate],
        get formula() { return `max(0, ${fmt(outCost)} − ${fmt(outD)}) × ${pct(outR)} = ${fmt(outPay)}`; },
      });
      if (excluded > 0) {
        items.push({
          rule: `${ID}.preExistingExclusion`,
          label: { zh: "5种特定疾病既往症费用(不予赔付，已从上两项扣除)", en: "costs of the 5 excluded pre-existing diseases (not paid; taken out of the two lines above)" },
          amount: 0,
          params: [],
          get formula() { return `${fmt(excluded)} excluded: ${fmt(inExcluded)} from the in-catalogue burden, ${fmt(outExcluded)} from out-of-catalogue self-pay (in proportion); paid 0`; },
        });
      }
      const cap = t.v(P.cap, date);
      const total = inPay + outPay;
      if (total > cap) {
        items.push({
          rule: `${ID}.annualCap`,
          label: { zh: "超出年度最高赔付", en: "above the yearly maximum" },
          amount: cap - total,
          params: [P.cap],
          get formula() { return `min(${fmt(total)}, ${fmt(cap)}) − ${fmt(total)} = ${fmt(cap - total)}`; },
        });
      }
      return benefitOf(items);
    },

    describe(date, lang: Lang) {
      const th = t.v(P.ageThreshold, date);
      const young = t.v(P.premiumYoung, date);
      const old = t.v(P.premiumOld, date);
      const bank = t.v(P.bankSubsidy, date);
      const [inD, inR, outD, outR, cap] = [t.v(P.inDeductible, date), t.v(P.inRate, date), t.v(P.outDeductible, date), t.v(P.outRate, date), t.v(P.cap, date)];
      const zh = lang === "zh";
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh ? "宁波市基本医疗保险参保人(职工或居民)，不限年龄和健康状况；5种特定既往症费用除外" : "members of Ningbo basic medical insurance (employees or residents), any age or health; costs of 5 named pre-existing diseases excluded",
        payers: zh ? `个人或企业统一投保；宁波银行卡客户由宁波银行补贴${fmt(bank)}元` : `the insured or an employer (group purchase); Bank of Ningbo pays ${fmt(bank)} 元 for its card holders`,
        premium: zh
          ? `${th}岁及以下${fmt(young)}元/年，${th}岁以上${fmt(old)}元/年；银行卡客户${fmt(young - bank)}元起`
          : `${fmt(young)} 元/year at age ≤ ${th}, ${fmt(old)} 元/year above; card holders from ${fmt(young - bank)} 元`,
        benefit: zh
          ? `社保内个人负担超过${fmt(inD)}元部分赔付${pct(inR)}，社保外自费超过${fmt(outD)}元部分赔付${pct(outR)}，年度最高${fmt(cap)}元`
          : `in-catalogue personal burden above ${fmt(inD)} 元 paid at ${pct(inR)}, out-of-catalogue self-pay above ${fmt(outD)} 元 at ${pct(outR)}, at most ${fmt(cap)} 元 a year`,
        sources: [...scheme.sources],
        period: zh ? `${FROM}起(2020年度产品)` : `from ${FROM} (the 2020 product)`,
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

