/**
 * Charts and tables of a scenario run (rows from the engine, summaries from src/sim/summary.ts):
 * headline figures per option with Monte Carlo error, the loss-ratio distribution with its
 * quantiles and P(loss ratio > 100 %), premium by payer, and a fan chart over years.
 * Colour-blind-safe palette (Okabe–Ito).
 */
import * as Plot from "npm:@observablehq/plot";
import type { ReplicateRow } from "../sim/run.js";
import { summarize, type GroupSummary } from "../sim/summary.js";
import { formatAmount, t, type Bilingual, type Lang } from "./i18n.js";

export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export interface OptionInfo {
  id: string;
  label: Bilingual | string;
}

const name = (o: OptionInfo, lang: Lang) => (typeof o.label === "string" ? o.label : t(o.label, lang));

const PAYER_LABEL: Record<string, Bilingual> = {
  insured: { zh: "个人", en: "insured" },
  budget: { zh: "财政", en: "budget" },
  bank: { zh: "银行", en: "bank" },
  employer: { zh: "用人单位", en: "employer" },
  town: { zh: "镇政府", en: "town" },
  platform: { zh: "平台", en: "platform" },
  union: { zh: "工会", en: "union" },
  chamber: { zh: "商会", en: "chamber" },
  collective: { zh: "村集体", en: "collective" },
  association: { zh: "行业协会", en: "association" },
};

export function payerLabel(payer: string, lang: Lang): string {
  return PAYER_LABEL[payer] ? t(PAYER_LABEL[payer]!, lang) : payer;
}

/** The last year's summary of each option (the headline). */
function lastYear(summaries: readonly GroupSummary[], option: string): GroupSummary | undefined {
  return summaries.filter((s) => s.option === option).sort((a, b) => b.year - a.year)[0];
}

function pm(mean: number | null, mcse: number | null, lang: Lang, pct = false): string {
  if (mean === null) return "—";
  const f = (x: number) => (pct ? `${(100 * x).toFixed(1)} %` : formatAmount(x, lang));
  return mcse === null ? f(mean) : `${f(mean)} ± ${f(mcse)}`;
}

/** A table: one row per option — enrolled, premium, benefits, loss ratio (mean, 5–95 %), P(LR > 1). */
export function headlineTable(rows: readonly ReplicateRow[], options: readonly OptionInfo[], lang: Lang): HTMLElement {
  const summaries = summarize(rows);
  const table = document.createElement("table");
  table.className = "headline-table";
  const head = [
    t({ zh: "方案", en: "option" }, lang),
    t({ zh: "参保人数", en: "enrolled" }, lang),
    t({ zh: "覆盖率", en: "coverage" }, lang),
    t({ zh: "保费收入(元)", en: "premium income (元)" }, lang),
    t({ zh: "补贴合计(元)", en: "subsidies (元)" }, lang),
    t({ zh: "赔付(元)", en: "benefits (元)" }, lang),
    t({ zh: "赔付率 均值 [5%–95%]", en: "loss ratio mean [5–95 %]" }, lang),
    "P(LR > 100 %)",
  ];
  table.createTHead().append(Object.assign(document.createElement("tr"), { innerHTML: head.map((h) => `<th>${h}</th>`).join("") }));
  const body = table.createTBody();
  for (const o of options) {
    const s = lastYear(summaries, o.id);
    if (!s) continue;
    const m = s.metrics;
    const lr = m["lossRatio"]!;
    const cells = [
      `${name(o, lang)}${s.year > 1 ? ` (${t({ zh: `第 ${s.year} 年`, en: `year ${s.year}` }, lang)})` : ""}`,
      pm(m["enrolled"]!.mean, m["enrolled"]!.mcse, lang),
      pm(m["coverage"]!.mean, m["coverage"]!.mcse, lang, true),
      pm(m["gross"]!.mean, m["gross"]!.mcse, lang),
      pm(m["subsidy_total"]!.mean, m["subsidy_total"]!.mcse, lang),
      pm(m["benefits"]!.mean, m["benefits"]!.mcse, lang),
      lr.mean === null ? "—" : `${(100 * lr.mean).toFixed(1)} % ± ${(100 * (lr.mcse ?? 0)).toFixed(1)} [${(100 * lr.q05!).toFixed(0)}–${(100 * lr.q95!).toFixed(0)} %]`,
      s.lossRatioAbove1.p === null ? "—" : `${(100 * s.lossRatioAbove1.p).toFixed(1)} % ± ${(100 * (s.lossRatioAbove1.mcse ?? 0)).toFixed(1)}`,
    ];
    const tr = document.createElement("tr");
    for (const c of cells) tr.append(Object.assign(document.createElement("td"), { textContent: c }));
    body.append(tr);
  }
  const wrap = document.createElement("div");
  wrap.className = "scroll-box";
  wrap.append(table);
  return wrap;
}

export interface LossRatioDatum {
  option: string;
  lossRatio: number;
}

export function lossRatioData(rows: readonly ReplicateRow[], options: readonly OptionInfo[], lang: Lang): LossRatioDatum[] {
  const lastYearOf = new Map<string, number>();
  for (const r of rows) lastYearOf.set(r.option, Math.max(lastYearOf.get(r.option) ?? 0, r.year));
  return rows
    .filter((r) => r.lossRatio !== null && r.year === lastYearOf.get(r.option))
    .map((r) => ({ option: name(options.find((o) => o.id === r.option) ?? { id: r.option, label: r.option }, lang), lossRatio: r.lossRatio! }));
}

/** Histogram of the loss ratio per option, with the 5/50/95 % quantiles and the 100 % line. */
export function lossRatioChart(data: readonly LossRatioDatum[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const names = [...new Set(data.map((d) => d.option))];
  const quantiles = names.flatMap((option) => {
    const xs = data.filter((d) => d.option === option).map((d) => d.lossRatio).sort((a, b) => a - b);
    const q = (p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))]!;
    return xs.length ? [0.05, 0.5, 0.95].map((p) => ({ option, p, x: q(p) })) : [];
  });
  return Plot.plot({
    width,
    height: 90 + 110 * names.length,
    marginLeft: 60,
    fy: { label: null, domain: names, axis: null },
    x: { label: t({ zh: "赔付率 →", en: "loss ratio →" }, lang), tickFormat: (d: number) => `${Math.round(100 * d)}%` },
    y: { label: t({ zh: "↑ 重复次数", en: "↑ replicates" }, lang), grid: true },
    color: { domain: names, range: OKABE_ITO },
    marks: [
      // fy is a valid facet channel of the binned mark (Plot's type for binX inputs omits it).
      Plot.rectY(data, Plot.binX({ y: "count" }, { x: "lossRatio", fy: "option", fill: "option", fillOpacity: 0.7, thresholds: 40 } as unknown as Plot.BinXInputs<Plot.RectYOptions>)),
      Plot.ruleX([1], { stroke: "#D55E00", strokeWidth: 1.5, strokeDasharray: "4,3" }),
      Plot.ruleX(quantiles, { x: "x", fy: "option", stroke: "currentColor", strokeOpacity: 0.8 }),
      Plot.text(quantiles, { x: "x", fy: "option", frameAnchor: "top", dy: 4, text: (d: { p: number }) => `${Math.round(100 * d.p)}%`, fontSize: 10 }),
      Plot.text(names, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: "top-left", dx: 4, dy: 2, fontWeight: 600 }),
      Plot.ruleY([0]),
    ],
  }) as HTMLElement | SVGSVGElement;
}

export interface PayerDatum {
  option: string;
  payer: string;
  amount: number;
}

/** Mean premium by payer (the insured's net and each subsidy) per option, last year. */
export function payerData(rows: readonly ReplicateRow[], options: readonly OptionInfo[], lang: Lang): PayerDatum[] {
  const summaries = summarize(rows);
  return options.flatMap((o) => {
    const s = lastYear(summaries, o.id);
    if (!s) return [];
    const out: PayerDatum[] = [{ option: name(o, lang), payer: payerLabel("insured", lang), amount: s.metrics["net"]!.mean ?? 0 }];
    for (const p of s.payers) out.push({ option: name(o, lang), payer: payerLabel(p, lang), amount: s.metrics[`subsidy_${p}`]!.mean ?? 0 });
    return out;
  });
}

export function payerChart(data: readonly PayerDatum[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const payers = [...new Set(data.map((d) => d.payer))];
  return Plot.plot({
    width,
    height: 60 + 40 * new Set(data.map((d) => d.option)).size,
    marginLeft: Math.min(240, width * 0.35),
    x: { label: t({ zh: "保费(元，均值) →", en: "premium (元, mean) →" }, lang), tickFormat: (d: number) => formatAmount(d, lang), grid: true },
    y: { label: null },
    color: { domain: payers, range: OKABE_ITO, legend: true },
    marks: [Plot.barX(data, { y: "option", x: "amount", fill: "payer", tip: true, title: (d: PayerDatum) => `${d.option}\n${d.payer}: ${formatAmount(d.amount, lang)} 元` }), Plot.ruleX([0])],
  }) as HTMLElement | SVGSVGElement;
}

export interface FanDatum {
  option: string;
  year: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

/** Quantile bands of a metric by year and option. */
export function fanData(rows: readonly ReplicateRow[], options: readonly OptionInfo[], metric: "lossRatio" | "enrolled" | "gross" | "benefits", lang: Lang): FanDatum[] {
  const summaries = summarize(rows);
  return summaries.map((s) => {
    const m = s.metrics[metric]!;
    const o = options.find((x) => x.id === s.option) ?? { id: s.option, label: s.option };
    return { option: name(o, lang), year: s.year, q05: m.q05 ?? 0, q25: m.q25 ?? 0, q50: m.q50 ?? 0, q75: m.q75 ?? 0, q95: m.q95 ?? 0 };
  });
}

export function fanChart(data: readonly FanDatum[], { width, lang, metricLabel, percent }: { width: number; lang: Lang; metricLabel: string; percent: boolean }): HTMLElement | SVGSVGElement {
  const names = [...new Set(data.map((d) => d.option))];
  const fmt = (d: number) => (percent ? `${Math.round(100 * d)}%` : formatAmount(d, lang));
  return Plot.plot({
    width,
    height: 320,
    x: { label: t({ zh: "年 →", en: "year →" }, lang), ticks: [...new Set(data.map((d) => d.year))], tickFormat: (d: number) => String(d) },
    y: { label: `↑ ${metricLabel}`, tickFormat: fmt, grid: true },
    color: { domain: names, range: OKABE_ITO, legend: true },
    marks: [
      Plot.areaY(data, { x: "year", y1: "q05", y2: "q95", fill: "option", fillOpacity: 0.15 }),
      Plot.areaY(data, { x: "year", y1: "q25", y2: "q75", fill: "option", fillOpacity: 0.3 }),
      Plot.line(data, { x: "year", y: "q50", stroke: "option", strokeWidth: 2, marker: true }),
      ...(percent ? [Plot.ruleY([1], { stroke: "#D55E00", strokeDasharray: "4,3" })] : []),
    ],
  }) as HTMLElement | SVGSVGElement;
}
