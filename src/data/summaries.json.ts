// Data loader: every shipped scenario in brief — title, options, the last year's baseline summaries
// and the calibration — without the scenario text (the overview, calibration, compare and premium
// lab list the scenarios from this; a page that runs one loads scenario/<id>.json).
import { shippedScenarioFiles } from "../../simulations/baseline.js";
import { lightEntry, scenarioEntry } from "./scenario-entry.js";

process.stdout.write(JSON.stringify(shippedScenarioFiles().map((file) => lightEntry(scenarioEntry(file)))));
