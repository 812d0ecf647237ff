/**
 * The registry of population builders: each turns sourced figures (and its options) into
 * population cells (or a grid) for a scenario. One builder per file, named for the population.
 */
import type { Figure } from "../figures/figures.js";
import { InputError } from "../rules/input-error.js";
import type { PopulationBuilder } from "./builder.js";
import { guangdongSpecialPersons } from "./guangdong-special-persons.js";
import { jiangshanElders } from "./jiangshan-elders.js";
import { nationalNewFormWorkers } from "./national-new-form-workers.js";
import { ningboResidents } from "./ningbo-residents.js";
import { ningboFlexibleWorkers } from "./ningbo-flexible-workers.js";
import { ningboUnionMembers } from "./ningbo-union-members.js";
import { urumqiEmployers } from "./urumqi-employers.js";

export type { PopulationBuilder } from "./builder.js";

export const builders: readonly PopulationBuilder[] = [jiangshanElders, ningboResidents, ningboUnionMembers, ningboFlexibleWorkers, nationalNewFormWorkers, guangdongSpecialPersons, urumqiEmployers];

export function builderNames(): string[] {
  return builders.map((b) => b.name).sort();
}

export function buildPopulation(name: string, options: unknown, figures: readonly Figure[]): unknown {
  const builder = builders.find((b) => b.name === name);
  if (!builder) throw new InputError("scenario.population.builder", `unknown population builder (allowed: ${builderNames().join(", ")}; got ${JSON.stringify(name)})`);
  return builder.build(options, figures);
}
