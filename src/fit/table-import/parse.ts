/**
 * Text of a CSV (or tab/semicolon-separated) table → header and rows, with d3-dsv (RFC 4180
 * quoting; already a dependency and bundled for the site). The delimiter is the one of comma, tab
 * and semicolon that occurs most in the first line outside quotes. Rows whose cells are all empty
 * are skipped and counted (never silently). Rows are numbered as a spreadsheet shows them: the
 * header is row 1.
 */
import { dsvFormat } from "d3-dsv";
import { InputError } from "../../rules/input-error.js";

export interface RawTable {
  header: string[];
  /** Data rows (cells as text, trimmed), with their spreadsheet row numbers in `rowNumbers`. */
  rows: string[][];
  rowNumbers: Int32Array;
  delimiter: "," | "\t" | ";";
  blankRows: number;
}

function guessDelimiter(text: string): "," | "\t" | ";" {
  const end = text.indexOf("\n");
  const first = end < 0 ? text : text.slice(0, end);
  let inQuote = false;
  const n = { ",": 0, "\t": 0, ";": 0 };
  for (const ch of first) {
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && (ch === "," || ch === "\t" || ch === ";")) n[ch]++;
  }
  return n["\t"] > n[","] && n["\t"] >= n[";"] ? "\t" : n[";"] > n[","] ? ";" : ",";
}

export function parseTable(text: string, field = "file"): RawTable {
  const delimiter = guessDelimiter(text);
  return tableFromRows(dsvFormat(delimiter).parseRows(text), delimiter, field);
}

/** Header and data rows from rows of cell texts (a parsed CSV, or a sheet of a workbook). */
export function tableFromRows(all: string[][], delimiter: RawTable["delimiter"], field = "file"): RawTable {
  let h = 0;
  while (h < all.length && all[h]!.every((c) => c.trim() === "")) h++;
  if (h === all.length) throw new InputError(field, "empty (allowed: a header row naming the columns, then one row per record)");
  // Trailing empty header cells (a sheet's formatting past the table) are not columns.
  const head = [...all[h]!];
  while (head.length > 0 && head[head.length - 1]!.trim() === "") head.pop();
  const header = head.map((c) => c.trim());
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") throw new InputError(`${field}.header`, `column ${i + 1} has no name (allowed: a header row with a name for every column)`);
    if (seen.has(name)) throw new InputError(`${field}.header`, `column name "${name}" appears twice, columns ${seen.get(name)! + 1} and ${i + 1} (allowed: distinct column names)`);
    seen.set(name, i);
  });
  const rows: string[][] = [];
  const numbers: number[] = [];
  let blankRows = 0;
  for (let r = h + 1; r < all.length; r++) {
    const row = all[r]!;
    let blank = true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]!.trim();
      row[c] = v;
      if (v !== "") blank = false;
    }
    if (blank) {
      blankRows++;
      continue;
    }
    // Empty cells past the header's width are not extra cells.
    while (row.length > header.length && row[row.length - 1] === "") row.pop();
    rows.push(row);
    numbers.push(r + 1);
  }
  return { header, rows, rowNumbers: Int32Array.from(numbers), delimiter, blankRows };
}
