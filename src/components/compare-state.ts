/**
 * The Compare page's state in the URL beyond its plain ids (c.scenario, c.a, c.b, c.option): the
 * named reform stack (src/components/reform-picker.ts) and the scenario files the user loaded, as
 * JSON deflated ("deflate-raw", the platform's CompressionStream in browsers and Node alike) and
 * base64url-encoded behind a version prefix: `c.state=v1.<data>` (the same envelope as
 * src/components/my-scenario-state.ts). Reading it back only decodes and JSON-parses — never
 * evaluates — and checks the shape field by field; a loaded file is then validated as the command
 * line does when the page runs it. Anything wrong gives a one-line note in both languages naming
 * what was wrong (src/components/url-state.ts), and the page starts without it.
 */
import type { ReformStack } from "./reform-picker.js";
import { fallbackNote, type StateNote } from "./url-state.js";
import { deflatePipe as pipe, fromBase64Url, toBase64Url } from "./url-codec.js";

export const COMPARE_STATE_KEY = "c.state";
export const COMPARE_STATE_VERSION = 1;
/** A loaded scenario file kept in the link: its name and text (at most this many characters). */
export const MAX_FILE_CHARS = 2_000_000;

export interface LoadedFile {
  name: string;
  text: string;
}

export interface CompareState {
  v: typeof COMPARE_STATE_VERSION;
  reforms?: ReformStack;
  /** Scenario files loaded as A and B. */
  fileA?: LoadedFile;
  fileB?: LoadedFile;
}

/** The URL value of a state: "v1." + base64url(deflate-raw(JSON)). */
export async function encodeCompareState(state: CompareState): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream("deflate-raw"));
  return `v${COMPARE_STATE_VERSION}.${toBase64Url(bytes)}`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isText = (x: unknown, max: number) => typeof x === "string" && x.length <= max;

function stackProblem(x: unknown): string | null {
  if (!isObject(x)) return "reforms: not an object";
  if (!isText(x["name"], 200)) return "reforms.name";
  const steps = x["steps"];
  if (!Array.isArray(steps) || steps.length > 200) return "reforms.steps";
  for (const [i, s] of steps.entries()) {
    if (!isObject(s)) return `reforms.steps[${i}]`;
    for (const k of Object.keys(s)) if (!["name", "path", "op", "amount", "from"].includes(k)) return `reforms.steps[${i}]: unknown field ${k}`;
    if (!isText(s["name"], 200) || !isText(s["path"], 300) || !isText(s["amount"], 100) || !isText(s["from"], 20) || (s["op"] !== "set" && s["op"] !== "pct")) return `reforms.steps[${i}]`;
  }
  return null;
}

function fileProblem(x: unknown, key: string): string | null {
  if (!isObject(x) || !isText(x["name"], 300) || !isText(x["text"], MAX_FILE_CHARS)) return key;
  for (const k of Object.keys(x)) if (k !== "name" && k !== "text") return `${key}: unknown field ${k}`;
  return null;
}

/** Checks a decoded value's shape; returns what is wrong, or null. */
export function compareStateProblem(x: unknown): string | null {
  if (!isObject(x)) return "not an object";
  if (x["v"] !== COMPARE_STATE_VERSION) return `version ${JSON.stringify(x["v"])}`;
  for (const k of Object.keys(x)) if (!["v", "reforms", "fileA", "fileB"].includes(k)) return `unknown field ${k}`;
  if (x["reforms"] !== undefined) {
    const p = stackProblem(x["reforms"]);
    if (p) return p;
  }
  for (const key of ["fileA", "fileB"]) {
    if (x[key] === undefined) continue;
    const p = fileProblem(x[key], key);
    if (p) return p;
  }
  return null;
}

const EXPECTED = { zh: "本页保存的对比链接(v1)", en: "a comparison link saved by this page (v1)" };
const FALLBACK = { zh: "不含改革和上传文件的对比", en: "the comparison without reforms or loaded files" };

/** Reads the URL value: the state, or null and a note naming what was wrong (never throws). */
export async function decodeCompareState(raw: string | null): Promise<{ state: CompareState | null; note: StateNote | null }> {
  if (raw === null || raw === "") return { state: null, note: null };
  const bad = (why: string) => ({ state: null, note: fallbackNote(COMPARE_STATE_KEY, raw.length > 40 ? `${raw.slice(0, 40)}… (${why})` : `${raw} (${why})`, EXPECTED, FALLBACK, "instead") });
  const m = /^v(\d+)\.(.*)$/s.exec(raw);
  if (!m) return bad("no version prefix");
  if (Number(m[1]) !== COMPARE_STATE_VERSION) return bad(`version ${m[1]}, this page reads version ${COMPARE_STATE_VERSION}`);
  const bytes = fromBase64Url(m[2]!);
  if (!bytes) return bad("not base64url");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, new DecompressionStream("deflate-raw")));
  } catch {
    return bad("not deflated data");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad("not JSON");
  }
  const problem = compareStateProblem(value);
  return problem ? bad(problem) : { state: value as CompareState, note: null };
}
