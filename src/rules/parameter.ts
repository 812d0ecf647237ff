/**
 * The parameter model: every number a scheme formula reads is a Parameter — a value per dated
 * version, a unit, a reference (seed file + line + quote, or a named public regulation), an
 * allowed range (for reforms), bilingual labels, and, where no source gives the value, an
 * `assumption` with a one-line rationale and a prior the Monte Carlo engine samples from.
 * Modelled on OpenFisca/PolicyEngine parameters; written as data in each scheme's parameters.yaml
 * (src/schemes/<id>/, format in docs/add-a-scheme.md). Pure ESM, no Node imports (used by pages too).
 */
import type { PriorSpec } from "../vocabulary/priors.js";
import { pick, type Bilingual, type Lang } from "../vocabulary/text.js";
import type { Unit as VocabularyUnit } from "../vocabulary/units.js";
import { InputError } from "./input-error.js";

export type { Bilingual };

/**
 * The distribution the Monte Carlo engine draws an assumed parameter from: one of the
 * vocabulary's priors (src/vocabulary/priors.ts), a lognormal always given by its median (the
 * form parameters.yaml writes; a scenario may also give a mean).
 */
export type Prior = Exclude<PriorSpec, { dist: "lognormal" }> | { dist: "lognormal"; median: number; sigma: number };

/**
 * The unit of a parameter: one of the vocabulary's units (src/vocabulary/units.ts), less the two
 * only sourced figures use (a ratio, a count of organisations).
 */
export type Unit = Exclude<VocabularyUnit, "ratio" | "organisations">;

/**
 * Where a value comes from. `seed`: a file in data/seeds/ (line and quote); `regulation`: a named
 * public text (a law, a notice); `public`: a published figure from public material beyond the
 * seeds — a line of data/public-figures.md (its quote) or a web page (URL and quote).
 */
export type Reference =
  | { kind: "seed"; file: string; line: number; quote: string }
  | { kind: "regulation"; name: string; detail: string | Bilingual }
  | { kind: "public"; where: string; line?: number; quote: string }
  | { kind: "reform"; detail: string }
  | { kind: "none"; detail: string | Bilingual };

/** Present only where no source gives the value. */
export interface Assumption {
  /** Why the value was chosen: one string, or {zh, en} so pages show it in either language. */
  rationale: string | Bilingual;
  prior: Prior;
}

export interface ParameterVersion {
  /** First day (ISO date) this value applies; it applies until the next version's `from`. */
  from: string;
  value: number;
  reference: Reference;
  assumption?: Assumption;
  /** Optional remark (e.g. how a sourced figure was read): one string, or {zh, en}. */
  note?: string | Bilingual;
}

/** A reform's override of one parameter: a value for every date, or a value from a date on. */
export type Override = number | { value: number; from: string };

export interface Parameter {
  /** Dotted path, first segment = scheme id, e.g. "gonghuibao.outOfCatalog.rate". */
  path: string;
  label: Bilingual;
  unit: Unit;
  /** Allowed values for reforms (inclusive). */
  range: { min: number; max: number };
  integer?: boolean;
  /** Versions sorted by `from`, ascending. */
  versions: ParameterVersion[];
}

/** The version in force on `date` (ISO), or undefined before the first version. */
export function versionAt(p: Parameter, date: string): ParameterVersion | undefined {
  let found: ParameterVersion | undefined;
  for (const v of p.versions) {
    if (v.from <= date) found = v;
    else break;
  }
  return found;
}

export function isAssumption(p: Parameter, date: string): boolean {
  return versionAt(p, date)?.assumption !== undefined;
}

/**
 * An immutable set of parameters keyed by path. Formulas read values with `v(path, date)`.
 * A path a formula asks for that is not in the table is a programming error (thrown as Error);
 * a date before the first version is bad input (InputError on "date").
 */
export class ParameterTable {
  readonly #byPath: ReadonlyMap<string, Parameter>;
  constructor(parameters: readonly Parameter[]) {
    const map = new Map<string, Parameter>();
    for (const p of parameters) {
      if (map.has(p.path)) throw new Error(`duplicate parameter path ${p.path}`);
      if (p.versions.length === 0) throw new Error(`parameter ${p.path} has no versions`);
      for (let i = 1; i < p.versions.length; i++) {
        if (p.versions[i - 1]!.from >= p.versions[i]!.from) throw new Error(`parameter ${p.path}: versions not sorted`);
      }
      map.set(p.path, p);
    }
    this.#byPath = map;
  }
  get paths(): string[] {
    return [...this.#byPath.keys()];
  }
  get all(): Parameter[] {
    return [...this.#byPath.values()];
  }
  has(path: string): boolean {
    return this.#byPath.has(path);
  }
  param(path: string): Parameter {
    const p = this.#byPath.get(path);
    if (!p) throw new Error(`internal: formula reads unknown parameter ${path}`);
    return p;
  }
  /** The value of `path` on `date`. */
  v(path: string, date: string): number {
    // Formulas read the same date many times in a row (the engine pays 10^5 claims on one date).
    if (date !== this.#cachedDate) {
      this.#cachedDate = date;
      this.#cachedValues.clear();
    }
    const cached = this.#cachedValues.get(path);
    if (cached !== undefined) return cached;
    const value = this.#lookup(path, date);
    this.#cachedValues.set(path, value);
    return value;
  }
  #cachedDate = "";
  readonly #cachedValues = new Map<string, number>();
  #lookup(path: string, date: string): number {
    const p = this.param(path);
    const version = versionAt(p, date);
    if (!version) {
      throw new InputError("date", `before the first version of ${path} (allowed: a date on or after ${p.versions[0]!.from}; got ${JSON.stringify(date)})`);
    }
    return version.value;
  }
  /**
   * A new table with the overrides applied (reference: reform): a number replaces the value in
   * every version; {value, from} replaces it in the versions from that date on — the version in
   * force on `from` is split there (a new version starts on `from`) — and keeps the earlier ones.
   */
  with(overrides: ReadonlyMap<string, Override>): ParameterTable {
    const reformed = (v: ParameterVersion, from: string, value: number): ParameterVersion => ({
      from,
      value,
      reference: { kind: "reform" as const, detail: `set by reform (was ${v.value})` },
    });
    return new ParameterTable(
      this.all.map((p) => {
        const o = overrides.get(p.path);
        if (o === undefined) return p;
        if (typeof o === "number") return { ...p, versions: p.versions.map((v) => reformed(v, v.from, o)) };
        const versions: ParameterVersion[] = [];
        p.versions.forEach((v, i) => {
          const next = p.versions[i + 1]?.from;
          if (v.from >= o.from) versions.push(reformed(v, v.from, o.value));
          else {
            versions.push(v);
            // The version in force on o.from (it starts before and ends after): split it there.
            if (next === undefined || next > o.from) versions.push(reformed(v, o.from, o.value));
          }
        });
        return { ...p, versions };
      }),
    );
  }
}

/** The name of the `public` kind of source, e.g. before its place in a rules card. */
export const PUBLIC_FIGURE: Bilingual = { zh: "公开数据", en: "public figure" };

/** The words before a `none` source's note of what the sources say, e.g. in a rules card. */
export const NO_SOURCE: Bilingual = { zh: "无来源", en: "no source" };

/**
 * Short text for a reference, e.g. "002_c0fee34b91106deb.txt:109 «50岁及以下保费68元/年»", or
 * "public figure: data/public-figures.md:10 «…»" (zh "公开数据：data/public-figures.md 第 10 行 «…»").
 */
export function referenceText(r: Reference, lang: Lang = "en"): string {
  switch (r.kind) {
    case "seed":
      return `${r.file}:${r.line} «${r.quote}»`;
    case "regulation":
      return `${r.name} — ${pick(r.detail, lang)}`;
    case "public": {
      const place = r.line === undefined ? r.where : lang === "zh" ? `${r.where} 第 ${r.line} 行` : `${r.where}:${r.line}`;
      return `${PUBLIC_FIGURE[lang]}${lang === "zh" ? "：" : ": "}${place} «${r.quote}»`;
    }
    case "reform":
      return r.detail;
    case "none":
      return `${NO_SOURCE[lang]}${lang === "zh" ? "：" : ": "}${pick(r.detail, lang)}`;
  }
}

/** For assumed values: what the sources say (or do not say) about them. */
export function noSource(detail: string): Reference {
  return { kind: "none", detail };
}

/** Formats a share as a percentage without float noise: 0.75 → "75%". */
export function pct(share: number): string {
  return `${Number((share * 100).toFixed(6))}%`;
}

/**
 * Builds a parameter in code. The schemes' parameters are data (src/schemes/<id>/parameters.yaml,
 * generated by scripts/gen-schemes.ts); this is for tests that need a small table of their own.
 */
export function def(
  path: string,
  label: [zh: string, en: string],
  unit: Unit,
  range: [min: number, max: number],
  versions: ParameterVersion[],
  integer = false,
): Parameter {
  return { path, label: { zh: label[0], en: label[1] }, unit, range: { min: range[0], max: range[1] }, ...(integer ? { integer } : {}), versions };
}

/** A dated version of a parameter built in code (see `def`). */
export function ver(from: string, value: number, reference: Reference, assumption?: Assumption, note?: string): ParameterVersion {
  return { from, value, reference, ...(assumption ? { assumption } : {}), ...(note ? { note } : {}) };
}
