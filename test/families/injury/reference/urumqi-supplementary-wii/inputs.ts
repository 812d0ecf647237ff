// Frozen copy of src/schemes/urumqi-supplementary-wii/inputs.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/** Urumqi supplementary WII's inputs (categories art. 6–7, situations art. 11, exclusions art. 12), labelled for the calculator. */
import { z } from "zod";
import { death, disabilityGrade, industryClass, personAge } from "../../../../../src/rules/fields.js";
import { amount, bool, integer, isoDateString, labelled, number, oneOf } from "../../../../../src/rules/input.js";
import type { Bilingual } from "../../../../../src/rules/parameter.js";

const L = (zh: string, en: string): Bilingual => ({ zh, en });

export const TRACK_A = ["employee", "construction-project", "express-delivery", "other-wii"] as const;
export const TRACK_B = ["flexible", "village-committee", "over-age", "platform", "intern", "other"] as const;
export const CATEGORIES = [...TRACK_A, ...TRACK_B] as const;
export type Category = (typeof CATEGORIES)[number];
export const SITUATIONS = ["at-work", "preparatory-or-finishing", "violence-on-duty", "business-travel", "commuting-no-fault", "rescue-or-public-interest", "other"] as const;
export const EXCLUSIONS = ["intentional-crime", "drunk-or-unlicensed-driving", "fighting-drunkenness-drugs", "self-harm-or-suicide", "missing", "sudden-illness"] as const;

export const PersonSchema = z.strictObject({
  age: personAge(30),
  category: labelled(oneOf(CATEGORIES).default("platform"), {
    label: L("人员类别", "category"),
    options: {
      employee: L("已参加工伤保险的职工(第六条)", "employee in statutory WII (art. 6)"),
      "construction-project": L("按项目参保的建筑业人员(第六条)", "construction, insured per project (art. 6)"),
      "express-delivery": L("快递从业人员(第六条)", "express delivery (art. 6)"),
      "other-wii": L("其他已参保人员(第六条)", "other WII-insured (art. 6)"),
      flexible: L("灵活就业人员(第七条)", "flexible worker (art. 7)"),
      "village-committee": L("村(社区)两委人员(第七条)", "village committee (art. 7)"),
      "over-age": L("超龄人员(第七条)", "over-age worker (art. 7)"),
      platform: L("平台网约车/外卖/快递(第七条)", "platform ride-hailing/delivery (art. 7)"),
      intern: L("实习学生(第七条)", "intern (art. 7)"),
      other: L("其他特定人员(第七条)", "other special persons (art. 7)"),
    },
  }),
  industryClass: industryClass(2),
  employerInsuresWiiStaff: labelled(bool().default(true), { label: L("单位同时为工伤参保职工投保", "employer also insures its WII staff") }),
});

const DAYS = L("天", "days");

export const ClaimSchema = z.strictObject({
  situation: labelled(oneOf(SITUATIONS).default("at-work"), {
    label: L("受伤情形", "situation"),
    options: {
      "at-work": L("工作时间工作场所内", "at work"),
      "preparatory-or-finishing": L("预备性或收尾性工作", "preparatory or finishing work"),
      "violence-on-duty": L("履职遭受暴力", "violence on duty"),
      "business-travel": L("因工外出", "business travel"),
      "commuting-no-fault": L("上下班途中非本人主责", "commuting, not at fault"),
      "rescue-or-public-interest": L("抢险救灾等公益活动", "rescue or public interest"),
      other: L("其他", "other"),
    },
  }),
  exclusion: labelled(oneOf(EXCLUSIONS).optional(), {
    label: L("除外情形(第十二条)", "exclusion (art. 12)"),
    options: {
      "intentional-crime": L("故意犯罪", "intentional crime"),
      "drunk-or-unlicensed-driving": L("醉驾或无证驾驶", "drunk or unlicensed driving"),
      "fighting-drunkenness-drugs": L("斗殴、醉酒、吸毒", "fighting, drunkenness, drugs"),
      "self-harm-or-suicide": L("自残或自杀", "self-harm or suicide"),
      missing: L("失踪", "missing"),
      "sudden-illness": L("突发疾病", "sudden illness"),
    },
  }),
  injuryDetermined: labelled(bool().default(true), { label: L("已认定工伤(第一轨)", "injury determined (track A)") }),
  reportedAfterHours: labelled(number(0, 100000, "hours after the accident").default(0), { label: L("事故后报案(小时)", "reported after (hours)"), hint: L("超过 48 小时为迟报(第十三条)", "more than 48 h is late (art. 13)") }),
  unverifiableShare: labelled(number(0, 1, "share of the loss that could not be verified").default(0), { label: L("无法核实的损失比例", "unverifiable share of the loss"), hint: L("0–1，迟报时扣减", "0–1, deducted when late") }),
  premiumPaidOn: labelled(isoDateString().optional(), { label: L("交费日期", "premium paid on"), hint: L("保障自交费次日起(第九条)", "cover starts the next day (art. 9)") }),
  medicalCost: labelled(amount().default(0), { label: L("医疗费用", "medical costs"), hint: L("元", "yuan") }),
  disabilityGrade: disabilityGrade(),
  death: death(),
  paidLeaveDays: labelled(integer(0, 10000, "days").default(0), { label: L("停工留薪天数", "paid-leave days"), hint: DAYS }),
  nursingDays: labelled(integer(0, 10000, "days").default(0), { label: L("护理天数", "nursing days"), hint: DAYS }),
});

export const PurchaseSchema = z.strictObject({
  months: labelled(integer(1, 24, "months").default(1), { label: L("投保月数", "months"), hint: L("1–24", "1–24") }),
  payer: labelled(oneOf(["employer", "platform", "association"] as const).optional(), {
    label: L("投保人", "policyholder"),
    options: { employer: L("用人单位", "employer"), platform: L("平台", "platform"), association: L("协会", "association") },
    hint: L("留空：按人员类别", "none: by category"),
  }),
});

export type UrumqiPerson = z.output<typeof PersonSchema>;
export type UrumqiClaim = z.output<typeof ClaimSchema>;
export type UrumqiPurchase = z.output<typeof PurchaseSchema>;
