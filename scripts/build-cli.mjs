#!/usr/bin/env node
/**
 * Builds the `puhui` command line into plain JavaScript (build/cli/), so `bin/puhui.js` starts
 * without transpiling TypeScript. esbuild bundles simulations/cli/main.ts and the worker-thread
 * entry with their src/ modules; npm packages stay external (Node loads them from node_modules).
 * Each module's `import.meta.url` is rewritten to point at its source file, so the data files it
 * reads relative to itself (data/, simulations/scenarios/, package.json) are found as before.
 * Runs at `npm ci` (prepare), before `npm test`, and from bin/puhui.js when a source is newer
 * than the bundle. Usage: node scripts/build-cli.mjs [--if-stale]
 */
import { readFileSync, statSync, writeFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "build", "cli");
export const META = join(OUT_DIR, "inputs.json");

/** True when the bundle is missing or any file it was built from changed since. */
export function isStale() {
  let meta;
  try {
    meta = JSON.parse(readFileSync(META, "utf-8"));
  } catch {
    return true;
  }
  if (meta.root !== ROOT) return true;
  for (const file of meta.inputs) {
    try {
      if (statSync(join(ROOT, file)).mtimeMs > meta.builtAt) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Rewrites import.meta.url in project sources to the source file's own URL, relative to the bundle. */
const sourceUrls = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, "utf-8");
      if (!text.includes("import.meta.url")) return undefined;
      const rel = relative(OUT_DIR, args.path).split(sep).join("/");
      const contents = text.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      return { contents, loader: args.path.endsWith(".js") || args.path.endsWith(".mjs") ? "js" : "ts" };
    });
  },
};

/**
 * Builds into a fresh folder beside build/cli and swaps it in, so a reader never sees a half-written
 * bundle and no chunk of an older build is left behind.
 */
export async function buildCli() {
  const esbuild = await import("esbuild");
  const started = Date.now();
  const tmp = `${OUT_DIR}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: "simulations/cli/main.ts", "worker-main": "simulations/cli/worker-main.ts" },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["@duckdb/node-api"],
    define: { "process.env.PUHUI_BUNDLED": '"1"' },
    plugins: [sourceUrls],
    metafile: true,
    logLevel: "error",
    legalComments: "none",
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules"));
  inputs.push("package.json", "scripts/build-cli.mjs");
  writeFileSync(join(tmp, "inputs.json"), JSON.stringify({ root: ROOT, builtAt: started, inputs }, null, 1));
  const old = `${OUT_DIR}.${process.pid}.old`;
  try {
    renameSync(OUT_DIR, old);
  } catch {
    // no earlier build
  }
  renameSync(tmp, OUT_DIR);
  rmSync(old, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!(process.argv.includes("--if-stale") && !isStale())) {
    try {
      await buildCli();
    } catch (error) {
      console.error(`build-cli: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exit(1);
    }
  }
}
