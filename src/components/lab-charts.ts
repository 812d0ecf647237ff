/**
 * Premium-lab charts: the sensitivity tornado (E[benefits] at each assumption's 5 % and 95 %
 * prior quantiles, the others at their point values) and the first-order variance indices with
 * their standard errors. Data: src/sim/sensitivity.ts results from the page's worker.
 */
import * as Plot from "npm:@observablehq/plot";
import type { OptionSensitivity } from "../sim/sensitivity.js";
import { formatAmount, t, type Lang } from "./i18n.js";
import { fitLabel } from "./chart-text.js";

export interface TornadoDatum {
  assumption: string;
  end: string;
  from: number;
  to: number;
}

export function tornadoData(s: OptionSensitivity, lang: Lang, names: Record<string, string> = {}): TornadoDatum[] {
  const base = s.tornado.base.expectedBenefits;
  return s.tornado.bars.flatMap((b) => [
    { assumption: names[b.assumption] ?? b.assumption, end: t({ zh: "5% 分位", en: "5 % quantile" }, lang), from: base, to: b.atLow.expectedBenefits },
    { assumption: names[b.assumption] ?? b.assumption, end: t({ zh: "95% 分位", en: "95 % quantile" }, lang), from: base, to: b.atHigh.expectedBenefits },
  ]);
}

export function tornadoChart(data: readonly TornadoDatum[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const order = [...new Set(data.map((d) => d.assumption))];
  const base = data[0]?.from ?? 0;
  return Plot.plot({
    width,
    height: 70 + 50 * order.length,
    marginLeft: 10,
    marginRight: 20,
    x: { label: t({ zh: "期望赔付(元) →", en: "expected benefits (yuan) →" }, lang), tickFormat: (d: number) => formatAmount(d, lang), grid: true, ticks: Math.max(3, Math.floor(width / 120)) },
    // Each assumption's name above its bar (no y axis), so long names are never cut on a phone.
    y: { axis: null, domain: order, padding: 0.45 },
    color: { range: ["#56B4E9", "#D55E00"], legend: true },
    marks: [
      Plot.barX(data, { y: "assumption", x1: "from", x2: "to", fill: "end", tip: true, title: (d: TornadoDatum) => `${d.assumption}\n${d.end}: ${formatAmount(d.to, lang)}` }),
      Plot.ruleX([base], { stroke: "currentColor" }),
      Plot.text(order, { y: (d: string) => d, frameAnchor: "left", text: (d: string) => d, textAnchor: "start", lineAnchor: "bottom", dy: -10, fontSize: 11, ...fitLabel(width, { fontSize: 11, left: 10, right: 20 }) }),
    ],
  }) as HTMLElement | SVGSVGElement;
}

export interface IndexDatum {
  assumption: string;
  index: number;
  lo: number;
  hi: number;
}

export function indexData(s: OptionSensitivity, names: Record<string, string> = {}): IndexDatum[] {
  return s.indices.expectedBenefits.indices.map((i) => ({ assumption: names[i.assumption] ?? i.assumption, index: i.index, lo: i.index - 2 * i.se, hi: i.index + 2 * i.se }));
}

export function indexChart(data: readonly IndexDatum[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  return Plot.plot({
    width,
    height: 60 + 46 * data.length,
    marginLeft: 10,
    marginRight: 20,
    x: { label: t({ zh: "一阶方差指数(± 2 标准误) →", en: "first-order variance index (± 2 s.e.) →" }, lang), domain: [Math.min(0, ...data.map((d) => d.lo)), Math.max(1, ...data.map((d) => d.hi))], grid: true },
    y: { axis: null, domain: data.map((d) => d.assumption), padding: 0.45 },
    marks: [
      Plot.barX(data, { y: "assumption", x: "index", fill: "#0072B2" }),
      Plot.text(data, { y: "assumption", frameAnchor: "left", text: "assumption", textAnchor: "start", lineAnchor: "bottom", dy: -10, fontSize: 11, ...fitLabel(width, { fontSize: 11, left: 10, right: 20 }) }),
      Plot.ruleY(data, { y: "assumption", x1: "lo", x2: "hi", stroke: "currentColor" }),
      Plot.ruleX([0]),
    ],
  }) as HTMLElement | SVGSVGElement;
}
