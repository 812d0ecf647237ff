/**
 * Chart: the national coverage gap — new-form workers in occupational-injury protection against
 * the whole workforce, one bar per dated figure. Figures come from data/figures.csv (seed 001
 * line 431–432 and MOHRSS releases).
 */
import * as Plot from "npm:@observablehq/plot";

export interface CoverageBar {
  /** Label of the bar (date and what it counts). */
  label: string;
  /** Head count, persons. */
  value: number;
  /** "covered" or "workforce". */
  group: "covered" | "workforce";
  /** Citation shown in the tooltip. */
  source: string;
}

/** Formats a head count in 万 as Chinese readers expect (8400 万, 668 万). */
export function wan(value: number): string {
  const w = value / 1e4;
  return `${Number.isInteger(w) ? w : w.toFixed(2).replace(/\.?0+$/, "")} 万`;
}

export function coverageGapChart(bars: CoverageBar[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const workforce = bars.find((b) => b.group === "workforce")?.value ?? 0;
  return Plot.plot({
    width,
    height: 60 + 48 * bars.length,
    marginLeft: 140,
    marginRight: 70,
    x: { label: "persons (万) →", transform: (d: number) => d / 1e4, grid: true },
    y: { label: null, domain: bars.map((b) => b.label) },
    color: { domain: ["workforce", "covered"], range: ["#bab0ac", "#4e79a7"] },
    marks: [
      Plot.barX(bars, { y: "label", x: "value", fill: "group", tip: { format: { fill: false } }, title: (d: CoverageBar) => `${d.label}\n${wan(d.value)}\n${d.source}` }),
      Plot.text(bars, {
        y: "label",
        x: "value",
        text: (d: CoverageBar) => (d.group === "covered" && workforce > 0 ? `${wan(d.value)} · ${((100 * d.value) / workforce).toFixed(1)} %` : wan(d.value)),
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  }) as SVGSVGElement | HTMLElement;
}
