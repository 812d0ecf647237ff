/**
 * Compiling a scenario into a plan (once per scenario and mode, before any replicate): the
 * population's cells, each option's parsed persons and purchases, premiums on each simulated
 * year's date, eligibility, and the benefit-table groups (a person × severity, with one
 * quadrature table per claim category: src/sim/claims.ts, or yearly tables: src/sim/yearly.ts).
 * Numbers a scenario gives as "$assumption" compile to indices into the replicate's drawn θ.
 */
import { applyReform, type AnyScheme } from "../rules/index.js";
import { addYears } from "../rules/dates.js";
import { InputError } from "../rules/input-error.js";
import { buildCells, cellMatches, type Cell } from "./cells.js";
import { BenefitTable, categoryModel, newBinSpan, SIDE_SLOTS, type BenefitTableOptions, type BinSpan, type CategoryModel, type TablePoint } from "./claims.js";
import type { Range } from "./issues.js";
import { premiumOf, type CellPremium } from "./ledger.js";
import { categoryKinds, numFields, type Num, type Option, type ResolvedOption, type Scenario } from "./scenario.js";
import { yearlyTablesFor, type YearlyExpectation, type YearlyTables } from "./yearly.js";

export type Mode = "fast" | "exact" | "person";
export const MODES: readonly Mode[] = ["fast", "exact", "person"];

/** A number or an index into the replicate's drawn assumptions (compiled Num). */
export type CNum = { c: number; i: -1 } | { c: 0; i: number };

export interface Group {
  /** Benefit tables per category, shared by cells with the same person. */
  tables: BenefitTable[];
  points: TablePoint[];
  /** Static severity multiplier (cell × level literals) and θ-dependent level multipliers. */
  severity: number;
  severityBy: CNum[];
  /** Per-replicate mixture moments (filled by scaleGroup, src/sim/cell-claims.ts) at severity
   *  scale s (logS = detLog(s)). */
  s: number;
  logS: number;
  mu: number;
  /** P(a claim is paid anything). */
  positive: number;
  m2: number;
  m3: number;
  /** Mixed mean side amounts of a claim (claims.ts SIDE_SLOTS: cash in the policy year, cost by
   *  payer) at scale s, mixed lazily with the category weights `weights` (valid when sideStamp = stamp). */
  side: Float64Array;
  sideStamp: number;
  weights: Float64Array | null;
  /** Each category's bins at scale s (BenefitTable.binSpan), and which scale each was located for
   *  (compared with `stamp`): located lazily, only for the categories a binned total draws claims in. */
  span: BinSpan;
  binStamps: Float64Array;
  /** Changes whenever s does (each replicate, option and year). */
  stamp: number;
  /** Yearly payout tables when the scheme's limits are yearly (src/sim/yearly.ts), else null;
   *  with their per-replicate moments and bins by profile at the group's scale. */
  yearly: YearlyTables | null;
  yearlyMoments: Map<number, TablePoint>;
  yearlyBins: Map<number, TablePoint>;
  /** A cell's yearly expectations at the group's scale by its claim rate λ (and frailty shape). */
  yearlyExpectations: Map<number, YearlyExpectation & { dispersion: number }>;
}


/** What a cell looks like in one simulated year (rules read on that year's date). */
export interface CellYear {
  eligible: boolean;
  group: Group;
  /** The premium at today's prices (k = 0). */
  base: CellPremium;
  /** Premiums by price-lattice index k (multiplier 1.01^k), computed on demand. */
  premiums: Map<number, CellPremium>;
}

export interface PlanCell {
  cell: Cell;
  index: number;
  person: unknown;
  purchase: unknown;
  years: CellYear[];
  /** Take-up: probability-model value (or logit pieces), compiled. */
  takeupBase: CNum;
  takeupOffsets: CNum[];
  frequencyBy: CNum[];
  renewalBy: CNum[];
  /** Purchases a year: the option's perYear × these level multipliers (option.purchases.by). */
  purchasesBy: CNum[];
}

export interface PlanOption {
  option: Option;
  scheme: AnyScheme;
  categories: CategoryModel[];
  /** Each category's share, rest fraction or rate (by `kinds`: scenario.ts SHARE, REST, RATE). */
  weights: CNum[];
  kinds: Uint8Array;
  frequency: CNum;
  /** Purchases an enrollee makes a year (option.purchases.perYear); null: one. */
  purchases: CNum | null;
  scale: CNum;
  dispersion: CNum | null;
  adminRatio: CNum;
  elasticity: CNum | null;
  renewal: CNum | null;
  reprice: { target: CNum; credibility: CNum; maxChange: number } | null;
  cells: PlanCell[];
  /** Benefit-table groups of each year. */
  groups: Group[][];
  /** Rules date of each simulated year. */
  dates: string[];
  /** Repriced schemes by "year:k". */
  repricedSchemes: Map<string, AnyScheme>;
  population: number;
  /** Eligible persons in each year. */
  eligible: number[];
  /** Numbers read from assumptions, checked against their field's range on every draw. */
  drawn: { i: number; name: string; field: string; range: Range }[];
  /** Rule parameters set per replicate (option.parameters): paths and their compiled numbers;
   *  null when the option sets none (its rules are the same in every replicate). */
  parameters: { paths: string[]; nums: CNum[] } | null;
  /** The option's benefit tables by table key (date, person, claim defaults): what a variant of
   *  it ({@link optionVariant}) builds its tables from (same quadrature, its own scheme). */
  tableSets: Map<string, BenefitTable[]>;
}

export interface Plan {
  scenario: Scenario;
  options: PlanOption[];
  cells: Cell[];
  /** Assumption names in index order (θ arrays use this order). */
  assumptionNames: string[];
  mode: Mode;
  /** What compiling an option again needs (options with rule parameters, {@link optionVariant}). */
  context: CompileContext;
  resolved: ResolvedOption[];
  /** Per option, its compiled variants by parameter vector (cleared past VARIANTS_KEPT). */
  variants: Map<string, PlanOption>[];
}

/**
 * Variants of an option kept per plan: the rule-parameter design's points (src/sim/run.ts
 * RULE_STRATA = 16) fit; past this (fixed values, --fix), the cache starts again.
 */
const VARIANTS_KEPT = 32;

/**
 * The option compiled with its rule parameters at `values` (option.parameters' paths, in order)
 * on top of its reform: its own schemes, premiums and benefit tables, cached by the vector. Values
 * the option's scheme already has (every dated version equal to it) change nothing: where all
 * are so, the option itself (a point prior reproduces the unbound rows exactly). Otherwise the
 * variant's benefit tables reuse the option's quadratures (BenefitTable.withScheme): only the
 * lattice points its replicates read are paid by the rules again.
 */
export function optionVariant(plan: Plan, oi: number, values: Float64Array): PlanOption {
  const po = plan.options[oi]!;
  const key = values.join(",");
  const cache = plan.variants[oi]!;
  let variant = cache.get(key);
  if (variant) return variant;
  const { option, scheme } = plan.resolved[oi]!;
  const set: Record<string, number> = {};
  po.parameters!.paths.forEach((path, i) => {
    if (!unchanged(scheme, path, values[i]!)) set[path] = values[i]!;
  });
  if (Object.keys(set).length === 0) variant = po;
  else {
    const reformed: ResolvedOption = { option: { ...option, reform: { ...option.reform, ...set } }, scheme: applyReform(scheme, set) };
    variant = compileOption(plan.context, reformed, oi, po.tableSets);
  }
  if (cache.size >= VARIANTS_KEPT) cache.clear();
  cache.set(key, variant);
  return variant;
}

/** Whether every dated version of the scheme's parameter `path` already has value v (setting it changes nothing). */
function unchanged(scheme: AnyScheme, path: string, v: number): boolean {
  return scheme.parameters.param(path).versions.every((version) => Object.is(version.value, v));
}

export function compileNum(n: Num, index: Map<string, number>): CNum {
  if (typeof n === "number") return { c: n, i: -1 };
  return { c: 0, i: index.get(n.slice(1))! };
}

/** A compiled number's value in a replicate (θ: the drawn assumptions, in plan order). */
export function value(n: CNum, theta: Float64Array): number {
  return n.i < 0 ? n.c : theta[n.i]!;
}

/** The Nums of `by` that apply to the cell (one per attribute whose level is listed). */
function levelNums(by: Record<string, Record<string, Num>> | undefined, cell: Cell, index: Map<string, number>): CNum[] {
  const out: CNum[] = [];
  if (!by) return out;
  for (const [attr, levels] of Object.entries(by)) {
    // Own properties only: an attribute or level named "constructor" is data, not Object's.
    if (!Object.hasOwn(cell.attributes, attr)) continue;
    const level = String(cell.attributes[attr]);
    if (Object.hasOwn(levels, level)) out.push(compileNum(levels[level]!, index));
  }
  return out;
}

/**
 * Benefit tables kept across compiles (e.g. by the browser worker while a user moves sliders):
 * a table depends only on the scheme (with its reform), the person, the date, the claim category
 * and the cell's claim defaults — not on take-up, frequency or severity assumptions.
 */
export type TableCache = Map<string, BenefitTable[]>;

/** Compiles a validated scenario into a plan: cells, parsed persons, premiums, benefit tables. */
export function compile(scenario: Scenario, resolved: ResolvedOption[], mode: Mode = "fast", tables: BenefitTableOptions = {}, cache?: TableCache): Plan {
  const cells = buildCells(scenario.population);
  const assumptionNames = Object.keys(scenario.assumptions).sort();
  const index = new Map(assumptionNames.map((n, i) => [n, i]));
  const dates = Array.from({ length: scenario.years }, (_, y) => addYears(scenario.date, y));
  const context: CompileContext = { date: scenario.date, cells, index, dates, tables, cache };
  const options = resolved.map((r, i) => compileOption(context, r, i));
  return { scenario, options, cells, assumptionNames, mode, context, resolved, variants: options.map(() => new Map()) };
}

/** What every option's compilation reads. */
export interface CompileContext {
  /** The scenario's first date (purchases are parsed on it). */
  date: string;
  cells: Cell[];
  /** Assumption name → index into θ. */
  index: Map<string, number>;
  /** Rules date of each simulated year. */
  dates: string[];
  tables: BenefitTableOptions;
  cache: TableCache | undefined;
}

/** An option being compiled: its scheme and claim categories, and what its cells share. */
interface OptionCompile {
  context: CompileContext;
  option: Option;
  scheme: AnyScheme;
  /** "scenario.options[i]", for errors. */
  at: string;
  categories: CategoryModel[];
  /** Parsed purchase terms by their JSON. */
  purchases: Map<string, unknown>;
  /** Benefit tables by cache key (the caller's cache, shared across compiles, or the option's own). */
  tableSets: TableCache;
  cachePrefix: string;
  /** The option's own tables by table key (PlanOption.tableSets). */
  ownTables: Map<string, BenefitTable[]>;
  /** A variant's base option's tables by table key: their quadratures are reused. */
  like: Map<string, BenefitTable[]> | null;
  /** Table groups by person, date, claim defaults and severity; and each year's groups. */
  groups: Map<string, Group>;
  groupsByYear: Group[][];
  /** Eligible persons in each year. */
  eligible: number[];
}

/** One option: its cells (persons, purchases, premiums, eligibility, table groups per year) and compiled numbers. */
function compileOption(context: CompileContext, { option, scheme }: ResolvedOption, i: number, like: Map<string, BenefitTable[]> | null = null): PlanOption {
  const { index, dates } = context;
  const at = `scenario.options[${i}]`;
  const oc: OptionCompile = {
    context,
    option,
    scheme,
    at,
    categories: option.claims.categories.map((c) => categoryModel(c.name, c.claim)),
    purchases: new Map(),
    tableSets: context.cache ?? new Map<string, BenefitTable[]>(),
    cachePrefix: `${scheme.id}|${JSON.stringify(option.reform ?? {})}|${JSON.stringify(option.claims.categories.map((c) => [c.name, c.claim]))}|${JSON.stringify(context.tables)}|`,
    ownTables: new Map(),
    like,
    groups: new Map(),
    groupsByYear: dates.map(() => []),
    eligible: dates.map(() => 0),
  };
  const planCells: PlanCell[] = [];
  let population = 0;
  context.cells.forEach((cell, cellIndex) => {
    if (!cellMatches(cell, option.cells)) return;
    planCells.push(compileCell(oc, cell, cellIndex));
    population += cell.count;
  });
  const t = option.takeup;
  const reprice = option.dynamics?.reprice;
  const drawn = numFields(option).flatMap(({ path, n, range }) =>
    typeof n === "number" ? [] : [{ i: index.get(n.slice(1))!, name: n, field: `${at}.${path}`, range }],
  );
  return {
    option,
    scheme,
    categories: oc.categories,
    weights: option.claims.categories.map((c) => compileNum(c.rate !== undefined ? c.rate : typeof c.weight === "object" ? c.weight.rest : c.weight!, index)),
    kinds: categoryKinds(option.claims.categories),
    frequency: compileNum(option.claims.frequency, index),
    purchases: option.purchases ? compileNum(option.purchases.perYear, index) : null,
    scale: compileNum(option.claims.severityScale, index),
    dispersion: option.claims.dispersion === undefined ? null : compileNum(option.claims.dispersion, index),
    adminRatio: compileNum(option.adminRatio, index),
    elasticity: t.model === "logistic" && t.priceElasticity !== undefined ? compileNum(t.priceElasticity, index) : null,
    renewal: option.dynamics ? compileNum(option.dynamics.renewal, index) : null,
    reprice: reprice ? { target: compileNum(reprice.targetLossRatio, index), credibility: compileNum(reprice.credibility, index), maxChange: reprice.maxChange } : null,
    cells: planCells,
    groups: oc.groupsByYear,
    dates,
    repricedSchemes: new Map(),
    population,
    eligible: oc.eligible,
    drawn,
    parameters: option.parameters && Object.keys(option.parameters).length > 0 ? { paths: Object.keys(option.parameters), nums: Object.values(option.parameters).map((n) => compileNum(n, index)) } : null,
    tableSets: oc.ownTables,
  };
}

/** The scheme's purchase for a cell: the option's terms with the cell's on top, parsed once per distinct terms. */
function purchaseOf(oc: OptionCompile, cell: Cell): unknown {
  const terms = { ...oc.option.purchase, ...cell.purchase };
  const key = JSON.stringify(terms);
  if (!oc.purchases.has(key)) {
    try {
      oc.purchases.set(key, oc.scheme.parsePurchase(terms, oc.context.date));
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${oc.at}.purchase (cell "${cell.id}")`, error.message);
      throw error;
    }
  }
  return oc.purchases.get(key);
}

/** One cell of an option: its person and purchase as the scheme parses them, each year's view, compiled numbers. */
function compileCell(oc: OptionCompile, cell: Cell, cellIndex: number): PlanCell {
  const { option, scheme } = oc;
  const { index } = oc.context;
  let person: unknown;
  try {
    person = scheme.parsePerson(cell.person);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`scenario.population cell "${cell.id}" person (for ${option.scheme})`, error.message);
    throw error;
  }
  const purchase = purchaseOf(oc, cell);
  const severityBy = levelNums(option.claims.severityBy, cell, index);
  const years = oc.context.dates.map((d, y) => cellYear(oc, cell, person, purchase, severityBy, d, y));
  const t = option.takeup;
  return {
    cell,
    index: cellIndex,
    person,
    purchase,
    years,
    takeupBase: compileNum(t.model === "probability" ? t.probability : t.intercept, index),
    takeupOffsets: t.model === "probability" ? levelNums(t.byAttribute, cell, index) : levelNums(t.offsets, cell, index),
    frequencyBy: levelNums(option.claims.frequencyBy, cell, index),
    renewalBy: levelNums(option.dynamics?.renewalBy, cell, index),
    purchasesBy: levelNums(option.purchases?.by, cell, index),
  };
}

/** A cell in year y (rules read on date d): eligibility, its benefit-table group, its premium. */
function cellYear(oc: OptionCompile, cell: Cell, person: unknown, purchase: unknown, severityBy: CNum[], d: string, y: number): CellYear {
  const { scheme, tableSets, cachePrefix } = oc;
  const eligible = scheme.eligibility(person, d).eligible;
  if (eligible) oc.eligible[y]! += cell.count;
  // Benefit tables depend only on the person fields the scheme's benefit rule reads.
  const personKey = JSON.stringify(Object.fromEntries(scheme.benefitPersonFields.map((f) => [f, (person as Record<string, unknown>)[f]])));
  const claimKey = JSON.stringify(cell.claim);
  const tableKey = `${d}|${personKey}|${claimKey}`;
  let set = tableSets.get(cachePrefix + tableKey);
  const like = oc.like?.get(tableKey);
  if (!set && like) {
    set = like.map((tb) => tb.withScheme(scheme));
    tableSets.set(cachePrefix + tableKey, set);
  }
  if (!set) {
    const categories = claimKey === "{}" ? oc.categories : oc.categories.map((m) => ({ ...m, constants: { ...cell.claim, ...m.constants } }));
    try {
      set = categories.map((m) => new BenefitTable(scheme, m, person, d, oc.context.tables));
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`scenario.population cell "${cell.id}" claim (for ${oc.option.scheme})`, error.message);
      throw error;
    }
    tableSets.set(cachePrefix + tableKey, set);
  }
  oc.ownTables.set(tableKey, set);
  const yearly = yearlyTablesFor(scheme, set, set.map((tb) => tb.model), person, d, oc.context.tables, `${oc.at}.claims (cell "${cell.id}")`);
  const groupKey = `${tableKey}|${cell.severity}|${JSON.stringify(severityBy)}`;
  let group = oc.groups.get(groupKey);
  if (!group) {
    group = { tables: set, points: set.map((tb) => tb.newPoint()), severity: cell.severity, severityBy, s: 0, logS: 0, mu: 0, positive: 0, m2: 0, m3: 0, side: new Float64Array(SIDE_SLOTS), sideStamp: -1, weights: null, span: newBinSpan(set.length), binStamps: new Float64Array(set.length), stamp: 0, yearly, yearlyMoments: new Map(), yearlyBins: new Map(), yearlyExpectations: new Map() };
    oc.groups.set(groupKey, group);
    oc.groupsByYear[y]!.push(group);
  }
  const base = premiumOf(scheme, person, purchase, d);
  return { eligible, group, base, premiums: new Map<number, CellPremium>([[0, base]]) };
}
