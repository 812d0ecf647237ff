/**
 * `puhui sweep analyse <sweep.duckdb>`: what the design was for.
 *  - a Saltelli design: Sobol first-order and total-effect indices (src/sim/sobol.ts) of the
 *    per-point mean loss ratio, gross premium and subsidy cost, with bootstrap intervals;
 *  - a grid or a Latin hypercube: the feasible region for a loss-ratio band and a confidence —
 *    the points where P(low ≤ loss ratio ≤ high) ≥ confidence over the replicates (from the
 *    database's `replicates` table, or else the shards' Parquet files if still in place).
 */
import { existsSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Io } from "./command.js";
import { UsageError } from "./errors.js";
import { intFlag, numberFlag, parseStrict, table } from "./args.js";
import { factorColumn, lit, partFiles, partList, quote } from "./sweep-store.js";
import { InputError } from "../../src/rules/input-error.js";
import { parseDesign, type Design } from "../../src/sim/design.js";
import { sobolIndices, splitSaltelli, type SobolResult } from "../../src/sim/sobol.js";

const SOBOL_METRICS = [
  { key: "lossRatio", label: "loss ratio" },
  { key: "gross", label: "gross premium" },
  { key: "subsidy_total", label: "subsidy cost" },
] as const;

interface AnalyseValues {
  option?: string;
  year?: string;
  bootstrap?: string;
  "loss-ratio"?: string;
  confidence?: string;
  json?: boolean;
}

async function rows(c: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await c.runAndReadAll(sql)).getRows();
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "–";
}

/** "0.8:0.9" or "0.8-0.9" → [0.8, 0.9]. */
function parseBand(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const m = /^([^:]+)[:](.+)$/.exec(value) ?? /^(\d*\.?\d+)-(\d*\.?\d+)$/.exec(value);
  const allowed = "low:high, two loss ratios 0 ≤ low < high ≤ 10, e.g. 0.8:0.9";
  if (!m) throw new InputError("--loss-ratio", `not a band (allowed: ${allowed}; got ${JSON.stringify(value)})`);
  const range = { test: (n: number) => n >= 0 && n <= 10, text: allowed };
  const lo = numberFlag(m[1], "--loss-ratio", range)!;
  const hi = numberFlag(m[2], "--loss-ratio", range)!;
  if (!(lo < hi)) throw new InputError("--loss-ratio", `empty band (allowed: ${allowed}; got ${value})`);
  return [lo, hi];
}

export async function runAnalyse(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(args, {
    option: { type: "string" },
    year: { type: "string" },
    bootstrap: { type: "string" },
    "loss-ratio": { type: "string" },
    confidence: { type: "string" },
    json: { type: "boolean" },
  });
  const v = values as AnalyseValues;
  if (positionals.length === 0) throw new UsageError("missing <sweep.duckdb> (the database written by puhui sweep merge)");
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <sweep.duckdb>)`);
  const path = positionals[0]!;
  if (!existsSync(path)) throw new InputError("<sweep.duckdb>", `no such file (allowed: a database written by puhui sweep merge; got ${JSON.stringify(path)})`);
  const bootstrap = intFlag(v.bootstrap, "--bootstrap", { min: 0, max: 100_000, unit: "resamples" }) ?? 1000;
  const year = intFlag(v.year, "--year", { min: 1, max: 100, unit: "years" }) ?? 1;
  const band = parseBand(v["loss-ratio"]);
  const confidenceFlag = numberFlag(v.confidence, "--confidence", { test: (n) => n > 0 && n < 1, text: "a probability > 0 and < 1, e.g. 0.9" });

  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY", threads: "1" });
  } catch (error) {
    throw new InputError("<sweep.duckdb>", `cannot open as a DuckDB database (${error instanceof Error ? error.message.split("\n")[0] : String(error)}) (allowed: a database written by puhui sweep merge)`);
  }
  const c = await instance.connect();
  try {
    let designJson: string;
    let source: string;
    try {
      const [row] = await rows(c, "SELECT design::VARCHAR, source FROM sweep");
      designJson = String(row![0]);
      source = String(row![1]);
    } catch {
      throw new InputError("<sweep.duckdb>", `has no sweep table (allowed: a database written by puhui sweep merge; got ${JSON.stringify(path)})`);
    }
    const design = parseDesign(JSON.parse(designJson));
    const options = (await rows(c, `SELECT DISTINCT option FROM summaries ORDER BY option`)).map((r) => String(r[0]));
    if (v.option !== undefined && !options.includes(v.option)) throw new InputError("--option", `unknown option (allowed: ${options.join(", ")}; got ${JSON.stringify(v.option)})`);
    if (design.design.type === "saltelli") return await sobolReport(c, design, v.option !== undefined ? [v.option] : options, year, bootstrap, v.json === true, io);
    const target = design.target;
    const lossRatio = band ?? target?.lossRatio;
    const confidence = confidenceFlag ?? target?.confidence;
    if (lossRatio === undefined || confidence === undefined) {
      throw new UsageError(`a ${design.design.type} design: give --loss-ratio low:high and --confidence C (or a "target" in the design) for the feasible region`);
    }
    const option = v.option ?? target?.option ?? options[0]!;
    return await feasibleReport(c, design, source, option, year, lossRatio, confidence, v.json === true, io);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

async function sobolReport(c: DuckDBConnection, design: Design, options: string[], year: number, bootstrap: number, json: boolean, io: Io): Promise<number> {
  const k = design.factors.length;
  const out: { option: string; metric: string; result: SobolResult | null }[] = [];
  for (const option of options) {
    for (const m of SOBOL_METRICS) {
      const ys = (await rows(c, `SELECT ${quote(`${m.key}_mean`)} FROM summaries WHERE option = ${lit(option)} AND year = ${year} ORDER BY point`)).map((r) => Number(r[0]));
      const o = splitSaltelli(ys, k);
      const finite = ys.every((y) => Number.isFinite(y));
      const result = finite ? sobolIndices(o, { bootstrap, confidence: 0.95, seed: design.seed }) : null;
      out.push({ option, metric: m.key, result: result && result.variance > 0 ? result : null });
    }
  }
  if (json) {
    io.out(`${JSON.stringify({ design: design.id, type: "sobol", factors: design.factors.map((f) => f.name), year, indices: out }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${design.id}: Sobol indices over ${design.factors.length} factors, ${out[0] ? (out[0].result?.n ?? "") : ""} base rows (Saltelli), year ${year}; 95 % bootstrap intervals (${bootstrap} resamples)`];
  for (const { option, metric, result } of out) {
    const label = SOBOL_METRICS.find((m) => m.key === metric)!.label;
    lines.push("");
    if (!result) {
      lines.push(`option ${option}, ${label}: no variance across the points (indices undefined)`);
      continue;
    }
    lines.push(`option ${option}, ${label}: mean ${fmt(result.mean, metric === "lossRatio" ? 3 : 0)}, variance ${result.variance.toPrecision(4)}`);
    const body = design.factors.map((f, i) => {
      const s = result.first[i]!;
      const t = result.total[i]!;
      return [f.name, fmt(s.estimate), `[${fmt(s.lo)}, ${fmt(s.hi)}]`, fmt(t.estimate), `[${fmt(t.lo)}, ${fmt(t.hi)}]`];
    });
    lines.push(table(body, ["factor", "first order S", "95 % interval", "total effect ST", "95 % interval"]).trimEnd());
  }
  io.out(`${lines.join("\n")}\n`);
  return 0;
}

async function feasibleReport(c: DuckDBConnection, design: Design, source: string, option: string, year: number, band: [number, number], confidence: number, json: boolean, io: Io): Promise<number> {
  const hasReplicates = (await rows(c, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'replicates'"))[0]![0] !== 0n;
  let from: string;
  if (hasReplicates) from = "replicates";
  else if (existsSync(source) && partFiles(source).length > 0) from = `read_parquet(${partList(source, partFiles(source))})`;
  else throw new UsageError(`the feasible region needs the replicate rows: merge with --replicates, or keep the shards' files in ${JSON.stringify(source)}`);
  const factors = design.factors.map((f) => quote(factorColumn(f.name)));
  const result = await rows(
    c,
    `SELECT p.point${factors.map((f) => `, p.${f}`).join("")}, avg(CASE WHEN r."lossRatio" BETWEEN ${band[0]} AND ${band[1]} THEN 1.0 ELSE 0.0 END) AS p_in, s."lossRatio_mean", s."lossRatio_q05", s."lossRatio_q95"
     FROM points p JOIN ${from} r ON r.point = p.point AND r.option = ${lit(option)} AND r.year = ${year}
     JOIN summaries s ON s.point = p.point AND s.option = ${lit(option)} AND s.year = ${year}
     GROUP BY ALL ORDER BY p.point`,
  );
  const points = result.map((r) => ({
    point: Number(r[0]),
    values: design.factors.map((_, i) => r[1 + i] as number | string),
    pIn: Number(r[1 + factors.length]),
    mean: Number(r[2 + factors.length]),
    q05: Number(r[3 + factors.length]),
    q95: Number(r[4 + factors.length]),
  }));
  const feasible = points.filter((p) => p.pIn >= confidence);
  if (json) {
    io.out(`${JSON.stringify({ design: design.id, type: "feasible", option, year, lossRatio: band, confidence, factors: design.factors.map((f) => f.name), points: points.map((p) => ({ ...p, feasible: p.pIn >= confidence })) }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${design.id}: option ${option}, year ${year}: points where P(${band[0]} ≤ loss ratio ≤ ${band[1]}) ≥ ${confidence} — ${feasible.length} of ${points.length} feasible`];
  const numeric = design.factors.filter((f) => f.kind !== "option");
  if (design.design.type === "grid" && design.factors.length === 2 && numeric.length === 2) {
    const a = [...new Set(points.map((p) => p.values[0] as number))];
    const b = [...new Set(points.map((p) => p.values[1] as number))];
    const cell = new Map(points.map((p) => [`${p.values[0]}|${p.values[1]}`, p]));
    lines.push(`P(in band) in %, * feasible; rows ${design.factors[0]!.name}, columns ${design.factors[1]!.name}`);
    const num6 = (x: number) => String(Number(x.toPrecision(6)));
    const body = a.map((x) => [num6(x), ...b.map((y) => {
      const p = cell.get(`${x}|${y}`)!;
      return `${(100 * p.pIn).toFixed(0)}${p.pIn >= confidence ? "*" : ""}`;
    })]);
    lines.push(table(body, [`${design.factors[0]!.name} \\ ${design.factors[1]!.name}`, ...b.map(num6)]).trimEnd());
  }
  if (feasible.length > 0) {
    lines.push("");
    lines.push(table(feasible.slice(0, 50).map((p) => [String(p.point), ...p.values.map((x) => (typeof x === "number" ? String(Number(x.toPrecision(6))) : x)), fmt(p.mean), fmt(p.q05), fmt(p.q95), `${(100 * p.pIn).toFixed(1)} %`]), ["point", ...design.factors.map((f) => f.name), "mean LR", "5 %", "95 %", "P(in band)"]).trimEnd());
    if (feasible.length > 50) lines.push(`… and ${feasible.length - 50} more (--json lists all)`);
  }
  io.out(`${lines.join("\n")}\n`);
  return 0;
}
