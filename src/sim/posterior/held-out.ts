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
import { posterior, quantile, targetModel, type Interval, type PosteriorOptions, type TargetSummary } from "./posterior.js";

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
