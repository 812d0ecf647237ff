/**
 * Held-out checks (issue 13, "validation that was not used to fit"): a published figure is
 * removed from a scenario's calibration targets, the posterior is computed from the others
 * (./posterior.ts, same SMC), and the figure is then predicted at every posterior draw. The
 * check passes when the figure lies in the 90 % posterior predictive interval: the 5–95 %
 * interval of the model's expectation over the draws, widened on each side by the 90 %
 * half-width its own observation model allows (./observation.ts allowedHalfWidth) — the noise a
 * published figure carries on top of the expectation (a conservative union of the two 90 %
 * intervals, not a convolution).
 *
 * A figure that was never a target (a cost anchor read from another city or year, issue 13) is
 * checked the same way against the scenario's own posterior — fitted to all its targets, so the
 * stored posterior (simulations/posteriors/<id>.arrow) serves as is: heldOutExternal.
 */
import { InputError } from "../../rules/input-error.js";
import type { Calibration, ResolvedOption, Scenario } from "../scenario.js";
import { allowedHalfWidth, observationOf, observationText } from "./observation.js";
import { fieldQuantile } from "../claims.js";
import { compile, value } from "../plan.js";
import { mixCategories } from "../scenario.js";
import { freeAssumptions, posterior, quantile, targetModel, type Interval, type PosteriorOptions, type TargetSummary } from "./posterior.js";

/** A held-out target (`index`: its place in the scenario's calibration.targets) and its check. */
export interface HeldOutCheck extends Pick<TargetSummary, "index" | "figure" | "option" | "year" | "metric" | "published" | "observation"> {
  scenario: string;
  /** True when the figure is not one of the scenario's targets (index: its place after them). */
  external?: boolean;
  /** Why it is held out rather than fitted (shown on the calibration page, both languages). */
  reason?: { zh: string; en: string };
  /** The figures the posterior was fitted to (the other targets). */
  fittedOn: string[];
  /** The held-out figure's expectation over the posterior of the other figures. */
  expectation: Interval;
  /** 90 % predictive interval: expectation 5–95 % widened by the observation's allowed half-width. */
  predictive: { lo: number; hi: number };
  pass: boolean;
  particles: number;
  seed: number;
  ess: number;
}

export function heldOutCheck(scenario: Scenario, options: ResolvedOption[], index: number, opts: PosteriorOptions = {}): HeldOutCheck {
  const targets = scenario.calibration?.targets ?? [];
  if (!(Number.isInteger(index) && index >= 0 && index < targets.length)) {
    throw new InputError("--hold-out", `no such target (allowed: an index from 0 to ${targets.length - 1}; got ${index})`);
  }
  if (targets.length < 2) throw new InputError("--hold-out", "the scenario has one target, so nothing is left to fit (allowed: a scenario with at least two targets)");
  const held = targets[index]!;
  const rest = targets.filter((_, i) => i !== index);
  const fitted: Scenario = { ...scenario, calibration: { ...scenario.calibration!, targets: rest } };
  const post = posterior(fitted, options, opts);
  const model = targetModel(scenario, options);
  const m = Float64Array.from(post.draws, (d) => model(d)[index]!).sort();
  const expectation = { q05: quantile(m, 0.05), q50: quantile(m, 0.5), q95: quantile(m, 0.95) };
  const obs = observationOf(held);
  const a = allowedHalfWidth(obs, held.value) * Math.abs(held.value);
  const predictive = obs.model === "ceiling" ? { lo: -Infinity, hi: held.value + a } : obs.model === "floor" ? { lo: held.value - a, hi: Infinity } : { lo: expectation.q05 - a, hi: expectation.q95 + a };
  const pass = obs.model === "ceiling" ? expectation.q05 <= predictive.hi : obs.model === "floor" ? expectation.q95 >= predictive.lo : predictive.lo <= held.value && held.value <= predictive.hi;
  return {
    scenario: scenario.id,
    index,
    figure: held.figure,
    option: held.option,
    year: held.year,
    metric: held.metric,
    published: held.value,
    observation: observationText(obs),
    fittedOn: rest.map((t) => t.figure),
    expectation,
    predictive,
    pass,
    particles: post.particles,
    seed: post.seed,
    ess: post.ess,
  };
}

type Target = Calibration["targets"][number];

/** The 90 % predictive interval of a figure from its expectations over posterior draws, and the check. */
function predict(target: Target, m: Float64Array): Pick<HeldOutCheck, "expectation" | "predictive" | "pass" | "observation"> {
  m.sort();
  const expectation = { q05: quantile(m, 0.05), q50: quantile(m, 0.5), q95: quantile(m, 0.95) };
  const obs = observationOf(target);
  const a = allowedHalfWidth(obs, target.value) * Math.abs(target.value);
  const predictive = obs.model === "ceiling" ? { lo: -Infinity, hi: target.value + a } : obs.model === "floor" ? { lo: target.value - a, hi: Infinity } : { lo: expectation.q05 - a, hi: expectation.q95 + a };
  const pass = obs.model === "ceiling" ? expectation.q05 <= predictive.hi : obs.model === "floor" ? expectation.q95 >= predictive.lo : predictive.lo <= target.value && target.value <= predictive.hi;
  return { expectation, predictive, pass, observation: observationText(obs) };
}

/**
 * Checks a figure that is not among the scenario's targets against posterior draws of the
 * scenario (fitted to all its targets): the figure's expectation at every draw, widened by its
 * observation model as above. `draws` are the free assumptions' values in the scenario's order.
 */
export function heldOutExternal(scenario: Scenario, options: ResolvedOption[], target: Target, post: { draws: number[][]; particles: number; seed: number; ess: number }, reason?: { zh: string; en: string }): HeldOutCheck {
  const targets = scenario.calibration?.targets ?? [];
  if (targets.some((t) => t.figure === target.figure && t.option === target.option && t.metric === target.metric && t.year === target.year)) {
    throw new InputError("heldOut.target", `${target.figure} is already a target of ${scenario.id} (allowed: a figure the posterior was not fitted to; hold a target out by its index)`);
  }
  if (post.draws.length === 0) throw new InputError("heldOut.draws", "no posterior draws (allowed: a posterior with at least one draw)");
  const index = targets.length;
  const extended: Scenario = { ...scenario, calibration: { targets: [...targets, target], fit: scenario.calibration?.fit ?? [] } };
  const model = targetModel(extended, options);
  const m = Float64Array.from(post.draws, (d) => model(d)[index]!);
  return {
    scenario: scenario.id,
    index,
    external: true,
    ...(reason ? { reason } : {}),
    figure: target.figure,
    option: target.option,
    year: target.year,
    metric: target.metric,
    published: target.value,
    fittedOn: targets.map((t) => t.figure),
    ...predict(target, m),
    particles: post.particles,
    seed: post.seed,
    ess: post.ess,
  };
}

/**
 * The largest single payout as a held-out check (issue 12: Jiangshan's 最高获赠 49.9 万 must be
 * plausible under the severity tail). In a cell of n enrollees with λ claims per person-year, the
 * engine draws K ~ Poisson(n λ) claims, each in category k with weight w_k and paid by the rules on
 * a covered cost X_k · s. The claims paying at least x are then Poisson(n λ Σ_k w_k S_k(x)) with
 * S_k(x) = P(payout(X_k · s) ≥ x), so over the cells
 *   P(max payout ≥ x | θ) = 1 − exp(−Λ(θ)),  Λ(θ) = Σ_cells n λ Σ_k w_k S_k(x)
 * (the closed form 1 − E[F(x)^K] for a Poisson K), and the posterior predictive probability is
 * its mean over the posterior draws; the published largest payout is plausible when it lies in
 * the predictive 5–95 % range of the largest payout (both tails ≥ 5 %). The payout is monotone in the covered cost, so S_k is the
 * tail of X_k above the smallest cost the rules pay x for (bisection on the scheme's benefit).
 * With yearly limits (天一甬宁保) a person's year is paid once on the sum of its episodes, which pays
 * at least its largest episode: the probability here is then a lower bound (one large episode).
 */
export interface MaxPayoutCheck {
  scenario: string;
  option: string;
  figure: string;
  published: number;
  /** Posterior predictive P(largest payout ≥ published), and the same under the prior point values. */
  probability: number;
  atPointValues: number;
  /** Expected number of claims paying ≥ published, 5/50/95 % over the posterior draws. */
  expectedAbove: Interval;
  /** Plausible when the published largest payout lies inside the predictive 5–95 % range of the
   *  largest payout: P(max ≥ published) ≥ threshold and P(max < published) ≥ threshold. */
  threshold: number;
  pass: boolean;
  lowerBound: boolean;
  draws: number;
}

/** Smallest covered amount the rules pay ≥ x for (Infinity when even `hi` is paid less). */
function costPaying(pay: (v: number) => number, x: number, hi = 1e10): number {
  if (pay(hi) < x) return Infinity;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (pay(mid) >= x) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** P(X ≥ c) of a field's distribution, by bisection on its quantile function. */
function tailAbove(spec: Parameters<typeof fieldQuantile>[0], c: number): number {
  if (!(c < Infinity)) return 0;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (fieldQuantile(spec, mid) >= c) hi = mid;
    else lo = mid;
  }
  return 1 - (lo + hi) / 2;
}

/**
 * Λ(θ) of the header for option `optionId` in its first year: the expected number of claims paying
 * at least x. `theta` are the free assumptions in the scenario's order (freeAssumptions).
 */
export function expectedClaimsAbove(scenario: Scenario, options: ResolvedOption[], optionId: string, x: number): (theta: ArrayLike<number>) => number {
  if (!(x > 0 && x < Infinity)) throw new InputError("maxPayout.value", `out of range (allowed: an amount > 0; got ${x})`);
  const resolved = options.find((o) => o.option.id === optionId);
  if (!resolved) throw new InputError("maxPayout.option", `no option "${optionId}" (allowed: ${options.map((o) => o.option.id).join(", ")})`);
  const t = resolved.option.takeup;
  if (t.model !== "probability") throw new InputError("maxPayout.option", `take-up model "${t.model}" (allowed: an option with a take-up probability)`);
  const plan = compile(scenario, [resolved], "fast");
  const po = plan.options[0]!;
  if (po.dispersion) throw new InputError("maxPayout.option", "claims with a gamma frailty (allowed: Poisson claim counts, no dispersion)");
  if (po.purchases) throw new InputError("maxPayout.option", "repeat purchases (allowed: one purchase a year)");
  const free = freeAssumptions(scenario);
  const theta = new Float64Array(plan.assumptionNames.length);
  plan.assumptionNames.forEach((n, i) => (theta[i] = scenario.assumptions[n]!.value));
  const freeIndex = free.map((f) => plan.assumptionNames.indexOf(f.name));
  const date = po.dates[0]!;
  // Per cell and category, the smallest covered amount paying ≥ x (θ-free: the rules are fixed).
  const thresholds = po.cells.map((pc) =>
    pc.years[0]!.group.tables.map((table, k) => {
      const random = table.model.random;
      if (random.length !== 1) throw new InputError(`scenario.options.${optionId}.claims.categories[${k}]`, `${random.length} random claim fields (allowed: exactly one)`);
      const field = random[0]!.name;
      return costPaying((v) => po.scheme.benefit({ ...table.template, [field]: v }, pc.person, date).payout, x);
    }),
  );
  const values = new Float64Array(po.categories.length);
  const weights = new Float64Array(po.categories.length);
  return (th) => {
    freeIndex.forEach((i, k) => (theta[i] = th[k]!));
    for (let c = 0; c < values.length; c++) values[c] = value(po.weights[c]!, theta);
    const mix = mixCategories(po.kinds, values, weights);
    if (typeof mix === "string") throw new InputError(`scenario.options.${optionId}.claims.categories`, mix);
    const baseFreq = value(po.frequency, theta) * mix;
    let total = 0;
    po.cells.forEach((pc, ci) => {
      const cy = pc.years[0]!;
      if (!cy.eligible) return;
      let p = value(pc.takeupBase, theta);
      for (const n of pc.takeupOffsets) p = value(n, theta);
      let lambda = baseFreq * pc.cell.frequency;
      for (const n of pc.frequencyBy) lambda *= value(n, theta);
      const g = cy.group;
      let s = value(po.scale, theta) * g.severity;
      for (const n of g.severityBy) s *= value(n, theta);
      let tail = 0;
      g.tables.forEach((table, k) => {
        const r = table.model.random[0]!;
        tail += weights[k]! * tailAbove(r.spec, thresholds[ci]![k]! / (r.spec.scaled ? s : 1));
      });
      total += pc.cell.count * p * lambda * tail;
    });
    return total;
  };
}

/** The largest-payout check over posterior draws (free assumptions in the scenario's order). */
export function maxPayoutCheck(scenario: Scenario, options: ResolvedOption[], optionId: string, figure: string, x: number, draws: number[][], threshold = 0.05): MaxPayoutCheck {
  if (draws.length === 0) throw new InputError("maxPayout.draws", "no posterior draws (allowed: a posterior with at least one draw)");
  if (!(threshold > 0 && threshold < 1)) throw new InputError("maxPayout.threshold", `out of range (allowed: a probability in (0, 1); got ${threshold})`);
  const lambdaOf = expectedClaimsAbove(scenario, options, optionId, x);
  const lam = Float64Array.from(draws, (d) => lambdaOf(d));
  const probability = lam.reduce((a, l) => a + (1 - Math.exp(-l)), 0) / lam.length;
  const atPoint = lambdaOf(freeAssumptions(scenario).map((f) => scenario.assumptions[f.name]!.value));
  lam.sort();
  const yearly = (options.find((o) => o.option.id === optionId)!.scheme as { yearlyFields?: readonly string[] }).yearlyFields;
  return {
    scenario: scenario.id,
    option: optionId,
    figure,
    published: x,
    probability,
    atPointValues: 1 - Math.exp(-atPoint),
    expectedAbove: { q05: quantile(lam, 0.05), q50: quantile(lam, 0.5), q95: quantile(lam, 0.95) },
    threshold,
    pass: probability >= threshold && 1 - probability >= threshold,
    lowerBound: (yearly?.length ?? 0) > 0,
    draws: draws.length,
  };
}
