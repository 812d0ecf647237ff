/**
 * Argument helpers for the rules/quote/benefit commands: strict `node:util` parseArgs whose
 * errors become one-line UsageErrors, and JSON arguments given inline or as @file.
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";
import { InputError } from "../../src/rules/input-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseStrict<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\s+/g, " ").trim() : String(error);
    const names = Object.entries(options).map(([name, o]) => `--${name}${o.type === "string" ? " <value>" : ""}`);
    throw new UsageError(`${message}; allowed options: ${names.join(", ")}`);
  }
}

/**
 * "--seed -1" → "--seed=-1" for the given numeric flags, so a negative number reaches the flag's
 * range check (and its one-line message) instead of parseArgs' "ambiguous argument" error.
 */
export function joinNegativeNumbers(args: readonly string[], numericFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a.startsWith("--") && numericFlags.includes(a.slice(2)) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
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
  if (positionals.length === 0) throw new UsageError(`missing <${what}>; known: ${known.join(", ")}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}; expected one <${what}>`);
  return positionals[0]!;
}

export function parseLang(value: string | undefined): "zh" | "en" {
  if (value === undefined || value === "en" || value === "zh") return value ?? "en";
  throw new InputError("--lang", `must be one of zh, en (got ${JSON.stringify(value)})`);
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
