/**
 * The scenario panel: controls for a shipped scenario's assumptions (point values and the centre
 * of their priors), parameter uncertainty, replicates, seed and a reform of any rule parameter —
 * kept in the URL so a link reproduces the view — and the job that re-runs the engine live in the
 * page's Web Worker (src/sim/web-worker.ts via EngineClient): quick results first, refined as
 * more replicates arrive. Bad values show a message beside the input, never NaN.
 */
import { InputError } from "../rules/input-error.js";
import { applyReform } from "../rules/index.js";
import { getScheme } from "../schemes/index.js";
import { priorControl, priorText, recentred, type PriorSpec } from "../vocabulary/index.js";
import type { EngineClient } from "../sim/engine-protocol.js";
import type { ReplicateRow } from "../sim/run.js";
import { parseScenarioText } from "../sim/scenario.js";
import { assumptionQuantity, plainLabel } from "./assumption-labels.js";
import { errorElement, t, type Bilingual, type Lang } from "./i18n.js";
import { codecs, fallbackNote, getParam, integerIn, notesBox, numberIn, oneOfText, replaceParams, type StateNote } from "./url-state.js";

/** What the data loader src/data/scenario/[id].json.ts gives for one shipped scenario. */
export interface BaselineEntry {
  file: string;
  /** The scenario file from the repository root (simulations/scenarios/<file>, or a scheme's own). */
  path: string;
  id: string;
  title: Bilingual | string;
  description: string | null;
  years: number;
  seed: number;
  replicates: number;
  options: { id: string; label: Bilingual | string; scheme: string; reform: Record<string, number> | null }[];
  command: string;
  scenarioText: string;
}

export interface PanelState {
  /** The scenario JSON (resolved) with the user's changes: what the worker runs. */
  scenarioText: string;
  replicates: number;
  seed: number;
  uncertainty: boolean;
  /** Assumption values changed from the shipped scenario. */
  changed: Record<string, number>;
  reform: Record<string, Record<string, number>>;
  /** The `puhui simulate` command and the scenario JSON that reproduce the view. */
  command: string;
  error: string | null;
}

export const REPLICATE_CHOICES = [200, 1000, 5000, 20000] as const;

export function label(text: Bilingual | string, lang: Lang): string {
  return typeof text === "string" ? text : t(text, lang);
}

interface AssumptionJson {
  value: number;
  prior: PriorSpec;
  label?: Bilingual | string;
  rationale: Bilingual | string;
  source?: string;
}

/** The number box's text: 4 significant digits. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

const fmtValue = (x: number) => String(Number(x.toPrecision(4)));
/** Display values (percent) to at most 2 decimals where that is finer than 4 significant digits. */
const fmtDisplay = (x: number, percent: boolean) => (percent ? String(Number(x.toFixed(x < 1 ? 3 : 2))) : fmtValue(x));

/** The shipped scenario's JSON as the panel reads it. */
interface ScenarioJson {
  assumptions?: Record<string, AssumptionJson>;
  options: { id: string; reform?: Record<string, number> }[];
  seed: number;
}

/**
 * The controls as a Framework input (an element with `value` and "input" events). `key` prefixes
 * the URL parameters so several panels can share a page.
 */
export function scenarioControls(baseline: BaselineEntry, lang: Lang, key = "s"): HTMLElement & { value: PanelState } {
  const base = JSON.parse(baseline.scenarioText) as ScenarioJson;
  const assumptions = Object.entries(base.assumptions ?? {}).filter(([, a]) => Number.isFinite(a.value));
  const form = el("form", { className: "scenario-controls" }) as HTMLFormElement & { value: PanelState };
  form.addEventListener("submit", (e) => e.preventDefault());
  const changed: Record<string, number> = {};

  const grid = el("div", { className: "scenario-assumptions" });
  for (const [name, a] of assumptions) grid.append(assumptionControl(name, a, key, lang, changed, () => update()));
  const run = runControls(baseline, base.seed, key, lang);
  const reform = reformControl(baseline, key, lang);
  for (const c of [reform.input, run.reps, run.seed, run.uncertainty]) {
    c.addEventListener("input", (e) => {
      e.stopPropagation();
      update();
    });
  }

  const state = () => panelState(baseline, base.seed, changed, run, reform, lang);
  function update() {
    form.value = state();
    const params: Record<string, string | null> = {};
    for (const [name] of assumptions) params[`${key}.${name}`] = name in changed ? String(changed[name]) : null;
    params[`${key}.reps`] = run.reps.value === String(baseline.replicates) ? null : run.reps.value;
    params[`${key}.seed`] = run.seed.value === String(base.seed) ? null : run.seed.value;
    params[`${key}.unc`] = run.uncertainty.checked ? null : "0";
    params[`${key}.reform`] = reform.input.value.trim() === "" ? null : reform.input.value.trim();
    replaceParams(params);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  }

  form.append(grid, run.row, reform.box);
  if (run.notes) run.row.after(run.notes);
  form.value = state();
  return form;
}

/**
 * One assumption's control: a slider and a number box over its prior (shares and take-up logits
 * in percent), its label, badge, prior and rationale, the value from the URL (or a note why not).
 * A change is written into `changed` (deleted when back at the shipped value), then `onChange`.
 */
function assumptionControl(name: string, a: AssumptionJson, key: string, lang: Lang, changed: Record<string, number>, onChange: () => void): HTMLElement {
  // The control: its range covers the prior; shares and take-up logits are set in percent.
  const control = priorControl(a.prior, a.value, assumptionQuantity(name, a.prior, a.value));
  const percent = control.display === "percent";
  const [lo, hi] = [control.fromDisplay(control.min), control.fromDisplay(control.max)];
  const fromUrl = getParam(`${key}.${name}`);
  let initial = a.value;
  let urlNote: StateNote | null = null;
  if (fromUrl !== null) {
    const codec = numberIn(Math.min(lo, hi), Math.max(lo, hi), fmtValue);
    const v = codec.parse(fromUrl);
    if (v !== undefined) {
      initial = v;
      if (v !== a.value) changed[name] = v;
    } else urlNote = fallbackNote(`${key}.${name}`, fromUrl, codec.describe, fmtValue(a.value));
  }
  const id = `${key}-${name.replace(/[^a-z0-9]/gi, "-")}`;
  const position = (v: number) => String(control.toSlider(control.toDisplay(v)));
  const input = el("input", { type: "range", id, min: String(control.slider.min), max: String(control.slider.max), step: String(control.slider.step), value: position(initial) });
  const number = el("input", { type: "number", min: String(control.min), max: String(control.max), step: "any", value: fmtDisplay(control.toDisplay(initial), percent) });
  number.setAttribute("aria-label", percent ? `${name} (%)` : name);
  const message = el("span", { className: "input-error" });
  message.setAttribute("role", "alert");
  const plain = plainLabel(name, a.label, lang);
  const text = plain.label;
  // The plain label, then the assumption's name as it appears in the scenario JSON (and the reproduce
  // snippet); the technical note and the rationale (in the page's language) are also in the badge's tooltip.
  const rationale = label(a.rationale, lang);
  const badge = el("span", { className: "assumption-badge", title: [plain.note, rationale].filter(Boolean).join("\n") }, t({ zh: "假设", en: "assumption" }, lang));
  const title = el("label", { htmlFor: id }, text, " ", el("code", { className: "assumption-name" }, name), " ", badge);
  if (plain.note) title.title = plain.note;
  // `shown` is in display units (percent for a share); the model value is control.fromDisplay(shown).
  const set = (shown: number, from: "range" | "number") => {
    if (!Number.isFinite(shown) || shown < control.min - 1e-9 || shown > control.max + 1e-9) {
      const [a0, b0] = [fmtDisplay(control.min, percent) + control.suffix, fmtDisplay(control.max, percent) + control.suffix];
      message.textContent = t({ zh: `${text}：须在 ${a0} 到 ${b0} 之间`, en: `${text}: must be between ${a0} and ${b0}` }, lang);
      return;
    }
    message.textContent = "";
    // 12 significant digits: 85.1 % is 0.851 in the link, not 0.8509999999999999.
    const v = Number(control.fromDisplay(shown).toPrecision(12));
    if (from === "range") number.value = fmtDisplay(shown, percent);
    else input.value = String(control.toSlider(shown));
    if (v === a.value) delete changed[name];
    else changed[name] = v;
    onChange();
  };
  input.addEventListener("input", (e) => {
    e.stopPropagation();
    set(control.fromSlider(input.valueAsNumber), "range");
  });
  number.addEventListener("input", (e) => {
    e.stopPropagation();
    set(number.valueAsNumber, "number");
  });
  const inputs = el("div", { className: "scenario-inputs" }, input, number);
  if (control.suffix) inputs.append(el("span", { className: "unit-suffix" }, control.suffix));
  // A take-up logit's prior is in logit units: say what range of take-up it spans.
  const span = control.quantity === "logit" ? t({ zh: `(参保率 ${fmtDisplay(control.min, true)}–${fmtDisplay(control.max, true)} %)`, en: ` (take-up ${fmtDisplay(control.min, true)}–${fmtDisplay(control.max, true)} %)` }, lang) : "";
  const priorNote = el("small", { className: "muted assumption-prior" }, `${t({ zh: "先验", en: "prior" }, lang)}: ${priorText(a.prior, lang)}${span}`);
  const item = el("div", { className: "scenario-assumption" }, title, inputs, priorNote, el("small", { className: "muted" }, [plain.note, rationale].filter(Boolean).join(" — ")), message);
  const box = urlNote ? notesBox([urlNote]) : null;
  if (box) item.append(box);
  return item;
}

interface RunControls {
  row: HTMLElement;
  /** Notes on bad URL values for the row, or null. */
  notes: HTMLElement | null;
  reps: HTMLSelectElement;
  seed: HTMLInputElement;
  seedCodec: ReturnType<typeof integerIn>;
  seedError: HTMLElement;
  uncertainty: HTMLInputElement;
}

/** Replicates, seed, uncertainty: a bad value in the URL is named in a note under the row. */
function runControls(baseline: BaselineEntry, baseSeed: number, key: string, lang: Lang): RunControls {
  const runNotes: StateNote[] = [];
  const defaultReps = (REPLICATE_CHOICES as readonly number[]).includes(baseline.replicates) ? baseline.replicates : 1000;
  const repsCodec = integerIn(1);
  const repsRaw = getParam(`${key}.reps`);
  let repsInitial = defaultReps;
  if (repsRaw !== null) {
    const n = repsCodec.parse(repsRaw);
    if (n !== undefined && (REPLICATE_CHOICES as readonly number[]).includes(n)) repsInitial = n;
    else runNotes.push(fallbackNote(`${key}.reps`, repsRaw, oneOfText(REPLICATE_CHOICES), String(defaultReps)));
  }
  const reps = el("select", { id: `${key}-reps` });
  for (const n of REPLICATE_CHOICES) reps.append(el("option", { value: String(n), selected: n === repsInitial }, String(n)));
  reps.value = String(repsInitial);
  const seedCodec = integerIn(0);
  const seedRaw = getParam(`${key}.seed`);
  let seedInitial = baseSeed;
  if (seedRaw !== null) {
    const n = seedCodec.parse(seedRaw);
    if (n !== undefined) seedInitial = n;
    else runNotes.push(fallbackNote(`${key}.seed`, seedRaw, seedCodec.describe, String(baseSeed)));
  }
  const seed = el("input", { type: "number", id: `${key}-seed`, min: "0", step: "1", value: String(seedInitial) });
  const uncRaw = getParam(`${key}.unc`);
  const uncParsed = uncRaw === null ? true : codecs.boolean.parse(uncRaw);
  if (uncParsed === undefined) runNotes.push(fallbackNote(`${key}.unc`, uncRaw!, { zh: "0 或 1", en: "0 or 1" }, "1"));
  const uncertainty = el("input", { type: "checkbox", id: `${key}-unc`, checked: uncParsed ?? true });
  const seedError = el("span", { className: "input-error" });
  seedError.setAttribute("role", "alert");
  const row = el(
    "div",
    { className: "scenario-run" },
    el("label", { htmlFor: reps.id }, t({ zh: "重复次数", en: "Replicates" }, lang), " ", reps),
    el("label", { htmlFor: seed.id }, t({ zh: "随机种子", en: "Seed" }, lang), " ", seed),
    el("label", { htmlFor: uncertainty.id }, uncertainty, " ", t({ zh: "参数不确定性(按先验抽样)", en: "parameter uncertainty (draw from the priors)" }, lang)),
    seedError,
  );
  return { row, notes: notesBox(runNotes), reps, seed, seedCodec, seedError, uncertainty };
}

interface ReformControl {
  box: HTMLElement;
  input: HTMLTextAreaElement;
  error: HTMLElement;
  /** Parses the box: the overrides by option, or the message saying what is wrong. */
  read(): { reform: Record<string, Record<string, number>>; message: string | null };
}

/** Reform: JSON of parameter overrides per option, validated by the rules module. */
function reformControl(baseline: BaselineEntry, key: string, lang: Lang): ReformControl {
  const reformFromUrl = getParam(`${key}.reform`);
  const input = el("textarea", { id: `${key}-reform`, rows: 3, spellcheck: false, value: reformFromUrl ?? "" });
  input.placeholder = `{"${baseline.options[0]!.id}": {"<parameter path>": value}}`;
  const error = el("span", { className: "input-error" });
  error.setAttribute("role", "alert");
  const box = el(
    "div",
    { className: "scenario-reform" },
    el("label", { htmlFor: input.id }, t({ zh: "改革：覆盖任一规则参数(JSON；参数路径见各方案页的规则卡)", en: "Reform: override any rule parameter (JSON; parameter paths are in each scheme page's rules card)" }, lang)),
    input,
    error,
  );
  // The last reform that parsed: a box with an error keeps it (as the panel always did).
  let parsed: Record<string, Record<string, number>> = {};
  const read = () => {
    const message = readReform(input.value, baseline, lang, (r) => (parsed = r));
    return { reform: parsed, message };
  };
  return { box, input, error, read };
}

/** Checks the reform text; on success hands the overrides to `accept` and returns null, else the message. */
function readReform(value: string, baseline: BaselineEntry, lang: Lang, accept: (reform: Record<string, Record<string, number>>) => void): string | null {
  const text = value.trim();
  if (text === "") {
    accept({});
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return t({ zh: "改革不是合法的 JSON", en: "the reform is not valid JSON" }, lang);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return t({ zh: "改革须是 {方案: {参数路径: 数值}}", en: "the reform must be {option: {parameter path: number}}" }, lang);
  const out: Record<string, Record<string, number>> = {};
  for (const [option, overrides] of Object.entries(json)) {
    const o = baseline.options.find((x) => x.id === option);
    if (!o) return t({ zh: `未知方案 “${option}”；可选：${baseline.options.map((x) => x.id).join("、")}`, en: `unknown option "${option}"; options: ${baseline.options.map((x) => x.id).join(", ")}` }, lang);
    try {
      applyReform(getScheme(o.scheme), { ...(o.reform ?? {}), ...(overrides as object) });
    } catch (error) {
      // The rules module explains in English; in Chinese mode say what is wrong in Chinese (the path is code).
      if (error instanceof InputError)
        return lang === "zh" ? `改革不适用于方案 “${option}”(${o.scheme})：参数路径须以 “${o.scheme}.” 开头、数值在允许范围内 — ${error.field}` : error.message;
      throw error;
    }
    out[option] = overrides as Record<string, number>;
  }
  accept(out);
  return null;
}

/** The panel's value: the scenario with the changes and the reform, the run settings, the command, the first error. */
function panelState(baseline: BaselineEntry, baseSeed: number, changed: Record<string, number>, run: RunControls, reformBox: ReformControl, lang: Lang): PanelState {
  const { reform: parsedReform, message: reformMessage } = reformBox.read();
  reformBox.error.textContent = reformMessage ?? "";
  // An empty box (or text a number input cannot hold) is not seed 0: it is an error.
  const seedValue = run.seedCodec.parse(run.seed.value);
  const seedMessage = seedValue !== undefined ? null : t({ zh: "种子须为非负整数", en: "the seed must be a whole number ≥ 0" }, lang);
  run.seedError.textContent = seedMessage ?? "";
  const scenario = JSON.parse(baseline.scenarioText) as ScenarioJson;
  for (const [name, value] of Object.entries(changed)) {
    const a = scenario.assumptions![name]!;
    scenario.assumptions![name] = { ...a, value, prior: recentred(a.prior, a.value, value) };
  }
  for (const o of scenario.options) if (parsedReform[o.id]) o.reform = { ...(o.reform ?? {}), ...parsedReform[o.id] };
  const scenarioText = JSON.stringify(scenario);
  let error = reformMessage ?? seedMessage;
  if (!error) {
    try {
      parseScenarioText(scenarioText);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const replicates = Number(run.reps.value);
  const s = seedValue ?? baseSeed;
  const flags = [`--replicates ${replicates}`, `--seed ${s}`, ...(run.uncertainty.checked ? [] : ["--no-uncertainty"])];
  const hasChanges = Object.keys(changed).length > 0 || Object.keys(parsedReform).length > 0;
  const command = hasChanges
    ? `npx puhui simulate ${baseline.id}-modified.json ${flags.join(" ")}`
    : `npx puhui simulate ${baseline.path} ${flags.join(" ")}`;
  return { scenarioText, replicates, seed: s, uncertainty: run.uncertainty.checked, changed: { ...changed }, reform: parsedReform, command, error };
}

export interface RunUpdate {
  rows: ReplicateRow[];
  done: number;
  total: number;
  elapsedMs: number;
  finished: boolean;
  error: string | null;
}

/**
 * Runs the panel's state in the worker; calls `notify` after every chunk (quick results first).
 * Returns a function that cancels the run (Framework calls it when the inputs change).
 */
export function runScenario(engine: EngineClient, state: PanelState, notify: (u: RunUpdate) => void): () => void {
  if (state.error) {
    notify({ rows: [], done: 0, total: 0, elapsedMs: 0, finished: true, error: state.error });
    return () => {};
  }
  // The first chunk is small so a result shows at once; later chunks are larger.
  const chunk = Math.max(50, Math.min(1000, Math.round(state.replicates / 10)));
  const run = engine.run(
    { scenarioText: state.scenarioText, mode: "fast", replicates: state.replicates, seed: state.seed, uncertainty: state.uncertainty, range: [0, state.replicates] },
    { onRows: (rows, done, total, elapsedMs) => notify({ rows: [...rows], done, total, elapsedMs, finished: done === total, error: null }) },
    chunk,
  );
  run.finished.catch((error: Error) => {
    if (error.name !== "AbortError") notify({ rows: [], done: 0, total: state.replicates, elapsedMs: 0, finished: true, error: error.message });
  });
  return () => run.cancel();
}

/** A progress line: replicates done, time, and what the numbers are. */
export function progressView(u: RunUpdate, lang: Lang): HTMLElement {
  if (u.error) return errorElement(u.error, lang);
  const bar = el("progress", { max: u.total || 1, value: u.done });
  bar.setAttribute("aria-label", t({ zh: "模拟进度", en: "simulation progress" }, lang));
  const text = u.finished
    ? t({ zh: `已完成 ${u.done} 次重复模拟，用时 ${(u.elapsedMs / 1000).toFixed(2)} 秒`, en: `${u.done} replicates done in ${(u.elapsedMs / 1000).toFixed(2)} s` }, lang)
    : t({ zh: `已模拟 ${u.done} / ${u.total} 次，结果随模拟细化…`, en: `${u.done} of ${u.total} replicates so far; results refine as more arrive…` }, lang);
  return el("p", { className: `scenario-progress${u.finished ? " done" : ""}` }, bar, " ", text);
}

/** Copyable reproduce snippet: the command and (when changed) the modified scenario JSON. */
export function reproduceView(state: PanelState, lang: Lang): HTMLElement {
  const box = el("details", { className: "scenario-reproduce" });
  box.append(el("summary", {}, t({ zh: "在命令行重现这个视图", en: "Reproduce this view on the command line" }, lang)), el("pre", {}, el("code", {}, state.command)));
  if (Object.keys(state.changed).length || Object.keys(state.reform).length) {
    box.append(el("p", {}, t({ zh: "把下面的情景保存为文件(名称同上)：", en: "Save this scenario under the file name above:" }, lang)), el("pre", { className: "scenario-json" }, el("code", {}, JSON.stringify(JSON.parse(state.scenarioText), null, 2))));
  }
  return box;
}
