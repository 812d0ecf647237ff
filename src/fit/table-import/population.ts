/**
 * A population table → scenario cells ({id, count, attributes, person}, the `population.cells`
 * of src/sim/scenario.ts). Either a count column, or a share column times a total (counts by the
 * largest-remainder method, so they sum to the total exactly; the shares must sum to 1 within
 * 1e-6 — never rescaled). Every other mapped column is a cell attribute (or a person field of
 * the scheme, `as: "person"`). Two rows with the same attributes are a problem (sum them first),
 * not merged silently.
 */
import { MAX_PERSONS } from "../../sim/limits.js";
import { byRow, mapTable, type CellValue, type FieldSpec, type ImportIssue, type MappedTable } from "./columns.js";
import type { RawTable } from "./parse.js";

export interface PopulationColumn {
  field: FieldSpec;
  /** "attribute" (default): a cell attribute; "person": a field of the representative person. */
  as?: "attribute" | "person";
}

export interface PopulationSpec {
  columns: readonly PopulationColumn[];
  /** Shares × total instead of counts: the total number of persons. */
  total?: number;
}

export interface ImportedCell {
  id: string;
  count: number;
  attributes: Record<string, string | number | boolean>;
  person: Record<string, string | number | boolean>;
}

export interface PopulationImport {
  cells: ImportedCell[];
  issues: ImportIssue[];
  issueCount: number;
  mapped: MappedTable;
  persons: number;
}

export const COUNT_FIELD: FieldSpec = {
  key: "count",
  label: { zh: "人数", en: "count" },
  type: { kind: "integer", min: 0, max: MAX_PERSONS },
  required: true,
  aliases: ["persons", "people", "n", "数量", "参保人数", "人口"],
};

export const SHARE_FIELD: FieldSpec = {
  key: "share",
  label: { zh: "占比", en: "share" },
  type: { kind: "number", min: 0, max: 1 },
  required: true,
  aliases: ["proportion", "fraction", "比例", "比重"],
};

const SHARE_TOLERANCE = 1e-6;

/** Reads the cells. `explicit` maps field keys to column names (overriding the aliases). */
export function importPopulation(table: RawTable, spec: PopulationSpec, explicit: Record<string, string | null> = {}): PopulationImport {
  const shares = spec.total !== undefined;
  const head = shares ? SHARE_FIELD : COUNT_FIELD;
  const attrs = spec.columns.map((c) => c.field);
  const mapped = mapTable(table, [head, ...attrs], explicit);
  const issues = mapped.issues;
  let issueCount = mapped.issueCount;
  const add = (i: ImportIssue) => {
    issueCount++;
    if (issues.length < 200) issues.push(i);
  };
  if (shares && !(Number.isSafeInteger(spec.total) && spec.total! >= 0 && spec.total! <= MAX_PERSONS)) {
    add({ row: null, column: null, problem: { en: "the total is not a number of persons", zh: "总人数无效" }, allowed: { en: `an integer 0–${MAX_PERSONS}`, zh: `0–${MAX_PERSONS} 的整数` }, got: String(spec.total) });
  }
  const n = mapped.rows;
  const head0 = mapped.values[head.key]!;
  const seen = new Map<string, number>();
  const cells: ImportedCell[] = [];
  let shareSum = 0;
  for (let r = 0; r < n; r++) {
    const attributes: Record<string, string | number | boolean> = {};
    const person: Record<string, string | number | boolean> = {};
    const parts: string[] = [];
    spec.columns.forEach((c) => {
      const v: CellValue = mapped.values[c.field.key]![r]!;
      if (v === null) return;
      (c.as === "person" ? person : attributes)[c.field.key] = v;
      parts.push(`${c.field.key}=${String(v)}`);
    });
    const id = parts.length ? parts.join("|") : "all";
    const prev = seen.get(id);
    if (prev !== undefined) {
      add({ row: mapped.rowNumbers[r]!, column: null, problem: { en: `same attributes as row ${prev}`, zh: `与第 ${prev} 行的属性相同` }, allowed: { en: "one row per combination of attributes (sum such rows first)", zh: "每种属性组合一行（请先合并）" }, got: JSON.stringify(id) });
    } else seen.set(id, mapped.rowNumbers[r]!);
    const v = head0[r];
    if (typeof v === "number") shareSum += v;
    cells.push({ id, count: typeof v === "number" ? v : 0, attributes, person });
  }
  if (shares && n > 0 && mapped.mapping[head.key] !== null && Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
    add({ row: null, column: table.header[mapped.mapping[head.key]!]!, problem: { en: "the shares do not sum to 1", zh: "占比之和不为 1" }, allowed: { en: `shares summing to 1 within ${SHARE_TOLERANCE} (never rescaled)`, zh: `和为 1（误差不超过 ${SHARE_TOLERANCE}，不会自动缩放）` }, got: String(shareSum) });
  }
  if (issueCount > 0) return { cells: [], issues: byRow(issues), issueCount, mapped, persons: 0 };
  if (shares) {
    // Largest remainder (Hamilton): floor each share × total, then give the persons left to the
    // largest remainders (ties: the earlier row).
    const total = spec.total!;
    const exact = cells.map((c) => c.count * total);
    let left = total;
    cells.forEach((c, i) => {
      c.count = Math.floor(exact[i]!);
      left -= c.count;
    });
    const order = cells.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
    for (let k = 0; k < left; k++) cells[order[k % order.length]!]!.count++;
  }
  const persons = cells.reduce((s, c) => s + c.count, 0);
  return { cells, issues, issueCount, mapped, persons };
}

