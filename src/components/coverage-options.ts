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

export function coverageOptionsChart(data: readonly CoverageDatum[], { width, lang, workforce, covered2023 }: { width: number; lang: Lang; workforce: number; covered2023: number }): HTMLElement | SVGSVGElement {
  return Plot.plot({
    width,
    height: 70 + 44 * data.length,
    marginLeft: Math.min(260, width * 0.4),
    marginRight: 80,
    x: { label: t({ zh: "人数 →", en: "persons →" }, lang), domain: [0, workforce * 1.02], tickFormat: (d: number) => formatAmount(d, lang), grid: true },
    y: { label: null, domain: data.map((d) => d.option) },
    color: { domain: data.map((d) => d.option), range: OKABE_ITO },
    marks: [
      Plot.barX(data, { y: "option", x: "q50", fill: "option" }),
      Plot.ruleY(data, { y: "option", x1: "q05", x2: "q95", stroke: "currentColor", strokeWidth: 2 }),
      Plot.text(data, { y: "option", x: "q50", text: (d: CoverageDatum) => `${formatAmount(d.q50, lang)} · ${((100 * d.q50) / workforce).toFixed(1)}%`, textAnchor: "start", dx: 6, dy: -10 }),
      Plot.ruleX([workforce], { stroke: "#999", strokeDasharray: "4,3" }),
      Plot.text([workforce], { x: (d: number) => d, frameAnchor: "top", dy: -2, text: () => t({ zh: "8400 万劳动者", en: "84 M workers" }, lang), textAnchor: "end" }),
      Plot.ruleX([covered2023], { stroke: "#D55E00", strokeDasharray: "2,2" }),
      Plot.text([covered2023], { x: (d: number) => d, frameAnchor: "bottom", dy: 2, text: () => t({ zh: "2023-09 已覆盖 668 万", en: "668 万 covered, 2023-09" }, lang), textAnchor: "start", dx: 4, fill: "#D55E00" }),
      Plot.ruleX([0]),
    ],
  }) as HTMLElement | SVGSVGElement;
}
