// Data loader: the calibration page's re-calibration worker (src/components/recalibrate-worker.ts:
// the tempered SMC of src/sim/posterior with the rules and zod) as one self-contained ES module
// (zod without its unused locales: scripts/zod-browser.ts), started only when the user presses
// Re-calibrate: new Worker(await FileAttachment("data/recalibrate-worker.js").url(), {type: "module"}).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { zodEnglishOnly } from "../../scripts/zod-browser.js";

const entry = fileURLToPath(new URL("../components/recalibrate-worker.ts", import.meta.url));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  write: false,
  plugins: [zodEnglishOnly],
});
process.stdout.write(result.outputFiles[0]!.contents);
