// Data loader: the engine's Web Worker (src/sim/web-worker.ts with the rules module and zod) as
// one self-contained ES module (zod without its unused locales: scripts/zod-browser.ts), so pages start it with
// new Worker(await FileAttachment("data/engine-worker.js").url(), {type: "module"}).
import { fileURLToPath } from "node:url";
import { workerBundle } from "../../scripts/zod-browser.js";

process.stdout.write(await workerBundle(fileURLToPath(new URL("../sim/web-worker.ts", import.meta.url))));
