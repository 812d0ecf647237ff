/** Node-only: the shipped scenario files (simulations/scenarios/*.json), raw (unresolved); a leading byte-order mark is ignored. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SCENARIO_DIR = fileURLToPath(new URL("../../simulations/scenarios/", import.meta.url));

export interface ShippedScenario {
  file: string;
  json: Record<string, unknown>;
}

export function readShippedScenarios(dir: string = SCENARIO_DIR): ShippedScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(`${dir}/${file}`, "utf-8").replace(/^\uFEFF/, "")) as Record<string, unknown> }));
}
