// Data loader (parameterised): one shipped scenario's dashboard entry, scenario/<id>.json — so a
// page loads only its own scenario (the resolved text the worker re-runs, the baseline summaries).
import { parseArgs } from "node:util";
import { shippedScenarioFiles } from "../../../simulations/baseline.js";
import { scenarioEntry } from "../scenario-entry.js";

const { values } = parseArgs({ options: { id: { type: "string" } } });
const file = shippedScenarioFiles().find((f) => f === `${values.id}.json`);
if (!file) throw new Error(`no shipped scenario ${values.id}`);
process.stdout.write(JSON.stringify(scenarioEntry(file)));
