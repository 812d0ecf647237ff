/**
 * Charts of a merged sweep (src/sim/sweep-results.ts): the feasible region of a design — for a
 * two-factor grid a heat map of P(low ≤ loss ratio ≤ high) with the feasible cells outlined, else
 * that probability against the first numeric factor — and Sobol first-order and total-effect
 * indices with their bootstrap intervals, one row per factor. Pure functions of their data.
 */
import * as Plot from "npm:@observablehq/plot";
import type { FeasiblePoint } from "../sim/sweep-results.js";
import type { SobolResult } from "../sim/sobol.js";

export interface FeasibleChartOptions {
  width: number;
  /** Factor labels, in the design's order. */
  labels: readonly string[];
  confidence: number;
  /** Legend / tooltip words. */
  text: { pIn: string; feasible: string; meanLossRatio: string };
}

const pct = (p: number): string => `${Math.round(100 * p)}%`;
const num = (x: number | string): string => (typeof x === "number" ? String(Number(x.toPrecision(4))) : x);

/** True when the points form a full grid over two factors (a heat map fits). */
export function isTwoFactorGrid(points: readonly FeasiblePoint[]): boolean {
  if (points.length === 0 || points[0]!.values.length !== 2) return false;
  const a = new Set(points.map((p) => String(p.values[0])));
  const b = new Set(points.map((p) => String(p.values[1])));
  return a.size * b.size === points.length;
}

export function feasibleChart(points: readonly FeasiblePoint[], { width, labels, confidence, text }: FeasibleChartOptions): HTMLElement | SVGSVGElement {
  const tip = (d: FeasiblePoint) =>
    `${d.values.map((v, i) => `${labels[i]}: ${num(v)}`).join("\n")}\n${text.pIn}: ${pct(d.pIn)}${d.feasible ? ` (${text.feasible})` : ""}\n${text.meanLossRatio}: ${d.mean.toFixed(3)} (${d.q05.toFixed(2)}–${d.q95.toFixed(2)})`;
  if (isTwoFactorGrid(points)) {
    const xs = [...new Set(points.map((p) => p.values[1]!))];
    const ys = [...new Set(points.map((p) => p.values[0]!))];
    const narrow = width < 600;
    return Plot.plot({
      width,
      height: Math.max(220, 40 + 26 * ys.length + (narrow ? 40 : 0)),
      marginLeft: 56,
      marginBottom: narrow ? 60 : 44,
      padding: 0.04,
      x: { label: labels[1], domain: xs, tickFormat: num, tickRotate: narrow ? -45 : 0 },
      y: { label: labels[0], domain: ys, tickFormat: num, reverse: true },
      color: { type: "linear", domain: [0, 1], scheme: "blues", label: text.pIn, legend: true, tickFormat: (d: number) => pct(d) },
      marks: [
        Plot.cell(points, { x: (d: FeasiblePoint) => d.values[1], y: (d: FeasiblePoint) => d.values[0], fill: "pIn", inset: 0.5, title: tip }),
        Plot.cell(points.filter((d) => d.feasible), { x: (d: FeasiblePoint) => d.values[1], y: (d: FeasiblePoint) => d.values[0], stroke: "#d95f02", strokeWidth: 2.5, inset: 1.5, fill: "none" }),
        ...(narrow ? [] : [Plot.text(points, { x: (d: FeasiblePoint) => d.values[1], y: (d: FeasiblePoint) => d.values[0], text: (d: FeasiblePoint) => pct(d.pIn), fill: (d: FeasiblePoint) => (d.pIn > 0.55 ? "white" : "black"), fontSize: 10 })]),
      ],
    }) as HTMLElement | SVGSVGElement;
  }
  const i = Math.max(0, points[0]?.values.findIndex((v) => typeof v === "number") ?? 0);
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 48,
    x: { label: labels[i], tickFormat: num },
    y: { label: text.pIn, domain: [0, 1], tickFormat: (d: number) => pct(d), grid: true },
    color: { domain: [text.feasible], range: ["#d95f02"], legend: true },
    marks: [
      Plot.ruleY([confidence], { stroke: "#d95f02", strokeDasharray: "4 3" }),
      Plot.dot(points, { x: (d: FeasiblePoint) => d.values[i], y: "pIn", r: 3, fill: (d: FeasiblePoint) => (d.feasible ? text.feasible : null), stroke: "#555", title: tip }),
    ],
  }) as HTMLElement | SVGSVGElement;
}

export interface SobolRow {
  factor: string;
  kind: string;
  estimate: number;
  lo: number;
  hi: number;
}

/** The indices as rows: per factor, its first-order and total-effect estimate and interval. */
export function sobolRows(result: SobolResult, labels: readonly string[], kinds: { first: string; total: string }): SobolRow[] {
  return labels.flatMap((factor, i) => [
    { factor, kind: kinds.first, ...result.first[i]! },
    { factor, kind: kinds.total, ...result.total[i]! },
  ]);
}

export function sobolChart(rows: readonly SobolRow[], { width, axisLabel, kinds }: { width: number; axisLabel: string; kinds: { first: string; total: string } }): HTMLElement | SVGSVGElement {
  const factors = [...new Set(rows.map((r) => r.factor))];
  return Plot.plot({
    width,
    height: 60 + 56 * factors.length,
    marginLeft: 10,
    marginRight: 20,
    x: { label: axisLabel, domain: [Math.min(0, ...rows.map((r) => r.lo)), Math.max(1, ...rows.map((r) => r.hi))], grid: true },
    // Each factor's name above its row (no y axis), so long names are never cut on a phone.
    y: { axis: null, domain: factors, padding: 0.3 },
    color: { domain: [kinds.first, kinds.total], range: ["#0072b2", "#d55e00"], legend: true },
    marks: [
      Plot.ruleX([0]),
      Plot.text(factors, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", textAnchor: "start", lineAnchor: "bottom", dy: -14, fontSize: 11 }),
      // First-order above, total effect below each factor's line (dy is a constant per mark).
      ...([[kinds.first, -4], [kinds.total, 4]] as const).flatMap(([kind, dy]) => {
        const part = rows.filter((r) => r.kind === kind);
        return [
          Plot.link(part, { y1: "factor", y2: "factor", x1: "lo", x2: "hi", stroke: "kind", dy, strokeWidth: 2 }),
          Plot.dot(part, { y: "factor", x: "estimate", fill: "kind", dy, r: 4, title: (d: SobolRow) => `${d.factor}\n${d.kind}: ${d.estimate.toFixed(3)} [${d.lo.toFixed(3)}, ${d.hi.toFixed(3)}]` }),
        ];
      }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
