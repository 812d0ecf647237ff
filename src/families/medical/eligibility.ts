/**
 * Eligibility: the period in force, yes/no requirements on the person (membership of the city's
 * basic medical insurance: 工惠保 seed 002 l.117–131, 天一甬宁保 seed 003), and age limits at
 * purchase where a product has them (most 惠民保 have none: 86.3 %, public-figures.md 惠民保).
 */
import { fmt } from "../../rules/money.js";
import type { Bilingual, ParameterTable } from "../../rules/parameter.js";
import { eligibilityOf, reason, type Eligibility, type Reason } from "../../rules/scheme.js";
import type { MedicalPerson } from "./inputs.js";
import type { MedicalSpec } from "./spec.js";

export interface Period {
  from: string;
  until: string | null;
}

export function periodText(p: Period): Bilingual {
  return p.until === null
    ? { zh: `${p.from}起实施`, en: `scheme in force from ${p.from}` }
    : { zh: `${p.from}至${p.until}实施`, en: `scheme in force from ${p.from} to ${p.until}` };
}

function ageReason(rule: string, age: number, min: number | undefined, max: number | undefined): Reason {
  const met = (min === undefined || age >= min) && (max === undefined || age <= max);
  const limits = min !== undefined && max !== undefined ? `${fmt(min)}–${fmt(max)}` : min !== undefined ? `≥ ${fmt(min)}` : `≤ ${fmt(max!)}`;
  const zhLimits = min !== undefined && max !== undefined ? `${fmt(min)}–${fmt(max)}岁` : min !== undefined ? `${fmt(min)}岁及以上` : `${fmt(max!)}岁及以下`;
  return reason(rule, met, `age ${age} ${met ? "within" : "outside"} the limits (${limits})`, `${age}岁${met ? "符合" : "不符合"}年龄要求(${zhLimits})`);
}

export function eligibility(id: string, spec: MedicalSpec, period: Period, t: ParameterTable, person: MedicalPerson, date: string): Eligibility {
  const inForce = date >= period.from && (period.until === null || date <= period.until);
  const text = spec.eligibility.period ?? periodText(period);
  const reasons: Reason[] = [reason(`${id}.period`, inForce, text.en, text.zh)];
  for (const r of spec.eligibility.requires) {
    const met = person[r.field] === true;
    const says = met ? r.met : r.unmet;
    reasons.push(reason(r.rule, met, says.en, says.zh));
  }
  const age = spec.eligibility.age;
  // Out of the period the limits may have no version in force: the period reason already fails.
  if (age && inForce) {
    const min = age.min === undefined ? undefined : t.v(age.min, date);
    const max = age.max === undefined ? undefined : t.v(age.max, date);
    reasons.push(ageReason(age.rule ?? `${id}.age`, person.age, min, max));
  }
  return eligibilityOf(reasons);
}
