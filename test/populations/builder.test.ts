/**
 * Population builders refuse bad options with one-line messages naming the option, the allowed
 * values and the value given (src/populations/builder.ts); the registry names the known builders;
 * apportion refuses totals and shares it cannot split.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readFigures } from "../../src/figures/read-figures.js";
import { parseBuilderOptions } from "../../src/populations/builder.js";
import { buildPopulation, builderNames } from "../../src/populations/index.js";
import { ningboResidents } from "../../src/populations/ningbo-residents.js";
import { apportion } from "../../src/sim/cells.js";
import { messageOf } from "../helpers/input-error.js";

const figures = readFigures();


describe("builder options", () => {
  it.each<[string, unknown, string]>([
    ["a wrong type", { groups: "yes" }, 'scenario.population.options.groups: wrong type (allowed: true or false; got "yes")'],
    ["an unknown option", { group: true }, 'scenario.population.options: unknown field(s) "group" (allowed: groups)'],
    ["a __proto__ key", JSON.parse('{"__proto__": {"groups": false}}'), 'scenario.population.options: unknown field(s) "__proto__" (allowed: groups)'],
    ["not an object", 5, "scenario.population.options: wrong type (allowed: a JSON object; got 5)"],
  ])("%s", (_name, options, message) => {
    const m = messageOf(() => ningboResidents.build(options, figures));
    expect(m).toBe(message);
    expect(m).not.toMatch(/[\r\n]/);
  });

  it("a __proto__ key inside a record option is refused, not taken as a prototype", () => {
    const schema = z.strictObject({ weights: z.record(z.string(), z.number()).default({}) });
    expect(parseBuilderOptions(schema, { weights: { a: 1 } })).toEqual({ weights: { a: 1 } });
    expect(messageOf(() => parseBuilderOptions(schema, JSON.parse('{"weights": {"__proto__": {"a": 2}}}')))).toBe(
      'scenario.population.options.weights: "__proto__" is not allowed as a name (allowed: any other name; got "__proto__")',
    );
  });

  it("numbers out of a builder's range name the bound and the value", () => {
    expect(messageOf(() => buildPopulation("national-new-form-workers", { age: 10 }, figures))).toBe("scenario.population.options.age: out of range (allowed: ≥ 16; got 10)");
  });

  it("an unknown builder lists the known ones", () => {
    expect(messageOf(() => buildPopulation("constructor", {}, figures))).toBe(`scenario.population.builder: unknown population builder (allowed: ${builderNames().join(", ")}; got "constructor")`);
  });
});

describe("apportion", () => {
  it("splits exactly (largest remainder)", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
  it.each<[string, number, number[], string]>([
    ["a fractional total", 10.5, [1, 1], "population total: out of range (allowed: an integer from 0 to 2000000000; got 10.5)"],
    ["a negative share", 10, [1, -0.2], "population share 2 of 2: out of range (allowed: a finite number ≥ 0; got -0.2)"],
    ["a NaN share", 10, [Number.NaN, 1], "population share 1 of 2: out of range (allowed: a finite number ≥ 0; got NaN)"],
  ])("refuses %s", (_name, total, weights, message) => {
    expect(messageOf(() => apportion(total, weights))).toBe(message);
  });
});
