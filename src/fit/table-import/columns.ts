/**
 * Columns of an imported table mapped to target fields, and every cell checked against its
 * field's type and range. Problems are collected per row and column, in both languages —
 * "row 12, column 年龄: not a number (allowed: an integer 0–120; got "abc")" — never NaN and
 * never a dropped row: a row with a problem is reported, and the caller decides (the import
 * functions refuse the table while any problem remains). One pass over the rows: linear in size.
 */
import type { Bilingual } from "../../rules/parameter.js";
import { isIsoDate } from "../../rules/dates.js";
import type { RawTable } from "./parse.js";

export type FieldType =
  | { kind: "integer"; min: number; max: number }
  | { kind: "number"; min: number; max: number; minOpen?: boolean }
  | { kind: "text" }
  | { kind: "boolean" }
  | { kind: "date" }
  | { kind: "choice"; values: readonly string[] };

export interface FieldSpec {
  key: string;
  label: Bilingual;
  type: FieldType;
  required: boolean;
  /** Header names recognised for this field (compared trimmed and case-insensitively). */
  aliases: readonly string[];
}

export type CellValue = number | string | boolean | null;

export interface ImportIssue {
  /** Spreadsheet row number (header = 1); null for a problem with a whole column. */
  row: number | null;
  /** Column name as in the header (or the field's label when the column is missing). */
  column: string | null;
  problem: Bilingual;
  allowed: Bilingual;
  got: string;
}

/** Most issues kept (the count of all is reported beside them). */
export const MAX_ISSUES = 200;

/** Orders issues by row (whole-table issues first), keeping the column order within a row. */
export function byRow(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The first `limit` rows as the page previews them: field key → cell text ("" when empty). */
export function previewRows(m: MappedTable, limit = 20): Record<string, string>[] {
  const keys = Object.keys(m.values);
  const out: Record<string, string>[] = [];
  for (let r = 0; r < Math.min(limit, m.rows); r++) {
    const row: Record<string, string> = { row: String(m.rowNumbers[r]) };
    for (const k of keys) {
      const v = m.values[k]![r];
      row[k] = v === null || v === undefined ? "" : String(v);
    }
    out.push(row);
  }
  return out;
}

export interface MappedTable {
  /** field key → column index in the header, or null (optional field not present). */
  mapping: Record<string, number | null>;
  /** field key → one value per data row (null where the optional cell is empty). */
  values: Record<string, CellValue[]>;
  rowNumbers: Int32Array;
  issues: ImportIssue[];
  issueCount: number;
  /** Header columns no field took. */
  unused: string[];
  rows: number;
}

/** One line in English: `row 12, column 年龄: not a number (allowed: …; got "abc")`. */
export function issueText(i: ImportIssue, lang: "en" | "zh" = "en"): string {
  if (lang === "zh") {
    const where = [i.row !== null ? `第 ${i.row} 行` : "", i.column !== null ? `“${i.column}”列` : ""].filter(Boolean).join("，");
    return `${where}：${i.problem.zh}（允许：${i.allowed.zh}；实际为 ${i.got}）`;
  }
  const where = [i.row !== null ? `row ${i.row}` : "", i.column !== null ? `column ${i.column}` : ""].filter(Boolean).join(", ");
  return `${where}: ${i.problem.en} (allowed: ${i.allowed.en}; got ${i.got})`;
}

const NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?([eE][+-]?\d+)?$/;
const TRUE = new Set(["true", "yes", "y", "1", "是", "真", "t"]);
const FALSE = new Set(["false", "no", "n", "0", "否", "假", "f"]);

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

/** The allowed values of a type, in both languages. */
export function describeType(t: FieldType): Bilingual {
  switch (t.kind) {
    case "integer":
      return { en: `an integer ${num(t.min)}–${num(t.max)}`, zh: `${num(t.min)}–${num(t.max)} 的整数` };
    case "number":
      return t.minOpen
        ? { en: `a number > ${num(t.min)} and ≤ ${num(t.max)}`, zh: `大于 ${num(t.min)} 且不超过 ${num(t.max)} 的数` }
        : { en: `a number ${num(t.min)}–${num(t.max)}`, zh: `${num(t.min)}–${num(t.max)} 的数` };
    case "text":
      return { en: "any text", zh: "任意文字" };
    case "boolean":
      return { en: "true/false, yes/no, 1/0 or 是/否", zh: "是/否、true/false、yes/no 或 1/0" };
    case "date":
      return { en: "a date YYYY-MM-DD (or YYYY/M/D)", zh: "日期 YYYY-MM-DD（或 YYYY/M/D）" };
    case "choice":
      return { en: `one of ${t.values.join(", ")}`, zh: `以下之一：${t.values.join("、")}` };
  }
}

/** Parses one non-empty cell: its value, or `bad` with the problem in both languages. */
function parseCell(t: FieldType, s: string): CellValue | { bad: Bilingual } {
  switch (t.kind) {
    case "integer":
    case "number": {
      if (!NUMBER.test(s) || s === "" || s === "+" || s === "-") return { bad: { en: "not a number", zh: "不是数字" } };
      const v = Number(s.replace(/,/g, ""));
      if (!Number.isFinite(v)) return { bad: { en: "not a finite number", zh: "不是有限的数" } };
      if (t.kind === "integer" && !Number.isInteger(v)) return { bad: { en: "not a whole number", zh: "不是整数" } };
      const low = t.kind === "number" && t.minOpen ? v <= t.min : v < t.min;
      if (low || v > t.max) return { bad: { en: "out of range", zh: "超出范围" } };
      return v;
    }
    case "text":
      return s;
    case "boolean": {
      const l = s.toLowerCase();
      if (TRUE.has(l)) return true;
      if (FALSE.has(l)) return false;
      return { bad: { en: "not true/false", zh: "不是“是/否”" } };
    }
    case "date": {
      const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : "";
      if (!m || !isIsoDate(iso)) return { bad: { en: "not a calendar date", zh: "不是有效日期" } };
      return iso;
    }
    case "choice":
      return t.values.includes(s) ? s : { bad: { en: "not one of the allowed values", zh: "不在允许的取值中" } };
  }
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Maps header columns to fields (by `explicit` field key → column name, else by alias), then
 * reads and checks every cell. A required field without a column is one issue for the whole
 * table; a required field with an empty cell is an issue for that row.
 */
export function mapTable(table: RawTable, fields: readonly FieldSpec[], explicit: Record<string, string | null> = {}): MappedTable {
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  const add = (i: ImportIssue) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push(i);
  };
  const byName = new Map(table.header.map((h, i) => [norm(h), i]));
  const mapping: Record<string, number | null> = {};
  const taken = new Map<number, string>();
  for (const f of fields) {
    let col: number | null = null;
    if (f.key in explicit) {
      const name = explicit[f.key];
      if (name !== null && name !== undefined) {
        const i = byName.get(norm(name));
        if (i === undefined) {
          add({ row: null, column: name, problem: { en: `no such column for ${f.label.en}`, zh: `没有这一列（${f.label.zh}）` }, allowed: { en: `a column of the header: ${table.header.join(", ")}`, zh: `表头中的列：${table.header.join("、")}` }, got: JSON.stringify(name) });
        } else col = i;
      }
    } else {
      for (const a of [f.key, f.label.en, f.label.zh, ...f.aliases]) {
        const i = byName.get(norm(a));
        if (i !== undefined && !taken.has(i)) {
          col = i;
          break;
        }
      }
    }
    if (col !== null && taken.has(col)) {
      add({ row: null, column: table.header[col]!, problem: { en: `mapped to both ${taken.get(col)} and ${f.key}`, zh: `同时对应 ${taken.get(col)} 和 ${f.key}` }, allowed: { en: "one field per column", zh: "每列只对应一个字段" }, got: JSON.stringify(table.header[col]) });
      col = null;
    }
    if (col !== null) taken.set(col, f.key);
    else if (f.required) {
      add({ row: null, column: f.label.zh, problem: { en: `missing: no column for ${f.label.en}`, zh: `缺少“${f.label.zh}”列` }, allowed: { en: `a column named ${[f.label.zh, f.label.en, ...f.aliases].join(" / ")}, or map one`, zh: `名为 ${[f.label.zh, f.label.en, ...f.aliases].join(" / ")} 的列，或手动指定` }, got: `the columns ${table.header.join(", ")}` });
    }
    mapping[f.key] = col;
  }
  const n = table.rows.length;
  const values: Record<string, CellValue[]> = {};
  const width = table.header.length;
  const cols = fields.map((f) => mapping[f.key] ?? null);
  const outs = fields.map((f) => (values[f.key] = new Array<CellValue>(n)));
  const allowed = fields.map((f) => describeType(f.type));
  // Row by row, so problems are listed in the order a reader meets them.
  for (let r = 0; r < n; r++) {
    const row = table.rows[r]!;
    const rowNumber = table.rowNumbers[r]!;
    if (row.length !== width) {
      add({ row: rowNumber, column: null, problem: { en: `has ${row.length} cells, the header ${width}`, zh: `有 ${row.length} 个单元格，表头有 ${width} 个` }, allowed: { en: `${width} cells (quote cells that contain the delimiter)`, zh: `${width} 个单元格（含分隔符的单元格请加引号）` }, got: JSON.stringify(row.slice(0, 8).join(table.delimiter)) });
    }
    for (let k = 0; k < fields.length; k++) {
      const col = cols[k]!;
      const out = outs[k]!;
      const s = col === null ? "" : (row[col] ?? "");
      if (s === "") {
        out[r] = null;
        if (fields[k]!.required && col !== null) add({ row: rowNumber, column: table.header[col]!, problem: { en: "empty", zh: "为空" }, allowed: allowed[k]!, got: '""' });
        continue;
      }
      const v = parseCell(fields[k]!.type, s);
      if (v !== null && typeof v === "object") {
        out[r] = null;
        add({ row: rowNumber, column: table.header[col!]!, problem: v.bad, allowed: allowed[k]!, got: JSON.stringify(s) });
      } else out[r] = v;
    }
  }
  const unused = table.header.filter((_, i) => !taken.has(i));
  return { mapping, values, rowNumbers: table.rowNumbers, issues, issueCount, unused, rows: n };
}
