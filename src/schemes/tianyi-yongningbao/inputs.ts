/** 天一甬宁保's inputs: who is insured, who buys, what a year's covered costs are; labelled for the calculator. */
import { z } from "zod";
import { personAge } from "../../rules/fields.js";
import { amount, bool, labelled, oneOf } from "../../rules/input.js";

export const PersonSchema = z.strictObject({
  age: personAge(40),
  ningboMedicalInsurance: labelled(bool().default(true), { label: { zh: "宁波基本医保参保人", en: "member of Ningbo basic medical insurance" } }),
  residentStudentTier: labelled(bool().default(false), { label: { zh: "居民医保学生档", en: "resident-insurance student tier" } }),
});

export const ClaimSchema = z.strictObject({
  coveredCost: labelled(amount(), { label: { zh: "合规医疗费用", en: "covered medical costs" }, hint: { zh: "元，基本医保报销后的个人负担", en: "yuan, left after basic insurance" } }),
  preExisting: labelled(bool(), { label: { zh: "既往症", en: "pre-existing condition" } }),
  protonHeavyIonCost: labelled(amount().optional(), { label: { zh: "质子重离子费用", en: "proton / heavy-ion therapy costs" }, hint: { zh: "元", en: "yuan" } }),
});

export const PAYERS = ["insured", "employer", "town", "chamber", "collective"] as const;

export const PurchaseSchema = z.strictObject({
  payer: labelled(oneOf(PAYERS).default("insured"), {
    label: { zh: "投保方式", en: "who buys" },
    options: {
      insured: { zh: "个人投保", en: "the insured" },
      employer: { zh: "企业/集体统一参保", en: "employer group purchase" },
      town: { zh: "镇政府统一参保", en: "town government" },
      chamber: { zh: "商会企业统一参保", en: "business chamber" },
      collective: { zh: "股份经济合作社集体资金", en: "village collective" },
    },
  }),
});

export type TianyiPerson = z.output<typeof PersonSchema>;
export type TianyiClaim = z.output<typeof ClaimSchema>;
export type TianyiPurchase = z.output<typeof PurchaseSchema>;
