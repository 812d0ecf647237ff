/**
 * Held-out checks (issue 13, "validation that was not used to fit"): a published figure is
 * removed from a scenario's calibration targets, the posterior is computed from the others
 * (./posterior.ts, same SMC), and the figure is then predicted at every posterior draw. The
 * check passes when the figure lies in the 90 % posterior predictive interval: the 5–95 %
 * interval of the model's expectation over the draws, widened on each side by the 90 %
 * half-width its own observation model allows (./observation.ts allowedHalfWidth) — the noise a
 * published figure carries on top of the expectation (a conservative union of the two 90 %
 * intervals, not a convolution).
 */
import { InputError } from "../../rules/input-error.js";
import type { ResolvedOption, Scenario } from "../scenario.js";
import { allowedHalfWidth, observationOf, observationText } from "./observation.js";
import { posterior, quantile, targetModel, type Interval, type PosteriorOptions, type TargetSummary } from "./posterior.js";

/** A held-out target (`index`: its place in the scenario's calibration.targets) and its check. */
export interface HeldOutCheck extends Pick<TargetSummary, "index" | "figure" | "option" | "year" | "metric" | "published" | "observation"> {
  scenario: string;
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
