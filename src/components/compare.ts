/**
 * Compare: a baseline and a reform (or two options of one scenario), every metric with its
 * difference and uncertainty. The two are simulated in one run, so they share random numbers
 * (common random numbers): the paired difference per replicate reflects the change, not chance.
 */
import * as Plot from "npm:@observablehq/plot";
import type { ReplicateRow } from "../sim/run.js";
import { compareOptions, type OptionComparison } from "../sim/summary.js";
import { formatAmount, t, type Lang } from "./i18n.js";
import { payerLabel, paysForOwnWorkers } from "../vocabulary/index.js";
import { fitLabel } from "./chart-text.js";
import type { Reform } from "../rules/reform.js";
import { currentLang, LANG_EVENT, type Bilingual } from "./i18n.js";
import { MAX_FILE_CHARS, type LoadedFile } from "./compare-state.js";
import { biText, reformPicker, type PickerValue, type ReformStack } from "./reform-picker.js";
import { pairing, type Pairing, type ScenarioComparison } from "../sim/compare-scenarios.js";
import type { EngineClient } from "../sim/engine-protocol.js";
import type { AnyScheme } from "../rules/index.js";
import { getScheme, schemeIds } from "../schemes/index.js";

const METRIC_LABEL: Record<string, { zh: string; en: string }> = {
  enrolled: { zh: "参保人数", en: "enrolled" },
  coverage: { zh: "参保率", en: "take-up" },
  gross: { zh: "保费收入(元)", en: "premium income (yuan)" },
  net: { zh: "个人实付(元)", en: "paid by the insured (yuan)" },
  subsidy_total: { zh: "他人付的保费合计(元，含补贴和平台/雇主缴费)", en: "premium paid by others (yuan: subsidies and platform / employer contributions)" },
  claims: { zh: "理赔件数", en: "claims" },
  benefits: { zh: "赔付(元)", en: "benefits (yuan)" },
  admin: { zh: "管理费用(元)", en: "administration (yuan)" },
  lossRatio: { zh: "赔付率", en: "loss ratio" },
  benefitPerEnrollee: { zh: "人均赔付(元)", en: "benefit per enrollee (yuan)" },
  // The cash basis beside the present value (src/sim/summary.ts, docs/methods: issue 12).
  cashBenefits: { zh: "赔付(元，现金口径)", en: "benefits (yuan, cash basis)" },
  cashLossRatio: { zh: "赔付率(现金口径)", en: "loss ratio (cash basis)" },
};

export function metricLabel(metric: string, lang: Lang): string {
  if (METRIC_LABEL[metric]) return t(METRIC_LABEL[metric]!, lang);
  if (metric.startsWith("subsidy_")) {
    const payer = metric.slice(8);
    // Platforms and employers pay for their own workers: a contribution, not a subsidy.
    return paysForOwnWorkers(payer)
      ? t({ zh: `${payerLabel(payer, "zh")}缴费(元)`, en: `paid by the ${payerLabel(payer, "en")} (yuan)` }, lang)
      : t({ zh: `${payerLabel(payer, "zh")}补贴(元)`, en: `${payerLabel(payer, "en")} subsidy (yuan)` }, lang);
  }
  if (metric.startsWith("cost_")) {
    // The employer's or platform's own cost of benefits outside the payout (src/sim/summary.ts).
    const payer = metric.slice(5);
    return t({ zh: `${payerLabel(payer, "zh")}自付的待遇成本(元)`, en: `benefit cost borne by the ${payerLabel(payer, "en")} (yuan)` }, lang);
  }
  return metric;
}

export interface DifferenceRow {
  metric: string;
  label: string;
  a: number | null;
  b: number | null;
  difference: number | null;
  mcse: number | null;
  q05: number | null;
  q95: number | null;
  pPositive: number | null;
}

/** The last year's comparison of b against a, one row per metric. */
export function differenceRows(rows: readonly ReplicateRow[], a: string, b: string, lang: Lang): { comparison: OptionComparison; rows: DifferenceRow[] } {
  const comparisons = compareOptions(rows, a, b);
  const comparison = comparisons[comparisons.length - 1]!;
  return {
    comparison,
    rows: Object.values(comparison.metrics).map((m) => ({
      metric: m.metric,
      label: metricLabel(m.metric, lang),
      a: m.meanA,
      b: m.meanB,
      difference: m.mean,
      mcse: m.mcse,
      q05: m.q05,
      q95: m.q95,
      pPositive: m.pPositive,
    })),
  };
}

export function formatMetric(metric: string, v: number | null, lang: Lang): string {
  if (v === null) return "—";
  if (metric === "coverage" || metric === "lossRatio" || metric === "cashLossRatio") return `${(100 * v).toFixed(2)} %`;
  return formatAmount(v, lang);
}

/** Relative change (b − a)/a with the 5–95 % interval of the difference (paired, or of independent pairs when unpaired), per metric. */
export function differenceChart(rows: readonly DifferenceRow[], { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const data = rows
    .filter((r) => r.a !== null && r.a !== 0 && r.difference !== null)
    .map((r) => ({ label: r.label, rel: r.difference! / Math.abs(r.a!), lo: r.q05 === null ? null : r.q05 / Math.abs(r.a!), hi: r.q95 === null ? null : r.q95 / Math.abs(r.a!) }));
  // Each metric's name above its interval (no y axis), so long names are never cut on a phone.
  const step = 44;
  return Plot.plot({
    width,
    height: 76 + step * data.length,
    marginLeft: 10,
    marginRight: 20,
    // Room above the first row for its name (printed above the interval).
    marginTop: 36,
    x: { label: t({ zh: "相对基准的变化 →", en: "change relative to the baseline →" }, lang), tickFormat: (d: number) => `${Math.round(100 * d)}%`, grid: true, ticks: Math.max(3, Math.floor(width / 110)) },
    y: { axis: null, domain: data.map((d) => d.label), padding: 0 },
    marks: [
      Plot.ruleX([0]),
      Plot.text(data, { y: "label", frameAnchor: "left", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -6, fontSize: 11, ...fitLabel(width, { fontSize: 11, left: 10, right: 20 }) }),
      // A metric without an interval (fewer than two replicates) shows only the dot.
      Plot.ruleY(data.filter((d) => d.lo !== null && d.hi !== null), { y: "label", x1: "lo", x2: "hi", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.dot(data, { y: "label", x: "rel", fill: "#0072B2", r: 4, tip: true, title: (d: { label: string; rel: number }) => `${d.label}: ${(100 * d.rel).toFixed(1)} %` }),
    ],
  }) as HTMLElement | SVGSVGElement;
}

// ---------------------------------------------------------------------------------------------
// Compare anything (issue 14): the form (scenario A and its option; against a reform stack,
// another option of A, or another scenario — shipped or loaded from a file), the runs it asks
// for, and the table of every metric. The form is built once and its texts are paired spans
// (select options follow the language switch in place), so switching the language re-runs nothing.

/** A shipped scenario as the page lists it (src/data/summaries.json). */
export interface ShippedEntry {
  id: string;
  title: Bilingual | string;
  date: string;
  years: number;
  seed: number;
  options: { id: string; label: Bilingual | string; scheme: string }[];
}

/** Where a scenario comes from: a shipped one, or a file the user loaded (as /my-scenario saves them). */
export type ScenarioSource = { kind: "shipped"; id: string } | { kind: "file"; file: LoadedFile };

/** What a scenario file says about itself, read without evaluating it (the worker validates it fully). */
export interface FileInfo {
  id: string;
  title: Bilingual | string;
  date: string;
  years: number;
  seed: number;
  options: { id: string; label: Bilingual | string; scheme: string }[];
}

export interface CompareError {
  field: string;
  message: Bilingual;
}

const bil = (b: Bilingual | string): Bilingual => (typeof b === "string" ? { zh: b, en: b } : b);

/**
 * Reads a loaded scenario file's outline — id, title, date, years, seed, options — with a message
 * naming the field when it is not a scenario (the engine validates the rest when it runs).
 */
export function readScenarioFile(file: LoadedFile): FileInfo | { error: CompareError } {
  const bad = (zh: string, en: string): { error: CompareError } => ({ error: { field: "file", message: { zh: `文件「${file.name}」：${zh}`, en: `file "${file.name}": ${en}` } } });
  if (file.text.length > MAX_FILE_CHARS) return bad(`太大(${file.text.length} 个字符)；允许最多 ${MAX_FILE_CHARS} 个字符的情景 JSON`, `too large (${file.text.length} characters); allowed: a scenario JSON of at most ${MAX_FILE_CHARS} characters`);
  let x: unknown;
  try {
    x = JSON.parse(file.text);
  } catch {
    return bad("不是合法的 JSON；允许 puhui simulate 读取的情景 JSON(例如“我的情景”页下载的文件)", "not valid JSON; allowed: a scenario JSON as puhui simulate reads it (e.g. the file /my-scenario downloads)");
  }
  if (typeof x !== "object" || x === null || Array.isArray(x)) return bad("不是对象；允许情景 JSON 对象", "not an object; allowed: a scenario JSON object");
  const s = x as Record<string, unknown>;
  if (typeof s["id"] !== "string") return bad("缺少 id(字符串)", "id: missing (allowed: a string)");
  if (typeof s["seed"] !== "number" || !Number.isSafeInteger(s["seed"]) || (s["seed"] as number) < 0) return bad("seed 须为非负整数", "seed: allowed a whole number ≥ 0");
  if (typeof s["date"] !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s["date"] as string)) return bad("date 须为 YYYY-MM-DD 格式的日期", "date: allowed a date YYYY-MM-DD");
  const years = s["years"] ?? 1;
  if (typeof years !== "number" || !Number.isInteger(years) || years < 1) return bad("years 须为正整数", "years: allowed a whole number ≥ 1");
  if (typeof s["population"] !== "object" || s["population"] === null) return bad("缺少 population(人群)", "population: missing (allowed: {\"cells\": […]} or {\"grid\": {…}})");
  const options = s["options"];
  if (!Array.isArray(options) || options.length === 0) return bad("options 须为非空数组", "options: allowed a non-empty list of options");
  const out: FileInfo["options"] = [];
  for (const [i, o] of options.entries()) {
    const oo = o as Record<string, unknown>;
    if (typeof o !== "object" || o === null || typeof oo["id"] !== "string" || typeof oo["scheme"] !== "string") return bad(`options[${i}] 须有 id 和 scheme`, `options[${i}]: allowed an object with an id and a scheme`);
    if (!schemeIds.includes(oo["scheme"] as string)) return bad(`options[${i}].scheme「${oo["scheme"]}」未知；允许 ${schemeIds.join("、")} 之一`, `options[${i}].scheme: unknown "${oo["scheme"]}"; allowed: one of ${schemeIds.join(", ")}`);
    const label = oo["label"];
    out.push({ id: oo["id"] as string, scheme: oo["scheme"] as string, label: typeof label === "string" || (typeof label === "object" && label !== null && "zh" in label && "en" in label) ? (label as Bilingual | string) : (oo["id"] as string) });
  }
  const title = s["title"];
  return { id: s["id"] as string, title: typeof title === "string" || (typeof title === "object" && title !== null && "zh" in title) ? (title as Bilingual | string) : (s["id"] as string), date: s["date"] as string, years, seed: s["seed"] as number, options: out };
}

/** The form's value: what to compare. */
export interface CompareSpec {
  a: ScenarioSource | null;
  optionA: string | null;
  against: "reform" | "option" | "scenario";
  b: ScenarioSource | null;
  optionB: string | null;
  picker: PickerValue | null;
  errors: CompareError[];
}

/** One engine run of the comparison. */
export interface ComparisonRun {
  scenarioText: string;
  seed: number;
}

export interface Comparison {
  runs: ComparisonRun[];
  /** Which run and option each side is. */
  a: { run: number; option: string; label: Bilingual };
  b: { run: number; option: string; label: Bilingual };
  pairing: Pairing;
  replicates: number;
}

export const COMPARE_REPLICATES = 1000;

/**
 * The runs a spec asks for, from the scenario texts of A and (for another scenario) B: a reform or
 * another option of A runs in one scenario with both options (paired by construction); another
 * scenario runs apart, paired only where the populations match (src/sim/compare-scenarios.ts).
 */
export function buildComparison(spec: CompareSpec, textA: string, textB: string | null, replicates = COMPARE_REPLICATES): Comparison | { error: CompareError } {
  if (spec.errors.length > 0) return { error: spec.errors[0]! };
  const sA = JSON.parse(textA) as { seed: number; years?: number; population: unknown; options: { id: string; label?: Bilingual | string; reform?: Reform }[]; calibration?: unknown };
  const base = sA.options.find((o) => o.id === spec.optionA);
  if (!base) return { error: { field: "optionA", message: { zh: `方案「${spec.optionA}」不在情景 A 中`, en: `option "${spec.optionA}" is not in scenario A` } } };
  delete sA.calibration;
  const labelA = bil(base.label ?? base.id);
  if (spec.against === "reform") {
    const reform = spec.picker?.reform;
    if (!spec.picker || !reform) return { error: spec.picker?.errors[0] ?? { field: "reform", message: { zh: "改革：尚未设定", en: "reform: not set yet" } } };
    if (Object.keys(reform).length === 0) return { error: { field: "reform", message: { zh: "改革：还没有改动；请搜索一个参数并加入改革", en: "reform: no change yet; find a parameter and add it" } } };
    const name = spec.picker.stack.name.trim();
    const label = name ? { zh: name, en: name } : { zh: `${labelA.zh} + 改革`, en: `${labelA.en} + reform` };
    const other = { ...structuredClone(base), id: base.id === "reform" ? "reform-b" : "reform", label, reform: { ...(base.reform ?? {}), ...reform } };
    sA.options = [base, other];
    return { runs: [{ scenarioText: JSON.stringify(sA), seed: sA.seed }], a: { run: 0, option: base.id, label: labelA }, b: { run: 0, option: other.id, label }, pairing: { paired: true, reasons: [] }, replicates };
  }
  if (spec.against === "option") {
    const other = sA.options.find((o) => o.id === spec.optionB && o.id !== base.id);
    if (!other) return { error: { field: "optionB", message: { zh: "对比方案：请选择情景 A 的另一个方案", en: "compared option: pick another option of scenario A" } } };
    sA.options = [base, other];
    return { runs: [{ scenarioText: JSON.stringify(sA), seed: sA.seed }], a: { run: 0, option: base.id, label: labelA }, b: { run: 0, option: other.id, label: bil(other.label ?? other.id) }, pairing: { paired: true, reasons: [] }, replicates };
  }
  if (textB === null) return { error: { field: "b", message: { zh: "情景 B：请选择一个内置情景或载入文件", en: "scenario B: pick a shipped scenario or load a file" } } };
  const sB = JSON.parse(textB) as typeof sA;
  const other = sB.options.find((o) => o.id === spec.optionB);
  if (!other) return { error: { field: "optionB", message: { zh: `方案「${spec.optionB}」不在情景 B 中`, en: `option "${spec.optionB}" is not in scenario B` } } };
  delete sB.calibration;
  sA.options = [base];
  sB.options = [other];
  const pair = pairing({ population: sA.population as never, years: sA.years ?? 1 }, sA.seed, { population: sB.population as never, years: sB.years ?? 1 }, sB.seed);
  return { runs: [{ scenarioText: JSON.stringify(sA), seed: sA.seed }, { scenarioText: JSON.stringify(sB), seed: sB.seed }], a: { run: 0, option: base.id, label: labelA }, b: { run: 1, option: other.id, label: bil(other.label ?? other.id) }, pairing: pair, replicates };
}

/** Progress and rows of a comparison's runs. */
export interface ComparisonUpdate {
  rows: ReplicateRow[][];
  done: number;
  total: number;
  elapsedMs: number;
  finished: boolean;
  error: string | null;
}

/** Runs the comparison's runs one after the other in the page's worker; returns a cancel function. */
export function runComparison(engine: EngineClient, c: Comparison, notify: (u: ComparisonUpdate) => void): () => void {
  const rows: ReplicateRow[][] = c.runs.map(() => []);
  const total = c.replicates * c.runs.length;
  let cancelled = false;
  let current: { cancel(): void } | null = null;
  let elapsed = 0;
  const chunk = Math.max(50, Math.min(1000, Math.round(c.replicates / 10)));
  const start = (i: number): void => {
    if (cancelled || i >= c.runs.length) return;
    const r = c.runs[i]!;
    const run = engine.run(
      { scenarioText: r.scenarioText, mode: "fast", replicates: c.replicates, seed: r.seed, uncertainty: true, range: [0, c.replicates] },
      {
        onRows: (got, done, _t, ms) => {
          rows[i] = [...got];
          notify({ rows: rows.map((x) => x), done: i * c.replicates + done, total, elapsedMs: elapsed + ms, finished: i === c.runs.length - 1 && done === c.replicates, error: null });
          if (done === c.replicates) elapsed += ms;
        },
      },
      chunk,
    );
    current = run;
    run.finished.then(
      () => start(i + 1),
      (error: Error) => {
        if (error.name !== "AbortError") notify({ rows: [], done: 0, total, elapsedMs: 0, finished: true, error: error.message });
      },
    );
  };
  start(0);
  return () => {
    cancelled = true;
    current?.cancel();
  };
}

/** The table's rows: every metric of the last year, A and B side by side, the difference and its uncertainty. */
export function comparisonRows(c: ScenarioComparison, lang: Lang): DifferenceRow[] {
  return c.metrics.map((m) => ({ metric: m.metric, label: metricLabel(m.metric, lang), a: m.meanA, b: m.meanB, difference: m.difference, mcse: m.se, q05: m.q05, q95: m.q95, pPositive: m.pPositive }));
}

// ----- The form's DOM.

function node<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** A select whose option texts are bilingual, re-labelled in place on a language switch. */
function biSelect(id: string, label: Bilingual, items: { value: string; text: Bilingual }[], value: string | null): { wrap: HTMLElement; select: HTMLSelectElement } {
  const select = node("select", { id, name: id });
  const paint = () => {
    const lang = currentLang();
    for (const o of Array.from(select.options)) o.textContent = (o as HTMLOptionElement & { bi?: Bilingual }).bi?.[lang] ?? o.value;
  };
  for (const it of items) {
    const o = node("option", { value: it.value }) as HTMLOptionElement & { bi?: Bilingual };
    o.bi = it.text;
    select.append(o);
  }
  paint();
  if (value !== null && items.some((i) => i.value === value)) select.value = value;
  window.addEventListener(LANG_EVENT, paint);
  const wrap = node("div", { className: "compare-field" }, node("label", { htmlFor: id }, biText(label)), select);
  return { wrap, select };
}

const FILE_CHOICE = "__file__";

export interface CompareFormInit {
  shipped: readonly ShippedEntry[];
  a: ScenarioSource | null;
  optionA: string | null;
  against: CompareSpec["against"];
  b: ScenarioSource | null;
  optionB: string | null;
  stack: ReformStack | null;
  /** A stack's scheme must match A's option's scheme; otherwise the default stack is used (with a note). */
}

/** The default reform of a scheme: its first pricing parameter (a premium) up by 20 %. */
export function defaultStack(scheme: AnyScheme): ReformStack {
  const path = scheme.pricing[0] ?? scheme.parameters.paths[0]!;
  return { name: "", steps: [{ name: "", path, op: "pct", amount: "20", from: "" }] };
}

/** A scenario chooser: shipped scenarios or a file; with the option select of the chosen one. */
function scenarioChooser(side: "a" | "b", init: CompareFormInit, source: ScenarioSource | null, option: string | null, onChange: () => void) {
  const wrap = node("div", { className: "compare-scenario" });
  const items = [...init.shipped.map((s) => ({ value: s.id, text: bil(s.title) })), { value: FILE_CHOICE, text: { zh: "从文件载入情景 JSON…", en: "Load a scenario JSON file…" } }];
  const { wrap: selWrap, select } = biSelect(`compare-${side}-scenario`, side === "a" ? { zh: "情景 A", en: "Scenario A" } : { zh: "情景 B", en: "Scenario B" }, items, source?.kind === "file" ? FILE_CHOICE : source?.id ?? init.shipped[0]!.id);
  const fileInput = node("input", { type: "file", accept: ".json,application/json", id: `compare-${side}-file`, name: `compare-${side}-file` });
  fileInput.setAttribute("aria-label", side === "a" ? "scenario A file" : "scenario B file");
  const fileName = node("span", { className: "muted compare-file-name" });
  const fileError = node("span", { className: "input-error field-error", hidden: true });
  fileError.dataset["field"] = `file-${side}`;
  fileError.setAttribute("role", "alert");
  const fileRow = node("div", { className: "compare-field compare-file" }, node("label", { htmlFor: fileInput.id }, biText({ zh: "情景文件(“我的情景”页下载的 JSON，或 puhui simulate 读取的文件)", en: "Scenario file (the JSON /my-scenario downloads, or any file puhui simulate reads)" })), fileInput, fileName, fileError);
  const optionSlot = node("div");
  wrap.append(selWrap, fileRow, optionSlot);
  let file: LoadedFile | null = source?.kind === "file" ? source.file : null;
  let info: FileInfo | ShippedEntry | null = null;
  let error: CompareError | null = null;
  let optionSelect: HTMLSelectElement | null = null;
  let tooLarge: CompareError | null = null;

  const refresh = (keepOption: string | null) => {
    const isFile = select.value === FILE_CHOICE;
    fileRow.hidden = !isFile;
    error = null;
    info = null;
    if (isFile) {
      fileName.replaceChildren(file ? file.name : "");
      if (!file) error = { field: `file-${side}`, message: { zh: "情景文件：请选择一个文件", en: "scenario file: choose a file" } };
      else if (tooLarge) error = tooLarge;
      else {
        const r = readScenarioFile(file);
        if ("error" in r) error = { ...r.error, field: `file-${side}` };
        else info = r;
      }
    } else info = init.shipped.find((s) => s.id === select.value) ?? null;
    fileError.replaceChildren();
    fileError.hidden = !(error && isFile);
    if (error && isFile) fileError.append(biText(error.message));
    optionSlot.replaceChildren();
    optionSelect = null;
    if (info) {
      const o = biSelect(`compare-${side}-option`, side === "a" ? { zh: "A 的方案", en: "Option of A" } : { zh: "B 的方案", en: "Option of B" }, info.options.map((x) => ({ value: x.id, text: bil(x.label) })), keepOption);
      optionSelect = o.select;
      o.select.addEventListener("input", (e) => {
        e.stopPropagation();
        onChange();
      });
      o.select.addEventListener("change", (e) => e.stopPropagation());
      optionSlot.append(o.wrap);
    }
  };
  select.addEventListener("input", (e) => {
    e.stopPropagation();
    refresh(null);
    onChange();
  });
  select.addEventListener("change", (e) => e.stopPropagation());
  fileInput.addEventListener("change", async (e) => {
    e.stopPropagation();
    const f = fileInput.files?.[0];
    if (!f) return;
    // A file far larger than any scenario is not read at all (the tab never freezes on it).
    tooLarge = f.size > MAX_FILE_CHARS * 4 ? { field: `file-${side}`, message: { zh: `文件「${f.name}」太大(${f.size} 字节)；允许最多 ${MAX_FILE_CHARS} 个字符的情景 JSON`, en: `file "${f.name}" is too large (${f.size} bytes); allowed: a scenario JSON of at most ${MAX_FILE_CHARS} characters` } } : null;
    if (tooLarge) {
      file = { name: f.name, text: "" };
      refresh(null);
      onChange();
      return;
    }
    file = { name: f.name, text: await f.text() };
    refresh(null);
    onChange();
  });
  fileInput.addEventListener("input", (e) => e.stopPropagation());
  refresh(option);
  return {
    wrap,
    get source(): ScenarioSource | null {
      if (select.value === FILE_CHOICE) return file ? { kind: "file", file } : null;
      return { kind: "shipped", id: select.value };
    },
    get info() {
      return info;
    },
    get error() {
      return error;
    },
    get option(): string | null {
      return optionSelect?.value ?? null;
    },
  };
}

/**
 * The Compare form. Its `value` is a CompareSpec; "input" fires on every change. `notes` gets a
 * note when a reform stack from the link does not apply to A's scheme (it is replaced by the default).
 */
export function compareForm(init: CompareFormInit): HTMLElement & { value: CompareSpec } {
  const form = node("form", { className: "compare-form" }) as unknown as HTMLFormElement & { value: CompareSpec };
  form.addEventListener("submit", (e) => e.preventDefault());
  const notes = node("div", { className: "compare-notes" });
  const aBox = node("fieldset", { className: "compare-side" }, node("legend", {}, biText({ zh: "基准", en: "Baseline" })));
  const bBox = node("fieldset", { className: "compare-side" }, node("legend", {}, biText({ zh: "对比对象", en: "Compared with" })));
  const bSlot = node("div");
  let picker: (HTMLElement & { value: PickerValue }) | null = null;
  let pickerScheme: string | null = null;
  let stack = init.stack;
  let bChooser: ReturnType<typeof scenarioChooser> | null = null;
  let optionB: HTMLSelectElement | null = null;

  const emit = () => {
    form.value = spec();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const a = scenarioChooser("a", init, init.a, init.optionA, () => {
    rebuildB();
    emit();
  });
  const modes = biSelect(
    "compare-against",
    { zh: "对比", en: "Compare with" },
    [
      { value: "reform", text: { zh: "基准方案 + 改革(挑选参数)", en: "the baseline with a reform (pick parameters)" } },
      { value: "option", text: { zh: "同一情景的另一个方案", en: "another option of the same scenario" } },
      { value: "scenario", text: { zh: "另一个情景(内置或载入文件)", en: "another scenario (shipped or loaded from a file)" } },
    ],
    init.against,
  );
  modes.select.addEventListener("input", (e) => {
    e.stopPropagation();
    rebuildB();
    emit();
  });
  modes.select.addEventListener("change", (e) => e.stopPropagation());

  function schemeOfA(): AnyScheme | null {
    const info = a.info;
    const o = info?.options.find((x) => x.id === a.option);
    return o ? getScheme(o.scheme) : null;
  }

  function rebuildB(first = false): void {
    const mode = modes.select.value as CompareSpec["against"];
    if (mode !== "reform") {
      // Keep the stack for when the user comes back to the reform.
      if (picker) stack = picker.value.stack;
      picker = null;
      pickerScheme = null;
    }
    bSlot.replaceChildren();
    optionB = null;
    bChooser = null;
    if (mode === "reform") {
      const scheme = schemeOfA();
      if (!scheme) return;
      if (picker && pickerScheme === scheme.id) {
        bSlot.append(picker);
        return;
      }
      if (picker) stack = picker.value.stack;
      let start = stack ?? defaultStack(scheme);
      notes.replaceChildren();
      if (!start.steps.every((s) => scheme.parameters.has(s.path))) {
        // A stale reform (of another scheme) never runs: say so and start from the default.
        const stale = start.steps.find((s) => !scheme.parameters.has(s.path))!;
        notes.append(node("p", { className: "url-notes", role: "status" }, biText({ zh: `改革中的参数 ${stale.path} 不属于「${scheme.name.zh}」，已改用该方案的默认改革(首个保费参数 +20 %)`, en: `the reform's parameter ${stale.path} is not one of ${scheme.name.en}'s; using its default reform instead (its first premium parameter +20 %)` })));
        start = defaultStack(scheme);
      }
      const date = a.info?.date ?? scheme.referenceDate;
      picker = reformPicker(scheme, date, start);
      pickerScheme = scheme.id;
      picker.addEventListener("input", (e) => {
        e.stopPropagation();
        emit();
      });
      bSlot.append(picker);
    } else if (mode === "option") {
      const info = a.info;
      const others = (info?.options ?? []).filter((o) => o.id !== a.option);
      if (others.length === 0) {
        bSlot.append(node("p", { className: "input-error field-error", role: "alert" }, biText({ zh: "对比方案：情景 A 只有一个方案；请选择改革或另一个情景", en: "compared option: scenario A has one option only; choose a reform or another scenario" })));
        return;
      }
      const o = biSelect("compare-b-option", { zh: "另一个方案", en: "Other option" }, others.map((x) => ({ value: x.id, text: bil(x.label) })), first ? init.optionB : null);
      optionB = o.select;
      o.select.addEventListener("input", (e) => {
        e.stopPropagation();
        emit();
      });
      o.select.addEventListener("change", (e) => e.stopPropagation());
      bSlot.append(o.wrap);
    } else {
      bChooser = scenarioChooser("b", init, first ? init.b : null, first ? init.optionB : null, emit);
      bSlot.append(bChooser.wrap);
    }
  }

  function spec(): CompareSpec {
    const against = modes.select.value as CompareSpec["against"];
    const errors: CompareError[] = [];
    if (a.error) errors.push(a.error);
    if (against === "scenario" && bChooser?.error) errors.push(bChooser.error);
    const optB = against === "option" ? optionB?.value ?? null : against === "scenario" ? bChooser?.option ?? null : null;
    if (against === "option" && optB === null) errors.push({ field: "optionB", message: { zh: "对比方案：情景 A 只有一个方案", en: "compared option: scenario A has one option only" } });
    return { a: a.source, optionA: a.option, against, b: against === "scenario" ? bChooser?.source ?? null : null, optionB: optB, picker: picker?.value ?? null, errors };
  }

  aBox.append(a.wrap);
  bBox.append(modes.wrap, bSlot);
  form.append(aBox, bBox, notes);
  rebuildB(true);
  form.value = spec();
  return form;
}
