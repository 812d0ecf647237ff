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
 * "From date": empty or on/before the run's first day, the change holds for the whole run (the
 * JSON's plain number; a "change by %" starts from the value in force on that date); after it, the
 * change applies from that date on — {"value": v, "from": date} in the JSON, a new dated version of
 * the parameter, so a multi-year run's years before the date keep the rules' value.
 *
 * The first half is pure (tested in Node); `reformPicker` builds the DOM. Every text a user sees
 * is in both languages as paired spans, so a language switch changes no value and re-runs nothing.
 */
import { isIsoDate } from "../rules/dates.js";
import { closestPaths, parseReform, type Reform } from "../rules/reform.js";
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
  /** ISO date the change applies from (and a "change by %" starts from); "" = the run's first day. */
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
export function stepValue(scheme: Scheme, step: ReformStep, runDate: string): { value: number; base: number; date: string; dated: boolean } | { errors: FieldError[] } {
  if (!scheme.parameters.has(step.path)) {
    return { errors: [fieldError("path", `「${step.path}」不是「${scheme.name.zh}」的参数(请从搜索结果中选择)`, `"${step.path}" is not a parameter of ${scheme.name.en} (pick one from the search)`)] };
  }
  const p = scheme.parameters.param(step.path);
  const errors: FieldError[] = [];
  const first = p.versions[0]!.from;
  const date = step.from.trim() === "" ? runDate : step.from.trim();
  if (!isIsoDate(date)) errors.push(fieldError("from", `不是日期；允许 YYYY-MM-DD 格式、${first} 或之后的日期`, `not a date; allowed: a date YYYY-MM-DD on or after ${first}`));
  else if (date < first) errors.push(fieldError("from", `早于该参数的第一个版本；允许 ${first} 或之后的日期`, `before the parameter's first version; allowed: a date on or after ${first}`));
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
  return { value, base, date, dated: date > runDate };
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
export function stackReform(scheme: Scheme, stack: ReformStack, runDate: string): { reform: Reform; errors: { step: number; error: FieldError }[] } {
  const reform: Reform = {};
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
    reform[step.path] = r.dated ? { value: r.value, from: r.date } : r.value;
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
    const dated = typeof value === "object" && value !== null && !Array.isArray(value);
    const v: unknown = dated ? (value as Record<string, unknown>)["value"] : value;
    const date: unknown = dated ? (value as Record<string, unknown>)["from"] : "";
    if (dated && (Object.keys(value).some((k) => k !== "value" && k !== "from") || typeof date !== "string" || !isIsoDate(date))) {
      return { error: fieldError("json", `${path} 的日期写法：{"value": 数值, "from": "YYYY-MM-DD"}；输入的是 ${JSON.stringify(value)}`, `${path}: a value from a date is {"value": number, "from": "YYYY-MM-DD"}; got ${JSON.stringify(value)}`) };
    }
    if (typeof v !== "number" || !Number.isFinite(v) || v < p.range.min || v > p.range.max || (p.integer && !Number.isInteger(v))) {
      const range = rangeText(p);
      return { error: fieldError("json", `${path} 允许 ${range.zh}；输入的是 ${JSON.stringify(v)}`, `${path}: allowed ${range.en}; got ${JSON.stringify(v)}`) };
    }
    steps.push({ name: "", path, op: "set", amount: String(v), from: date as string });
  }
  // The command line's own check agrees (it throws an InputError on anything it refuses).
  parseReform(scheme, input);
  return { stack: { name, steps } };
}

/** Whether a parameter's value reads as a share (0–1) — shown as % beside the raw value. */
export function isShare(p: Parameter): boolean {
  return UNIT_INFO[p.unit].kind === "share";
}

// ---------------------------------------------------------------------------------------------
// The DOM: the picker as a form whose `value` is the stack, its reform JSON and its problems.

/** What the picker reports (`value`, with an "input" event on every change of the stack). */
export interface PickerValue {
  stack: ReformStack;
  /** The reform JSON of the stack; null while any step has an error. */
  reform: Reform | null;
  errors: FieldError[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Paired spans: the page's stylesheet shows the one in the page's language (src/components/i18n.ts). */
export function biText(text: Bilingual): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(el("span", { lang: "zh-CN" }, text.zh), el("span", { lang: "en" }, text.en));
  return f;
}

/** The one-line message beside a field (empty when there is none). */
function setError(slot: HTMLElement, error: FieldError | null): void {
  slot.replaceChildren();
  if (error) slot.append(biText(error.message));
  slot.hidden = error === null;
}

function errorSlot(field: string): HTMLElement {
  const s = el("span", { className: "input-error field-error", hidden: true });
  s.dataset["field"] = field;
  s.setAttribute("role", "alert");
  return s;
}

let uid = 0;

/**
 * The picker for `scheme` (runs from `runDate`), starting from `initial`. Labels and messages are
 * paired spans, so a language switch changes no value.
 */
export function reformPicker(scheme: Scheme, runDate: string, initial: ReformStack): HTMLElement & { value: PickerValue } {
  const id = `reform-${++uid}`;
  const form = el("form", { className: "reform-picker" }) as unknown as HTMLFormElement & { value: PickerValue };
  form.addEventListener("submit", (e) => e.preventDefault());
  let stack: ReformStack = { name: initial.name, steps: initial.steps.map((s) => ({ ...s })) };
  let chosen: Parameter | null = null;

  // The stack's name.
  const stackName = el("input", { type: "text", id: `${id}-name`, name: "reform-name", value: stack.name, maxLength: 80, autocomplete: "off" });
  stackName.placeholder = "改革 reform";
  const stackNameError = errorSlot("name");

  // Search.
  const search = el("input", { type: "search", id: `${id}-search`, name: "reform-search", autocomplete: "off" });
  search.placeholder = "保费 / premium / premium.adult";
  const hits = el("ul", { className: "reform-hits" });
  hits.setAttribute("aria-label", "parameters");

  // The chosen parameter and its change.
  const chosenBox = el("div", { className: "reform-chosen", hidden: true });
  const opSet = el("input", { type: "radio", name: `${id}-op`, value: "set", id: `${id}-op-set` });
  const opPct = el("input", { type: "radio", name: `${id}-op`, value: "pct", id: `${id}-op-pct`, checked: true });
  const amount = el("input", { type: "text", id: `${id}-amount`, name: "reform-amount", inputMode: "decimal", autocomplete: "off", value: "10" });
  const amountError = errorSlot("amount");
  const from = el("input", { type: "date", id: `${id}-from`, name: "reform-from" });
  const fromError = errorSlot("from");
  const stepName = el("input", { type: "text", id: `${id}-step-name`, name: "reform-step-name", maxLength: 80, autocomplete: "off" });
  const preview = el("p", { className: "reform-preview muted" });
  const add = el("button", { type: "button", className: "reform-add" }, biText({ zh: "加入改革", en: "Add to the reform" }));
  const pathError = errorSlot("path");

  // The stack and its JSON.
  const list = el("ol", { className: "reform-stack" });
  const jsonText = el("textarea", { id: `${id}-json`, name: "reform-json", rows: 3, spellcheck: false });
  const jsonUse = el("button", { type: "button", className: "reform-json-use" }, biText({ zh: "使用这段 JSON", en: "Use this JSON" }));
  const jsonError = errorSlot("json");

  const draft = (): ReformStep | null =>
    chosen ? { name: stepName.value.trim(), path: chosen.path, op: opSet.checked ? "set" : "pct", amount: amount.value, from: from.value } : null;

  function showHits(): void {
    hits.replaceChildren();
    if (search.value.trim() === "") {
      hits.append(el("li", { className: "muted" }, biText({ zh: `「${scheme.name.zh}」共有 ${scheme.parameters.paths.length} 个参数：输入名称或路径的一部分来查找`, en: `${scheme.name.en} has ${scheme.parameters.paths.length} parameters: type part of a name or path to find one` })));
      return;
    }
    const found = searchParameters(scheme.parameters.all, search.value, 8);
    if (found.length === 0) {
      hits.append(el("li", { className: "muted" }, biText({ zh: `「${scheme.name.zh}」没有与「${search.value}」匹配的参数`, en: `no parameter of ${scheme.name.en} matches "${search.value}"` })));
      return;
    }
    for (const h of found) {
      const p = h.parameter;
      const now = versionAt(p, runDate)?.value;
      const b = el("button", { type: "button", className: "reform-hit" }, biText(p.label), " ", el("code", {}, p.path), " ", el("span", { className: "muted" }, biText({ zh: `现行 ${now ?? "—"}${unitText(p).zh}`, en: `in force ${now ?? "—"}${unitText(p).en}` })));
      b.dataset["path"] = p.path;
      b.addEventListener("click", () => choose(p));
      hits.append(el("li", {}, b));
    }
  }

  function choose(p: Parameter): void {
    chosen = p;
    from.min = p.versions[0]!.from;
    chosenBox.hidden = false;
    chosenBox.querySelector(".reform-chosen-name")!.replaceChildren(biText(p.label), " ", el("code", {}, p.path));
    const now = versionAt(p, runDate)?.value;
    chosenBox.querySelector(".reform-chosen-range")!.replaceChildren(biText({ zh: `${runDate} 现行值 ${now ?? "—"}；允许 ${rangeText(p).zh}`, en: `in force on ${runDate}: ${now ?? "—"}; allowed: ${rangeText(p).en}` }));
    checkDraft();
  }

  /** Validates the draft as the user types: one line beside each field. */
  function checkDraft(): boolean {
    const d = draft();
    if (!d) return false;
    const r = stepValue(scheme, d, runDate);
    const errs = "errors" in r ? r.errors : [];
    setError(amountError, errs.find((e) => e.field === "amount") ?? null);
    setError(fromError, errs.find((e) => e.field === "from") ?? null);
    setError(pathError, errs.find((e) => e.field === "path" || e.field === "name") ?? null);
    const dup = stack.steps.findIndex((s) => s.path === d.path);
    if (!("errors" in r) && dup >= 0) setError(pathError, { field: "path", message: { zh: `参数：已由第 ${dup + 1} 项改革修改；每个参数只允许一项改革(先移除那一项)`, en: `parameter: already changed by change ${dup + 1}; allowed: one change per parameter (remove that one first)` } });
    preview.replaceChildren();
    if (!("errors" in r)) preview.append(biText({ zh: `${r.base}(${r.date} 现行)→ ${r.value}`, en: `${r.base} (in force ${r.date}) → ${r.value}` }));
    const ok = !("errors" in r) && dup < 0;
    add.disabled = !ok;
    return ok;
  }

  function render(): void {
    list.replaceChildren();
    const { reform, errors } = stackReform(scheme, stack, runDate);
    stack.steps.forEach((s, i) => {
      const p = scheme.parameters.has(s.path) ? scheme.parameters.param(s.path) : null;
      const r = stepValue(scheme, s, runDate);
      const name: Bilingual = s.name ? { zh: s.name, en: s.name } : p ? defaultStepName(p, s.op, s.amount) : { zh: s.path, en: s.path };
      const remove = el("button", { type: "button", className: "reform-remove" }, biText({ zh: "移除", en: "Remove" }));
      remove.addEventListener("click", () => {
        stack.steps.splice(i, 1);
        changed();
      });
      const item = el("li", {}, el("strong", {}, biText(name)), " ", el("code", {}, s.path), " ", "errors" in r ? "" : `${r.base} → ${r.value}`, " ", remove);
      for (const e of errors.filter((x) => x.step === i)) item.append(el("span", { className: "input-error field-error" }, biText(e.error.message)));
      list.append(item);
    });
    if (stack.steps.length === 0) list.append(el("li", { className: "muted" }, biText({ zh: "还没有改动：搜索一个参数并加入改革", en: "no change yet: find a parameter and add it" })));
    setError(stackNameError, errors.find((e) => e.step === -1)?.error ?? null);
    if (document.activeElement !== jsonText) jsonText.value = JSON.stringify(reform, null, 1).replace(/\n\s*/g, " ");
    form.value = { stack: structuredClone(stack), reform: errors.length === 0 ? reform : null, errors: errors.map((e) => e.error) };
  }

  function changed(): void {
    render();
    if (chosen) checkDraft();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  }

  search.addEventListener("input", (e) => {
    e.stopPropagation();
    showHits();
  });
  for (const input of [amount, from, stepName, opSet, opPct]) {
    input.addEventListener("input", (e) => {
      e.stopPropagation();
      checkDraft();
    });
    input.addEventListener("change", (e) => e.stopPropagation());
  }
  amount.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && checkDraft()) add.click();
  });
  add.addEventListener("click", () => {
    const d = draft();
    if (!d || !checkDraft()) return;
    stack.steps.push(d);
    // The change is in the stack: close the draft (a second add would be a duplicate).
    stepName.value = "";
    chosen = null;
    chosenBox.hidden = true;
    changed();
  });
  stackName.addEventListener("input", (e) => {
    e.stopPropagation();
    stack.name = stackName.value;
    changed();
  });
  jsonText.addEventListener("input", (e) => e.stopPropagation());
  jsonUse.addEventListener("click", () => {
    const r = stackFromJson(scheme, jsonText.value, stack.name);
    if ("error" in r) return setError(jsonError, r.error);
    setError(jsonError, null);
    stack = r.stack;
    jsonText.blur();
    changed();
  });

  const label = (forId: string, text: Bilingual) => el("label", { htmlFor: forId }, biText(text));
  chosenBox.append(
    el("p", { className: "reform-chosen-name" }),
    el("p", { className: "reform-chosen-range muted" }),
    el("div", { className: "reform-op", role: "radiogroup" }, el("label", {}, opPct, biText({ zh: "按百分比变化", en: "change by %" })), " ", el("label", {}, opSet, biText({ zh: "设为", en: "set to" }))),
    el("div", { className: "reform-field" }, label(`${id}-amount`, { zh: "数值(设为：参数单位；变化：%)", en: "Value (set to: the parameter's unit; change: %)" }), amount, amountError),
    el("div", { className: "reform-field" }, label(`${id}-from`, { zh: "起始日期(改动自该日起生效，按该日现行值计算；留空 = 整个模拟期)", en: "From date (the change applies from this day on, from the value in force then; empty = the whole run)" }), from, fromError),
    el("div", { className: "reform-field" }, label(`${id}-step-name`, { zh: "这项改动的名称(可选)", en: "Name of this change (optional)" }), stepName),
    preview,
    add,
    pathError,
  );
  form.append(
    el("div", { className: "reform-field" }, label(`${id}-name`, { zh: "改革名称", en: "Name of the reform" }), stackName, stackNameError),
    el("div", { className: "reform-field" }, label(`${id}-search`, { zh: `查找「${scheme.name.zh}」的参数：中文名、英文名或路径`, en: `Find a parameter of ${scheme.name.en}: Chinese or English name, or path` }), search),
    hits,
    chosenBox,
    el("p", { className: "reform-stack-title" }, biText({ zh: "改革包含的改动：", en: "Changes in this reform:" })),
    list,
    el("details", { className: "reform-json" }, el("summary", {}, biText({ zh: "改革 JSON(与命令行 --reform 相同，可直接编辑)", en: "Reform JSON (as the command line's --reform reads it; editable)" })), jsonText, " ", jsonUse, jsonError),
  );
  showHits();
  render();
  return form;
}
