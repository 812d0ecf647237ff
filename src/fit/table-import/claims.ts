/**
 * A claims table → claim records for the severity fitter (src/fit/severity/records.ts): amount
 * (元, required), and optionally category, date, deductible, deductibleApplied and limit; table
 * columns override the `defaults` (e.g. the scheme's deductible and cap). The cross-field rules
 * of the fitter (amount above its deductible unless net of it, limit above the deductible,
 * amount not above its limit) are checked here too, so each problem names its row and column.
 * Also a counts table (count, exposure in person-years) for the frequency fit.
 */
import { MAX_AMOUNT } from "../../rules/input.js";
import type { ClaimRecord } from "../severity/records.js";
import type { CountRecord } from "../frequency.js";
import { byRow, mapTable, MAX_ISSUES, type FieldSpec, type ImportIssue, type MappedTable } from "./columns.js";
import type { RawTable } from "./parse.js";

export const CLAIM_FIELDS: readonly FieldSpec[] = [
  { key: "amount", label: { zh: "金额", en: "amount" }, type: { kind: "number", min: 0, max: MAX_AMOUNT, minOpen: true }, required: true, aliases: ["赔付金额", "理赔金额", "损失金额", "赔款", "claim amount", "loss", "paid"] },
  { key: "category", label: { zh: "类别", en: "category" }, type: { kind: "text" }, required: false, aliases: ["类型", "险种", "type"] },
  { key: "date", label: { zh: "日期", en: "date" }, type: { kind: "date" }, required: false, aliases: ["出险日期", "赔付日期", "理赔日期", "claim date"] },
  { key: "deductible", label: { zh: "免赔额", en: "deductible" }, type: { kind: "number", min: 0, max: MAX_AMOUNT }, required: false, aliases: ["起付线", "免赔"] },
  { key: "deductibleApplied", label: { zh: "已扣免赔", en: "deductible applied" }, type: { kind: "boolean" }, required: false, aliases: ["deductibleapplied", "net of deductible", "已扣除免赔额"] },
  { key: "limit", label: { zh: "限额", en: "limit" }, type: { kind: "number", min: 0, max: MAX_AMOUNT, minOpen: true }, required: false, aliases: ["封顶线", "保额", "cap"] },
];

export interface ClaimsImport {
  records: ClaimRecord[];
  categories: (string | null)[];
  dates: (string | null)[];
  issues: ImportIssue[];
  issueCount: number;
  mapped: MappedTable;
}

export interface ClaimDefaults {
  deductible?: number;
  deductibleApplied?: boolean;
  limit?: number;
}

export function importClaims(table: RawTable, defaults: ClaimDefaults = {}, explicit: Record<string, string | null> = {}): ClaimsImport {
  const mapped = mapTable(table, CLAIM_FIELDS, explicit);
  const { issues } = mapped;
  let issueCount = mapped.issueCount;
  const add = (i: ImportIssue) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push(i);
  };
  const colName = (key: string) => {
    const c = mapped.mapping[key];
    return c === null || c === undefined ? key : table.header[c]!;
  };
  const v = mapped.values;
  const records: ClaimRecord[] = [];
  const categories: (string | null)[] = [];
  const dates: (string | null)[] = [];
  for (let r = 0; r < mapped.rows; r++) {
    const row = mapped.rowNumbers[r]!;
    const amount = v.amount![r];
    const deductible = (v.deductible![r] as number | null) ?? defaults.deductible ?? 0;
    const applied = (v.deductibleApplied![r] as boolean | null) ?? defaults.deductibleApplied ?? false;
    const limit = (v.limit![r] as number | null) ?? defaults.limit;
    categories.push(v.category![r] as string | null);
    dates.push(v.date![r] as string | null);
    if (typeof amount !== "number") continue; // already reported
    const ground = applied ? amount + deductible : amount;
    if (!applied && !(amount > deductible)) {
      add({ row, column: colName("amount"), problem: { en: `at or below the deductible ${deductible}`, zh: `不高于免赔额 ${deductible}` }, allowed: { en: "an amount above the deductible (smaller losses are never reported), or mark the row as net of the deductible", zh: "高于免赔额的金额（低于免赔额的损失不会报案），或标明已扣免赔" }, got: String(amount) });
      continue;
    }
    if (limit !== undefined && !(limit > deductible)) {
      add({ row, column: colName("limit"), problem: { en: `not above the deductible ${deductible}`, zh: `不高于免赔额 ${deductible}` }, allowed: { en: "a limit above the deductible", zh: "高于免赔额的限额" }, got: String(limit) });
      continue;
    }
    if (limit !== undefined && ground > limit * (1 + 1e-12)) {
      add({ row, column: colName("amount"), problem: { en: `above the limit ${limit}`, zh: `超过限额 ${limit}` }, allowed: { en: "a ground-up amount at most the limit (a capped claim is recorded at the limit)", zh: "不超过限额的损失金额（封顶的赔案按限额记录）" }, got: String(ground) });
      continue;
    }
    const rec: ClaimRecord = { amount, deductible, deductibleApplied: applied };
    if (limit !== undefined) rec.limit = limit;
    records.push(rec);
  }
  if (mapped.rows === 0) add({ row: null, column: null, problem: { en: "no claim rows", zh: "没有赔案行" }, allowed: { en: "one row per claim under the header", zh: "表头下每行一件赔案" }, got: "0 rows" });
  return issueCount > 0 ? { records: [], categories: [], dates: [], issues: byRow(issues), issueCount, mapped } : { records, categories, dates, issues, issueCount, mapped };
}

export const COUNT_FIELDS: readonly FieldSpec[] = [
  { key: "count", label: { zh: "赔案数", en: "claims" }, type: { kind: "integer", min: 0, max: 1e12 }, required: true, aliases: ["count", "claim count", "件数", "理赔件数"] },
  { key: "exposure", label: { zh: "暴露（人年）", en: "exposure" }, type: { kind: "number", min: 0, max: 1e12, minOpen: true }, required: true, aliases: ["person-years", "人年", "暴露", "exposure (person-years)"] },
];

export function importCounts(table: RawTable, explicit: Record<string, string | null> = {}): { records: CountRecord[]; issues: ImportIssue[]; issueCount: number; mapped: MappedTable } {
  const mapped = mapTable(table, COUNT_FIELDS, explicit);
  if (mapped.issueCount > 0) return { records: [], issues: mapped.issues, issueCount: mapped.issueCount, mapped };
  const records = mapped.values.count!.map((c, r) => ({ count: c as number, exposure: mapped.values.exposure![r] as number }));
  return { records, issues: [], issueCount: 0, mapped };
}
