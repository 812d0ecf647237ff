/**
 * Benchmark runner: `npm run bench [-- <filter>...] [--runs=N] [--time=ms] [--warmup=ms] [--json]`.
 *
 * Imports every `*.bench.ts` file in this directory (each registers its cases with `bench()` from
 * ./framework.ts), keeps the cases whose "section / name" contains one of the filters
 * (case-insensitive; none = all), runs them and prints a markdown table to stdout. Progress goes
 * to stderr. To add a section, drop a new `<name>.bench.ts` file here.
 */
import { readdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { markdownTable, registeredCases, runCases, selectCases, sinkValue } from "./framework.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(3);
const filters: string[] = [];
const opts = { runs: 7, targetMs: 100, warmupMs: 300 };
let json = false;
for (const a of args) {
  const m = /^--(runs|time|warmup)=(\d+)$/.exec(a);
  if (m) {
    const v = Number(m[2]);
    if (m[1] === "runs") opts.runs = v;
    else if (m[1] === "time") opts.targetMs = v;
    else opts.warmupMs = v;
  } else if (a === "--json") {
    json = true;
  } else if (a.startsWith("--")) {
    console.error(`bench: unknown option ${a}`);
    process.exit(2);
  } else {
    filters.push(a);
  }
}

const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
for (const f of files) await import(pathToFileURL(join(here, f)).href);

const selected = selectCases(registeredCases(), filters);
if (selected.length === 0) {
  console.error(`bench: no case matches ${JSON.stringify(filters)}; sections: ${[...new Set(registeredCases().map((c) => c.section))].join(", ")}`);
  process.exit(1);
}
const cpu = cpus()[0]?.model ?? "unknown CPU";
process.stderr.write(`bench: ${selected.length} case(s) from ${files.length} file(s); node ${process.version}; ${cpu}; runs=${opts.runs} × ~${opts.targetMs} ms after ${opts.warmupMs} ms warm-up\n`);
const results = runCases(selected, { ...opts, progress: (m) => process.stderr.write(`${m}\n`) });
if (json) {
  process.stdout.write(`${JSON.stringify({ node: process.version, cpu, results }, null, 2)}\n`);
} else {
  process.stdout.write(`\nnode ${process.version} · ${cpu} · median of ${opts.runs} runs of ~${opts.targetMs} ms\n\n${markdownTable(results)}\n`);
}
process.stderr.write(`(sink ${sinkValue() === 0 ? "0" : "ok"})\n`);
