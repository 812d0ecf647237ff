/**
 * The age requirement of the injury schemes: a minimum age read from the scheme's parameters
 * (the legal working age, 劳动法 art. 15, where a source names none; Urumqi's 16 周岁, seed 004
 * l.43; 灵活保's range, seed 000 l.177/240), as a readable reason in both languages.
 */
import { reason, type Reason } from "../../rules/scheme.js";

/** Rule `rule`: age ≥ minAge. `zhUnit` is the Chinese unit of the limit (岁, or 周岁 where the source says so). */
export function minAgeReason(rule: string, age: number, minAge: number, zhUnit = "岁"): Reason {
  const met = age >= minAge;
  return reason(rule, met, `age ${age} ${met ? "≥" : "<"} ${minAge}`, `年龄${age}岁${met ? "不低于" : "低于"}${minAge}${zhUnit}`);
}
