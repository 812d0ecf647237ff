// Data loader: the /sweeps page's copy of the merged rate × subsidy-share grid
// (national-rate-grid.arrow, `npm run sweep:examples`), cut to what the page draws and counts
// (src/sim/sweep-compact.ts): every replicate's loss ratio — each distinct vector once, since the
// subsidy share leaves them unchanged bit for bit — for P(loss ratio in band) at any band, and the
// per-point summaries the page shows (loss ratio mean and 5–95 %, premium, who pays).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tableFromIPC } from "apache-arrow";
import { compactSweep } from "../../sim/sweep-compact.js";

const full = tableFromIPC(readFileSync(fileURLToPath(new URL("./national-rate-grid.arrow", import.meta.url))));
const stats = ["lossRatio_mean", "lossRatio_q05", "lossRatio_q95", "gross_mean", "subsidy_budget_mean", "subsidy_platform_mean", "cost_platform_mean"];
process.stdout.write(compactSweep(full, { stats, lossRatios: true }));
