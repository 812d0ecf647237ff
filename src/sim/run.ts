/**
 * One scenario run: per replicate, draw a parameter set (outer loop: every assumption from its
 * prior), then per policy option and population cell draw enrolment (exact binomial), claims
 * (Poisson, optionally with gamma frailty) and the benefits the scheme's rules pay, and book the
 * money in a payer ledger. Three modes share everything but the benefit total of a cell:
 *  - fast:   moment-matched (translated gamma) totals from the benefit tables; exact binned sums
 *            when a cell has few claims;
 *  - exact:  claims split into categories and equal-probability payout bins (multinomial);
 *  - person: every person and claim drawn one by one and paid by the rules (the test oracle).
 * Streams are derived from (seed, purpose, replicate, cell id) so any replicate reproduces alone
 * (workers, browser, Node) and options in one run share draws (common random numbers).
 * Knows nothing about any particular scheme.
 */
import type { AnyScheme, Payer } from "../rules/index.js";
import { InputError } from "../rules/input-error.js";
import { buildCells, cellMatches, type Cell } from "./cells.js";
import { BenefitTable, categoryModel, samplePayout, type BenefitTableOptions, type CategoryModel, type TablePoint } from "./claims.js";
import { drawPrior } from "./priors.js";
import { Xoshiro128ss, type Rng } from "./rng.js";
import { binomial, gamma, poisson } from "./samplers.js";
import type { Num, Option, ResolvedOption, Scenario } from "./scenario.js";

export type Mode = "fast" | "exact" | "person";
export const MODES: readonly Mode[] = ["fast", "exact", "person"];

/** Payers that appear as ledger columns (subsidy_<payer>), in a fixed order. */
export const PAYERS: readonly Payer[] = ["budget", "bank", "employer", "town", "platform", "union", "chamber", "collective", "association"];

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
  subsidies: Record<Payer, number>;
  claims: number;
  benefits: number;
  /** Administration cost, 元. */
  admin: number;
  /** benefits / gross; null when no premium was collected. */
  lossRatio: number | null;
  /** benefits / enrolled; null when nobody enrolled. */
  benefitPerEnrollee: number | null;
  /** E[enrolled | parameters] and E[benefits | parameters]: the parameter part of the spread. */
  expectedEnrolled: number;
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
  tables?: BenefitTableOptions;
  /** Fixed assumption values (sensitivity analysis): override the draw. */
  fix?: Record<string, number>;
}

interface PlanCell {
  cell: Cell;
  person: unknown;
  eligible: boolean;
  gross: number;
  net: number;
  subsidies: [Payer, number][];
  /** One benefit table per claim category. */
  tables: BenefitTable[];
  points: TablePoint[];
  /** Person-mode claim templates, per category. */
}

interface PlanOption {
  option: Option;
  scheme: AnyScheme;
  categories: CategoryModel[];
  cells: PlanCell[];
  population: number;
  eligible: number;
}

export interface Plan {
  scenario: Scenario;
  options: PlanOption[];
  cells: Cell[];
  assumptionNames: string[];
  mode: Mode;
}

/** Compiles a validated scenario into a plan: cells, parsed persons, premiums, benefit tables. */
export function compile(scenario: Scenario, resolved: ResolvedOption[], mode: Mode = "fast", tables: BenefitTableOptions = {}): Plan {
  const cells = buildCells(scenario.population);
  const date = scenario.date;
  const options = resolved.map(({ option, scheme }, i): PlanOption => {
    const at = `scenario.options[${i}]`;
    let purchase: unknown;
    try {
      purchase = scheme.parsePurchase(option.purchase, date);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${at}.purchase`, error.message);
      throw error;
    }
    const categories = option.claims.categories.map((c) => categoryModel(c.name, c.claim));
    const tableCache = new Map<string, BenefitTable[]>();
    const planCells: PlanCell[] = [];
    let population = 0;
    let eligibleCount = 0;
    for (const cell of cells) {
      if (!cellMatches(cell, option.cells)) continue;
      let person: unknown;
      try {
        person = scheme.parsePerson(cell.person);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`scenario.population cell "${cell.id}" person (for ${option.scheme})`, error.message);
        throw error;
      }
      const eligible = scheme.eligibility(person, date).eligible;
      const premium = scheme.premium(person, purchase, date);
      const key = JSON.stringify(person);
      let cellTables = tableCache.get(key);
      if (!cellTables) {
        cellTables = categories.map((m) => new BenefitTable(scheme, m, person, date, tables));
        tableCache.set(key, cellTables);
      }
      population += cell.count;
      if (eligible) eligibleCount += cell.count;
      planCells.push({
        cell,
        person,
        eligible,
        gross: premium.gross,
        net: premium.net,
        subsidies: premium.subsidies.map((s) => [s.payer, s.amount]),
        tables: cellTables,
        points: cellTables.map((t) => t.newPoint()),
      });
    }
    return { option, scheme, categories, cells: planCells, population, eligible: eligibleCount };
  });
  return { scenario, options, cells, assumptionNames: Object.keys(scenario.assumptions).sort(), mode };
}

/** Draws the parameter set of replicate r (each assumption from its own stream). */
export function drawParameters(scenario: Scenario, seed: number, r: number, uncertainty: boolean, fix: Record<string, number> = {}): Map<string, number> {
  const theta = new Map<string, number>();
  for (const [name, a] of Object.entries(scenario.assumptions)) {
    if (name in fix) theta.set(name, fix[name]!);
    else if (!uncertainty || a.prior.dist === "fixed") theta.set(name, a.value);
    else theta.set(name, drawPrior(Xoshiro128ss.derive(seed, "theta", r, name), a.prior, a.value));
  }
  return theta;
}

function resolve(n: Num, theta: Map<string, number>): number {
  return typeof n === "number" ? n : theta.get(n.slice(1))!;
}

function levelValue(by: Record<string, Record<string, Num>> | undefined, cell: Cell, theta: Map<string, number>, combine: (a: number, b: number) => number, start: number): number {
  let acc = start;
  if (!by) return acc;
  for (const [attr, levels] of Object.entries(by)) {
    const level = cell.attributes[attr];
    if (level === undefined) continue;
    const n = levels[String(level)];
    if (n !== undefined) acc = combine(acc, resolve(n, theta));
  }
  return acc;
}

function probabilityOf(option: Option, pc: PlanCell, theta: Map<string, number>): number {
  if (!pc.eligible) return 0;
  const t = option.takeup;
  let p: number;
  if (t.model === "probability") {
    p = levelValue(t.byAttribute, pc.cell, theta, (_a, b) => b, resolve(t.probability, theta));
    if (pc.cell.takeupLogit !== 0 && p > 0 && p < 1) p = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + pc.cell.takeupLogit)));
  } else {
    let eta = resolve(t.intercept, theta) + pc.cell.takeupLogit;
    eta = levelValue(t.offsets, pc.cell, theta, (a, b) => a + b, eta);
    if (t.priceElasticity !== undefined) eta += resolve(t.priceElasticity, theta) * (pc.net / t.referencePrice! - 1);
    p = 1 / (1 + Math.exp(-eta));
  }
  if (!(p >= 0 && p <= 1)) {
    throw new InputError(`scenario.options.${option.id}.takeup`, `take-up probability for cell "${pc.cell.id}" must be in [0, 1], got ${p} (check the assumptions it reads)`);
  }
  return p;
}

/** Translated-gamma draw matching mean, variance and third central moment (≥ 0). */
function translatedGamma(rng: Rng, mean: number, variance: number, third: number): number {
  if (!(variance > 0)) return mean;
  const sd = Math.sqrt(variance);
  const skew = third / (variance * sd);
  if (!(skew > 1e-6)) return Math.max(0, mean + sd * normalDraw(rng));
  const shape = 4 / (skew * skew);
  const scale = (sd * skew) / 2;
  const x = mean - shape * scale + gamma(rng, shape, scale);
  return x > 0 ? x : 0;
}

function normalDraw(rng: Rng): number {
  // Box–Muller on two uniforms: used rarely (zero-skew totals), so simplicity over speed.
  return Math.sqrt(-2 * Math.log(rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
}

const FAST_EXACT_BELOW = 32;

/** Sum of K claims split into categories and equal-probability bins (the exact-mode total). */
function binnedTotal(rng: Rng, k: number, weights: Float64Array, points: TablePoint[], tables: BenefitTable[]): number {
  let total = 0;
  let left = k;
  let mass = 1;
  for (let c = 0; c < points.length && left > 0; c++) {
    const w = weights[c]!;
    const nc = c === points.length - 1 ? left : w <= 0 ? 0 : binomial(rng, left, Math.min(1, w / mass));
    left -= nc;
    mass -= w;
    if (nc === 0) continue;
    const bins = points[c]!.bins;
    const probs = tables[c]!.binProbs;
    const B = bins.length;
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

function emptySubsidies(): Record<Payer, number> {
  const out = {} as Record<Payer, number>;
  for (const p of PAYERS) out[p] = 0;
  return out;
}

/** Runs the plan; returns one row per (replicate, option, year). */
export function runPlan(plan: Plan, options: RunOptions = {}): ReplicateRow[] {
  const scenario = plan.scenario;
  const seed = options.seed ?? scenario.seed;
  const replicates = options.replicates ?? scenario.replicates;
  const [from, to] = options.range ?? [0, replicates];
  const uncertainty = options.uncertainty ?? true;
  const mode = options.mode ?? plan.mode;
  const date = scenario.date;
  const rows: ReplicateRow[] = [];
  const weights = new Float64Array(64);
  const scratch = new Float64Array(16);
  for (let r = from; r < to; r++) {
    const theta = drawParameters(scenario, seed, r, uncertainty, options.fix);
    for (const po of plan.options) {
      const { option, scheme } = po;
      const claimsSpec = option.claims;
      const nCat = po.categories.length;
      let wsum = 0;
      for (let c = 0; c < nCat; c++) {
        const w = resolve(claimsSpec.categories[c]!.weight, theta);
        if (!(w >= 0)) throw new InputError(`scenario.options.${option.id}.claims.categories[${c}].weight`, `must be ≥ 0, got ${w}`);
        weights[c] = w;
        wsum += w;
      }
      if (!(wsum > 0)) throw new InputError(`scenario.options.${option.id}.claims.categories`, "weights must not all be 0");
      for (let c = 0; c < nCat; c++) weights[c]! /= wsum;
      const catWeights = weights.subarray(0, nCat);
      const adminRatio = resolve(option.adminRatio, theta);
      const baseFreq = resolve(claimsSpec.frequency, theta);
      const baseScale = resolve(claimsSpec.severityScale, theta);
      const dispersion = claimsSpec.dispersion === undefined ? undefined : resolve(claimsSpec.dispersion, theta);
      const row: ReplicateRow = {
        replicate: r,
        option: option.id,
        year: 1,
        population: po.population,
        eligible: po.eligible,
        enrolled: 0,
        coverage: 0,
        gross: 0,
        net: 0,
        subsidies: emptySubsidies(),
        claims: 0,
        benefits: 0,
        admin: 0,
        lossRatio: null,
        benefitPerEnrollee: null,
        expectedEnrolled: 0,
        expectedBenefits: 0,
        processVarBenefits: 0,
      };
      for (const pc of po.cells) {
        const cell = pc.cell;
        const p = probabilityOf(option, pc, theta);
        const lambda = levelValue(claimsSpec.frequencyBy, cell, theta, (a, b) => a * b, baseFreq) * cell.frequency;
        const s = levelValue(claimsSpec.severityBy, cell, theta, (a, b) => a * b, baseScale) * cell.severity;
        if (!(lambda >= 0 && Number.isFinite(lambda))) throw new InputError(`scenario.options.${option.id}.claims.frequency`, `must be a finite number ≥ 0 for cell "${cell.id}", got ${lambda}`);
        // Per-claim payout moments at this cell's severity (mixture over categories).
        let mu = 0;
        let m2 = 0;
        let m3 = 0;
        for (let c = 0; c < nCat; c++) {
          const tp = pc.tables[c]!.at(s, pc.points[c]!);
          const w = catWeights[c]!;
          mu += w * tp.mean;
          m2 += w * tp.m2;
          m3 += w * tp.m3;
        }
        const takeupRng = Xoshiro128ss.derive(seed, "takeup", r, cell.id);
        const claimRng = Xoshiro128ss.derive(seed, "claims", r, cell.id);
        const frailty = dispersion === undefined ? 1 : gamma(claimRng, dispersion, 1 / dispersion);
        let enrolled = 0;
        let claims = 0;
        let benefits = 0;
        if (mode === "person") {
          const template = pc.tables[0]!.template;
          for (let i = 0; i < cell.count; i++) {
            if (!(takeupRng.uniform() < p)) continue;
            enrolled++;
            const k = poisson(claimRng, lambda * frailty);
            for (let j = 0; j < k; j++) {
              let u = claimRng.uniform();
              let c = 0;
              while (c < nCat - 1 && u >= catWeights[c]!) u -= catWeights[c++]!;
              const table = pc.tables[c]!;
              benefits += samplePayout(claimRng, scheme, table.model, c === 0 ? template : table.template, pc.person, date, s, scratch);
            }
            claims += k;
          }
        } else {
          enrolled = binomial(takeupRng, cell.count, p);
          claims = enrolled > 0 && lambda > 0 ? poisson(claimRng, enrolled * lambda * frailty) : 0;
          if (claims > 0) {
            if (mode === "exact" || claims < FAST_EXACT_BELOW) {
              benefits = binnedTotal(claimRng, claims, catWeights, pc.points, pc.tables);
            } else {
              const variance = claims * (m2 - mu * mu);
              const third = claims * (m3 - 3 * mu * m2 + 2 * mu * mu * mu);
              benefits = translatedGamma(claimRng, claims * mu, variance, third);
            }
          }
        }
        row.enrolled += enrolled;
        row.claims += claims;
        row.benefits += benefits;
        row.gross += enrolled * pc.gross;
        row.net += enrolled * pc.net;
        for (const [payer, amount] of pc.subsidies) row.subsidies[payer] += enrolled * amount;
        // Conditional (on the parameter draw) mean and variance of this cell's benefits.
        const n = cell.count;
        const eK = n * p * lambda;
        const varK = eK + lambda * lambda * n * p * (1 - p) + (dispersion === undefined ? 0 : (eK * eK) / dispersion);
        row.expectedEnrolled += n * p;
        row.expectedBenefits += eK * mu;
        row.processVarBenefits += eK * (m2 - mu * mu) + varK * mu * mu;
      }
      row.coverage = row.population > 0 ? row.enrolled / row.population : 0;
      row.admin = adminRatio * row.gross;
      row.lossRatio = row.gross > 0 ? row.benefits / row.gross : null;
      row.benefitPerEnrollee = row.enrolled > 0 ? row.benefits / row.enrolled : null;
      rows.push(row);
    }
    options.onProgress?.(r - from + 1, to - from);
  }
  return rows;
}
