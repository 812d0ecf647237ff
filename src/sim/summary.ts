/**
 * Summaries of a run's replicate rows (pure, browser-safe): per (option, year) and metric the
 * mean, sample sd, Monte Carlo standard error of the mean, quantiles (simple-statistics
 * `quantileSorted`, numpy's linear "type 7" rule), min and max; P(loss ratio > 1) with its MC
 * error; the split of the spread of benefits, enrolment, premium and loss ratio into parameter
 * and process parts;
 * and paired comparisons of two options (replicates share random numbers across options, so the
 * per-replicate difference is the right thing to summarise).
 */
import { quantileSorted } from "simple-statistics";
import { COST_PAYERS, PAYERS, type ReplicateRow } from "./ledger.js";

/** Quantile levels reported for every metric. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95, 0.995] as const;
/** Keys of the quantiles in a summary, in the order of QUANTILES. */
export const QUANTILE_KEYS = ["q05", "q25", "q50", "q75", "q95", "q995"] as const;
export type QuantileKey = (typeof QUANTILE_KEYS)[number];

/**
 * Metrics always summarised (subsidy_<payer> metrics are added for payers with a non-zero total,
 * after net; cost_<payer>, the employer's or platform's cost of benefits outside the payout, for
 * payers with a non-zero cost, after benefits). cashBenefits and cashLossRatio are the cash basis.
 */
export const BASE_METRICS = ["enrolled", "coverage", "gross", "net", "subsidy_total", "claims", "benefits", "admin", "lossRatio", "benefitPerEnrollee", "cashBenefits", "cashLossRatio"] as const;

/** Distribution summary of one metric over replicates. Statistics are null when undefined (n = 0, or sd with n = 1). */
export interface Distribution extends Record<QuantileKey, number | null> {
  /** Replicates with a value. */
  n: number;
  /** Replicates whose value was null (e.g. loss ratio with no premium); not in the statistics. */
  nulls: number;
  mean: number | null;
  /** Sample standard deviation (n − 1). */
  sd: number | null;
  /** Monte Carlo standard error of the mean: sd / √n. */
  mcse: number | null;
  min: number | null;
  max: number | null;
}

export interface MetricSummary extends Distribution {
  metric: string;
}

/** P(loss ratio > 1) over the replicates with a loss ratio, and its binomial MC error √(p(1−p)/n). */
export interface Exceedance {
  threshold: number;
  p: number | null;
  mcse: number | null;
  n: number;
}

/**
 * Law of total variance: Var Y = Var E[Y|θ] + E Var[Y|θ]. The parameter part is the variance over
 * replicates of the conditional mean the engine reports (expectedBenefits / expectedEnrolled);
 * the process part is the mean of the analytic conditional variance (processVarBenefits) for
 * benefits, and for enrolment — for which the engine reports no conditional variance — the mean
 * squared residual (enrolled − expectedEnrolled)², an unbiased estimate of E Var[Y|θ].
 * Premium (gross): the parameter part is the variance of expectedGross, the process part the mean
 * squared residual (gross − expectedGross)², as for enrolment (issue 13). Loss ratio: the engine
 * reports no E[B/G | θ]; it is taken as E[B|θ] / E[G|θ] (first order in the delta method), the
 * parameter part its variance over replicates and the process part the mean squared residual of
 * the loss ratio around it ("residual-ratio"), over replicates with a premium (E[G|θ] > 0). The
 * two parts then add up to Var LR up to the ratio approximation's bias.
 */
export interface UncertaintySplit {
  metric: SplitMetric;
  /** sd of E[Y | θ] over replicates. */
  parameterSd: number | null;
  /** √(E Var[Y | θ]). */
  processSd: number | null;
  /** parameterSd² / (parameterSd² + processSd²). */
  parameterShare: number | null;
  /** How the process part was obtained. */
  processMethod: "analytic" | "residual" | "residual-ratio";
}

/** Metrics whose spread is split into parameter and process parts. */
export type SplitMetric = "benefits" | "enrolled" | "gross" | "lossRatio";

export interface GroupSummary {
  option: string;
  year: number;
  replicates: number;
  /** Payers with a non-zero subsidy total in this group, in PAYERS order. */
  payers: string[];
  metrics: Record<string, MetricSummary>;
  lossRatioAbove1: Exceedance;
  split: Record<SplitMetric, UncertaintySplit>;
}

/** Mean of a finite array (0 for none): plain summation in order, so results are reproducible. */
function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length > 0 ? s / xs.length : 0;
}

/** Sample variance (two-pass), null for fewer than two values. */
function sampleVariance(xs: ArrayLike<number>): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    s += d * d;
  }
  return s / (xs.length - 1);
}

/** Summarises values (nulls are counted and skipped; NaN counts as null too). */
export function describeValues(values: readonly (number | null | undefined)[]): Distribution {
  const xs: number[] = [];
  let nulls = 0;
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) nulls++;
    else xs.push(v);
  }
  const n = xs.length;
  const sorted = Float64Array.from(xs).sort();
  const sortedArr = Array.from(sorted);
  const variance = sampleVariance(xs);
  const sd = variance === null ? null : Math.sqrt(variance);
  const out = {
    n,
    nulls,
    mean: n > 0 ? mean(xs) : null,
    sd,
    mcse: sd === null ? null : sd / Math.sqrt(n),
    min: n > 0 ? sorted[0]! : null,
    max: n > 0 ? sorted[n - 1]! : null,
  } as Distribution;
  QUANTILES.forEach((p, i) => {
    out[QUANTILE_KEYS[i]!] = n > 0 ? quantileSorted(sortedArr, p) : null;
  });
  return out;
}

/** The value of a metric in a row (subsidy_<payer>, subsidy_total or a row field). */
export function metricValue(row: ReplicateRow, metric: string): number | null {
  if (metric === "subsidy_total") {
    let s = 0;
    for (const p of PAYERS) s += row.subsidies[p];
    return s;
  }
  if (metric.startsWith("subsidy_")) {
    const payer = metric.slice("subsidy_".length) as keyof ReplicateRow["subsidies"];
    return row.subsidies[payer] ?? null;
  }
  if (metric.startsWith("cost_")) {
    const payer = metric.slice("cost_".length) as keyof ReplicateRow["costs"];
    return row.costs[payer] ?? null;
  }
  const v = (row as unknown as Record<string, unknown>)[metric];
  return typeof v === "number" ? v : null;
}

/** A reader of one metric's value, resolved once per metric (the same values as {@link metricValue}). */
export function metricReader(metric: string): (row: ReplicateRow) => number | null {
  if (Object.hasOwn(FIELD_READERS, metric)) return FIELD_READERS[metric]!;
  if (metric !== "subsidy_total" && metric.startsWith("subsidy_")) {
    const payer = metric.slice("subsidy_".length) as keyof ReplicateRow["subsidies"];
    return (row) => row.subsidies[payer] ?? null;
  }
  return (row) => metricValue(row, metric);
}

/** Direct readers of the row fields summarised as metrics. */
const FIELD_READERS: Record<string, (row: ReplicateRow) => number | null> = {
  enrolled: (r) => r.enrolled,
  coverage: (r) => r.coverage,
  gross: (r) => r.gross,
  net: (r) => r.net,
  claims: (r) => r.claims,
  benefits: (r) => r.benefits,
  admin: (r) => r.admin,
  lossRatio: (r) => r.lossRatio,
  benefitPerEnrollee: (r) => r.benefitPerEnrollee,
  cashBenefits: (r) => r.cashBenefits,
  cashLossRatio: (r) => r.cashLossRatio,
};

/** Payers whose subsidies sum to a non-zero amount over the rows, in PAYERS order. */
export function payersWithSubsidy(rows: readonly ReplicateRow[]): string[] {
  return PAYERS.filter((p) => rows.some((r) => r.subsidies[p] !== 0));
}

/** Payers whose employer/platform cost sums to a non-zero amount over the rows, in COST_PAYERS order. */
export function payersWithCost(rows: readonly ReplicateRow[]): string[] {
  return COST_PAYERS.filter((p) => rows.some((r) => r.costs[p] !== 0));
}

/** The metric list for a set of rows: base metrics with subsidy_<payer> inserted after net and cost_<payer> after benefits. */
export function metricsFor(payers: readonly string[], costPayers: readonly string[] = []): string[] {
  const i = BASE_METRICS.indexOf("subsidy_total");
  const j = BASE_METRICS.indexOf("benefits") + 1;
  return [...BASE_METRICS.slice(0, i), ...payers.map((p) => `subsidy_${p}`), ...BASE_METRICS.slice(i, j), ...costPayers.map((p) => `cost_${p}`), ...BASE_METRICS.slice(j)];
}

/** Groups rows by (option, year) in first-seen order of options and ascending year. */
function groups(rows: readonly ReplicateRow[]): { option: string; year: number; rows: ReplicateRow[] }[] {
  const map = new Map<string, { option: string; year: number; rows: ReplicateRow[] }>();
  for (const r of rows) {
    const key = `${r.option}\u0000${r.year}`;
    let g = map.get(key);
    if (!g) map.set(key, (g = { option: r.option, year: r.year, rows: [] }));
    g.rows.push(r);
  }
  const order = [...new Set(rows.map((r) => r.option))];
  return [...map.values()].sort((a, b) => order.indexOf(a.option) - order.indexOf(b.option) || a.year - b.year);
}

/** P(value > threshold) among non-null values, with its binomial MC error. */
export function exceedance(values: readonly (number | null)[], threshold = 1): Exceedance {
  let n = 0;
  let k = 0;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) continue;
    n++;
    if (v > threshold) k++;
  }
  if (n === 0) return { threshold, p: null, mcse: null, n };
  const p = k / n;
  return { threshold, p, mcse: Math.sqrt((p * (1 - p)) / n), n };
}

/** The parameter/process split of benefits, enrolment, premium or loss ratio over a group's rows. */
export function uncertaintySplit(rows: readonly ReplicateRow[], metric: SplitMetric): UncertaintySplit {
  const processMethod = metric === "benefits" ? "analytic" : metric === "lossRatio" ? "residual-ratio" : "residual";
  let expected: number[];
  let residuals: number[];
  if (metric === "lossRatio") {
    const used = rows.filter((r) => r.expectedGross > 0 && r.lossRatio !== null);
    expected = used.map((r) => r.expectedBenefits / r.expectedGross);
    residuals = used.map((r, i) => (r.lossRatio! - expected[i]!) ** 2);
  } else if (metric === "benefits") {
    expected = rows.map((r) => r.expectedBenefits);
    residuals = rows.map((r) => r.processVarBenefits);
  } else {
    const actual = metric === "gross" ? (r: ReplicateRow) => r.gross : (r: ReplicateRow) => r.enrolled;
    const conditional = metric === "gross" ? (r: ReplicateRow) => r.expectedGross : (r: ReplicateRow) => r.expectedEnrolled;
    expected = rows.map(conditional);
    residuals = rows.map((r) => (actual(r) - conditional(r)) ** 2);
  }
  const paramVar = sampleVariance(expected);
  const processVar = residuals.length > 0 ? mean(residuals) : null;
  const total = paramVar !== null && processVar !== null ? paramVar + processVar : null;
  return {
    metric,
    parameterSd: paramVar === null ? null : Math.sqrt(paramVar),
    processSd: processVar === null ? null : Math.sqrt(processVar),
    parameterShare: total === null ? null : total > 0 ? paramVar! / total : 0,
    processMethod,
  };
}

/** Summaries per (option, year), options in first-seen order. */
export function summarize(rows: readonly ReplicateRow[]): GroupSummary[] {
  return groups(rows).map((g) => {
    const payers = payersWithSubsidy(g.rows);
    const metrics: Record<string, MetricSummary> = {};
    for (const metric of metricsFor(payers, payersWithCost(g.rows))) {
      const read = metricReader(metric);
      metrics[metric] = { metric, ...describeValues(g.rows.map(read)) };
    }
    return {
      option: g.option,
      year: g.year,
      replicates: g.rows.length,
      payers,
      metrics,
      lossRatioAbove1: exceedance(g.rows.map((r) => r.lossRatio), 1),
      split: {
        benefits: uncertaintySplit(g.rows, "benefits"),
        enrolled: uncertaintySplit(g.rows, "enrolled"),
        gross: uncertaintySplit(g.rows, "gross"),
        lossRatio: uncertaintySplit(g.rows, "lossRatio"),
      },
    };
  });
}

export interface MetricDifference extends Distribution {
  metric: string;
  /** Means of each option over the paired replicates used. */
  meanA: number | null;
  meanB: number | null;
  /** P(b − a > 0) over the pairs. */
  pPositive: number | null;
}

export interface OptionComparison {
  a: string;
  b: string;
  year: number;
  /** Replicates present for both options. */
  pairs: number;
  /** Per metric: the distribution of the per-replicate paired difference b − a (pairs where either is null are skipped and counted as nulls). */
  metrics: Record<string, MetricDifference>;
}

/**
 * Compares option b against option a, pairing rows by (replicate, year): per metric the mean,
 * sd, MC error and quantiles of b − a. One comparison per year, ascending. Throws if either
 * option has no rows.
 */
export function compareOptions(rows: readonly ReplicateRow[], a: string, b: string): OptionComparison[] {
  const rowsA = rows.filter((r) => r.option === a);
  const rowsB = rows.filter((r) => r.option === b);
  const known = [...new Set(rows.map((r) => r.option))].join(", ");
  if (rowsA.length === 0) throw new Error(`compareOptions: no rows for option "${a}" (options: ${known})`);
  if (rowsB.length === 0) throw new Error(`compareOptions: no rows for option "${b}" (options: ${known})`);
  const years = [...new Set([...rowsA, ...rowsB].map((r) => r.year))].sort((x, y) => x - y);
  return years.map((year) => {
    const byRep = new Map<number, ReplicateRow>();
    for (const r of rowsA) if (r.year === year) byRep.set(r.replicate, r);
    const pairs: [ReplicateRow, ReplicateRow][] = [];
    for (const r of rowsB) {
      if (r.year !== year) continue;
      const ra = byRep.get(r.replicate);
      if (ra) pairs.push([ra, r]);
    }
    pairs.sort((x, y) => x[0].replicate - y[0].replicate);
    const payers = PAYERS.filter((p) => pairs.some(([x, y]) => x.subsidies[p] !== 0 || y.subsidies[p] !== 0));
    const costPayers = COST_PAYERS.filter((p) => pairs.some(([x, y]) => x.costs[p] !== 0 || y.costs[p] !== 0));
    const metrics: Record<string, MetricDifference> = {};
    for (const metric of metricsFor(payers, costPayers)) {
      const va: number[] = [];
      const vb: number[] = [];
      const diffs: (number | null)[] = [];
      for (const [ra, rb] of pairs) {
        const x = metricValue(ra, metric);
        const y = metricValue(rb, metric);
        if (x === null || y === null) {
          diffs.push(null);
          continue;
        }
        va.push(x);
        vb.push(y);
        diffs.push(y - x);
      }
      const d = describeValues(diffs);
      const positive = diffs.filter((v) => v !== null && v > 0).length;
      metrics[metric] = {
        metric,
        ...d,
        meanA: va.length > 0 ? mean(va) : null,
        meanB: vb.length > 0 ? mean(vb) : null,
        pPositive: d.n > 0 ? positive / d.n : null,
      };
    }
    return { a, b, year, pairs: pairs.length, metrics };
  });
}
