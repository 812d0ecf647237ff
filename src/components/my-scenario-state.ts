/**
 * The "我的情景 My scenario" page's state in the URL (issue 14): what the user changed — the
 * shipped scenario started from, the seed, the imported population cells, the chosen severity fit,
 * the product's edited terms, the re-shaped priors, or a whole loaded scenario file — as JSON, deflated (the platform's CompressionStream,
 * "deflate-raw", in browsers and Node alike) and base64url-encoded behind a version prefix:
 * `my=v1.<data>`. Reading it back only decodes and JSON-parses (never evaluates), checks the shape
 * field by field, and the page then validates the resulting scenario as the CLI does; anything that
 * fails yields a one-line note in both languages (src/components/url-state.ts) and the shipped
 * scenario is used instead.
 */
import type { ImportedCell } from "../fit/table-import/population.js";
import type { FittedAssumption, SeverityField } from "../fit/priors.js";
import { MAX_SEED } from "../sim/limits.js";
import { validatePrior, type Prior } from "../sim/priors.js";
import type { Product } from "./my-scenario-product.js";
import type { PriorEdit } from "./my-scenario-priors.js";
import { fallbackNote, type StateNote } from "./url-state.js";
import { deflatePipe as pipe, fromBase64Url, toBase64Url } from "./url-codec.js";

export const STATE_KEY = "my";
export const STATE_VERSION = 1;

export interface MyState {
  v: typeof STATE_VERSION;
  /** The shipped scenario started from (its id). */
  base: string;
  seed: number;
  population?: ImportedCell[];
  severity?: { category: string; field: string; family: string; claim: SeverityField; scale: FittedAssumption };
  /** The product form's edits: the scheme and the changed parameter values. */
  product?: Product;
  /** Re-shaped priors, by assumption name. */
  priors?: Record<string, PriorEdit>;
  /** A whole scenario loaded from a file (then `base` names where the page started). */
  scenario?: unknown;
}

/** The URL value of a state: "v1." + base64url(deflate-raw(JSON)). */
export async function encodeState(state: MyState): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream("deflate-raw"));
  return `v${STATE_VERSION}.${toBase64Url(bytes)}`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const EXPECTED = { zh: "本页保存的情景链接（v1）", en: "a scenario link saved by this page (v1)" };
const FALLBACK = { zh: "原情景", en: "the shipped scenario" };

const SHAPES: Record<string, readonly string[]> = { fixed: [], uniform: ["min", "max"], triangular: ["min", "mode", "max"], lognormal: ["median", "sigma"], beta: ["alpha", "beta"] };

/** A prior as the page writes it (a lognormal by its median), valid for its point value (src/sim/priors.ts). */
function validPrior(name: string, prior: Record<string, unknown>, value: number): boolean {
  const keys = SHAPES[String(prior["dist"])];
  if (!keys || Object.keys(prior).length !== keys.length + 1 || !keys.every((k) => typeof prior[k] === "number")) return false;
  try {
    validatePrior(prior as unknown as Prior, value, name);
    return true;
  } catch {
    return false;
  }
}

/** Checks a decoded value's shape; returns what is wrong, or null. */
export function stateProblem(x: unknown, bases: readonly string[]): string | null {
  if (!isObject(x)) return "not an object";
  if (x["v"] !== STATE_VERSION) return `version ${JSON.stringify(x["v"])}`;
  if (typeof x["base"] !== "string" || !bases.includes(x["base"])) return `unknown scenario ${JSON.stringify(x["base"])}`;
  const seed = x["seed"];
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) return `seed ${JSON.stringify(seed)}`;
  const pop = x["population"];
  if (pop !== undefined && !(Array.isArray(pop) && pop.every((c) => isObject(c) && typeof c["id"] === "string" && typeof c["count"] === "number" && isObject(c["attributes"]) && isObject(c["person"])))) return "population cells";
  const sev = x["severity"];
  if (sev !== undefined && !(isObject(sev) && typeof sev["category"] === "string" && typeof sev["field"] === "string" && typeof sev["family"] === "string" && isObject(sev["claim"]) && isObject(sev["scale"]))) return "severity";
  if (x["scenario"] !== undefined && !isObject(x["scenario"])) return "scenario";
  const product = x["product"];
  if (product !== undefined && !(isObject(product) && typeof product["scheme"] === "string" && isObject(product["values"]) && Object.values(product["values"]).every((v) => typeof v === "number" && Number.isFinite(v)))) return "product";
  const priors = x["priors"];
  if (priors !== undefined && !(isObject(priors) && Object.entries(priors).every(([name, p]) => isObject(p) && typeof p["value"] === "number" && isObject(p["prior"]) && validPrior(name, p["prior"], p["value"])))) return "priors";
  for (const k of Object.keys(x)) if (!["v", "base", "seed", "population", "severity", "product", "priors", "scenario"].includes(k)) return `unknown field ${JSON.stringify(k)}`;
  return null;
}

/** Reads the URL value: the state, or null and a note naming what was wrong (never throws). */
export async function decodeState(raw: string | null, bases: readonly string[]): Promise<{ state: MyState | null; note: StateNote | null }> {
  if (raw === null || raw === "") return { state: null, note: null };
  const bad = (why: string) => ({ state: null, note: fallbackNote(STATE_KEY, raw.length > 40 ? `${raw.slice(0, 40)}… (${why})` : `${raw} (${why})`, EXPECTED, FALLBACK, "instead") });
  const m = /^v(\d+)\.(.*)$/s.exec(raw);
  if (!m) return bad("no version prefix");
  if (Number(m[1]) !== STATE_VERSION) return bad(`version ${m[1]}, this page reads version ${STATE_VERSION}`);
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
  const problem = stateProblem(value, bases);
  return problem ? bad(problem) : { state: value as MyState, note: null };
}
