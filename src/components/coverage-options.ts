/**
 * Chart: how many of China's 8400 万 new-form workers each policy option covers — the simulated
 * enrolment (median, with the 5–95 % interval) against the workforce (seed 001 l.431) and the
 * 668 万 covered in 2023-09 (l.432). Data: engine rows of the national scenario.
 */
import * as Plot from "npm:@observablehq/plot";
import type { ReplicateRow } from "../sim/run.js";
import { summarize } from "../sim/summary.js";
import { formatAmount, t, type Bilingual, type Lang } from "./i18n.js";
import { OKABE_ITO } from "./scenario-charts.js";
import { fitLabel } from "./chart-text.js";

export interface CoverageDatum {
  option: string;
  q05: number;
  q50: number;
  q95: number;
}

export function coverageData(rows: readonly ReplicateRow[], options: readonly { id: string; label: Bilingual | string }[], lang: Lang): CoverageDatum[] {
  return summarize(rows).map((s) => {
    const o = options.find((x) => x.id === s.option);
    const m = s.metrics["enrolled"]!;
    return { option: o ? (typeof o.label === "string" ? o.label : t(o.label, lang)) : s.option, q05: m.q05 ?? 0, q50: m.q50 ?? 0, q95: m.q95 ?? 0 };
  });
}

/**
 * Each option's name above its bar (no y axis: long names never crowd the ticks); the value label
 * after the interval, or inside the bar when the bar is long (nothing is cut at the right edge); the
 * workforce and 2023-09 reference lines are labelled in the top margin, clear of the axis.
 */
export function coverageOptionsChart(data: readonly CoverageDatum[], { width, lang, workforce, covered2023 }: { width: number; lang: Lang; workforce: number; covered2023: number }): HTMLElement | SVGSVGElement {
  const step = 64;
  const long = (d: CoverageDatum) => d.q95 > 0.6 * workforce;
  const label = (d: CoverageDatum) => `${formatAmount(d.q50, lang)} · ${((100 * d.q50) / workforce).toFixed(1)} %`;
  return Plot.plot({
    width,
    height: 70 + step * data.length,
    marginLeft: 10,
    marginRight: 16,
    marginTop: 30,
    x: { label: t({ zh: "人数 →", en: "persons →" }, lang), domain: [0, workforce * 1.02], tickFormat: (d: number) => formatAmount(d, lang), grid: true, ticks: Math.max(3, Math.floor(width / 120)) },
    y: { axis: null, domain: data.map((d) => d.option), padding: 0.5 },
    color: { domain: data.map((d) => d.option), range: OKABE_ITO },
    marks: [
      Plot.barX(data, { y: "option", x: "q50", fill: "option" }),
      Plot.ruleY(data, { y: "option", x1: "q05", x2: "q95", stroke: "currentColor", strokeWidth: 2 }),
      Plot.text(data, { y: "option", x: 0, text: "option", textAnchor: "start", lineAnchor: "bottom", dy: -step / 4 - 3, fontWeight: 600, ...fitLabel(width, { left: 10, right: 16 }) }),
      Plot.text(data.filter((d) => !long(d)), { y: "option", x: "q95", text: label, textAnchor: "start", dx: 6 }),
      Plot.text(data.filter(long), { y: "option", x: "q05", text: label, textAnchor: "end", dx: -6, fill: "white", stroke: "none" }),
      Plot.ruleX([workforce], { stroke: "#999", strokeDasharray: "4,3" }),
      Plot.text([workforce], { x: (d: number) => d, frameAnchor: "top", dy: -18, text: () => t({ zh: `${formatAmount(workforce, "zh")}劳动者`, en: `${formatAmount(workforce, "en")} workers` }, lang), textAnchor: "end" }),
      Plot.ruleX([covered2023], { stroke: "#D55E00", strokeDasharray: "2,2" }),
      Plot.text([covered2023], { x: (d: number) => d, frameAnchor: "top", dy: -18, text: () => t({ zh: `2023-09 已覆盖 ${formatAmount(covered2023, "zh")}`, en: `${formatAmount(covered2023, "en")} covered, 2023-09` }, lang), textAnchor: "start", dx: 2, fill: "#D55E00" }),
      Plot.ruleX([0]),
    ],
  }) as HTMLElement | SVGSVGElement;
}
