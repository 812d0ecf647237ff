import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeTable, MAX_FILE_BYTES } from "../../../src/fit/table-import/decode.js";
import { parseTable } from "../../../src/fit/table-import/parse.js";
import { issueText, mapTable, previewRows, type FieldSpec } from "../../../src/fit/table-import/columns.js";
import { importPopulation } from "../../../src/fit/table-import/population.js";
import { importClaims, importCounts } from "../../../src/fit/table-import/claims.js";
import { fitSeverity } from "../../../src/fit/severity/fit.js";
import { cellSchema } from "../../../src/sim/scenario.js";
import { messageOf } from "../../helpers/input-error.js";
import { CLAIMS_FIXTURE, claimsFixtureCsv } from "./fixture-claims.js";
import { COUNTS_FIXTURE, countsFixtureCsv } from "./fixture-counts.js";
import { fitPoisson } from "../../../src/fit/frequency.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const table = (name: string) => parseTable(decodeTable(fixture(name)).text);

const AGE: FieldSpec = { key: "ageBand", label: { zh: "年龄段", en: "age band" }, type: { kind: "choice", values: ["18-39", "40-59", "60+"] }, required: true, aliases: [] };
const HEALTH: FieldSpec = { key: "health", label: { zh: "健康状况", en: "health" }, type: { kind: "text" }, required: true, aliases: [] };

describe("decoding", () => {
  it("UTF-8 with a BOM and GBK give the same text", () => {
    const utf8 = decodeTable(fixture("population-cells.csv"));
    const gbk = decodeTable(fixture("population-cells-gbk.csv"));
    expect(utf8).toMatchObject({ encoding: "utf-8", bom: true });
    expect(gbk).toMatchObject({ encoding: "gbk", bom: false });
    expect(gbk.text).toBe(utf8.text);
    expect(utf8.text.startsWith("年龄段,")).toBe(true);
  });
  it("UTF-8 without a BOM, and UTF-16LE by its BOM", () => {
    expect(decodeTable(new TextEncoder().encode("人数\n3\n"))).toEqual({ text: "人数\n3\n", encoding: "utf-8", bom: false });
    const u16 = new Uint8Array([0xff, 0xfe, 0x50, 0x4e, 0x0a, 0x00]); // "乐\n" (U+4E50)
    expect(decodeTable(u16)).toEqual({ text: "乐\n", encoding: "utf-16le", bom: true });
  });
  it("refuses Excel workbooks, damaged text and oversize files with one line naming what is allowed", () => {
    expect(messageOf(() => decodeTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toMatch(/^file: an Excel workbook or other zip file, not CSV text \(allowed: CSV text here;/);
    expect(messageOf(() => decodeTable(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62])))).toMatch(/^file: marked as UTF-8 but holds bytes that are not UTF-8/);
    expect(messageOf(() => decodeTable(new Uint8Array([0x61, 0x81, 0x0a])))).toMatch(/^file: neither UTF-8 nor GBK text \(allowed: a CSV in UTF-8 or GBK/);
    const big = { length: MAX_FILE_BYTES + 1 } as Uint8Array; // only its length is read before refusing
    expect(messageOf(() => decodeTable(big))).toBe("file: too large (allowed: a table of at most 64.0 MB; split it or drop unused columns; got 64.0 MB)");
  });
});

describe("parsing", () => {
  it("detects the delimiter, keeps quoted delimiters, counts blank rows, numbers rows as a spreadsheet", () => {
    const t = parseTable('a\tb\n"x\ty"\t2\n\n\t\n3\t4\n');
    expect(t.delimiter).toBe("\t");
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows).toEqual([["x\ty", "2"], ["3", "4"]]);
    expect(Array.from(t.rowNumbers)).toEqual([2, 5]);
    expect(t.blankRows).toBe(2);
    expect(parseTable("a;b\n1;2").delimiter).toBe(";");
  });
  it("refuses an empty file, unnamed and repeated columns", () => {
    expect(messageOf(() => parseTable("\n\n"))).toMatch(/^file: empty \(allowed: a header row/);
    expect(messageOf(() => parseTable("a,,c\n1,2,3"))).toBe("file.header: column 2 has no name (allowed: a header row with a name for every column)");
    expect(messageOf(() => parseTable("a,b,a\n1,2,3"))).toBe('file.header: column name "a" appears twice, columns 1 and 3 (allowed: distinct column names)');
  });
});

describe("population import", () => {
  it("reads the fixture into scenario cells (valid against the scenario's cell schema), GBK the same", () => {
    const p = importPopulation(table("population-cells.csv"), { columns: [{ field: AGE }, { field: HEALTH }] });
    expect(p.issueCount).toBe(0);
    expect(p.cells).toHaveLength(6);
    expect(p.persons).toBe(120000 + 8000 + 95000 + 21000 + 40000 + 30000);
    expect(p.cells[1]).toEqual({ id: "ageBand=18-39|health=既往症", count: 8000, attributes: { ageBand: "18-39", health: "既往症" }, person: {} });
    for (const c of p.cells) cellSchema.parse(c);
    expect(importPopulation(table("population-cells-gbk.csv"), { columns: [{ field: AGE }, { field: HEALTH }] }).cells).toEqual(p.cells);
  });
  it("reports every bad row and column, in English and Chinese, and returns no cells", () => {
    const p = importPopulation(table("population-bad.csv"), { columns: [{ field: AGE }, { field: HEALTH }] });
    expect(p.cells).toEqual([]);
    expect(p.issues.map((i) => issueText(i))).toEqual([
      'row 3, column 人数: not a number (allowed: an integer 0–2000000000; got "abc")',
      'row 4, column 人数: out of range (allowed: an integer 0–2000000000; got "-5")',
      'row 5, column 人数: not a whole number (allowed: an integer 0–2000000000; got "2.5")',
      'row 6: same attributes as row 2 (allowed: one row per combination of attributes (sum such rows first); got "ageBand=18-39|health=健康")',
      'row 7: has 2 cells, the header 3 (allowed: 3 cells (quote cells that contain the delimiter); got "60+,健康")',
      'row 7, column 人数: empty (allowed: an integer 0–2000000000; got "")',
    ]);
    expect(issueText(p.issues[0]!, "zh")).toBe('第 3 行，“人数”列：不是数字（允许：0–2000000000 的整数；实际为 "abc"）');
    expect(p.issueCount).toBe(6);
  });
  it("a missing count column is one issue naming the columns there are; an explicit mapping fixes it", () => {
    const t = parseTable("年龄段,健康状况,persons_total\n18-39,健康,10\n");
    const p = importPopulation(t, { columns: [{ field: AGE }, { field: HEALTH }] });
    expect(issueText(p.issues[0]!)).toMatch(/^column 人数: missing: no column for count \(allowed: a column named 人数 \/ count \/ persons/);
    expect(importPopulation(t, { columns: [{ field: AGE }, { field: HEALTH }] }, { count: "persons_total" }).cells[0]!.count).toBe(10);
  });
  it("shares × a total: counts by largest remainder sum to the total; shares not summing to 1 are refused", () => {
    const t = parseTable("年龄段,占比\n18-39,0.5\n40-59,0.3333333333\n60+,0.1666666667\n");
    const p = importPopulation(t, { columns: [{ field: AGE }], total: 1000 });
    expect(p.cells.map((c) => c.count)).toEqual([500, 333, 167]);
    expect(p.persons).toBe(1000);
    const bad = importPopulation(parseTable("年龄段,占比\n18-39,0.5\n40-59,0.4\n"), { columns: [{ field: AGE }], total: 1000 });
    expect(issueText(bad.issues[0]!)).toBe("column 占比: the shares do not sum to 1 (allowed: shares summing to 1 within 0.000001 (never rescaled); got 0.9)");
  });
});

describe("claims import", () => {
  it("the fixture is what its generator makes, and the lognormal fit on it recovers mu 8, sigma 1.2 within 3 standard errors", () => {
    const bytes = fixture("claims-lognormal.csv");
    expect(new TextDecoder().decode(bytes)).toBe(claimsFixtureCsv());
    const c = importClaims(parseTable(decodeTable(bytes).text));
    expect(c.issueCount).toBe(0);
    expect(c.records).toHaveLength(CLAIMS_FIXTURE.n);
    expect(c.categories[0]).toBe("住院");
    expect(c.dates[1]).toBe("2024-01-08");
    expect(c.records[0]).toEqual({ amount: 1316, deductible: 1000, deductibleApplied: true, limit: 50_000 });
    const fit = fitSeverity(c.records, "lognormal");
    expect(Math.abs(fit.parameters.mu! - CLAIMS_FIXTURE.mu) / fit.standardErrors!.mu!).toBeLessThan(3);
    expect(Math.abs(fit.parameters.sigma! - CLAIMS_FIXTURE.sigma) / fit.standardErrors!.sigma!).toBeLessThan(3);
  });
  it("names each bad row and column", () => {
    const c = importClaims(table("claims-bad.csv"));
    expect(c.records).toEqual([]);
    expect(c.issues.map((i) => issueText(i))).toEqual([
      'row 3, column amount: out of range (allowed: a number > 0 and ≤ 100000000; got "-20")',
      "row 4, column amount: at or below the deductible 1000 (allowed: an amount above the deductible (smaller losses are never reported), or mark the row as net of the deductible; got 800)",
      "row 5, column amount: above the limit 50000 (allowed: a ground-up amount at most the limit (a capped claim is recorded at the limit); got 60000)",
      'row 6, column date: not a calendar date (allowed: a date YYYY-MM-DD (or YYYY/M/D); got "2024-02-30")',
      'row 6, column deductibleApplied: not true/false (allowed: true/false, yes/no, 1/0 or 是/否; got "maybe")',
      "row 7, column limit: not above the deductible 2000 (allowed: a limit above the deductible; got 1500)",
    ]);
  });
  it("defaults fill columns the table lacks (a scheme's deductible and cap)", () => {
    const c = importClaims(parseTable("金额\n1500\n2000\n"), { deductible: 1000, limit: 1e5 });
    expect(c.records).toEqual([
      { amount: 1500, deductible: 1000, deductibleApplied: false, limit: 1e5 },
      { amount: 2000, deductible: 1000, deductibleApplied: false, limit: 1e5 },
    ]);
  });
  it("a preview of the first rows, as text", () => {
    const c = importClaims(table("claims-lognormal.csv"));
    expect(previewRows(c.mapped, 2)).toEqual([
      { row: "2", amount: "1316", category: "住院", date: "2024-01-01", deductible: "1000", deductibleApplied: "true", limit: "50000" },
      { row: "3", amount: "723.73", category: "门诊", date: "2024-01-08", deductible: "0", deductibleApplied: "false", limit: "50000" },
    ]);
  });
  it("the counts fixture is what its generator makes; its Poisson fit recovers 0.12 claims per person-year within 3 standard errors", () => {
    const bytes = fixture("claims-counts.csv");
    expect(new TextDecoder().decode(bytes)).toBe(countsFixtureCsv());
    const c = importCounts(parseTable(decodeTable(bytes).text));
    expect(c.issueCount).toBe(0);
    expect(c.records).toHaveLength(COUNTS_FIXTURE.groups);
    const f = fitPoisson(c.records);
    expect(Math.abs(f.lambda - COUNTS_FIXTURE.lambda) / f.lambdaSe).toBeLessThan(3);
  });
  it("counts and exposure", () => {
    const c = importCounts(parseTable("件数,人年\n3,100.5\n0,20\n"));
    expect(c.records).toEqual([{ count: 3, exposure: 100.5 }, { count: 0, exposure: 20 }]);
  });
});

describe("size", () => {
  it("100 000 generated population rows import in one linear pass (every row read, every bad row reported)", () => {
    const lines = ["年龄,地区,人数"];
    for (let i = 0; i < 100_000; i++) lines.push(`${i % 100},"区${Math.floor(i / 100)}",${i === 77_777 ? "x" : (i % 50) + 1}`);
    const AGE_N: FieldSpec = { key: "age", label: { zh: "年龄", en: "age" }, type: { kind: "integer", min: 0, max: 120 }, required: true, aliases: [] };
    const REGION: FieldSpec = { key: "region", label: { zh: "地区", en: "region" }, type: { kind: "text" }, required: true, aliases: [] };
    const t = parseTable(lines.join("\n"));
    expect(t.rows).toHaveLength(100_000);
    const bad = importPopulation(t, { columns: [{ field: AGE_N }, { field: REGION }] });
    expect(bad.issues.map((i) => issueText(i))).toEqual(['row 77779, column 人数: not a number (allowed: an integer 0–2000000000; got "x")']);
    t.rows[77_777]![2] = "1";
    const ok = importPopulation(t, { columns: [{ field: AGE_N }, { field: REGION }] });
    expect(ok.cells).toHaveLength(100_000);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += i === 77_777 ? 1 : (i % 50) + 1;
    expect(ok.persons).toBe(sum);
  });
  it("issues beyond the first 200 are counted, not listed", () => {
    const lines = ["n"];
    for (let i = 0; i < 1000; i++) lines.push("x");
    const m = mapTable(parseTable(lines.join("\n")), [{ key: "n", label: { zh: "数", en: "n" }, type: { kind: "integer", min: 0, max: 9 }, required: true, aliases: [] }]);
    expect(m.issues).toHaveLength(200);
    expect(m.issueCount).toBe(1000);
  });
});
