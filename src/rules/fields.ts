/**
 * Input fields several schemes share, each with its validation (input.ts) and its calculator
 * label and hint (zod metadata, read by form.ts).
 */
import { age, amount, bool, integer, labelled } from "./input.js";
import { INDUSTRY_CLASSES } from "./industry-class.js";
import type { Bilingual } from "../vocabulary/text.js";
import { UNIT_INFO } from "../vocabulary/units.js";

const L = (zh: string, en: string): Bilingual => ({ zh, en });
/** The hint of an amount field: the unit's name, 元 / yuan (src/vocabulary/units.ts). */
const YUAN: Bilingual = UNIT_INFO.CNY.name;

/** A person's age in whole years (0–120), with its default. */
export const personAge = (fallback: number) => labelled(age().default(fallback), { label: L("年龄", "age"), hint: L("周岁，0–120", "whole years, 0–120") });

/** Medical costs of a claim, 元. */
export const medicalCost = () => labelled(amount(), { label: L("医疗费用", "medical costs"), hint: YUAN });

const GRADES: Record<string, Bilingual> = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), L(`${i + 1} 级`, `grade ${i + 1}`)]));

/** Disability grade 1–10 (1 = most severe), optional. */
export const disabilityGrade = () =>
  labelled(integer(1, 10, "disability grade, 1 = most severe").optional(), {
    label: L("伤残等级", "disability grade"),
    options: GRADES,
    hint: L("1 级最重；无伤残留空", "1 = most severe; none if no disability"),
  });

/** Death of the insured, optional. */
export const death = () => labelled(bool().optional(), { label: L("身故", "death") });

/** The national WII industry risk class 1–8, with its default. */
export const industryClass = (fallback: number) =>
  labelled(integer(1, INDUSTRY_CLASSES, "industry risk class").default(fallback), {
    label: L("行业风险类别", "industry risk class"),
    options: Object.fromEntries(Array.from({ length: INDUSTRY_CLASSES }, (_, i) => [String(i + 1), L(`${i + 1} 类`, `class ${i + 1}`)])),
    hint: L("1 类风险最低，8 类最高(人社部发〔2015〕71号)", "1 = lowest risk, 8 = highest (MOHRSS document Ren She Bu Fa [2015] No. 71)"),
  });

export { YUAN };
