/**
 * URL state: inputs read their initial value from the query string and write it back on change
 * (history.replaceState, other parameters — such as `lang` — kept), so a link reproduces the view.
 * A value in the URL that does not parse (or that the page's validation rejects) falls back to
 * the default and yields a note the page shows; nothing is ever NaN.
 *
 * Keys are plain names ("date", "rulesDate") or dotted ("person.age", "claim.medicalCost").
 * Values are written only when they differ from the default, so links stay short.
 */

/** Turns a query-string value into a typed value; returns `undefined` when it does not parse. */
export interface Codec<T> {
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** What a valid value looks like, for the note ("a number", "true or false", …). */
  describe: string;
}

const finite = (raw: string): number | undefined => {
  const s = raw.trim().replace(/[,_\s]/g, "");
  if (s === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export const codecs = {
  number: { parse: finite, format: (v: number) => String(v), describe: "a number" } satisfies Codec<number>,
  integer: {
    parse: (raw: string) => {
      const n = finite(raw);
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    },
    format: (v: number) => String(v),
    describe: "a whole number",
  } satisfies Codec<number>,
  boolean: {
    parse: (raw: string) => (raw === "true" || raw === "1" ? true : raw === "false" || raw === "0" ? false : undefined),
    format: (v: boolean) => String(v),
    describe: "true or false",
  } satisfies Codec<boolean>,
  date: {
    parse: (raw: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
      const d = new Date(`${raw}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw) ? raw : undefined;
    },
    format: (v: string) => v,
    describe: "a date YYYY-MM-DD",
  } satisfies Codec<string>,
  oneOf<const T extends string>(values: readonly T[]): Codec<T> {
    return {
      parse: (raw: string) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
      format: (v: T) => v,
      describe: `one of ${values.join(", ")}`,
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
  message: string;
}

/** A note for a URL value that was not used. */
export function fallbackNote(key: string, raw: string, expected: string, fallback: string): StateNote {
  return { key, raw, message: `URL parameter ${key}=${JSON.stringify(raw)} is not ${expected}; using the default ${fallback}` };
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
    li.textContent = n.message;
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
