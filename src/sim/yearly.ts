/**
 * Yearly deductibles and limits: a person's policy year paid once through the rules.
 *
 * A scheme whose deductibles and caps apply to a person's year declares the claim fields that
 * accumulate over the year (`Scheme.yearlyFields`). For such a scheme a cell's enrollee has
 * N_c ~ Poisson(λ_c) episodes of each claim category c in a year (λ_c = λ × the category's
 * share; a shared gamma frailty multiplies every λ_c), and the year's claim is the field-by-field
 * sum of its episodes, paid by the scheme's `benefit` rule once. Conditional on the *profile*
 * (n_1, …, n_C), the yearly sums of different fields are independent, and each is the
 * convolution Π_c F_{c,field}^{*n_c} (src/sim/aggregate.ts, FFT on a lattice). So:
 *
 *  - per profile, a {@link BenefitTable} of the yearly payout (a quadrature over the yearly sums'
 *    quantiles; a single episode uses the episode's own continuous distribution, so at low
 *    frequencies the yearly model reduces to the per-episode one);
 *  - per cell and replicate, the profile probabilities given at least one episode,
 *    P(n) = Π_c Pois(n_c; λ_c) / (1 − e^{−Σλ_c}), mix the profiles' payout moments and bins.
 *
 * Profiles whose probability is below {@link PROFILE_FLOOR} are left out (their tables are never
 * built) and the others renormalised; counts beyond {@link MAX_EPISODES} episodes a year are not
 * enumerated (an InputError says so when they would matter).
 */
import type { AnyScheme } from "../rules/index.js";
import { InputError } from "../rules/input-error.js";
import { fieldAggregate, type ComponentSpec, type FieldAggregate } from "./aggregate.js";
import { BenefitTable, type BenefitTableOptions, type CategoryModel, type TablePoint } from "./claims.js";
import { gammaQuantile } from "./quantiles.js";
import { detExp, detLog } from "./detmath.js";

/** Profiles less likely than this (given ≥ 1 episode) are dropped and the rest renormalised. */
export const PROFILE_FLOOR = 1e-10;
/** At most this many episodes a year are enumerated per person. */
export const MAX_EPISODES = 40;
/** Quadrature points of a profile with two or more episodes (a single episode keeps 256). */
const MULTI_POINTS = 96;

/** The aggregate specs of the yearly fields, shared by every person with the same categories. */
export class YearlyFields {
  readonly fields: string[];
  readonly aggregates: FieldAggregate[];
  readonly scaled: boolean[];
  constructor(readonly models: CategoryModel[], yearlyFields: readonly string[], at: string) {
    const used = yearlyFields.filter((f) => models.some((m) => f in m.constants || m.random.some((r) => r.name === f)));
    this.fields = used;
    this.scaled = [];
    this.aggregates = used.map((field) => {
      let scaled: boolean | null = null;
      const comps = models.map((m): ComponentSpec | null => {
        const r = m.random.find((x) => x.name === field);
        if (r) {
          if (scaled !== null && scaled !== r.spec.scaled) throw new InputError(at, `yearly field "${field}" is severity-scaled in one category and not in another (allowed: the same "scaled" in every category)`);
          scaled = r.spec.scaled;
          return r.spec;
        }
        const c = m.constants[field];
        if (typeof c === "number" && c > 0) {
          if (scaled === true) throw new InputError(at, `yearly field "${field}" is a constant in one category and severity-scaled in another (allowed: the same kind in every category)`);
          scaled = false;
          return { dist: "constant", value: c };
        }
        return null;
      });
      this.scaled.push(scaled ?? false);
      return fieldAggregate(comps);
    });
    for (const m of models) {
      for (const r of m.random) {
        if (!used.includes(r.name)) throw new InputError(at, `claim field "${r.name}" of category "${m.name}" is random but not a yearly field of the scheme (allowed random fields: ${yearlyFields.join(", ")})`);
      }
    }
    // Fields that do not accumulate (flags such as preExisting) are the person's: equal in every category.
    const first = models[0]!;
    for (const m of models) {
      for (const [k, v] of Object.entries(m.constants)) {
        if (used.includes(k)) continue;
        if (first.constants[k] !== v) throw new InputError(at, `claim field "${k}" differs between categories "${first.name}" and "${m.name}" (allowed: a field that is not summed over the year must be the same in every category)`);
      }
    }
  }
}

/**
 * A profile's map key: its counts as digits in base MAX_EPISODES + 1 (exact in a double up to 9
 * categories: 41⁹ < 2⁵³), else the joined counts.
 */
function profileKey(counts: readonly number[]): number | string {
  if (counts.length > 9) return counts.join(",");
  let key = 0;
  for (let c = counts.length - 1; c >= 0; c--) key = key * (MAX_EPISODES + 1) + counts[c]!;
  return key;
}

/** Yearly payout tables of one person on one date, built lazily per episode profile. */
export class YearlyTables {
  readonly profiles: number[][] = [];
  readonly #index = new Map<number | string, number>();
  readonly #tables: BenefitTable[] = [];
  constructor(
    readonly scheme: AnyScheme,
    readonly spec: YearlyFields,
    readonly person: unknown,
    readonly date: string,
    readonly options: BenefitTableOptions = {},
  ) {}

  /** Index of a profile (counts per category), registering it on first sight. */
  profileIndex(counts: readonly number[]): number {
    const key = profileKey(counts);
    let i = this.#index.get(key);
    if (i === undefined) {
      i = this.profiles.length;
      this.profiles.push([...counts]);
      this.#index.set(key, i);
    }
    return i;
  }

  /** The payout table of profile i (built on first use). */
  table(i: number): BenefitTable {
    let t = this.#tables[i];
    if (t) return t;
    const counts = this.profiles[i]!;
    const models = this.spec.models;
    const total = counts.reduce((a, b) => a + b, 0);
    let model: CategoryModel;
    const single = total === 1 ? counts.indexOf(1) : -1;
    if (single >= 0) {
      model = models[single]!; // one episode: the episode's own distribution
      // Yearly fields set by other categories only are 0 in this year.
      const constants = { ...models[0]!.constants, ...model.constants };
      for (const f of this.spec.fields) if (!(f in model.constants) && !model.random.some((r) => r.name === f)) constants[f] = 0;
      model = { ...model, constants };
    } else {
      const constants: CategoryModel["constants"] = { ...models[0]!.constants };
      const random: CategoryModel["random"] = [];
      this.spec.fields.forEach((field, f) => {
        delete constants[field];
        const present = models.some((m, c) => counts[c]! > 0 && (m.random.some((r) => r.name === field) || (typeof m.constants[field] === "number" && (m.constants[field] as number) > 0)));
        if (!present) {
          constants[field] = 0;
          return;
        }
        const dist = this.spec.aggregates[f]!.sum(counts);
        random.push({
          name: field,
          spec: { dist: "uniform", min: 0, max: 1, scaled: this.spec.scaled[f]! }, // placeholder; quantile below
          quantile: (u: number) => dist.quantile(u),
        });
      });
      model = { name: `${models.map((m) => m.name).join("+")}|year ${counts.join(",")}`, constants, random };
    }
    t = new BenefitTable(this.scheme, model, this.person, this.date, total === 1 ? this.options : { ...this.options, points: Math.min(this.options.points ?? 256, MULTI_POINTS) });
    this.#tables[i] = t;
    return t;
  }
}

/** The episode profiles of a year and their probabilities given at least one episode. */
export interface ProfileMix {
  /** Profile indices (into YearlyTables.profiles) and their probabilities (sum 1). */
  index: number[];
  prob: Float64Array;
  count: number;
  /** P(at least one episode). */
  any: number;
  /** E[episodes | at least one]. */
  episodes: number;
}

export function newMix(): ProfileMix {
  return { index: [], prob: new Float64Array(64), count: 0, any: 0, episodes: 0 };
}

/**
 * Fills `mix` with the profiles of Poisson(λ_c) episode counts given ≥ 1 episode, dropping those
 * below PROFILE_FLOOR. C = 1 and C = 2 enumerate directly; more categories recurse.
 */
export function profileMix(tables: YearlyTables, lambdas: ArrayLike<number>, mix: ProfileMix, where: string): ProfileMix {
  const C = lambdas.length;
  let total = 0;
  for (let c = 0; c < C; c++) total += lambdas[c]!;
  mix.count = 0;
  mix.index.length = 0;
  mix.episodes = 0;
  if (!(total > 0)) {
    mix.any = 0;
    return mix;
  }
  const any = total < 1e-5 ? total * (1 - total / 2 + (total * total) / 6) : 1 - detExp(-total);
  mix.any = any;
  // log P(n_c) = n_c log λ_c − λ_c − log n_c!
  const logL = Array.from({ length: C }, (_, c) => (lambdas[c]! > 0 ? detLog(lambdas[c]!) : -Infinity));
  const counts = new Array<number>(C).fill(0);
  const rest = new Float64Array(C); // Σ_{c' > c} λ_c'
  for (let c = C - 2; c >= 0; c--) rest[c] = rest[c + 1]! + lambdas[c + 1]!;
  let kept = 0;
  let tailMass = 0;
  const visit = (c: number, left: number, logp: number): void => {
    if (c === C) {
      const n = MAX_EPISODES - left;
      if (n === 0) return;
      const p = detExp(logp - total) / any;
      if (p < PROFILE_FLOOR) return;
      if (mix.count === mix.prob.length) {
        const grown = new Float64Array(mix.prob.length * 2);
        grown.set(mix.prob);
        mix.prob = grown;
      }
      mix.prob[mix.count++] = p;
      mix.index.push(tables.profileIndex(counts));
      mix.episodes += n * p;
      kept += p;
      return;
    }
    let lp = logp;
    for (let k = 0; k <= left; k++) {
      if (k > 0) {
        if (lambdas[c]! <= 0) break;
        lp += logL[c]! - detLog(k);
      }
      // Stop once this category's terms are falling and no completion can reach the floor
      // (the later categories' factors λ^n/n! are at most e^{λ_rest}).
      if (k > lambdas[c]! && detExp(lp - total + rest[c]!) / any < PROFILE_FLOOR) break;
      counts[c] = k;
      visit(c + 1, left - k, lp);
    }
    counts[c] = 0;
  };
  visit(0, MAX_EPISODES, 0);
  tailMass = 1 - kept;
  if (tailMass > 1e-6) {
    throw new InputError(where, `claim rate too high for yearly aggregation: P(more than ${MAX_EPISODES} episodes a year) is not negligible (allowed: a yearly rate up to about 15 episodes per person; got ${total})`);
  }
  for (let i = 0; i < mix.count; i++) mix.prob[i]! /= kept;
  mix.episodes /= kept;
  return mix;
}

const NO_AMOUNTS = new Float64Array(0);

/** Mixture moments of the yearly payout given ≥ 1 episode, at severity scale s (`scratch`: moments by profile at s). */
export function mixMoments(tables: YearlyTables, mix: ProfileMix, s: number, scratch: Map<number, TablePoint>, out: { mu: number; positive: number; m2: number; m3: number }): void {
  let mu = 0;
  let positive = 0;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < mix.count; i++) {
    const idx = mix.index[i]!;
    let tp = scratch.get(idx);
    if (!tp) {
      // Moments only: no bins or side amounts to allocate.
      tp = tables.table(idx).moments(s, { mean: 0, positive: 0, m2: 0, m3: 0, bins: NO_AMOUNTS, side: NO_AMOUNTS });
      scratch.set(idx, tp);
    }
    const w = mix.prob[i]!;
    mu += w * tp.mean;
    positive += w * tp.positive;
    m2 += w * tp.m2;
    m3 += w * tp.m3;
  }
  out.mu = mu;
  out.positive = positive;
  out.m2 = m2;
  out.m3 = m3;
}

const yearlyCache = new WeakMap<object, YearlyTables>();
const fieldsCache = new Map<string, YearlyFields>();

/**
 * The yearly tables of a person's cell, kept with its per-episode table set (so the engine's
 * table cache keeps both). Null when the scheme declares no yearly fields.
 */
export function yearlyTablesFor(scheme: AnyScheme, set: object, models: CategoryModel[], person: unknown, date: string, options: BenefitTableOptions, at: string): YearlyTables | null {
  const fields = scheme.yearlyFields;
  if (!fields || fields.length === 0) return null;
  let t = yearlyCache.get(set);
  if (!t) {
    const key = JSON.stringify([scheme.id, fields, models.map((m) => [m.name, m.constants, m.random.map((r) => [r.name, r.spec])])]);
    let spec = fieldsCache.get(key);
    if (!spec) {
      if (fieldsCache.size >= 256) fieldsCache.clear();
      spec = new YearlyFields(models, fields, at);
      fieldsCache.set(key, spec);
    }
    t = new YearlyTables(scheme, spec, person, date, options);
    yearlyCache.set(set, t);
  }
  return t;
}

/** Midpoint quantiles of the gamma frailty (shape d, mean 1): nodes for E over the frailty. */
export function frailtyNodes(d: number, n = 16): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => gammaQuantile(d, (i + 0.5) / n) / d);
}

/** Conditional expectations of one enrollee's yearly payout given the parameters. */
export interface YearlyExpectation {
  /** E[Y], E[Y²], E_f[E[Y | f]²] (frailty f), P(paid at least once), P(≥ 1 episode). */
  ey: number;
  ey2: number;
  eyf2: number;
  paid: number;
  any: number;
}

/**
 * E over the frailty (nodes; [1] without) of the enrollee's yearly payout moments, for episode
 * rates λ_c (before frailty), at severity scale s.
 */
export function yearlyExpectation(tables: YearlyTables, lambdas: Float64Array, nodes: ArrayLike<number>, s: number, moments: Map<number, TablePoint>, mix: ProfileMix, scaled: Float64Array, where: string, out: YearlyExpectation): YearlyExpectation {
  const mm = { mu: 0, positive: 0, m2: 0, m3: 0 };
  out.ey = out.ey2 = out.eyf2 = out.paid = out.any = 0;
  const w = 1 / nodes.length;
  for (let i = 0; i < nodes.length; i++) {
    for (let c = 0; c < lambdas.length; c++) scaled[c] = lambdas[c]! * nodes[i]!;
    profileMix(tables, scaled.subarray(0, lambdas.length), mix, where);
    if (mix.any === 0) continue;
    mixMoments(tables, mix, s, moments, mm);
    const ey = mix.any * mm.mu;
    out.ey += w * ey;
    out.ey2 += w * mix.any * mm.m2;
    out.eyf2 += w * ey * ey;
    out.paid += w * mix.any * mm.positive;
    out.any += w * mix.any;
  }
  return out;
}
