/**
 * The "我的情景 My scenario" page's edits to a shipped scenario, as pure functions over the
 * scenario JSON the CLI reads (src/sim/scenario.ts; issue 14): a population table replaces the
 * scenario's cells, a severity fit replaces one category's claim amount and carries its
 * uncertainty. The result is plain scenario JSON: `puhui simulate` runs it unchanged.
 *
 * - Population (src/fit/table-import/population.ts): the table's columns are the scenario's cell
 *   attributes (each a choice among the levels the shipped cells use, recognised by its key or
 *   its Chinese/English label) and a count. An imported cell keeps everything else of the first
 *   shipped cell with the same levels on the table's columns — its other attributes, person,
 *   purchase and claim fields (so the scheme's rules and the options' selectors still apply); a
 *   row that matches no shipped cell is an error naming its row.
 * - Severity (src/fit/priors.ts): the fit's claim field replaces the field of one named category
 *   in every option that has it; the fit's standard error of ln E[X] becomes the prior of a new
 *   assumption `fit.severityScale` that each of those options uses as its severityScale — it
 *   replaces the option's shipped claim-amount scale (which also scaled its other categories).
 * - Product (src/components/my-scenario-product.ts): the edited terms of the options' scheme, as
 *   each such option's reform (its own reform on top).
 * - Priors (src/components/my-scenario-priors.ts): re-shaped assumptions' values and priors.
 */
import { InputError } from "../rules/input-error.js";
import type { FieldSpec, ImportIssue } from "../fit/table-import/columns.js";
import type { ImportedCell, PopulationColumn } from "../fit/table-import/population.js";
import type { FittedAssumption, SeverityField } from "../fit/priors.js";
import { applyProduct, type Product } from "./my-scenario-product.js";
import { applyPriors, type PriorEdit } from "./my-scenario-priors.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- scenario JSON is edited as plain data */
type Json = any;

/** Chinese and English names of the cell attributes the shipped scenarios use. */
const ATTRIBUTE_LABELS: Record<string, { zh: string; en: string; aliases: string[] }> = {
  age: { zh: "年龄段", en: "age band", aliases: ["年龄", "age"] },
  health: { zh: "健康状况", en: "health", aliases: ["健康"] },
  tier: { zh: "参保类别", en: "tier", aliases: ["类别"] },
  interest: { zh: "关注程度", en: "interest", aliases: [] },
  enrolment: { zh: "参保方式", en: "enrolment", aliases: [] },
  group: { zh: "人群", en: "group", aliases: ["群体"] },
  role: { zh: "身份", en: "role", aliases: [] },
  card: { zh: "宁波银行卡", en: "bank card", aliases: [] },
  occupation: { zh: "职业", en: "occupation", aliases: [] },
  track: { zh: "类别", en: "track", aliases: [] },
  view: { zh: "视图", en: "view", aliases: [] },
};

/** The population columns of a scenario: one choice field per cell attribute (levels as shipped). */
export function populationColumns(scenario: Json): PopulationColumn[] {
  const levels = new Map<string, Set<string>>();
  for (const c of scenario.population?.cells ?? []) {
    for (const [k, v] of Object.entries(c.attributes ?? {})) {
      if (!levels.has(k)) levels.set(k, new Set());
      levels.get(k)!.add(String(v));
    }
  }
  return [...levels].map(([key, set]) => {
    const l = ATTRIBUTE_LABELS[key] ?? { zh: key, en: key, aliases: [] };
    const field: FieldSpec = { key, label: { zh: l.zh, en: l.en }, type: { kind: "choice", values: [...set] }, required: false, aliases: [key, ...l.aliases] };
    return { field };
  });
}

/**
 * The scenario with its population replaced by the imported cells (each completed from the first
 * shipped cell with its levels). Rows matching no shipped cell are returned as issues (then the
 * scenario is not changed).
 */
export function applyPopulation(scenario: Json, cells: readonly ImportedCell[], rowNumbers: readonly number[] = []): { scenario: Json; issues: ImportIssue[] } {
  const shipped: Json[] = scenario.population?.cells ?? [];
  if (!shipped.length) throw new InputError("population", "the scenario has no cells to complete the table's rows from (allowed: a scenario whose population is a list of cells)");
  const issues: ImportIssue[] = [];
  const out: Json[] = [];
  cells.forEach((cell, i) => {
    const match = shipped.find((s) => Object.entries(cell.attributes).every(([k, v]) => String(s.attributes?.[k]) === String(v)));
    if (!match) {
      issues.push({
        row: rowNumbers[i] ?? null,
        column: null,
        problem: { en: "no cell of the scenario has these levels together", zh: "情景中没有同时具有这些取值的人群单元" },
        allowed: { en: "a combination some shipped cell has", zh: "原情景已有的取值组合" },
        got: cell.id,
      });
      return;
    }
    const { id: _id, count: _count, ...rest } = match;
    out.push({ ...structuredClone(rest), id: cell.id, count: cell.count, attributes: { ...match.attributes, ...cell.attributes }, person: { ...match.person, ...cell.person } });
  });
  if (issues.length) return { scenario, issues };
  const next = structuredClone(scenario);
  next.population = { cells: out };
  return { scenario: next, issues };
}

/** A category's claim field that holds a distribution: where a severity fit can go. */
export interface SeverityTarget {
  category: string;
  field: string;
  /** The options that have this category with this field. */
  options: string[];
}

/** Every (category, amount field) with a distribution in some option, in order of appearance. */
export function severityTargets(scenario: Json): SeverityTarget[] {
  const out: SeverityTarget[] = [];
  for (const o of scenario.options ?? []) {
    for (const c of o.claims?.categories ?? []) {
      for (const [field, v] of Object.entries(c.claim ?? {})) {
        if (!v || typeof v !== "object" || !("dist" in (v as object))) continue;
        const t = out.find((x) => x.category === c.name && x.field === field);
        if (t) {
          if (!t.options.includes(o.id)) t.options.push(o.id);
        } else out.push({ category: c.name, field, options: [o.id] });
      }
    }
  }
  return out;
}

export const FIT_ASSUMPTION = "fit.severityScale";

/** The scenario with the fitted claim field in `target` and the fit's scale uncertainty as those options' severityScale. */
export function applySeverity(scenario: Json, target: { category: string; field: string }, fit: { field: SeverityField; severityScale: FittedAssumption }): Json {
  const t = severityTargets(scenario).find((x) => x.category === target.category && x.field === target.field);
  if (!t) throw new InputError("severity.target", `no category ${JSON.stringify(target.category)} with an amount field ${JSON.stringify(target.field)} (allowed: ${severityTargets(scenario).map((x) => `${x.category} · ${x.field}`).join("; ")})`);
  const next = structuredClone(scenario);
  const a = fit.severityScale;
  next.assumptions = { ...(next.assumptions ?? {}), [FIT_ASSUMPTION]: { value: a.value, prior: a.prior, label: a.label, rationale: a.rationale } };
  for (const o of next.options) {
    if (!t.options.includes(o.id)) continue;
    for (const c of o.claims.categories) {
      if (c.name === t.category && c.claim?.[t.field] && typeof c.claim[t.field] === "object") c.claim[t.field] = { ...fit.field };
    }
    o.claims.severityScale = `$${FIT_ASSUMPTION}`;
  }
  return next;
}

/** The page's edits, as kept in the URL (src/components/my-scenario-state.ts). */
export interface Edits {
  seed: number;
  replicates: number;
  population?: readonly ImportedCell[];
  severity?: { category: string; field: string; claim: SeverityField; scale: FittedAssumption };
  /** The product form's edited terms (src/components/my-scenario-product.ts). */
  product?: Product;
  /** Re-shaped priors of the scenario's assumptions (src/components/my-scenario-priors.ts). */
  priors?: Readonly<Record<string, PriorEdit>>;
}

/**
 * The scenario the page runs and saves: `start` (the shipped scenario or a loaded file) with the
 * table's cells, then the severity fit, the product's terms as the options' reform, the
 * re-shaped priors (the fit's scale prior among them), and the seed and replicates of the run — so the file alone
 * reproduces it (`puhui simulate <file>`). Throws an InputError when the edits do not apply.
 */
export function composeScenario(start: Json, edits: Edits): Json {
  let s = structuredClone(start);
  if (edits.population) {
    const r = applyPopulation(s, edits.population);
    if (r.issues.length) throw new InputError("population", `${r.issues[0]!.problem.en} (allowed: ${r.issues[0]!.allowed.en}; got ${r.issues[0]!.got})`);
    s = r.scenario;
  }
  if (edits.severity) s = applySeverity(s, edits.severity, { field: edits.severity.claim, severityScale: edits.severity.scale });
  if (edits.product) s = applyProduct(s, edits.product);
  if (edits.priors) s = applyPriors(s, edits.priors);
  s.seed = edits.seed;
  s.replicates = edits.replicates;
  return s;
}
