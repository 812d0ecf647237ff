/**
 * Compare anything (issue 14): one option of a scenario against one option of another scenario (or
 * of the same one), every metric of the last simulated year side by side with the difference and
 * its uncertainty. Pure and browser-safe.
 *
 * Two runs are paired on common random numbers only where their populations match — the same
 * seed, the same cells (population), the same number of years: the engine derives each
 * replicate's streams from (seed, replicate) and a child per (cell, purpose) (src/sim/run.ts), so
 * replicate r of both runs enrols from the same draws and draws the same claims, and the
 * difference per replicate is what is summarised (as compareOptions does for two options of one
 * run, src/sim/summary.ts). Otherwise the comparison is labelled unpaired: the difference of the
 * two means with the standard error of two independent samples, √(se_a² + se_b²), and the 5–95 %
 * interval and P(b − a > 0) of the difference of two *independent* outcomes — replicate i of A
 * against replicate i + 1 of B (cyclically): different replicates draw from different streams
 * (assumptions and claims alike), so these pairs are independent even when the seed is the same
 * and only the populations differ (where replicate i of both runs would share some draws). Wider
 * than a paired interval: it carries both runs' sampling and parameter spread.
 */
import type { Bilingual } from "../vocabulary/text.js";
import { PAYERS, COST_PAYERS, type ReplicateRow } from "./ledger.js";
import type { Scenario } from "./scenario.js";
import { compareOptions, describeValues, metricsFor, metricValue } from "./summary.js";

/** Whether two runs can be paired by replicate, and if not, why (one reason per difference). */
export interface Pairing {
  paired: boolean;
  reasons: Bilingual[];
}

/** JSON with object keys sorted, so two equal populations give the same text whatever their key order. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x !== null && typeof x === "object") {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(x);
}

/**
 * Runs of `a` (seed `seedA`) and `b` (seed `seedB`) are paired when the seeds, the populations
 * (cells or grid, compared as canonical JSON after parsing) and the years are the same.
 */
export function pairing(a: Pick<Scenario, "population" | "years">, seedA: number, b: Pick<Scenario, "population" | "years">, seedB: number): Pairing {
  const reasons: Bilingual[] = [];
  if (seedA !== seedB) reasons.push({ zh: `随机数种子不同(${seedA} 与 ${seedB})`, en: `different seeds (${seedA} and ${seedB})` });
  if (canonical(a.population) !== canonical(b.population)) reasons.push({ zh: "人群(单元格)不同", en: "different populations (cells)" });
  if (a.years !== b.years) reasons.push({ zh: `模拟年数不同(${a.years} 与 ${b.years})`, en: `different numbers of years (${a.years} and ${b.years})` });
  return { paired: reasons.length === 0, reasons };
}

/** One metric of the comparison: b − a. */
export interface MetricComparison {
  metric: string;
  meanA: number | null;
  meanB: number | null;
  /** Mean of the per-replicate differences (paired) or difference of the means (unpaired). */
  difference: number | null;
  /** Monte Carlo standard error of `difference`: sd(d)/√n paired, √(se_a² + se_b²) unpaired. */
  se: number | null;
  /** 5 % and 95 % quantiles of the per-replicate difference (paired) or of independent differences (unpaired). */
  q05: number | null;
  q95: number | null;
  /** Share of those differences where b − a > 0. */
  pPositive: number | null;
  /** Replicates used: pairs (paired) or the smaller of the two samples (unpaired). */
  n: number;
}

export interface ScenarioComparison {
  paired: boolean;
  reasons: Bilingual[];
  /** The last simulated year of each run (the one compared). */
  yearA: number;
  yearB: number;
  metrics: MetricComparison[];
}

function lastYearRows(rows: readonly ReplicateRow[], option: string, side: string): { year: number; rows: ReplicateRow[] } {
  const own = rows.filter((r) => r.option === option);
  if (own.length === 0) {
    const known = [...new Set(rows.map((r) => r.option))].join(", ");
    throw new Error(`compareRuns: no rows for option "${option}" of run ${side} (options: ${known})`);
  }
  const year = Math.max(...own.map((r) => r.year));
  return { year, rows: own.filter((r) => r.year === year).sort((x, y) => x.replicate - y.replicate) };
}

/**
 * b − a over independent pairs: replicate i of A (rows by replicate) against replicate i + 1 of B,
 * cyclically over the first n = min(|A|, |B|) of each; null where either value is missing. Empty
 * when n < 2 (one replicate has no other to pair with).
 */
export function independentDifferences(a: readonly ReplicateRow[], b: readonly ReplicateRow[], metric: string): (number | null)[] {
  const n = Math.min(a.length, b.length);
  if (n < 2) return [];
  return Array.from({ length: n }, (_, i) => {
    const x = metricValue(a[i]!, metric);
    const y = metricValue(b[(i + 1) % n]!, metric);
    return x === null || y === null || x === undefined || y === undefined ? null : y - x;
  });
}

/**
 * Compares option `optionB` of run B against option `optionA` of run A in each run's last year.
 * With `pair.paired`, rows are paired by replicate (through compareOptions); otherwise the two
 * samples are summarised apart.
 */
export function compareRuns(rowsA: readonly ReplicateRow[], optionA: string, rowsB: readonly ReplicateRow[], optionB: string, pair: Pairing): ScenarioComparison {
  const a = lastYearRows(rowsA, optionA, "A");
  const b = lastYearRows(rowsB, optionB, "B");
  if (pair.paired) {
    // Relabel the two options so one row set holds both, then pair by (replicate, year).
    const rows = [...a.rows.map((r) => ({ ...r, option: "\u0000a" })), ...b.rows.map((r) => ({ ...r, option: "\u0000b", year: a.year }))];
    const c = compareOptions(rows, "\u0000a", "\u0000b").find((x) => x.year === a.year)!;
    return {
      paired: true,
      reasons: [],
      yearA: a.year,
      yearB: b.year,
      metrics: Object.values(c.metrics).map((m) => ({ metric: m.metric, meanA: m.meanA, meanB: m.meanB, difference: m.mean, se: m.mcse, q05: m.q05, q95: m.q95, pPositive: m.pPositive, n: m.n })),
    };
  }
  const all = [...a.rows, ...b.rows];
  const payers = PAYERS.filter((p) => all.some((r) => r.subsidies[p] !== 0));
  const costPayers = COST_PAYERS.filter((p) => all.some((r) => r.costs[p] !== 0));
  const metrics = metricsFor(payers, costPayers).map((metric): MetricComparison => {
    const da = describeValues(a.rows.map((r) => metricValue(r, metric)));
    const db = describeValues(b.rows.map((r) => metricValue(r, metric)));
    const difference = da.mean !== null && db.mean !== null ? db.mean - da.mean : null;
    const se = da.mcse !== null && db.mcse !== null ? Math.sqrt(da.mcse * da.mcse + db.mcse * db.mcse) : null;
    const diffs = independentDifferences(a.rows, b.rows, metric);
    const d = describeValues(diffs);
    const positive = d.n > 0 ? diffs.filter((x) => x !== null && x > 0).length / d.n : null;
    return { metric, meanA: da.mean, meanB: db.mean, difference, se, q05: d.q05, q95: d.q95, pPositive: positive, n: Math.min(da.n, db.n) };
  });
  return { paired: false, reasons: pair.reasons, yearA: a.year, yearB: b.year, metrics };
}
