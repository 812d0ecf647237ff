// Data loader (parameterised): one scenario's dashboard entry, scenario/<id>.json — a shipped
// scenario, or a scheme's own (src/schemes/<id>/scenario.json, src/data/scheme-page/scenario.ts) —
// so a page loads only its own scenario (the resolved text the worker re-runs, the baseline summaries).
import { parseArgs } from "node:util";
import { scenarioEntry } from "../scenario-entry.js";
import { scenarioFileOf } from "../scheme-page/scenario.js";

const { values } = parseArgs({ options: { id: { type: "string" } } });
process.stdout.write(JSON.stringify(scenarioEntry(scenarioFileOf(values.id ?? ""))));
