/**
 * The "我的情景 My scenario" page's priors (issue 14): each assumption of the scenario with a
 * prior (src/sim/scenario.ts `assumptions`) can be re-shaped — its centre (the point value; moving
 * it re-centres the prior as the sliders elsewhere do, src/vocabulary/priors.ts `recentred`), its
 * width or shape (the prior's own parameters: min/max, min/mode/max, median/σ, α/β) — or fixed at
 * its point value (not sampled). Checked field by field as typed, one line in both languages
 * naming the parameter and what is allowed (the same rules as the engine's validatePrior,
 * src/sim/priors.ts, which is run after as a backstop); nothing is clamped. The edits are written
 * into the scenario's `assumptions`, which the CLI reads unchanged.
 */
import { InputError } from "../rules/input-error.js";
import type { Prior } from "../rules/parameter.js";
import { validatePrior } from "../sim/priors.js";
import { lognormalMedian, recentred, type PriorSpec } from "../vocabulary/priors.js";
import type { Bilingual } from "../vocabulary/text.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- scenario JSON is edited as plain data */
type Json = any;

/** A re-shaped assumption: its point value and prior (a lognormal by its median). */
export interface PriorEdit {
  value: number;
  prior: Prior;
}

export interface AssumptionEntry {
  name: string;
  label: Bilingual | null;
  value: number;
  /** The prior as the scenario gives it (a lognormal by its mean is converted to its median). */
  prior: Prior;
}

/** A lognormal given by its mean → by its median; other priors as they are. */
export function byMedian(p: PriorSpec): Prior {
  if (p.dist !== "lognormal") return p;
  return { dist: "lognormal", median: lognormalMedian(p), sigma: p.sigma };
}

/** The scenario's assumptions that have a point value and a prior (resolved figures included), in order. */
export function assumptionEntries(scenario: Json): AssumptionEntry[] {
  const out: AssumptionEntry[] = [];
  for (const [name, a] of Object.entries<Json>(scenario.assumptions ?? {})) {
    if (!a || typeof a !== "object" || typeof a.value !== "number" || !a.prior || typeof a.prior.dist !== "string") continue;
    out.push({ name, label: a.label && typeof a.label === "object" ? a.label : null, value: a.value, prior: byMedian(a.prior) });
  }
  return out;
}

/** The parameters that shape a prior, in the order the form shows them, with their names. */
export const SHAPE: Readonly<Record<Prior["dist"], readonly { key: string; name: Bilingual }[]>> = {
  fixed: [],
  uniform: [
    { key: "min", name: { zh: "最小值", en: "min" } },
    { key: "max", name: { zh: "最大值", en: "max" } },
  ],
  triangular: [
    { key: "min", name: { zh: "最小值", en: "min" } },
    { key: "mode", name: { zh: "众数", en: "mode" } },
    { key: "max", name: { zh: "最大值", en: "max" } },
  ],
  lognormal: [
    { key: "median", name: { zh: "中位数", en: "median" } },
    { key: "sigma", name: { zh: "σ（宽度）", en: "σ (width)" } },
  ],
  beta: [
    { key: "alpha", name: { zh: "α", en: "α" } },
    { key: "beta", name: { zh: "β", en: "β" } },
  ],
};

type Check = { edit: PriorEdit; error: null } | { edit: null; error: Bilingual };

const fail = (name: string, zh: string, en: string, got: string): Check => ({ edit: null, error: { zh: `${name}：${zh}；输入为 ${got}`, en: `${name}: ${en}; got ${got}` } });

/** The prior's own rules (as validatePrior), in both languages; null when it is valid. */
function shapeProblem(name: string, p: Prior, value: number): Check | null {
  const g = (x: number) => String(x);
  switch (p.dist) {
    case "fixed":
      return null;
    case "uniform":
      if (!(p.min < p.max)) return fail(`${name}.prior`, "最小值须小于最大值", "min must be below max", `min ${g(p.min)}, max ${g(p.max)}`);
      if (value < p.min || value > p.max) return fail(`${name}.value`, `中心须在 ${p.min} 至 ${p.max} 之间（先验范围）`, `the centre must lie from ${p.min} to ${p.max} (the prior's range)`, g(value));
      return null;
    case "triangular":
      if (!(p.min <= p.mode && p.mode <= p.max && p.min < p.max)) return fail(`${name}.prior`, "须满足 最小值 ≤ 众数 ≤ 最大值 且 最小值 < 最大值", "must have min ≤ mode ≤ max and min < max", `min ${g(p.min)}, mode ${g(p.mode)}, max ${g(p.max)}`);
      if (value < p.min || value > p.max) return fail(`${name}.value`, `中心须在 ${p.min} 至 ${p.max} 之间（先验范围）`, `the centre must lie from ${p.min} to ${p.max} (the prior's range)`, g(value));
      return null;
    case "lognormal":
      if (!(p.median > 0)) return fail(`${name}.prior.median`, "须大于 0", "must be > 0", g(p.median));
      if (!(p.sigma > 0 && p.sigma <= 5)) return fail(`${name}.prior.sigma`, "须大于 0 且不超过 5", "must be > 0 and ≤ 5", g(p.sigma));
      if (!(value > 0)) return fail(`${name}.value`, "须大于 0（对数正态先验）", "must be > 0 (a lognormal prior)", g(value));
      return null;
    case "beta":
      if (!(p.alpha > 0)) return fail(`${name}.prior.alpha`, "须大于 0", "must be > 0", g(p.alpha));
      if (!(p.beta > 0)) return fail(`${name}.prior.beta`, "须大于 0", "must be > 0", g(p.beta));
      if (value < 0 || value > 1) return fail(`${name}.value`, "须在 0 至 1 之间（贝塔先验）", "must lie from 0 to 1 (a beta prior)", g(value));
      return null;
  }
}

/** Parses a typed number: finite, or an error naming the field. */
function num(field: string, text: string): { x: number; error: null } | { x: null; error: Bilingual } {
  const s = text.trim();
  const x = s === "" ? NaN : Number(s);
  if (Number.isFinite(x)) return { x, error: null };
  return { x: null, error: { zh: `${field}：应为有限的数；输入为 ${JSON.stringify(text)}`, en: `${field}: must be a finite number; got ${JSON.stringify(text)}` } };
}

/**
 * The edit the form's fields give: `centre` (the point value) typed over `current` re-centres
 * its prior; the shape fields (SHAPE[dist], by key) set the prior's parameters; `fixed` makes
 * it a fixed value (`dist` keeps which prior to come back to). Returns the edit or one error.
 */
export function readPriorForm(name: string, current: PriorEdit, form: { fixed: boolean; dist: Prior["dist"]; centre: string; shape: Record<string, string> }): Check {
  const c = num(`${name}.value`, form.centre);
  if (c.error) return { edit: null, error: c.error };
  if (form.fixed) return { edit: { value: c.x, prior: { dist: "fixed" } }, error: null };
  const params: Record<string, number> = {};
  for (const { key } of SHAPE[form.dist]) {
    const r = num(`${name}.prior.${key}`, form.shape[key] ?? "");
    if (r.error) return { edit: null, error: r.error };
    params[key] = r.x;
  }
  const typed = { dist: form.dist, ...params } as Prior;
  // A changed centre moves the prior with it; changed shape fields are taken as typed.
  const prior = c.x !== current.value && JSON.stringify(typed) === JSON.stringify(current.prior) ? byMedian(recentred(typed, current.value, c.x)) : typed;
  const problem = shapeProblem(name, prior, c.x);
  if (problem) return problem;
  try {
    validatePrior(prior, c.x, name);
  } catch (e) {
    return { edit: null, error: { zh: (e as Error).message, en: (e as Error).message } };
  }
  return { edit: { value: c.x, prior }, error: null };
}

/** The scenario with the edited assumptions' values and priors (label, rationale kept). */
export function applyPriors(scenario: Json, edits: Readonly<Record<string, PriorEdit>>): Json {
  const names = Object.keys(edits);
  if (!names.length) return scenario;
  const next = structuredClone(scenario);
  for (const n of names) {
    const a = next.assumptions?.[n];
    if (!a || typeof a !== "object" || typeof a.value !== "number") throw new InputError(`priors.${n}`, `no assumption with a point value of that name in the scenario (allowed: ${assumptionEntries(scenario).map((x) => x.name).join(", ")})`);
    next.assumptions[n] = { ...a, value: edits[n]!.value, prior: edits[n]!.prior };
  }
  return next;
}
