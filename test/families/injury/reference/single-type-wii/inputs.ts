// Frozen copy of src/schemes/single-type-wii/inputs.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/** Single-type WII's inputs (the claim adds the statutory package's fields), labelled for the calculator. */
import { z } from "zod";
import { death, disabilityGrade, industryClass, medicalCost, personAge } from "../../../../../src/rules/fields.js";
import { bool, integer, labelled, oneOf } from "../../../../../src/rules/input.js";
import { statutoryClaimFields } from "../../../../../src/rules/statutory-wii.js";

export const VARIANTS = ["zhejiang", "guangdong"] as const;
export type Variant = (typeof VARIANTS)[number];

export const PersonSchema = z.strictObject({
  age: personAge(35),
  variant: labelled(oneOf(VARIANTS).default("zhejiang"), { label: { zh: "地区模式", en: "variant" }, options: { zhejiang: { zh: "浙江", en: "Zhejiang" }, guangdong: { zh: "广东", en: "Guangdong" } } }),
  industryClass: industryClass(2),
  insuredByPlatform: labelled(bool().default(true), { label: { zh: "由平台/用工单位参保", en: "insured by a platform/employer" } }),
});

export const ClaimSchema = z.strictObject({
  medicalCost: medicalCost(),
  disabilityGrade: disabilityGrade(),
  death: death(),
  injuryDetermined: labelled(bool().default(true), { label: { zh: "已认定工伤", en: "work injury determined" } }),
  ...statutoryClaimFields,
});

export const PurchaseSchema = z.strictObject({
  months: labelled(integer(1, 120, "months").default(1), { label: { zh: "参保月数", en: "months" }, hint: { zh: "1–120", en: "1–120" } }),
  payer: labelled(oneOf(["platform", "employer"] as const).default("platform"), { label: { zh: "缴费方", en: "who pays" }, options: { platform: { zh: "平台", en: "platform" }, employer: { zh: "用工单位", en: "employer" } } }),
});

export type SingleTypePerson = z.output<typeof PersonSchema>;
export type SingleTypeClaim = z.output<typeof ClaimSchema>;
export type SingleTypePurchase = z.output<typeof PurchaseSchema>;
