/**
 * Charts and tables of a scenario run (rows from the engine, summaries from src/sim/summary.ts):
 * headline figures per option with Monte Carlo error, the loss-ratio distribution with its
 * quantiles and P(loss ratio > 100 %), premium by payer, and a fan chart over years.
 * Colour-blind-safe palettes: Okabe–Ito for options, the payer registry's colours for payers.
 */
import * as Plot from "npm:@observablehq/plot";
import type { ReplicateRow } from "../sim/run.js";
import { describeValues, summarize, type Distribution, type GroupSummary } from "../sim/summary.js";
import { BAND_CLASS, formatInUnit, OPTION_COLOURS, payerColour, payerLabel, paysForOwnWorkers } from "../vocabulary/index.js";
import { formatAmount, t, type Bilingual, type Lang } from "./i18n.js";
import { fitLabel } from "./chart-text.js";

export const OKABE_ITO = [...OPTION_COLOURS];

export interface OptionInfo {
  id: string;
  label: Bilingual | string;
}

const name = (o: OptionInfo, lang: Lang) => (typeof o.label === "string" ? o.label : t(o.label, lang));

/** The last year's summary of each option (the headline). */
function lastYear(summaries: readonly GroupSummary[], option: string): GroupSummary | undefined {
  return summaries.filter((s) => s.option === option).sort((a, b) => b.year - a.year)[0];
}

/** Mean and Monte Carlo error, in a cell's tooltip; the cell shows the mean only (no "± 0"). */
function cellOf(text: string, tooltip?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (tooltip) td.title = tooltip;
  return td;
}

/**
 * A table: one row per option (last year) — enrolled, take-up, premium income, subsidies (public
 * money and third parties) and, apart from them, what platforms or employers pay for their own
 * workers, benefits, the loss ratio with its 5–95 % range, P(loss ratio > 100 %). One unit per
 * cell; the Monte Carlo standard error is in each cell's tooltip.
 */
export function headlineTable(rows: readonly ReplicateRow[], options: readonly OptionInfo[], lang: Lang): HTMLElement {
  const summaries = summarize(rows);
  // Money columns carry their unit in the heading, so a cell is one short number (5739.09万, 57.39M).
  const money = (v: number | null) => (v === null ? "—" : v === 0 ? "0" : formatAmount(v, lang));
  const pct = (v: number | null, d = 1) => (v === null ? "—" : `${(100 * v).toFixed(d)} %`);
  const se = (v: number | null | undefined, f: (x: number) => string) => (v ? `${t({ zh: "蒙特卡洛标准误", en: "Monte Carlo s.e." }, lang)} ${f(v)}` : undefined);
  const shown = options.map((o) => ({ o, s: lastYear(summaries, o.id) })).filter((x): x is { o: OptionInfo; s: GroupSummary } => !!x.s);
  const anyContribution = shown.some(({ s }) => s.payers.some((p) => paysForOwnWorkers(p)));
  const head = [
    t({ zh: "方案", en: "option" }, lang),
    t({ zh: "参保人数", en: "enrolled" }, lang),
    t({ zh: "参保率", en: "take-up" }, lang),
    t({ zh: "保费收入(元)", en: "premium income (yuan)" }, lang),
    t({ zh: "补贴(元)", en: "subsidies (yuan)" }, lang),
    ...(anyContribution ? [t({ zh: "平台/雇主缴费(元)", en: "platform / employer pays (yuan)" }, lang)] : []),
    t({ zh: "赔付(元)", en: "benefits (yuan)" }, lang),
    t({ zh: "赔付率(5–95 % 区间)", en: "loss ratio (5–95 % range)" }, lang),
    t({ zh: "赔付率超过 100 % 的概率", en: "P(loss ratio > 100 %)" }, lang),
  ];
  const table = document.createElement("table");
  table.className = "headline-table";
  const tr0 = document.createElement("tr");
  // A heading is never squeezed to a character a line above a short number.
  for (const h of head) {
    const th = Object.assign(document.createElement("th"), { textContent: h });
    th.style.minWidth = "5.5em";
    tr0.append(th);
  }
  table.createTHead().append(tr0);
  const body = table.createTBody();
  for (const { o, s } of shown) {
    const m = s.metrics;
    const sum = (pick: (p: string) => boolean) => s.payers.filter(pick).reduce((a, p) => a + (m[`subsidy_${p}`]!.mean ?? 0), 0);
    const lr = m["lossRatio"]!;
    const tr = document.createElement("tr");
    const first = document.createElement("th");
    first.scope = "row";
    first.textContent = `${name(o, lang)}${s.year > 1 ? ` (${t({ zh: `第 ${s.year} 年`, en: `year ${s.year}` }, lang)})` : ""}`;
    tr.append(
      first,
      cellOf(m["enrolled"]!.mean === null ? "—" : formatAmount(Math.round(m["enrolled"]!.mean), lang), se(m["enrolled"]!.mcse, (x) => formatAmount(x, lang))),
      cellOf(pct(m["coverage"]!.mean), se(m["coverage"]!.mcse, (x) => pct(x, 2))),
      cellOf(money(m["gross"]!.mean), se(m["gross"]!.mcse, money)),
      cellOf(money(sum((p) => !paysForOwnWorkers(p)))),
      ...(anyContribution ? [cellOf(money(sum((p) => paysForOwnWorkers(p))))] : []),
      cellOf(money(m["benefits"]!.mean), se(m["benefits"]!.mcse, money)),
      cellOf(lr.mean === null ? "—" : `${pct(lr.mean, 0)} (${(100 * lr.q05!).toFixed(0)}–${pct(lr.q95!, 0)})`, se(lr.mcse, (x) => pct(x, 2))),
      cellOf(s.lossRatioAbove1.p === null ? "—" : pct(s.lossRatioAbove1.p, 0), se(s.lossRatioAbove1.mcse, (x) => pct(x, 2))),
    );
    body.append(tr);
  }
  const wrap = document.createElement("div");
  wrap.className = "scroll-box";
  wrap.append(table);
  return wrap;
}

/** The headline figures of one option: its last year's distributions over the replicates. */
export interface HeadlineFigures {
  option: OptionInfo;
  year: number;
  replicates: number;
  enrolled: Distribution;
  coverage: Distribution;
  lossRatio: Distribution;
  /** P(loss ratio > 100 %) over the replicates with a loss ratio. */
  pAbove1: number | null;
  /** Subsidies by public money and third parties — not what platforms or employers pay for their own workers. */
  subsidy: Distribution;
}

/** The first option's last-year headline figures (null before any of its rows). */
export function headlineFigures(rows: readonly ReplicateRow[], options: readonly OptionInfo[]): HeadlineFigures | null {
  const o = options[0];
  if (!o) return null;
  const mine = rows.filter((r) => r.option === o.id);
  if (mine.length === 0) return null;
  const year = mine.reduce((y, r) => Math.max(y, r.year), 0);
  const last = mine.filter((r) => r.year === year);
  const lossRatio = describeValues(last.map((r) => r.lossRatio));
  return {
    option: o,
    year,
    replicates: last.length,
    enrolled: describeValues(last.map((r) => r.enrolled)),
    coverage: describeValues(last.map((r) => r.coverage)),
    lossRatio,
    pAbove1: lossRatio.n ? last.filter((r) => r.lossRatio !== null && r.lossRatio > 1).length / lossRatio.n : null,
    subsidy: describeValues(last.map((r) => Object.entries(r.subsidies).reduce((a, [p, v]) => (paysForOwnWorkers(p) ? a : a + v), 0))),
  };
}

/**
 * The answer to a scheme page's question, first on the page: one sentence with the first option's
 * last-year numbers — take-up, the loss ratio and the subsidy cost (public money and third
 * parties, not what platforms or employers pay for their own workers), each with its 5–95 %
 * range over the replicates — and the same three as KPI cards. Empty before the first rows.
 */
export function headlineAnswer(rows: readonly ReplicateRow[], options: readonly OptionInfo[], lang: Lang): HTMLElement {
  const box = document.createElement("div");
  box.className = "scenario-answer";
  const f = headlineFigures(rows, options);
  if (!f) return box;
  const { enrolled, coverage, subsidy, year } = f;
  const lr = f.lossRatio;
  const pct = (v: number | null) => (v === null ? "—" : `${(100 * v).toFixed(0)} %`);
  const yuan = (v: number | null) => (v === null ? "—" : v === 0 ? "0" : formatAmount(v, lang));
  const people = (v: number | null) => yuan(v === null ? null : Math.round(v));
  const range = (d: { q05: number | null; q95: number | null }, fmt: (v: number | null) => string) => `${fmt(d.q05)}–${fmt(d.q95)}`;
  const who = `${name(f.option, lang)}${year > 1 ? t({ zh: `(第 ${year} 年)`, en: ` (year ${year})` }, lang) : ""}`;
  const noSubsidy = subsidy.max === 0;
  const above = pct(f.pAbove1);
  const p = document.createElement("p");
  p.className = "answer";
  p.textContent =
    lang === "zh"
      ? `模拟 ${f.replicates} 次(均值)：「${who}」参保 ${people(enrolled.mean)}人，参保率 ${pct(coverage.mean)}(5–95 % 区间 ${range(coverage, pct)})；赔付率 ${pct(lr.mean)}(${range(lr, pct)})，超过 100 % 的概率 ${above}；${noSubsidy ? "没有财政或第三方补贴" : `补贴成本 ${yuan(subsidy.mean)}元(${range(subsidy, yuan)})`}。`
      : `Over ${f.replicates} replicates (means): "${who}" enrols ${people(enrolled.mean)}, a take-up of ${pct(coverage.mean)} (5–95 % range ${range(coverage, pct)}); the loss ratio is ${pct(lr.mean)} (${range(lr, pct)}), above 100 % with probability ${above}; ${noSubsidy ? "no public or third-party subsidy" : `subsidies cost ${yuan(subsidy.mean)} yuan (${range(subsidy, yuan)})`}.`;
  const kpi = (title: string, big: string, note: string) => {
    const c = document.createElement("div");
    c.className = "card";
    const h = document.createElement("h2");
    h.textContent = title;
    const b = document.createElement("span");
    b.className = "big";
    b.textContent = big;
    const n = document.createElement("p");
    n.className = "muted";
    n.textContent = note;
    c.append(h, b, n);
    return c;
  };
  const five = t({ zh: "5–95 % 区间", en: "5–95 % range" }, lang);
  const grid = document.createElement("div");
  grid.className = "kpi-grid";
  grid.append(
    kpi(t({ zh: "参保率", en: "Take-up" }, lang), pct(coverage.mean), `${people(enrolled.mean)}${t({ zh: "人", en: " enrolled" }, lang)} · ${five} ${range(coverage, pct)}`),
    kpi(t({ zh: "赔付率", en: "Loss ratio" }, lang), pct(lr.mean), `${five} ${range(lr, pct)}`),
    kpi(t({ zh: "补贴成本(元)", en: "Subsidy cost (yuan)" }, lang), yuan(subsidy.mean), `${five} ${range(subsidy, yuan)}`),
  );
  box.append(p, grid);
  return box;
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
    height: 90 + 130 * names.length,
    marginLeft: 60,
    marginTop: 26,
    // Room between facets for each option's title, printed above its facet (never over the quantile labels).
    fy: { label: null, domain: names, axis: null, padding: 0.22 },
    x: { label: t({ zh: "赔付率 →", en: "loss ratio →" }, lang), tickFormat: (d: number) => `${Math.round(100 * d)}%` },
    // The y label runs along the axis (not at its top), clear of the first facet's title.
    // insetTop: the top tick stays below the 5/50/95 % labels printed at the top of each facet.
    y: { label: t({ zh: "重复次数", en: "replicates" }, lang), labelAnchor: "center", labelArrow: "none", grid: true, insetTop: 30 },
    color: { domain: names, range: OKABE_ITO },
    marks: [
      // fy is a valid facet channel of the binned mark (Plot's type for binX inputs omits it).
      Plot.rectY(data, Plot.binX({ y: "count" }, { x: "lossRatio", fy: "option", fill: "option", fillOpacity: 0.7, className: BAND_CLASS.bars, thresholds: 40 } as unknown as Plot.BinXInputs<Plot.RectYOptions>)),
      Plot.ruleX([1], { stroke: "#D55E00", strokeWidth: 1.5, strokeDasharray: "4,3" }),
      Plot.ruleX(quantiles, { x: "x", fy: "option", stroke: "currentColor", strokeOpacity: 0.8 }),
      // 5 % to the left of its line, 95 % to the right, 50 % a line lower: close quantiles stay legible.
      Plot.text(quantiles.filter((d) => d.p < 0.5), { x: "x", fy: "option", frameAnchor: "top", dy: 4, dx: -3, textAnchor: "end", text: (d: { p: number }) => `${Math.round(100 * d.p)}%`, fontSize: 10 }),
      Plot.text(quantiles.filter((d) => d.p === 0.5), { x: "x", fy: "option", frameAnchor: "top", dy: 16, text: () => "50%", fontSize: 10 }),
      Plot.text(quantiles.filter((d) => d.p > 0.5), { x: "x", fy: "option", frameAnchor: "top", dy: 4, dx: 3, textAnchor: "start", text: (d: { p: number }) => `${Math.round(100 * d.p)}%`, fontSize: 10 }),
      Plot.text(names, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: "top-left", dy: -16, fontWeight: 600, ...fitLabel(width, { left: 60, right: 20 }) }),
      Plot.ruleY([0]),
    ],
  }) as HTMLElement | SVGSVGElement;
}

export interface PayerDatum {
  option: string;
  /** The payer's id (src/vocabulary/payers.ts). */
  id: string;
  /** Its label in the page's language. */
  payer: string;
  amount: number;
}

/** Mean premium by payer (the insured's net and each subsidy) per option, last year. */
export function payerData(rows: readonly ReplicateRow[], options: readonly OptionInfo[], lang: Lang): PayerDatum[] {
  const summaries = summarize(rows);
  return options.flatMap((o) => {
    const s = lastYear(summaries, o.id);
    if (!s) return [];
    const out: PayerDatum[] = [{ option: name(o, lang), id: "insured", payer: payerLabel("insured", lang, "short"), amount: s.metrics["net"]!.mean ?? 0 }];
    for (const p of s.payers) out.push({ option: name(o, lang), id: p, payer: payerLabel(p, lang, "short"), amount: s.metrics[`subsidy_${p}`]!.mean ?? 0 });
    return out;
  });
}

export function payerChart(data: readonly PayerDatum[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const payers = [...new Set(data.map((d) => d.payer))];
  const colours = payers.map((label) => payerColour(data.find((d) => d.payer === label)!.id));
  const options = [...new Set(data.map((d) => d.option))];
  const step = 58;
  // Each option's name above its bar (no y axis), so long names are never cut on a phone.
  return Plot.plot({
    width,
    height: 70 + step * options.length,
    marginLeft: 10,
    marginRight: 20,
    x: { label: t({ zh: "保费(元，均值) →", en: "premium (yuan, mean) →" }, lang), tickFormat: (d: number) => formatAmount(d, lang), grid: true, ticks: Math.max(3, Math.floor(width / 120)) },
    y: { axis: null, domain: options, padding: 0.5 },
    color: { domain: payers, range: colours, legend: true },
    marks: [
      Plot.barX(data, { y: "option", x: "amount", fill: "payer", tip: true, title: (d: PayerDatum) => `${d.option}\n${d.payer}${lang === "zh" ? "：" : ": "}${formatInUnit(d.amount, "CNY", lang, { compact: true })}` }),
      Plot.text(options, { y: (d: string) => d, x: 0, text: (d: string) => d, textAnchor: "start", lineAnchor: "bottom", dy: -step / 4 - 3, fontWeight: 600, ...fitLabel(width, { left: 10, right: 20 }) }),
      Plot.ruleX([0]),
    ],
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

/** One panel per option (stacked), so bands of different options never overlap into one colour. */
export function fanChart(data: readonly FanDatum[], { width, lang, metricLabel, percent }: { width: number; lang: Lang; metricLabel: string; percent: boolean }): HTMLElement | SVGSVGElement {
  const names = [...new Set(data.map((d) => d.option))];
  const fmt = (d: number) => (percent ? `${Math.round(100 * d)}%` : formatAmount(d, lang));
  const color = (o: string) => OKABE_ITO[names.indexOf(o) % OKABE_ITO.length]!;
  return Plot.plot({
    width,
    height: 60 + 170 * names.length,
    marginLeft: 56,
    marginTop: 26,
    x: { label: t({ zh: "年 →", en: "year →" }, lang), ticks: [...new Set(data.map((d) => d.year))], tickFormat: (d: number) => String(d) },
    y: { label: metricLabel, labelAnchor: "center", labelArrow: "none", tickFormat: fmt, grid: true, ticks: 4 },
    fy: { label: null, domain: names, axis: null, padding: 0.22 },
    marks: [
      ...names.flatMap((o) => {
        const rows = data.filter((d) => d.option === o);
        return [
          Plot.areaY(rows, { x: "year", y1: "q05", y2: "q95", fy: "option", fill: color(o), fillOpacity: 0.18, className: BAND_CLASS.outer }),
          Plot.areaY(rows, { x: "year", y1: "q25", y2: "q75", fy: "option", fill: color(o), fillOpacity: 0.35, className: BAND_CLASS.inner }),
          Plot.line(rows, { x: "year", y: "q50", fy: "option", stroke: color(o), strokeWidth: 2, marker: true, className: BAND_CLASS.median }),
        ];
      }),
      Plot.text(names, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: "top-left", dy: -16, fontWeight: 600, ...fitLabel(width, { left: 60, right: 20 }) }),
      ...(percent ? [Plot.ruleY([1], { stroke: "#D55E00", strokeDasharray: "4,3" })] : []),
    ],
  }) as HTMLElement | SVGSVGElement;
}
