/**
 * The overview text of a product (SchemeDescription), generated from its spec and the parameter
 * values in force on the date — so a reform or a new product's YAML changes it with no prose to
 * edit. Values that are assumptions on that date are marked "(assumed)" / "(假设)": a premium or
 * cap where it is given, a component once when any of its values is. Group payers' names come
 * from the payer vocabulary (src/vocabulary/payers.ts).
 */
import { fmt } from "../../rules/money.js";
import { isAssumption, pct, type Bilingual, type ParameterTable } from "../../rules/parameter.js";
import type { Lang, SchemeDescription } from "../../rules/scheme.js";
import { PAYERS } from "../../vocabulary/payers.js";
import { capCovers } from "./benefit.js";
import { componentRefs } from "./check.js";
import type { Period } from "./eligibility.js";
import type { Component, Condition, MedicalSpec, Rate } from "./spec.js";

export interface DescribeMeta {
  id: string;
  name: Bilingual;
  region: Bilingual;
  sources: readonly string[];
  period: Period;
}

const SIGN = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" } as const;
const NEGATION = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;
const ZH_AGE = { "<": "岁以下", "<=": "岁及以下", ">": "岁以上", ">=": "岁及以上" } as const;

/** "a、b或c" / "a, b or c". */
function list(items: string[], zh: boolean): string {
  if (items.length < 2) return items.join("");
  return zh ? `${items.slice(0, -1).join("、")}或${items.at(-1)}` : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** What every part of the text needs: the language, the values on the date and how to word them. */
interface Words {
  zh: boolean;
  lang: Lang;
  spec: MedicalSpec;
  t: ParameterTable;
  date: string;
  /** The value in force on the date. */
  v(path: string): number;
  /** "(假设)" / " (assumed)" when any of these values is an assumption on the date. */
  assumed(paths: (string | undefined)[]): string;
  yuan(x: number): string;
  flagLabel(field: string): string;
  ageText(op: keyof typeof SIGN, path: string): string;
  conditionText(c: Condition): string;
}

function wordsFor(spec: MedicalSpec, t: ParameterTable, date: string, lang: Lang): Words {
  const zh = lang === "zh";
  const v = (path: string) => t.v(path, date);
  const flagLabel = (field: string) => spec.person.flags.find((f) => f.name === field)!.label[lang];
  const ageText = (op: keyof typeof SIGN, path: string) => (zh ? `${fmt(v(path))}${ZH_AGE[op]}` : `at age ${SIGN[op]} ${fmt(v(path))}`);
  return {
    zh, lang, spec, t, date, v, flagLabel, ageText,
    assumed: (paths) => (paths.some((p) => p !== undefined && isAssumption(t.param(p), date)) ? (zh ? "(假设)" : " (assumed)") : ""),
    yuan: (x) => (zh ? `${fmt(x)}元` : `${fmt(x)} 元`),
    conditionText: (c) => ("age" in c ? ageText(c.age, c.param) : zh ? flagLabel(c.field) : `in the ${flagLabel(c.field)}`),
  };
}

export function describeMedical(meta: DescribeMeta, spec: MedicalSpec, t: ParameterTable, date: string, lang: Lang): SchemeDescription {
  const w = wordsFor(spec, t, date, lang);
  const sep = w.zh ? "；" : "; ";
  return {
    id: meta.id,
    name: meta.name[lang],
    region: meta.region[lang],
    covered: coveredParts(w).join(sep),
    payers: payerParts(w).join(sep),
    premium: premiumText(w),
    benefit: benefitParts(w).join(sep),
    sources: [...meta.sources],
    period: periodText(meta.period, w),
  };
}

/** Who is covered: the requirements (or the `covered` text), the age limits, the exclusion. */
function coveredParts({ zh, lang, spec, v }: Words): string[] {
  const covered = spec.eligibility.covered ? [spec.eligibility.covered[lang]] : spec.eligibility.requires.map((r) => r.met[lang]);
  const age = spec.eligibility.age;
  if (age && (age.min || age.max)) {
    const [lo, hi] = [age.min ? v(age.min) : 0, age.max ? v(age.max) : undefined];
    covered.push(zh ? `${lo}–${hi ?? "不限"}岁` : `aged ${lo}–${hi ?? "any"}`);
  }
  const ex = spec.benefit.exclusion;
  if (ex && !spec.eligibility.covered) covered.push(zh ? `${ex.field.label.zh}除外` : `${ex.field.label.en} excluded`);
  // No requirement, no age limit, no exclusion and no `covered` text: the product takes anyone.
  if (covered.length === 0) covered.push(zh ? "不设投保条件：任何人均可投保" : "anyone: no eligibility condition");
  return covered;
}

/** Who pays: the insured or a group purchaser, and each subsidy. */
function payerParts({ zh, spec, v, assumed, yuan }: Words): string[] {
  const group = Object.keys(spec.premium.groupPurchase?.payers ?? {}) as (keyof typeof PAYERS)[];
  const payers = [zh ? `个人${group.length ? `；也可由${list(group.map((p) => PAYERS[p].label.zh), true)}统一投保` : ""}` : `the insured${group.length ? `; or a group purchase by the ${list(group.map((p) => PAYERS[p].label.en), false)}` : ""}`];
  for (const s of spec.premium.subsidies) payers.push(zh ? `${s.label.zh}${yuan(v(s.amount))}${assumed([s.amount])}` : `${s.label.en}: ${yuan(v(s.amount))}${assumed([s.amount])}`);
  return payers;
}

/** The premium: one price or the tiers, then the lowest net price after each subsidy. */
function premiumText({ zh, spec, v, assumed, yuan, flagLabel, ageText, conditionText }: Words): string {
  const tiers = spec.premium.tiers;
  const price = (path: string) => `${yuan(v(path))}${zh ? "/年" : "/year"}${assumed([path])}`;
  let premium: string;
  if (tiers.length === 1) premium = zh ? `${price(tiers[0]!.premium)}，不分年龄` : `${price(tiers[0]!.premium)}, one price for all`;
  else {
    let lastAge: Extract<Condition, { age: string }> | undefined;
    premium = tiers
      .map((tier) => {
        if (tier.when) {
          for (const c of tier.when) if ("age" in c) lastAge = c;
          const when = list(tier.when.map(conditionText), zh);
          return zh ? `${when}${price(tier.premium)}` : `${price(tier.premium)} ${when}`;
        }
        const rest = lastAge ? ageText(NEGATION[lastAge.age], lastAge.param) : zh ? "其他" : "otherwise";
        const who = tier.name ? (zh ? `${tier.name.zh}(${rest})` : `for ${tier.name.en} (${rest})`) : rest;
        return zh ? `${who}${price(tier.premium)}` : `${price(tier.premium)} ${who}`;
      })
      .join(zh ? "，" : ", ");
  }
  const lowest = Math.min(...tiers.map((tier) => v(tier.premium)));
  for (const s of spec.premium.subsidies) {
    const net = Math.max(0, lowest - v(s.amount));
    const who = s.when ? flagLabel(s.when) : zh ? "个人投保" : "individual purchases";
    premium += zh ? `；${who}${yuan(net)}起` : `; ${who}: from ${yuan(net)}`;
  }
  return premium;
}

/** The benefit: the components under the overall cap, the cap, the others, the omitted ones. */
function benefitParts(w: Words): string[] {
  const { zh, spec, v, assumed, yuan } = w;
  const covers = capCovers(spec);
  const benefit = spec.benefit.components.filter((c) => covers.has(c.field.name)).map((c) => componentText(c, w));
  const cap = spec.benefit.cap;
  if (cap) benefit.push(zh ? `年度最高${yuan(v(cap.param))}${assumed([cap.param])}` : `at most ${yuan(v(cap.param))} a year${assumed([cap.param])}`);
  benefit.push(...spec.benefit.components.filter((c) => !covers.has(c.field.name)).map((c) => componentText(c, w)));
  for (const o of spec.benefit.omitted) benefit.push(zh ? `${o.label.zh}：${o.note.zh}` : `${o.label.en}: ${o.note.en}`);
  return benefit;
}

/** A payout rate, with the pre-existing-condition rate where it differs. */
function rateText(r: Rate, { zh, v }: Words): string {
  if (typeof r === "string") return pct(v(r));
  const [pre, non] = [v(r.preExisting), v(r.noPreExisting)];
  if (pre === non) return pct(non);
  return zh ? `${pct(non)}(既往症${pct(pre)})` : `${pct(non)} (${pct(pre)} with pre-existing conditions)`;
}

/** One cost component: not covered (every rate 0), its bands, or its deductible and rate; its cap. */
function componentText(c: Component, w: Words): string {
  const { zh, lang, v, assumed } = w;
  const name = (c.label ?? c.field.label)[lang];
  const mark = assumed(componentRefs(c).map((r) => r[1]));
  const rates = (c.rate !== undefined ? [c.rate] : c.bands!.map((b) => b.rate)).flatMap((r) => (typeof r === "string" ? [r] : [r.preExisting, r.noPreExisting]));
  if (rates.every((p) => v(p) === 0)) return zh ? `${name}：不保${mark}` : `${name}: not covered${mark}`;
  let text: string;
  if (c.bands) {
    const bands = c.bands.map((b) => {
      const [lo, hi] = [fmt(v(b.from)), b.to === undefined ? undefined : fmt(v(b.to))];
      if (zh) return hi === undefined ? `${lo}元以上赔付${rateText(b.rate, w)}` : `${lo}–${hi}元段赔付${rateText(b.rate, w)}`;
      return hi === undefined ? `${rateText(b.rate, w)} above ${lo} 元` : `${rateText(b.rate, w)} in ${lo}–${hi} 元`;
    });
    text = zh ? `${name}：${bands.join("，")}` : `${name}: ${bands.join(", ")}`;
  } else {
    const d = c.deductible === undefined ? 0 : v(c.deductible);
    text = zh ? `${name}${d > 0 ? `超过${fmt(d)}元部分` : ""}赔付${rateText(c.rate!, w)}` : `${name}${d > 0 ? ` above ${fmt(d)} 元` : ""} paid at ${rateText(c.rate!, w)}`;
  }
  if (c.cap) text += zh ? `，最高${fmt(v(c.cap))}元` : `, at most ${fmt(v(c.cap))} 元`;
  return text + mark;
}

/** The period, and the date of the terms in force when they changed since it began. */
function periodText({ from, until }: Period, { zh, t, date }: Words): string {
  let terms = from;
  for (const p of t.all) for (const ver of p.versions) if (ver.from <= date && ver.from > terms) terms = ver.from;
  const since = terms > from ? (zh ? `(${terms}起的条款)` : ` (terms of ${terms})`) : "";
  const period = until === null ? (zh ? `${from}起` : `from ${from}`) : zh ? `${from}至${until}` : `${from} to ${until}`;
  return period + since;
}
