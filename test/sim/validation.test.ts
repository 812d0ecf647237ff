import { describe, expect, it } from "vitest";
import { Stream } from "../../src/sim/rng.js";
import {
  beta,
  binomial,
  gamma,
  lognormal,
  multinomial,
  negativeBinomial,
  normal,
  pareto,
  poisson,
} from "../../src/sim/samplers.js";

const rng = Stream.derive(0);

describe("invalid parameters throw errors naming the parameter and its range", () => {
  const cases: Array<[string, () => unknown, string]> = [
    ["binomial p > 1", () => binomial(rng, 10, 1.2), "binomial: p must be in [0, 1], got 1.2"],
    ["binomial p < 0", () => binomial(rng, 10, -0.1), "binomial: p must be in [0, 1], got -0.1"],
    ["binomial p NaN", () => binomial(rng, 10, NaN), "binomial: p must be in [0, 1], got NaN"],
    ["binomial n < 0", () => binomial(rng, -1, 0.5), "binomial: n must be a non-negative integer, got -1"],
    ["binomial n fractional", () => binomial(rng, 2.5, 0.5), "binomial: n must be a non-negative integer, got 2.5"],
    ["binomial n NaN", () => binomial(rng, NaN, 0.5), "binomial: n must be a non-negative integer, got NaN"],
    ["binomial n infinite", () => binomial(rng, Infinity, 0.5), "binomial: n must be a non-negative integer, got Infinity"],
    ["poisson mean < 0", () => poisson(rng, -1), "poisson: mean must be a finite number ≥ 0, got -1"],
    ["poisson mean NaN", () => poisson(rng, NaN), "poisson: mean must be a finite number ≥ 0, got NaN"],
    ["poisson mean ∞", () => poisson(rng, Infinity), "poisson: mean must be a finite number ≥ 0, got Infinity"],
    ["gamma shape 0", () => gamma(rng, 0, 1), "gamma: shape must be a finite number > 0, got 0"],
    ["gamma shape NaN", () => gamma(rng, NaN, 1), "gamma: shape must be a finite number > 0, got NaN"],
    ["gamma scale < 0", () => gamma(rng, 1, -2), "gamma: scale must be a finite number > 0, got -2"],
    ["normal sd < 0", () => normal(rng, 0, -1), "normal: sd must be a finite number ≥ 0, got -1"],
    ["normal mean NaN", () => normal(rng, NaN, 1), "normal: mean must be a finite number, got NaN"],
    ["lognormal sigma NaN", () => lognormal(rng, 0, NaN), "lognormal: sigma must be a finite number ≥ 0, got NaN"],
    ["negativeBinomial r 0", () => negativeBinomial(rng, 0, 0.5), "negativeBinomial: r must be a finite number > 0, got 0"],
    ["negativeBinomial p 0", () => negativeBinomial(rng, 2, 0), "negativeBinomial: p must be in (0, 1], got 0"],
    ["beta a < 0", () => beta(rng, -1, 1), "beta: a must be a finite number > 0, got -1"],
    ["beta b 0", () => beta(rng, 1, 0), "beta: b must be a finite number > 0, got 0"],
    ["pareto xm 0", () => pareto(rng, 0, 2), "pareto: xm must be a finite number > 0, got 0"],
    ["pareto alpha NaN", () => pareto(rng, 1, NaN), "pareto: alpha must be a finite number > 0, got NaN"],
    ["multinomial n", () => multinomial(rng, -3, [1]), "multinomial: n must be a non-negative integer, got -3"],
    ["multinomial prob", () => multinomial(rng, 3, [0.5, 1.5]), "multinomial: probs[1] must be in [0, 1], got 1.5"],
    ["multinomial sum", () => multinomial(rng, 3, [0.5, 0.4]), "multinomial: sum of probs must be 1 (±1e-9), got 0.9"],
    ["multinomial empty", () => multinomial(rng, 3, []), "multinomial: probs must be a non-empty array, got []"],
    ["multinomial out", () => multinomial(rng, 3, [0.5, 0.5], new Float64Array(1)), "multinomial: out.length must be ≥ 2, got 1"],
  ];
  for (const [name, f, message] of cases) {
    it(name, () => {
      expect(f).toThrow(message);
    });
  }

  it("valid boundary values do not throw", () => {
    expect(() => binomial(rng, 0, 0)).not.toThrow();
    expect(() => binomial(rng, 2 ** 53 - 1, 1)).not.toThrow();
    expect(() => poisson(rng, 0)).not.toThrow();
    expect(() => negativeBinomial(rng, 0.1, 1)).not.toThrow();
    expect(() => multinomial(rng, 10, [0.1, 0.2, 0.7])).not.toThrow(); // sums to 0.9999999999999999
  });
});
