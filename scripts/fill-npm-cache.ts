/**
 * Fill Observable Framework's npm cache from node_modules, so the app builds and runs with no CDN.
 *
 * Framework resolves `npm:foo` (and the implicit d3, Plot, Inputs, html, aq, DuckDBClient and sql
 * cells) to `<root>/.observablehq/cache/_npm/foo@X.Y.Z/_esm.js`, and only downloads when no
 * version folder exists. This step writes those files from the installed packages:
 * - bundles each package with esbuild into one browser ESM file (`_esm.js`);
 * - keeps shared dependencies external (apache-arrow must exist once: two copies make
 *   `DuckDBClient.of` silently create no table), rewriting their imports to the cached path —
 *   except d3 in Plot, which carries the part of d3 it uses (INLINED);
 * - copies duckdb-wasm's wasm and worker files;
 * - creates empty version folders for packages Framework's client names but we never load,
 *   so Framework does not ask the registry for them;
 * - deletes every other version folder of a filled package (a stale, higher one would win);
 * - writes Framework's bundle of `zod` (the `_node` cache, which Framework reuses when present)
 *   without zod's 40 error-message locales (scripts/zod-browser.ts: 197 kB instead of 454 kB);
 * - drops Framework's cached data-loader and page-loader outputs (src/data/…, and the scheme
 *   pages src/schemes/[scheme].md.ts prints), which it would not recompute when only a module or
 *   a file the loader reads (page.yaml, the registry, a scenario) has changed.
 * See ../shared/design/offline-framework.md (verified facts) and docs/offline-build.md.
 */
import { build, type Plugin } from "esbuild";
import { createRequire } from "node:module";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { zodBrowserBundle } from "./zod-browser.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheRoot = join(projectRoot, "src", ".observablehq", "cache", "_npm");
const require = createRequire(join(projectRoot, "package.json"));

/** Packages bundled into the cache, in dependency order (externals first). */
const BUNDLED = [
  "apache-arrow",
  "d3",
  "d3-dsv",
  "isoformat",
  "htl",
  "@observablehq/plot",
  "arquero",
  "simple-statistics",
  "@duckdb/duckdb-wasm",
] as const;

/** Dependencies kept external (one shared copy) when another bundled package imports them. */
const SHARED = new Set<string>(["apache-arrow", "d3", "isoformat", "htl"]);

/**
 * Shared dependencies a package bundles instead, tree-shaken (issue 15: page weight). Plot uses a
 * part of d3, and no page uses the `d3` global (none references it; Framework loads d3 only for a
 * page that does), so Plot's own copy of the d3 functions it needs (385 kB with Plot) replaces
 * Plot plus all of d3 (212 + 283 kB). d3 keeps no global state Plot relies on across copies.
 */
const INLINED: Record<string, ReadonlySet<string>> = { "@observablehq/plot": new Set(["d3"]) };

/** Files copied verbatim (duckdb-wasm's engines and workers, resolved with import.meta.resolve). */
const COPIED: Record<string, string[]> = {
  "@duckdb/duckdb-wasm": [
    "dist/duckdb-mvp.wasm",
    "dist/duckdb-eh.wasm",
    "dist/duckdb-browser-mvp.worker.js",
    "dist/duckdb-browser-eh.worker.js",
  ],
};

/** Packages Framework's client mentions but pages here never load: pinned by an empty folder. */
const PINNED_EMPTY = [
  "lodash@4.17.21",
  "echarts@5.6.0",
  "leaflet@1.9.4",
  "mapbox-gl@3.9.0",
  "react@19.0.0",
  "react-dom@19.0.0",
  "topojson-client@3.1.0",
  "@observablehq/sample-datasets@1.0.1",
  "parquet-wasm@0.6.1",
];

async function installedVersion(name: string): Promise<string> {
  const pkgPath = join(projectRoot, "node_modules", name, "package.json");
  const pkg = JSON.parse(await readFile(pkgPath, "utf-8")) as { version: string };
  return pkg.version;
}

function folderOf(name: string, version: string): string {
  return join(cacheRoot, `${name}@${version}`);
}

/** Remove every `name@other` folder so the filled version is the only (hence highest) one. */
async function removeOtherVersions(name: string, keep: string): Promise<void> {
  const scopeDir = name.startsWith("@") ? join(cacheRoot, name.split("/")[0]!) : cacheRoot;
  const base = name.startsWith("@") ? name.split("/")[1]! : name;
  let entries: string[] = [];
  try {
    entries = await readdir(scopeDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.startsWith(`${base}@`) && entry !== `${base}@${keep}`) {
      await rm(join(scopeDir, entry), { recursive: true, force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function externalsPlugin(self: string, versions: Map<string, string>, outFile: string): Plugin {
  return {
    name: "cache-externals",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path;
        if (name === self || !SHARED.has(name) || INLINED[self]?.has(name)) return undefined;
        const version = versions.get(name);
        if (!version) return undefined;
        const target = join(folderOf(name, version), "_esm.js");
        let rel = relative(dirname(outFile), target).split("\\").join("/");
        if (!rel.startsWith(".")) rel = `./${rel}`;
        return { path: posix.normalize(rel).startsWith(".") ? rel : `./${rel}`, external: true };
      });
    },
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const versions = new Map<string, string>();
  for (const name of BUNDLED) versions.set(name, await installedVersion(name));

  for (const name of BUNDLED) {
    const version = versions.get(name)!;
    await removeOtherVersions(name, version);
    const dir = folderOf(name, version);
    const outFile = join(dir, "_esm.js");
    const pkgJson = join(projectRoot, "node_modules", name, "package.json");
    // Rebuild only when node_modules or this script changed since the last fill.
    const newest = Math.max((await stat(pkgJson)).mtimeMs, (await stat(fileURLToPath(import.meta.url))).mtimeMs);
    if ((await exists(outFile)) && (await stat(outFile)).mtimeMs >= newest) {
      // still copy any missing verbatim files below
    } else {
      await mkdir(dir, { recursive: true });
      await build({
        entryPoints: [name],
        absWorkingDir: projectRoot,
        bundle: true,
        format: "esm",
        platform: "browser",
        target: "es2022",
        minify: true,
        legalComments: "none",
        outfile: outFile,
        logLevel: "error",
        plugins: [externalsPlugin(name, versions, outFile)],
      });
    }
    for (const file of COPIED[name] ?? []) {
      const target = join(dir, file);
      if (await exists(target)) continue;
      await mkdir(dirname(target), { recursive: true });
      await copyFile(require.resolve(`${name}/${file}`), target);
    }
  }

  for (const spec of PINNED_EMPTY) {
    const at = spec.lastIndexOf("@");
    await removeOtherVersions(spec.slice(0, at), spec.slice(at + 1));
    await mkdir(join(cacheRoot, spec), { recursive: true });
  }

  // zod as Framework serves it to pages (/_node/zod@X/index.js): Framework bundles a node_modules
  // import only when its cache file is missing, so writing it here replaces the bundle with every
  // locale by the English-only one. Other versions' folders are dropped like the npm ones.
  const zodVersion = await installedVersion("zod");
  const nodeCache = join(projectRoot, "src", ".observablehq", "cache", "_node");
  for (const entry of (await exists(nodeCache)) ? await readdir(nodeCache) : []) {
    if (entry.startsWith("zod@") && entry !== `zod@${zodVersion}`) await rm(join(nodeCache, entry), { recursive: true, force: true });
  }
  await mkdir(join(nodeCache, `zod@${zodVersion}`), { recursive: true });
  await writeFile(join(nodeCache, `zod@${zodVersion}`, "index.js"), await zodBrowserBundle(projectRoot));

  // Data and page loaders' outputs are cached by Framework and re-run only when the loader file
  // itself changes — not when a module it imports (the engine, the rules, a scenario) or a file it
  // reads (a scheme's page.yaml) changes. Drop them so every build and preview computes them from
  // the current code and data: the data loaders (cache/data/) and the scheme pages (cache/schemes/,
  // about a second a page).
  for (const dir of ["data", "schemes"]) await rm(join(projectRoot, "src", ".observablehq", "cache", dir), { recursive: true, force: true });

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const list = BUNDLED.map((n) => `${n}@${versions.get(n)}`).join(", ");
  process.stderr.write(`fill-npm-cache: ${list} ready in ${seconds} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`fill-npm-cache: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
