/**
 * The calculator's inputs for each scheme: one entry per field of the scheme's person, claim and
 * purchase schemas (src/rules/<id>.ts), with a bilingual label and the control to use. Validation
 * is not repeated here: every value goes through the scheme's parsePerson/parseClaim/parsePurchase,
 * whose InputError names the field and its allowed range. A unit test checks that these lists name
 * exactly the fields the schemas accept.
 *
 * Defaults: person and purchase fields start at the schema's own defaults (parsePerson({}) …);
 * claims have required fields, so each scheme gives an example claim (`exampleClaim`) with its
 * provenance (`exampleSource`).
 */
import type { Bilingual } from "./i18n.js";

export type FieldKind = "amount" | "integer" | "number" | "boolean" | "enum" | "date";

export interface FieldSpec {
  /** The schema's field name. */
  name: string;
  label: Bilingual;
  kind: FieldKind;
  /** For enum fields (and integer fields offered as a list): the values with labels. */
  options?: readonly { value: string | number; label: Bilingual }[];
  /** The schema marks it optional: the control offers "none" (omitted from the object). */
  optional?: boolean;
  /** A hint shown under the label (units, what the field means). */
  hint?: Bilingual;
}

export interface SchemeForm {
  person: readonly FieldSpec[];
  purchase: readonly FieldSpec[];
  claim: readonly FieldSpec[];
  /** The claim the calculator starts with. */
  exampleClaim: Record<string, unknown>;
  /** Where the example claim comes from (a worked example in a source, or "illustrative"). */
  exampleSource: Bilingual;
}

const L = (zh: string, en: string): Bilingual => ({ zh, en });

const AGE: FieldSpec = { name: "age", label: L("年龄", "age"), kind: "integer", hint: L("周岁，0–120", "whole years, 0–120") };
const GRADES = Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: L(`${i + 1} 级`, `grade ${i + 1}`) }));
const DISABILITY: FieldSpec = { name: "disabilityGrade", label: L("伤残等级", "disability grade"), kind: "integer", optional: true, options: GRADES, hint: L("1 级最重；无伤残留空", "1 = most severe; none if no disability") };
const DEATH: FieldSpec = { name: "death", label: L("身故", "death"), kind: "boolean", optional: true };
/** Claim fields of the statutory package (src/rules/statutory-wii.ts): when left out, its assumptions apply. */
const STATUTORY: readonly FieldSpec[] = [
  { name: "age", label: L("受伤时年龄", "age at injury"), kind: "integer", optional: true, hint: L("周岁，0–105；留空则用人员年龄", "whole years, 0–105; none = the person's age") },
  {
    name: "sex",
    label: L("性别", "sex"),
    kind: "enum",
    optional: true,
    options: [
      { value: "male", label: L("男", "male") },
      { value: "female", label: L("女", "female") },
    ],
    hint: L("留空则按假设的男女比例", "none = the assumed share of men"),
  },
  { name: "wage", label: L("本人月工资", "worker's monthly wage"), kind: "amount", optional: true, hint: L("元/月，按统筹地区平均工资的60%–300%计", "yuan a month, bounded at 60–300 % of the regional average") },
  {
    name: "nursing",
    label: L("生活自理障碍", "nursing dependence"),
    kind: "enum",
    optional: true,
    options: [
      { value: "none", label: L("无需护理", "none") },
      { value: "full", label: L("完全不能自理", "full dependence") },
      { value: "large", label: L("大部分不能自理", "large dependence") },
      { value: "partial", label: L("部分不能自理", "partial dependence") },
    ],
    hint: L("留空则按等级的假设比例", "none = the grade's assumed shares"),
  },
  { name: "dependants", label: L("供养亲属人数", "eligible dependants"), kind: "integer", optional: true, hint: L("工亡时；0–10", "on death; 0–10") },
  { name: "leftJob", label: L("已解除劳动关系(5–10级)", "left the job (grades 5–10)"), kind: "boolean", optional: true },
];
const MEDICAL: FieldSpec = { name: "medicalCost", label: L("医疗费用", "medical costs"), kind: "amount", hint: L("元", "yuan") };
const INDUSTRY_CLASS: FieldSpec = {
  name: "industryClass",
  label: L("行业风险类别", "industry risk class"),
  kind: "integer",
  options: Array.from({ length: 8 }, (_, i) => ({ value: i + 1, label: L(`${i + 1} 类`, `class ${i + 1}`) })),
  hint: L("1 类风险最低，8 类最高(人社部发〔2015〕71号)", "1 = lowest risk, 8 = highest (人社部发〔2015〕71号)"),
};
const ILLUSTRATIVE = L("示例输入(非来源数据)，可修改", "an illustrative input (not source data); change it");

export const FORMS: Record<string, SchemeForm> = {
  linghuobao: {
    person: [
      AGE,
      { name: "registeredOnPlatform", label: L("已在灵活就业服务在线注册", "registered on 灵活就业服务在线"), kind: "boolean" },
      { name: "jobInNingbo", label: L("岗位在宁波市域内", "job inside Ningbo"), kind: "boolean" },
      { name: "jobPeriodDays", label: L("岗位工作期(天)", "job period (days)"), kind: "integer", hint: L("1–3660 天", "1–3660 days") },
    ],
    purchase: [{ name: "days", label: L("购买天数", "days bought"), kind: "integer", hint: L("每次购买的天数", "days per purchase") }],
    claim: [MEDICAL, DISABILITY, DEATH],
    exampleClaim: { medicalCost: 20000 },
    exampleSource: ILLUSTRATIVE,
  },
  gonghuibao: {
    person: [
      AGE,
      { name: "ningboMedicalInsurance", label: L("宁波基本医保参保人", "member of Ningbo basic medical insurance"), kind: "boolean" },
      { name: "bankOfNingboCardHolder", label: L("宁波银行卡客户", "Bank of Ningbo card holder"), kind: "boolean" },
    ],
    purchase: [
      {
        name: "payer",
        label: L("投保方式", "who buys"),
        kind: "enum",
        options: [
          { value: "insured", label: L("个人投保", "the insured") },
          { value: "employer", label: L("企业统一投保", "employer group purchase") },
        ],
      },
    ],
    claim: [
      { name: "inCatalogSelfPay", label: L("社保内个人负担", "in-catalogue personal burden"), kind: "amount", hint: L("元，医保目录内个人负担部分", "yuan, the insured's part of in-catalogue costs") },
      { name: "outOfCatalogSelfPay", label: L("社保外个人自费", "out-of-catalogue self-pay"), kind: "amount", hint: L("元，含癌症处方外配药", "yuan, incl. cancer drugs bought outside hospital") },
      { name: "excludedPreExistingCost", label: L("5种特定既往症费用", "costs of the 5 excluded pre-existing diseases"), kind: "amount", optional: true, hint: L("元，不予赔付(单列)", "yuan, not paid (shown separately)") },
    ],
    exampleClaim: { inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 },
    exampleSource: L("来源中的理赔算例：data/seeds/002_c0fee34b91106deb.txt 第 96–104 行", "the worked example in the source: data/seeds/002_c0fee34b91106deb.txt lines 96–104"),
  },
  "tianyi-yongningbao": {
    person: [
      AGE,
      { name: "ningboMedicalInsurance", label: L("宁波基本医保参保人", "member of Ningbo basic medical insurance"), kind: "boolean" },
      { name: "residentStudentTier", label: L("居民医保学生档", "resident-insurance student tier"), kind: "boolean" },
    ],
    purchase: [
      {
        name: "payer",
        label: L("投保方式", "who buys"),
        kind: "enum",
        options: [
          { value: "insured", label: L("个人投保", "the insured") },
          { value: "employer", label: L("企业/集体统一参保", "employer group purchase") },
          { value: "town", label: L("镇政府统一参保", "town government") },
          { value: "chamber", label: L("商会企业统一参保", "business chamber") },
          { value: "collective", label: L("股份经济合作社集体资金", "village collective") },
        ],
      },
    ],
    claim: [
      { name: "coveredCost", label: L("合规医疗费用", "covered medical costs"), kind: "amount", hint: L("元，基本医保报销后的个人负担", "yuan, left after basic insurance") },
      { name: "preExisting", label: L("既往症", "pre-existing condition"), kind: "boolean" },
      { name: "protonHeavyIonCost", label: L("质子重离子费用", "proton / heavy-ion therapy costs"), kind: "amount", optional: true, hint: L("元", "yuan") },
    ],
    exampleClaim: { coveredCost: 100000, preExisting: false },
    exampleSource: ILLUSTRATIVE,
  },
  "urumqi-supplementary-wii": {
    person: [
      AGE,
      {
        name: "category",
        label: L("人员类别", "category"),
        kind: "enum",
        options: [
          { value: "employee", label: L("已参加工伤保险的职工(第六条)", "employee in statutory WII (art. 6)") },
          { value: "construction-project", label: L("按项目参保的建筑业人员(第六条)", "construction, insured per project (art. 6)") },
          { value: "express-delivery", label: L("快递从业人员(第六条)", "express delivery (art. 6)") },
          { value: "other-wii", label: L("其他已参保人员(第六条)", "other WII-insured (art. 6)") },
          { value: "flexible", label: L("灵活就业人员(第七条)", "flexible worker (art. 7)") },
          { value: "village-committee", label: L("村(社区)两委人员(第七条)", "village committee (art. 7)") },
          { value: "over-age", label: L("超龄人员(第七条)", "over-age worker (art. 7)") },
          { value: "platform", label: L("平台网约车/外卖/快递(第七条)", "platform ride-hailing/delivery (art. 7)") },
          { value: "intern", label: L("实习学生(第七条)", "intern (art. 7)") },
          { value: "other", label: L("其他特定人员(第七条)", "other special persons (art. 7)") },
        ],
      },
      INDUSTRY_CLASS,
      { name: "employerInsuresWiiStaff", label: L("单位同时为工伤参保职工投保", "employer also insures its WII staff"), kind: "boolean" },
    ],
    purchase: [
      { name: "months", label: L("投保月数", "months"), kind: "integer", hint: L("1–24", "1–24") },
      {
        name: "payer",
        label: L("投保人", "policyholder"),
        kind: "enum",
        optional: true,
        options: [
          { value: "employer", label: L("用人单位", "employer") },
          { value: "platform", label: L("平台", "platform") },
          { value: "association", label: L("协会", "association") },
        ],
        hint: L("留空：按人员类别", "none: by category"),
      },
    ],
    claim: [
      {
        name: "situation",
        label: L("受伤情形", "situation"),
        kind: "enum",
        options: [
          { value: "at-work", label: L("工作时间工作场所内", "at work") },
          { value: "preparatory-or-finishing", label: L("预备性或收尾性工作", "preparatory or finishing work") },
          { value: "violence-on-duty", label: L("履职遭受暴力", "violence on duty") },
          { value: "business-travel", label: L("因工外出", "business travel") },
          { value: "commuting-no-fault", label: L("上下班途中非本人主责", "commuting, not at fault") },
          { value: "rescue-or-public-interest", label: L("抢险救灾等公益活动", "rescue or public interest") },
          { value: "other", label: L("其他", "other") },
        ],
      },
      {
        name: "exclusion",
        label: L("除外情形(第十二条)", "exclusion (art. 12)"),
        kind: "enum",
        optional: true,
        options: [
          { value: "intentional-crime", label: L("故意犯罪", "intentional crime") },
          { value: "drunk-or-unlicensed-driving", label: L("醉驾或无证驾驶", "drunk or unlicensed driving") },
          { value: "fighting-drunkenness-drugs", label: L("斗殴、醉酒、吸毒", "fighting, drunkenness, drugs") },
          { value: "self-harm-or-suicide", label: L("自残或自杀", "self-harm or suicide") },
          { value: "missing", label: L("失踪", "missing") },
          { value: "sudden-illness", label: L("突发疾病", "sudden illness") },
        ],
      },
      { name: "injuryDetermined", label: L("已认定工伤(第一轨)", "injury determined (track A)"), kind: "boolean" },
      { name: "reportedAfterHours", label: L("事故后报案(小时)", "reported after (hours)"), kind: "number", hint: L("超过 48 小时为迟报(第十三条)", "more than 48 h is late (art. 13)") },
      { name: "unverifiableShare", label: L("无法核实的损失比例", "unverifiable share of the loss"), kind: "number", hint: L("0–1，迟报时扣减", "0–1, deducted when late") },
      { name: "premiumPaidOn", label: L("交费日期", "premium paid on"), kind: "date", optional: true, hint: L("保障自交费次日起(第九条)", "cover starts the next day (art. 9)") },
      MEDICAL,
      DISABILITY,
      DEATH,
      { name: "paidLeaveDays", label: L("停工留薪天数", "paid-leave days"), kind: "integer", hint: L("天", "days") },
      { name: "nursingDays", label: L("护理天数", "nursing days"), kind: "integer", hint: L("天", "days") },
    ],
    exampleClaim: { medicalCost: 20000 },
    exampleSource: ILLUSTRATIVE,
  },
  "single-type-wii": {
    person: [
      AGE,
      {
        name: "variant",
        label: L("地区模式", "variant"),
        kind: "enum",
        options: [
          { value: "zhejiang", label: L("浙江", "Zhejiang") },
          { value: "guangdong", label: L("广东", "Guangdong") },
        ],
      },
      INDUSTRY_CLASS,
      { name: "insuredByPlatform", label: L("由平台/用工单位参保", "insured by a platform/employer"), kind: "boolean" },
    ],
    purchase: [
      { name: "months", label: L("参保月数", "months"), kind: "integer", hint: L("1–120", "1–120") },
      {
        name: "payer",
        label: L("缴费方", "who pays"),
        kind: "enum",
        options: [
          { value: "platform", label: L("平台", "platform") },
          { value: "employer", label: L("用工单位", "employer") },
        ],
      },
    ],
    claim: [MEDICAL, DISABILITY, DEATH, { name: "injuryDetermined", label: L("已认定工伤", "work injury determined"), kind: "boolean" }, ...STATUTORY],
    exampleClaim: { medicalCost: 20000, disabilityGrade: 9 },
    exampleSource: ILLUSTRATIVE,
  },
  "occupational-injury-pilot": {
    person: [
      AGE,
      {
        name: "sector",
        label: L("行业", "sector"),
        kind: "enum",
        options: [
          { value: "ride-hailing", label: L("出行(网约车)", "ride-hailing") },
          { value: "instant-delivery", label: L("即时配送(外卖)", "instant delivery") },
          { value: "freight", label: L("同城货运", "intra-city freight") },
        ],
      },
      { name: "newPlatform", label: L("新纳入试点的平台", "platform newly in the pilot"), kind: "boolean" },
      { name: "onPilotPlatform", label: L("在试点平台接单", "takes orders on a pilot platform"), kind: "boolean" },
    ],
    purchase: [{ name: "orders", label: L("订单数", "orders"), kind: "integer", hint: L("平台按单缴费", "the platform pays per order") }],
    claim: [{ name: "onOrder", label: L("接单期间受伤", "injured while on an order"), kind: "boolean" }, MEDICAL, DISABILITY, DEATH, ...STATUTORY],
    exampleClaim: { onOrder: true, medicalCost: 20000 },
    exampleSource: ILLUSTRATIVE,
  },
  "platform-injury-mandatory": {
    person: [
      AGE,
      { name: "platformWorker", label: L("平台灵活就业人员", "platform worker"), kind: "boolean" },
      { name: "thirdPartyCover", label: L("第三者责任附加险", "third-party liability add-on"), kind: "boolean" },
    ],
    purchase: [{ name: "orders", label: L("订单数", "orders"), kind: "integer", hint: L("平台按单缴费", "the platform pays per order") }],
    claim: [
      { name: "workRelated", label: L("伤害与工作有因果关系", "injury caused by the work"), kind: "boolean" },
      MEDICAL,
      DISABILITY,
      DEATH,
      { name: "thirdPartyDamage", label: L("第三者损失", "third-party damage"), kind: "amount", optional: true, hint: L("元", "yuan") },
      ...STATUTORY,
    ],
    exampleClaim: { workRelated: true, medicalCost: 20000 },
    exampleSource: ILLUSTRATIVE,
  },
};

/** The form of scheme `id` (an unknown id is a programming error). */
export function formOf(id: string): SchemeForm {
  const form = FORMS[id];
  if (!form) throw new Error(`internal: no calculator form for scheme ${id}`);
  return form;
}
