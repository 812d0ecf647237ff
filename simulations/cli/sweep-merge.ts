/**
 * `puhui sweep merge <dir> [--db sweep.duckdb] [--replicates]`: checks that the shards in <dir>
 * come from one design and one puhui version and that every design point is present exactly
 * once, then builds one DuckDB database: `sweep` (the design, its hash, version, counts),
 * `points` (id, seed, factor values), `summaries` (per point, option and year: mean, sd, 5 %,
 * median and 95 % of the loss ratio, premiums, subsidies, benefits, enrolment, P(loss ratio > 1))
 * and, with --replicates, `replicates` (every replicate row). The rows are sorted and summarised in
 * one thread, so the database is the same to the bit however the sweep was sharded.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Field, Float64, Int32, List, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from "apache-arrow";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Io } from "./command.js";
import { FailureError, UsageError } from "./errors.js";
import { parseStrict } from "./args.js";
import { checkOutputPath } from "./files.js";
import { factorColumn, lit, manifestFiles, memoryDb, partFiles, partList, quote, readManifest, shardOfPart, type Manifest } from "./sweep-store.js";
import { InputError } from "../../src/rules/input-error.js";
import { designSize, parseDesign, schemeOfPath, type Design } from "../../src/sim/design.js";
import { getScheme } from "../../src/schemes/index.js";

/** Metrics summarised per point (columns of the part files). */
export const SUMMARY_METRICS = ["lossRatio", "gross", "net", "subsidy_total", "subsidy_budget", "subsidy_platform", "cost_platform", "benefits", "enrolled", "coverage", "expectedGross", "expectedBenefits"] as const;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ").trim();
}

/** The manifests' common design and version; a shard that differs is an InputError naming it. */
export function checkManifests(dir: string): { reference: Manifest; manifests: Manifest[] } {
  const names = manifestFiles(dir);
  if (names.length === 0) throw new InputError("<dir>", `no shard manifests in ${JSON.stringify(dir)} (allowed: a directory written by puhui sweep --out)`);
  const manifests = names.map((n) => readManifest(dir, n));
  const counts = new Map<string, number>();
  for (const m of manifests) counts.set(`${m.designHash}\u0000${m.version}`, (counts.get(`${m.designHash}\u0000${m.version}`) ?? 0) + 1);
  const [refKey] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const reference = manifests.find((m) => `${m.designHash}\u0000${m.version}` === refKey)!;
  manifests.forEach((m, k) => {
    if (m.designHash !== reference.designHash || m.version !== reference.version) {
      const what = m.designHash !== reference.designHash ? `design ${m.design} (${m.designHash})` : `puhui ${m.version}`;
      const ref = m.designHash !== reference.designHash ? `design ${reference.design} (${reference.designHash})` : `puhui ${reference.version}`;
      throw new InputError(`shard ${m.shard}`, `is from ${what}, the other shards from ${ref} (file ${names[k]}); nothing was merged (allowed: shards of one design and one version in a directory)`);
    }
  });
  return { reference, manifests };
}

interface MergeValues {
  db?: string;
  replicates?: boolean;
  arrow?: string;
}

export async function runMerge(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(args, { db: { type: "string" }, replicates: { type: "boolean" }, arrow: { type: "string" } });
  const v = values as MergeValues;
  if (positionals.length === 0) throw new UsageError("missing <dir> (the --out directory of the sweep's shards)");
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <dir>)`);
  const dir = positionals[0]!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError("<dir>", `not a directory (allowed: the --out directory of puhui sweep; got ${JSON.stringify(dir)})`);
  const dbPath = v.db ?? join(dir, "sweep.duckdb");
  if (dbPath.trim().startsWith(":memory:")) throw new InputError("--db", `must be a database file (allowed: a file path such as sweep.duckdb; got ${JSON.stringify(dbPath)})`);
  checkOutputPath("--db", dbPath, [], "sweep.duckdb");
  if (v.arrow !== undefined) {
    if (!/\.arrow$/i.test(v.arrow)) throw new InputError("--arrow", `not an .arrow file name (allowed: a file path ending in .arrow, e.g. sweep.arrow; got ${JSON.stringify(v.arrow)})`);
    checkOutputPath("--arrow", v.arrow, [{ path: dbPath, what: "the --db file" }], "sweep.arrow");
  }

  const { reference, manifests } = checkManifests(dir);
  const design = parseDesign(reference.designJson);
  const expected = designSize(design);
  const files = partFiles(dir);
  if (files.length === 0) throw new InputError("<dir>", `no result files (part-*.parquet) in ${JSON.stringify(dir)}; run the shards first`);

  const mem = await memoryDb();
  try {
    const c = mem.connection;
    const list = partList(dir, files);
    // Every file: same design and version.
    const meta = await c.runAndReadAll(`SELECT filename, design_hash, version FROM read_parquet(${list}, filename = true) GROUP BY ALL ORDER BY filename`);
    for (const [file, hash, ver] of meta.getRows() as [string, string, string][]) {
      if (hash !== reference.designHash || ver !== reference.version) {
        const name = String(file).split(/[\\/]/).pop()!;
        throw new InputError(
          `shard ${shardOfPart(name)}`,
          `its file ${name} is from design ${hash} puhui ${ver}, the manifests from design ${reference.designHash} puhui ${reference.version}; nothing was merged (allowed: shards of one design and one version in a directory)`,
        );
      }
    }
    // Every point exactly once.
    const perPoint = await c.runAndReadAll(`SELECT point, count(DISTINCT filename) AS files, min(filename), max(filename) FROM read_parquet(${list}, filename = true) GROUP BY point HAVING files > 1 ORDER BY point LIMIT 1`);
    const dup = perPoint.getRows()[0];
    if (dup) {
      const [point, nfiles, f1, f2] = dup as [number, bigint, string, string];
      const a = String(f1).split(/[\\/]/).pop()!;
      const b = String(f2).split(/[\\/]/).pop()!;
      throw new InputError(`shard ${shardOfPart(b)}`, `point ${point} is in ${nfiles} files (${a} of shard ${shardOfPart(a)}, ${b}); nothing was merged (allowed: each point exactly once: do not mix shardings of one sweep in a directory)`);
    }
    const present = await c.runAndReadAll(`SELECT count(DISTINCT point), min(point), max(point) FROM read_parquet(${list})`);
    const [count, lo, hi] = present.getRows()[0] as [bigint, number, number];
    if (Number(count) !== expected || lo !== 0 || hi !== expected - 1) {
      const missing = await c.runAndReadAll(`SELECT p FROM range(${expected}) t(p) WHERE p NOT IN (SELECT DISTINCT point FROM read_parquet(${list})) ORDER BY p LIMIT 5`);
      const ids = missing.getRows().map((r) => Number(r[0]));
      const incomplete = manifests.filter((m) => !m.complete).map((m) => `${m.shard} (${m.done} of ${m.points})`);
      const shardCount = Number(reference.shard.split("/")[1]);
      const missingShards = [...new Set(ids.map((p) => `${p % shardCount}/${shardCount}`))];
      throw new InputError(
        `shard ${missingShards[0] ?? "?"}`,
        `missing ${expected - Number(count)} of ${expected} points (first: ${ids.join(", ")}); incomplete shards: ${incomplete.join(", ") || `none reported — shards ${missingShards.join(", ")} have not run`} (allowed: every point present; re-run the shards named to resume them)`,
      );
    }
  } finally {
    mem.close();
  }

  // Build the database under a temporary name, then rename it over --db.
  const tmp = `${dbPath}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const started = performance.now();
  try {
    const instance = await DuckDBInstance.create(tmp, { threads: "1" });
    try {
      const c = await instance.connect();
      try {
        const list = partList(dir, files);
        const factors = design.factors.map((f) => quote(factorColumn(f.name)));
        await c.run(`CREATE TEMP TABLE all_rows AS SELECT * EXCLUDE (design_hash, version) FROM read_parquet(${list}) ORDER BY point, option, year, replicate`);
        await c.run(`CREATE TABLE sweep AS SELECT ${lit(design.id)} AS design_id, ${lit(reference.designHash)} AS design_hash, ${lit(reference.version)} AS version, ${lit(JSON.stringify(design))}::JSON AS design, ${expected} AS points, ${design.replicates} AS replicates, ${manifests.length} AS shards, ${lit(dir)} AS source`);
        await c.run(`CREATE TABLE points AS SELECT point, any_value(seed) AS seed${factors.map((f) => `, any_value(${f}) AS ${f}`).join("")} FROM all_rows GROUP BY point ORDER BY point`);
        const stats = SUMMARY_METRICS.map((m) => {
          const q = quote(m);
          return `avg(${q}) AS ${quote(`${m}_mean`)}, stddev_samp(${q}) AS ${quote(`${m}_sd`)}, quantile_cont(${q}, 0.05) AS ${quote(`${m}_q05`)}, quantile_cont(${q}, 0.5) AS ${quote(`${m}_q50`)}, quantile_cont(${q}, 0.95) AS ${quote(`${m}_q95`)}`;
        });
        await c.run(
          `CREATE TABLE summaries AS SELECT point, option, year, count(*) AS replicates, ${stats.join(", ")}, avg(CASE WHEN "lossRatio" > 1 THEN 1.0 ELSE 0.0 END) FILTER (WHERE "lossRatio" IS NOT NULL) AS p_loss_ratio_above_1 FROM all_rows GROUP BY point, option, year ORDER BY point, option, year`,
        );
        if (v.arrow !== undefined) await writeBrowserFile(c, v.arrow, factors, { id: design.id, hash: reference.designHash, version: reference.version, json: JSON.stringify(design), design });
        if (v.replicates) await c.run(`CREATE TABLE replicates AS SELECT * EXCLUDE (seed${factors.map((f) => `, ${f}`).join("")}) FROM all_rows ORDER BY point, option, year, replicate`);
        await c.run("DROP TABLE all_rows");
        await c.run("CHECKPOINT");
      } finally {
        c.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    renameSync(tmp, dbPath);
    rmSync(`${tmp}.wal`, { force: true });
  } catch (error) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    if (error instanceof InputError) throw error;
    throw new FailureError(`--db: cannot build ${JSON.stringify(dbPath)} (${messageOf(error)}); the previous file, if any, is unchanged`);
  }
  io.err(`merged ${expected} points from ${manifests.length} shard${manifests.length === 1 ? "" : "s"} (${files.length} files) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  io.out(`${design.id} (design ${reference.designHash}, puhui ${reference.version}): ${expected} points → ${dbPath} (tables: sweep, points, summaries${v.replicates ? ", replicates" : ""})${v.arrow !== undefined ? `; for the browser: ${v.arrow}` : ""}\n`);
  return 0;
}

/**
 * The browser's file (`--arrow`; the sweep page opens it): Arrow IPC, one row per point, option
 * and year with the factor values, the summaries and every
 * replicate's loss ratio in replicate order (a list), so the page can take P(low ≤ loss ratio ≤
 * high) for any band; the design (id, hash, version, JSON) is the schema's metadata. Arrow, not the DuckDB file: the browser's DuckDB cannot open a file written
 * by a newer DuckDB, and Arrow needs no DuckDB at all. Written under a temporary name, then renamed.
 */
async function writeBrowserFile(c: DuckDBConnection, path: string, factors: string[], d: { id: string; hash: string; version: string; json: string; design: Design }): Promise<void> {
  const reader = await c.runAndReadAll(
    `SELECT s.*${factors.map((f) => `, p.${f}`).join("")}, r.loss_ratios
     FROM summaries s
     JOIN points p USING (point)
     JOIN (SELECT point, option, year, list("lossRatio" ORDER BY replicate) AS loss_ratios FROM all_rows GROUP BY ALL) r USING (point, option, year)
     ORDER BY point, option, year`,
  );
  const names = reader.columnNames();
  const columns = names.map((_, j) => reader.getColumnsJS()[j]!);
    const vectors: Record<string, Vector> = {};
  names.forEach((name, j) => {
    const values = columns[j]!;
    if (name === "loss_ratios") {
      vectors[name] = vectorFromArray(values.map((l) => (l as (number | null)[]).map((x) => (x === null ? null : Number(x)))), new List(new Field("item", new Float64(), true)));
    } else if (values.every((x) => x === null || typeof x === "string")) {
      vectors[name] = vectorFromArray(values as (string | null)[], new Utf8());
    } else if (name === "point" || name === "year" || name === "replicates") {
      vectors[name] = vectorFromArray(values.map((x) => Number(x)), new Int32());
    } else {
      vectors[name] = vectorFromArray(values.map((x) => (x === null ? null : Number(x))), new Float64());
    }
  });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    // The design (id, hash, version, JSON) travels once, as the schema's metadata.
    const table = new Table(vectors);
    for (const [k, v] of Object.entries({ design_id: d.id, design_hash: d.hash, version: d.version, design: d.json, factors: JSON.stringify(factorInfo(d.design)) })) table.schema.metadata.set(k, v);
    writeFileSync(tmp, tableToIPC(table, "file"));
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new FailureError(`--arrow: cannot write ${JSON.stringify(path)} (${messageOf(error)}); the previous file, if any, is unchanged`);
  }
}

/** Each factor's column, kind, label {zh, en} (the design's, else a reform parameter's, else its name) and unit. */
export function factorInfo(d: Design): { name: string; column: string; kind: string; label: { zh: string; en: string }; unit?: string }[] {
  return d.factors.map((f) => {
    const column = factorColumn(f.name);
    if (f.kind === "reform") {
      const p = getScheme(schemeOfPath(f.path)).parameters.param(f.path);
      return { name: f.name, column, kind: f.kind, label: f.label ?? { zh: p.label.zh, en: p.label.en }, unit: p.unit };
    }
    return { name: f.name, column, kind: f.kind, label: f.label ?? { zh: f.name, en: f.name } };
  });
}
