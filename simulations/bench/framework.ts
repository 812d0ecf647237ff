/**
 * A small benchmark framework. Section files (`simulations/bench/<name>.bench.ts`) call
 * {@link bench} at import time to register cases; `index.ts` discovers and imports them, applies
 * the command-line filter and runs the cases.
 *
 * Measurement: each case is calibrated so that one timed run lasts about `targetMs` and warmed up;
 * then all selected cases are timed round-robin for `runs` rounds (so a case and its baseline see
 * the same machine load); the table reports the median (and the min–max spread). A case may name
 * a `baseline` in the same section; the table then reports this case's speed ÷ the baseline's
 * speed (">1× = faster than the baseline").
 */

export interface BenchCase {
  section: string;
  name: string;
  /** Perform `iterations` operations and return a number derived from the results (kept in a sink
   *  so the JIT cannot drop the work). */
  run: (iterations: number) => number;
  /** Name of another case in the same section to compare with. */
  baseline?: string;
  /** Free-text note printed in the table. */
  note?: string;
  /** Fixed iterations per timed run (no calibration): for cases that take seconds. */
  iterations?: number;
  /** Operations one iteration stands for (default 1), e.g. persons × replicates simulated. */
  units?: number;
}

export interface BenchOptions {
  baseline?: string;
  note?: string;
  iterations?: number;
  units?: number;
}

export interface BenchResult {
  section: string;
  name: string;
  opsPerSec: number;
  nsPerOp: number;
  /** (max − min)/median of the per-run ns/op, as a rough noise indicator. */
  spread: number;
  iterations: number;
  runs: number;
  baseline?: string;
  ratio?: number;
  note?: string;
  /** Operations per iteration, when a case declares them (one call's time = nsPerOp × units). */
  units?: number;
}

const registry: BenchCase[] = [];

/** Register a case. Call from a `*.bench.ts` module at top level. */
export function bench(section: string, name: string, run: (iterations: number) => number, options: BenchOptions = {}): void {
  if (registry.some((c) => c.section === section && c.name === name)) {
    throw new Error(`bench: duplicate case "${section} / ${name}"`);
  }
  registry.push({ section, name, run, ...options });
}

export function registeredCases(): readonly BenchCase[] {
  return registry;
}

/** Keeps results alive. Read at the end so the JIT must compute them. */
let sink = 0;
export function sinkValue(): number {
  return sink;
}

export interface RunOptions {
  /** Duration of one timed run in milliseconds. */
  targetMs: number;
  /** Number of timed runs (median reported). */
  runs: number;
  /** Warm-up duration in milliseconds. */
  warmupMs: number;
  progress: (message: string) => void;
}

function time(run: (n: number) => number, iterations: number): number {
  const t0 = performance.now();
  sink += run(iterations);
  return performance.now() - t0;
}

/** Calibrate the iteration count so that one run of `c` lasts about `targetMs`. */
function calibrate(c: BenchCase, targetMs: number): number {
  if (c.iterations !== undefined) return c.iterations;
  let iterations = 64;
  let ms = time(c.run, iterations);
  while (ms < targetMs / 4 && iterations < 2 ** 40) {
    iterations *= 4;
    ms = time(c.run, iterations);
  }
  return Math.max(1, Math.round((iterations * targetMs) / Math.max(ms, 1e-3)));
}

function summarize(c: BenchCase, iterations: number, nsPerRun: number[]): BenchResult {
  const ns = [...nsPerRun].sort((a, b) => a - b);
  const median = ns[Math.floor(ns.length / 2)] as number;
  return {
    section: c.section,
    name: c.name,
    nsPerOp: median,
    opsPerSec: 1e9 / median,
    spread: ((ns[ns.length - 1] as number) - (ns[0] as number)) / median,
    iterations,
    runs: ns.length,
    ...(c.baseline === undefined ? {} : { baseline: c.baseline }),
    ...(c.note === undefined ? {} : { note: c.note }),
    ...(c.units === undefined ? {} : { units: c.units }),
  };
}

/** Measure one case on its own: calibrate, warm up, `runs` timed runs, median. */
export function measure(c: BenchCase, opts: RunOptions): BenchResult {
  const iterations = calibrate(c, opts.targetMs);
  const warmEnd = performance.now() + opts.warmupMs;
  while (performance.now() < warmEnd) time(c.run, iterations);
  const ns: number[] = [];
  for (let r = 0; r < opts.runs; r++) ns.push((time(c.run, iterations) * 1e6) / iterations);
  return summarize(c, iterations, ns);
}

/** Case-insensitive substring match on "section / name"; no filters = everything. */
export function selectCases(cases: readonly BenchCase[], filters: readonly string[]): BenchCase[] {
  if (filters.length === 0) return [...cases];
  const fs = filters.map((f) => f.toLowerCase());
  return cases.filter((c) => {
    const id = `${c.section} / ${c.name}`.toLowerCase();
    return fs.some((f) => id.includes(f));
  });
}

export function runCases(cases: readonly BenchCase[], opts: RunOptions): BenchResult[] {
  // Baselines of selected cases are run too, so ratios are always available.
  const wanted = new Set(cases);
  for (const c of cases) {
    if (c.baseline === undefined) continue;
    const base = registry.find((b) => b.section === c.section && b.name === c.baseline);
    if (!base) throw new Error(`bench: "${c.section} / ${c.name}" names unknown baseline "${c.baseline}"`);
    wanted.add(base);
  }
  const ordered = registry.filter((c) => wanted.has(c));
  // Phase 1: calibrate and warm up every case.
  const iterations = ordered.map((c, i) => {
    opts.progress(`[${i + 1}/${ordered.length}] warm-up ${c.section} / ${c.name}`);
    const n = calibrate(c, opts.targetMs);
    const warmEnd = performance.now() + opts.warmupMs;
    do time(c.run, n);
    while (performance.now() < warmEnd);
    return n;
  });
  // Phase 2: timed runs round-robin (every case once per round), so that a case and its
  // baseline see the same machine load and the ratios are robust to drift.
  const ns: number[][] = ordered.map(() => []);
  for (let round = 0; round < opts.runs; round++) {
    opts.progress(`round ${round + 1}/${opts.runs}`);
    ordered.forEach((c, i) => {
      const n = iterations[i] as number;
      (ns[i] as number[]).push((time(c.run, n) * 1e6) / (n * (c.units ?? 1)));
    });
  }
  const results = ordered.map((c, i) => summarize(c, iterations[i] as number, ns[i] as number[]));
  for (const r of results) {
    opts.progress(`  ${r.section} / ${r.name}: ${formatRate(r.opsPerSec)}/s, ${r.nsPerOp.toFixed(2)} ns/op (spread ${(100 * r.spread).toFixed(0)}%)`);
  }
  for (const r of results) {
    if (r.baseline === undefined) continue;
    const base = results.find((b) => b.section === r.section && b.name === r.baseline);
    if (base) r.ratio = r.opsPerSec / base.opsPerSec;
  }
  return results;
}

export function formatRate(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(1);
}

/** Markdown table: one row per case, grouped by section. */
export function markdownTable(results: readonly BenchResult[]): string {
  const lines = [
    "| section | case | ops/s | ns/op | time/call | spread | ratio | vs |",
    "|---|---|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of results) {
    const ratio = r.ratio === undefined ? "" : `${r.ratio >= 10 ? r.ratio.toFixed(1) : r.ratio.toFixed(2)}×`;
    lines.push(
      `| ${r.section} | ${r.name}${r.note ? ` (${r.note})` : ""} | ${formatRate(r.opsPerSec)} | ${r.nsPerOp < 0.01 ? r.nsPerOp.toExponential(2) : r.nsPerOp.toFixed(2)} | ${r.units === undefined ? "" : `${((r.nsPerOp * r.units) / 1e9).toFixed(3)} s`} | ${(100 * r.spread).toFixed(0)}% | ${ratio} | ${r.baseline ?? ""} |`,
    );
  }
  return lines.join("\n");
}
