/**
 * Chart: each published figure's relative error in the model (model / target − 1) as a share of
 * its documented tolerance, one row per target of every calibrated scenario on one axis: the band
 * from −1 to +1 is "within tolerance" (a ceiling's band runs from the left edge to +1: any value
 * under the cap passes). One shared axis keeps the page short (issue 15) without squashing a
 * ±0.5 % tolerance beside a ±40 % one; the tooltip gives the error itself. Data: the calibration
 * results of the shipped scenarios (src/data/summaries.json.ts → src/sim/calibrate.ts).
 */
import * as Plot from "npm:@observablehq/plot";
import { fitLabel } from "./chart-text.js";

export interface CalibrationPoint {
  label: string;
  relError: number;
  tolerance: number;
  relation: "equal" | "atMost";
  pass: boolean;
  /** Extra tooltip lines (the scenario, the figures). */
  tip?: string;
}

/** Half-width of the axis in tolerances; errors beyond it are drawn at the edge. */
const EDGE = 1.5;

export function calibrationChart(points: readonly CalibrationPoint[], { width, passLabel, failLabel, axisLabel }: { width: number; passLabel: string; failLabel: string; axisLabel: string }): HTMLElement | SVGSVGElement {
  const left = 24;
  const right = 28;
  const share = (d: CalibrationPoint) => d.relError / d.tolerance;
  return Plot.plot({
    width,
    height: 60 + 40 * points.length,
    marginLeft: left,
    marginRight: right,
    x: { label: axisLabel, tickFormat: (d: number) => `${d > 0 ? "+" : ""}${(100 * d).toFixed(0)}%`, domain: [-EDGE, EDGE], ticks: [-1.5, -1, -0.5, 0, 0.5, 1, 1.5], grid: true },
    // Each figure's name above its row (no y axis), so long names are never cut on a phone.
    y: { axis: null, label: null, domain: points.map((p) => p.label), padding: 0.45 },
    color: { domain: [passLabel, failLabel], range: ["#1b9e77", "#d95f02"], legend: true },
    marks: [
      Plot.barX(points, { y: "label", x1: (d: CalibrationPoint) => (d.relation === "atMost" ? -EDGE : -1), x2: 1, fill: "#999", fillOpacity: 0.2 }),
      Plot.ruleX([0]),
      Plot.text(points, { y: "label", frameAnchor: "left", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -9, fontSize: 11, ...fitLabel(width, { fontSize: 11, left, right: right + 16 }) }),
      Plot.dot(points, {
        y: "label",
        x: (d: CalibrationPoint) => Math.max(-EDGE, Math.min(EDGE, share(d))),
        fill: (d: CalibrationPoint) => (d.pass ? passLabel : failLabel),
        r: 5,
        tip: true,
        title: (d: CalibrationPoint) => `${d.label}${d.tip ? `\n${d.tip}` : ""}\n${d.relError >= 0 ? "+" : ""}${(100 * d.relError).toFixed(2)} % (${d.relation === "atMost" ? "≤ +" : "± "}${(100 * d.tolerance).toFixed(1)} %)`,
      }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
