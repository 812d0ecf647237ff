/**
 * A merged sweep cut to what one page reads (issue 15: the /sweeps page's first load), losslessly
 * for what it keeps. `compactSweep` (Node, at build time: src/data/sweeps/*-page.arrow.ts) keeps
 * the ids, the factor columns, the named per-point summaries and — when asked — every replicate's
 * loss ratios, but stores each distinct vector of loss ratios once: a row whose vector equals an
 * earlier row's, bit for bit (a subsidy share under common random numbers gives the same loss
 * ratios at every share), holds null and names that row in `loss_ratios_row`. `expandSweep`
 * (./sweep-expand.ts, in the browser) gives back the rows with their vectors, so `readSweep`, `feasibleRegion` and
 * `invariantTo` (./sweep-results.ts) see the same numbers as in the full file
 * (`puhui sweep merge --arrow`, simulations/cli/sweep-merge.ts). Metadata travels unchanged.
 */
import { Field, Float64, Int32, List, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from "apache-arrow";
import { InputError } from "../rules/input-error.js";
import { SHARED_ROW } from "./sweep-expand.js";

export interface CompactOptions {
  /** Per-point summary columns to keep, e.g. `lossRatio_mean` (each must exist). */
  stats: readonly string[];
  /** Keep every replicate's loss ratios (distinct vectors once); false: the column is all null. */
  lossRatios: boolean;
}

function plain(row: unknown): Record<string, unknown> {
  const r = row as { toJSON?: () => Record<string, unknown> };
  return typeof r.toJSON === "function" ? r.toJSON() : (row as Record<string, unknown>);
}

function numbers(v: unknown): (number | null)[] | null {
  if (v === null || v === undefined) return null;
  const items = (typeof (v as { toArray?: unknown }).toArray === "function" ? (v as { toArray(): ArrayLike<unknown> }).toArray() : v) as ArrayLike<unknown>;
  return Array.from(items, (x) => (x === null || x === undefined ? null : Number(x)));
}

/** The bit pattern of a vector (null entries apart from NaN), the key of exact equality. */
function bits(xs: (number | null)[]): string {
  const f = new Float64Array(xs.length);
  const nulls: number[] = [];
  xs.forEach((x, i) => (x === null ? nulls.push(i) : (f[i] = x)));
  return `${Buffer.from(f.buffer).toString("base64")}|${nulls.join(",")}`;
}

/** The Arrow IPC bytes of the compact file (see the header). */
export function compactSweep(table: Table, options: CompactOptions): Uint8Array {
  const names = table.schema.fields.map((f) => f.name);
  const factors = JSON.parse(table.schema.metadata.get("factors") ?? "null") as { column: string }[] | null;
  if (!Array.isArray(factors)) throw new InputError("sweep file", 'no "factors" in the file\'s metadata (allowed: an .arrow file written by puhui sweep merge --arrow)');
  const keep = ["point", "option", "year", ...factors.map((f) => f.column), ...options.stats];
  for (const k of [...keep, "loss_ratios"]) {
    if (!names.includes(k)) throw new InputError("sweep file", `has no column "${k}" (allowed: an .arrow file written by puhui sweep merge --arrow)`);
  }
  const rows = table.toArray().map(plain);
  const vectors: Record<string, Vector> = {};
  for (const k of keep) {
    const type = table.schema.fields.find((f) => f.name === k)!.type;
    const values = rows.map((r) => r[k] ?? null);
    vectors[k] = k === "option" || type instanceof Utf8
      ? vectorFromArray(values.map((x) => (x === null ? null : String(x))), new Utf8())
      : type instanceof Int32 || k === "point" || k === "year"
        ? vectorFromArray(values.map((x) => (x === null ? null : Number(x))), new Int32())
        : vectorFromArray(values.map((x) => (x === null ? null : Number(x))), new Float64());
  }
  const first = new Map<string, number>();
  const lists: ((number | null)[] | null)[] = [];
  const shared: (number | null)[] = [];
  rows.forEach((r, i) => {
    const xs = options.lossRatios ? numbers(r["loss_ratios"]) : null;
    if (xs === null) {
      lists.push(null);
      shared.push(null);
      return;
    }
    const key = bits(xs);
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    lists.push(at === undefined ? xs : null);
    shared.push(at === undefined ? null : at);
  });
  vectors["loss_ratios"] = vectorFromArray(lists, new List(new Field("item", new Float64(), true)));
  vectors[SHARED_ROW] = vectorFromArray(shared, new Int32());
  const out = new Table(vectors);
  for (const [k, v] of table.schema.metadata) out.schema.metadata.set(k, v);
  return tableToIPC(out, "file");
}
