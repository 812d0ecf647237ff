/**
 * The 8 industry work-injury risk classes and their national base contribution rates
 * (人社部发〔2015〕71号): about 0.2 %, 0.4 %, 0.7 %, 0.9 %, 1.1 %, 1.3 %, 1.6 %, 1.9 % of payroll
 * for classes 1 … 8 (public-figures.md). Class 1 includes software and finance; class 2
 * wholesale, retail, warehousing, postal/express, accommodation and catering.
 * Urumqi's Annex 3 (Xinjiang's classes) is not in the sources; the national classes stand in.
 */
import type { Assumption, Parameter } from "./parameter.js";
import { regulation } from "./parameter.js";

export const INDUSTRY_CLASSES = 8;
const RATES = [0.002, 0.004, 0.007, 0.009, 0.011, 0.013, 0.016, 0.019] as const;

export function classRatePath(prefix: string, cls: number): string {
  return `${prefix}.class${cls}`;
}

/** Parameters `${prefix}.class1 … class8` with the national base rates. */
export function classRateParameters(prefix: string, from: string, assumption?: Assumption): Parameter[] {
  return RATES.map((rate, i) => ({
    path: classRatePath(prefix, i + 1),
    label: { zh: `行业风险${i + 1}类费率`, en: `industry risk class ${i + 1} rate` },
    unit: "share" as const,
    range: { min: 0, max: 0.1 },
    versions: [{
      from,
      value: rate,
      reference: regulation("人社部发〔2015〕71号 (industry work-injury risk classes)", `class ${i + 1}: national base rate about ${(rate * 100).toFixed(1)} % of payroll`),
      ...(assumption ? { assumption } : {}),
    }],
  }));
}
