/**
 * URL state: inputs read their initial value from the query string and write it back on change
 * (history.replaceState, other parameters — such as `lang` — kept), so a link reproduces the view.
 * A value in the URL that does not parse (or that the page's validation rejects) falls back to
 * the default and yields a note the page shows beside the control — one line naming the
 * parameter, the bad value, what is allowed and what is used instead, in both languages; nothing
 * is ever NaN and nothing falls back silently.
 *
 * Keys are plain names ("date", "rulesDate") or dotted ("person.age", "claim.medicalCost").
 * Values are written only when they differ from the default, so links stay short.
 */

/** Text in both languages (as in i18n.ts). */
export interface BiText {
  zh: string;
  en: string;
}

/** Turns a query-string value into a typed value; returns `undefined` when it does not parse. */
export interface Codec<T> {
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** What a valid value looks like, for the note ("a number", "true or false", …). */
  describe: BiText;
}

const finite = (raw: string): number | undefined => {
  const s = raw.trim().replace(/[,_\s]/g, "");
  if (s === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** "one of a, b, c" / "a、b、c 之一". */
export function oneOfText(values: readonly (string | number)[]): BiText {
  return { zh: `${values.join("、")} 之一`, en: `one of ${values.join(", ")}` };
}

/** A whole number from `min` to `max` (safe integers only). */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): Codec<number> {
  const upper = max === Number.MAX_SAFE_INTEGER;
  return {
    parse: (raw: string) => {
      const n = finite(raw);
      return n !== undefined && Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
    },
    format: (v: number) => String(v),
    describe: upper ? { zh: `不小于 ${min} 的整数`, en: `a whole number ≥ ${min}` } : { zh: `${min} 到 ${max} 之间的整数`, en: `a whole number from ${min} to ${max}` },
  };
}

/** A number from `min` to `max`. */
export function numberIn(min: number, max: number, show: (x: number) => string = String): Codec<number> {
  return {
    parse: (raw: string) => {
      const n = finite(raw);
      return n !== undefined && n >= min && n <= max ? n : undefined;
    },
    format: (v: number) => String(v),
    describe: { zh: `${show(min)} 到 ${show(max)} 之间的数`, en: `a number from ${show(min)} to ${show(max)}` },
  };
}

export const codecs = {
  number: { parse: finite, format: (v: number) => String(v), describe: { zh: "数字", en: "a number" } } satisfies Codec<number>,
  integer: {
    parse: (raw: string) => {
      const n = finite(raw);
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    },
    format: (v: number) => String(v),
    describe: { zh: "整数", en: "a whole number" },
  } satisfies Codec<number>,
  boolean: {
    parse: (raw: string) => (raw === "true" || raw === "1" ? true : raw === "false" || raw === "0" ? false : undefined),
    format: (v: boolean) => String(v),
    describe: { zh: "true 或 false", en: "true or false" },
  } satisfies Codec<boolean>,
  date: {
    parse: (raw: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
      const d = new Date(`${raw}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw) ? raw : undefined;
    },
    format: (v: string) => v,
    describe: { zh: "YYYY-MM-DD 格式的日期", en: "a date YYYY-MM-DD" },
  } satisfies Codec<string>,
  oneOf<const T extends string>(values: readonly T[]): Codec<T> {
    return {
      parse: (raw: string) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
      format: (v: T) => v,
      describe: oneOfText(values),
    };
  },
};

export interface StateField<T> {
  codec: Codec<T>;
  default: T;
}

export type StateSpec<S> = { [K in keyof S]: StateField<S[K]> };

export interface StateNote {
  key: string;
  raw: string;
  /** The note in English. */
  message: string;
  /** The same note in Chinese. */
  zh: string;
}

const bilingual = (text: string | BiText): BiText => (typeof text === "string" ? { zh: text, en: text } : text);

/**
 * A note for a URL value that was not used: the parameter, the bad value, what is allowed
 * (`expected`) and the value used instead (`fallback`, the default unless `used` says otherwise).
 */
export function fallbackNote(key: string, raw: string, expected: string | BiText, fallback: string | BiText, used: "default" | "instead" = "default"): StateNote {
  const e = bilingual(expected);
  const f = bilingual(fallback);
  const shown = JSON.stringify(raw);
  return {
    key,
    raw,
    message: used === "default" ? `URL parameter ${key}=${shown} is not ${e.en}; using the default ${f.en}` : `URL parameter ${key}=${shown} is not ${e.en}; using ${f.en} instead`,
    zh: used === "default" ? `链接参数 ${key}=${shown} 不是${e.zh}；已改用默认值 ${f.zh}` : `链接参数 ${key}=${shown} 不是${e.zh}；已改用 ${f.zh}`,
  };
}

/**
 * A note when the URL's `key` names none of `allowed` (a list of ids); null when it is absent or
 * allowed. `used` is the id shown instead. More than six ids are summarised (the select lists them).
 */
export function choiceNote(params: URLSearchParams | string, key: string, allowed: readonly string[], used: string): StateNote | null {
  const raw = (typeof params === "string" ? new URLSearchParams(params) : params).get(key);
  if (raw === null || allowed.includes(raw)) return null;
  // A long list would not fit on one line: the select beside the note lists them.
  const expected = allowed.length > 6 ? { zh: `选择框中列出的 ${allowed.length} 个值之一`, en: `one of the ${allowed.length} values listed in the select` } : oneOfText(allowed);
  return fallbackNote(key, raw, expected, used, "instead");
}

/** Reads the fields of `spec` from a query string; bad values fall back to the default with a note. */
export function readState<S extends Record<string, unknown>>(search: string, spec: StateSpec<S>): { values: S; notes: StateNote[] } {
  const params = new URLSearchParams(search);
  const values = {} as S;
  const notes: StateNote[] = [];
  for (const key of Object.keys(spec) as (keyof S & string)[]) {
    const field = spec[key];
    const raw = params.get(key);
    if (raw === null) {
      values[key] = field.default;
      continue;
    }
    const parsed = field.codec.parse(raw);
    if (parsed === undefined) {
      values[key] = field.default;
      notes.push(fallbackNote(key, raw, field.codec.describe, field.codec.format(field.default)));
    } else values[key] = parsed;
  }
  return { values, notes };
}

/**
 * The query string with `updates` applied: a value equal to the field's default (or null) removes
 * the key; other parameters are kept in place.
 */
export function serialiseState<S extends Record<string, unknown>>(search: string, spec: Partial<StateSpec<S>>, updates: Partial<S>): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(updates) as (keyof S & string)[]) {
    const value = updates[key];
    const field = spec[key];
    if (value === undefined || value === null || (field && Object.is(value, field.default))) params.delete(key);
    else params.set(key, field ? field.codec.format(value as never) : String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Raw query-string values: sets (or, for null, removes) keys; other parameters kept. */
export function withParams(search: string, updates: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Writes raw values into the current page's URL without a navigation (history.replaceState). */
export function replaceParams(updates: Record<string, string | null>): void {
  const search = withParams(location.search, updates);
  if (search === location.search) return;
  history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
}

/** The raw value of `key` in the current page's URL (null when absent). */
export function getParam(key: string): string | null {
  return new URLSearchParams(location.search).get(key);
}

/** A box of notes about URL values that were not used (role="status"), or null when there are none. */
export function notesBox(notes: readonly StateNote[]): HTMLElement | null {
  if (notes.length === 0) return null;
  const box = document.createElement("div");
  box.className = "url-notes";
  box.setAttribute("role", "status");
  const list = document.createElement("ul");
  for (const n of notes) {
    const li = document.createElement("li");
    li.dataset["key"] = n.key;
    const zh = document.createElement("span");
    zh.lang = "zh-CN";
    zh.textContent = n.zh;
    const en = document.createElement("span");
    en.lang = "en";
    en.textContent = n.message;
    li.append(zh, en);
    list.append(li);
  }
  box.append(list);
  return box;
}

/**
 * A date input whose value lives in the URL under `key` (default `fallback`); a bad date in the
 * URL falls back with a visible note. For `view()`: its `value` is the ISO date in use.
 */
export function urlDateInput(key: string, fallback: string, label: { zh: string; en: string }, min?: string, max?: string): HTMLElement & { value: string } {
  const { values, notes } = readState(typeof location === "undefined" ? "" : location.search, { [key]: { codec: codecs.date, default: fallback } } as StateSpec<Record<string, string>>);
  const form = document.createElement("form") as unknown as HTMLFormElement & { value: string };
  form.className = "url-date-input";
  form.addEventListener("submit", (e) => e.preventDefault());
  const id = `input-${key.replace(/\W/g, "-")}`;
  const lab = document.createElement("label");
  lab.htmlFor = id;
  const zh = document.createElement("span");
  zh.lang = "zh-CN";
  zh.textContent = label.zh;
  const en = document.createElement("span");
  en.lang = "en";
  en.textContent = label.en;
  lab.append(zh, en);
  const input = document.createElement("input");
  input.type = "date";
  input.id = id;
  input.name = key;
  input.required = true;
  if (min) input.min = min;
  if (max) input.max = max;
  let current = values[key] ?? fallback;
  input.value = current;
  const note = document.createElement("div");
  note.className = "url-notes-slot";
  const box = notesBox(notes);
  if (box) note.append(box);
  Object.defineProperty(form, "value", { get: () => current });
  input.addEventListener("input", (event) => {
    const v = codecs.date.parse(input.value);
    if (v === undefined) {
      // An unfinished date: keep the last good one and do not tell listeners.
      event.stopPropagation();
      return;
    }
    current = v;
    replaceParams({ [key]: v === fallback ? null : v });
  });
  form.append(lab, input, note);
  return form;
}
