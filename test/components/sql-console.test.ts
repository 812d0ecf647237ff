/**
 * The SQL page's engine against a fake duckdb-wasm: the lockdown runs (and is checked) before any
 * query, a SELECT is capped, the offline refusals are recognised, and Cancel stops a query — by
 * cancelSent when DuckDB polls, by terminating the worker when it does not — after which the next
 * query runs on a fresh database.
 */
import { describe, expect, it } from "vitest";
import { cleanMessage, isBlocked, LOCKDOWN, limitedQuery, SqlEngine, type DuckBatch, type DuckConnection, type DuckDb, type DuckReader, type DuckTable } from "../../src/components/sql-console.js";

function batch(rows: Record<string, unknown>[], columns = Object.keys(rows[0] ?? { x: 0 })): DuckTable {
  return {
    numRows: rows.length,
    schema: { fields: columns.map((name) => ({ name })) },
    toArray: () => rows,
    slice: (b = 0, e = rows.length) => batch(rows.slice(b, e), columns),
  };
}

interface Fake extends DuckDb {
  log: string[];
  terminated: boolean;
}

/** `behaviour(sql)` decides what a sent query does: rows, an error, or "hang" (cancellable or not). */
function fakeDb(behaviour: (sql: string) => Record<string, unknown>[] | Error | "hang-cancellable" | "hang-stuck", settings = { external: "false", autoinstall: "false", autoload: "false", locked: "true" }): Fake {
  const db: Fake = {
    log: [],
    terminated: false,
    async terminate() {
      db.terminated = true;
    },
    async connect(): Promise<DuckConnection> {
      let reject: ((e: Error) => void) | null = null;
      let cancellable = false;
      return {
        async query(sql) {
          db.log.push(`query ${sql}`);
          if (sql.startsWith("SELECT current_setting")) return batch([settings]);
          return batch([]);
        },
        send(sql) {
          db.log.push(`send ${sql}`);
          const b = behaviour(sql);
          if (b === "hang-cancellable" || b === "hang-stuck") {
            cancellable = b === "hang-cancellable";
            return new Promise<DuckReader>((_, r) => (reject = r));
          }
          if (b instanceof Error) return Promise.reject(b);
          const batches: DuckBatch[] = [batch(b)];
          return Promise.resolve({ next: async () => (batches.length ? { done: false, value: batches.shift()! } : { done: true, value: undefined }) } as DuckReader);
        },
        async cancelSent() {
          db.log.push("cancelSent");
          if (cancellable && reject) reject(new Error("query was canceled"));
          return cancellable;
        },
        async close() {},
      };
    },
  };
  return db;
}

describe("limitedQuery", () => {
  it("wraps one query statement in a LIMIT of max + 1 rows", () => {
    expect(limitedQuery("SELECT * FROM runs;", 10)).toBe("SELECT * FROM (\nSELECT * FROM runs\n) AS puhui_query LIMIT 11");
    expect(limitedQuery("-- a comment\nwith a AS (SELECT 1) SELECT * FROM a -- trailing", 5)).toMatch(/^SELECT \* FROM \(\nwith a AS \(SELECT 1\) SELECT \* FROM a/);
    expect(limitedQuery("FROM runs", 5)).toContain("FROM runs");
    expect(limitedQuery("SELECT ';' AS s", 5)).not.toBeNull();
  });
  it("leaves other statements and several statements alone", () => {
    for (const sql of ["CREATE TABLE t AS SELECT 1", "SET threads = 1", "DESCRIBE runs", "SELECT 1; SELECT 2", "ATTACH 'http://example.invalid/x.db'", "COPY runs TO 'x.csv'"]) expect(limitedQuery(sql, 5), sql).toBeNull();
  });
});

describe("offline refusals", () => {
  it("are recognised and lose DuckDB's advice to install or auto-load extensions", () => {
    const parquet = 'Catalog Error: Table Function with name "read_parquet" is not in the catalog, but it exists in the parquet extension.\n\nPlease try installing and loading the parquet extension by running:\nINSTALL parquet;\nLOAD parquet;\n\nAlternatively, consider enabling auto-install and auto-load by running:\nSET autoinstall_known_extensions=1;';
    expect(isBlocked(parquet)).toBe(true);
    expect(cleanMessage(parquet)).toBe('Catalog Error: Table Function with name "read_parquet" is not in the catalog, but it exists in the parquet extension.');
    for (const m of ["Permission Error: Scanning read_csv files is disabled through configuration", "Permission Error: COPY TO is disabled through configuration", "Permission Error: Loading external extensions is disabled through configuration", "Missing Extension Error: Attaching path 'http://x/z.db' requires extension 'httpfs' to be loaded", 'Invalid Input Error: Cannot change configuration option "enable_external_access" - the configuration has been locked']) expect(isBlocked(m), m).toBe(true);
    expect(isBlocked("Catalog Error: Table with name https://example.invalid/r.parquet does not exist!\nDid you mean \"runs\"?")).toBe(true);
    expect(isBlocked('Parser Error: syntax error at or near "SELEKT"')).toBe(false);
    expect(isBlocked("Catalog Error: Table with name nope does not exist!")).toBe(false);
  });
});

describe("SqlEngine", () => {
  it("locks the database down before the first query and checks that the settings took", async () => {
    const db = fakeDb(() => [{ n: 1 }]);
    const engine = new SqlEngine(async () => db);
    expect(await engine.query("SELECT 1 AS n")).toEqual([{ n: 1 }]);
    const first = db.log.findIndex((l) => l.startsWith("send"));
    expect(db.log.slice(0, LOCKDOWN.length)).toEqual(LOCKDOWN.map((s) => `query ${s}`));
    expect(db.log[LOCKDOWN.length]).toMatch(/^query SELECT current_setting/);
    expect(first).toBeGreaterThan(LOCKDOWN.length);
  });

  it("refuses to run anything when the settings did not take", async () => {
    const db = fakeDb(() => [{ n: 1 }], { external: "true", autoinstall: "false", autoload: "false", locked: "true" });
    const engine = new SqlEngine(async () => db);
    const o = await engine.run("SELECT 1").outcome;
    expect(o).toMatchObject({ status: "error", message: expect.stringContaining("did not accept the offline settings") });
    expect(db.log.some((l) => l.startsWith("send"))).toBe(false);
    expect(db.terminated).toBe(true);
  });

  it("keeps the first maxRows rows and says there were more", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ i }));
    const engine = new SqlEngine(async () => fakeDb(() => rows), { maxRows: 10 });
    const o = await engine.run("SELECT i FROM range(12) t(i)").outcome;
    expect(o).toMatchObject({ status: "done", columns: ["i"], truncated: true });
    expect(o.status === "done" && o.rows.length).toBe(10);
  });

  it("reports an offline refusal as blocked", async () => {
    const engine = new SqlEngine(async () => fakeDb(() => new Error("Permission Error: Scanning read_csv files is disabled through configuration")));
    expect(await engine.run("SELECT * FROM read_csv('http://example.invalid/x.csv')").outcome).toMatchObject({ status: "error", blocked: true });
  });

  it("cancels a polled query with cancelSent and keeps the database", async () => {
    const db = fakeDb((sql) => (sql.includes("CROSS JOIN") ? "hang-cancellable" : [{ answer: 42 }]));
    const engine = new SqlEngine(async () => db);
    const job = engine.run("SELECT count(*) FROM range(100000000) a CROSS JOIN range(100000000) b");
    await new Promise((r) => setTimeout(r, 20));
    await job.cancel();
    expect(await job.outcome).toMatchObject({ status: "cancelled", restarted: false });
    expect(db.log).toContain("cancelSent");
    expect(db.terminated).toBe(false);
    expect(await engine.query("SELECT 42 AS answer")).toEqual([{ answer: 42 }]);
  });

  it("terminates the worker when the query does not stop, and the next query opens a fresh database", async () => {
    const opened: Fake[] = [];
    const engine = new SqlEngine(
      async () => {
        const db = fakeDb((sql) => (sql.includes("CROSS JOIN") ? "hang-stuck" : [{ answer: 42 }]));
        opened.push(db);
        return db;
      },
      { graceMs: 50 },
    );
    const job = engine.run("SELECT * FROM range(100000000) a CROSS JOIN range(100000000) b");
    await new Promise((r) => setTimeout(r, 20));
    await job.cancel();
    expect(await job.outcome).toMatchObject({ status: "cancelled", restarted: true });
    expect(opened[0]!.terminated).toBe(true);
    expect(await engine.query("SELECT 42 AS answer")).toEqual([{ answer: 42 }]);
    expect(opened).toHaveLength(2);
  });
});
