import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTable, readWorkbook } from "../../../src/fit/table-import/excel.js";
import { importPopulation } from "../../../src/fit/table-import/population.js";
import { importClaims } from "../../../src/fit/table-import/claims.js";
import type { FieldSpec } from "../../../src/fit/table-import/columns.js";
import { InputError } from "../../../src/rules/input-error.js";
import { xlsx } from "./xlsx-writer.js";

const AGE: FieldSpec = { key: "ageBand", label: { zh: "年龄段", en: "age band" }, type: { kind: "choice", values: ["18-39", "40-59", "60+"] }, required: true, aliases: [] };
const HEALTH: FieldSpec = { key: "health", label: { zh: "健康状况", en: "health" }, type: { kind: "text" }, required: true, aliases: [] };

async function inputError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("did not throw");
}

describe("Excel import", () => {
  const rows: (string | number | boolean | null)[][] = [
    ["年龄段", "健康状况", "人数"],
    ["18-39", "健康", 120000],
    ["18-39", "既往症", 8000],
    [null, null, null],
    ["40-59", "健康", 95000],
    ["40-59", "既往症", 21000],
    ["60+", "健康", 40000],
    ["60+", "既往症", 30000],
  ];
  it("a workbook gives the same cells as the CSV fixture (blank row skipped and counted, row numbers as in the sheet)", async () => {
    const t = await readTable(xlsx(rows));
    expect(t.encoding).toBe("xlsx");
    expect(t.header).toEqual(["年龄段", "健康状况", "人数"]);
    expect(t.blankRows).toBe(1);
    expect(Array.from(t.rowNumbers)).toEqual([2, 3, 5, 6, 7, 8]);
    const fromXlsx = importPopulation(t, { columns: [{ field: AGE }, { field: HEALTH }] });
    const csv = await readTable(new Uint8Array(readFileSync(new URL("../../fixtures/population-cells.csv", import.meta.url))));
    expect(csv.encoding).toBe("utf-8");
    expect(fromXlsx.cells).toEqual(importPopulation(csv, { columns: [{ field: AGE }, { field: HEALTH }] }).cells);
  });
  it("numbers keep full precision and booleans read as true/false", async () => {
    const t = await readWorkbook(xlsx([["amount", "deductibleApplied"], [1234.5678901, true], [0.1, false]]));
    expect(t.rows).toEqual([["1234.5678901", "true"], ["0.1", "false"]]);
    expect(importClaims(t).records).toEqual([
      { amount: 1234.5678901, deductible: 0, deductibleApplied: true },
      { amount: 0.1, deductible: 0, deductibleApplied: false },
    ]);
  });
  it("a truncated workbook, a zip that is no workbook and a missing sheet are one-line InputErrors", async () => {
    const whole = xlsx(rows);
    expect(await inputError(readTable(whole.slice(0, Math.floor(whole.length / 2))))).toMatch(/^file: not a readable Excel workbook, perhaps damaged or truncated \(allowed: a complete \.xlsx file, or the sheet saved as “CSV UTF-8”; got /);
    expect(await inputError(readWorkbook(whole, "没有这张表"))).toBe('file.sheet: no such sheet (allowed: a sheet name or number of the workbook; got "没有这张表")');
    const msg = await inputError(readTable(whole.slice(0, 200)));
    expect(msg).not.toMatch(/\n/);
  });
});
