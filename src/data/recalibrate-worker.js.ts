// Data loader: the calibration page's re-calibration worker (src/components/recalibrate-worker.ts:
// the tempered SMC of src/sim/posterior with the rules and zod) as one self-contained ES module
// (zod without its unused locales: scripts/zod-browser.ts), started only when the user presses
// Re-calibrate: new Worker(await FileAttachment("data/recalibrate-worker.js").url(), {type: "module"}).
import { fileURLToPath } from "node:url";
import { workerBundle } from "../../scripts/zod-browser.js";

process.stdout.write(await workerBundle(fileURLToPath(new URL("../components/recalibrate-worker.ts", import.meta.url))));
