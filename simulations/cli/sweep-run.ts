/**
 * `puhui sweep <design.json> [--shard i/n] [--workers K] [--batch B] --out <dir>`: runs shard i of
 * n of a sweep design (the points whose id ≡ i mod n), in this process or in K processes, and
 * writes their replicate rows as Parquet batches plus a manifest into <dir> (./sweep-store.ts).
 * Points already written to <dir> are skipped, so a killed shard resumes where it stopped.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "./command.js";
import { UsageError } from "./errors.js";
import { intFlag, parseStrict } from "./args.js";
import { createProgress } from "./progress.js";
import { readScenarioFile } from "./scenario-file.js";
import { checkOutDir, donePoints, memoryDb, removeStaleTemps, writeManifest, writePart, type Manifest, type PointResult } from "./sweep-store.js";
import { InputError } from "../../src/rules/input-error.js";
import { parseDesign, type Design, type DesignPoint } from "../../src/sim/design.js";
import type { TableCache } from "../../src/sim/run.js";
import { parseJsonText } from "../../src/sim/scenario.js";
import { checkDesign, designPoints, runPoint } from "../../src/sim/sweep.js";

export const version: string = (JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf-8")) as { version: string }).version;

export const SWEEP_LIMITS = {
  shards: { min: 1, max: 100_000 },
  workers: { min: 1, max: 64, unit: "worker processes" },
  batch: { min: 1, max: 100_000, unit: "points per file" },
} as const;

export interface LoadedDesign {
  design: Design;
  /** The base scenario, resolved (figures, builders), as a JSON object. */
  base: Record<string, unknown>;
  /** sha256 of the validated design and the resolved base scenario: what a shard's results depend on. */
  hash: string;
  points: DesignPoint[];
}

/** Keys that only describe (titles, labels, rationales, notes): results do not depend on them. */
const PROSE = new Set(["$schema", "title", "description", "label", "rationale", "note"]);

/**
 * A copy without descriptive text, for the design hash: a shard's results depend on numbers and
 * rules, not on a rationale's wording or its translation, so rewording a scenario neither makes
 * shards unmergeable nor stored results stale.
 */
export function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !PROSE.has(k)).map(([k, v]) => [k, withoutProse(v)]));
}

/** Reads, validates and expands a design file; the base scenario path is relative to it. */
export function loadDesign(path: string): LoadedDesign {
  let text: string;
  try {
    text = readFileSync(path, "utf-8");
  } catch (error) {
    throw new UsageError(`cannot read design file ${JSON.stringify(path)} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const design = parseDesign(parseJsonText(text, "design"));
  const scenarioPath = resolve(dirname(path), design.scenario);
  let scenarioText: string;
  try {
    scenarioText = readScenarioFile(scenarioPath);
  } catch (error) {
    if (error instanceof UsageError) throw new InputError("design.scenario", `cannot read the base scenario ${JSON.stringify(design.scenario)} (allowed: a scenario file path relative to the design file; got ${JSON.stringify(scenarioPath)})`);
    throw error;
  }
  const base = parseJsonText(scenarioText, "design.scenario") as Record<string, unknown>;
  checkDesign(design, base);
  const hash = createHash("sha256").update(JSON.stringify(withoutProse(design))).update("\u0000").update(JSON.stringify(withoutProse(base))).digest("hex").slice(0, 16);
  return { design, base, hash, points: designPoints(design, base) };
}

/** "i/n" with 0 ≤ i < n ≤ 100000. */
export function parseShard(value: string | undefined): { i: number; n: number } {
  if (value === undefined) return { i: 0, n: 1 };
  const allowed = `i/n with n 1 to ${SWEEP_LIMITS.shards.max} and 0 ≤ i < n, e.g. 0/4, 1/4, 2/4, 3/4`;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m) throw new InputError("--shard", `not a shard (allowed: ${allowed}; got ${JSON.stringify(value)})`);
  const i = Number(m[1]);
  const n = Number(m[2]);
  if (!(n >= 1 && n <= SWEEP_LIMITS.shards.max) || !(i < n)) throw new InputError("--shard", `out of range (allowed: ${allowed}; got ${value})`);
  return { i, n };
}

/** Computes `todo` points in this thread (benefit tables cached across points), handing each to `onPoint`. */
async function computePoints(loaded: LoadedDesign, todo: readonly DesignPoint[], onPoint: (r: PointResult) => Promise<void>): Promise<void> {
  let cache: TableCache = new Map();
  for (const point of todo) {
    if (cache.size > CACHE_LIMIT) cache = new Map();
    const rows = runPoint(loaded.design, loaded.base, point, cache);
    await onPoint({ point, rows });
    // Let progress and signals through between points.
    await new Promise((r) => setImmediate(r));
  }
}

/** Benefit-table sets kept before the cache is cleared (each distinct reform adds sets). */
const CACHE_LIMIT = 4000;

/**
 * --workers K: shard i/n runs as K processes, sub-shards (i + n·w)/(n·K) for w = 0 … K−1, whose
 * points are exactly shard i's (p ≡ i mod n splits by p mod n·K). Each process keeps its own
 * benefit tables; the directory is shared, so merge and resume see the points whatever K was.
 */
async function runSubShards(design: string, shard: { i: number; n: number }, k: number, batch: number, dir: string, io: Io): Promise<number> {
  const bin = fileURLToPath(new URL("../../bin/puhui.js", import.meta.url));
  const codes = await Promise.all(
    Array.from({ length: k }, (_, w) =>
      new Promise<number>((done) => {
        const sub = `${shard.i + shard.n * w}/${shard.n * k}`;
        const child = spawn(process.execPath, [bin, "sweep", design, "--shard", sub, "--batch", String(batch), "--out", dir], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        child.stderr.on("data", (b: Buffer) => (err += b.toString()));
        child.on("error", (e) => {
          io.err(`puhui sweep: worker process ${sub}: ${e.message}\n`);
          done(1);
        });
        child.on("close", (code) => {
          for (const line of err.split("\n").filter((l) => l.trim() !== "")) io.err(`${line.startsWith("puhui sweep") ? line : `puhui sweep: worker ${sub}: ${line}`}\n`);
          done(code ?? 1);
        });
      }),
    ),
  );
  return Math.max(...codes);
}

interface RunValues {
  shard?: string;
  workers?: string;
  batch?: string;
  out?: string;
}

export async function runSweep(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(args, {
    shard: { type: "string" },
    workers: { type: "string" },
    batch: { type: "string" },
    out: { type: "string" },
  });
  const v = values as RunValues;
  if (positionals.length === 0) throw new UsageError("missing <design.json> (e.g. simulations/sweeps/national-rate-grid.json)");
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <design.json>; sub-commands: merge, analyse)`);
  const shard = parseShard(v.shard);
  const workersFlag = intFlag(v.workers, "--workers", SWEEP_LIMITS.workers) ?? 1;
  const batch = intFlag(v.batch, "--batch", SWEEP_LIMITS.batch) ?? 16;
  if (v.out === undefined) throw new UsageError("missing --out <dir> (allowed: a directory for the shard's Parquet files and manifest, shared by all shards)");
  const loaded = loadDesign(positionals[0]!);
  checkOutDir(v.out);
  const dir = v.out;
  const mine = loaded.points.filter((p) => p.id % shard.n === shard.i);
  const cpus = availableParallelism();
  let workers = workersFlag;
  if (workers > cpus) {
    io.err(`puhui sweep: note: --workers ${workers}: this machine has ${cpus} CPU${cpus === 1 ? "" : "s"}; using ${cpus} (results are identical for any number)\n`);
    workers = cpus;
  }

  if (workers > 1) {
    const code = await runSubShards(positionals[0]!, shard, workers, batch, dir, io);
    if (code !== 0) return code;
  }
  const db = await memoryDb();
  try {
    const done = await donePoints(db.connection, dir, loaded.hash, version);
    if (done.foreign) {
      throw new InputError(
        "--out",
        `already holds results of another sweep (file ${done.foreign.file}: design ${done.foreign.designHash}, puhui ${done.foreign.version}; this is design ${loaded.hash} (${loaded.design.id}), puhui ${version}) (allowed: an empty directory or one holding only this design's shards)`,
      );
    }
    removeStaleTemps(dir, shard.i, shard.n);
    const todo = mine.filter((p) => !done.points.has(p.id));
    const skipped = mine.length - todo.length;
    if (skipped > 0 && workers === 1) io.err(`puhui sweep: shard ${shard.i}/${shard.n}: ${skipped} of ${mine.length} points already written; running the other ${todo.length}\n`);
    const startedAt = new Date().toISOString();
    const manifest = (doneCount: number, seconds: number): Manifest => ({
      format: "puhui-sweep-shard/1",
      design: loaded.design.id,
      designHash: loaded.hash,
      version,
      shard: `${shard.i}/${shard.n}`,
      points: mine.length,
      done: doneCount,
      complete: doneCount === mine.length,
      startedAt,
      updatedAt: new Date().toISOString(),
      seconds,
      designJson: loaded.design,
    });
    let doneCount = skipped;
    writeManifest(dir, manifest(doneCount, 0));
    const progress = createProgress(io, todo.length, { verb: `shard ${shard.i}/${shard.n}: ran`, unit: "design points" });
    let pending: PointResult[] = [];
    let finished = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const part = pending;
      pending = [];
      await writePart(db.connection, dir, shard, loaded.design, { designHash: loaded.hash, version }, part);
      doneCount += part.length;
      writeManifest(dir, manifest(doneCount, (performance.now() - t0) / 1000));
    };
    const t0 = performance.now();
    try {
      await computePoints(loaded, todo, async (r) => {
        pending.push(r);
        finished++;
        progress.update(finished);
        if (pending.length >= batch) await flush();
      });
      await flush();
    } catch (error) {
      progress.abort();
      throw error;
    }
    if (workers > 1) progress.abort();
    else progress.finish();
    io.out(`shard ${shard.i}/${shard.n} of ${loaded.design.id} (design ${loaded.hash}): ${doneCount} of ${mine.length} points written to ${dir}${skipped > 0 && workers === 1 ? ` (${skipped} from an earlier run)` : workers > 1 ? ` by ${workers} processes` : ""}\n`);
  } finally {
    db.close();
  }
  return 0;
}
