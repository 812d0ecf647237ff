/**
 * A cell's claims and the benefits the scheme pays them, for one replicate and year, in each mode:
 *  - fast:   the total of K claims from a translated gamma matching its mean, variance and
 *            skewness (moments of the group's benefit tables at this replicate's scale); the
 *            exact binned sum below 32 claims;
 *  - exact:  K claims split over categories and payout bins by conditional binomials (one by
 *            one when few);
 *  - person: every enrollee's claims drawn and each paid by the scheme's rules (the test oracle);
 *  - yearly limits (src/sim/yearly.ts): a person's episodes of the year summed and paid once.
 * Also the analytic conditional mean and variance of the cell's benefits given the parameters,
 * and the claims' side amounts (cash in the policy year, employer/platform cost: claims.ts): in
 * person mode each claim's own; in the aggregate modes the cash is the drawn benefits × the
 * group's mean cash / mean payout (exactly the benefits when no claim pays a periodic stream) and
 * each payer's cost is the claims × its mean cost per claim — equal in expectation, no draw used.
 */
import type { AnyScheme } from "../rules/index.js";
import { addSide, BenefitTable, buildClaim, samplePayout, SIDE_SLOTS, type BinSpan, type TablePoint } from "./claims.js";
import { detExp, detLog, detLog1p } from "./detmath.js";
import type { CellBooking, ReplicateRow } from "./ledger.js";
import { value, type Group, type Mode, type PlanCell, type PlanOption } from "./plan.js";
import type { Rng } from "./rng.js";
import { binomial, gamma, poisson, standardNormal } from "./samplers.js";
import { frailtyNodes, mixMoments, newMix, profileMix, yearlyExpectation, type YearlyExpectation } from "./yearly.js";

/**
 * One cell's draws in one replicate and year: one record, reused cell after cell, so the steps
 * pass no loose numbers (each would be boxed on the heap). The functions below read the rates and
 * the enrolment and write the claims and benefits.
 */
export interface CellDraw extends CellBooking {
  /** Claims per enrolled person-year (λ) and the cell's drawn frailty multiplier (1: none). */
  lambda: number;
  frailty: number;
  /** Shape of the option's gamma frailty (0: none, Poisson counts). */
  dispersion: number;
  /** Var[enrolled | parameters]. */
  variance: number;
}

export function newCellDraw(): CellDraw {
  return { lambda: 0, frailty: 1, dispersion: 0, enrolled: 0, expected: 0, variance: 0, claims: 0, benefits: 0, side: new Float64Array(SIDE_SLOTS) };
}

/** Claims and benefits of a cell with yearly limits: the year's payout is paid at once (cash =
 *  benefits); the medical schemes with yearly limits have no employer/platform lines. */
function setClaims(out: CellDraw, claims: number, benefits: number): void {
  out.claims = claims;
  out.benefits = benefits;
  out.side.fill(0);
  out.side[0] = benefits;
}

/** No claims drawn (RunOptions.expectationsOnly): the realised claims, benefits and side amounts are 0. */
export function noClaims(out: CellDraw): void {
  out.claims = 0;
  out.benefits = 0;
  out.side.fill(0);
}

/**
 * The aggregate modes' side amounts of `claims` claims totalling `benefits` (see the header). The
 * group's mean side amounts are mixed on first use at each scale (only groups with claims pay for it).
 */
function groupSide(g: Group): Float64Array {
  if (g.sideStamp !== g.stamp) {
    g.side.fill(0);
    const weights = g.weights!;
    for (let c = 0; c < weights.length; c++) g.tables[c]!.addSideAtLog(g.logS, weights[c]!, g.side);
    g.sideStamp = g.stamp;
  }
  return g.side;
}

function setSide(out: CellDraw, g: Group, claims: number, benefits: number): void {
  groupSide(g);
  const side = out.side;
  side[0] = g.mu > 0 ? benefits * (g.side[0]! / g.mu) : 0;
  for (let j = 1; j < SIDE_SLOTS; j++) side[j] = claims * g.side[j]!;
}

/** The frailty nodes without a frailty (E over one node, f = 1). */
const ONE_NODE = [1];

/** Group scale stamps (Group.stamp), never reused: a plan's groups outlive one runPlan call. */
let scaleStamp = 0;

/**
 * Sets a group's severity scale for this replicate (the option's scale × the cell's severity ×
 * θ-dependent level multipliers) and, unless its limits are yearly, the per-claim payout moments
 * mixed over categories with weights `catWeights`.
 */
export function scaleGroup(g: Group, baseScale: number, catWeights: Float64Array, theta: Float64Array): void {
  let s = baseScale * g.severity;
  for (const n of g.severityBy) s *= value(n, theta);
  g.s = s;
  g.stamp = ++scaleStamp;
  if (g.yearly) {
    // Yearly limits: moments are mixed per cell (they depend on its episode rates).
    g.yearlyMoments.clear();
    g.yearlyBins.clear();
    g.yearlyExpectations.clear();
    return;
  }
  let mu = 0;
  let positive = 0;
  let m2 = 0;
  let m3 = 0;
  const logS = detLog(s);
  g.logS = logS;
  g.weights = catWeights;
  for (let c = 0; c < catWeights.length; c++) {
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

/**
 * Fast and exact modes: K ~ Poisson(enrolled · λ · frailty) claims, their total binned (exact
 * mode, or fewer than 32 claims) or moment-matched (fast mode).
 */
export function aggregateClaims(rng: Rng, mode: Mode, g: Group, catWeights: Float64Array, out: CellDraw): void {
  const { enrolled, lambda } = out;
  const claims = enrolled > 0 && lambda > 0 ? poisson(rng, enrolled * lambda * out.frailty) : 0;
  let benefits = 0;
  if (claims > 0) {
    if (mode === "exact" || claims < FAST_EXACT_BELOW) {
      benefits = binnedTotal(rng, claims, catWeights, g);
    } else {
      const mu = g.mu;
      const variance = claims * (g.m2 - mu * mu);
      const third = claims * (g.m3 - 3 * mu * g.m2 + 2 * mu * mu * mu);
      benefits = translatedGamma(rng, claims * mu, variance, third);
    }
  }
  out.claims = claims;
  out.benefits = benefits;
  if (claims > 0) setSide(out, g, claims, benefits);
  else for (let j = 0; j < SIDE_SLOTS; j++) out.side[j] = 0;
}

/** Person mode: each enrollee's claims ~ Poisson(λ · frailty), each in a category drawn by its weight and paid by the rules. */
export function personClaims(rng: Rng, scheme: AnyScheme, g: Group, pc: PlanCell, date: string, catWeights: Float64Array, scratch: Float64Array, out: CellDraw): void {
  const { enrolled, lambda, frailty } = out;
  const nCat = catWeights.length;
  let claims = 0;
  let benefits = 0;
  out.side.fill(0);
  for (let i = 0; i < enrolled; i++) {
    const kk = poisson(rng, lambda * frailty);
    for (let j = 0; j < kk; j++) {
      let u = rng.uniform();
      let c = 0;
      while (c < nCat - 1 && u >= catWeights[c]!) u -= catWeights[c++]!;
      const table = g.tables[c]!;
      benefits += samplePayout(rng, scheme, table.model, table.template, pc.person, date, g.s, scratch, out.side);
    }
    claims += kk;
  }
  out.claims = claims;
  out.benefits = benefits;
}

/**
 * Books the conditional mean and variance of a cell's benefits given the parameter draw (and,
 * after year 1, last year's enrolment): claims per person-year λ, E and Var of the enrolled, and
 * the gamma frailty's shape `dispersion` (0: none); claimants are persons with a paid claim.
 */
export function bookClaimExpectations(row: ReplicateRow, g: Group, cell: CellDraw): void {
  const { lambda, dispersion, expected: expectedEnrolled, variance: enrolledVar } = cell;
  const eK = expectedEnrolled * lambda;
  const varK = eK + lambda * lambda * enrolledVar + (dispersion > 0 ? (eK * eK) / dispersion : 0);
  if (expectedEnrolled > 0) {
    // P(at least one paid claim): paid claims are Poisson(λ·P(payout > 0)), or negative
    // binomial through the gamma frailty.
    const paid = lambda * g.positive;
    const pClaim = dispersion > 0 ? 1 - detExp(-dispersion * detLog1p(paid / dispersion)) : 1 - detExp(-paid);
    row.expectedClaimants += expectedEnrolled * pClaim;
  }
  row.expectedBenefits += eK * g.mu;
  // E[cash in the policy year | parameters]: the claims × the group's mean cash per claim (setSide).
  if (eK > 0) row.expectedCashBenefits += eK * groupSide(g)[0]!;
  row.processVarBenefits += eK * (g.m2 - g.mu * g.mu) + varK * g.mu * g.mu;
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

/** Below this many claims in a cell, fast mode sums binned payouts instead of moment-matching. */
const FAST_EXACT_BELOW = 32;

/** Below this many claims, a category's claims are placed in bins one by one (inversion). */
const PLACE_ONE_BY_ONE = 12;

/** What a binned total reads: per category, its table and its bins (see BenefitTable.binSpan). */
interface BinnedSource {
  tables: BenefitTable[];
  span: BinSpan;
  /** A group's lazily located spans: located at scale s (log s) when binStamps[c] !== stamp. */
  binStamps?: Float64Array;
  stamp?: number;
  s?: number;
  logS?: number;
}

/**
 * Sum of K claims split into categories and payout bins (the exact-mode total). A group's bins
 * are located at its scale on first use in each category (binStamps); other callers pass spans
 * already set.
 */
function binnedTotal(rng: Rng, k: number, weights: Float64Array, src: BinnedSource): number {
  let total = 0;
  let left = k;
  let mass = 1;
  const n = src.tables.length;
  for (let c = 0; c < n && left > 0; c++) {
    const w = weights[c]!;
    const nc = c === n - 1 ? left : w <= 0 ? 0 : binomial(rng, left, Math.min(1, w / mass));
    left -= nc;
    mass -= w;
    if (nc === 0) continue;
    const table = src.tables[c]!;
    const stamps = src.binStamps;
    if (stamps && stamps[c] !== src.stamp) {
      table.binSpan(src.s!, src.logS!, src.span, c);
      stamps[c] = src.stamp!;
    }
    // Bin j's mean payout at the scale: lo[j] + wc·(hi[j] − lo[j]), read only where claims fall.
    const lo = src.span.lo[c]!;
    const hi = src.span.hi[c]!;
    const wc = src.span.w[c]!;
    const B = lo.length;
    if (nc < PLACE_ONE_BY_ONE) {
      // Few claims: draw each claim's bin from the cumulative bin probabilities.
      const upper = table.binUpper;
      for (let i = 0; i < nc; i++) {
        const u = rng.uniform();
        let a = 0;
        let b = B - 1;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (u < upper[mid]!) b = mid;
          else a = mid + 1;
        }
        total += lo[a]! + wc * (hi[a]! - lo[a]!);
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
      total += nj * (lo[j]! + wc * (hi[j]! - lo[j]!));
    }
  }
  return total;
}

export interface YearlyScratch {
  lambdas: Float64Array;
  scaled: Float64Array;
  mix: ReturnType<typeof newMix>;
  expectation: YearlyExpectation;
  moments: { mu: number; positive: number; m2: number; m3: number };
  nodes: Map<number, Float64Array>;
  sums: Float64Array;
}

export function newYearlyScratch(): YearlyScratch {
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
 * Writes K into `out` as the cell's claims (a yearly claim is a person-year with an episode);
 * mode null: expectations only, no claims drawn (K = 0).
 */
export function yearlyCellYear(po: PlanOption, g: Group, pc: PlanCell, catWeights: Float64Array, mode: Mode | null, rng: Rng, date: string, row: ReplicateRow, sc: YearlyScratch, out: CellDraw): void {
  const { lambda, dispersion, frailty, enrolled, expected: expectedEnrolled, variance: enrolledVar } = out;
  const yt = g.yearly!;
  const nCat = catWeights.length;
  if (sc.lambdas.length < nCat) {
    sc.lambdas = new Float64Array(nCat);
    sc.scaled = new Float64Array(nCat);
  }
  const lambdas = sc.lambdas.subarray(0, nCat);
  for (let c = 0; c < nCat; c++) lambdas[c] = lambda * catWeights[c]!;
  const where = () => `scenario.options.${po.option.id}.claims (cell "${pc.cell.id}")`;
  // Cells of a group with the same rate share the expectation (a pure function of the rates, the
  // frailty and the group's scale, which is fixed until the next scaleGroup clears the memo).
  let e = g.yearlyExpectations.get(lambda);
  if (!e || e.dispersion !== dispersion) {
    let nodes = dispersion > 0 ? sc.nodes.get(dispersion) : undefined;
    if (dispersion > 0 && !nodes) {
      nodes = frailtyNodes(dispersion);
      if (sc.nodes.size > 64) sc.nodes.clear();
      sc.nodes.set(dispersion, nodes);
    }
    const r = yearlyExpectation(yt, lambdas, nodes ?? ONE_NODE, g.s, g.yearlyMoments, sc.mix, sc.scaled, where(), sc.expectation);
    e = { ey: r.ey, ey2: r.ey2, eyf2: r.eyf2, paid: r.paid, any: r.any, dispersion };
    g.yearlyExpectations.set(lambda, e);
  }
  // Conditional mean and variance of the cell's benefits: Σ_i Y_i over the enrolled, given the
  // parameters (and the frailty's spread across the cell when there is one).
  row.expectedClaimants += expectedEnrolled * e.paid;
  row.expectedBenefits += expectedEnrolled * e.ey;
  row.expectedCashBenefits += expectedEnrolled * e.ey; // yearly limits: paid at once (setClaims)
  row.processVarBenefits += expectedEnrolled * (e.ey2 - e.eyf2) + (enrolledVar + expectedEnrolled * expectedEnrolled) * e.eyf2 - expectedEnrolled * expectedEnrolled * e.ey * e.ey;
  if (mode === null || enrolled === 0 || !(lambda > 0)) return setClaims(out, 0, 0);
  if (mode === "person") return yearlyPersonClaims(po, g, pc, lambdas, frailty, enrolled, rng, date, sc, out);
  // The drawn frailty's profile mix (the expectation's mix was over the frailty nodes).
  const lam = sc.scaled.subarray(0, nCat);
  for (let c = 0; c < nCat; c++) lam[c] = lambdas[c]! * frailty;
  yearlyAggregateClaims(g, profileMix(yt, lam, sc.mix, where()), enrolled, mode, rng, sc, out);
}

/** Person mode under yearly limits: each enrollee's episodes by category, their amounts summed, the year paid once by the rules. */
function yearlyPersonClaims(po: PlanOption, g: Group, pc: PlanCell, lambdas: Float64Array, frailty: number, enrolled: number, rng: Rng, date: string, sc: YearlyScratch, out: CellDraw): void {
  const fields = g.yearly!.spec.fields;
  if (sc.sums.length < fields.length) sc.sums = new Float64Array(fields.length);
  const us = new Float64Array(16);
  const sides = new Float64Array(SIDE_SLOTS);
  let claims = 0;
  let benefits = 0;
  for (let i = 0; i < enrolled; i++) {
    let episodes = 0;
    sc.sums.fill(0);
    let base: Record<string, unknown> | null = null;
    for (let c = 0; c < lambdas.length; c++) {
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
    const benefit = po.scheme.benefit(year, pc.person, date);
    benefits += benefit.payout;
    addSide(benefit, sides);
  }
  out.claims = claims;
  out.benefits = benefits;
  out.side.set(sides);
}

/**
 * Fast and exact modes under yearly limits: K ~ Binomial(enrolled, P(any episode)) persons with a
 * claim year, their total binned over the episode profiles of `mix` (exact mode, or fewer than 32)
 * or moment-matched (fast mode).
 */
function yearlyAggregateClaims(g: Group, mix: ReturnType<typeof profileMix>, enrolled: number, mode: Mode, rng: Rng, sc: YearlyScratch, out: CellDraw): void {
  const yt = g.yearly!;
  const claims = binomial(rng, enrolled, mix.any);
  if (claims === 0) return setClaims(out, 0, 0);
  let benefits: number;
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
    const bins = points.map((p) => p.bins);
    benefits = binnedTotal(rng, claims, mix.prob.subarray(0, mix.count), { tables, span: { lo: bins, hi: bins, w: new Float64Array(bins.length) } });
  } else {
    const m = sc.moments;
    mixMoments(yt, mix, g.s, g.yearlyMoments, m);
    const variance = claims * (m.m2 - m.mu * m.mu);
    const third = claims * (m.m3 - 3 * m.mu * m.m2 + 2 * m.mu * m.mu * m.mu);
    benefits = translatedGamma(rng, claims * m.mu, variance, third);
  }
  setClaims(out, claims, benefits);
}
