/**
 * 工惠保 and 天一甬宁保 as products of the medical family, over their existing parameter paths —
 * the specs their scheme.yaml files carry after the switch (keys relative to the id) (kept here as the fixtures of the
 * equivalence tests until then).
 */
import type { MedicalSpecInput } from "../../../src/families/medical/index.js";

const G = "gonghuibao";
export const gonghuibaoSpec: MedicalSpecInput = {
  person: {
    ageDefault: 40,
    flags: [
      { name: "ningboMedicalInsurance", label: { zh: "宁波基本医保参保人", en: "member of Ningbo basic medical insurance" }, default: true },
      { name: "bankOfNingboCardHolder", label: { zh: "宁波银行卡客户", en: "Bank of Ningbo card holder" }, default: false },
    ],
  },
  eligibility: {
    requires: [
      {
        rule: `medicalInsurance`,
        field: "ningboMedicalInsurance",
        met: { zh: "宁波市基本医疗保险参保人(不限年龄、健康状况)", en: "member of Ningbo basic medical insurance (any age, any health)" },
        unmet: { zh: "非宁波市基本医疗保险参保人(须参保)", en: "not a member of Ningbo basic medical insurance (required)" },
      },
    ],
  },
  premium: {
    tiers: [{ premium: `premium.upToThreshold`, when: [{ age: "<=", param: `premium.ageThreshold` }] }, { premium: `premium.aboveThreshold` }],
    subsidies: [
      {
        rule: `bankSubsidy`,
        payer: "bank",
        label: { zh: "宁波银行卡客户补贴", en: "Bank of Ningbo card-holder subsidy" },
        amount: `bankSubsidy.amount`,
        when: "bankOfNingboCardHolder",
        budget: `bankSubsidy.budget`,
        maxPersons: `bankSubsidy.maxCardHolders`,
      },
    ],
    groupPurchase: { rule: `employerGroup`, payers: { employer: { zh: "企业统一投保", en: "employer group purchase" } } },
  },
  benefit: {
    components: [
      {
        field: { name: "inCatalogSelfPay", label: { zh: "社保内个人负担", en: "in-catalogue personal burden" }, hint: { zh: "元，医保目录内个人负担部分", en: "yuan, the insured's part of in-catalogue costs" } },
        rule: `inCatalog`,
        deductible: `inCatalog.deductible`,
        rate: `inCatalog.rate`,
      },
      {
        field: { name: "outOfCatalogSelfPay", label: { zh: "社保外个人自费", en: "out-of-catalogue self-pay" }, hint: { zh: "元，含癌症处方外配药", en: "yuan, incl. cancer drugs bought outside hospital" } },
        rule: `outOfCatalog`,
        label: { zh: "社保外个人自费(含癌症处方外配药)", en: "out-of-catalogue self-pay (incl. cancer drugs bought outside hospital)" },
        deductible: `outOfCatalog.deductible`,
        rate: `outOfCatalog.rate`,
      },
    ],
    exclusion: {
      field: { name: "excludedPreExistingCost", label: { zh: "5种特定既往症费用", en: "costs of the 5 excluded pre-existing diseases" }, hint: { zh: "元，不予赔付(单列)", en: "yuan, not paid (shown separately)" } },
      rule: `preExistingExclusion`,
      label: { zh: "5种特定疾病既往症费用(不予赔付，已从上两项扣除)", en: "costs of the 5 excluded pre-existing diseases (not paid; taken out of the two lines above)" },
      from: ["inCatalogSelfPay", "outOfCatalogSelfPay"],
    },
    cap: { param: `annualCap` },
  },
};

const T = "tianyi-yongningbao";
const rate = (band: string) => ({ preExisting: `rate.${band}.preExisting`, noPreExisting: `rate.${band}.noPreExisting` });
export const tianyiSpec: MedicalSpecInput = {
  person: {
    ageDefault: 40,
    flags: [
      { name: "ningboMedicalInsurance", label: { zh: "宁波基本医保参保人", en: "member of Ningbo basic medical insurance" }, default: true },
      { name: "residentStudentTier", label: { zh: "居民医保学生档", en: "resident-insurance student tier" }, default: false },
    ],
  },
  eligibility: {
    period: { zh: "建模保单年度自2023-01-01起", en: "policy years from 2023-01-01 are modelled" },
    requires: [
      {
        rule: `medicalInsurance`,
        field: "ningboMedicalInsurance",
        met: { zh: "宁波基本医保参保人", en: "member of Ningbo basic medical insurance" },
        unmet: { zh: "非宁波基本医保参保人(衔接基本医保，须参保)", en: "not a member of Ningbo basic medical insurance (required: it supplements basic insurance)" },
      },
    ],
  },
  premium: {
    tiers: [
      { premium: `premium.minorOrStudent`, when: [{ age: "<", param: `premium.adultAge` }, { field: "residentStudentTier" }] },
      { premium: `premium.adult`, name: { zh: "成人", en: "adult" } },
    ],
    groupPurchase: {
      rule: `groupPurchase`,
      payers: {
        employer: { zh: "企业/集体统一参保", en: "employer group purchase" },
        town: { zh: "镇政府统一参保", en: "town government purchase" },
        chamber: { zh: "商会企业统一参保", en: "business chamber purchase" },
        collective: { zh: "股份经济合作社集体资金参保", en: "village collective purchase" },
      },
    },
  },
  benefit: {
    components: [
      {
        field: { name: "coveredCost", label: { zh: "合规医疗费用", en: "covered medical costs" }, hint: { zh: "元，基本医保报销后的个人负担", en: "yuan, left after basic insurance" } },
        bands: [
          { from: `band.lower`, to: `band.upper`, rate: rate("band1"), rule: `band1` },
          { from: `band.upper`, rate: rate("band2"), rule: `band2` },
        ],
      },
      {
        field: { name: "protonHeavyIonCost", label: { zh: "质子重离子费用", en: "proton / heavy-ion therapy costs" } },
        optional: true,
        rule: `proton`,
        label: { zh: "质子重离子医疗费用", en: "proton/heavy-ion treatment" },
        rate: `proton.rate`,
        cap: `proton.cap`,
      },
    ],
    cap: { param: `annualCap` },
    omitted: [
      {
        label: { zh: "特药责任", en: "the special-drug (特药) benefit" },
        note: { zh: "条款未披露(l.7、l.57)，未建模(赔付偏低)", en: "terms not published (l.7, l.57); not modelled (benefits understated)" },
      },
    ],
  },
};
