/**
 * Reforms without JSON (issue 14): a searchable picker of a scheme's rule parameters — by name in
 * Chinese or English, or by path — read from the parameter objects the formulas use (label, unit,
 * allowed range, dated versions: src/rules/parameter.ts, written in src/schemes/<id>/parameters.yaml).
 * For the chosen parameter: "set to" a value or "change by %" from the value in force on a date
 * ("from date"), validated as the user types — one line beside the field naming the field and the
 * allowed range, taken from the parameter's own range; never NaN, never a silent clamp. Several
 * changes stack (each named, the stack too) and serialise to the reform JSON the command line
 * reads (`puhui simulate --reform`, an option's "reform": {path: value}, src/rules/reform.ts);
 * that JSON stays editable for power users and is read back into the stack.
 *
 * The reform JSON replaces a parameter's value in every dated version (docs/rules.md, Reforms), so
 * a reform holds for the whole run: "from date" is the date whose value in force a "change by %"
 * starts from, and it may not be later than the run's first day (a change from a later date is
 * not something that JSON can say — the message says so rather than run something else).
 *
 * The first half is pure (tested in Node); `reformPicker` builds the DOM. Every text a user sees
 * is in both languages as paired spans, so a language switch changes no value and re-runs nothing.
 */
import { closestPaths, parseReform } from "../rules/reform.js";
import { versionAt, type Parameter } from "../rules/parameter.js";
import type { Scheme } from "../rules/scheme.js";
import { UNIT_INFO, unitName, type Bilingual } from "../vocabulary/index.js";

export type ReformOp = "set" | "pct";

/** One change of the stack, as the user wrote it (the amount as typed, so nothing is lost). */
export interface ReformStep {
  name: string;
  path: string;
  op: ReformOp;
  /** The number typed: the new value ("set") or the change in percent ("pct"). */
  amount: string;
  /** ISO date the "change by %" starts from; "" = the run's first day. */
  from: string;
}

/** A named stack of changes. */
export interface ReformStack {
  name: string;
  steps: ReformStep[];
}

/** A message for one field of the form: the field's name first, then what is allowed. */
export interface FieldError {
  field: "path" | "amount" | "from" | "name" | "json";
  message: Bilingual;
}

const FIELD_NAME: Record<FieldError["field"], Bilingual> = {
  path: { zh: "参数", en: "parameter" },
  amount: { zh: "数值", en: "value" },
  from: { zh: "起始日期", en: "from date" },
  name: { zh: "名称", en: "name" },
  json: { zh: "改革 JSON", en: "reform JSON" },
};
const OP_FIELD: Record<ReformOp, Bilingual> = { set: { zh: "设为", en: "set to" }, pct: { zh: "变化百分比", en: "change by %" } };

function fieldError(field: FieldError["field"], zh: string, en: string, name: Bilingual = FIELD_NAME[field]): FieldError {
  return { field, message: { zh: `${name.zh}：${zh}`, en: `${name.en}: ${en}` } };
}

/** Numbers without float noise: 0.1 × 1.2 → 0.12. */
export function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** A number as typed ("1,200", " 0.8 ", "-20"); undefined for anything else (never NaN). */
export function parseAmount(text: string): number | undefined {
  const s = text.trim().replace(/[,_\s，]/g, "").replace(/^＋/, "+").replace(/^[－−]/, "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** The unit's name in brackets, or "" for shares and ratios written as plain numbers. */
function unitText(p: Parameter): Bilingual {
  const zh = unitName(p.unit, "zh");
  const en = unitName(p.unit, "en");
  return { zh: `(${zh})`, en: ` (${en})` };
}

/** "0 到 1(比例)" / "0 to 1 (share)", "1 到 10 的整数" / "a whole number from 1 to 10". */
export function rangeText(p: Parameter): Bilingual {
  const u = unitText(p);
  return p.integer
    ? { zh: `${p.range.min} 到 ${p.range.max} 的整数${u.zh}`, en: `a whole number from ${p.range.min} to ${p.range.max}${u.en}` }
    : { zh: `${p.range.min} 到 ${p.range.max} 之间的数${u.zh}`, en: `a number from ${p.range.min} to ${p.range.max}${u.en}` };
}

/** Percent with a sign and at most 2 decimals: 25 → "+25 %", -100 → "−100 %". */
function signedPct(x: number): string {
  const r = Number(x.toFixed(2));
  return `${r > 0 ? "+" : r < 0 ? "−" : ""}${Math.abs(r)} %`;
}

export interface SearchHit {
  parameter: Parameter;
  /** Lower is better: 0 path exact, 1 path prefix, 2 label starts with, 3 contains. */
  score: number;
}

/**
 * Parameters matching every word of `query` in the path or the Chinese or English label
 * (case-insensitive), best first: an exact path, a path prefix, a label that starts with the
 * query, then any match; ties in path order. An empty query lists every parameter.
 */
export function searchParameters(parameters: readonly Parameter[], query: string, limit = 12): SearchHit[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter((w) => w !== "");
  const hits: SearchHit[] = [];
  for (const p of parameters) {
    const path = p.path.toLowerCase();
    const zh = p.label.zh.toLowerCase();
    const en = p.label.en.toLowerCase();
    const hay = `${path}\n${zh}\n${en}`;
    if (!words.every((w) => hay.includes(w))) continue;
    const score = q === "" ? 3 : path === q ? 0 : path.startsWith(q) || path.endsWith(`.${q}`) ? 1 : zh.startsWith(q) || en.startsWith(q) ? 2 : 3;
    hits.push({ parameter: p, score });
  }
  return hits.sort((a, b) => a.score - b.score || a.parameter.path.localeCompare(b.parameter.path)).slice(0, limit);
}

/** The value a step gives the parameter, or the errors beside its fields. `runDate`: the run's first day. */
export function stepValue(scheme: Scheme, step: ReformStep, runDate: string): { value: number; base: number; date: string } | { errors: FieldError[] } {
  if (!scheme.parameters.has(step.path)) {
    return { errors: [fieldError("path", `「${step.path}」不是「${scheme.name.zh}」的参数(请从搜索结果中选择)`, `"${step.path}" is not a parameter of ${scheme.name.en} (pick one from the search)`)] };
  }
  const p = scheme.parameters.param(step.path);
  const errors: FieldError[] = [];
  const first = p.versions[0]!.from;
  const date = step.from.trim() === "" ? runDate : step.from.trim();
  if (!isIsoDate(date)) errors.push(fieldError("from", `不是日期；允许 YYYY-MM-DD 格式、${first} 到 ${runDate} 之间的日期`, `not a date; allowed: a date YYYY-MM-DD from ${first} to ${runDate}`));
  else if (date < first) errors.push(fieldError("from", `早于该参数的第一个版本；允许 ${first} 到 ${runDate} 之间的日期`, `before the parameter's first version; allowed: a date from ${first} to ${runDate}`));
  else if (date > runDate) {
    errors.push(fieldError("from", `晚于模拟的第一天；命令行读取的改革 JSON 对整个模拟期生效，允许 ${first} 到 ${runDate} 之间的日期`, `after the run's first day; the reform JSON the command line reads holds for the whole run, so allowed: a date from ${first} to ${runDate}`));
  }
  const base = errors.length === 0 ? versionAt(p, date)!.value : versionAt(p, runDate)?.value ?? p.versions[0]!.value;
  const amount = parseAmount(step.amount);
  const range = rangeText(p);
  const opName = OP_FIELD[step.op];
  let value: number | undefined;
  if (amount === undefined) {
    errors.push(
      step.op === "set"
        ? fieldError("amount", `不是数字；允许 ${range.zh}`, `not a number; allowed: ${range.en}`, opName)
        : fieldError("amount", `不是数字；允许一个百分数，例如 20 或 -10`, `not a number; allowed: a percentage such as 20 or -10`, opName),
    );
  } else if (step.op === "set") {
    if (amount < p.range.min || amount > p.range.max || (p.integer && !Number.isInteger(amount))) {
      errors.push(fieldError("amount", `允许 ${range.zh}；输入的是 ${amount}`, `allowed: ${range.en}; got ${amount}`, opName));
    } else value = amount;
  } else if (base === 0) {
    errors.push(fieldError("amount", `现行值为 0，无法按百分比变化；请改用“设为”`, `the value in force is 0, so it cannot change by a percentage; use "set to"`, opName));
  } else {
    const lo = (p.range.min / base - 1) * 100;
    const hi = (p.range.max / base - 1) * 100;
    const [pmin, pmax] = base > 0 ? [lo, hi] : [hi, lo];
    const v = tidy(base * (1 + amount / 100));
    if (v < p.range.min || v > p.range.max) {
      errors.push(fieldError("amount", `允许 ${signedPct(pmin)} 到 ${signedPct(pmax)}(结果须为 ${range.zh}，现行值 ${base})；输入的是 ${signedPct(amount)}`, `allowed: ${signedPct(pmin)} to ${signedPct(pmax)} (the result must be ${range.en}; in force: ${base}); got ${signedPct(amount)}`, opName));
    } else if (p.integer && !Number.isInteger(v)) {
      errors.push(fieldError("amount", `结果 ${v} 不是整数；该参数只取整数，请改用“设为”`, `gives ${v}, not a whole number; this parameter takes whole numbers only, use "set to"`, opName));
    } else value = v;
  }
  if (step.name.trim().length > 80) errors.push(fieldError("name", `太长；允许最多 80 个字符`, `too long; allowed: at most 80 characters`));
  if (errors.length > 0 || value === undefined) return { errors };
  return { value, base, date };
}

/** A default name for a step: the parameter's label and the change ("保费 +20 %", "premium set to 100"). */
export function defaultStepName(p: Parameter, op: ReformOp, amount: string): Bilingual {
  const n = parseAmount(amount);
  const change = n === undefined ? "" : op === "pct" ? ` ${signedPct(n)}` : "";
  return op === "pct" || n === undefined
    ? { zh: `${p.label.zh}${change}`, en: `${p.label.en}${change}` }
    : { zh: `${p.label.zh}设为 ${n}`, en: `${p.label.en} set to ${n}` };
}

/**
 * The stack as the reform JSON the command line reads ({path: value}), or the errors of each step
 * (by index). Two changes of one parameter are an error on the second (the JSON has one value per path).
 */
export function stackReform(scheme: Scheme, stack: ReformStack, runDate: string): { reform: Record<string, number>; errors: { step: number; error: FieldError }[] } {
  const reform: Record<string, number> = {};
  const errors: { step: number; error: FieldError }[] = [];
  const seen = new Map<string, number>();
  stack.steps.forEach((step, i) => {
    const r = stepValue(scheme, step, runDate);
    if ("errors" in r) {
      for (const error of r.errors) errors.push({ step: i, error });
      return;
    }
    const before = seen.get(step.path);
    if (before !== undefined) {
      errors.push({ step: i, error: fieldError("path", `已由第 ${before + 1} 项改革修改；每个参数只允许一项改革`, `already changed by change ${before + 1}; allowed: one change per parameter`) });
      return;
    }
    seen.set(step.path, i);
    reform[step.path] = r.value;
  });
  if (stack.name.trim().length > 80) errors.push({ step: -1, error: fieldError("name", `太长；允许最多 80 个字符`, `too long; allowed: at most 80 characters`) });
  // The command line's own check, as a second opinion (it throws an InputError on anything it refuses).
  if (errors.length === 0) parseReform(scheme, reform);
  return { reform, errors };
}

/**
 * Reads reform JSON (as the command line takes it) into a stack of "set to" steps, or one error
 * naming what is wrong (the rules module's message: unknown path with the closest ones, or the range).
 */
export function stackFromJson(scheme: Scheme, text: string, name = ""): { stack: ReformStack } | { error: FieldError } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { error: fieldError("json", `不是合法的 JSON；允许一个“参数路径 → 数值”的对象，例如 {"${scheme.parameters.paths[0]}": 1}`, `not valid JSON; allowed: an object of parameter paths → numbers, e.g. {"${scheme.parameters.paths[0]}": 1}`) };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { error: fieldError("json", `不是“参数路径 → 数值”的对象，例如 {"${scheme.parameters.paths[0]}": 1}`, `not an object of parameter paths → numbers, e.g. {"${scheme.parameters.paths[0]}": 1}`) };
  }
  const steps: ReformStep[] = [];
  for (const [path, value] of Object.entries(input)) {
    if (!scheme.parameters.has(path)) {
      const close = closestPaths(scheme.parameters.paths, path).join(", ");
      return { error: fieldError("json", `「${path}」不是「${scheme.name.zh}」的参数(路径以 “${scheme.id}.” 开头)；最接近的有效路径：${close}`, `"${path}" is not a parameter of ${scheme.name.en} (paths start with "${scheme.id}."); closest valid paths: ${close}`) };
    }
    const p = scheme.parameters.param(path);
    if (typeof value !== "number" || !Number.isFinite(value) || value < p.range.min || value > p.range.max || (p.integer && !Number.isInteger(value))) {
      const range = rangeText(p);
      return { error: fieldError("json", `${path} 允许 ${range.zh}；输入的是 ${JSON.stringify(value)}`, `${path}: allowed ${range.en}; got ${JSON.stringify(value)}`) };
    }
    steps.push({ name: "", path, op: "set", amount: String(value), from: "" });
  }
  // The command line's own check agrees (it throws an InputError on anything it refuses).
  parseReform(scheme, input);
  return { stack: { name, steps } };
}

/** Whether a parameter's value reads as a share (0–1) — shown as % beside the raw value. */
export function isShare(p: Parameter): boolean {
  return UNIT_INFO[p.unit].kind === "share";
}
