/**
 * Charts of a merged sweep (src/sim/sweep-results.ts): the feasible region of a design — for a
 * two-factor grid a heat map of P(low ≤ loss ratio ≤ high) with the feasible cells outlined, else
 * that probability against the first numeric factor — and Sobol first-order and total-effect
 * indices with their bootstrap intervals, one row per factor; for a design with groups (sectors,
 * province groups) P(in band) against the first factor, one line per group; and who pays the
 * premium at each level of a subsidy share (stacked bars by payer). Pure functions of their data.
 */
import * as Plot from "npm:@observablehq/plot";
import type { FeasiblePoint } from "../sim/sweep-results.js";
import { payerColour } from "../vocabulary/payers.js";
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
      // The ramp legend's end labels (0 %, 100 %) are centred on its ends: room on both sides.
      color: { type: "linear", domain: [0, 1], scheme: "blues", label: text.pIn, legend: true, tickFormat: (d: number) => pct(d), ...({ width: 272, marginLeft: 14, marginRight: 18 } as object) },
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
    // Room for the x label, anchored at the right end of the axis.
    marginRight: 24,
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
    height: 72 + 56 * factors.length,
    marginLeft: 10,
    marginRight: 20,
    // Room above the first row for its name (printed 14 px above the row's line).
    marginTop: 32,
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

export interface GroupLine {
  /** The group's label (a legend entry). */
  group: string;
  points: readonly FeasiblePoint[];
}

/**
 * P(low ≤ loss ratio ≤ high) against the first factor, one line per group (e.g. per sector), with
 * the confidence as a dashed rule: a group's rate is feasible where its line is on or above it.
 */
export function groupChart(lines: readonly GroupLine[], { width, xLabel, confidence, text, tip }: { width: number; xLabel: string; confidence: number; text: { pIn: string }; tip: (group: string, p: FeasiblePoint) => string }): HTMLElement | SVGSVGElement {
  const rows = lines.flatMap((l) => l.points.map((p) => ({ group: l.group, x: p.values[0] as number, pIn: p.pIn, p })));
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 48,
    marginRight: 24,
    x: { label: xLabel, tickFormat: num, grid: true },
    y: { label: text.pIn, domain: [0, 1], tickFormat: (d: number) => pct(d), grid: true },
    color: { domain: lines.map((l) => l.group), scheme: "observable10", legend: true },
    marks: [
      Plot.ruleY([confidence], { stroke: "#d95f02", strokeDasharray: "4 3" }),
      Plot.line(rows, { x: "x", y: "pIn", stroke: "group", strokeWidth: 1.5 }),
      Plot.dot(rows, { x: "x", y: "pIn", fill: "group", r: 3, title: (d: { group: string; p: FeasiblePoint }) => tip(d.group, d.p) }),
    ],
  }) as HTMLElement | SVGSVGElement;
}

export interface PayerBar {
  /** The bar's label (e.g. a subsidy share). */
  bar: string;
  /** A payer id of src/vocabulary/payers.ts (its colour), and its label in the page's language. */
  payer: string;
  label: string;
  /** 亿元 a year. */
  amount: number;
}

/** Who pays, per bar (e.g. per subsidy share): stacked amounts by payer, in the payers' own colours. */
export function payerChart(rows: readonly PayerBar[], { width, xLabel, yLabel }: { width: number; xLabel: string; yLabel: string }): HTMLElement | SVGSVGElement {
  const labels = [...new Set(rows.map((r) => r.label))];
  const colours = labels.map((l) => payerColour(rows.find((r) => r.label === l)!.payer));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.bar, (totals.get(r.bar) ?? 0) + r.amount);
  const max = Math.max(0, ...totals.values());
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 56,
    x: { label: xLabel, domain: [...new Set(rows.map((r) => r.bar))] },
    y: { label: yLabel, grid: true },
    color: { domain: labels, range: colours, legend: true },
    marks: [
      Plot.barY(rows, { x: "bar", y: "amount", fill: "label", stroke: "white", strokeWidth: 1.5, title: (d: PayerBar) => `${d.label}: ${d.amount.toFixed(1)}` }),
      // Each part's amount inside it (parts too thin to hold a label are left to the tooltip).
      Plot.text(rows, Plot.stackY({ x: "bar", y: "amount", z: "label", text: (d: PayerBar) => (d.amount >= 0.08 * max ? d.amount.toFixed(1) : ""), fill: "white", fontSize: 11 })),
      Plot.ruleY([0]),
    ],
  }) as HTMLElement | SVGSVGElement;
}
