/**
 * Writes simulations/scenarios/scenario.schema.json: the JSON Schema of scenario files, generated
 * from the zod schema the engine validates with (src/sim/scenario.ts), so editors can check and
 * complete scenario files. `npm run schema` regenerates it; a unit test fails when it is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema } from "../src/sim/scenario-json-schema.js";

const out = fileURLToPath(new URL("../simulations/scenarios/scenario.schema.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stderr.write(`wrote ${out}\n`);
