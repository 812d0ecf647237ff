/**
 * Sourced figures (data/figures.csv): parse and validate the tidy table of every published figure
 * the workbench uses, and look figures up by id. Runs in Node and in the browser.
 * Provenance rules: data/README.md. A figure's source is written in English (`source`; a Chinese
 * regulation by its English name, "MOHRSS document Ren She Bu Fa [2025] No. 24") and in Chinese
 * (`source_zh`; the issuer's own title, 人社部发〔2025〕24号); `figureSource` picks the language's one.
 */
import { csvParse } from "d3-dsv";
import { z } from "zod";
import { InputError } from "../rules/input-error.js";
import type { Prior } from "../rules/parameter.js";
import type { Lang } from "../vocabulary/text.js";

export const FIGURE_KINDS = ["source", "public-statistic", "assumption"] as const;
export const FIGURE_UNITS = ["persons", "元", "元/year", "share", "ratio", "organisations"] as const;

export const figureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, "a dotted lower-case id such as national.new_form_workers"),
  quantity: z.string().min(1),
  quantity_zh: z.string().min(1),
  value: z.number().finite(),
  unit: z.enum(FIGURE_UNITS),
  date: z.string().regex(/^(\d{4}(-\d{2}){0,2}(\/\d{4})?|n\/a)$/, "YYYY, YYYY-MM, YYYY-MM-DD, YYYY/YYYY or n/a"),
  geography: z.string().min(1),
  source: z.string().min(1),
  source_ref: z.string().regex(/^(\d{3}_[0-9a-f]{16}\.txt:\d+|public-figures\.md)$/, "seed-file.txt:line or public-figures.md"),
  kind: z.enum(FIGURE_KINDS),
  /** Prior of an assumed or uncertain figure: "uniform(a, b)", "triangular(a, mode, b)",
   *  "lognormal(median, sigma)", "beta(alpha, beta)"; empty = known (fixed). */
  prior: z.string(),
  note: z.string(),
  /** The note in Chinese (the column may be absent: then ""); an assumption's rationale needs both. */
  note_zh: z.string().default(""),
  /** The source in Chinese (data/figures.csv; absent in data/assumptions/*.csv, whose source is "assumption"). */
  source_zh: z.string().default(""),
});

export type Figure = z.infer<typeof figureSchema>;

/** Parses a figures CSV; a bad row throws an InputError naming the file, row, field and rule. */
export function parseFigures(text: string, file = "figures.csv"): Figure[] {
  const rows = csvParse(text);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const line = i + 2; // header is line 1
    const raw = row.value ?? "";
    const value = raw.trim() === "" ? Number.NaN : Number(raw);
    const result = figureSchema.safeParse({ ...row, value });
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.join(".") || "row";
      const detail = field === "value" ? `must be a finite number, got "${raw}"` : issue.message;
      throw new InputError(`${file} line ${line}, ${field}`, detail);
    }
    if (result.data.kind === "assumption" && result.data.prior === "") {
      throw new InputError(`${file} line ${line}, prior`, "an assumption needs a prior, e.g. uniform(0.2, 0.4)");
    }
    if (result.data.kind === "assumption" && result.data.note.trim() === "") {
      throw new InputError(`${file} line ${line}, note`, "an assumption needs its rationale in the note");
    }
    if (result.data.kind === "assumption" && "note_zh" in row && result.data.note_zh.trim() === "") {
      throw new InputError(`${file} line ${line}, note_zh`, "an assumption needs its rationale in Chinese in note_zh");
    }
    if (result.data.kind !== "assumption" && "source_zh" in row && result.data.source_zh.trim() === "") {
      throw new InputError(`${file} line ${line}, source_zh`, "a sourced figure needs its source in Chinese in source_zh");
    }
    try {
      parsePrior(result.data.prior);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${file} line ${line}, prior`, error.message.slice(error.field.length + 2));
      throw error;
    }
    if (result.data.unit === "share" && (result.data.value < 0 || result.data.value > 1)) {
      throw new InputError(`${file} line ${line}, value`, `a share must be in [0, 1], got ${result.data.value}`);
    }
    if (seen.has(result.data.id)) throw new InputError(`${file} line ${line}, id`, `duplicate id "${result.data.id}"`);
    seen.add(result.data.id);
    return result.data;
  });
}

/** Parses a prior written as "uniform(a, b)", "triangular(a, mode, b)", "lognormal(median, sigma)",
 *  "beta(alpha, beta)"; "" is a known value (fixed). */
export function parsePrior(text: string): Prior {
  const t = text.trim();
  if (t === "") return { dist: "fixed" };
  const m = /^(uniform|triangular|lognormal|beta)\(([^)]*)\)$/.exec(t);
  const args = m ? m[2]!.split(",").map((x) => Number(x.trim())) : [];
  const want: Record<string, number> = { uniform: 2, triangular: 3, lognormal: 2, beta: 2 };
  if (!m || args.length !== want[m[1]!] || args.some((x) => !Number.isFinite(x))) {
    throw new InputError("prior", `"${text}" is not one of uniform(a, b), triangular(a, mode, b), lognormal(median, sigma), beta(alpha, beta) with numbers`);
  }
  const [a, b, c] = args as [number, number, number];
  switch (m[1]) {
    case "uniform":
      return { dist: "uniform", min: a, max: b };
    case "triangular":
      return { dist: "triangular", min: a, mode: b, max: c };
    case "lognormal":
      return { dist: "lognormal", median: a, sigma: b };
    default:
      return { dist: "beta", alpha: a, beta: b };
  }
}

/** A figure's source in `lang`: the Chinese column in Chinese ("assumption" reads 假设), else the English one. */
export function figureSource(f: Pick<Figure, "source" | "source_zh">, lang: Lang): string {
  if (lang === "en") return f.source;
  if (f.source_zh) return f.source_zh;
  return f.source === "assumption" ? "假设" : f.source;
}

/** Looks up one figure by id; an unknown id is an error listing nothing silently. */
export function figure(figures: readonly Figure[], id: string): Figure {
  const found = figures.find((f) => f.id === id);
  if (!found) throw new InputError("figure", `unknown figure id "${id}" (see data/figures.csv)`);
  return found;
}
