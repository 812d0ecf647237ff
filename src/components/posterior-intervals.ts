/**
 * Chart: prior vs posterior 90 % intervals, one row per item (issue 13's calibration page). Each
 * row shows the prior 5–95 % as a light bar and the posterior 5–95 % as a dark bar with its
 * median; a target row also carries the published figure as a red tick. Rows are put on one
 * axis by a per-row scale the caller chooses (a target relative to its published figure, an
 * assumption relative to its prior interval). Data: src/data/posterior.json.ts.
 */
import * as Plot from "npm:@observablehq/plot";

type Lang = "zh" | "en";
type Text = { zh: string; en: string };
const tr = (text: Text, lang: Lang) => text[lang];

export interface IntervalRow {
  label: string;
  prior: [number, number];
  posterior: [number, number, number];
  /** The published figure (targets only), on the same scale. */
  published?: number;
  tip: string;
}

export function posteriorIntervals(rows: readonly IntervalRow[], { width, axisLabel, priorLabel, posteriorLabel, publishedLabel, tickFormat, domain }: { width: number; axisLabel: string; priorLabel: string; posteriorLabel: string; publishedLabel?: string; tickFormat: (d: number) => string; domain: [number, number] }): HTMLElement | SVGSVGElement {
  const [lo, hi] = domain;
  const clip = (v: number) => Math.max(lo, Math.min(hi, v));
  const legend = publishedLabel ? [priorLabel, posteriorLabel, publishedLabel] : [priorLabel, posteriorLabel];
  // Margins wide enough for a tick label centred on the domain's edge ("−100%", "+100%": ~36 px
  // at 10 px type), so none is cut at 390 px (issue 15); the row labels are fitted to the width.
  const left = 24;
  const right = 28;
  return Plot.plot({
    width,
    height: 50 + 40 * rows.length,
    marginLeft: left,
    marginRight: right,
    x: { label: axisLabel, tickFormat, domain, grid: true },
    // The label above its row (no y axis), so long names are never cut on a phone.
    y: { axis: null, label: null, domain: rows.map((r) => r.label), padding: 0.5 },
    color: { domain: legend, range: ["#bbb", "#1f5f8b", "#d62728"].slice(0, legend.length), legend: true },
    marks: [
      Plot.barX(rows, { y: "label", x1: (r: IntervalRow) => clip(r.prior[0]), x2: (r: IntervalRow) => clip(r.prior[1]), fill: () => priorLabel, insetTop: 2, insetBottom: 2 }),
      Plot.barX(rows, { y: "label", x1: (r: IntervalRow) => clip(r.posterior[0]), x2: (r: IntervalRow) => clip(r.posterior[2]), fill: () => posteriorLabel, insetTop: 6, insetBottom: 6 }),
      Plot.tickX(rows, { y: "label", x: (r: IntervalRow) => clip(r.posterior[1]), stroke: "white", strokeWidth: 2, insetTop: 6, insetBottom: 6 }),
      Plot.tickX(rows.filter((r) => r.published !== undefined), { y: "label", x: (r: IntervalRow) => clip(r.published!), stroke: () => publishedLabel!, strokeWidth: 2.5 }),
      Plot.text(rows, { y: "label", frameAnchor: "left", text: (r: IntervalRow) => clipLabel(r.label, width - left - right, 11), textAnchor: "start", lineAnchor: "bottom", dy: -9, fontSize: 11 }),
      Plot.tip(rows, Plot.pointerY({ y: "label", x: (r: IntervalRow) => clip(r.posterior[1]), title: "tip" })),
    ],
  }) as HTMLElement | SVGSVGElement;
}

/**
 * A row label cut with "…" to fit `px` at `fontSize` (the full label stays in the row's tooltip).
 * Plot's own ellipsis (chart-text.ts fitLabel) measures Latin text by Helvetica's metrics and
 * under-measures Chinese, which then ran 5 px past the chart at 390 px (issue 15); here a CJK or
 * full-width character counts a whole em and any other 0.62 em, which over-estimates both.
 */
export function clipLabel(label: string, px: number, fontSize: number): string {
  const em = (c: string) => ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62);
  const budget = px / fontSize;
  let used = 0;
  const chars = [...label];
  for (let i = 0; i < chars.length; i++) {
    used += em(chars[i]!);
    if (used > budget) return `${chars.slice(0, Math.max(0, i - 1)).join("")}…`;
  }
  return label;
}

export interface TargetInterval {
  figure: string;
  year: number;
  published: number;
  observation: string;
  prior: { q05: number; q95: number };
  posterior: { q05: number; q50: number; q95: number };
}

export interface AssumptionInterval {
  name: string;
  prior: { q05: number; q50: number; q95: number };
  posterior: { q05: number; q50: number; q95: number };
}

/** One row per target, relative to its published figure (model / published − 1). */
export function targetRows(targets: readonly TargetInterval[], { lang, quantityOf, fmt }: { lang: Lang; quantityOf: (figure: string) => string; fmt: (v: number) => string }): IntervalRow[] {
  return targets.map((x) => {
    const y = x.published;
    const label = `${quantityOf(x.figure)}${x.year > 1 ? ` (y${x.year})` : ""}`;
    return {
      label,
      prior: [x.prior.q05 / y - 1, x.prior.q95 / y - 1],
      posterior: [x.posterior.q05 / y - 1, x.posterior.q50 / y - 1, x.posterior.q95 / y - 1],
      published: 0,
      tip: `${label}\n${tr({ zh: "观测模型", en: "observation model" }, lang)}: ${observationLabel(x.observation, lang)}\n${tr({ zh: "公开", en: "published" }, lang)} ${fmt(y)}\n${tr({ zh: "先验", en: "prior" }, lang)} ${fmt(x.prior.q05)}–${fmt(x.prior.q95)}\n${tr({ zh: "后验", en: "posterior" }, lang)} ${fmt(x.posterior.q05)}–${fmt(x.posterior.q95)}`,
    };
  });
}

/** The symmetric domain that shows every row's prior bar (at least ±5 %, at most ±`cap`), with 5 % room. */
export function relativeDomain(rows: readonly IntervalRow[], cap = 1): [number, number] {
  const ext = Math.min(cap, Math.max(0.05, ...rows.flatMap((r) => [Math.abs(r.prior[0]), Math.abs(r.prior[1])]))) * 1.05;
  return [-ext, ext];
}

/**
 * Whether the data reached an assumption: its posterior 90 % interval is under 80 % of the
 * prior's width, or its median moved by more than 10 % of that width.
 */
export function reach(a: AssumptionInterval): { ratio: number; reached: boolean } {
  const w = a.prior.q95 - a.prior.q05;
  const ratio = w > 0 ? (a.posterior.q95 - a.posterior.q05) / w : 1;
  return { ratio, reached: ratio < 0.8 || (w > 0 && Math.abs(a.posterior.q50 - a.prior.q50) / w > 0.1) };
}

/** One row per assumption, scaled so its prior 5–95 % runs from 0 to 1. */
export function assumptionRows(assumptions: readonly AssumptionInterval[], { lang, labelOf = (name) => name }: { lang: Lang; labelOf?: (name: string) => string }): IntervalRow[] {
  return assumptions.map((a) => {
    const lo = a.prior.q05;
    const w = a.prior.q95 - a.prior.q05 || 1;
    const s = (v: number) => (v - lo) / w;
    const r = reach(a);
    const name = labelOf(a.name);
    const label = `${name}${r.reached ? "" : tr({ zh: " · 数据未触及", en: " · not reached by the data" }, lang)}`;
    return {
      label,
      prior: [0, 1],
      posterior: [s(a.posterior.q05), s(a.posterior.q50), s(a.posterior.q95)],
      tip: `${name}\n${tr({ zh: "先验", en: "prior" }, lang)} ${a.prior.q05.toPrecision(3)}–${a.prior.q95.toPrecision(3)}\n${tr({ zh: "后验", en: "posterior" }, lang)} ${a.posterior.q05.toPrecision(3)}–${a.posterior.q95.toPrecision(3)} (${(100 * r.ratio).toFixed(0)} %)`,
    };
  });
}

/** A target's observation model (observationText in src/sim/posterior/observation.ts, English) in the page's language. */
export function observationLabel(text: string, lang: string): string {
  if (lang !== "zh") return text;
  return text
    .replace(/^secondary source σ /, "二手来源，σ ")
    .replace(/^relative σ /, "相对误差 σ ")
    .replace(/^rounded to (\S+), σ /, "取整到 $1，σ ")
    .replace(/^ceiling, σ /, "上限，σ ")
    .replace(/^floor, σ /, "下限，σ ")
    .replace(/^mean of (\d+), cv /, "$1 人的均值，变异系数 ")
    .replace(/^Poisson count/, "泊松计数")
    .replace(/, transfer σ /, "，转用误差 σ ");
}
