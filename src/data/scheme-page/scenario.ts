/**
 * A scheme's own scenario: `src/schemes/<id>/scenario.json`, kept in the product's folder, so a
 * product added as one folder brings its population with it (沪惠保 2021's). Build time only (Node).
 *  - The scheme page (src/schemes/[scheme].md.ts) shows it as the live scenario panel when
 *    page.yaml names no `population` (`populationOf`).
 *  - The scenario data loader (src/data/scenario/[id].json.ts) serves it as
 *    `scenario/<scheme id>.json` (`scenarioFileOf`); a shipped scenario
 *    (simulations/scenarios/<name>.json) keeps its name, and a name both could mean is refused.
 */
import { existsSync } from "node:fs";
import { SCENARIO_DIR } from "../../../simulations/baseline.js";
import { SCHEMES_DIR, type SchemePage } from "./page.js";

/** The scheme's own scenario as a path from the repository root, or null when it has none. */
export function ownScenarioFile(schemeId: string, dir = SCHEMES_DIR): string | null {
  return existsSync(`${dir}${schemeId}/scenario.json`) ? `src/schemes/${schemeId}/scenario.json` : null;
}

/** The population a scheme page shows: its page.yaml's, else its own scenario (live), else none. */
export function populationOf(page: SchemePage, schemeId: string, dir = SCHEMES_DIR): SchemePage["population"] {
  if (page.population) return page.population;
  return ownScenarioFile(schemeId, dir) ? { scenario: schemeId } : undefined;
}

/**
 * The scenario file the data loader's `scenario/<name>.json` stands for: a shipped scenario's file
 * name ("ningbo-linghuobao.json"), or a scheme's own scenario as a path from the repository root
 * ("src/schemes/huhuibao-2021/scenario.json"). Unknown or ambiguous names are errors.
 */
export function scenarioFileOf(name: string, dirs = { schemes: SCHEMES_DIR, scenarios: SCENARIO_DIR }): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`scenario: ${JSON.stringify(name)} is not a scenario name (lower-case letters, digits, -)`);
  const shipped = existsSync(`${dirs.scenarios}${name}.json`) ? `${name}.json` : null;
  const own = ownScenarioFile(name, dirs.schemes);
  if (shipped && own) throw new Error(`scenario: two scenarios are named ${name}: simulations/scenarios/${shipped} and ${own}; rename the shipped one`);
  const file = shipped ?? own;
  if (!file) throw new Error(`scenario: no scenario named ${name} (neither simulations/scenarios/${name}.json nor src/schemes/${name}/scenario.json)`);
  return file;
}
