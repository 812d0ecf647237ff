/**
 * Replicate rows as a tidy table and the file formats results are shared in (pure, browser-safe):
 * one row per (replicate, option, year), subsidies flattened into subsidy_<payer> columns (every
 * payer in PAYERS, so the schema is fixed), then the employer/platform cost in cost_<payer> columns
 * (COST_PAYERS) and the cash basis (cashBenefits, cashLossRatio) last, nulls kept as null. Writers return bytes or text:
 *  - Arrow IPC stream (apache-arrow; readable by `tableFromIPC`, DuckDB-wasm, Framework's
 *    FileAttachment.arrow()); replicate and year are Int32, option Utf8, everything else Float64;
 *  - CSV (d3-dsv `csvFormat`; null → empty field);
 *  - JSON (an array of row objects; null stays null).
 */
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from "apache-arrow";
import { csvFormat } from "d3-dsv";
import { COST_PAYERS, PAYERS, type ReplicateRow } from "./ledger.js";

export type ResultFormat = "arrow" | "csv" | "json";
export const RESULT_FORMATS: readonly ResultFormat[] = ["arrow", "csv", "json"];

/** Column names of the tidy table, in order. */
export const TIDY_COLUMNS: readonly string[] = [
  "replicate",
  "option",
  "year",
  "population",
  "eligible",
  "enrolled",
  "coverage",
  "gross",
  "net",
  ...PAYERS.map((p) => `subsidy_${p}`),
  "claims",
  "benefits",
  "admin",
  "lossRatio",
  "benefitPerEnrollee",
  "expectedEnrolled",
  "expectedGross",
  "expectedClaimants",
  "expectedBenefits",
  "processVarBenefits",
  ...COST_PAYERS.map((p) => `cost_${p}`),
  "cashBenefits",
  "cashLossRatio",
];

export type TidyValue = number | string | null;
export type TidyRow = Record<string, TidyValue>;

/** Column kinds: replicate/year are integers, option text, the rest doubles (nullable where the row field is). */
export function columnKind(column: string): "int" | "text" | "double" {
  return column === "replicate" || column === "year" ? "int" : column === "option" ? "text" : "double";
}

/** One flat object per row, keys in TIDY_COLUMNS order. */
export function tidyRow(row: ReplicateRow): TidyRow {
  const out: TidyRow = {
    replicate: row.replicate,
    option: row.option,
    year: row.year,
    population: row.population,
    eligible: row.eligible,
    enrolled: row.enrolled,
    coverage: row.coverage,
    gross: row.gross,
    net: row.net,
  };
  for (const p of PAYERS) out[`subsidy_${p}`] = row.subsidies[p] ?? 0;
  out["claims"] = row.claims;
  out["benefits"] = row.benefits;
  out["admin"] = row.admin;
  out["lossRatio"] = row.lossRatio;
  out["benefitPerEnrollee"] = row.benefitPerEnrollee;
  out["expectedEnrolled"] = row.expectedEnrolled;
  out["expectedGross"] = row.expectedGross;
  out["expectedClaimants"] = row.expectedClaimants;
  out["expectedBenefits"] = row.expectedBenefits;
  out["processVarBenefits"] = row.processVarBenefits;
  for (const p of COST_PAYERS) out[`cost_${p}`] = row.costs[p] ?? 0;
  out["cashBenefits"] = row.cashBenefits;
  out["cashLossRatio"] = row.cashLossRatio;
  return out;
}

export function tidyRows(rows: readonly ReplicateRow[]): TidyRow[] {
  return rows.map(tidyRow);
}

/** The tidy table column by column (arrays of values, nulls kept). */
export function tidyColumns(rows: readonly ReplicateRow[]): Record<string, TidyValue[]> {
  const tidy = tidyRows(rows);
  const out: Record<string, TidyValue[]> = {};
  for (const c of TIDY_COLUMNS) out[c] = tidy.map((r) => r[c] ?? null);
  return out;
}

/** The rows as an apache-arrow Table with a fixed schema. */
export function toArrowTable(rows: readonly ReplicateRow[]): Table {
  const columns = tidyColumns(rows);
  const vectors: Record<string, Vector> = {};
  for (const c of TIDY_COLUMNS) {
    const kind = columnKind(c);
    const type: DataType = kind === "int" ? new Int32() : kind === "text" ? new Utf8() : new Float64();
    vectors[c] = vectorFromArray(columns[c]!, type);
  }
  return new Table(vectors);
}

/** Arrow IPC stream bytes (what `tableFromIPC` and DuckDB-wasm read). */
export function toArrowIPC(rows: readonly ReplicateRow[]): Uint8Array {
  return tableToIPC(toArrowTable(rows), "stream");
}

export function toCSV(rows: readonly ReplicateRow[]): string {
  return csvFormat(tidyRows(rows), [...TIDY_COLUMNS]) + "\n";
}

export function toJSON(rows: readonly ReplicateRow[]): string {
  return JSON.stringify(tidyRows(rows)) + "\n";
}

/** Writes rows in a format: bytes for arrow, text for csv/json. */
export function formatResults(rows: readonly ReplicateRow[], format: ResultFormat): Uint8Array | string {
  switch (format) {
    case "arrow":
      return toArrowIPC(rows);
    case "csv":
      return toCSV(rows);
    case "json":
      return toJSON(rows);
  }
}

/** The format a file name asks for (.arrow/.arrows/.ipc, .csv, .json); undefined if none. */
export function formatOfPath(path: string): ResultFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(path);
  const ext = m?.[1]?.toLowerCase();
  if (ext === "arrow" || ext === "arrows" || ext === "ipc") return "arrow";
  if (ext === "csv") return "csv";
  if (ext === "json") return "json";
  return undefined;
}
