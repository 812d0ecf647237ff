// Data loader: the /sweeps page's copy of the merged Saltelli sweep (national-sobol.arrow,
// `npm run sweep:examples`), cut to what the page computes from it (src/sim/sweep-compact.ts):
// the per-point means of the metrics it offers Sobol indices for (SOBOL_METRICS in
// src/sim/sweep-results.ts); no replicate rows (the page draws no band from this design). The full
// file stays the example a user can open with the page's file input.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tableFromIPC } from "apache-arrow";
import { compactSweep } from "../../sim/sweep-compact.js";
import { SOBOL_METRICS } from "../../sim/sweep-results.js";

const full = tableFromIPC(readFileSync(fileURLToPath(new URL("./national-sobol.arrow", import.meta.url))));
process.stdout.write(compactSweep(full, { stats: SOBOL_METRICS.map((m) => `${m}_mean`), lossRatios: false }));
