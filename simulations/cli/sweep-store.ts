/**
 * The files of a sweep directory (`puhui sweep … --out <dir>`), written through DuckDB's Node API:
 *
 *  - `part-<i>-of-<n>-<first point>.parquet`: the replicate rows of a batch of points of shard i/n
 *    (design hash, version, point, seed, the factor values `f_<name>`, replicate, option, year and
 *    the tidy result columns of src/sim/results.ts plus subsidy_total). Written under a temporary
 *    name (`.part-….tmp`), flushed and renamed: a file with the final name is always whole, so a
 *    killed shard never leaves a half-written file that counts as done.
 *  - `manifest-<i>-of-<n>.json`: design id and hash, version, shard, points of the shard and done,
 *    start and update time, the design itself; replaced atomically after each batch.
 *
 * Which points are done is read from the Parquet files themselves (not the manifest), so a shard
 * killed between a file's rename and the manifest's update still resumes without duplicates.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { FailureError } from "./errors.js";
import { writeFileAtomic } from "./files.js";
import { InputError } from "../../src/rules/input-error.js";
import type { Design, DesignPoint } from "../../src/sim/design.js";
import { TIDY_COLUMNS, columnKind, tidyRow } from "../../src/sim/results.js";
import { PAYERS, type ReplicateRow } from "../../src/sim/run.js";

export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** SQL string literal. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Result columns of a part file after the point keys: the tidy columns and subsidy_total. */
export const RESULT_COLUMNS: readonly string[] = [...TIDY_COLUMNS.filter((c) => c !== "replicate" && c !== "option" && c !== "year"), "subsidy_total"];

export function factorColumn(name: string): string {
  return `f_${name}`;
}

export interface Manifest {
  format: "puhui-sweep-shard/1";
  design: string;
  designHash: string;
  version: string;
  shard: string;
  /** Points of this shard, and how many are written. */
  points: number;
  done: number;
  complete: boolean;
  startedAt: string;
  updatedAt: string;
  /** Seconds spent computing in the runs that wrote this shard's files. */
  seconds: number;
  /** The design as validated (JSON). */
  designJson: Design;
}

export function manifestName(i: number, n: number): string {
  return `manifest-${i}-of-${n}.json`;
}

export function partName(i: number, n: number, first: number): string {
  return `part-${i}-of-${n}-${String(first).padStart(7, "0")}.parquet`;
}

const PART = /^part-(\d+)-of-(\d+)-(\d+)\.parquet$/;
const MANIFEST = /^manifest-(\d+)-of-(\d+)\.json$/;

/** Part files in a directory, sorted by name. */
export function partFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => PART.test(f))
    .sort();
}

export function manifestFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => MANIFEST.test(f))
    .sort((a, b) => {
      const [, ai, an] = MANIFEST.exec(a)!;
      const [, bi, bn] = MANIFEST.exec(b)!;
      return Number(an) - Number(bn) || Number(ai) - Number(bi);
    });
}

export function readManifest(dir: string, name: string): Manifest {
  try {
    return JSON.parse(readFileSync(join(dir, name), "utf-8")) as Manifest;
  } catch (error) {
    throw new InputError(name, `not a readable sweep manifest (${error instanceof Error ? error.message : String(error)}) (allowed: a manifest written by puhui sweep)`);
  }
}

/** Shard of a part file name: "i/n". */
export function shardOfPart(name: string): string {
  const m = PART.exec(name);
  return m ? `${m[1]}/${m[2]}` : "?";
}

/** Removes this shard's temporary files (parts and its manifest) left by a killed run. */
export function removeStaleTemps(dir: string, i: number, n: number): number {
  const prefixes = [`.part-${i}-of-${n}-`, `.${manifestName(i, n)}.`];
  let removed = 0;
  for (const f of readdirSync(dir)) {
    if (prefixes.some((p) => f.startsWith(p)) && f.endsWith(".tmp")) {
      try {
        unlinkSync(join(dir, f));
        removed++;
      } catch {
        // gone already
      }
    }
  }
  return removed;
}

/** Checks (and creates, when its parent exists) the --out directory. */
export function checkOutDir(dir: string): void {
  if (dir.trim() === "") throw new InputError("--out", 'missing directory (allowed: a directory path such as sweep-out; got "")');
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new InputError("--out", `is not a directory (allowed: a directory, existing or new; got ${JSON.stringify(dir)})`);
    return;
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError("--out", `cannot create the directory (${(error as NodeJS.ErrnoException).code ?? "error"}) (allowed: a directory you may write; got ${JSON.stringify(dir)})`);
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ").trim();
}

/** An in-memory DuckDB for reading and writing Parquet. */
export async function memoryDb(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Glob of part files, as a DuckDB list of file paths. */
export function partList(dir: string, files: readonly string[]): string {
  return `[${files.map((f) => lit(join(dir, f))).join(", ")}]`;
}

export interface DonePoints {
  points: Set<number>;
  /** A file of another design or version, if any. */
  foreign?: { file: string; designHash: string; version: string };
}

/** The points present in the directory's part files (of this design and version); the first foreign file, if any. */
export async function donePoints(connection: DuckDBConnection, dir: string, designHash: string, version: string): Promise<DonePoints> {
  const files = partFiles(dir);
  const points = new Set<number>();
  if (files.length === 0) return { points };
  const reader = await connection.runAndReadAll(
    `SELECT filename, design_hash, version, list(DISTINCT point) FROM read_parquet(${partList(dir, files)}, filename = true) GROUP BY ALL ORDER BY filename`,
  );
  for (const row of reader.getRows()) {
    const [file, hash, ver, pts] = row as [string, string, string, { items: number[] }];
    if (hash !== designHash || ver !== version) return { points, foreign: { file: String(file).split(/[\\/]/).pop()!, designHash: hash, version: ver } };
    for (const p of pts.items) points.add(Number(p));
  }
  return { points };
}

export interface PointResult {
  point: DesignPoint;
  rows: ReplicateRow[];
}

function appendValue(appender: DuckDBAppender, kind: "int" | "bigint" | "double" | "text", value: unknown): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (kind === "int") appender.appendInteger(value as number);
  else if (kind === "bigint") appender.appendBigInt(BigInt(value as number));
  else if (kind === "double") appender.appendDouble(value as number);
  else appender.appendVarchar(String(value));
}

/** Column list of a part file: name and SQL type. */
export function partColumns(d: Design): { name: string; sql: string; kind: "int" | "bigint" | "double" | "text" }[] {
  return [
    { name: "design_hash", sql: "VARCHAR", kind: "text" },
    { name: "version", sql: "VARCHAR", kind: "text" },
    { name: "point", sql: "INTEGER", kind: "int" },
    { name: "seed", sql: "BIGINT", kind: "bigint" },
    ...d.factors.map((f) => ({ name: factorColumn(f.name), sql: f.kind === "option" ? "VARCHAR" : "DOUBLE", kind: (f.kind === "option" ? "text" : "double") as "text" | "double" })),
    { name: "replicate", sql: "INTEGER", kind: "int" },
    { name: "option", sql: "VARCHAR", kind: "text" },
    { name: "year", sql: "INTEGER", kind: "int" },
    ...RESULT_COLUMNS.map((c) => ({ name: c, sql: "DOUBLE", kind: (columnKind(c) === "int" ? "int" : "double") as "int" | "double" })),
  ];
}

/**
 * Writes one batch of points as a Parquet file: temporary name, fsync, rename. Returns the file name.
 */
export async function writePart(
  connection: DuckDBConnection,
  dir: string,
  shard: { i: number; n: number },
  d: Design,
  meta: { designHash: string; version: string },
  batch: readonly PointResult[],
): Promise<string> {
  const first = Math.min(...batch.map((b) => b.point.id));
  const name = partName(shard.i, shard.n, first);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  const columns = partColumns(d);
  try {
    await connection.run(`CREATE OR REPLACE TEMP TABLE batch (${columns.map((c) => `${quote(c.name)} ${c.sql}`).join(", ")})`);
    const appender = await connection.createAppender("batch");
    for (const { point, rows } of [...batch].sort((a, b) => a.point.id - b.point.id)) {
      for (const row of rows) {
        const tidy = tidyRow(row);
        let subsidyTotal = 0;
        for (const p of PAYERS) subsidyTotal += row.subsidies[p];
        const values: Record<string, unknown> = { ...tidy, subsidy_total: subsidyTotal, design_hash: meta.designHash, version: meta.version, point: point.id, seed: point.seed };
        d.factors.forEach((f, k) => (values[factorColumn(f.name)] = point.values[k]));
        for (const c of columns) appendValue(appender, c.kind, values[c.name]);
        appender.endRow();
      }
    }
    appender.flushSync();
    appender.closeSync();
    await connection.run(`COPY (SELECT * FROM batch ORDER BY point, option, year, replicate) TO ${lit(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
    await connection.run("DROP TABLE batch");
    const fd = openSync(tmp, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // not written
    }
    throw new FailureError(`--out: cannot write ${JSON.stringify(join(dir, name))} (${messageOf(error)}); the points of this batch will be recomputed on the next run`);
  }
  return name;
}

export function writeManifest(dir: string, m: Manifest): void {
  const [i, n] = m.shard.split("/").map(Number) as [number, number];
  writeFileAtomic("--out", join(dir, manifestName(i, n)), `${JSON.stringify(m, null, 2)}\n`);
}
