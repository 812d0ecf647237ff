/**
 * Chart: prior vs posterior 90 % intervals, one row per item (issue 13's calibration page). Each
 * row shows the prior 5–95 % as a light bar and the posterior 5–95 % as a dark bar with its
 * median; a target row also carries the published figure as a red tick. Rows are put on one
 * axis by a per-row scale the caller chooses (a target relative to its published figure, an
 * assumption relative to its prior interval). Data: src/data/posterior.json.ts.
 */
import * as Plot from "npm:@observablehq/plot";

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
  return Plot.plot({
    width,
    height: 50 + 40 * rows.length,
    marginLeft: 10,
    marginRight: 20,
    x: { label: axisLabel, tickFormat, domain, grid: true },
    // The label above its row (no y axis), so long names are never cut on a phone.
    y: { axis: null, label: null, domain: rows.map((r) => r.label), padding: 0.5 },
    color: { domain: legend, range: ["#bbb", "#1f5f8b", "#d62728"].slice(0, legend.length), legend: true },
    marks: [
      Plot.barX(rows, { y: "label", x1: (r: IntervalRow) => clip(r.prior[0]), x2: (r: IntervalRow) => clip(r.prior[1]), fill: () => priorLabel, insetTop: 2, insetBottom: 2 }),
      Plot.barX(rows, { y: "label", x1: (r: IntervalRow) => clip(r.posterior[0]), x2: (r: IntervalRow) => clip(r.posterior[2]), fill: () => posteriorLabel, insetTop: 6, insetBottom: 6 }),
      Plot.tickX(rows, { y: "label", x: (r: IntervalRow) => clip(r.posterior[1]), stroke: "white", strokeWidth: 2, insetTop: 6, insetBottom: 6 }),
      Plot.tickX(rows.filter((r) => r.published !== undefined), { y: "label", x: (r: IntervalRow) => clip(r.published!), stroke: () => publishedLabel!, strokeWidth: 2.5 }),
      Plot.text(rows, { y: "label", frameAnchor: "left", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -9, fontSize: 11 }),
      Plot.tip(rows, Plot.pointerY({ y: "label", x: (r: IntervalRow) => clip(r.posterior[1]), title: "tip" })),
    ],
  }) as HTMLElement | SVGSVGElement;
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
