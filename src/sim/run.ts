/**
 * One scenario run: per replicate, draw a parameter set (outer loop: every assumption from its
 * prior), then per policy option, year and population cell draw enrolment (exact binomial),
 * claims (Poisson, optionally with gamma frailty) and the benefits the scheme's rules pay, book
 * the money in the payer ledger, and reprice for the next year. The steps live in their own files:
 * compiling the plan (./plan.ts), take-up and renewal (./takeup.ts), a cell's claims in each mode
 * (./cell-claims.ts), the ledger (./ledger.ts) and repricing (./repricing.ts).
 * Streams: one parent per replicate, derived from (seed, replicate); a child per (cell, purpose)
 * (Xoshiro128ss.childOf). Any replicate reproduces alone — in a worker, the browser or Node — and
 * options in one run share draws for the same cell (common random numbers).
 * Knows nothing about any particular scheme: premiums and payouts come from the rules module.
 * Math that feeds results uses detLog/detExp so Node and browsers agree to the bit.
 */
import { InputError } from "../rules/input-error.js";
import { aggregateClaims, bookClaimExpectations, newCellDraw, newYearlyScratch, noClaims, personClaims, scaleGroup, yearlyCellYear, type CellDraw, type YearlyScratch } from "./cell-claims.js";
import { describeRange, inRange, problem } from "./issues.js";
import { bookCell, closeRow, openRow, TOTALS, type ReplicateRow } from "./ledger.js";
import { MAX_PERSON_MODE_PERSONS, MAX_REPLICATES, MAX_ROWS } from "./limits.js";
import { MODES, optionVariant, value, type Mode, type Plan, type PlanCell, type PlanOption } from "./plan.js";
import { drawPrior, priorQuantile } from "./priors.js";
import { nextPriceIndex, premiumAt } from "./repricing.js";
import { Xoshiro128ss } from "./rng.js";
import { binomial, gamma } from "./samplers.js";
import { mixCategories, type Scenario } from "./scenario.js";
import { probabilityOf, renewalOf } from "./takeup.js";

export { compile, MODES, type Mode, type Plan, type TableCache } from "./plan.js";
export { PAYERS, type ReplicateRow, type SubsidyPayer } from "./ledger.js";

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
  /**
   * Book only what does not depend on the claim draws (calibration's noise-free evaluation,
   * src/sim/posterior): enrolment (drawn), premiums, subsidies and the conditional expectations
   * E[enrolled | θ], E[gross | θ], E[claimants | θ], E[benefits | θ], E[cash | θ] are exactly those of
   * a full run (each cell's claims draw from its own stream); the realised claims, benefits and
   * claim-side costs are left at 0. Ignored (a full run) in person mode and when an option reprices
   * (next year's premium reads the realised loss ratio).
   */
  expectationsOnly?: boolean;
}

/** State of one runPlan call, shared by its steps: mode, streams and scratch, reused across replicates. */
interface RunState {
  plan: Plan;
  mode: Mode;
  /** Category weights (shares and rates) of the option being run, and the values they mix. */
  weights: Float64Array;
  categoryValues: Float64Array;
  /** Uniforms for person mode's claims. */
  scratch: Float64Array;
  /** The row's subsidies by payer (PAYERS order), then its costs (COST_PAYERS), while its cells are booked. */
  subsidyTotals: Float64Array;
  yearlyScratch: YearlyScratch;
  /** Child streams of the replicate's parent, re-seeded per cell: take-up, claims, renewal. */
  takeupRng: Xoshiro128ss;
  claimRng: Xoshiro128ss;
  renewRng: Xoshiro128ss;
  /** Each cell's child states of the current replicate and year (4 words per cell and purpose),
   *  derived for the first option and re-seated for the others, and the (replicate, year) stamp
   *  each was derived for. */
  childStates: Int32Array;
  childStamps: Float64Array;
  /** (replicate, year) of the cell being simulated, as a stamp: replicate × 32 + year + 1. */
  yearStamp: number;
  /** Enrolled counts and net premiums of each option's cells in the previous year. */
  previous: Float64Array[];
  previousNet: Float64Array[];
  /** The current cell's draws: rates, enrolment (see {@link enrol}), claims and benefits. */
  cell: CellDraw;
  /** RunOptions.expectationsOnly in effect: no claim draws. */
  expectationsOnly: boolean;
}

/** An option's draws for one replicate. */
interface OptionDraw {
  /** Claims per person-year in each category, per shared claim (shares, then rates on top). */
  catWeights: Float64Array;
  /** Claims per person-year before cell and level multipliers: frequency × (1 + Σ rates). */
  baseFreq: number;
  baseScale: number;
  /** Shape of the gamma frailty on claim counts; 0: none (Poisson). */
  dispersion: number;
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
  const state = runState(plan, mode);
  state.expectationsOnly = options.expectationsOnly === true && mode !== "person" && plan.options.every((po) => po.reprice === null);
  const rows: ReplicateRow[] = [];
  for (let r = from; r < to; r++) {
    const theta = drawParameters(scenario, plan.assumptionNames, seed, r, uncertainty, options.fix);
    const parent = Xoshiro128ss.derive(seed, "replicate", r);
    for (let oi = 0; oi < plan.options.length; oi++) runOption(state, plan.options[oi]!, oi, theta, parent, r, rows);
    options.onProgress?.(r - from + 1, to - from);
  }
  return rows;
}

/**
 * The plan's run state, kept between runPlan calls (the posterior runs one plan per particle):
 * everything in it is scratch written before it is read, except the child-stream stamps, reset
 * here so no call restores another call's streams.
 */
const runStates = new WeakMap<Plan, RunState>();
function runState(plan: Plan, mode: Mode): RunState {
  let state = runStates.get(plan);
  if (!state || state.mode !== mode) {
    state = newRunState(plan, mode);
    runStates.set(plan, state);
  } else state.childStamps.fill(0);
  return state;
}

function newRunState(plan: Plan, mode: Mode): RunState {
  const weights = new Float64Array(Math.max(1, ...plan.options.map((o) => o.categories.length)));
  return {
    plan,
    mode,
    weights,
    categoryValues: new Float64Array(weights.length),
    scratch: new Float64Array(16),
    subsidyTotals: new Float64Array(TOTALS),
    yearlyScratch: newYearlyScratch(),
    takeupRng: new Xoshiro128ss(1, 0, 0, 0),
    claimRng: new Xoshiro128ss(1, 0, 0, 0),
    renewRng: new Xoshiro128ss(1, 0, 0, 0),
    childStates: new Int32Array(plan.cells.length * 16),
    childStamps: new Float64Array(plan.cells.length * 4),
    yearStamp: 0,
    previous: plan.options.map((po) => new Float64Array(po.cells.length)),
    previousNet: plan.options.map((po) => new Float64Array(po.cells.length)),
    cell: newCellDraw(),
    expectationsOnly: false,
  };
}

/**
 * Rule parameters (option.parameters) are drawn on a joint design of this many points: a Latin
 * hypercube in which each rule assumption takes its prior's equal-probability midpoint quantiles
 * (j + ½)/16, each exactly once, paired across assumptions by a fixed permutation per assumption
 * (seeded by the scenario's seed and the assumption's name). A replicate draws one design point.
 * So an option has at most 16 variants however many rule parameters it binds, each compiled once
 * and reused (benefit tables cost far more than a run); each parameter's draws are still spread
 * evenly over its prior, and adding a rule assumption does not move the others' values.
 */
export const RULE_STRATA = 16;

/** Names of the assumptions the scenario's options read as rule parameters (memoised per scenario). */
const ruleAssumptionCache = new WeakMap<Scenario, Set<string>>();
function ruleAssumptions(scenario: Scenario): Set<string> {
  let names = ruleAssumptionCache.get(scenario);
  if (!names) {
    names = new Set();
    for (const o of scenario.options) for (const n of Object.values(o.parameters ?? {})) if (typeof n === "string") names.add(n.slice(1));
    ruleAssumptionCache.set(scenario, names);
  }
  return names;
}

/** The rule-parameter design's column for one assumption: design point j → its stratum (a permutation of 0..RULE_STRATA − 1). */
export function ruleStrata(seed: number, name: string): Uint8Array {
  const perm = Uint8Array.from({ length: RULE_STRATA }, (_, i) => i);
  const rng = Xoshiro128ss.derive(seed, "rule-design", name);
  for (let i = RULE_STRATA - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm;
}

/** The rule-parameter design point of replicate r (0..RULE_STRATA − 1), from its own stream. */
export function ruleDesignPoint(seed: number, r: number): number {
  return Math.floor(Xoshiro128ss.derive(seed, "theta", r, "rule-design").uniform() * RULE_STRATA);
}

/**
 * Draws the parameter set of replicate r (each assumption from its own stream), in plan order;
 * an assumption read as a rule parameter at its quantile in the replicate's design point.
 */
export function drawParameters(scenario: Scenario, names: readonly string[], seed: number, r: number, uncertainty: boolean, fix: Record<string, number> = {}): Float64Array {
  const theta = new Float64Array(names.length);
  const rules = ruleAssumptions(scenario);
  let point = -1;
  names.forEach((name, i) => {
    const a = scenario.assumptions[name]!;
    if (Object.hasOwn(fix, name)) theta[i] = fix[name]!;
    else if (!uncertainty || a.prior.dist === "fixed") theta[i] = a.value;
    else if (rules.has(name)) {
      if (point < 0) point = ruleDesignPoint(seed, r);
      theta[i] = priorQuantile(a.prior, a.value, (ruleStrata(seed, name)[point]! + 0.5) / RULE_STRATA);
    } else theta[i] = drawPrior(Xoshiro128ss.derive(seed, "theta", r, name), a.prior, a.value);
  });
  return theta;
}

/** One option in replicate r: its years in order, each a row, repricing between them. */
function runOption(state: RunState, base: PlanOption, oi: number, theta: Float64Array, parent: Xoshiro128ss, r: number, rows: ReplicateRow[]): void {
  checkDrawn(base, theta, r);
  // Rule parameters drawn in this replicate: the option compiled at their values (cached by vector).
  const po = base.parameters ? optionVariant(state.plan, oi, parameterValues(base, theta)) : base;
  const draw = drawOption(state, po, theta, r);
  const years = state.plan.scenario.years;
  let k = 0; // price-lattice index: premiums × 1.01^k
  for (let y = 0; y < years; y++) {
    // Per-claim payout moments for each group (person × severity), mixed over categories.
    for (const g of po.groups[y]!) scaleGroup(g, draw.baseScale, draw.catWeights, theta);
    const row = openRow(r, po.option.id, y + 1, po.population, po.eligible[y]!, state.subsidyTotals);
    state.yearStamp = r * 32 + y + 1; // years ≤ MAX_YEARS = 30
    for (let ci = 0; ci < po.cells.length; ci++) simulateCell(state, po, oi, ci, y, k, theta, parent, draw, row);
    rows.push(closeRow(row, state.subsidyTotals, value(po.adminRatio, theta)));
    // Reprice next year toward the target loss ratio (credibility-weighted, capped change).
    k = nextPriceIndex(po, theta, row.lossRatio, y, years, k);
  }
}

/** The option's rule parameter values in this replicate (option.parameters' order). */
function parameterValues(po: PlanOption, theta: Float64Array): Float64Array {
  const nums = po.parameters!.nums;
  const values = new Float64Array(nums.length);
  for (let i = 0; i < nums.length; i++) values[i] = value(nums[i]!, theta);
  return values;
}

/** The option's category weights, claim frequency, severity scale and frailty in replicate r. */
function drawOption(state: RunState, po: PlanOption, theta: Float64Array, r: number): OptionDraw {
  const { option } = po;
  const nCat = po.categories.length;
  const categoryValues = state.categoryValues;
  for (let c = 0; c < nCat; c++) {
    const w = value(po.weights[c]!, theta);
    if (!(w >= 0 && w < Infinity)) throw new InputError(`scenario.options.${option.id}.claims.categories[${c}]`, problem("share or rate out of range", "a finite number ≥ 0", w));
    categoryValues[c] = w;
  }
  // Shares are taken as given (never renormalised); rate categories add claims on top of the
  // shared ones: claims per person-year = frequency × (1 + Σ rates).
  const mix = mixCategories(po.kinds, categoryValues.subarray(0, nCat), state.weights);
  if (typeof mix === "string") throw new InputError(`scenario.options.${option.id}.claims.categories`, `${mix} in replicate ${r}`);
  return {
    catWeights: state.weights.subarray(0, nCat),
    baseFreq: value(po.frequency, theta) * mix,
    baseScale: value(po.scale, theta),
    dispersion: po.dispersion ? value(po.dispersion, theta) : 0,
  };
}

/** One cell of an option in year y at price index k: take-up, claims in the run's mode, booking. */
function simulateCell(state: RunState, po: PlanOption, oi: number, ci: number, y: number, k: number, theta: Float64Array, parent: Xoshiro128ss, draw: OptionDraw, row: ReplicateRow): void {
  const pc = po.cells[ci]!;
  const cy = pc.years[y]!;
  const g = cy.group;
  const premium = premiumAt(po, pc, y, k);
  const p = probabilityOf(po, pc, theta, cy.eligible, premium.net);
  const cell = state.cell;
  const purchases = purchasesOf(po, pc, theta);
  cell.lambda = claimRate(po, pc, theta, draw.baseFreq, purchases);
  if (p === 0 && (y === 0 || !cy.eligible) && !g.yearly) {
    // Nobody can enrol (ineligible, or no take-up in year 1): no draw can matter — each stream
    // is the cell's own — and every amount the cell would book is +0, so nothing changes.
    state.previous[oi]![ci] = 0;
    state.previousNet[oi]![ci] = premium.net;
    return;
  }
  // Child streams per (cell, purpose, year): 4y+1 take-up, 4y+2 claims, 4y+3 renewal.
  const { takeupRng, claimRng } = state;
  const drawClaims = !state.expectationsOnly;
  seatChild(state, takeupRng, parent, pc.index, y, 1);
  if (drawClaims) seatChild(state, claimRng, parent, pc.index, y, 2);
  cell.dispersion = draw.dispersion;
  cell.frailty = draw.dispersion > 0 && drawClaims ? gamma(claimRng, draw.dispersion, 1 / draw.dispersion) : 1;
  enrol(state, po, pc, oi, ci, y, p, premium.net, theta, parent);
  const date = po.dates[y]!;
  if (g.yearly) {
    // Yearly deductibles and limits: one payout per person-year (src/sim/yearly.ts); books its own expectations.
    yearlyCellYear(po, g, pc, draw.catWeights, drawClaims ? state.mode : null, claimRng, date, row, state.yearlyScratch, cell);
  } else if (!drawClaims) {
    noClaims(cell);
  } else if (state.mode === "person") {
    personClaims(claimRng, po.scheme, g, pc, date, draw.catWeights, state.scratch, cell);
  } else {
    aggregateClaims(claimRng, state.mode, g, draw.catWeights, cell);
  }
  state.previous[oi]![ci] = cell.enrolled;
  state.previousNet[oi]![ci] = premium.net;
  bookCell(row, state.subsidyTotals, premium, cell, purchases);
  if (!g.yearly) bookClaimExpectations(row, g, cell);
}

/**
 * Seats `rng` at the child stream (cell, 4y + purpose) of the replicate's parent: derived on the
 * first option that needs it, copied for the others (options share a cell's draws).
 */
function seatChild(state: RunState, rng: Xoshiro128ss, parent: Xoshiro128ss, cellIndex: number, y: number, purpose: number): void {
  const slot = cellIndex * 4 + purpose;
  const stamp = state.yearStamp;
  if (state.childStamps[slot] === stamp) {
    rng.restoreFrom(state.childStates, slot * 4);
    return;
  }
  rng.childOf(parent, cellIndex, 4 * y + purpose);
  rng.saveTo(state.childStates, slot * 4);
  state.childStamps[slot] = stamp;
}

/** Purchases an enrollee of the cell makes a year: option.purchases.perYear × level multipliers (1 without). */
function purchasesOf(po: PlanOption, pc: PlanCell, theta: Float64Array): number {
  if (po.purchases === null) return 1;
  let m = value(po.purchases, theta);
  for (const n of pc.purchasesBy) m *= value(n, theta);
  return m;
}

/** Claims per enrolled person-year of the cell: the option's base rate × cell and level multipliers × purchases a year. */
function claimRate(po: PlanOption, pc: PlanCell, theta: Float64Array, baseFreq: number, purchases: number): number {
  let lambda = baseFreq * pc.cell.frequency;
  for (const n of pc.frequencyBy) lambda *= value(n, theta);
  if (purchases !== 1) lambda *= purchases;
  if (!(lambda >= 0 && lambda < Infinity)) {
    throw new InputError(`scenario.options.${po.option.id}.claims.frequency`, `claim rate of cell "${pc.cell.id}" out of range (allowed: a finite number ≥ 0; got ${lambda})`);
  }
  return lambda;
}

/**
 * The cell's enrolment in year y (into state.cell): Binomial(N, p) in year 1; later, last year's
 * enrollees renew (still eligible; the probability shifted by the price change) and the others
 * join at this year's take-up probability. Person mode draws each person.
 */
function enrol(state: RunState, po: PlanOption, pc: PlanCell, oi: number, ci: number, y: number, p: number, net: number, theta: Float64Array, parent: Xoshiro128ss): void {
  const e = state.cell;
  const n = pc.cell.count;
  const { takeupRng, renewRng } = state;
  const person = state.mode === "person";
  if (y === 0) {
    e.expected = n * p;
    e.variance = n * p * (1 - p);
    e.enrolled = person ? bernoulliCount(takeupRng, 0, n, p) : binomial(takeupRng, n, p);
    return;
  }
  const stay = state.previous[oi]![ci]!;
  const rn = pc.years[y]!.eligible ? renewalOf(po, pc, theta, net - state.previousNet[oi]![ci]!) : 0;
  e.expected = stay * rn + (n - stay) * p;
  e.variance = stay * rn * (1 - rn) + (n - stay) * p * (1 - p);
  seatChild(state, renewRng, parent, pc.index, y, 3);
  e.enrolled = person ? bernoulliCount(renewRng, 0, stay, rn) + bernoulliCount(takeupRng, stay, n, p) : binomial(renewRng, stay, rn) + binomial(takeupRng, n - stay, p);
}

/** Person mode: how many of persons [from, to) enrol, one uniform each. */
function bernoulliCount(rng: Xoshiro128ss, from: number, to: number, p: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (rng.uniform() < p) count++;
  return count;
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
