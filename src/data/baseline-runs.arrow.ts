// Data loader: per-replicate rows of every shipped scenario's baseline run (fast mode, the
// scenario's seed, ≤ 1000 replicates) as Arrow IPC, with a `scenario` column — for DuckDB-wasm
// (the SQL page) and the charts.
import * as aq from "arquero";
import { runBaseline, shippedScenarioFiles } from "../../simulations/baseline.js";
import { tidyRows } from "../sim/results.js";

const rows = shippedScenarioFiles().flatMap((file) => {
  const b = runBaseline(file, false);
  return tidyRows(b.rows).map((r) => ({ scenario: b.scenario.id, ...r }));
});
process.stdout.write(aq.from(rows).toArrowIPC());
