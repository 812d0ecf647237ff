/**
 * A merged sweep as the browser reads it (the Arrow file of `puhui sweep merge --arrow`): the
 * design from the schema's metadata, one record per point, option and year, and what the design
 * was for — the feasible region of a grid or Latin hypercube for a loss-ratio band (P(low ≤ loss
 * ratio ≤ high) over a point's replicates, as `puhui sweep analyse` computes it in SQL), and Sobol
 * first-order and total-effect indices of a Saltelli design (./sobol.ts, on the per-point means,
 * bootstrap seeded by the design's seed, as the CLI does), and the feasible region of each group
 * of a design with `groups` (each sector or province group: ./sweep-groups.ts). Pure; no DuckDB
 * and no zod needed.
 */
import { InputError } from "../rules/input-error.js";
import type { Design } from "./design.js";
import { sobolIndices, splitSaltelli, type SobolResult } from "./sobol.js";
import { groupOptionId } from "./sweep-groups.js";

/** What the Arrow file gives: its schema's metadata and its rows as plain values. */
export interface SweepTable {
  schema: { metadata: ReadonlyMap<string, string> };
  numRows: number;
  toArray(): ArrayLike<Record<string, unknown> | { toJSON(): Record<string, unknown> }>;
}

export interface FactorInfo {
  name: string;
  column: string;
  kind: string;
  label: { zh: string; en: string };
  unit?: string;
}

export interface SweepRecord {
  point: number;
  option: string;
  year: number;
  /** Factor values in the design's order. */
  values: (number | string)[];
  /** Every replicate's loss ratio (NaN where a replicate had no premium). */
  lossRatios: Float64Array;
  /** Per-point summaries: `<metric>_mean`, `_q05`, `_q50`, `_q95`, `_sd`, `p_loss_ratio_above_1`. */
  stats: Record<string, number>;
}

export interface Sweep {
  id: string;
  hash: string;
  version: string;
  design: Design;
  factors: FactorInfo[];
  records: SweepRecord[];
  options: string[];
  years: number[];
}

const FILE = "sweep file";
const ALLOWED = "an .arrow file written by puhui sweep merge --arrow";

function plain(row: unknown): Record<string, unknown> {
  const r = row as { toJSON?: () => Record<string, unknown> };
  return typeof r.toJSON === "function" ? r.toJSON() : (row as Record<string, unknown>);
}

function numberList(v: unknown): Float64Array {
  if (v === null || v === undefined) return new Float64Array(0);
  const items = (typeof (v as { toArray?: unknown }).toArray === "function" ? (v as { toArray(): ArrayLike<unknown> }).toArray() : v) as ArrayLike<unknown>;
  const out = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    out[i] = x === null || x === undefined ? Number.NaN : Number(x);
  }
  return out;
}

/** Reads a merged sweep; anything else is one InputError naming what is missing. */
export function readSweep(table: SweepTable): Sweep {
  const meta = table.schema.metadata;
  const need = (key: string): string => {
    const v = meta.get(key);
    if (v === undefined) throw new InputError(FILE, `no "${key}" in the file's metadata (allowed: ${ALLOWED})`);
    return v;
  };
  let designJson: unknown;
  let factors: FactorInfo[];
  try {
    designJson = JSON.parse(need("design"));
    factors = JSON.parse(need("factors")) as FactorInfo[];
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(FILE, `its metadata is not JSON (allowed: ${ALLOWED})`);
  }
  const design = designOf(designJson);
  if (!Array.isArray(factors) || factors.length !== design.factors.length) {
    throw new InputError(FILE, `its factor list does not match its design (allowed: ${ALLOWED})`);
  }
  const rows = table.toArray();
  const records: SweepRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = plain(rows[i]);
    for (const key of ["point", "option", "year", "loss_ratios"]) {
      if (!(key in r)) throw new InputError(FILE, `row ${i + 1} has no column "${key}" (allowed: ${ALLOWED})`);
    }
    const stats: Record<string, number> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k.endsWith("_mean") || k.endsWith("_sd") || /_q\d\d$/.test(k) || k === "p_loss_ratio_above_1") stats[k] = v === null ? Number.NaN : Number(v);
    }
    records.push({
      point: Number(r["point"]),
      option: String(r["option"]),
      year: Number(r["year"]),
      values: factors.map((f) => {
        const v = r[f.column];
        return typeof v === "string" ? v : Number(v);
      }),
      lossRatios: numberList(r["loss_ratios"]),
      stats,
    });
  }
  if (records.length === 0) throw new InputError(FILE, `has no rows (allowed: ${ALLOWED})`);
  return {
    id: need("design_id"),
    hash: need("design_hash"),
    version: need("version"),
    design,
    factors,
    records,
    options: [...new Set(records.map((r) => r.option))],
    years: [...new Set(records.map((r) => r.year))].sort((a, b) => a - b),
  };
}

/**
 * The design as stored by the CLI (validated by it when the sweep ran). The page checks only the
 * fields it reads, so it does not load the design's full schema (zod) for one file.
 */
function designOf(json: unknown): Design {
  const d = json as Partial<Design> | null;
  const bad = (what: string) => new InputError(FILE, `its design has ${what} (allowed: ${ALLOWED})`);
  if (typeof d !== "object" || d === null) throw bad("no object");
  if (typeof d.id !== "string") throw bad("no id");
  if (!Number.isInteger(d.seed) || !Number.isInteger(d.replicates)) throw bad("no integer seed and replicates");
  if (!Array.isArray(d.factors) || d.factors.length === 0 || !d.factors.every((f) => typeof f?.name === "string" && typeof f?.kind === "string")) throw bad("no factors");
  if (!d.design || !["grid", "lhs", "saltelli"].includes(d.design.type)) throw bad("no design type (grid, lhs or saltelli)");
  return d as Design;
}

export interface FeasiblePoint {
  point: number;
  values: (number | string)[];
  /** Share of replicates with low ≤ loss ratio ≤ high (a replicate without a loss ratio counts as outside). */
  pIn: number;
  mean: number;
  q05: number;
  q95: number;
  feasible: boolean;
}

/** The points where P(low ≤ loss ratio ≤ high) ≥ confidence, for one option and year. */
export function feasibleRegion(s: Sweep, q: { option: string; year: number; band: readonly [number, number]; confidence: number }): FeasiblePoint[] {
  const [lo, hi] = q.band;
  if (!(lo < hi)) throw new InputError("band", `empty (allowed: low < high; got ${lo}–${hi})`);
  if (!(q.confidence > 0 && q.confidence < 1)) throw new InputError("confidence", `out of range (allowed: a probability > 0 and < 1; got ${q.confidence})`);
  return s.records
    .filter((r) => r.option === q.option && r.year === q.year)
    .sort((a, b) => a.point - b.point)
    .map((r) => {
      let inside = 0;
      for (const x of r.lossRatios) if (x >= lo && x <= hi) inside++;
      const pIn = r.lossRatios.length > 0 ? inside / r.lossRatios.length : 0;
      return { point: r.point, values: r.values, pIn, mean: r.stats["lossRatio_mean"]!, q05: r.stats["lossRatio_q05"]!, q95: r.stats["lossRatio_q95"]!, feasible: pIn >= q.confidence };
    });
}

export const SOBOL_METRICS = ["lossRatio", "gross", "subsidy_total"] as const;
export type SobolMetric = (typeof SOBOL_METRICS)[number];

/** Sobol indices of a Saltelli sweep on a metric's per-point mean; null without variance. */
export function sweepSobol(s: Sweep, q: { option: string; year: number; metric: SobolMetric; bootstrap?: number }): SobolResult | null {
  if (s.design.design.type !== "saltelli") throw new InputError("sweep file", `is a ${s.design.design.type} design (allowed: a Saltelli design for Sobol indices)`);
  const ys = s.records
    .filter((r) => r.option === q.option && r.year === q.year)
    .sort((a, b) => a.point - b.point)
    .map((r) => r.stats[`${q.metric}_mean`]!);
  if (!ys.every((y) => Number.isFinite(y))) return null;
  const result = sobolIndices(splitSaltelli(ys, s.design.factors.length), { bootstrap: q.bootstrap ?? 1000, confidence: 0.95, seed: s.design.seed });
  return result.variance > 0 ? result : null;
}

/** A group of a sweep: one level of a cell attribute, run as its own option (./sweep-groups.ts). */
export interface SweepGroup {
  /** The group option's id, `<option>--<attribute>--<value>`. */
  option: string;
  attribute: string;
  value: string;
  /** The level's label (default its value) and the attribute's (default its name). */
  label: { zh: string; en: string };
  attributeLabel: { zh: string; en: string };
  /** The rules parameter that prices the group, when the design names one. */
  parameter?: string;
}

/** The groups of `option` in a sweep, in the design's order (attribute by attribute, level by level), that have rows. */
export function sweepGroups(s: Sweep, option: string): SweepGroup[] {
  const present = new Set(s.options);
  return (s.design.groups ?? []).flatMap((g) =>
    g.levels
      .map((l) => ({
        option: groupOptionId(option, g.attribute, l.value),
        attribute: g.attribute,
        value: l.value,
        label: l.label ?? { zh: l.value, en: l.value },
        attributeLabel: g.label ?? { zh: g.attribute, en: g.attribute },
        ...(l.parameter !== undefined ? { parameter: l.parameter } : {}),
      }))
      .filter((x) => present.has(x.option)),
  );
}

export interface GroupRegion extends SweepGroup {
  /** Every point of the group, in point order, with P(in band) and its loss-ratio summary. */
  points: FeasiblePoint[];
  /** The points where P(in band) ≥ confidence. */
  feasible: FeasiblePoint[];
  /** The point with the highest P(in band) (the lowest point id among ties). */
  best: FeasiblePoint;
}

/**
 * The feasible region of each group of `option` (e.g. each sector and province group): the
 * points where P(low ≤ loss ratio ≤ high) ≥ confidence over the group's own replicates, as
 * {@link feasibleRegion} gives for a whole option. A sweep without groups is an InputError.
 */
export function feasibleByGroup(s: Sweep, q: { option: string; year: number; band: readonly [number, number]; confidence: number }): GroupRegion[] {
  const groups = sweepGroups(s, q.option);
  if (groups.length === 0) throw new InputError("sweep file", `has no groups of option ${JSON.stringify(q.option)} (allowed: a design with "groups", e.g. by sector)`);
  return groups.map((g) => {
    const points = feasibleRegion(s, { ...q, option: g.option });
    const best = points.reduce((a, p) => (p.pIn > a.pIn ? p : a));
    return { ...g, points, feasible: points.filter((p) => p.feasible), best };
  });
}

/**
 * True when the loss ratios of `option` do not depend on factor `factor`: every two records that
 * differ only in that factor have the same replicate loss ratios, bit for bit (so a lever that only
 * moves who pays — a subsidy share under common random numbers — shows as such). False when the
 * factor has fewer than two levels among the option's records.
 */
export function invariantTo(s: Sweep, q: { option: string; year: number; factor: number }): boolean {
  const groups = new Map<string, SweepRecord[]>();
  const levels = new Set<string>();
  for (const r of s.records) {
    if (r.option !== q.option || r.year !== q.year) continue;
    levels.add(String(r.values[q.factor]));
    const key = JSON.stringify(r.values.map((v, i) => (i === q.factor ? null : v)));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (levels.size < 2) return false;
  for (const rs of groups.values()) {
    const first = rs[0]!.lossRatios;
    for (const r of rs.slice(1)) {
      if (r.lossRatios.length !== first.length) return false;
      for (let k = 0; k < first.length; k++) if (!Object.is(r.lossRatios[k], first[k])) return false;
    }
  }
  return true;
}
