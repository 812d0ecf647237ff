/**
 * Compare: a baseline and a reform (or two options of one scenario), every metric with its
 * difference and uncertainty. The two are simulated in one run, so they share random numbers
 * (common random numbers): the paired difference per replicate reflects the change, not chance.
 */
import * as Plot from "npm:@observablehq/plot";
import type { ReplicateRow } from "../sim/run.js";
import { compareOptions, type OptionComparison } from "../sim/summary.js";
import { formatAmount, t, type Lang } from "./i18n.js";
import { payerLabel, paysForOwnWorkers } from "../vocabulary/index.js";
import { fitLabel } from "./chart-text.js";

const METRIC_LABEL: Record<string, { zh: string; en: string }> = {
  enrolled: { zh: "参保人数", en: "enrolled" },
  coverage: { zh: "参保率", en: "take-up" },
  gross: { zh: "保费收入(元)", en: "premium income (yuan)" },
  net: { zh: "个人实付(元)", en: "paid by the insured (yuan)" },
  subsidy_total: { zh: "他人付的保费合计(元，含补贴和平台/雇主缴费)", en: "premium paid by others (yuan: subsidies and platform / employer contributions)" },
  claims: { zh: "理赔件数", en: "claims" },
  benefits: { zh: "赔付(元)", en: "benefits (yuan)" },
  admin: { zh: "管理费用(元)", en: "administration (yuan)" },
  lossRatio: { zh: "赔付率", en: "loss ratio" },
  benefitPerEnrollee: { zh: "人均赔付(元)", en: "benefit per enrollee (yuan)" },
  // The cash basis beside the present value (src/sim/summary.ts, docs/methods: issue 12).
  cashBenefits: { zh: "赔付(元，现金口径)", en: "benefits (yuan, cash basis)" },
  cashLossRatio: { zh: "赔付率(现金口径)", en: "loss ratio (cash basis)" },
};

export function metricLabel(metric: string, lang: Lang): string {
  if (METRIC_LABEL[metric]) return t(METRIC_LABEL[metric]!, lang);
  if (metric.startsWith("subsidy_")) {
    const payer = metric.slice(8);
    // Platforms and employers pay for their own workers: a contribution, not a subsidy.
    return paysForOwnWorkers(payer)
      ? t({ zh: `${payerLabel(payer, "zh")}缴费(元)`, en: `paid by the ${payerLabel(payer, "en")} (yuan)` }, lang)
      : t({ zh: `${payerLabel(payer, "zh")}补贴(元)`, en: `${payerLabel(payer, "en")} subsidy (yuan)` }, lang);
  }
  if (metric.startsWith("cost_")) {
    // The employer's or platform's own cost of benefits outside the payout (src/sim/summary.ts).
    const payer = metric.slice(5);
    return t({ zh: `${payerLabel(payer, "zh")}自付的待遇成本(元)`, en: `benefit cost borne by the ${payerLabel(payer, "en")} (yuan)` }, lang);
  }
  return metric;
}

export interface DifferenceRow {
  metric: string;
  label: string;
  a: number | null;
  b: number | null;
  difference: number | null;
  mcse: number | null;
  q05: number | null;
  q95: number | null;
  pPositive: number | null;
}

/** The last year's comparison of b against a, one row per metric. */
export function differenceRows(rows: readonly ReplicateRow[], a: string, b: string, lang: Lang): { comparison: OptionComparison; rows: DifferenceRow[] } {
  const comparisons = compareOptions(rows, a, b);
  const comparison = comparisons[comparisons.length - 1]!;
  return {
    comparison,
    rows: Object.values(comparison.metrics).map((m) => ({
      metric: m.metric,
      label: metricLabel(m.metric, lang),
      a: m.meanA,
      b: m.meanB,
      difference: m.mean,
      mcse: m.mcse,
      q05: m.q05,
      q95: m.q95,
      pPositive: m.pPositive,
    })),
  };
}

export function formatMetric(metric: string, v: number | null, lang: Lang): string {
  if (v === null) return "—";
  if (metric === "coverage" || metric === "lossRatio" || metric === "cashLossRatio") return `${(100 * v).toFixed(2)} %`;
  return formatAmount(v, lang);
}

/** Relative change (b − a)/a with the 5–95 % interval of the paired difference, per metric. */
export function differenceChart(rows: readonly DifferenceRow[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const data = rows
    .filter((r) => r.a !== null && r.a !== 0 && r.difference !== null)
    .map((r) => ({ label: r.label, rel: r.difference! / Math.abs(r.a!), lo: (r.q05 ?? 0) / Math.abs(r.a!), hi: (r.q95 ?? 0) / Math.abs(r.a!) }));
  // Each metric's name above its interval (no y axis), so long names are never cut on a phone.
  const step = 44;
  return Plot.plot({
    width,
    height: 76 + step * data.length,
    marginLeft: 10,
    marginRight: 20,
    // Room above the first row for its name (printed above the interval).
    marginTop: 36,
    x: { label: t({ zh: "相对基准的变化 →", en: "change relative to the baseline →" }, lang), tickFormat: (d: number) => `${Math.round(100 * d)}%`, grid: true, ticks: Math.max(3, Math.floor(width / 110)) },
    y: { axis: null, domain: data.map((d) => d.label), padding: 0 },
    marks: [
      Plot.ruleX([0]),
      Plot.text(data, { y: "label", frameAnchor: "left", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -6, fontSize: 11, ...fitLabel(width, { fontSize: 11, left: 10, right: 20 }) }),
      Plot.ruleY(data, { y: "label", x1: "lo", x2: "hi", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.dot(data, { y: "label", x: "rel", fill: "#0072B2", r: 4, tip: true, title: (d: { label: string; rel: number }) => `${d.label}: ${(100 * d.rel).toFixed(1)} %` }),
    ],
  }) as HTMLElement | SVGSVGElement;
}
