/**
 * Chart: the national coverage gap — new-form workers in occupational-injury protection against
 * the whole workforce, one bar per dated figure. Figures come from data/figures.csv (seed 001
 * line 431–432 and MOHRSS releases). Each bar's label sits above it (no y axis to collide with the
 * ticks), and the value label goes inside a bar that reaches the right edge, so nothing is cut.
 */
import * as Plot from "npm:@observablehq/plot";
import { formatCompact } from "../vocabulary/index.js";

export interface CoverageBar {
  /** Label of the bar (date and what it counts), in the page's language. */
  label: string;
  /** Head count, persons. */
  value: number;
  /** "covered" or "workforce". */
  group: "covered" | "workforce";
  /** Citation shown in the tooltip. */
  source: string;
}

/** Head count for the value labels: 668万 in Chinese, 6.68M in English (the vocabulary's compact formatter). */
function count(value: number, lang: "zh" | "en"): string {
  return formatCompact(value, lang);
}

export function coverageGapChart(bars: CoverageBar[], { width, lang = "zh" }: { width: number; lang?: "zh" | "en" }): SVGSVGElement | HTMLElement {
  const workforce = bars.find((b) => b.group === "workforce")?.value ?? 0;
  const max = Math.max(...bars.map((b) => b.value));
  const step = 58;
  const valueText = (d: CoverageBar) => (d.group === "covered" && workforce > 0 ? `${count(d.value, lang)} · ${((100 * d.value) / workforce).toFixed(1)} %` : count(d.value, lang));
  // A bar longer than 70 % of the axis carries its label inside (white on the bar).
  const inside = (d: CoverageBar) => d.value > 0.7 * max;
  return Plot.plot({
    width,
    height: 40 + step * bars.length,
    marginLeft: 10,
    marginRight: 20,
    marginTop: 10,
    x: { label: lang === "zh" ? "人数 →" : "persons →", tickFormat: (d: number) => formatCompact(d, lang), grid: true, ticks: Math.max(3, Math.floor(width / 110)) },
    y: { axis: null, domain: bars.map((b) => b.label), padding: 0.5 },
    color: { domain: ["workforce", "covered"], range: ["#bab0ac", "#4e79a7"] },
    marks: [
      Plot.barX(bars, { y: "label", x: "value", fill: "group", tip: { format: { fill: false } }, title: (d: CoverageBar) => `${d.label}\n${count(d.value, lang)}\n${d.source}` }),
      Plot.text(bars, { y: "label", x: 0, text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -step / 4 - 3, fontWeight: 600 }),
      Plot.text(bars.filter((d) => !inside(d)), { y: "label", x: "value", text: valueText, textAnchor: "start", dx: 4 }),
      Plot.text(bars.filter(inside), { y: "label", x: "value", text: valueText, textAnchor: "end", dx: -6, fill: "white" }),
      Plot.ruleX([0]),
    ],
  }) as SVGSVGElement | HTMLElement;
}
