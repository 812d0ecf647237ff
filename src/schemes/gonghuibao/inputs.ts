/** 工惠保's inputs: who is insured, what was bought, what a claim costs; labelled for the calculator. */
import { z } from "zod";
import { personAge } from "../../rules/fields.js";
import { amount, bool, labelled, oneOf } from "../../rules/input.js";

export const PersonSchema = z.strictObject({
  age: personAge(40),
  ningboMedicalInsurance: labelled(bool().default(true), { label: { zh: "宁波基本医保参保人", en: "member of Ningbo basic medical insurance" } }),
  bankOfNingboCardHolder: labelled(bool().default(false), { label: { zh: "宁波银行卡客户", en: "Bank of Ningbo card holder" } }),
});

export const ClaimSchema = z.strictObject({
  inCatalogSelfPay: labelled(amount(), { label: { zh: "社保内个人负担", en: "in-catalogue personal burden" }, hint: { zh: "元，医保目录内个人负担部分", en: "yuan, the insured's part of in-catalogue costs" } }),
  outOfCatalogSelfPay: labelled(amount(), { label: { zh: "社保外个人自费", en: "out-of-catalogue self-pay" }, hint: { zh: "元，含癌症处方外配药", en: "yuan, incl. cancer drugs bought outside hospital" } }),
  excludedPreExistingCost: labelled(amount().optional(), { label: { zh: "5种特定既往症费用", en: "costs of the 5 excluded pre-existing diseases" }, hint: { zh: "元，不予赔付(单列)", en: "yuan, not paid (shown separately)" } }),
});

export const PurchaseSchema = z.strictObject({
  payer: labelled(oneOf(["insured", "employer"] as const).default("insured"), {
    label: { zh: "投保方式", en: "who buys" },
    options: { insured: { zh: "个人投保", en: "the insured" }, employer: { zh: "企业统一投保", en: "employer group purchase" } },
  }),
});

export type GonghuibaoPerson = z.output<typeof PersonSchema>;
export type GonghuibaoClaim = z.output<typeof ClaimSchema>;
export type GonghuibaoPurchase = z.output<typeof PurchaseSchema>;
