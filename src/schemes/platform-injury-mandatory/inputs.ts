/** The mandatory proposal's inputs (the claim adds the statutory package's fields), labelled for the calculator. */
import { z } from "zod";
import { lossFields, ordersField } from "../../families/injury/inputs.js";
import { personAge } from "../../rules/fields.js";
import { amount, bool, labelled, oneOf } from "../../rules/input.js";
import { statutoryClaimFields } from "../../rules/statutory-wii.js";
import type { Bilingual } from "../../vocabulary/text.js";

/** Sectors with their own rate per order (parameters.yaml premium.<sector>). */
export const SECTORS = ["instant-delivery", "ride-hailing", "freight", "express", "other"] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Readonly<Record<Sector, Bilingual>> = {
  "instant-delivery": { zh: "即时配送(外卖)", en: "instant delivery" },
  "ride-hailing": { zh: "出行(网约车)", en: "ride-hailing" },
  freight: { zh: "同城货运", en: "intra-city freight" },
  express: { zh: "快递", en: "express delivery" },
  other: { zh: "其他平台工作", en: "other platform work" },
};

export const PersonSchema = z.strictObject({
  age: personAge(30),
  sector: labelled(oneOf(SECTORS).default("instant-delivery"), {
    label: { zh: "行业", en: "sector" },
    options: SECTOR_LABELS,
  }),
  platformWorker: labelled(bool().default(true), { label: { zh: "平台灵活就业人员", en: "platform worker" } }),
  thirdPartyCover: labelled(bool().default(false), { label: { zh: "第三者责任附加险", en: "third-party liability add-on" } }),
});

export const ClaimSchema = z.strictObject({
  workRelated: labelled(bool(), { label: { zh: "伤害与工作有因果关系", en: "injury caused by the work" } }),
  ...lossFields(),
  thirdPartyDamage: labelled(amount().optional(), { label: { zh: "第三者损失", en: "third-party damage" }, hint: { zh: "元", en: "yuan" } }),
  ...statutoryClaimFields,
});

export const PurchaseSchema = z.strictObject({ orders: ordersField() });

export type MandatoryPerson = z.output<typeof PersonSchema>;
export type MandatoryClaim = z.output<typeof ClaimSchema>;
export type MandatoryPurchase = z.output<typeof PurchaseSchema>;
