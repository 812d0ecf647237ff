/**
 * Scenario resolution with the population builders: src/sim/resolve.ts resolves figure references
 * and takes the builders from its caller (the engine does not import this folder); this module
 * passes the registry of src/populations/index.ts. Pure (figures are passed in): the command
 * line, the baseline runs behind the site and the tests resolve the same way.
 */
import type { Figure } from "../figures/figures.js";
import { resolveScenario as resolveWith } from "../sim/resolve.js";
import { buildPopulation } from "./index.js";

/** Resolves figure references and population builders; the result is a plain scenario object. */
export function resolveScenario(input: unknown, figures: readonly Figure[]): unknown {
  return resolveWith(input, figures, buildPopulation);
}
