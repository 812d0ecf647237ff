/** The mandatory proposal's inputs (the claim adds the statutory package's fields), labelled for the calculator. */
import { z } from "zod";
import { lossFields, ordersField } from "../../families/injury/inputs.js";
import { personAge } from "../../rules/fields.js";
import { amount, bool, labelled } from "../../rules/input.js";
import { statutoryClaimFields } from "../../rules/statutory-wii.js";

export const PersonSchema = z.strictObject({
  age: personAge(30),
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
