/**
 * The files a scheme is written in (src/schemes/<id>/): the zod schemas of `parameters.yaml`,
 * `scheme.yaml` and `cases.yaml`, and their translation into the rules' own shapes (Parameter,
 * SchemeMeta). Used by scripts/gen-schemes.ts, which writes each folder's `scheme.gen.ts`, and by
 * the tests. Pure (zod only): it never reads a file; the YAML is parsed by the caller with the
 * core schema, so dates stay strings.
 *
 * Every error names the file, the YAML path and what is allowed, e.g.
 * `src/schemes/gonghuibao/parameters.yaml: inCatalog.rate.values[0].value: must be within range [0, 1] (got 1.2)`.
 */
import { z } from "zod";
import { isIsoDate } from "./dates.js";
import type { Bilingual, Parameter, ParameterVersion, Prior, Reference, Unit } from "./parameter.js";
import type { TemplateParameter } from "./parameter-template.js";
import type { Family, SchemeMeta } from "./scheme.js";
import { LEAVING_JOB_REGIONS } from "./statutory-periodic.js";

/** The units a parameter may have (the `Unit` type of parameter.ts). */
export const PARAMETER_UNITS = ["CNY", "CNY/day", "CNY/year", "CNY/month", "CNY/order", "share", "years", "days", "months", "hours", "persons", "multiple"] as const satisfies readonly Unit[];
// Both ways: every Unit is listed.
const _allUnits: Record<Unit, true> = Object.fromEntries(PARAMETER_UNITS.map((u) => [u, true])) as Record<(typeof PARAMETER_UNITS)[number], true>;
void _allUnits;

export const FAMILIES = ["medical", "injury"] as const satisfies readonly Family[];

const got = (input: unknown) => `(got ${JSON.stringify(input) ?? String(input)})`;

const text = z.string({ error: (i) => `must be a text ${got(i.input)}` }).min(1, { error: "must not be empty" });
const bilingual = z.strictObject({ zh: text, en: text }, { error: (i) => `must be {zh, en} ${got(i.input)}` });
const number = z.number({ error: (i) => `must be a number ${got(i.input)}` });
const isoDate = z
  .string({ error: (i) => `must be a date "YYYY-MM-DD" (quoted) ${got(i.input)}` })
  .refine(isIsoDate, { error: (i) => `must be a calendar date "YYYY-MM-DD" ${got(i.input)}` });
/** A parameter key relative to the scheme id: dot-separated words, e.g. `inCatalog.rate`. */
const keyPattern = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;
const key = z.string().regex(keyPattern, { error: (i) => `must be a key like "premium.daily" (letters and digits, dot-separated) ${got(i.input)}` });

/** Where a `public` figure is written: the project's copy of the public figures, or a web page. */
export const PUBLIC_FIGURES_FILE = "data/public-figures.md";
const lineNumber = z.number().int().min(1);

/** A text the rules cards show: one string, or {zh, en} so each language shows its own. */
const shown = z.union([text, z.strictObject({ zh: text, en: text })], { error: (i) => `must be a text or {zh: …, en: …} ${got(i.input)}` });

const source = z.union(
  [
    z.strictObject({ seed: text, line: lineNumber, quote: text }),
    z.strictObject({ regulation: text, detail: shown }),
    // A published figure from public material beyond the seeds: a line of data/public-figures.md, or a web page.
    z.strictObject({ public: text, line: lineNumber.optional(), quote: text }).superRefine((s, ctx) => {
      const url = /^https?:\/\/\S+$/.test(s.public);
      if (s.public === PUBLIC_FIGURES_FILE && s.line === undefined) ctx.addIssue({ code: "custom", path: ["line"], message: `must be the line of ${PUBLIC_FIGURES_FILE} quoted (a whole number ≥ 1)` });
      else if (s.public !== PUBLIC_FIGURES_FILE && !url) ctx.addIssue({ code: "custom", path: ["public"], message: `must be ${PUBLIC_FIGURES_FILE} or a web address http(s)://… ${got(s.public)}` });
      else if (url && s.line !== undefined) ctx.addIssue({ code: "custom", path: ["line"], message: `must be left out for a web address (only ${PUBLIC_FIGURES_FILE} has lines) ${got(s.line)}` });
    }),
    z.strictObject({ none: shown }),
  ],
  {
    error: (i) =>
      `must be {seed: file, line, quote}, {regulation: name, detail}, {public: ${PUBLIC_FIGURES_FILE} | URL, line, quote} or {none: what the sources say} ${got(i.input)}`,
  },
);

const prior = z.discriminatedUnion(
  "dist",
  [
    z.strictObject({ dist: z.literal("uniform"), min: number, max: number }),
    z.strictObject({ dist: z.literal("triangular"), min: number, mode: number, max: number }),
    z.strictObject({ dist: z.literal("lognormal"), median: number, sigma: number }),
    z.strictObject({ dist: z.literal("beta"), alpha: number, beta: number }),
    z.strictObject({ dist: z.literal("fixed") }),
  ],
  { error: (i) => `must be a prior {dist: uniform|triangular|lognormal|beta|fixed, …} ${got(i.input)}` },
);

const assumption = z.strictObject({
  rationale: z.union([z.string().min(10), z.strictObject({ zh: z.string().min(4), en: z.string().min(10) })], { error: "must say why the value was chosen: a string of at least 10 characters, or {zh, en}" }),
  prior,
});

function versionSchema(template: boolean) {
  return z.strictObject({
    // In a template, `start` is the date the scheme using it starts (its period.from).
    from: template ? z.union([z.literal("start"), isoDate], { error: (i) => `must be "start" or a date "YYYY-MM-DD" ${got(i.input)}` }) : isoDate,
    // Template only: the version is left out for a scheme starting on or after this date.
    ...(template ? { until: isoDate.optional() } : {}),
    value: number,
    source,
    note: shown.optional(),
    assumption: assumption.optional(),
  });
}

function parameterSchema(template: boolean) {
  return z
    .strictObject({
      label: bilingual,
      unit: z.enum(PARAMETER_UNITS, { error: (i) => `must be one of ${PARAMETER_UNITS.join(", ")} ${got(i.input)}` }),
      range: z.tuple([number, number], { error: (i) => `must be [min, max] ${got(i.input)}` }),
      integer: z.literal(true, { error: "must be true, or left out" }).optional(),
      values: z.array(versionSchema(template), { error: "must be a list of dated values" }).min(1, { error: "must have at least one value" }),
    })
    .superRefine((p, ctx) => {
      const [min, max] = p.range;
      if (!(min <= max)) ctx.addIssue({ code: "custom", path: ["range"], message: `min must not exceed max (got [${min}, ${max}])` });
      p.values.forEach((v, i) => {
        if (v.value < min || v.value > max) ctx.addIssue({ code: "custom", path: ["values", i, "value"], message: `must be within range [${min}, ${max}] (got ${v.value})` });
        if (p.integer && !Number.isInteger(v.value)) ctx.addIssue({ code: "custom", path: ["values", i, "value"], message: `must be an integer (the parameter is integer: true) (got ${v.value})` });
        const prev = p.values[i - 1];
        if (prev && prev.from !== "start" && v.from !== "start" && !(prev.from < v.from)) {
          ctx.addIssue({ code: "custom", path: ["values", i, "from"], message: `must be after the previous value's from ${prev.from} (values are listed oldest first) (got ${v.from})` });
        }
        if (i > 0 && v.from === "start") ctx.addIssue({ code: "custom", path: ["values", i, "from"], message: `"start" is only allowed on the first value` });
      });
    });
}

const parameterEntries = (template: boolean) =>
  z.record(key, parameterSchema(template), { error: (i) => (i.code === "invalid_type" ? `must be a map of parameter keys to {label, unit, range, values} ${got(i.input)}` : undefined) });

/** `parameters.yaml`: parameter key (relative to the scheme id) → parameter. */
export const ParametersFile = parameterEntries(false);
/** A template's parameters (src/rules/statutory/parameters.yaml): values may start at `start`. */
export const TemplateParametersFile = parameterEntries(true);
export type ParametersFileData = z.output<typeof ParametersFile>;
export type TemplateParametersFileData = z.output<typeof TemplateParametersFile>;

/** Regions whose statutory lump sums on leaving the job are modelled (statutory-periodic.ts). */
export const STATUTORY_REGIONS = ["zhejiang", "guangdong", "national"] as const;

/** `scheme.yaml`: the scheme's metadata. Parameter keys (pricing) are relative to the id. */
export const SchemeFile = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `must be a lower-case id like "gonghuibao" ${got(i.input)}` }),
  family: z.enum(FAMILIES, { error: (i) => `must be one of ${FAMILIES.join(", ")} ${got(i.input)}` }),
  name: bilingual,
  region: bilingual,
  sources: z.array(text).min(1, { error: "must name at least one source" }),
  period: z.strictObject({ from: isoDate, until: isoDate.nullable() }),
  referenceDate: isoDate,
  pricing: z.array(key),
  benefitPersonFields: z.array(text),
  yearlyFields: z.array(text).optional(),
  personDefaults: bilingual,
  example: z.strictObject({ claim: z.record(z.string(), z.unknown()), source: bilingual }),
  dates: z.record(key, isoDate).optional(),
  /** The statutory work-injury package's parameters, instantiated under `<id>.statutory`. */
  statutoryPackage: z.strictObject({ regions: z.array(z.enum(STATUTORY_REGIONS)).min(1) }).optional(),
  /**
   * A medical-family product's spec (src/families/medical/spec.ts), which the family validates:
   * a folder with it needs no formulas of its own. Copied into scheme.gen.ts as `medical`.
   */
  medical: z.record(z.string(), z.unknown()).optional(),
}).superRefine((f, ctx) => {
  if (f.medical !== undefined && f.family !== "medical") ctx.addIssue({ code: "custom", path: ["medical"], message: `only a scheme of family medical has a medical spec (got family ${f.family})` });
});
export type SchemeFileData = z.output<typeof SchemeFile>;

/** An expected amount: exact, or `{about, digits}` (|actual − about| < 10^−digits / 2). */
const expectedAmount = z.union([number, z.strictObject({ about: number, digits: z.number().int() })], {
  error: (i) => `must be a number or {about: number, digits: integer} ${got(i.input)}`,
});
export type ExpectedAmount = z.output<typeof expectedAmount>;

/** One worked example or hand case of `cases.yaml`. */
export const Case = z.strictObject({
  /** What it checks, citing the source line where it comes from one. */
  name: text,
  date: isoDate,
  /** Parameter overrides (full paths), as `--reform` takes them. */
  reform: z.record(z.string(), number).optional(),
  person: z.unknown().optional(),
  purchase: z.unknown().optional(),
  claim: z.unknown().optional(),
  expect: z.strictObject({
    /** The InputError expected (from parsing, or from a rule): its field and a regular expression its message matches. */
    error: z.strictObject({ field: text, message: text.optional() }).optional(),
    eligible: z.boolean().optional(),
    /** The ids of the unmet eligibility rules, in order. */
    failing: z.array(text).optional(),
    /** The ids of all eligibility rules, in order. */
    reasons: z.array(text).optional(),
    premium: z
      .strictObject({
        gross: expectedAmount.optional(),
        net: expectedAmount.optional(),
        /** Every payer's amount (the insured's included). */
        byPayer: z.record(z.string(), expectedAmount).optional(),
        /** The cover bought (either date may be left out). */
        cover: z.strictObject({ from: isoDate.optional(), until: isoDate.optional() }).optional(),
      })
      .optional(),
    payout: expectedAmount.optional(),
    /** Benefit lines by rule id (each listed rule occurs once, with this amount). */
    items: z.record(z.string(), expectedAmount).optional(),
    /** The benefit's rule ids, all of them, in order. */
    lines: z.array(text).optional(),
    /** Rule ids that must not be among the benefit lines. */
    absent: z.array(text).optional(),
    /** Exact formula text of benefit lines, by rule id. */
    formulas: z.record(z.string(), z.string()).optional(),
    /** A regular expression the formula of a benefit line matches, by rule id. */
    formulaMatches: z.record(z.string(), z.string()).optional(),
    /** Parameter paths a benefit line reads, by rule id. */
    params: z.record(z.string(), z.array(z.string())).optional(),
    /** Who pays a benefit line (statutory package), by rule id. */
    payers: z.record(z.string(), z.string()).optional(),
  }),
});
export type CaseData = z.output<typeof Case>;
export const CasesFile = z.array(Case, { error: "must be a list of cases" }).min(1, { error: "must have at least one case" });

/** `file: path: message` for each zod issue (the path as in YAML: `inCatalog.rate.values[0].value`). */
export function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      let path = "";
      for (const seg of issue.path) path += typeof seg === "number" ? `[${seg}]` : path === "" ? String(seg) : `.${String(seg)}`;
      if (issue.code === "invalid_key") {
        const inner = issue.issues[0];
        return `${file}: ${path}: ${inner?.message ?? issue.message}`;
      }
      if (issue.code === "unrecognized_keys") return `${file}: ${path ? `${path}: ` : ""}unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
      return `${file}: ${path || "(top)"}: ${issue.message}`;
    })
    .join("\n");
}

/** Parses `data` with `schema`; an error names the file and each problem's path. */
export function validateFile<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(formatIssues(file, result.error));
  return result.data;
}

type SourceData = z.output<typeof source>;
function referenceOf(s: SourceData): Reference {
  if ("seed" in s) return { kind: "seed", file: s.seed, line: s.line, quote: s.quote };
  if ("regulation" in s) return { kind: "regulation", name: s.regulation, detail: s.detail };
  if ("public" in s) return s.line === undefined ? { kind: "public", where: s.public, quote: s.quote } : { kind: "public", where: s.public, line: s.line, quote: s.quote };
  return { kind: "none", detail: s.none };
}

function priorOf(p: z.output<typeof prior>): Prior {
  switch (p.dist) {
    case "uniform":
      return { dist: "uniform", min: p.min, max: p.max };
    case "triangular":
      return { dist: "triangular", min: p.min, mode: p.mode, max: p.max };
    case "lognormal":
      return { dist: "lognormal", median: p.median, sigma: p.sigma };
    case "beta":
      return { dist: "beta", alpha: p.alpha, beta: p.beta };
    case "fixed":
      return { dist: "fixed" };
  }
}

type VersionData = { from: string; value: number; source: SourceData; note?: string | Bilingual | undefined; assumption?: z.output<typeof assumption> | undefined };
function versionOf(v: VersionData, from: string = v.from): ParameterVersion {
  return {
    from,
    value: v.value,
    reference: referenceOf(v.source),
    ...(v.assumption ? { assumption: { rationale: v.assumption.rationale, prior: priorOf(v.assumption.prior) } } : {}),
    ...(v.note ? { note: v.note } : {}),
  };
}

type ParameterData = { label: Bilingual; unit: Unit; range: [number, number]; integer?: true | undefined; values: VersionData[] };
function parameterOf(path: string, p: ParameterData, versions: ParameterVersion[]): Parameter {
  return {
    path,
    label: { zh: p.label.zh, en: p.label.en },
    unit: p.unit,
    range: { min: p.range[0], max: p.range[1] },
    ...(p.integer ? { integer: true } : {}),
    versions,
  };
}

/** The parameters of a `parameters.yaml` under `prefix` (the scheme id), in the file's order. */
export function parametersOf(prefix: string, file: ParametersFileData): Parameter[] {
  return Object.entries(file).map(([k, p]) => parameterOf(`${prefix}.${k}`, p, p.values.map((v) => versionOf(v))));
}

/** A template file's parameters; versions from `start` keep "start" until instantiated. */
export function templateOf(file: TemplateParametersFileData): TemplateParameter[] {
  return Object.entries(file).map(([k, p]) => ({
    key: k,
    parameter: parameterOf(k, p, p.values.map((v) => versionOf(v))),
    until: p.values.map((v): string | null => ("until" in v && typeof v.until === "string" ? v.until : null)),
  }));
}

/** The metadata of a `scheme.yaml` with full parameter paths; `keys` are the scheme's parameter keys (to check pricing). */
export function metaOf(file: SchemeFileData, keys: ReadonlySet<string>, fileName: string): SchemeMeta {
  const problems: string[] = [];
  file.pricing.forEach((k, i) => {
    if (!keys.has(k)) problems.push(`${fileName}: pricing[${i}]: must be a key of parameters.yaml (got ${JSON.stringify(k)})`);
  });
  const { from, until } = file.period;
  if (file.referenceDate < from || (until !== null && file.referenceDate > until)) {
    problems.push(`${fileName}: referenceDate: must be within the period ${from} – ${until ?? "open"} (got ${file.referenceDate})`);
  }
  if (until !== null && until < from) problems.push(`${fileName}: period.until: must not be before period.from ${from} (got ${until})`);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return {
    id: file.id,
    family: file.family,
    name: file.name,
    region: file.region,
    sources: file.sources,
    period: { from, until },
    referenceDate: file.referenceDate,
    pricing: file.pricing.map((k) => `${file.id}.${k}`),
    benefitPersonFields: file.benefitPersonFields,
    ...(file.yearlyFields ? { yearlyFields: file.yearlyFields } : {}),
    personDefaults: file.personDefaults,
    example: file.example,
    dates: file.dates ?? {},
  };
}
