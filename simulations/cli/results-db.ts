/**
 * The results store behind `puhui simulate --db results.duckdb`: each run is appended to a DuckDB
 * database file (through @duckdb/node-api) as one row of `runs` and its tidy per-replicate rows in
 * `replicates` (run_id + the columns of src/sim/results.ts). Tables are created when missing, and
 * tidy columns added later (e.g. a new payer) are added to an existing `replicates` table.
 *
 *   SELECT r.run_id, r.mode, avg(x.benefits) FROM runs r JOIN replicates x USING (run_id) GROUP BY ALL;
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
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

/** Appends a run and its rows to the database file (created if missing); returns the new run_id. */
export async function appendRun(path: string, run: RunRecord, rows: readonly ReplicateRow[]): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await connection.run(RUNS_DDL);
    await connection.run(REPLICATES_DDL);
    // Columns the tidy table gained since the database was created.
    const existing = new Set((await tableColumns(connection, "replicates")).map((c) => c.name));
    for (const c of TIDY_COLUMNS) {
      if (!existing.has(c)) await connection.run(`ALTER TABLE replicates ADD COLUMN ${quote(c)} ${sqlType(c)}`);
    }
    const columns = await tableColumns(connection, "replicates");
    await connection.run("BEGIN TRANSACTION");
    try {
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
      throw error;
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
