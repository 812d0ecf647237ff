// Data loader: the engine's Web Worker (src/sim/web-worker.ts with the rules module and zod) as
// one self-contained ES module (zod without its unused locales: scripts/zod-browser.ts), so pages start it with
// new Worker(await FileAttachment("data/engine-worker.js").url(), {type: "module"}).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { zodEnglishOnly } from "../../scripts/zod-browser.js";

const entry = fileURLToPath(new URL("../sim/web-worker.ts", import.meta.url));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  write: false,
  // zod without its 40 error-message locales (264 kB of its 454 kB; the app's messages are its own).
  plugins: [zodEnglishOnly],
});
process.stdout.write(result.outputFiles[0]!.contents);
