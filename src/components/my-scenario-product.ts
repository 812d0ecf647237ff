/**
 * The "我的情景 My scenario" page's product form (issue 14): a shipped scheme's terms as fields —
 * every parameter of the scheme (src/rules/parameter.ts: label, unit, allowed range, dated
 * versions, source or assumption), grouped by what it is in the product (for the medical family,
 * read from its spec, src/families/medical/spec.ts: premium tiers, subsidies by payer, group
 * purchase, deductibles, bands and rates, caps, eligibility; for other schemes, by the first
 * segment of the parameter's key). A field's value is checked as typed (one line naming the field
 * and its allowed range; never NaN, never clamped); the edited values are the product.
 *
 * How the product reaches the scenario JSON the CLI reads: a product of a shipped scheme with its
 * own values is that scheme with a reform (src/rules/reform.ts: a parameter path → a value, in
 * every dated version), so each option of the scenario whose scheme is the product's gets the
 * edited values as its `reform`; an option's own reform (e.g. "terms of 2023") stays on top of
 * the product for the paths it sets. `puhui simulate` reads it unchanged. The scenario format has
 * no place for a product of a *new structure* (another tier, another band): that needs a scheme
 * folder (docs/add-a-scheme.md, route A).
 */
import { InputError } from "../rules/input-error.js";
import { versionAt, type Parameter, type ParameterVersion } from "../rules/parameter.js";
import type { AnyScheme } from "../rules/scheme.js";
import type { MedicalSpec } from "../families/medical/spec.js";
import { payerLabel } from "../vocabulary/payers.js";
import type { Bilingual } from "../vocabulary/text.js";
import { unitName } from "../vocabulary/units.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- scenario JSON is edited as plain data */
type Json = any;

/** What a parameter is in the product: the form's groups, in this order. */
export const ROLES = ["premium", "subsidy", "deductible", "rate", "cap", "eligibility", "other"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, Bilingual>> = {
  premium: { zh: "保费档", en: "Premium tiers" },
  subsidy: { zh: "补贴（按出资方）与统一参保", en: "Subsidies by payer, group purchase" },
  deductible: { zh: "免赔额与分段", en: "Deductibles and bands" },
  rate: { zh: "赔付比例", en: "Payout rates" },
  cap: { zh: "限额", en: "Caps" },
  eligibility: { zh: "参保条件", en: "Eligibility" },
  other: { zh: "其他条款", en: "Other terms" },
};

/**
 * Names of the key segments schemes outside the medical family group their parameters by
 * (src/schemes/<id>/parameters.yaml); a segment not listed is shown as its code.
 */
export const GROUP_NAMES: Readonly<Record<string, Bilingual>> = {
  premium: { zh: "保费", en: "Premium" },
  subsidy: { zh: "补贴", en: "Subsidy" },
  purchase: { zh: "投保天数", en: "Purchase" },
  eligibility: { zh: "参保条件", en: "Eligibility" },
  medical: { zh: "意外医疗", en: "Medical cover" },
  disabilityDeath: { zh: "伤残身故保额", en: "Disability and death cover" },
  disability: { zh: "伤残等级给付比例", en: "Disability grade table" },
  classRate: { zh: "行业风险类别费率", en: "Industry risk class rates" },
  statutory: { zh: "法定工伤保险待遇", en: "Statutory work-injury benefits" },
  zhejiang: { zh: "浙江", en: "Zhejiang" },
  guangdong: { zh: "广东", en: "Guangdong" },
  claims: { zh: "理赔", en: "Claims" },
  trackA: { zh: "A 类（已参工伤）", en: "Track A (already in work-injury insurance)" },
  trackB: { zh: "B 类（特定人员）", en: "Track B (specific persons)" },
  financing: { zh: "筹资", en: "Financing" },
  regionalAverageWage: { zh: "地区平均工资", en: "Regional average wage" },
  thirdParty: { zh: "第三方责任", en: "Third-party liability" },
};

/** One field of the form. */
export interface ProductField {
  path: string;
  role: Role;
  /** Groups of a scheme outside the medical family: the key's first segment (e.g. "disability"). */
  group: string;
  label: Bilingual;
  unit: Parameter["unit"];
  range: { min: number; max: number };
  integer: boolean;
  /** What the parameter does in the product (from the spec), one short line. */
  help: Bilingual | null;
  /** The value in force on the scenario's date: where the form starts. */
  start: number;
  /** The version in force on that date, and how many versions the parameter has. */
  version: ParameterVersion;
  versions: number;
}

const RATE_KIND: Record<"preExisting" | "noPreExisting", Bilingual> = {
  preExisting: { zh: "既往症", en: "pre-existing condition" },
  noPreExisting: { zh: "非既往症", en: "no pre-existing condition" },
};

/** What each parameter path is in a medical product's spec, with a short bilingual line. */
export function medicalRoles(spec: MedicalSpec): Map<string, { role: Role; help: Bilingual }> {
  const out = new Map<string, { role: Role; help: Bilingual }>();
  const put = (path: string | undefined, role: Role, help: Bilingual) => {
    if (path && !out.has(path)) out.set(path, { role, help });
  };
  spec.premium.tiers.forEach((tier, i) => {
    const who = tier.name ?? (tier.when ? { zh: `第 ${i + 1} 档（满足条件者）`, en: `tier ${i + 1} (those meeting its conditions)` } : { zh: "其余参保人", en: "everyone else" });
    put(tier.premium, "premium", { zh: `每人每年保费：${who.zh}`, en: `premium per person a year: ${who.en}` });
    for (const c of tier.when ?? []) if ("param" in c) put(c.param, "premium", { zh: `第 ${i + 1} 档的年龄条件（年龄 ${c.age} 此值）`, en: `age condition of tier ${i + 1} (age ${c.age} this)` });
  });
  for (const s of spec.premium.subsidies) {
    const payer = { zh: payerLabel(s.payer, "zh"), en: payerLabel(s.payer, "en") };
    put(s.amount, "subsidy", { zh: `${payer.zh}出资的每人补贴：${s.label.zh}`, en: `subsidy per person paid by ${payer.en}: ${s.label.en}` });
    put(s.budget, "subsidy", { zh: `${payer.zh}补贴的资金总额（总体核对，不按人计算）`, en: `${payer.en}'s subsidy fund (a population check, not per person)` });
    put(s.maxPersons, "subsidy", { zh: `${payer.zh}补贴的人数上限（总体核对）`, en: `persons ${payer.en} subsidises, at most (a population check)` });
  }
  const age = spec.eligibility.age;
  put(age?.min, "eligibility", { zh: "投保最低年龄（含）", en: "youngest age at purchase (inclusive)" });
  put(age?.max, "eligibility", { zh: "投保最高年龄（含）", en: "oldest age at purchase (inclusive)" });
  const rate = (r: MedicalSpec["benefit"]["components"][number]["rate"], what: Bilingual) => {
    if (r === undefined) return;
    if (typeof r === "string") put(r, "rate", { zh: `${what.zh}的赔付比例`, en: `share of ${what.en} paid` });
    else for (const k of ["preExisting", "noPreExisting"] as const) put(r[k], "rate", { zh: `${what.zh}的赔付比例（${RATE_KIND[k].zh}）`, en: `share of ${what.en} paid (${RATE_KIND[k].en})` });
  };
  for (const c of spec.benefit.components) {
    const f = c.field.label;
    put(c.deductible, "deductible", { zh: `${f.zh}的年度免赔额：低于此额不赔`, en: `yearly deductible of ${f.en}: nothing is paid below it` });
    rate(c.rate, f);
    c.bands?.forEach((b, i) => {
      put(b.from, "deductible", i === 0 ? { zh: `${f.zh}第 1 段下限：起付线（免赔额）`, en: `lower edge of ${f.en}'s first band: where payment starts (the deductible)` } : { zh: `${f.zh}第 ${i + 1} 段下限`, en: `lower edge of ${f.en}'s band ${i + 1}` });
      put(b.to, "deductible", { zh: `${f.zh}第 ${i + 1} 段上限`, en: `upper edge of ${f.en}'s band ${i + 1}` });
      rate(b.rate, { zh: `${f.zh}第 ${i + 1} 段`, en: `${f.en} in band ${i + 1}` });
    });
    put(c.cap, "cap", { zh: `${f.zh}的年度限额（单独计算）`, en: `yearly cap of ${f.en} (its own)` });
  }
  if (spec.benefit.cap) put(spec.benefit.cap.param, "cap", { zh: "年度最高赔付（总限额）", en: "most paid in a year (the overall cap)" });
  return out;
}

/** A scheme's parameters as form fields, starting from their values on `date`, in the form's order. */
export function productFields(scheme: AnyScheme, date: string): ProductField[] {
  const spec = (scheme as { spec?: MedicalSpec }).spec;
  const roles = spec ? medicalRoles(spec) : new Map<string, { role: Role; help: Bilingual }>();
  const fields: ProductField[] = [];
  for (const p of scheme.parameters.all) {
    const version = versionAt(p, date) ?? p.versions[0]!;
    const key = p.path.slice(scheme.id.length + 1);
    const r = roles.get(p.path);
    fields.push({
      path: p.path,
      role: r?.role ?? "other",
      group: key.split(".")[0]!,
      label: p.label,
      unit: p.unit,
      range: p.range,
      integer: p.integer === true,
      help: r?.help ?? null,
      start: version.value,
      version,
      versions: p.versions.length,
    });
  }
  const order = (f: ProductField) => ROLES.indexOf(f.role);
  return fields.map((f, i) => ({ f, i })).sort((a, b) => order(a.f) - order(b.f) || a.i - b.i).map((x) => x.f);
}

/** "a number from 0 to 10000 (元/年)" in either language: the allowed values of a field. */
export function allowedText(f: Pick<ProductField, "range" | "integer" | "unit">): Bilingual {
  return {
    zh: `${f.integer ? "整数" : "数"}，${f.range.min} 至 ${f.range.max}（${unitName(f.unit, "zh")}）`,
    en: `${f.integer ? "an integer" : "a number"} from ${f.range.min} to ${f.range.max} (${unitName(f.unit, "en")})`,
  };
}

/**
 * A typed value checked against the field: the number, or a one-line error in both languages
 * naming the field and its allowed range. Empty text, text that is not a number, out of range or
 * a fraction where an integer is required are errors (nothing is clamped).
 */
export function checkValue(f: ProductField, text: string): { value: number; error: null } | { value: null; error: Bilingual } {
  const s = text.trim().replace(/,/g, "");
  const x = s === "" ? NaN : Number(s);
  const allowed = allowedText(f);
  const got = JSON.stringify(text);
  if (!Number.isFinite(x) || x < f.range.min || x > f.range.max || (f.integer && !Number.isInteger(x))) {
    return { value: null, error: { zh: `${f.label.zh}（${f.path}）：应为${allowed.zh}；输入为 ${got}`, en: `${f.label.en} (${f.path}): must be ${allowed.en}; got ${got}` } };
  }
  return { value: x, error: null };
}

/** The product the page keeps: the scheme and the paths whose values differ from where it started. */
export interface Product {
  scheme: string;
  values: Record<string, number>;
}

export interface Difference {
  field: ProductField;
  from: number;
  to: number;
}

/** The edited fields, in the form's order (values equal to the start are not differences). */
export function productDiff(fields: readonly ProductField[], values: Readonly<Record<string, number>>): Difference[] {
  return fields.filter((f) => values[f.path] !== undefined && values[f.path] !== f.start).map((f) => ({ field: f, from: f.start, to: values[f.path]! }));
}

/** The schemes a scenario's options use, in order of appearance: where a product can start. */
export function scenarioSchemes(scenario: Json): string[] {
  return [...new Set<string>((scenario.options ?? []).map((o: Json) => o.scheme))];
}

/** Per option of the product's scheme: the product paths its own reform or its sampled parameters override. */
export function overriddenBy(scenario: Json, product: Product): { option: string; paths: string[] }[] {
  const out: { option: string; paths: string[] }[] = [];
  for (const o of scenario.options ?? []) {
    if (o.scheme !== product.scheme) continue;
    const own = new Set([...Object.keys(o.reform ?? {}), ...Object.keys(o.parameters ?? {})]);
    const paths = Object.keys(product.values).filter((p) => own.has(p));
    if (paths.length) out.push({ option: o.id, paths });
  }
  return out;
}

/**
 * The scenario with the product: every option of the product's scheme gets the product's values
 * as its reform, its own reform on top. Throws an InputError when no option uses the scheme.
 */
export function applyProduct(scenario: Json, product: Product): Json {
  if (!Object.keys(product.values).length) return scenario;
  const schemes = scenarioSchemes(scenario);
  if (!schemes.includes(product.scheme)) throw new InputError("product.scheme", `no option of the scenario uses ${JSON.stringify(product.scheme)} (allowed: ${schemes.join(", ")})`);
  const next = structuredClone(scenario);
  for (const o of next.options) if (o.scheme === product.scheme) o.reform = { ...product.values, ...(o.reform ?? {}) };
  return next;
}

/**
 * The deductible and the cap that apply to a claim field of a medical product, with the product's
 * values (edited, else in force on `date`): the component's own deductible or its first band's
 * lower edge, its own cap or the overall cap that covers it. Where the scheme has no spec (not of
 * the medical family) or no such component, none.
 */
export function deductibleAndCap(scheme: AnyScheme, field: string, date: string, values: Readonly<Record<string, number>> = {}): { deductible?: { path: string; value: number }; cap?: { path: string; value: number } } {
  const spec = (scheme as { spec?: MedicalSpec }).spec;
  const c = spec?.benefit.components.find((x) => x.field.name === field);
  if (!spec || !c) return {};
  const at = (path: string | undefined) => (path === undefined ? undefined : { path, value: values[path] ?? (versionAt(scheme.parameters.param(path), date) ?? scheme.parameters.param(path).versions[0]!).value });
  const overall = spec.benefit.cap && (spec.benefit.cap.covers ? spec.benefit.cap.covers.includes(field) : c.cap === undefined) ? spec.benefit.cap.param : undefined;
  const out: { deductible?: { path: string; value: number }; cap?: { path: string; value: number } } = {};
  const d = at(c.deductible ?? c.bands?.[0]?.from);
  const k = at(c.cap ?? overall);
  if (d) out.deductible = d;
  if (k) out.cap = k;
  return out;
}
