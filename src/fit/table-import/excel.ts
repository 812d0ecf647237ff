/**
 * Excel (.xlsx) sheets → the same header and rows as a CSV, with read-excel-file (MIT, 9.3.17,
 * its "universal" build: pure JavaScript over fflate and saxen, ~50 kB minified for the browser,
 * no Node API). Chosen because SheetJS `xlsx` on npm is frozen at 0.18.5 (later versions only on
 * the vendor's CDN) and `exceljs` is several times larger. Cells become text the way a CSV would
 * hold them: numbers in full precision, true/false, dates as YYYY-MM-DD (UTC). Old .xls
 * workbooks are not read (refused with the save-as hint), nor are damaged or truncated files.
 *
 * {@link readTable} is the one entry point for an uploaded file: a workbook by its signature,
 * else text (UTF-8/GBK/UTF-16, ./decode.ts) parsed as CSV.
 */
import { readSheet } from "read-excel-file/universal";
import { InputError } from "../../rules/input-error.js";
import { decodeTable, MAX_FILE_BYTES, type Encoding } from "./decode.js";
import { parseTable, tableFromRows, type RawTable } from "./parse.js";

/** True when the bytes begin like a zip archive (an .xlsx workbook is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

/** The first sheet (or the one named or numbered, from 1) of an .xlsx workbook. */
export async function readWorkbook(bytes: Uint8Array, sheet?: number | string, field = "file"): Promise<RawTable> {
  if (bytes.length > MAX_FILE_BYTES) decodeTable(bytes, field); // throws the size message
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let data: unknown[][];
  try {
    data = (sheet === undefined ? await readSheet(buffer) : await readSheet(buffer, sheet)) as unknown[][];
  } catch (e) {
    const name = (e as Error)?.name;
    const detail = String((e as Error)?.message ?? e).replace(/\s+/g, " ").slice(0, 120);
    if (name === "SheetNotFoundError") throw new InputError(`${field}.sheet`, `no such sheet (allowed: a sheet name or number of the workbook; got ${JSON.stringify(sheet)})`);
    throw new InputError(field, `not a readable Excel workbook, perhaps damaged or truncated (allowed: a complete .xlsx file, or the sheet saved as “CSV UTF-8”; got ${name ?? "an error"}: ${detail})`);
  }
  return tableFromRows(data.map((row) => row.map(cellText)), ",", field);
}

/** An uploaded file → table: an .xlsx workbook by its signature, else CSV text. */
export async function readTable(bytes: Uint8Array, options: { sheet?: number | string; field?: string } = {}): Promise<RawTable & { encoding: Encoding | "xlsx" }> {
  const field = options.field ?? "file";
  if (isZip(bytes)) return { ...(await readWorkbook(bytes, options.sheet, field)), encoding: "xlsx" };
  const d = decodeTable(bytes, field);
  return { ...parseTable(d.text, field), encoding: d.encoding };
}
