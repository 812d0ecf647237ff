/**
 * One scenario run: per replicate, draw a parameter set (outer loop: every assumption from its
 * prior), then per policy option and population cell draw enrolment (exact binomial), claims
 * (Poisson, optionally with gamma frailty) and the benefits the scheme's rules pay, and book the
 * money in a payer ledger. Three modes share everything but the benefit total of a cell:
 *  - fast:   moment-matched (translated gamma) totals from the benefit tables; the exact binned
 *            sum when a cell has fewer than 32 claims;
 *  - exact:  claims split into categories and payout bins (multinomial, conditional binomials);
 *  - person: every person and claim drawn one by one and paid by the rules (the test oracle).
 * Streams: one parent per replicate, derived from (seed, replicate); a child per (cell, purpose)
 * (Xoshiro128ss.childOf). Any replicate reproduces alone — in a worker, the browser or Node — and
 * options in one run share draws for the same cell (common random numbers).
 * Knows nothing about any particular scheme: premiums and payouts come from the rules module.
 * Math that feeds results uses detLog/detExp so Node and browsers agree to the bit.
 */
import type { AnyScheme, Payer } from "../rules/index.js";
import { addYears } from "../rules/dates.js";
import { InputError } from "../rules/input-error.js";
import { buildCells, cellMatches, type Cell } from "./cells.js";
import { BenefitTable, buildClaim, categoryModel, samplePayout, type BenefitTableOptions, type CategoryModel, type TablePoint } from "./claims.js";
import { drawPrior } from "./priors.js";
import { Xoshiro128ss, type Rng } from "./rng.js";
import { detExp, detLog, detLog1p } from "./detmath.js";
import { binomial, gamma, poisson, standardNormal } from "./samplers.js";
import { categoryKinds, mixCategories, numFields, type Num, type Option, type ResolvedOption, type Scenario } from "./scenario.js";
import { repriced } from "./pricing.js";
import { describeRange, inRange, problem, type Range } from "./issues.js";
import { MAX_PERSON_MODE_PERSONS, MAX_REPLICATES, MAX_ROWS } from "./limits.js";
import { frailtyNodes, mixMoments, newMix, profileMix, yearlyExpectation, yearlyTablesFor, type YearlyExpectation, type YearlyTables } from "./yearly.js";

export type Mode = "fast" | "exact" | "person";
export const MODES: readonly Mode[] = ["fast", "exact", "person"];

/** Anyone but the insured person who pays part of a premium. */
export type SubsidyPayer = Exclude<Payer, "insured">;

/** Payers that appear as ledger columns (subsidy_<payer>), in a fixed order. */
export const PAYERS: readonly SubsidyPayer[] = ["budget", "bank", "employer", "town", "platform", "union", "chamber", "collective", "association"];

export interface ReplicateRow {
  replicate: number;
  option: string;
  year: number;
  /** Persons in the option's target cells. */
  population: number;
  /** Of whom eligible under the scheme's rules. */
  eligible: number;
  enrolled: number;
  /** enrolled / population. */
  coverage: number;
  /** Gross premium, 元. */
  gross: number;
  /** Paid by the insured themselves, 元. */
  net: number;
  /** Subsidies by payer, 元 (gross = net + Σ subsidies). */
  subsidies: Record<SubsidyPayer, number>;
  claims: number;
  benefits: number;
  /** Administration cost, 元. */
  admin: number;
  /** benefits / gross; null when no premium was collected. */
  lossRatio: number | null;
  /** benefits / enrolled; null when nobody enrolled. */
  benefitPerEnrollee: number | null;
  /** E[enrolled | parameters], E[gross premium | parameters] and E[benefits | parameters]: the
   *  parameter part of the spread (after year 1, also given last year's enrolment). */
  expectedEnrolled: number;
  expectedGross: number;
  /** E[persons paid for at least one claim | parameters] (published claimant counts, 获得理赔人数). */
  expectedClaimants: number;
  expectedBenefits: number;
  /** Var[benefits | parameters]: the process part (analytic). */
  processVarBenefits: number;
}

export interface RunOptions {
  mode?: Mode;
  /** Override the scenario's replicates / seed. */
  replicates?: number;
  seed?: number;
  /** Draw assumptions from their priors (default true); false uses point values. */
  uncertainty?: boolean;
  /** Run only replicates in [from, to) (workers split the work this way). */
  range?: [number, number];
  /** Called after each replicate with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Fixed assumption values (sensitivity analysis): override the draw. */
  fix?: Record<string, number>;
}

/** A number or an index into the replicate's drawn assumptions (compiled Num). */
type CNum = { c: number; i: -1 } | { c: 0; i: number };

interface Group {
  /** Benefit tables per category, shared by cells with the same person. */
  tables: BenefitTable[];
  points: TablePoint[];
  /** Static severity multiplier (cell × level literals) and θ-dependent level multipliers. */
  severity: number;
  severityBy: CNum[];
  /** Per-replicate mixture moments (filled in runPlan) at severity scale s (logS = detLog(s)). */
  s: number;
  logS: number;
  mu: number;
  /** P(a claim is paid anything). */
  positive: number;
  m2: number;
  m3: number;
  /** Which scale each category's bins in `points` were interpolated for (compared with `stamp`):
   *  bins are filled lazily, only for the categories a binned total draws claims in. */
  binStamps: Float64Array;
  /** Changes whenever s does (each replicate, option and year). */
  stamp: number;
  /** Yearly payout tables when the scheme's limits are yearly (src/sim/yearly.ts), else null;
   *  with their per-replicate moments and bins by profile at the group's scale. */
  yearly: YearlyTables | null;
  yearlyMoments: Map<number, TablePoint>;
  yearlyBins: Map<number, TablePoint>;
}

interface CellPremium {
  gross: number;
  net: number;
  /** Subsidies in the scheme's order: the payer's index in PAYERS, and the amount. */
  payers: Uint8Array;
  amounts: Float64Array;
}

/** What a cell looks like in one simulated year (rules read on that year's date). */
interface CellYear {
  eligible: boolean;
  group: Group;
  /** The premium at today's prices (k = 0). */
  base: CellPremium;
  /** Premiums by price-lattice index k (multiplier 1.01^k), computed on demand. */
  premiums: Map<number, CellPremium>;
}

interface PlanCell {
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
}

interface PlanOption {
  option: Option;
  scheme: AnyScheme;
  categories: CategoryModel[];
  /** Each category's share, rest fraction or rate (by `kinds`: scenario.ts SHARE, REST, RATE). */
  weights: CNum[];
  kinds: Uint8Array;
  frequency: CNum;
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
}

export interface Plan {
  scenario: Scenario;
  options: PlanOption[];
  cells: Cell[];
  /** Assumption names in index order (θ arrays use this order). */
  assumptionNames: string[];
  mode: Mode;
}

function compileNum(n: Num, index: Map<string, number>): CNum {
  if (typeof n === "number") return { c: n, i: -1 };
  return { c: 0, i: index.get(n.slice(1))! };
}

function value(n: CNum, theta: Float64Array): number {
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

/** Compiles a validated scenario into a plan: cells, parsed persons, premiums, benefit tables. */
/**
 * Benefit tables kept across compiles (e.g. by the browser worker while a user moves sliders):
 * a table depends only on the scheme (with its reform), the person, the date, the claim category
 * and the cell's claim defaults — not on take-up, frequency or severity assumptions.
 */
export type TableCache = Map<string, BenefitTable[]>;

export function compile(scenario: Scenario, resolved: ResolvedOption[], mode: Mode = "fast", tables: BenefitTableOptions = {}, cache?: TableCache): Plan {
  const cells = buildCells(scenario.population);
  const date = scenario.date;
  const assumptionNames = Object.keys(scenario.assumptions).sort();
  const index = new Map(assumptionNames.map((n, i) => [n, i]));
  const dates = Array.from({ length: scenario.years }, (_, y) => addYears(date, y));
  const options = resolved.map(({ option, scheme }, i): PlanOption => {
    const at = `scenario.options[${i}]`;
    const purchases = new Map<string, unknown>();
    const purchaseOf = (cell: Cell): unknown => {
      const terms = { ...option.purchase, ...cell.purchase };
      const key = JSON.stringify(terms);
      if (!purchases.has(key)) {
        try {
          purchases.set(key, scheme.parsePurchase(terms, date));
        } catch (error) {
          if (error instanceof InputError) throw new InputError(`${at}.purchase (cell "${cell.id}")`, error.message);
          throw error;
        }
      }
      return purchases.get(key);
    };
    const categories = option.claims.categories.map((c) => categoryModel(c.name, c.claim));
    const tableSets: TableCache = cache ?? new Map<string, BenefitTable[]>();
    const cachePrefix = `${scheme.id}|${JSON.stringify(option.reform ?? {})}|${JSON.stringify(option.claims.categories.map((c) => [c.name, c.claim]))}|${JSON.stringify(tables)}|`;
    const groups = new Map<string, Group>();
    const groupsByYear: Group[][] = dates.map(() => []);
    const planCells: PlanCell[] = [];
    let population = 0;
    const eligibleCount = dates.map(() => 0);
    const t = option.takeup;
    cells.forEach((cell, cellIndex) => {
      if (!cellMatches(cell, option.cells)) return;
      let person: unknown;
      try {
        person = scheme.parsePerson(cell.person);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`scenario.population cell "${cell.id}" person (for ${option.scheme})`, error.message);
        throw error;
      }
      const purchase = purchaseOf(cell);
      // Benefit tables depend only on the person fields the scheme's benefit rule reads.
      const benefitPerson = Object.fromEntries(scheme.benefitPersonFields.map((f) => [f, (person as Record<string, unknown>)[f]]));
      const personKey = JSON.stringify(benefitPerson);
      const severityBy = levelNums(option.claims.severityBy, cell, index);
      const claimKey = JSON.stringify(cell.claim);
      const cellCategories = claimKey === "{}" ? categories : categories.map((m) => ({ ...m, constants: { ...cell.claim, ...m.constants } }));
      const years = dates.map((d, y): CellYear => {
        const eligible = scheme.eligibility(person, d).eligible;
        if (eligible) eligibleCount[y]! += cell.count;
        const tableKey = `${d}|${personKey}|${claimKey}`;
        let set = tableSets.get(cachePrefix + tableKey);
        if (!set) {
          try {
            set = cellCategories.map((m) => new BenefitTable(scheme, m, person, d, tables));
          } catch (error) {
            if (error instanceof InputError) throw new InputError(`scenario.population cell "${cell.id}" claim (for ${option.scheme})`, error.message);
            throw error;
          }
          tableSets.set(cachePrefix + tableKey, set);
        }
        const yearly = yearlyTablesFor(scheme, set, set.map((tb) => tb.model), person, d, tables, `${at}.claims (cell "${cell.id}")`);
        const groupKey = `${tableKey}|${cell.severity}|${JSON.stringify(severityBy)}`;
        let group = groups.get(groupKey);
        if (!group) {
          group = { tables: set, points: set.map((tb) => tb.newPoint()), severity: cell.severity, severityBy, s: 0, logS: 0, mu: 0, positive: 0, m2: 0, m3: 0, binStamps: new Float64Array(set.length), stamp: 0, yearly, yearlyMoments: new Map(), yearlyBins: new Map() };
          groups.set(groupKey, group);
          groupsByYear[y]!.push(group);
        }
        const base = premiumOf(scheme, person, purchase, d);
        return { eligible, group, base, premiums: new Map<number, CellPremium>([[0, base]]) };
      });
      population += cell.count;
      planCells.push({
        cell,
        index: cellIndex,
        person,
        purchase,
        years,
        takeupBase: compileNum(t.model === "probability" ? t.probability : t.intercept, index),
        takeupOffsets: t.model === "probability" ? levelNums(t.byAttribute, cell, index) : levelNums(t.offsets, cell, index),
        frequencyBy: levelNums(option.claims.frequencyBy, cell, index),
        renewalBy: levelNums(option.dynamics?.renewalBy, cell, index),
      });
    });
    const reprice = option.dynamics?.reprice;
    const drawn = numFields(option).flatMap(({ path, n, range }) =>
      typeof n === "number" ? [] : [{ i: index.get(n.slice(1))!, name: n, field: `${at}.${path}`, range }],
    );
    return {
      option,
      scheme,
      categories,
      weights: option.claims.categories.map((c) => compileNum(c.rate !== undefined ? c.rate : typeof c.weight === "object" ? c.weight.rest : c.weight!, index)),
      kinds: categoryKinds(option.claims.categories),
      frequency: compileNum(option.claims.frequency, index),
      scale: compileNum(option.claims.severityScale, index),
      dispersion: option.claims.dispersion === undefined ? null : compileNum(option.claims.dispersion, index),
      adminRatio: compileNum(option.adminRatio, index),
      elasticity: t.model === "logistic" && t.priceElasticity !== undefined ? compileNum(t.priceElasticity, index) : null,
      renewal: option.dynamics ? compileNum(option.dynamics.renewal, index) : null,
      reprice: reprice ? { target: compileNum(reprice.targetLossRatio, index), credibility: compileNum(reprice.credibility, index), maxChange: reprice.maxChange } : null,
      cells: planCells,
      groups: groupsByYear,
      dates,
      repricedSchemes: new Map(),
      population,
      eligible: eligibleCount,
      drawn,
    };
  });
  return { scenario, options, cells, assumptionNames, mode };
}

function premiumOf(scheme: AnyScheme, person: unknown, purchase: unknown, date: string): CellPremium {
  const premium = scheme.premium(person, purchase, date);
  const n = premium.subsidies.length;
  const payers = new Uint8Array(n);
  const amounts = new Float64Array(n);
  premium.subsidies.forEach((s, i) => {
    const index = PAYERS.indexOf(s.payer as SubsidyPayer);
    if (index < 0) throw new Error(`internal: ${scheme.id} lists ${s.payer === "insured" ? "the insured" : `"${s.payer}"`} as a subsidy payer`);
    payers[i] = index;
    amounts[i] = s.amount;
  });
  return { gross: premium.gross, net: premium.net, payers, amounts };
}

/** Repricing moves premiums on a lattice of 1 % steps: multiplier 1.01^k. */
const PRICE_STEP = detLog(1.01);

/** The cell's premium in year y at price-lattice index k (the scheme repriced by 1.01^k). */
function premiumAt(po: PlanOption, pc: PlanCell, y: number, k: number): CellPremium {
  const cy = pc.years[y]!;
  if (k === 0) return cy.base;
  let premium = cy.premiums.get(k);
  if (premium) return premium;
  const date = po.dates[y]!;
  const key = `${y}:${k}`;
  let scheme = po.repricedSchemes.get(key);
  if (!scheme) {
    scheme = repriced(po.scheme, detExp(k * PRICE_STEP), date);
    po.repricedSchemes.set(key, scheme);
  }
  premium = premiumOf(scheme, pc.person, pc.purchase, date);
  cy.premiums.set(k, premium);
  return premium;
}

/** Draws the parameter set of replicate r (each assumption from its own stream), in plan order. */
export function drawParameters(scenario: Scenario, names: readonly string[], seed: number, r: number, uncertainty: boolean, fix: Record<string, number> = {}): Float64Array {
  const theta = new Float64Array(names.length);
  names.forEach((name, i) => {
    const a = scenario.assumptions[name]!;
    if (Object.hasOwn(fix, name)) theta[i] = fix[name]!;
    else if (!uncertainty || a.prior.dist === "fixed") theta[i] = a.value;
    else theta[i] = drawPrior(Xoshiro128ss.derive(seed, "theta", r, name), a.prior, a.value);
  });
  return theta;
}

/** One-entry cache of logit(p): cells of an option share a replicate's take-up probability and
 *  differ only by their logit shift. */
const LOGIT_CACHE = new Float64Array([NaN, NaN]);

/** log(p / (1 − p)), for 0 < p < 1. */
function logit(p: number): number {
  if (p === LOGIT_CACHE[0]) return LOGIT_CACHE[1]!;
  const l = detLog(p / (1 - p));
  LOGIT_CACHE[0] = p;
  LOGIT_CACHE[1] = l;
  return l;
}

function logistic(eta: number): number {
  if (eta >= 0) return 1 / (1 + detExp(-eta));
  const e = detExp(eta);
  return e / (1 + e);
}

function probabilityOf(po: PlanOption, pc: PlanCell, theta: Float64Array, eligible: boolean, net: number): number {
  if (!eligible) return 0;
  const t = po.option.takeup;
  let p: number;
  if (t.model === "probability") {
    p = value(pc.takeupBase, theta);
    for (const n of pc.takeupOffsets) p = value(n, theta); // a listed level overrides
    const shift = pc.cell.takeupLogit;
    if (shift !== 0 && p > 0 && p < 1) p = logistic(logit(p) + shift);
  } else {
    let eta = value(pc.takeupBase, theta) + pc.cell.takeupLogit;
    for (const n of pc.takeupOffsets) eta += value(n, theta);
    if (po.elasticity) eta += value(po.elasticity, theta) * (net / t.referencePrice! - 1);
    p = logistic(eta);
  }
  return checkProbability(p, po, pc, "take-up");
}

function checkProbability(p: number, po: PlanOption, pc: PlanCell, what: string): number {
  if (!(p >= 0 && p <= 1)) {
    throw new InputError(`scenario.options.${po.option.id}`, `${what} probability of cell "${pc.cell.id}" out of range (allowed: a number from 0 to 1; got ${p}; check the assumptions it reads)`);
  }
  return p;
}

/**
 * Checks a run's size before it allocates anything: replicates (and the range), result rows, and
 * person mode's head count. InputErrors name the limit (src/sim/limits.ts).
 */
export function checkRun(plan: Plan, mode: Mode, replicates: number, range: [number, number]): void {
  if (!(Number.isInteger(replicates) && replicates >= 1 && replicates <= MAX_REPLICATES)) {
    throw new InputError("replicates", problem(Number.isInteger(replicates) ? "out of range" : "not a whole number", `an integer from 1 to ${MAX_REPLICATES}`, replicates));
  }
  const [from, to] = range;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= replicates)) {
    throw new InputError("range", problem("not a range of replicates", `whole numbers 0 ≤ from ≤ to ≤ ${replicates}`, range));
  }
  const rows = (to - from) * plan.options.length * plan.scenario.years;
  if (rows > MAX_ROWS) {
    throw new InputError("replicates", `too many result rows (allowed: replicates × options × years ≤ ${MAX_ROWS}; got ${to - from} × ${plan.options.length} × ${plan.scenario.years} = ${rows})`);
  }
  if (!(MODES as readonly string[]).includes(mode)) throw new InputError("mode", problem("unknown mode", MODES.join(", "), mode));
  if (mode === "person") {
    for (const po of plan.options) {
      if (po.population > MAX_PERSON_MODE_PERSONS) {
        throw new InputError(
          "mode",
          `person mode draws every person: an option's cells hold at most ${MAX_PERSON_MODE_PERSONS} persons (got ${po.population} in option "${po.option.id}"); use mode fast or exact`,
        );
      }
    }
  }
}

/** Every assumption an option reads must stay in the field's range (a prior's tail, or a fixed value). */
function checkDrawn(po: PlanOption, theta: Float64Array, r: number): void {
  for (const d of po.drawn) {
    const x = theta[d.i]!;
    if (!inRange(x, d.range)) {
      throw new InputError(d.field, `reads ${d.name}, drawn out of range in replicate ${r} (allowed: ${describeRange(d.range)}; got ${x})`);
    }
  }
}

/** Probability an enrollee renews, shifted on the logit scale by the price change (elasticity). */
function renewalOf(po: PlanOption, pc: PlanCell, theta: Float64Array, netChange: number): number {
  let r = value(po.renewal!, theta);
  for (const n of pc.renewalBy) r = value(n, theta);
  const t = po.option.takeup;
  if (po.elasticity && t.model === "logistic" && netChange !== 0 && r > 0 && r < 1) {
    r = logistic(logit(r) + (value(po.elasticity, theta) * netChange) / t.referencePrice!);
  }
  return checkProbability(r, po, pc, "renewal");
}

/** Translated-gamma draw matching mean, variance and third central moment (floored at 0). */
function translatedGamma(rng: Rng, mean: number, variance: number, third: number): number {
  if (!(variance > 0)) return mean;
  const sd = Math.sqrt(variance);
  const skew = third / (variance * sd);
  if (!(skew > 1e-6)) {
    const x = mean + sd * standardNormal(rng);
    return x > 0 ? x : 0;
  }
  const shape = 4 / (skew * skew);
  const scale = (sd * skew) / 2;
  const x = mean - shape * scale + gamma(rng, shape, scale);
  return x > 0 ? x : 0;
}

/** Group scale stamps (Group.stamp), never reused: a plan's groups outlive one runPlan call. */
let scaleStamp = 0;

/** Below this many claims in a cell, fast mode sums binned payouts instead of moment-matching. */
const FAST_EXACT_BELOW = 32;

/** Below this many claims, a category's claims are placed in bins one by one (inversion). */
const PLACE_ONE_BY_ONE = 12;

/**
 * Sum of K claims split into categories and payout bins (the exact-mode total). A group's bins
 * are interpolated at its scale on first use in each category (binStamps); other callers pass
 * points whose bins are filled.
 */
function binnedTotal(rng: Rng, k: number, weights: Float64Array, group: Pick<Group, "points" | "tables"> & Partial<Pick<Group, "binStamps" | "stamp" | "s" | "logS">>): number {
  let total = 0;
  let left = k;
  let mass = 1;
  const n = group.points.length;
  for (let c = 0; c < n && left > 0; c++) {
    const w = weights[c]!;
    const nc = c === n - 1 ? left : w <= 0 ? 0 : binomial(rng, left, Math.min(1, w / mass));
    left -= nc;
    mass -= w;
    if (nc === 0) continue;
    const table = group.tables[c]!;
    const stamps = group.binStamps;
    if (stamps && stamps[c] !== group.stamp) {
      table.binsAt(group.s!, group.logS!, group.points[c]!);
      stamps[c] = group.stamp!;
    }
    const bins = group.points[c]!.bins;
    const B = bins.length;
    if (nc < PLACE_ONE_BY_ONE) {
      // Few claims: draw each claim's bin from the cumulative bin probabilities.
      const upper = table.binUpper;
      for (let i = 0; i < nc; i++) {
        const u = rng.uniform();
        let lo = 0;
        let hi = B - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (u < upper[mid]!) hi = mid;
          else lo = mid + 1;
        }
        total += bins[lo]!;
      }
      continue;
    }
    const probs = table.binProbs;
    let rem = nc;
    let binMass = 1;
    for (let j = 0; j < B && rem > 0; j++) {
      const pj = probs[j]!;
      const nj = j === B - 1 ? rem : binomial(rng, rem, Math.min(1, pj / binMass));
      rem -= nj;
      binMass -= pj;
      total += nj * bins[j]!;
    }
  }
  return total;
}

function emptySubsidies(): Record<SubsidyPayer, number> {
  const out = {} as Record<SubsidyPayer, number>;
  for (const p of PAYERS) out[p] = 0;
  return out;
}

interface YearlyScratch {
  lambdas: Float64Array;
  scaled: Float64Array;
  mix: ReturnType<typeof newMix>;
  expectation: YearlyExpectation;
  moments: { mu: number; positive: number; m2: number; m3: number };
  nodes: Map<number, Float64Array>;
  sums: Float64Array;
}

function newYearlyScratch(): YearlyScratch {
  return {
    lambdas: new Float64Array(64),
    scaled: new Float64Array(64),
    mix: newMix(),
    expectation: { ey: 0, ey2: 0, eyf2: 0, paid: 0, any: 0 },
    moments: { mu: 0, positive: 0, m2: 0, m3: 0 },
    nodes: new Map(),
    sums: new Float64Array(16),
  };
}

/**
 * One cell-year of a scheme with yearly limits: persons with at least one episode
 * K ~ Binomial(enrolled, 1 − e^{−λf}), each paid once on the year's summed claim (episode
 * profiles mixed as categories); books the conditional expectations into the row.
 * Returns K as the cell's claims (a yearly claim is a person-year with an episode).
 */
function yearlyCellYear(
  po: PlanOption, g: Group, pc: PlanCell, lambda: number, catWeights: Float64Array, dispersion: number, frailty: number,
  enrolled: number, expectedEnrolled: number, enrolledVar: number, mode: Mode, rng: Rng, date: string, row: ReplicateRow, sc: YearlyScratch,
): { claims: number; benefits: number } {
  const yt = g.yearly!;
  const nCat = catWeights.length;
  if (sc.lambdas.length < nCat) {
    sc.lambdas = new Float64Array(nCat);
    sc.scaled = new Float64Array(nCat);
  }
  const lambdas = sc.lambdas.subarray(0, nCat);
  for (let c = 0; c < nCat; c++) lambdas[c] = lambda * catWeights[c]!;
  const where = `scenario.options.${po.option.id}.claims (cell "${pc.cell.id}")`;
  let nodes = dispersion > 0 ? sc.nodes.get(dispersion) : undefined;
  if (dispersion > 0 && !nodes) {
    nodes = frailtyNodes(dispersion);
    if (sc.nodes.size > 64) sc.nodes.clear();
    sc.nodes.set(dispersion, nodes);
  }
  const e = yearlyExpectation(yt, lambdas, nodes ?? [1], g.s, g.yearlyMoments, sc.mix, sc.scaled, where, sc.expectation);
  // Conditional mean and variance of the cell's benefits: Σ_i Y_i over the enrolled, given the
  // parameters (and the frailty's spread across the cell when there is one).
  row.expectedClaimants += expectedEnrolled * e.paid;
  row.expectedBenefits += expectedEnrolled * e.ey;
  row.processVarBenefits += expectedEnrolled * (e.ey2 - e.eyf2) + (enrolledVar + expectedEnrolled * expectedEnrolled) * e.eyf2 - expectedEnrolled * expectedEnrolled * e.ey * e.ey;
  let claims = 0;
  let benefits = 0;
  if (enrolled === 0 || !(lambda > 0)) return { claims, benefits };
  if (mode === "person") {
    const scheme = po.scheme;
    const fields = yt.spec.fields;
    if (sc.sums.length < fields.length) sc.sums = new Float64Array(fields.length);
    const us = new Float64Array(16);
    for (let i = 0; i < enrolled; i++) {
      let episodes = 0;
      sc.sums.fill(0);
      let base: Record<string, unknown> | null = null;
      for (let c = 0; c < nCat; c++) {
        const kc = lambdas[c]! > 0 ? poisson(rng, lambdas[c]! * frailty) : 0;
        const table = g.tables[c]!;
        for (let j = 0; j < kc; j++) {
          for (let f = 0; f < table.model.random.length; f++) us[f] = rng.uniform();
          const claim = buildClaim(table.model, table.template, us, g.s);
          base ??= claim;
          fields.forEach((name, f) => {
            const v = claim[name];
            if (typeof v === "number") sc.sums[f]! += v;
          });
        }
        episodes += kc;
      }
      if (episodes === 0) continue;
      claims++;
      const year: Record<string, unknown> = { ...base! };
      fields.forEach((name, f) => {
        year[name] = Math.round(sc.sums[f]! * 100) / 100;
      });
      benefits += scheme.benefit(year, pc.person, date).payout;
    }
    return { claims, benefits };
  }
  // The drawn frailty's profile mix (the expectation's mix was over the frailty nodes).
  const lam = sc.scaled.subarray(0, nCat);
  for (let c = 0; c < nCat; c++) lam[c] = lambdas[c]! * frailty;
  const mix = profileMix(yt, lam, sc.mix, where);
  claims = binomial(rng, enrolled, mix.any);
  if (claims === 0) return { claims, benefits };
  if (mode === "exact" || claims < FAST_EXACT_BELOW) {
    const points: TablePoint[] = [];
    const tables: BenefitTable[] = [];
    for (let i = 0; i < mix.count; i++) {
      const idx = mix.index[i]!;
      const t = yt.table(idx);
      let tp = g.yearlyBins.get(idx);
      if (!tp) {
        tp = t.at(g.s, t.newPoint());
        g.yearlyBins.set(idx, tp);
      }
      points.push(tp);
      tables.push(t);
    }
    benefits = binnedTotal(rng, claims, mix.prob.subarray(0, mix.count), { points, tables });
  } else {
    const m = sc.moments;
    mixMoments(yt, mix, g.s, g.yearlyMoments, m);
    const variance = claims * (m.m2 - m.mu * m.mu);
    const third = claims * (m.m3 - 3 * m.mu * m.m2 + 2 * m.mu * m.mu * m.mu);
    benefits = translatedGamma(rng, claims * m.mu, variance, third);
  }
  return { claims, benefits };
}

/** Runs the plan; returns one row per (replicate, option, year). */
export function runPlan(plan: Plan, options: RunOptions = {}): ReplicateRow[] {
  const scenario = plan.scenario;
  const seed = options.seed ?? scenario.seed;
  const replicates = options.replicates ?? scenario.replicates;
  const [from, to] = options.range ?? [0, replicates];
  const uncertainty = options.uncertainty ?? true;
  const mode = options.mode ?? plan.mode;
  checkRun(plan, mode, replicates, [from, to]);
  const date = scenario.date;
  const rows: ReplicateRow[] = [];
  const weights = new Float64Array(Math.max(1, ...plan.options.map((o) => o.categories.length)));
  const categoryValues = new Float64Array(weights.length);
  const scratch = new Float64Array(16);
  /** The row's subsidies by payer (PAYERS order) while its cells are booked. */
  const subsidyTotals = new Float64Array(PAYERS.length);
  const yearlyScratch = newYearlyScratch();
  const takeupRng = new Xoshiro128ss(1, 0, 0, 0);
  const claimRng = new Xoshiro128ss(1, 0, 0, 0);
  const renewRng = new Xoshiro128ss(1, 0, 0, 0);
  // Enrolled counts of each option's cells in the previous year (multi-year runs).
  const previous = plan.options.map((po) => new Float64Array(po.cells.length));
  const previousNet = plan.options.map((po) => new Float64Array(po.cells.length));
  const years = scenario.years;
  for (let r = from; r < to; r++) {
    const theta = drawParameters(scenario, plan.assumptionNames, seed, r, uncertainty, options.fix);
    const parent = Xoshiro128ss.derive(seed, "replicate", r);
    plan.options.forEach((po, oi) => {
      const { option, scheme } = po;
      checkDrawn(po, theta, r);
      const nCat = po.categories.length;
      for (let c = 0; c < nCat; c++) {
        const w = value(po.weights[c]!, theta);
        if (!(w >= 0 && w < Infinity)) throw new InputError(`scenario.options.${option.id}.claims.categories[${c}]`, problem("share or rate out of range", "a finite number ≥ 0", w));
        categoryValues[c] = w;
      }
      // Shares are taken as given (never renormalised); rate categories add claims on top of the
      // shared ones: claims per person-year = frequency × (1 + Σ rates).
      const mix = mixCategories(po.kinds, categoryValues.subarray(0, nCat), weights);
      if (typeof mix === "string") throw new InputError(`scenario.options.${option.id}.claims.categories`, `${mix} in replicate ${r}`);
      const catWeights = weights.subarray(0, nCat);
      const baseFreq = value(po.frequency, theta) * mix;
      const baseScale = value(po.scale, theta);
      const dispersion = po.dispersion ? value(po.dispersion, theta) : 0;
      const prev = previous[oi]!;
      const prevNet = previousNet[oi]!;
      let k = 0; // price-lattice index: premiums × 1.01^k
      for (let y = 0; y < years; y++) {
        const date = po.dates[y]!;
        // Per-claim payout moments for each group (person × severity), mixed over categories.
        for (const g of po.groups[y]!) {
          let s = baseScale * g.severity;
          for (const n of g.severityBy) s *= value(n, theta);
          g.s = s;
          g.stamp = ++scaleStamp;
          if (g.yearly) {
            // Yearly limits: moments are mixed per cell (they depend on its episode rates).
            g.yearlyMoments.clear();
            g.yearlyBins.clear();
            continue;
          }
          let mu = 0;
          let positive = 0;
          let m2 = 0;
          let m3 = 0;
          const logS = detLog(s);
          g.logS = logS;
          for (let c = 0; c < nCat; c++) {
            const tp = g.tables[c]!.momentsAtLog(logS, g.points[c]!);
            const w = catWeights[c]!;
            mu += w * tp.mean;
            positive += w * tp.positive;
            m2 += w * tp.m2;
            m3 += w * tp.m3;
          }
          g.mu = mu;
          g.positive = positive;
          g.m2 = m2;
          g.m3 = m3;
        }
        subsidyTotals.fill(0);
        const row: ReplicateRow = {
          replicate: r,
          option: option.id,
          year: y + 1,
          population: po.population,
          eligible: po.eligible[y]!,
          enrolled: 0,
          coverage: 0,
          gross: 0,
          net: 0,
          subsidies: emptySubsidies(), // filled from subsidyTotals when the row is complete
          claims: 0,
          benefits: 0,
          admin: 0,
          lossRatio: null,
          benefitPerEnrollee: null,
          expectedEnrolled: 0,
          expectedGross: 0,
          expectedClaimants: 0,
          expectedBenefits: 0,
          processVarBenefits: 0,
        };
        for (let ci = 0; ci < po.cells.length; ci++) {
          const pc = po.cells[ci]!;
          const cell = pc.cell;
          const cy = pc.years[y]!;
          const g = cy.group;
          const premium = premiumAt(po, pc, y, k);
          const p = probabilityOf(po, pc, theta, cy.eligible, premium.net);
          let lambda = baseFreq * cell.frequency;
          for (const n of pc.frequencyBy) lambda *= value(n, theta);
          if (!(lambda >= 0 && lambda < Infinity)) {
            throw new InputError(`scenario.options.${option.id}.claims.frequency`, `claim rate of cell "${cell.id}" out of range (allowed: a finite number ≥ 0; got ${lambda})`);
          }
          // Child streams per (cell, purpose, year): 4y+1 take-up, 4y+2 claims, 4y+3 renewal.
          takeupRng.childOf(parent, pc.index, 4 * y + 1);
          claimRng.childOf(parent, pc.index, 4 * y + 2);
          const frailty = dispersion > 0 ? gamma(claimRng, dispersion, 1 / dispersion) : 1;
          const n = cell.count;
          let enrolled = 0;
          let claims = 0;
          let benefits = 0;
          let expectedEnrolled: number;
          let enrolledVar: number;
          if (y === 0) {
            expectedEnrolled = n * p;
            enrolledVar = n * p * (1 - p);
            if (mode !== "person") enrolled = binomial(takeupRng, n, p);
          } else {
            // Renewal of last year's enrollees (still eligible), and new entrants at this price.
            const stay = prev[ci]!;
            const rn = cy.eligible ? renewalOf(po, pc, theta, premium.net - prevNet[ci]!) : 0;
            expectedEnrolled = stay * rn + (n - stay) * p;
            enrolledVar = stay * rn * (1 - rn) + (n - stay) * p * (1 - p);
            renewRng.childOf(parent, pc.index, 4 * y + 3);
            if (mode !== "person") {
              enrolled = binomial(renewRng, stay, rn) + binomial(takeupRng, n - stay, p);
            } else {
              for (let i = 0; i < stay; i++) if (renewRng.uniform() < rn) enrolled++;
              for (let i = stay; i < n; i++) if (takeupRng.uniform() < p) enrolled++;
            }
          }
          if (g.yearly) {
            // Yearly deductibles and limits: one payout per person-year (src/sim/yearly.ts).
            if (mode === "person" && y === 0) for (let i = 0; i < n; i++) if (takeupRng.uniform() < p) enrolled++;
            const yc = yearlyCellYear(po, g, pc, lambda, catWeights, dispersion, frailty, enrolled, expectedEnrolled, enrolledVar, mode, claimRng, date, row, yearlyScratch);
            claims = yc.claims;
            benefits = yc.benefits;
          } else if (mode === "person") {
            if (y === 0) for (let i = 0; i < n; i++) if (takeupRng.uniform() < p) enrolled++;
            for (let i = 0; i < enrolled; i++) {
              const kk = poisson(claimRng, lambda * frailty);
              for (let j = 0; j < kk; j++) {
                let u = claimRng.uniform();
                let c = 0;
                while (c < nCat - 1 && u >= catWeights[c]!) u -= catWeights[c++]!;
                const table = g.tables[c]!;
                benefits += samplePayout(claimRng, scheme, table.model, table.template, pc.person, date, g.s, scratch);
              }
              claims += kk;
            }
          } else {
            claims = enrolled > 0 && lambda > 0 ? poisson(claimRng, enrolled * lambda * frailty) : 0;
            if (claims > 0) {
              if (mode === "exact" || claims < FAST_EXACT_BELOW) {
                benefits = binnedTotal(claimRng, claims, catWeights, g);
              } else {
                const mu = g.mu;
                const variance = claims * (g.m2 - mu * mu);
                const third = claims * (g.m3 - 3 * mu * g.m2 + 2 * mu * mu * mu);
                benefits = translatedGamma(claimRng, claims * mu, variance, third);
              }
            }
          }
          prev[ci] = enrolled;
          prevNet[ci] = premium.net;
          row.enrolled += enrolled;
          row.claims += claims;
          row.benefits += benefits;
          row.gross += enrolled * premium.gross;
          row.net += enrolled * premium.net;
          for (let i = 0; i < premium.payers.length; i++) subsidyTotals[premium.payers[i]!]! += enrolled * premium.amounts[i]!;
          // Conditional mean and variance of this cell's benefits given the parameter draw (and,
          // after year 1, last year's enrolment).
          row.expectedEnrolled += expectedEnrolled;
          row.expectedGross += expectedEnrolled * premium.gross;
          if (g.yearly) continue; // its expectations were booked by yearlyCellYear
          const eK = expectedEnrolled * lambda;
          const varK = eK + lambda * lambda * enrolledVar + (dispersion > 0 ? (eK * eK) / dispersion : 0);
          // P(at least one paid claim): paid claims are Poisson(λ·P(payout > 0)), or negative
          // binomial through the gamma frailty.
          if (expectedEnrolled > 0) {
            const paid = lambda * g.positive;
            const pClaim = dispersion > 0 ? 1 - detExp(-dispersion * detLog1p(paid / dispersion)) : 1 - detExp(-paid);
            row.expectedClaimants += expectedEnrolled * pClaim;
          }
          row.expectedBenefits += eK * g.mu;
          row.processVarBenefits += eK * (g.m2 - g.mu * g.mu) + varK * g.mu * g.mu;
        }
        for (let i = 0; i < PAYERS.length; i++) row.subsidies[PAYERS[i]!] = subsidyTotals[i]!;
        row.coverage = row.population > 0 ? row.enrolled / row.population : 0;
        row.admin = value(po.adminRatio, theta) * row.gross;
        row.lossRatio = row.gross > 0 ? row.benefits / row.gross : null;
        row.benefitPerEnrollee = row.enrolled > 0 ? row.benefits / row.enrolled : null;
        rows.push(row);
        // Reprice next year toward the target loss ratio (credibility-weighted, capped change).
        if (po.reprice && y < years - 1 && row.lossRatio !== null) {
          const target = value(po.reprice.target, theta);
          const z = value(po.reprice.credibility, theta);
          const cap = po.reprice.maxChange;
          let factor = detExp(z * detLog(Math.max(row.lossRatio, 1e-9) / target));
          factor = Math.min(1 + cap, Math.max(1 / (1 + cap), factor));
          k = Math.round((k * PRICE_STEP + detLog(factor)) / PRICE_STEP);
        }
      }
    });
    options.onProgress?.(r - from + 1, to - from);
  }
  return rows;
}
