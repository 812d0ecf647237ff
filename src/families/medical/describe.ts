/**
 * The overview text of a product (SchemeDescription), generated from its spec and the parameter
 * values in force on the date — so a reform or a new product's YAML changes it with no prose to
 * edit. A premium, subsidy or cap that is an assumption on that date is marked "(assumed)" /
 * "(假设)"; a component once when any of its values is.
 */
import { fmt } from "../../rules/money.js";
import { isAssumption, pct, type Bilingual, type ParameterTable } from "../../rules/parameter.js";
import type { Lang, SchemeDescription } from "../../rules/scheme.js";
import type { Period } from "./eligibility.js";
import { componentRefs } from "./check.js";
import type { Component, MedicalSpec, Rate } from "./spec.js";

export interface DescribeMeta {
  id: string;
  name: Bilingual;
  region: Bilingual;
  sources: readonly string[];
  period: Period;
}

const SIGN = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" } as const;

export function describeMedical(meta: DescribeMeta, spec: MedicalSpec, t: ParameterTable, date: string, lang: Lang): SchemeDescription {
  const zh = lang === "zh";
  const v = (path: string) => t.v(path, date);
  const mark = (path: string) => (isAssumption(t.param(path), date) ? (zh ? "(假设)" : " (assumed)") : "");
  const money = (path: string) => `${fmt(v(path))}${zh ? "元" : " 元"}${mark(path)}`;
  const join = (parts: string[]) => parts.join(zh ? "；" : "; ");

  const covered = spec.eligibility.requires.map((r) => r.met[lang]);
  const age = spec.eligibility.age;
  if (age?.min || age?.max) {
    const lo = age.min ? v(age.min) : undefined;
    const hi = age.max ? v(age.max) : undefined;
    covered.push(zh ? `${lo ?? 0}–${hi ?? "不限"}岁` : `aged ${lo ?? 0}–${hi ?? "any"}`);
  }
  const ex = spec.benefit.exclusion;
  if (ex) covered.push(zh ? `${ex.field.label.zh}除外` : `${ex.field.label.en} excluded`);

  const payers = [zh ? "个人" : "the insured"];
  for (const s of spec.premium.subsidies) {
    const who = s.when ? spec.person.flags.find((f) => f.name === s.when)!.label[lang] : zh ? "所有人" : "everyone";
    payers.push(zh ? `${s.label.zh}：${who}${money(s.amount)}` : `${s.label.en}: ${money(s.amount)} for ${who}`);
  }
  const group = spec.premium.groupPurchase;
  if (group) {
    const names = Object.values(group.payers).map((l) => l[lang]);
    payers.push(zh ? `团体投保：${names.join("、")}` : `group purchase: ${names.join(", ")}`);
  }

  const tiers = spec.premium.tiers;
  const premium =
    tiers.length === 1
      ? zh ? `${money(tiers[0]!.premium)}/年，不分年龄` : `${money(tiers[0]!.premium)}/year, one price for all`
      : tiers
          .map((tier) => {
            const when = (tier.when ?? []).map((c) => ("age" in c ? (zh ? `年龄${SIGN[c.age]}${fmt(v(c.param))}` : `age ${SIGN[c.age]} ${fmt(v(c.param))}`) : spec.person.flags.find((f) => f.name === c.field)!.label[lang]));
            if (zh) return `${when.length ? when.join("或") : tier.name?.zh ?? "其他"}${money(tier.premium)}/年`;
            return `${money(tier.premium)}/year ${when.length ? `for ${when.join(" or ")}` : tier.name ? `for ${tier.name.en}` : "otherwise"}`;
          })
          .join(zh ? "，" : ", ");

  // One "(assumed)" per component when any of its values is an assumption.
  const part = (c: Component): string => {
    const name = (c.label ?? c.field.label)[lang];
    const assumed = componentRefs(c).some(([, p]) => p !== undefined && isAssumption(t.param(p), date));
    const rateOf = (r: Rate) =>
      typeof r === "string" ? pct(v(r)) : v(r.preExisting) === v(r.noPreExisting) ? pct(v(r.noPreExisting)) : zh ? `${pct(v(r.noPreExisting))}(既往症${pct(v(r.preExisting))})` : `${pct(v(r.noPreExisting))} (${pct(v(r.preExisting))} with pre-existing conditions)`;
    let text: string;
    if (c.bands) {
      text = c.bands
        .map((b) => (b.to ? (zh ? `${fmt(v(b.from))}–${fmt(v(b.to))}元段赔付${rateOf(b.rate)}` : `${rateOf(b.rate)} in ${fmt(v(b.from))}–${fmt(v(b.to))} 元`) : zh ? `${fmt(v(b.from))}元以上赔付${rateOf(b.rate)}` : `${rateOf(b.rate)} above ${fmt(v(b.from))} 元`))
        .join(zh ? "，" : ", ");
      text = zh ? `${name}：${text}` : `${name}: ${text}`;
    } else if (c.deductible && v(c.deductible) > 0) text = zh ? `${name}超过${fmt(v(c.deductible))}元部分赔付${rateOf(c.rate!)}` : `${name} above ${fmt(v(c.deductible))} 元 paid at ${rateOf(c.rate!)}`;
    else text = zh ? `${name}赔付${rateOf(c.rate!)}` : `${name} paid at ${rateOf(c.rate!)}`;
    if (c.cap) text += zh ? `，最高${fmt(v(c.cap))}元` : `, at most ${fmt(v(c.cap))} 元`;
    return text + (assumed ? (zh ? "(假设)" : " (assumed)") : "");
  };
  const benefit = spec.benefit.components.map(part);
  if (spec.benefit.cap) benefit.push(zh ? `年度最高${money(spec.benefit.cap.param)}` : `at most ${money(spec.benefit.cap.param)} a year`);
  for (const o of spec.benefit.omitted) benefit.push(zh ? `${o.label.zh}：${o.note.zh}` : `${o.label.en}: ${o.note.en}`);

  const { from, until } = meta.period;
  return {
    id: meta.id,
    name: meta.name[lang],
    region: meta.region[lang],
    covered: zh ? covered.join("，") : covered.join(", "),
    payers: join(payers),
    premium,
    benefit: join(benefit),
    sources: [...meta.sources],
    period: until === null ? (zh ? `${from}起` : `from ${from}`) : zh ? `${from}至${until}` : `${from} to ${until}`,
  };
}
