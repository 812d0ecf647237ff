/**
 * `puhui sweep`: a 200-point design on the small 工惠保 fixture (5 replicates a point) run as 4
 * shards in parallel processes and as one process merges to identical databases (to the bit);
 * a shard killed midway resumes without duplicates; a shard of another design or version is
 * refused by merge; bad input is one line and exit 2. Processes run `node bin/puhui.js`.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDesign, expandDesign, pointSeed } from "../../src/sim/design.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "puhui-sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = resolve("test/fixtures/small-gonghuibao.json");

function designFile(name: string, extra: Record<string, unknown> = {}): string {
  const d = {
    id: "test-grid",
    scenario: FIXTURE,
    seed: 7,
    replicates: 5,
    factors: [
      { kind: "reform", name: "premium", path: "gonghuibao.premium.upToThreshold", range: [40, 120], steps: 20 },
      { kind: "assumption", name: "takeup", assumption: "takeup", levels: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
    ],
    design: { type: "grid" },
    target: { lossRatio: [0.5, 1.5], confidence: 0.9 },
    ...extra,
  };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(d));
  return path;
}

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ["bin/puhui.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (b) => (out += b));
    p.stderr.on("data", (b) => (err += b));
    p.on("close", (code) => done({ code, out, err }));
  });
}

const run = runCli;

async function tables(db: string): Promise<Record<string, unknown[][]>> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const c = await instance.connect();
  try {
    const out: Record<string, unknown[][]> = {};
    for (const t of ["points", "summaries", "replicates"]) out[t] = (await c.runAndReadAll(`SELECT * FROM ${t} ORDER BY ALL`)).getRows();
    out["sweep"] = (await c.runAndReadAll("SELECT design_id, design_hash, version, points, replicates FROM sweep")).getRows();
    return out;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

let design: string;
beforeAll(() => {
  design = designFile("grid");
  // Build the CLI bundle once, so parallel processes do not each rebuild it.
  spawnSync(process.execPath, ["scripts/build-cli.mjs", "--if-stale"]);
});

// Each test here starts several whole processes (and DuckDB): on a loaded 2-core machine the first
// took two minutes. The timeout only catches a hang.
describe("puhui sweep: shards", { timeout: 600_000 }, () => {
  it("4 shards in parallel processes and 1 process merge to identical databases", async () => {
    const one = join(dir, "one");
    const four = join(dir, "four");
    const results = await Promise.all([cli(["sweep", design, "--out", one]), ...[0, 1, 2, 3].map((i) => cli(["sweep", design, "--shard", `${i}/4`, "--out", four]))]);
    for (const r of results) expect(r.code, r.err).toBe(0);
    expect(results[1]!.out).toMatch(/^shard 0\/4 of test-grid \(design [0-9a-f]{16}\): 50 of 50 points written/);
    expect((await cli(["sweep", "merge", one, "--replicates"])).code).toBe(0);
    const m = await cli(["sweep", "merge", four, "--replicates"]);
    expect(m.code, m.err).toBe(0);
    expect(m.out).toContain("200 points");
    const a = await tables(join(one, "sweep.duckdb"));
    const b = await tables(join(four, "sweep.duckdb"));
    expect(a["points"]!.length).toBe(200);
    expect(a["replicates"]!.length).toBe(200 * 5);
    expect(b).toEqual(a);
    // --workers 2: two processes (sub-shards 0/2 and 1/2), the same database.
    const two = join(dir, "two");
    const w = await run("sweep", design, "--workers", "2", "--out", two);
    expect(w.code, w.err).toBe(0);
    expect(w.out).toContain("200 of 200 points written");
    expect((await cli(["sweep", "merge", two, "--replicates"])).code).toBe(0);
    expect(await tables(join(two, "sweep.duckdb"))).toEqual(a);
    // A subset reproduces: the in-process run of one shard gives the same rows.
    const sub = join(dir, "sub");
    expect((await run("sweep", design, "--shard", "3/4", "--out", sub)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(sub, "manifest-3-of-4.json"), "utf-8"));
    expect(manifest).toMatchObject({ design: "test-grid", shard: "3/4", points: 50, done: 50, complete: true, version: a["sweep"]![0]![2] });
    // Feasible region from the merged database.
    const an = await run("sweep", "analyse", join(four, "sweep.duckdb"));
    expect(an.code, an.err).toBe(0);
    expect(an.out).toMatch(/points where P\(0\.5 ≤ loss ratio ≤ 1\.5\) ≥ 0\.9 — \d+ of 200 feasible/);
    expect(an.out).toContain("premium \\ takeup");
  });

  it("a shard killed midway resumes without duplicates", async () => {
    const out = join(dir, "killed");
    const p = spawn(process.execPath, ["bin/puhui.js", "sweep", design, "--shard", "1/2", "--batch", "5", "--out", out], { stdio: "ignore" });
    const parts = () => (existsSync(out) ? readdirSync(out).filter((f) => f.startsWith("part-1-of-2")).length : 0);
    await new Promise<void>((done) => {
      const t = setInterval(() => {
        if (parts() >= 3 || p.exitCode !== null) {
          clearInterval(t);
          p.kill("SIGKILL");
          done();
        }
      }, 20);
    });
    await new Promise((r) => p.on("close", r));
    const before = parts();
    expect(before).toBeGreaterThanOrEqual(3);
    const other = await cli(["sweep", design, "--shard", "0/2", "--out", out]);
    expect(other.code).toBe(0);
    const incomplete = await cli(["sweep", "merge", out]);
    if (before < 20) {
      expect(incomplete.code).toBe(2);
      expect(incomplete.err).toMatch(/^puhui sweep merge: shard 1\/2: missing \d+ of 200 points/);
      expect(incomplete.err.trim().split("\n")).toHaveLength(1);
    }
    const again = await cli(["sweep", design, "--shard", "1/2", "--batch", "5", "--out", out]);
    expect(again.code, again.err).toBe(0);
    const merged = await cli(["sweep", "merge", out, "--replicates"]);
    expect(merged.code, merged.err).toBe(0);
    const t = await tables(join(out, "sweep.duckdb"));
    expect(t["points"]!.length).toBe(200);
    expect(t["replicates"]!.length).toBe(1000);
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const reference = await tables(join(dir, "one", "sweep.duckdb"));
    expect(t).toEqual(reference);
  });

  it("merge refuses a shard of another design or another version, naming it", async () => {
    const out = join(dir, "mixed");
    const small = designFile("small", { factors: [{ kind: "assumption", name: "takeup", assumption: "takeup", levels: [0.2, 0.4] }] });
    const other = designFile("other", { seed: 8, factors: [{ kind: "assumption", name: "takeup", assumption: "takeup", levels: [0.2, 0.4] }] });
    expect((await run("sweep", small, "--shard", "0/2", "--out", out)).code).toBe(0);
    expect((await run("sweep", small, "--shard", "1/2", "--out", out)).code).toBe(0);
    expect((await run("sweep", "merge", out)).code).toBe(0);
    // Another design into the same directory is refused by the shard itself …
    const refused = await run("sweep", other, "--shard", "1/2", "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^puhui sweep: --out: already holds results of another sweep/);
    // … and a foreign manifest (another version) by merge.
    const m = JSON.parse(readFileSync(join(out, "manifest-1-of-2.json"), "utf-8"));
    writeFileSync(join(out, "manifest-1-of-2.json"), JSON.stringify({ ...m, version: "0.0.1" }));
    const r = await run("sweep", "merge", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`puhui sweep merge: shard 1/2: is from puhui 0.0.1, the other shards from puhui ${m.version} (file manifest-1-of-2.json); nothing was merged (allowed: shards of one design and one version in a directory)\n`);
    writeFileSync(join(out, "manifest-1-of-2.json"), JSON.stringify({ ...m, designHash: "0123456789abcdef", design: "other" }));
    const r2 = await run("sweep", "merge", out);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/^puhui sweep merge: shard 1\/2: is from design other \(0123456789abcdef\), the other shards from design test-grid/);
  });
});

describe("puhui sweep: bad input is one line, exit 2", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["--shard 5/4", () => ["sweep", design, "--shard", "5/4", "--out", join(dir, "x")], /^puhui sweep: --shard: out of range \(allowed: i\/n with n 1 to 100000 and 0 ≤ i < n, .*got 5\/4\)$/],
    ["--shard 0/0", () => ["sweep", design, "--shard", "0/0", "--out", join(dir, "x")], /^puhui sweep: --shard: out of range .*got 0\/0\)$/],
    ["--shard x", () => ["sweep", design, "--shard", "a/b", "--out", join(dir, "x")], /^puhui sweep: --shard: not a shard/],
    ["unknown factor path", () => ["sweep", designFile("bad-path", { factors: [{ kind: "reform", name: "p", path: "gonghuibao.premium.nope", levels: [1, 2] }] }), "--out", join(dir, "x")], /^puhui sweep: design\.factors\[0\]\.levels: .*nope/],
    ["range outside the parameter's range", () => ["sweep", designFile("bad-range", { factors: [{ kind: "reform", name: "r", path: "gonghuibao.outOfCatalog.rate", range: [0.5, 1.5], steps: 3 }] }), "--out", join(dir, "x")], /^puhui sweep: design\.factors\[0\]\.range: .*from 0 to 1.*got 1\.5$/],
    ["assumption outside [0, 1]", () => ["sweep", designFile("bad-assumption", { factors: [{ kind: "assumption", name: "t", assumption: "takeup", levels: [0.5, 2] }] }), "--out", join(dir, "x")], /^puhui sweep: design\.factors\[0\]\.levels: at 2 the scenario is invalid: .*allowed/],
    ["unknown assumption", () => ["sweep", designFile("bad-name", { factors: [{ kind: "assumption", name: "t", assumption: "nope", levels: [0.5] }] }), "--out", join(dir, "x")], /^puhui sweep: design\.factors\[0\]\.assumption: unknown assumption \(allowed: takeup, freq, scale; got "nope"\)$/],
    ["levels in a Saltelli design", () => ["sweep", designFile("bad-kind", { design: { type: "saltelli", base: 4 } }), "--out", join(dir, "x")], /^puhui sweep: design\.factors\[0\]\.steps: steps need a grid/],
    ["bad design JSON", () => { const p = join(dir, "bad.json"); writeFileSync(p, "{"); return ["sweep", p, "--out", join(dir, "x")]; }, /^puhui sweep: design: not valid JSON/],
    ["missing --out", () => ["sweep", design], /^puhui sweep: missing --out <dir>/],
    ["merge of an empty directory", () => ["sweep", "merge", dir], /^puhui sweep merge: <dir>: no shard manifests/],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const r = await run(...argv());
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err.trim()).toMatch(message);
      expect(r.err).not.toMatch(/NaN|at .*\.ts:\d+/);
    });
  }
});

describe("design points", () => {
  it("stable ids and seeds: a point's seed depends on the sweep seed and its id alone", () => {
    const d = parseDesign(JSON.parse(readFileSync(designFile("seeds"), "utf-8")));
    const points = expandDesign(d);
    expect(points).toHaveLength(200);
    expect(points[13]!.seed).toBe(pointSeed(7, 13));
    expect(points[13]!.values).toEqual([44.21052631578947, 0.4]);
    expect(new Set(points.map((p) => p.seed)).size).toBe(200);
    expect(Number.isSafeInteger(points[0]!.seed)).toBe(true);
    const crn = expandDesign(parseDesign({ ...JSON.parse(readFileSync(designFile("seeds"), "utf-8")), commonRandomNumbers: true }));
    expect(new Set(crn.map((p) => p.seed))).toEqual(new Set([7]));
  });
});
