/**
 * The command line never loses user data: results files are replaced atomically, input files are
 * never overwritten, and the DuckDB store (--db) survives concurrent appends, refuses tables it
 * did not create without touching them, waits for another process's lock, and refuses :memory:.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { FailureError } from "../../simulations/cli/errors.js";
import { writeFileAtomic } from "../../simulations/cli/files.js";
import { appendRun, checkResultsDb, type RunRecord } from "../../simulations/cli/results-db.js";
import { runJob } from "../../src/sim/parallel.js";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/small-gonghuibao.json";
const fixtureText = readFileSync(FIXTURE, "utf-8");
const dir = mkdtempSync(join(tmpdir(), "puhui-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

async function query(path: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  try {
    return (await c.runAndReadAll(sql)).getRows();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const rows = runJob({ scenarioText: fixtureText, mode: "fast", replicates: 5, seed: 1, uncertainty: true, range: [0, 5] });
const record = (seed: number): RunRecord => ({
  scenarioId: "small-gonghuibao", scenarioJson: fixtureText, seed, replicates: 5, mode: "fast", uncertainty: true,
  version: "test", startedAt: new Date(), durationS: 0, reformJson: null,
});

describe("--out: atomic replacement", () => {
  it("a failed write (full disk) leaves the previous file whole and no temporary file", () => {
    const path = join(dir, "keep.json");
    writeFileSync(path, "complete previous results\n");
    const full = Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    let wrote = 0;
    expect(() =>
      writeFileAtomic("--out", path, "x".repeat(100_000), (fd, data) => {
        wrote += data.length / 2; // half written, then the disk is full
        throw full;
      }),
    ).toThrow(new FailureError(`--out: cannot write "${path}" (ENOSPC); the previous file is unchanged`));
    expect(wrote).toBeGreaterThan(0);
    expect(readFileSync(path, "utf-8")).toBe("complete previous results\n");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("a successful write replaces the file (new inode, same permissions)", () => {
    const path = join(dir, "replace.json");
    writeFileSync(path, "old", { mode: 0o640 });
    const before = statSync(path);
    writeFileAtomic("--out", path, "new");
    const after = statSync(path);
    expect(readFileSync(path, "utf-8")).toBe("new");
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
  });

  it("simulate --out a.json where a.json is the scenario is refused; the scenario is unchanged", async () => {
    const scenario = join(dir, "a.json");
    writeFileSync(scenario, fixtureText);
    for (const flag of ["--out", "--db"]) {
      const r = await run("simulate", scenario, flag, scenario, "--replicates", "5");
      expect(r.code).toBe(2);
      expect(r.err).toBe(`puhui simulate: ${flag}: is the scenario file; writing it would destroy the input (allowed: a different file; got "${scenario}")\n`);
    }
    expect(readFileSync(scenario, "utf-8")).toBe(fixtureText);
  });

  it("an unwritable directory is refused before the simulation", async () => {
    if (process.getuid?.() === 0) return; // root may write anywhere: nothing to refuse
    const { chmodSync, mkdirSync } = await import("node:fs");
    const ro = join(dir, "read-only");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = await run("simulate", FIXTURE, "--replicates", "5", "--out", join(ro, "r.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^puhui simulate: --out: directory ".*read-only" is not writable/);
  });
});

describe("--db", () => {
  it(":memory: is refused (nothing would be stored)", async () => {
    const r = await run("simulate", FIXTURE, "--replicates", "2", "--db", ":memory:");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain('--db: must be a database file; nothing would be stored in ":memory:"');
    await expect(appendRun(":memory:", record(1), rows)).rejects.toThrow("--db: must be a database file");
  });

  it("two concurrent appends to one file (in-process) both survive", async () => {
    const db = join(dir, "concurrent.duckdb");
    const [a, b] = await Promise.all([
      run("simulate", FIXTURE, "--replicates", "7", "--seed", "1", "--db", db),
      run("simulate", FIXTURE, "--replicates", "9", "--seed", "2", "--db", db),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(await query(db, "SELECT run_id, seed, replicates FROM runs ORDER BY seed")).toEqual([
      [expect.any(Number), 1n, 7],
      [expect.any(Number), 2n, 9],
    ]);
    expect(await query(db, "SELECT r.seed, count(*) FROM replicates x JOIN runs r USING (run_id) GROUP BY ALL ORDER BY 1")).toEqual([[1n, 7n], [2n, 9n]]);
  });

  it("waits for another process's lock, then appends; gives up after the timeout with one line", { timeout: 300_000 }, async () => {
    const db = join(dir, "locked.duckdb");
    await appendRun(db, record(1), rows);
    // Another process holds the file open for writing for `ms` milliseconds.
    const hold = (ms: number) =>
      new Promise<{ done: Promise<void> }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--input-type=module", "-e", `
          import { DuckDBInstance } from "@duckdb/node-api";
          const i = await DuckDBInstance.create(${JSON.stringify(db)});
          const c = await i.connect();
          await c.run("SELECT 1");
          process.stdout.write("locked\\n");
          setTimeout(() => { c.closeSync(); i.closeSync(); }, ${ms});`], { stdio: ["ignore", "pipe", "inherit"] });
        const done = new Promise<void>((r) => child.on("exit", () => r()));
        child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve({ done }));
        child.on("error", reject);
      });
    let holder = await hold(2_000);
    const started = Date.now();
    expect(await appendRun(db, record(2), rows, { lockTimeoutMs: 30_000 })).toBe(2);
    expect(Date.now() - started).toBeGreaterThan(200);
    await holder.done;
    holder = await hold(5_000);
    const error = await appendRun(db, record(3), rows, { lockTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(new RegExp(`^--db: "${db.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" is locked by another process \\(PID \\d+\\); waited 0\\.\\d s \\(allowed: a database no other process holds open; try again when it has finished\\)$`));
    await holder.done;
    expect(await query(db, "SELECT run_id FROM runs ORDER BY 1")).toEqual([[1], [2]]);
  });

  it("a foreign replicates or runs table is refused before any change", async () => {
    for (const [table, ddl] of [
      ["replicates", "CREATE TABLE replicates (a INTEGER, b VARCHAR); INSERT INTO replicates VALUES (1, 'x')"],
      ["runs", "CREATE TABLE runs (id INTEGER, note VARCHAR); INSERT INTO runs VALUES (1, 'mine')"],
    ] as const) {
      const db = join(dir, `foreign-${table}.duckdb`);
      await query(db, ddl);
      const before = await query(db, "SELECT table_name, column_name FROM information_schema.columns ORDER BY ALL");
      const r = await run("simulate", FIXTURE, "--replicates", "3", "--db", db);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^puhui simulate: --db: its "${table}" table was not written by puhui simulate \\(columns [a-z_, ]+\\); nothing was changed \\(allowed: a results database written by puhui simulate, or a new file; got ".*"\\)\\n$`));
      expect(r.err).not.toContain("simulated"); // refused before the simulation
      await expect(appendRun(db, record(1), rows)).rejects.toThrow(`its "${table}" table was not written by puhui simulate`);
      expect(await query(db, "SELECT table_name, column_name FROM information_schema.columns ORDER BY ALL")).toEqual(before);
    }
  });

  it("a file that is not a DuckDB database is refused before the simulation", async () => {
    const path = join(dir, "notes.duckdb");
    writeFileSync(path, "these are my notes, not a database\n".repeat(200));
    const r = await run("simulate", FIXTURE, "--replicates", "3", "--db", path);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`puhui simulate: --db: is not a DuckDB database (allowed: a results database written by puhui simulate, or a new file; got "${path}")\n`);
    expect(readFileSync(path, "utf-8")).toBe("these are my notes, not a database\n".repeat(200));
  });

  it("a failed append changes nothing (one transaction, DDL included)", async () => {
    const db = join(dir, "rollback.duckdb");
    const bad = [{ ...rows[0]!, replicate: "not a number" as unknown as number }];
    await expect(appendRun(db, record(1), bad)).rejects.toThrow(/^--db: could not append to ".*"; the database is unchanged/);
    expect(await query(db, "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('runs', 'replicates')")).toEqual([[0n]]);
    await checkResultsDb(db);
  });
});
