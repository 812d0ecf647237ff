/**
 * Layering (issue 11): the engine's resolution (src/sim/resolve.ts) takes the population builders
 * from its caller; src/populations/resolve.ts passes the registry. Without builders, a builder
 * population is refused with a pointer; with them, it is built; and src/populations/scenario-file.ts
 * resolves a file's text the way the command line and the baseline runs do.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario as resolveWithBuilders } from "../../src/populations/resolve.js";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { resolveScenario } from "../../src/sim/resolve.js";
import { messageOf } from "../helpers/input-error.js";

const figures = readFigures();
const jiangshan = readFileSync(new URL("../../simulations/scenarios/jiangshan-80plus.json", import.meta.url), "utf-8");

describe("population builders come from the caller", () => {
  it("the engine alone refuses a builder population, naming where builders are passed", () => {
    expect(messageOf(() => resolveScenario(JSON.parse(jiangshan), figures))).toMatch(/^scenario\.population\.builder: no population builders given to resolve "jiangshan-elders" \(resolve with src\/populations\/resolve\.ts/);
  });
  it("a build function passed in is called with the builder's name, options and the figures", () => {
    const calls: unknown[] = [];
    const out = resolveScenario({ population: { builder: "mine", options: { k: 1 } } }, figures, (name, options, f) => {
      calls.push([name, options, f === figures]);
      return { cells: [] };
    }) as { population: unknown };
    expect(calls).toEqual([["mine", { k: 1 }, true]]);
    expect(out.population).toEqual({ cells: [] });
  });
  it("src/populations/resolve.ts builds with the registry; the file resolver gives the same scenario", () => {
    const resolved = resolveWithBuilders(JSON.parse(jiangshan), figures) as { population: { cells?: unknown[]; grid?: unknown } };
    expect(resolved.population.cells ?? resolved.population.grid).toBeDefined();
    expect(JSON.parse(resolveScenarioText(`\uFEFF${jiangshan}`, "jiangshan-80plus.json"))).toEqual(resolved);
  });
});
