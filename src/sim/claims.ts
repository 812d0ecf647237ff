/**
 * Claims: turning a scenario's claim model into claims the rules module pays, and the benefit
 * quadrature tables the fast and exact modes use.
 *
 * A claim category (e.g. "medical only", "disability grade 7", "death") is a set of claim fields,
 * each a constant or a distribution of an amount. A claim is always paid by the scheme's own
 * `benefit` rule — never by a re-implementation. For the aggregate modes, each (category, person)
 * gets a {@link BenefitTable}: the scheme's payout evaluated on a deterministic quadrature of M
 * claims (midpoint quantiles for one random field, a Latin hypercube for several) at severity
 * scales on a log lattice s_k = exp(k·h); moments and equal-probability bins of the payout are
 * interpolated linearly in log s between lattice points, computed lazily and cached.
 *
 * Beside the payout, each claim has two side amounts the tables average: its cash in the policy
 * year (the payout less what its periodic streams pay after the first 12 months: a line's `cash`,
 * src/rules/statutory-wii.ts) and the benefit lines paid by the employer or the platform (shown by
 * the rules, not in the payout), by payer (COST_PAYERS, src/sim/ledger.ts).
 */
import type { AnyScheme, Benefit } from "../rules/index.js";
import { COST_PAYERS } from "./ledger.js";
import { Xoshiro128ss, type Rng } from "./rng.js";
import { gammaQuantile, normalQuantile } from "./quantiles.js";
import { detExp, detLog, detLog1p } from "./detmath.js";
import type { FieldSpec } from "./scenario.js";

export type ClaimValue = number | boolean;

/** Geometric sub-strata of each field's top stratum (tail probability 2^-24/M is left over). */
const TAIL_LEVELS = 24;
/** Geometric tail bins of the exact mode's payout distribution. */
const TAIL_BINS = 16;

export interface CategoryModel {
  name: string;
  /** Constant fields, copied into every claim. */
  constants: Record<string, ClaimValue>;
  /** Random amount fields. `quantile`, when given, replaces the spec's quantile function (the
   *  yearly sums of src/sim/yearly.ts: lattice distributions from src/sim/aggregate.ts). */
  random: { name: string; spec: Exclude<FieldSpec, number | boolean>; quantile?: (u: number) => number }[];
}

export function categoryModel(name: string, claim: Record<string, FieldSpec>): CategoryModel {
  const constants: Record<string, ClaimValue> = {};
  const random: CategoryModel["random"] = [];
  for (const [field, spec] of Object.entries(claim)) {
    if (typeof spec === "number" || typeof spec === "boolean") constants[field] = spec;
    else random.push({ name: field, spec });
  }
  return { name, constants, random };
}

/** The amount at probability u of a field's distribution, before severity scaling. */
export function fieldQuantile(spec: Exclude<FieldSpec, number | boolean>, u: number): number {
  switch (spec.dist) {
    case "lognormal":
      return spec.median * detExp(spec.sigma * normalQuantile(u));
    case "gamma": {
      const shape = 1 / (spec.cv * spec.cv);
      return (spec.mean / shape) * gammaQuantile(shape, u);
    }
    case "pareto":
      return spec.xm * detExp(-detLog1p(-u) / spec.alpha);
    case "uniform":
      return spec.min + (spec.max - spec.min) * u;
  }
}

/** Whether the payout can depend on the severity scale (any scaled random field). */
export function isScaled(model: CategoryModel): boolean {
  return model.random.some((f) => f.spec.scaled);
}

/** Builds a claim object (scheme defaults from `template`) for uniforms `us` at scale `s`. */
export function buildClaim(model: CategoryModel, template: Record<string, unknown>, us: ArrayLike<number>, s: number): Record<string, unknown> {
  const claim: Record<string, unknown> = { ...template };
  for (let f = 0; f < model.random.length; f++) {
    const field = model.random[f]!;
    const amount = field.quantile ? field.quantile(us[f]!) : fieldQuantile(field.spec, us[f]!);
    claim[field.name] = Math.round((field.spec.scaled ? amount * s : amount) * 100) / 100;
  }
  return claim;
}

/** Slots of a claim's side amounts: [0] its cash in the policy year, [1 + j] COST_PAYERS[j]'s cost. */
export const SIDE_SLOTS = 1 + COST_PAYERS.length;

/**
 * Adds a benefit's side amounts into `side` (SIDE_SLOTS entries): the cash paid in the policy
 * year — the payout less, for each fund line that is a periodic stream, what it pays after the
 * first 12 months (amount − cash) — and each employer/platform line's amount to its payer.
 */
export function addSide(benefit: Benefit, side: Float64Array, weight = 1): void {
  let cash = benefit.payout;
  const items = benefit.items;
  for (let i = 0; i < items.length; i++) {
    const line = items[i] as { amount: number; payer?: string; cash?: number };
    const payer = line.payer;
    if (payer === undefined || payer === "fund") {
      if (line.cash !== undefined) cash -= line.amount - line.cash;
      continue;
    }
    const j = COST_PAYERS.indexOf(payer as (typeof COST_PAYERS)[number]);
    if (j >= 0) side[1 + j]! += weight * line.amount;
  }
  side[0]! += weight * cash;
}

/** One claim paid by the rules: the person-mode oracle's path; its side amounts added to `side` when given. */
export function samplePayout(
  rng: Rng,
  scheme: AnyScheme,
  model: CategoryModel,
  template: Record<string, unknown>,
  person: unknown,
  date: string,
  s: number,
  scratch: Float64Array,
  side?: Float64Array,
): number {
  for (let f = 0; f < model.random.length; f++) scratch[f] = rng.uniform();
  const benefit = scheme.benefit(buildClaim(model, template, scratch, s), person, date);
  if (side) addSide(benefit, side);
  return benefit.payout;
}

export interface TablePoint {
  mean: number;
  /** Probability that a claim is paid anything (payout > 0). */
  positive: number;
  /** Raw second and third moments of the payout. */
  m2: number;
  m3: number;
  /** Mean payout in each bin of {@link BenefitTable.binProbs}, ascending. */
  bins: Float64Array;
  /** Mean side amounts of a claim (SIDE_SLOTS: cash in the policy year, then cost by COST_PAYERS). */
  side: Float64Array;
}

/** Per category, the two lattice points' bins and the weight between them (BenefitTable.binSpan). */
export interface BinSpan {
  lo: Float64Array[];
  hi: Float64Array[];
  w: Float64Array;
}

export function newBinSpan(categories: number): BinSpan {
  const none = new Float64Array(0);
  return { lo: Array.from({ length: categories }, () => none), hi: Array.from({ length: categories }, () => none), w: new Float64Array(categories) };
}

export interface BenefitTableOptions {
  /** Quadrature points per lattice point (default 256). */
  points?: number;
  /** Equal-probability body bins for exact mode (default 24); the top
   *  quarter of probability is split into 16 geometric tail bins on top of them. */
  bins?: number;
  /** Lattice step in log scale (default ln 1.12). */
  step?: number;
}

/**
 * Indices of `values` sorted by value, ties by index. Payouts usually rise with the quadrature
 * index already (one random field: amounts ascend), so that case is checked first in one pass.
 */
function ascendingOrder(values: Float64Array): Uint32Array | number[] {
  const n = values.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = values[i - 1]! <= values[i]!;
  if (sorted) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
}

/** Payout moments and bins of one category for one person, as functions of the severity scale. */
export class BenefitTable {
  readonly points: number;
  readonly binCount: number;
  /** Probability of each exact-mode bin (sums to 1). */
  readonly binProbs: Float64Array;
  /** Cumulative probability at each bin's upper edge (last = 1). */
  readonly binUpper: Float64Array;
  readonly step: number;
  readonly scaled: boolean;
  /** Computed lattice points: k ≥ 0 at index k of #up, k < 0 at index −k − 1 of #down. */
  readonly #up: (TablePoint | undefined)[] = [];
  readonly #down: (TablePoint | undefined)[] = [];
  /** Per quadrature point, each random field's amount before severity scaling (its quantile at
   *  the point's uniform): computed once, not at every lattice point. */
  readonly #amounts: Float64Array[];
  readonly #weights: Float64Array; // probability of each quadrature point (sums to 1)
  readonly #template: Record<string, unknown>;

  constructor(
    readonly scheme: AnyScheme,
    readonly model: CategoryModel,
    readonly person: unknown,
    readonly date: string,
    options: BenefitTableOptions = {},
    /** A table of the same category, person, date and options under other parameter values: its
     *  quadrature (claims' amounts, weights, template, bins) is reused, not recomputed. */
    like?: BenefitTable,
  ) {
    if (like) {
      this.points = like.points;
      this.binCount = like.binCount;
      this.binProbs = like.binProbs;
      this.binUpper = like.binUpper;
      this.step = like.step;
      this.scaled = like.scaled;
      this.#template = like.#template;
      this.#amounts = like.#amounts;
      this.#weights = like.#weights;
      return;
    }
    const randomFields = model.random.length;
    this.points = randomFields === 0 ? 1 : (options.points ?? 256);
    const body = randomFields === 0 ? 1 : (options.bins ?? 24);
    // Bin upper edges (cumulative probability): `body` equal bins over [0, 3/4] (or [0, 1] when
    // nothing is random), then tail bins halving the remaining probability 16 times.
    const upper: number[] = [];
    if (randomFields === 0) upper.push(1);
    else {
      for (let j = 1; j <= body; j++) upper.push((0.75 * j) / body);
      let rest = 0.25;
      for (let t = 0; t < TAIL_BINS - 1; t++) {
        rest /= 2;
        upper.push(1 - rest);
      }
      upper.push(1);
    }
    this.binUpper = Float64Array.from(upper);
    this.binCount = upper.length;
    this.binProbs = Float64Array.from(upper, (u, k) => u - (k === 0 ? 0 : upper[k - 1]!));
    this.step = options.step ?? detLog(1.12);
    this.scaled = isScaled(model);
    // Scheme defaults for claim fields the model does not set (validated once).
    const probe: Record<string, unknown> = { ...model.constants };
    for (const f of model.random) probe[f.name] = 0;
    this.#template = { ...(scheme.parseClaim(probe) as Record<string, unknown>) };
    const M = this.points;
    const perms: Uint32Array[] = model.random.map((_, f) => {
      const perm = new Uint32Array(M);
      for (let i = 0; i < M; i++) perm[i] = i;
      if (f > 0) {
        const rng = Xoshiro128ss.derive("latin-hypercube", model.name, f);
        for (let i = M - 1; i > 0; i--) {
          const j = Math.floor(rng.uniform() * (i + 1));
          const t = perm[i]!;
          perm[i] = perm[j]!;
          perm[j] = t;
        }
      }
      return perm;
    });
    // Equal strata of probability 1/M, except that each field's top stratum [1 − 1/M, 1) is split
    // geometrically (tail probability halves at each step) so heavy upper tails keep their mean.
    const us: Float64Array[] = [];
    const ws: number[] = [];
    for (let i = 0; i < M; i++) {
      const base = Float64Array.from(perms, (perm) => (perm[i]! + 0.5) / M);
      const topField = perms.findIndex((perm) => perm[i] === M - 1);
      if (topField < 0) {
        us.push(base);
        ws.push(1 / M);
        continue;
      }
      for (let t = 0; t < TAIL_LEVELS; t++) {
        const u = Float64Array.from(base);
        u[topField] = 1 - (Math.SQRT1_2 * 2 ** -t) / M; // 2^-(t + ½), exactly in every engine
        us.push(u);
        // The last sub-stratum also carries the remaining tail probability 2^-T / M.
        ws.push((t === TAIL_LEVELS - 1 ? 2 ** -t : 2 ** (-t - 1)) / M);
      }
    }
    this.#amounts = us.map((u) => Float64Array.from(model.random, (field, f) => (field.quantile ? field.quantile(u[f]!) : fieldQuantile(field.spec, u[f]!))));
    this.#weights = Float64Array.from(ws);
  }

  /** The table at lattice point k (scale exp(k·step)), computed on first use. */
  point(k: number): TablePoint {
    const key = this.scaled ? k : 0;
    let tp = key >= 0 ? this.#up[key] : this.#down[-key - 1];
    if (tp) return tp;
    const s = this.scaled ? detExp(key * this.step) : 1;
    const n = this.#amounts.length;
    const payouts = new Float64Array(n);
    const side = new Float64Array(SIDE_SLOTS);
    const random = this.model.random;
    for (let i = 0; i < n; i++) {
      // As buildClaim, from the precomputed amounts.
      const claim: Record<string, unknown> = { ...this.#template };
      const amounts = this.#amounts[i]!;
      for (let f = 0; f < random.length; f++) {
        const field = random[f]!;
        claim[field.name] = Math.round((field.spec.scaled ? amounts[f]! * s : amounts[f]!) * 100) / 100;
      }
      const benefit = this.scheme.benefit(claim, this.person, this.date);
      payouts[i] = benefit.payout;
      addSide(benefit, side, this.#weights[i]!);
    }
    const order = ascendingOrder(payouts);
    let mean = 0;
    let m2 = 0;
    let m3 = 0;
    let positive = 0;
    const B = this.binCount;
    const binSum = new Float64Array(B);
    const binWeight = new Float64Array(B);
    let cumulative = 0;
    let j = 0;
    for (const i of order) {
      const b = payouts[i]!;
      const w = this.#weights[i]!;
      mean += w * b;
      if (b > 0) positive += w;
      m2 += w * b * b;
      m3 += w * b * b * b;
      // A point belongs to the bin holding the middle of its probability mass.
      const mid = cumulative + w / 2;
      while (j < B - 1 && mid >= this.binUpper[j]!) j++;
      binSum[j]! += w * b;
      binWeight[j]! += w;
      cumulative += w;
    }
    const bins = new Float64Array(B);
    for (let j = 0; j < B; j++) bins[j] = binWeight[j]! > 0 ? binSum[j]! / binWeight[j]! : 0;
    tp = { mean, positive, m2, m3, bins, side };
    if (key >= 0) this.#up[key] = tp;
    else this.#down[-key - 1] = tp;
    return tp;
  }

  /**
   * Interpolated moments at scale s (linear in log s between lattice points), written into `out`
   * (whose `bins` must have binCount entries). Returns out.
   */
  at(s: number, out: TablePoint): TablePoint {
    const logS = detLog(s);
    this.momentsAtLog(logS, out);
    return this.binsAt(s, logS, out);
  }

  /**
   * Only the bins of {@link at}, with log s given (`logS` = detLog(s): a group of tables at one
   * scale takes the logarithm once). Returns out.
   */
  binsAt(s: number, logS: number, out: TablePoint): TablePoint {
    if (!(s > 0 && Number.isFinite(s))) throw new Error(`BenefitTable.at: severity scale must be a finite number > 0, got ${s}`);
    if (!this.scaled) {
      out.bins.set(this.point(0).bins);
      return out;
    }
    const x = logS / this.step;
    const k = Math.floor(x);
    const w = x - k;
    const a = this.point(k);
    const b = w > 0 ? this.point(k + 1) : a;
    for (let j = 0; j < this.binCount; j++) out.bins[j] = a.bins[j]! + w * (b.bins[j]! - a.bins[j]!);
    return out;
  }

  /**
   * Where the bins at scale s lie, without interpolating them (`logS` = detLog(s)): written into
   * `span` at index c, bin j at scale s is lo[j] + w·(hi[j] − lo[j]) — the value {@link binsAt}
   * writes — so a sum reads only the bins it draws claims in.
   */
  binSpan(s: number, logS: number, span: BinSpan, c: number): void {
    if (!(s > 0 && Number.isFinite(s))) throw new Error(`BenefitTable.at: severity scale must be a finite number > 0, got ${s}`);
    if (!this.scaled) {
      const p = this.point(0);
      span.lo[c] = p.bins;
      span.hi[c] = p.bins;
      span.w[c] = 0;
      return;
    }
    const x = logS / this.step;
    const k = Math.floor(x);
    const w = x - k;
    const a = this.point(k);
    span.lo[c] = a.bins;
    span.hi[c] = w > 0 ? this.point(k + 1).bins : a.bins;
    span.w[c] = w;
  }

  /** Interpolated mean, m2 and m3 at scale s (bins untouched: cheaper than {@link at}). */
  moments(s: number, out: TablePoint): TablePoint {
    return this.momentsAtLog(this.scaled ? detLog(s) : 0, out);
  }

  /** {@link moments} with log s given (`logS` = detLog(s); ignored when the payout does not scale). */
  momentsAtLog(logS: number, out: TablePoint): TablePoint {
    if (!this.scaled) {
      const p = this.point(0);
      out.mean = p.mean;
      out.positive = p.positive;
      out.m2 = p.m2;
      out.m3 = p.m3;
      return out;
    }
    const x = logS / this.step;
    const k = Math.floor(x);
    const w = x - k;
    const a = this.point(k);
    const b = w > 0 ? this.point(k + 1) : a;
    out.mean = a.mean + w * (b.mean - a.mean);
    out.positive = a.positive + w * (b.positive - a.positive);
    out.m2 = a.m2 + w * (b.m2 - a.m2);
    out.m3 = a.m3 + w * (b.m3 - a.m3);
    return out;
  }

  /** Adds `weight` × the mean side amounts of a claim at log scale `logS` (interpolated as the moments) into `acc`. */
  addSideAtLog(logS: number, weight: number, acc: Float64Array): void {
    if (!this.scaled) {
      const side = this.point(0).side;
      for (let j = 0; j < SIDE_SLOTS; j++) acc[j]! += weight * side[j]!;
      return;
    }
    const x = logS / this.step;
    const k = Math.floor(x);
    const w = x - k;
    const a = this.point(k).side;
    const b = w > 0 ? this.point(k + 1).side : a;
    for (let j = 0; j < SIDE_SLOTS; j++) acc[j]! += weight * (a[j]! + w * (b[j]! - a[j]!));
  }

  newPoint(): TablePoint {
    return { mean: 0, positive: 0, m2: 0, m3: 0, bins: new Float64Array(this.binCount), side: new Float64Array(SIDE_SLOTS) };
  }

  /**
   * The same table under another scheme version (a rule parameter set per replicate: the scheme
   * with other parameter values, same claim schema): the quadrature is shared, lattice points are
   * computed afresh on first use. Equal, point for point, to a table built anew for `scheme`.
   */
  withScheme(scheme: AnyScheme): BenefitTable {
    return new BenefitTable(scheme, this.model, this.person, this.date, {}, this);
  }

  /** The claim template (scheme defaults) the table builds claims from. */
  get template(): Record<string, unknown> {
    return this.#template;
  }
}
