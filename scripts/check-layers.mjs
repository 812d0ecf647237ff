#!/usr/bin/env node
/**
 * Import-graph check of the project's own sources (no dependencies, so it runs anywhere):
 * `node scripts/check-layers.mjs [root]`. Reads every .ts/.js/.mjs file under src/ and
 * simulations/ (not src/.observablehq), follows relative imports — static, `export … from`, and
 * dynamic `import("…")` with a literal path; type-only imports count too, a type is a dependency —
 * and reports
 *  - cycles between files;
 *  - cycles between layers (a layer is a folder under src/, e.g. src/sim, src/populations;
 *    simulations/<folder>, or the file itself for files directly under simulations/; and "site":
 *    the site's data and page loaders — src/data/ and any loader named like page.md.ts or
 *    x.json.ts, wherever it lives — which build on everything else);
 *  - imports that break the layering rules below.
 * Exit status 1 when there is any cycle or broken rule, else 0. `--json` prints the findings as
 * JSON.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const JSON_OUT = process.argv.includes("--json");

/** [from layer pattern, forbidden target pattern, why]: a layer must not import the target. */
const RULES = [
  [/^(src|src\/.*|simulations\/.*)$/, /^site$/, "library code and the command line never import the site's loaders"],
  [/^src\/sim$/, /^src\/populations$/, "the engine takes population builders from its caller (src/populations/resolve.ts), never imports them"],
  [/^src\/sim$/, /^simulations\//, "the engine never imports the command line, the benchmarks or the baseline runs"],
  [/^src\/rules$/, /^src\/(sim|populations)$/, "the rules know nothing of the engine"],
  [/^src\/populations$/, /^simulations\//, "population builders never import the command line"],
  [/^src\/(?!data$)/, /^simulations\//, "library code under src/ never imports simulations/"],
  [/^site$/, /^simulations\/cli$/, "the site's loaders never import the command line"],
  [/^simulations\/baseline\.ts$/, /^simulations\/cli$/, "the baseline runs behind the site never import the command line"],
];

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".observablehq" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const rel = (p) => relative(ROOT, p).split(sep).join("/");
const files = [...walk(join(ROOT, "src")), ...walk(join(ROOT, "simulations"))].map(rel).sort();
const known = new Set(files);

/** The project file a relative specifier names (".js" may stand for ".ts"), or null. */
function target(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = rel(resolve(ROOT, dirname(from), spec));
  const stem = base.replace(/\.(js|mjs|ts|mts)$/, "");
  for (const c of [base, `${stem}.ts`, `${stem}.mts`, `${stem}.js`, `${stem}.mjs`, `${base}/index.ts`, `${base}/index.js`]) if (known.has(c)) return c;
  return null;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\s\S]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
/** file → [{ to, type }] */
const edges = new Map();
for (const f of files) {
  const text = readFileSync(join(ROOT, f), "utf-8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const list = [];
  for (const m of text.matchAll(IMPORT)) {
    const to = target(f, m[2] ?? m[3]);
    if (to && to !== f) list.push({ to, type: Boolean(m[1]) });
  }
  edges.set(f, list);
}

/** Observable loaders: a page or file the site serves, written as <name>.<ext>.ts (or .js/.mjs). */
const LOADER = /\.(md|json|csv|tsv|arrow|parquet|js|txt|html|svg|png|zip)\.(ts|js|mjs)$/;

function layerOf(f) {
  if (f.startsWith("src/data/") || LOADER.test(f)) return "site";
  const parts = f.split("/");
  if (parts[0] === "src") return parts.length > 2 ? `src/${parts[1]}` : "src";
  if (parts[0] === "simulations") return parts.length > 2 ? `simulations/${parts[1]}` : f;
  return parts[0];
}

/** Strongly connected components with more than one node (Tarjan), each as a sorted list. */
function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

const fileGraph = new Map(files.map((f) => [f, [...new Set(edges.get(f).map((e) => e.to))]]));
const layerEdges = new Map();
for (const [f, list] of edges) {
  for (const { to, type } of list) {
    const a = layerOf(f);
    const b = layerOf(to);
    if (a === b) continue;
    const key = `${a} → ${b}`;
    const e = layerEdges.get(key) ?? { from: a, to: b, imports: [] };
    e.imports.push(`${f} → ${to}${type ? " (type)" : ""}`);
    layerEdges.set(key, e);
  }
}
const layerGraph = new Map();
for (const { from, to } of layerEdges.values()) layerGraph.set(from, [...(layerGraph.get(from) ?? []), to]);
for (const { to } of layerEdges.values()) if (!layerGraph.has(to)) layerGraph.set(to, []);

const fileCycles = cycles(fileGraph);
const layerCycles = cycles(layerGraph).map((comp) => ({
  layers: comp,
  imports: [...layerEdges.values()].filter((e) => comp.includes(e.from) && comp.includes(e.to)).flatMap((e) => e.imports),
}));
const broken = [];
for (const e of layerEdges.values()) {
  for (const [from, to, why] of RULES) if (from.test(e.from) && to.test(e.to)) broken.push({ rule: `${e.from} must not import ${e.to}: ${why}`, imports: e.imports });
}

if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify({ files: files.length, fileCycles, layerCycles, broken }, null, 2)}\n`);
} else {
  const lines = [`${files.length} files under src/ and simulations/`];
  lines.push(`file cycles: ${fileCycles.length}`);
  for (const c of fileCycles) lines.push(`  ${c.join(" ⇄ ")}`);
  lines.push(`layer cycles: ${layerCycles.length}`);
  for (const c of layerCycles) {
    lines.push(`  ${c.layers.join(" ⇄ ")}`);
    for (const e of layerEdges.values()) {
      if (!(c.layers.includes(e.from) && c.layers.includes(e.to))) continue;
      lines.push(`    ${e.from} → ${e.to}: ${e.imports.length} import${e.imports.length === 1 ? "" : "s"}, e.g. ${e.imports[0]}`);
    }
  }
  lines.push(`broken layering rules: ${broken.length}`);
  for (const b of broken) {
    lines.push(`  ${b.rule}`);
    for (const i of b.imports) lines.push(`    ${i}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
process.exitCode = fileCycles.length + layerCycles.length + broken.length > 0 ? 1 : 0;
