/**
 * The browser's half of ./sweep-compact.ts: the rows of a compact sweep file with each row's own
 * replicate loss ratios again (a row holding null takes the vector of the earlier row its
 * `loss_ratios_row` names), as `readSweep` (./sweep-results.ts) reads them. No Arrow library: it
 * works on the table the page already has.
 */
import { InputError } from "../rules/input-error.js";
import type { SweepTable } from "./sweep-results.js";

/** The column naming the row that holds a row's loss ratios (null: the row holds its own). */
export const SHARED_ROW = "loss_ratios_row";

function plain(row: unknown): Record<string, unknown> {
  const r = row as { toJSON?: () => Record<string, unknown> };
  return typeof r.toJSON === "function" ? r.toJSON() : (row as Record<string, unknown>);
}

/** The rows of a compact file with each row's own loss ratios again; a full file passes through. */
export function expandSweep(table: SweepTable): SweepTable {
  const rows = Array.from(table.toArray(), plain);
  if (rows.length === 0 || !(SHARED_ROW in rows[0]!)) return table;
  const expanded = rows.map((r, i) => {
    const at = r[SHARED_ROW];
    if (at === null || at === undefined) return r;
    const from = rows[Number(at)];
    if (from === undefined || Number(at) >= i) throw new InputError("sweep file", `row ${i + 1} takes its loss ratios from row ${Number(at) + 1}, which is not an earlier row (allowed: a file written by compactSweep)`);
    return { ...r, loss_ratios: from["loss_ratios"] };
  });
  return { schema: table.schema, numRows: expanded.length, toArray: () => expanded };
}
