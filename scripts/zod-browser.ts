/**
 * zod for the browser without its 40 translated error-message locales (issue 15: page weight).
 *
 * zod 4 re-exports every locale (`z.locales.ar … zhTW`) from its core and classic entry points, so
 * any bundle of `zod` carries them: 454 kB minified, of which 264 kB are locales. The app never
 * uses zod's own messages in a locale (its input errors are its own zh/en text, src/sim/issues.ts
 * and src/rules/input-error.ts), and zod configures English by default (`config(en())` in
 * v4/classic/external.js). This esbuild plugin replaces zod's `locales/index.js` with a module
 * that re-exports English only, so the browser bundle is 197 kB and `z.locales` holds `en`.
 * Used for the page's copy (Framework's `_node` cache, filled by scripts/fill-npm-cache.ts) and
 * for the engine worker bundle (src/data/engine-worker.js.ts).
 */
import { build, type Plugin } from "esbuild";
import { dirname } from "node:path";

export const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /(^|\/)locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: `${args.resolveDir}/../locales/index.js`, namespace: "zod-locales" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

/** One self-contained, minified browser ES module with zod's English messages only (both bundles below). */
async function browserBundle(input: { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string } }): Promise<Uint8Array> {
  const result = await build({ ...input, bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, legalComments: "none", write: false, logLevel: "error", plugins: [zodEnglishOnly] });
  return result.outputFiles[0]!.contents;
}

/**
 * A module Web Worker's entry (a TypeScript file) as one bundle — what the engine's and the
 * re-calibration's worker data loaders (src/data/*-worker.js.ts) write.
 */
export function workerBundle(entry: string): Promise<Uint8Array> {
  return browserBundle({ entryPoints: [entry] });
}

/** The browser ESM of `zod` (every export of the package, English messages only), minified. */
export function zodBrowserBundle(projectRoot: string): Promise<Uint8Array> {
  return browserBundle({ stdin: { contents: 'export * from "zod";\nexport { default } from "zod";\n', resolveDir: projectRoot } });
}
