/**
 * 灵活保's inputs, labelled for the calculator. The purchase's allowed days are parameters
 * (purchase.minDays, purchase.maxDays), so its schema is built from the values in force.
 */
import { z } from "zod";
import { death, disabilityGrade, medicalCost, personAge } from "../../rules/fields.js";
import { bool, integer, labelled } from "../../rules/input.js";

export const PersonSchema = z.strictObject({
  age: personAge(40),
  registeredOnPlatform: labelled(bool().default(true), { label: { zh: "已在灵活就业服务在线注册", en: "registered on 灵活就业服务在线" } }),
  jobInNingbo: labelled(bool().default(true), { label: { zh: "岗位在宁波市域内", en: "job inside Ningbo" } }),
  jobPeriodDays: labelled(integer(1, 3660, "days").default(1), { label: { zh: "岗位工作期(天)", en: "job period (days)" }, hint: { zh: "1–3660 天", en: "1–3660 days" } }),
});

export const ClaimSchema = z.strictObject({
  medicalCost: medicalCost(),
  disabilityGrade: disabilityGrade(),
  death: death(),
});

/** The purchase: `min` to `max` days (the parameters in force), `min` by default. */
export function purchaseSchema(min: number, max: number) {
  return z.strictObject({
    days: labelled(integer(min, max, "days per purchase").default(min), { label: { zh: "购买天数", en: "days bought" }, hint: { zh: "每次购买的天数", en: "days per purchase" } }),
  });
}

export type LinghuobaoPerson = z.output<typeof PersonSchema>;
export type LinghuobaoClaim = z.output<typeof ClaimSchema>;
export interface LinghuobaoPurchase {
  days: number;
}
