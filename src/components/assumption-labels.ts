/**
 * Plain-word labels for a scenario's assumptions (the names in simulations/scenarios/*.json), so a
 * slider reads "基准人群的参保率" (in %) rather than "logit 截距": a label by name pattern, with a technical
 * note (the model's parameter, e.g. a logit) for the tooltip. The scenario's own label is used
 * when no pattern fits, then the raw name.
 */
import { priorRange, type PriorSpec, type Quantity } from "../vocabulary/index.js";
import { t, type Bilingual, type Lang } from "./i18n.js";

const GROUP: Record<string, Bilingual> = {
  delivery: { zh: "外卖骑手", en: "delivery riders" },
  ride_hailing: { zh: "网约车司机", en: "ride-hailing drivers" },
  ridehailing: { zh: "网约车司机", en: "ride-hailing drivers" },
  express: { zh: "快递员", en: "couriers" },
  freight: { zh: "货车司机", en: "freight drivers" },
  other: { zh: "其他从业者", en: "other workers" },
  construction: { zh: "建筑工", en: "construction workers" },
  domestic: { zh: "家政人员", en: "domestic workers" },
  catering: { zh: "餐饮从业者", en: "catering workers" },
  "50-65": { zh: "50–65 岁", en: "aged 50–65" },
  "60plus": { zh: "60 岁以上", en: "aged 60+" },
  "65plus": { zh: "65 岁以上", en: "aged 65+" },
  children: { zh: "未成年人", en: "children" },
  "0-17": { zh: "未成年人", en: "under 18" },
  over50: { zh: "50 岁以上", en: "over 50" },
  over_age: { zh: "超龄人员", en: "over-age workers" },
  intern: { zh: "实习生", en: "interns" },
  new_form: { zh: "新业态从业者", en: "new-form workers" },
  special: { zh: "特定人员", en: "special persons" },
  flexible: { zh: "灵活就业人员", en: "flexible workers" },
  village_committee: { zh: "村(社区)干部", en: "village committee members" },
  platform: { zh: "平台从业者", en: "platform workers" },
  elders: { zh: "高龄老人", en: "elders (80+)" },
  others: { zh: "其他参保人", en: "other enrollees" },
  base: { zh: "基准人群", en: "reference group" },
  preexisting: { zh: "既往症人群", en: "people with pre-existing conditions" },
  unengaged: { zh: "不关注保险的人", en: "people not following insurance news" },
  dependant: { zh: "家属", en: "dependants" },
  high_risk: { zh: "高风险岗位", en: "high-risk jobs" },
  healthy: { zh: "健康参保人", en: "healthy enrollees" },
  a: { zh: "A 类", en: "class A" },
  b: { zh: "B 类", en: "class B" },
  single_type: { zh: "自愿单险种", en: "voluntary single-type" },
  pilot: { zh: "试点", en: "the pilot" },
  mandatory: { zh: "强制方案", en: "the mandatory scheme" },
};

const group = (g: string, lang: Lang) => (GROUP[g] ? t(GROUP[g]!, lang) : g);

/** Take-up assumptions that shift a group's logit (not a rate): set as numbers, labelled "willingness to buy". */
const LOGIT_SHIFTS = ["unengaged", "preexisting", "60plus", "65plus", "children", "over50", "dependant", "high_risk"];

export interface PlainLabel {
  label: string;
  /** What the model does with the value, for the tooltip (may name the technical quantity). */
  note: string | null;
}

export function plainLabel(name: string, scenarioLabel: Bilingual | string | undefined, lang: Lang): PlainLabel {
  const [head, rest = ""] = name.split(/\.(.*)/s) as [string, string?];
  const L = (zh: string, en: string, note: Bilingual | null = null): PlainLabel => ({ label: lang === "zh" ? zh : en, note: note ? t(note, lang) : null });
  const own = scenarioLabel === undefined ? null : typeof scenarioLabel === "string" ? scenarioLabel : t(scenarioLabel, lang);
  if (own && !/logit/i.test(own)) return { label: own, note: null };
  if (name === "takeup.intercept") return L("基准人群的参保率", "take-up of the reference group", { zh: "参照人群在现行保费下的参保概率(模型中为其 logit 截距)：越大，参保的人越多", en: "the reference group's probability of buying at today's premium (the model's logit intercept): higher means more people buy" });
  if (head === "takeup" && LOGIT_SHIFTS.includes(rest))
    return L(`参保意愿调整：${group(rest, "zh")}`, `willingness to buy: ${group(rest, "en")}`, { zh: "对参保概率 logit 的加减：正数表示这类人更愿意参保", en: "a shift of the take-up logit: positive means this group buys more" });
  if (head === "takeup") return L(`参保率：${group(rest, "zh")}`, `take-up: ${group(rest, "en")}`);
  if (head === "compliance") return L(`参保合规率：${group(rest, "zh")}`, `compliance: ${group(rest, "en")}`);
  if (head === "price") return L("价格敏感度", "price sensitivity", { zh: "保费每变化 1 %，参保意愿的变化(价格弹性)", en: "how take-up responds to a 1 % change of the premium (price elasticity)" });
  if (head === "renewal") return L(rest ? `续保率：${group(rest, "zh")}` : "续保率", rest ? `renewal: ${group(rest, "en")}` : "renewal rate");
  if (head === "freq") return L(`出险频率：${group(rest, "zh")}`, `claim frequency: ${group(rest, "en")}`, { zh: "每人每年的事故或住院次数", en: "accidents or hospital episodes per person a year" });
  if (head === "scale" || name === "cost.scale" || name === "cost_scale")
    return L(rest && head === "scale" ? `费用水平：${group(rest, "zh")}` : "费用水平", rest && head === "scale" ? `cost level: ${group(rest, "en")}` : "cost level", { zh: "费用分布的倍数：1 为基准", en: "a multiple of the cost distribution: 1 is the reference" });
  if (head === "w") {
    const kinds: Record<string, Bilingual> = {
      medical_only: { zh: "只有医疗费用的事故占比", en: "share of accidents with medical costs only" },
      death: { zh: "死亡事故占比", en: "share of fatal accidents" },
      not_determined: { zh: "未认定工伤的比例", en: "share not recognised as work injury" },
      unpaid: { zh: "未获赔付的比例", en: "share left unpaid" },
      off_order_work: { zh: "非接单时的工作伤害(相对比例)", en: "work injuries while not on an order (relative rate)" },
      off_order_private: { zh: "非接单时的私人伤害(相对比例)", en: "private injuries while not on an order (relative rate)" },
      third_party: { zh: "第三方责任事故(相对比例)", en: "third-party accidents (relative rate)" },
    };
    if (kinds[rest]) return { label: t(kinds[rest]!, lang), note: null };
  }
  if (name === "admin") return L("管理费用率", "administration cost rate", { zh: "管理费用占保费的比例", en: "administration costs as a share of premiums" });
  if (name === "major.share") return L("大病住院占比", "share of major-illness episodes");
  if (name === "reported.share") return L("截至报道日已报案的比例", "share reported by the article date");
  if (name === "rate.daily") return L("日保费(元)", "daily premium (yuan)");
  if (scenarioLabel) return { label: typeof scenarioLabel === "string" ? scenarioLabel : t(scenarioLabel, lang), note: null };
  return { label: name, note: null };
}

/** Take-up assumptions that shift the logit (a group's offset), not a share. */


/**
 * What an assumption's value is, for its control (src/vocabulary/priors.ts): the take-up
 * intercept is a logit (shown as the reference group's take-up in %); take-up, compliance and
 * renewal rates, the shares of accident kinds, the administration rate and other `*.share` values
 * are shares (in %) when the value and the prior stay within 0–1; the rest are plain numbers.
 */
export function assumptionQuantity(name: string, prior: PriorSpec, value: number): Quantity {
  if (name === "takeup.intercept") return "logit";
  const [head, rest = ""] = name.split(/\.(.*)/s) as [string, string?];
  if (head === "takeup" && LOGIT_SHIFTS.includes(rest)) return "number";
  const [lo, hi] = priorRange(prior, value);
  const within = lo >= 0 && hi <= 1;
  if (prior.dist === "beta") return "share";
  const shareName =
    head === "takeup" || head === "compliance" || head === "renewal" || name === "admin" || name.endsWith(".share") || (head === "w" && ["medical_only", "death", "not_determined", "unpaid"].includes(rest));
  return shareName && within ? "share" : "number";
}
