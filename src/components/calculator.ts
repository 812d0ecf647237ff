/**
 * The calculator: inputs built from a scheme's person, purchase and claim fields (src/rules/form.ts),
 * each labelled and keyboard-usable, whose values go through the scheme's parsePerson /
 * parsePurchase / parseClaim — an InputError is shown beside the input it names, and nothing is
 * computed from a bad value (no NaN). Its `value` (for Framework's `view()`) holds the parsed
 * inputs and the answers of the rules module: eligibility with reasons, the premium with each
 * subsidy and its payer, the payout with its itemised trace.
 *
 * The inputs live in the URL (`person.age=…`, `claim.medicalCost=…`, `purchase.days=…`, `date=…`),
 * so a link reproduces the view; a bad value in a link falls back to the default with a note.
 */
import { InputError, parseDate, type AnyScheme, type Benefit, type Eligibility, type Premium } from "../rules/index.js";
import { formOf, type FieldSpec } from "../rules/form.js";
import { followLang } from "./i18n.js";
import { codecs, fallbackNote, notesBox, oneOfText, replaceParams, type BiText, type StateNote } from "./url-state.js";

export type Part = "person" | "purchase" | "claim";
export const PARTS: readonly Part[] = ["person", "purchase", "claim"];

export interface CalculatorError {
  /** The InputError's field, e.g. "claim.outOfCatalogSelfPay" (or "date"). */
  field: string;
  message: string;
}

export interface CalculatorValue {
  scheme: string;
  date: string | null;
  /** The objects given to parse* (only the fields that have a value): for the reproduce commands. */
  given: Record<Part, Record<string, unknown>>;
  person: unknown;
  purchase: unknown;
  claim: unknown;
  eligibility: Eligibility | null;
  premium: Premium | null;
  benefit: Benefit | null;
  errors: CalculatorError[];
}

/** The raw (control) string of a JS value: what the URL stores. */
function rawOf(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return "";
  return String(value);
}

/** A control's raw string → the value given to parse* (undefined = field omitted). */
export function fieldValue(field: FieldSpec, raw: string): unknown {
  const s = raw.trim();
  switch (field.kind) {
    case "boolean":
      if (s === "") return field.optional ? undefined : false;
      if (field.optional && s === "false") return undefined;
      return s === "true";
    case "enum":
    case "date":
      return s === "" ? undefined : s;
    default: {
      if (s === "") return undefined;
      // Allow thousands separators and spaces as people type them (1,000 / 1 000).
      const n = codecs.number.parse(s);
      // A non-number reaches the schema as text, which rejects it with the allowed range.
      return n === undefined ? s : n;
    }
  }
}

function codecFor(field: FieldSpec): (raw: string) => boolean {
  switch (field.kind) {
    case "boolean":
      return (raw) => codecs.boolean.parse(raw) !== undefined;
    case "enum":
      return (raw) => (field.options ?? []).some((o) => String(o.value) === raw);
    case "date":
      return (raw) => codecs.date.parse(raw) !== undefined;
    case "integer":
      return (raw) => codecs.integer.parse(raw) !== undefined && (!field.options || field.options.some((o) => String(o.value) === raw));
    default:
      return (raw) => codecs.number.parse(raw) !== undefined;
  }
}

function expected(field: FieldSpec): BiText {
  switch (field.kind) {
    case "boolean":
      return codecs.boolean.describe;
    case "enum":
      return oneOfText((field.options ?? []).map((o) => o.value));
    case "date":
      return codecs.date.describe;
    case "integer":
      return field.options ? oneOfText(field.options.map((o) => o.value)) : codecs.integer.describe;
    default:
      return codecs.number.describe;
  }
}

const NONE: BiText = { zh: "(空)", en: "(none)" };

function span(lang: "zh-CN" | "en", text: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.lang = lang;
  s.textContent = text;
  return s;
}

interface Control {
  part: Part | "date";
  field: FieldSpec;
  key: string;
  element: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
  defaultRaw: string;
  read(): string;
  write(raw: string): void;
}

const DATE_FIELD: FieldSpec = { name: "date", label: { zh: "日期(投保/出险)", en: "date (purchase / event)" }, kind: "date", hint: { zh: "按当日施行的规则计算", en: "the rules in force that day apply" } };

function buildControl(part: Part | "date", field: FieldSpec, key: string, defaultRaw: string, idPrefix: string): Control {
  const id = `${idPrefix}-${key.replace(/\W/g, "-")}`;
  const wrap = document.createElement("div");
  wrap.className = `calc-field calc-${field.kind}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.append(span("zh-CN", field.label.zh), span("en", field.label.en));
  const error = document.createElement("div");
  error.className = "field-error";
  error.id = `${id}-error`;
  error.setAttribute("role", "alert");
  let element: HTMLInputElement | HTMLSelectElement;
  let read: () => string;
  let write: (raw: string) => void;
  if (field.kind === "boolean") {
    const input = document.createElement("input");
    input.type = "checkbox";
    element = input;
    read = () => (input.checked ? "true" : field.optional ? "" : "false");
    write = (raw) => (input.checked = raw === "true");
  } else if (field.kind === "enum" || field.options) {
    const select = document.createElement("select");
    if (field.optional) {
      const none = document.createElement("option");
      none.value = "";
      none.textContent = "— 无 none —";
      select.append(none);
    }
    for (const o of field.options ?? []) {
      const option = document.createElement("option");
      option.value = String(o.value);
      followLang(option, o.label);
      select.append(option);
    }
    element = select;
    read = () => select.value;
    write = (raw) => (select.value = raw);
  } else {
    const input = document.createElement("input");
    if (field.kind === "date") input.type = "date";
    else {
      input.type = "text";
      input.inputMode = field.kind === "integer" ? "numeric" : "decimal";
      input.autocomplete = "off";
      input.spellcheck = false;
    }
    element = input;
    read = () => input.value;
    write = (raw) => (input.value = raw);
  }
  element.id = id;
  element.name = key;
  element.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
  const hint = document.createElement("div");
  hint.className = "field-hint";
  hint.id = `${id}-hint`;
  if (field.hint) hint.append(span("zh-CN", field.hint.zh), span("en", field.hint.en));
  if (field.kind === "boolean") {
    const row = document.createElement("div");
    row.className = "checkbox-row";
    row.append(element, label);
    wrap.append(row, hint, error);
  } else wrap.append(label, hint, element, error);
  const control: Control = { part, field, key, element, error, defaultRaw, read, write };
  (element as HTMLElement & { _wrap?: HTMLElement })._wrap = wrap;
  return control;
}

function wrapOf(c: Control): HTMLElement {
  return (c.element as HTMLElement & { _wrap?: HTMLElement })._wrap!;
}

export interface CalculatorOptions {
  /** Prefix of element ids (default: the scheme id). */
  idPrefix?: string;
  /** Default date (default: the scheme's reference date). */
  date?: string;
  /** URL search string to read (default: location.search). */
  search?: string;
}

type Form = HTMLFormElement & { value: CalculatorValue };

/** Computes everything for the inputs; InputErrors are collected, never thrown. */
export function evaluate(scheme: AnyScheme, given: Record<Part, Record<string, unknown>>, rawDate: string): CalculatorValue {
  const errors: CalculatorError[] = [];
  const attempt = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch (error) {
      if (error instanceof InputError) {
        errors.push({ field: error.field, message: error.message });
        return null;
      }
      throw error;
    }
  };
  const date = attempt(() => parseDate(rawDate === "" ? undefined : rawDate));
  const person = attempt(() => scheme.parsePerson(given.person));
  const purchase = date === null ? null : attempt(() => scheme.parsePurchase(given.purchase, date));
  const claim = attempt(() => scheme.parseClaim(given.claim));
  const eligibility = date !== null && person !== null ? attempt(() => scheme.eligibility(person, date)) : null;
  const premium = date !== null && person !== null && purchase !== null ? attempt(() => scheme.premium(person, purchase, date)) : null;
  const benefit = date !== null && person !== null && claim !== null ? attempt(() => scheme.benefit(claim, person, date)) : null;
  // One message per field (e.g. a date before the rules begin is reported by premium and benefit).
  const seen = new Set<string>();
  const unique = errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
  return { scheme: scheme.id, date, given, person, purchase, claim, eligibility, premium, benefit, errors: unique };
}

/**
 * The calculator form of `scheme`. Read its `value` (CalculatorValue) with `view()`; it fires
 * `input` whenever a control changes.
 */
export function calculator(scheme: AnyScheme, options: CalculatorOptions = {}): Form {
  const spec = formOf(scheme);
  const idPrefix = options.idPrefix ?? `calc-${scheme.id}`;
  const defaultDate = options.date ?? scheme.referenceDate;
  const search = options.search ?? (typeof location === "undefined" ? "" : location.search);
  const personDefaults = scheme.parsePerson({}) as Record<string, unknown>;
  const purchaseDefaults = scheme.parsePurchase({}, defaultDate) as Record<string, unknown>;
  // The example claim with the schema's own defaults filled in (e.g. injuryDetermined: true).
  const claimDefaults = scheme.parseClaim(spec.exampleClaim) as Record<string, unknown>;
  const defaults: Record<Part, Record<string, unknown>> = { person: personDefaults, purchase: purchaseDefaults, claim: claimDefaults };

  const form = document.createElement("form") as Form;
  form.className = "calculator";
  form.noValidate = true;
  form.addEventListener("submit", (e) => e.preventDefault());

  const controls: Control[] = [];
  const partError: Partial<Record<Part | "date", HTMLElement>> = {};
  const parts: [Part | "date", readonly FieldSpec[]][] = [["date", [DATE_FIELD]], ["person", spec.person], ["purchase", spec.purchase], ["claim", spec.claim]];
  for (const [part, fields] of parts) {
    const { fieldset, partControls, error } = fieldsetOf(part, fields, (field) => (part === "date" ? defaultDate : rawOf(field, defaults[part][field.name])), idPrefix);
    controls.push(...partControls);
    partError[part] = error;
    form.append(fieldset);
  }

  const notes = initialValues(scheme, controls, new URLSearchParams(search));
  const noteBox = notesBox(notes);
  if (noteBox) form.prepend(noteBox);

  let value: CalculatorValue;
  const update = () => {
    const { given, rawDate } = gather(controls);
    value = evaluate(scheme, given, rawDate);
    showErrors(value.errors, controls, partError);
  };
  update();
  Object.defineProperty(form, "value", { get: () => value });
  const onChange = () => {
    update();
    const updates: Record<string, string | null> = {};
    for (const c of controls) {
      const raw = c.read();
      updates[c.key] = raw === c.defaultRaw ? null : raw;
    }
    replaceParams(updates);
  };
  // Text inputs report every keystroke; checkboxes, selects and date inputs fire input too.
  form.addEventListener("input", onChange);
  return form;
}

const LEGENDS: Record<Part | "date", { zh: string; en: string }> = {
  date: { zh: "日期", en: "Date" },
  person: { zh: "投保人/被保险人", en: "Person" },
  purchase: { zh: "投保", en: "Purchase" },
  claim: { zh: "理赔", en: "Claim" },
};

/** One part's fieldset: its legend, a control per field (with its default) and the part's error line. */
function fieldsetOf(part: Part | "date", fields: readonly FieldSpec[], defaultRawOf: (field: FieldSpec) => string, idPrefix: string): { fieldset: HTMLFieldSetElement; partControls: Control[]; error: HTMLElement } {
  const fs = document.createElement("fieldset");
  fs.className = `calc-part calc-part-${part}`;
  const legend = document.createElement("legend");
  legend.append(span("zh-CN", LEGENDS[part].zh), span("en", LEGENDS[part].en));
  fs.append(legend);
  const grid = document.createElement("div");
  grid.className = "calc-fields";
  const partControls: Control[] = [];
  for (const field of fields) {
    const key = part === "date" ? "date" : `${part}.${field.name}`;
    const c = buildControl(part, field, key, defaultRawOf(field), idPrefix);
    partControls.push(c);
    grid.append(wrapOf(c));
  }
  const err = document.createElement("div");
  err.className = "field-error";
  err.setAttribute("role", "alert");
  fs.append(grid, err);
  return { fieldset: fs, partControls, error: err };
}

/**
 * Writes the initial values: the URL's where they parse and the rules accept them, else the
 * defaults; returns a note for each URL value not used.
 */
function initialValues(scheme: AnyScheme, controls: readonly Control[], params: URLSearchParams): StateNote[] {
  const notes: StateNote[] = [];
  const fromUrl = new Set<Control>();
  for (const c of controls) {
    const raw = params.get(c.key);
    if (raw !== null && codecFor(c.field)(raw)) {
      c.write(raw);
      fromUrl.add(c);
    } else {
      c.write(c.defaultRaw);
      if (raw !== null) notes.push(fallbackNote(c.key, raw, expected(c.field), c.defaultRaw || NONE));
    }
  }
  // A URL value the rules reject (e.g. an age out of range) also falls back, with a note.
  for (let guard = 0; guard < controls.length; guard++) {
    const { given, rawDate } = gather(controls);
    const bad = evaluate(scheme, given, rawDate).errors.map((e) => controls.find((c) => c.key === e.field && fromUrl.has(c))).find((c) => c !== undefined);
    if (!bad) break;
    notes.push(fallbackNote(bad.key, bad.read(), { zh: "规则允许的值", en: "accepted by the rules" }, bad.defaultRaw || NONE));
    bad.write(bad.defaultRaw);
    fromUrl.delete(bad);
  }
  return notes;
}

/** The controls' values by part (empty fields left out) and the raw date. */
function gather(controls: readonly Control[]): { given: Record<Part, Record<string, unknown>>; rawDate: string } {
  const given: Record<Part, Record<string, unknown>> = { person: {}, purchase: {}, claim: {} };
  let rawDate = "";
  for (const c of controls) {
    if (c.part === "date") {
      rawDate = c.read().trim();
      continue;
    }
    const v = fieldValue(c.field, c.read());
    if (v !== undefined) given[c.part][c.field.name] = v;
  }
  return { given, rawDate };
}

/** Each error beside its control (or a parent field's), else under its part; earlier messages cleared. */
function showErrors(errors: CalculatorValue["errors"], controls: readonly Control[], partError: Partial<Record<Part | "date", HTMLElement>>): void {
  for (const c of controls) {
    c.error.textContent = "";
    c.element.removeAttribute("aria-invalid");
  }
  for (const e of Object.values(partError)) e.textContent = "";
  for (const e of errors) {
    const c = controls.find((c) => c.key === e.field) ?? controls.find((c) => e.field.startsWith(`${c.key}.`) || e.field.startsWith(`${c.key}[`));
    if (c) {
      c.error.textContent = e.message;
      c.element.setAttribute("aria-invalid", "true");
    } else {
      const part = (PARTS as readonly string[]).includes(e.field.split(".")[0]!) ? (e.field.split(".")[0] as Part) : "date";
      partError[part]!.textContent = e.message;
    }
  }
}
