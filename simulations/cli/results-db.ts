/**
 * The results store behind `puhui simulate --db results.duckdb`: each run is appended to a DuckDB
 * database file (through @duckdb/node-api) as one row of `runs` and its tidy per-replicate rows in
 * `replicates` (run_id + the columns of src/sim/results.ts). Tables are created when missing, and
 * tidy columns added later (e.g. a new payer) are added to an existing `replicates` table.
 *
 * Safety: the whole append (creating tables and columns included) is one transaction, so an
 * interrupted or failed append leaves the database as it was. A `runs` or `replicates` table that
 * puhui did not create is refused before anything is changed. DuckDB lets one process at a time
 * open a file for writing: an append waits for another process's (retrying with backoff, up to
 * 30 s by default), and appends within one process are queued. `:memory:` is refused (nothing
 * would be stored).
 *
 *   SELECT r.run_id, r.mode, avg(x.benefits) FROM runs r JOIN replicates x USING (run_id) GROUP BY ALL;
 */
import { existsSync, realpathSync } from "node:fs";
import { resolve } from "node:path";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { FailureError } from "./errors.js";
import { checkOutputPath, type InputFile } from "./files.js";
import { InputError } from "../../src/rules/input-error.js";
import { columnKind, TIDY_COLUMNS, tidyRow } from "../../src/sim/results.js";
import type { ReplicateRow } from "../../src/sim/run.js";

export interface RunRecord {
  scenarioId: string;
  /** The scenario file's JSON text as read. */
  scenarioJson: string;
  seed: number;
  replicates: number;
  mode: string;
  uncertainty: boolean;
  /** Workbench version (package.json). */
  version: string;
  startedAt: Date;
  durationS: number;
  /** The command-line reform as JSON text, or null. */
  reformJson: string | null;
}

const RUNS_DDL = `CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  scenario_id VARCHAR NOT NULL,
  scenario JSON NOT NULL,
  seed BIGINT NOT NULL,
  replicates INTEGER NOT NULL,
  mode VARCHAR NOT NULL,
  uncertainty BOOLEAN NOT NULL,
  version VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  duration_s DOUBLE NOT NULL,
  reform JSON
)`;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sqlType(column: string): string {
  const kind = columnKind(column);
  return kind === "int" ? "INTEGER" : kind === "text" ? "VARCHAR" : "DOUBLE";
}

const REPLICATES_DDL = `CREATE TABLE IF NOT EXISTS replicates (
  run_id INTEGER NOT NULL,
  ${TIDY_COLUMNS.map((c) => `${quote(c)} ${sqlType(c)}`).join(",\n  ")}
)`;

/** The columns of our `runs` table, in order. */
const RUNS_COLUMNS = ["run_id", "scenario_id", "scenario", "seed", "replicates", "mode", "uncertainty", "version", "started_at", "duration_s", "reform"];
/** Columns every `replicates` table we wrote has (later versions only add tidy columns). */
const REPLICATES_CORE = ["run_id", "replicate", "option", "year"];

export interface DbOptions {
  /** How long to wait for another process's lock on the file (ms); default 30 000. */
  lockTimeoutMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/** Checks the --db path before any work: a file (not :memory:), writable, not an input file. */
export function checkDbPath(path: string, inputs: readonly InputFile[] = []): void {
  const p = path.trim();
  if (p === "" || p.startsWith(":memory:") || /^(md|motherduck):/i.test(p)) {
    throw new InputError("--db", `must be a database file; nothing would be stored in ${JSON.stringify(path)} (allowed: a file path such as results.duckdb; got ${JSON.stringify(path)})`);
  }
  checkOutputPath("--db", path, inputs, "results.duckdb");
}

function keyOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Appends (and checks) to one file run one after another within this process. */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(path: string, task: () => Promise<T>): Promise<T> {
  const key = keyOf(path);
  const before = queues.get(key) ?? Promise.resolve();
  const result = before.then(task, task);
  const tail = result.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ").trim();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the file, waiting (exponential backoff from 50 ms to 1 s) while another process holds
 * its lock; after `timeoutMs` a one-line FailureError names the file (and the holder's PID).
 */
async function openDb(path: string, readOnly: boolean, timeoutMs: number): Promise<DuckDBInstance> {
  const start = Date.now();
  let delay = 50;
  for (;;) {
    try {
      return await DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
    } catch (error) {
      const message = messageOf(error);
      if (/could not set lock|conflicting lock/i.test(message)) {
        const waited = Date.now() - start;
        if (waited >= timeoutMs) {
          const pid = /\(PID (\d+)\)/.exec(message)?.[1];
          throw new FailureError(
            `--db: ${JSON.stringify(path)} is locked by another process${pid ? ` (PID ${pid})` : ""}; waited ${(waited / 1000).toFixed(1)} s (allowed: a database no other process holds open; try again when it has finished)`,
          );
        }
        await sleep(Math.min(delay, Math.max(1, timeoutMs - waited)) * (0.75 + 0.5 * Math.random()));
        delay = Math.min(1000, delay * 1.6);
        continue;
      }
      if (/not a valid DuckDB database|invalid database|database file.*corrupt/i.test(message)) {
        throw new InputError("--db", `is not a DuckDB database (allowed: a results database written by puhui simulate, or a new file; got ${JSON.stringify(path)})`);
      }
      throw new FailureError(`--db: cannot open ${JSON.stringify(path)} (${message})`);
    }
  }
}

async function tableType(connection: DuckDBConnection, table: string): Promise<string | undefined> {
  const reader = await connection.runAndReadAll("SELECT table_type FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'", [table]);
  const rows = reader.getRows();
  return rows.length === 0 ? undefined : String(rows[0]![0]);
}

/**
 * Refuses a `runs` or `replicates` table (or view) that puhui did not create, naming it and its
 * columns; reads only.
 */
async function checkTables(connection: DuckDBConnection, path: string): Promise<void> {
  const foreign = (table: string, why: string) =>
    new InputError("--db", `its "${table}" table was not written by puhui simulate (${why}); nothing was changed (allowed: a results database written by puhui simulate, or a new file; got ${JSON.stringify(path)})`);
  for (const table of ["runs", "replicates"]) {
    const type = await tableType(connection, table);
    if (type !== undefined && type !== "BASE TABLE") throw foreign(table, `it is a ${type.toLowerCase()}`);
  }
  const runs = (await tableColumns(connection, "runs")).map((c) => c.name);
  if (runs.length > 0 && runs.join(",") !== RUNS_COLUMNS.join(",")) throw foreign("runs", `columns ${runs.join(", ")}`);
  const replicates = (await tableColumns(connection, "replicates")).map((c) => c.name);
  if (replicates.length > 0) {
    const ours = new Set(["run_id", ...TIDY_COLUMNS]);
    const unknown = replicates.filter((c) => !ours.has(c));
    if (replicates[0] !== "run_id" || unknown.length > 0 || !REPLICATES_CORE.every((c) => replicates.includes(c))) {
      throw foreign("replicates", `columns ${replicates.join(", ")}`);
    }
  }
}

/**
 * Before a simulation: the database (when the file exists) opens, is a DuckDB file and holds no
 * foreign runs/replicates table. Changes nothing; a missing file is fine (the append creates it).
 */
export async function checkResultsDb(path: string, options: DbOptions = {}): Promise<void> {
  if (!existsSync(path)) return;
  await serialized(path, async () => {
    const instance = await openDb(path, true, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    try {
      const connection = await instance.connect();
      try {
        await checkTables(connection, path);
      } finally {
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
  });
}

async function tableColumns(connection: DuckDBConnection, table: string): Promise<{ name: string; type: string }[]> {
  const reader = await connection.runAndReadAll(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
    [table],
  );
  return reader.getRows().map((r) => ({ name: String(r[0]), type: String(r[1]) }));
}

function appendValue(appender: DuckDBAppender, type: string, value: unknown): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (type === "INTEGER") appender.appendInteger(value as number);
  else if (type === "BIGINT") appender.appendBigInt(BigInt(value as number));
  else if (type === "DOUBLE") appender.appendDouble(value as number);
  else appender.appendVarchar(String(value));
}

/**
 * Appends a run and its rows to the database file (created if missing) in one transaction; returns
 * the new run_id. Refuses foreign runs/replicates tables before changing anything.
 */
export function appendRun(path: string, run: RunRecord, rows: readonly ReplicateRow[], options: DbOptions = {}): Promise<number> {
  if (path.trim() === "" || path.trim().startsWith(":memory:")) return Promise.reject(new InputError("--db", `must be a database file (allowed: a file path such as results.duckdb; got ${JSON.stringify(path)})`));
  return serialized(path, () => appendNow(path, run, rows, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS));
}

async function appendNow(path: string, run: RunRecord, rows: readonly ReplicateRow[], lockTimeoutMs: number): Promise<number> {
  const instance = await openDb(path, false, lockTimeoutMs);
  try {
    const connection = await instance.connect();
    try {
      await connection.run("BEGIN TRANSACTION");
      try {
        await checkTables(connection, path);
        await connection.run(RUNS_DDL);
        await connection.run(REPLICATES_DDL);
        // Columns the tidy table gained since the database was created.
        const existing = new Set((await tableColumns(connection, "replicates")).map((c) => c.name));
        for (const c of TIDY_COLUMNS) {
          if (!existing.has(c)) await connection.run(`ALTER TABLE replicates ADD COLUMN ${quote(c)} ${sqlType(c)}`);
        }
        const columns = await tableColumns(connection, "replicates");
        const next = await connection.runAndReadAll("SELECT coalesce(max(run_id), 0) + 1 FROM runs");
        const runId = Number(next.getRows()[0]![0]);
        await connection.run(
          `INSERT INTO runs VALUES ($run_id, $scenario_id, $scenario::JSON, $seed, $replicates, $mode, $uncertainty, $version, $started_at::TIMESTAMPTZ, $duration_s, $reform::JSON)`,
          {
            run_id: runId,
            scenario_id: run.scenarioId,
            scenario: run.scenarioJson,
            seed: BigInt(run.seed),
            replicates: run.replicates,
            mode: run.mode,
            uncertainty: run.uncertainty,
            version: run.version,
            started_at: run.startedAt.toISOString(),
            duration_s: run.durationS,
            reform: run.reformJson,
          },
        );
        const appender = await connection.createAppender("replicates");
        for (const row of rows) {
          const tidy = tidyRow(row);
          for (const c of columns) appendValue(appender, c.type, c.name === "run_id" ? runId : tidy[c.name]);
          appender.endRow();
        }
        appender.flushSync();
        appender.closeSync();
        await connection.run("COMMIT");
        return runId;
      } catch (error) {
        await connection.run("ROLLBACK").catch(() => undefined);
        if (error instanceof InputError || error instanceof FailureError) throw error;
        throw new FailureError(`--db: could not append to ${JSON.stringify(path)}; the database is unchanged (${messageOf(error)})`);
      }
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
