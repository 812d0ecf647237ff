// Frozen copy of src/schemes/occupational-injury-pilot/inputs.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/** The occupational-injury pilot's inputs (the claim adds the statutory package's fields), labelled for the calculator. */
import { z } from "zod";
import { death, disabilityGrade, medicalCost, personAge } from "../../../../../src/rules/fields.js";
import { bool, integer, labelled, oneOf } from "../../../../../src/rules/input.js";
import { statutoryClaimFields } from "../../../../../src/rules/statutory-wii.js";

export const SECTORS = ["ride-hailing", "instant-delivery", "freight"] as const;
export type Sector = (typeof SECTORS)[number];

export const PersonSchema = z.strictObject({
  age: personAge(30),
  sector: labelled(oneOf(SECTORS).default("instant-delivery"), {
    label: { zh: "行业", en: "sector" },
    options: { "ride-hailing": { zh: "出行(网约车)", en: "ride-hailing" }, "instant-delivery": { zh: "即时配送(外卖)", en: "instant delivery" }, freight: { zh: "同城货运", en: "intra-city freight" } },
  }),
  newPlatform: labelled(bool().default(false), { label: { zh: "新纳入试点的平台", en: "platform newly in the pilot" } }),
  onPilotPlatform: labelled(bool().default(true), { label: { zh: "在试点平台接单", en: "takes orders on a pilot platform" } }),
});

export const ClaimSchema = z.strictObject({
  onOrder: labelled(bool(), { label: { zh: "接单期间受伤", en: "injured while on an order" } }),
  medicalCost: medicalCost(),
  disabilityGrade: disabilityGrade(),
  death: death(),
  ...statutoryClaimFields,
});

export const PurchaseSchema = z.strictObject({
  orders: labelled(integer(0, 100_000_000, "orders").default(1), { label: { zh: "订单数", en: "orders" }, hint: { zh: "平台按单缴费", en: "the platform pays per order" } }),
});

export type PilotPerson = z.output<typeof PersonSchema>;
export type PilotClaim = z.output<typeof ClaimSchema>;
export type PilotPurchase = z.output<typeof PurchaseSchema>;
