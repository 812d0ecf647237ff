// Frozen copy of src/schemes/platform-injury-mandatory/inputs.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/** The mandatory proposal's inputs (the claim adds the statutory package's fields), labelled for the calculator. */
import { z } from "zod";
import { death, disabilityGrade, medicalCost, personAge } from "../../../../../src/rules/fields.js";
import { amount, bool, integer, labelled } from "../../../../../src/rules/input.js";
import { statutoryClaimFields } from "../../../../../src/rules/statutory-wii.js";

export const PersonSchema = z.strictObject({
  age: personAge(30),
  platformWorker: labelled(bool().default(true), { label: { zh: "平台灵活就业人员", en: "platform worker" } }),
  thirdPartyCover: labelled(bool().default(false), { label: { zh: "第三者责任附加险", en: "third-party liability add-on" } }),
});

export const ClaimSchema = z.strictObject({
  workRelated: labelled(bool(), { label: { zh: "伤害与工作有因果关系", en: "injury caused by the work" } }),
  medicalCost: medicalCost(),
  disabilityGrade: disabilityGrade(),
  death: death(),
  thirdPartyDamage: labelled(amount().optional(), { label: { zh: "第三者损失", en: "third-party damage" }, hint: { zh: "元", en: "yuan" } }),
  ...statutoryClaimFields,
});

export const PurchaseSchema = z.strictObject({
  orders: labelled(integer(0, 100_000_000, "orders").default(1), { label: { zh: "订单数", en: "orders" }, hint: { zh: "平台按单缴费", en: "the platform pays per order" } }),
});

export type MandatoryPerson = z.output<typeof PersonSchema>;
export type MandatoryClaim = z.output<typeof ClaimSchema>;
export type MandatoryPurchase = z.output<typeof PurchaseSchema>;
