/**
 * Argument helpers shared by every `puhui` command: a strict option parser whose errors are one
 * line (`<flag>: <what is wrong> (allowed: …; got …)`), number flags that accept only plain decimal
 * numbers with a range, and JSON arguments given inline or as @file.
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";
import { InputError } from "../../src/rules/input-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A value that reads as a number (so "--seed -1" is the value -1, not an option "-1"). */
const NUMBER_LIKE = /^[-+]?(\d|\.\d)/;

function allowedOptions(options: Options): string {
  return Object.entries(options)
    .map(([name, o]) => `--${name}${o.type === "string" ? " <value>" : ""}`)
    .join(", ");
}

/**
 * `node:util` parseArgs, strict, with one-line errors: an unknown option, a string option without
 * its value, or a boolean option given a value is a UsageError naming it and the allowed options
 * (an option given twice: the last one counts). A string option's value may be a negative number ("--seed -1").
 */
export function parseStrict<O extends Options>(args: readonly string[], options: O) {
  const joined = joinNegativeNumbers(args, Object.keys(options).filter((k) => options[k]!.type === "string"));
  const allowed = allowedOptions(options);
  const { tokens } = parseArgs({ args: joined, options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const o = options[t.name];
    if (o === undefined || !t.rawName.startsWith("--")) {
      throw new UsageError(`unknown option ${JSON.stringify(t.rawName)} (allowed: ${allowed})`);
    }
    if (o.type === "boolean" && t.value !== undefined) {
      throw new UsageError(`${t.rawName}: takes no value (allowed: ${t.rawName} alone; got ${JSON.stringify(`${t.rawName}=${t.value}`)})`);
    }
    if (o.type === "string") {
      if (t.value === undefined) throw new UsageError(`${t.rawName}: missing value (allowed: ${t.rawName} <value>; got nothing after it)`);
      if (!t.inlineValue && t.value.startsWith("-") && !NUMBER_LIKE.test(t.value)) {
        throw new UsageError(`${t.rawName}: missing value (allowed: ${t.rawName} <value>, or ${t.rawName}=<value> for a value starting with "-"; got the option ${JSON.stringify(t.value)})`);
      }
    }
  }
  return parseArgs({ args: joined, options, strict: true, allowPositionals: true });
}

/**
 * "--seed -1" → "--seed=-1" for the given string flags, so a negative number reaches the flag's
 * range check (and its one-line message) instead of parseArgs' "ambiguous argument" error.
 */
export function joinNegativeNumbers(args: readonly string[], stringFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (a.startsWith("--") && stringFlags.includes(a.slice(2)) && next !== undefined && NUMBER_LIKE.test(next) && next.startsWith("-")) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export interface IntRange {
  min: number;
  max: number;
  /** What the number counts, for the message: "replicates", "worker threads", "days". */
  unit?: string;
}

function rangeText({ min, max, unit }: IntRange): string {
  return `integers ${min} to ${max}${unit ? ` ${unit}` : ""}`;
}

/**
 * An integer flag: plain decimal digits (an optional minus sign; no 0x10, 1e3, 2.0 or spaces) in
 * [min, max]. Anything else is an InputError naming the flag, the allowed range and the value.
 */
export function intFlag(value: string | undefined, flag: string, range: IntRange): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new InputError(flag, `not a decimal integer (allowed: ${rangeText(range)}; got ${JSON.stringify(value)})`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new InputError(flag, `out of range (allowed: ${rangeText(range)}; got ${value})`);
  }
  return n;
}

export interface NumberRange {
  /** True when n is allowed. */
  test(n: number): boolean;
  /** The allowed values in words, e.g. "a loss ratio > 0 and ≤ 10". */
  text: string;
}

/**
 * A number flag: a plain decimal number (digits, optional sign, point and exponent; no hex,
 * Infinity or spaces) that passes `range.test`. Anything else is an InputError naming the flag.
 */
export function numberFlag(value: string | undefined, flag: string, range: NumberRange): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new InputError(flag, `not a decimal number (allowed: ${range.text}; got ${JSON.stringify(value)})`);
  if (!range.test(n)) throw new InputError(flag, `out of range (allowed: ${range.text}; got ${value})`);
  return n;
}

/** Parses a JSON argument given inline or as @file; `field` names it in errors ("claim", "person", …). */
export function readJson(value: string, field: string): unknown {
  let text = value;
  if (value.startsWith("@")) {
    const path = value.slice(1);
    try {
      text = readFileSync(path, "utf-8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UsageError(`--${field}: cannot read file ${JSON.stringify(path)} (${code})`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, " ") : String(error);
    throw new InputError(field, `malformed JSON (${reason}); expected a JSON object or @file`);
  }
}

/** One positional scheme id; anything else is a usage error. */
export function onePositional(positionals: string[], what: string, known: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError(`missing <${what}> (allowed: ${known.join(", ")})`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <${what}>)`);
  return positionals[0]!;
}

export function parseLang(value: string | undefined): "zh" | "en" {
  if (value === undefined || value === "en" || value === "zh") return value ?? "en";
  throw new InputError("--lang", `not a language (allowed: zh, en; got ${JSON.stringify(value)})`);
}

/** Left-aligned text table. */
export function table(rows: string[][], header: string[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}
