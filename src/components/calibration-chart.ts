/**
 * Chart: each published figure's relative error in the model (model / target − 1) as a dot, with
 * its documented tolerance as a band — one row per target. Data: the calibration results of the
 * shipped scenarios (src/data/summaries.json.ts → src/sim/calibrate.ts).
 */
import * as Plot from "npm:@observablehq/plot";
import { fitLabel } from "./chart-text.js";

export interface CalibrationPoint {
  label: string;
  relError: number;
  tolerance: number;
  relation: "equal" | "atMost";
  pass: boolean;
}

export function calibrationChart(points: readonly CalibrationPoint[], { width, passLabel, failLabel, axisLabel }: { width: number; passLabel: string; failLabel: string; axisLabel: string }): HTMLElement | SVGSVGElement {
  const extent = Math.max(0.02, ...points.map((p) => Math.max(Math.abs(p.relError), p.tolerance))) * 1.15;
  return Plot.plot({
    width,
    height: 60 + 44 * points.length,
    marginLeft: 10,
    marginRight: 20,
    x: { label: axisLabel, tickFormat: (d: number) => `${(100 * d).toFixed(1)}%`, domain: [-extent, extent], grid: true },
    // Each figure's name above its row (no y axis), so long names are never cut on a phone.
    y: { axis: null, label: null, domain: points.map((p) => p.label), padding: 0.45 },
    color: { domain: [passLabel, failLabel], range: ["#1b9e77", "#d95f02"], legend: true },
    marks: [
      Plot.barX(points, { y: "label", x1: (d: CalibrationPoint) => (d.relation === "atMost" ? -extent : -d.tolerance), x2: (d: CalibrationPoint) => d.tolerance, fill: "#999", fillOpacity: 0.2 }),
      Plot.ruleX([0]),
      Plot.text(points, { y: "label", frameAnchor: "left", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -9, fontSize: 11, ...fitLabel(width, { fontSize: 11, left: 10, right: 20 }) }),
      Plot.dot(points, { y: "label", x: (d: CalibrationPoint) => Math.max(-extent, Math.min(extent, d.relError)), fill: (d: CalibrationPoint) => (d.pass ? passLabel : failLabel), r: 5, tip: true, title: (d: CalibrationPoint) => `${d.label}\n${(100 * d.relError).toFixed(2)} % (± ${(100 * d.tolerance).toFixed(1)} %)` }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
