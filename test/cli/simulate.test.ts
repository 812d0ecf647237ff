import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../simulations/cli/command.js";
import { createProgress } from "../../simulations/cli/progress.js";
import { wanYi } from "../../simulations/cli/format.js";
import { runInWorkers } from "../../simulations/cli/worker.js";
import { mergeRows, runJob, splitRange, type SimulationJob } from "../../src/sim/parallel.js";
import { TIDY_COLUMNS } from "../../src/sim/results.js";
import { fakeIo, runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/small-gonghuibao.json";
const fixtureText = readFileSync(FIXTURE, "utf-8");
const VERSION = (JSON.parse(readFileSync("package.json", "utf-8")) as { version: string }).version;
const dir = mkdtempSync(join(tmpdir(), "puhui-simulate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;
/** Writes a variant of the fixture (edited by `edit`) and returns its path. */
function variant(name: string, edit: (s: any) => void): string {
  const s = JSON.parse(fixtureText);
  edit(s);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(s));
  return path;
}

describe("puhui simulate: output", () => {
  it("prints a summary table on stdout and one final line on stderr (not a TTY)", async () => {
    const r = await run("simulate", FIXTURE, "--replicates", "20");
    expect(r.code).toBe(0);
    expect(r.out).toContain("small-gonghuibao — Test: 工惠保 on 100 000 union members");
    expect(r.out).toContain("20 replicates, seed 42, mode fast, parameter uncertainty on");
    expect(r.out).toContain("option baseline — 工惠保 2020");
    expect(r.out).toMatch(/^enrolled \(persons\) +[\d.]+ 万/m);
    expect(r.out).toMatch(/^gross premium \(元\) +[\d.]+ 万/m);
    expect(r.out).toMatch(/^loss ratio +\d+\.\d{3} +± \d+\.\d{3}/m);
    expect(r.out).toMatch(/^P\(loss ratio > 1\) +[\d.]+ %/m);
    expect(r.out).toContain("spread of benefits: parameter sd");
    expect(r.out).not.toContain("subsidy:"); // 工惠保 2020 has no subsidy in this scenario
    expect(r.err).toMatch(/^simulated 20 replicates in \d+\.\d+ s\n$/);
  });

  it("--json: summaries with quantiles, MC errors, P(LR>1) and the uncertainty split", async () => {
    const r = await run("simulate", FIXTURE, "--replicates", "20", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.scenario, j.replicates, j.seed, j.mode, j.uncertainty, j.reform]).toEqual(["small-gonghuibao", 20, 42, "fast", true, null]);
    const g = j.summaries[0];
    expect([g.option, g.year, g.replicates]).toEqual(["baseline", 1, 20]);
    for (const m of ["enrolled", "coverage", "gross", "net", "claims", "benefits", "admin", "lossRatio", "benefitPerEnrollee"]) {
      expect(g.metrics[m].n).toBe(20);
      expect(g.metrics[m].q05).toBeLessThanOrEqual(g.metrics[m].q95);
    }
    expect(g.metrics.admin.mean).toBeCloseTo(0.08 * g.metrics.gross.mean, 6);
    expect(g.lossRatioAbove1.n).toBe(20);
    expect(g.split.benefits.parameterShare).toBeGreaterThan(0);
    expect(g.split.benefits.parameterShare).toBeLessThan(1);
    expect(j.comparisons).toEqual([]);
  });

  it("same seed ⇒ identical output; different seed ⇒ different; --no-uncertainty narrows the spread", async () => {
    const a = await run("simulate", FIXTURE, "--replicates", "20", "--seed", "7", "--json");
    const b = await run("simulate", FIXTURE, "--replicates", "20", "--seed", "7", "--json");
    const c = await run("simulate", FIXTURE, "--replicates", "20", "--seed", "8", "--json");
    expect(a.out).toBe(b.out);
    expect(c.out).not.toBe(a.out);
    const fixed = JSON.parse((await run("simulate", FIXTURE, "--replicates", "20", "--no-uncertainty", "--json")).out);
    const drawn = JSON.parse(a.out);
    expect(fixed.uncertainty).toBe(false);
    expect(fixed.summaries[0].split.enrolled.parameterSd).toBe(0);
    expect(fixed.summaries[0].metrics.enrolled.sd).toBeLessThan(drawn.summaries[0].metrics.enrolled.sd / 5);
  });

  it("--reform lowers benefits (out-of-catalogue rate 75 % → 0) and is reported", async () => {
    const base = JSON.parse((await run("simulate", FIXTURE, "--replicates", "20", "--json")).out);
    const cut = await run("simulate", FIXTURE, "--replicates", "20", "--json", "--reform", '{"gonghuibao.outOfCatalog.rate": 0}');
    expect(cut.code).toBe(0);
    const j = JSON.parse(cut.out);
    expect(j.reform).toEqual({ "gonghuibao.outOfCatalog.rate": 0 });
    // Same replicates (common random numbers): enrolment identical, benefits lower.
    expect(j.summaries[0].metrics.enrolled.mean).toBe(base.summaries[0].metrics.enrolled.mean);
    expect(j.summaries[0].metrics.benefits.mean).toBeLessThan(base.summaries[0].metrics.benefits.mean);
    const perOption = await run("simulate", FIXTURE, "--replicates", "20", "--json", "--reform", '{"baseline": {"gonghuibao.outOfCatalog.rate": 0}}');
    expect(JSON.parse(perOption.out).summaries).toEqual(j.summaries);
  });

  it("--out writes Arrow IPC, CSV and JSON of the same rows", async () => {
    const arrow = join(dir, "r.arrow");
    const csv = join(dir, "r.csv");
    const json = join(dir, "r.json");
    for (const out of [arrow, csv, json]) {
      const r = await run("simulate", FIXTURE, "--replicates", "20", "--out", out);
      expect(r.code).toBe(0);
      expect(r.err).toContain(`wrote 20 rows to ${out}`);
    }
    const rows = JSON.parse(readFileSync(json, "utf-8")) as Record<string, number | string | null>[];
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r["replicate"])).toEqual([...Array(20).keys()]);
    const t = tableFromIPC(readFileSync(arrow));
    expect(t.numRows).toBe(20);
    expect(t.toArray().map((r) => r.toJSON())).toEqual(rows);
    const lines = readFileSync(csv, "utf-8").trimEnd().split("\n");
    expect(lines[0]).toBe(TIDY_COLUMNS.join(","));
    expect(lines).toHaveLength(21);
    expect(lines[1]!.startsWith(`0,baseline,1,100000,100000,${rows[0]!["enrolled"]},`)).toBe(true);
  });

  it("--db appends runs and replicates to a DuckDB file (twice → two runs)", async () => {
    const db = join(dir, "results.duckdb");
    const json = join(dir, "db-rows.json");
    const first = await run("simulate", FIXTURE, "--replicates", "20", "--db", db, "--out", json);
    expect(first.code).toBe(0);
    expect(first.err).toContain(`appended run 1 (20 rows) to ${db}`);
    const second = await run("simulate", FIXTURE, "--replicates", "20", "--seed", "9", "--db", db, "--reform", '{"gonghuibao.outOfCatalog.rate": 0.5}');
    expect(second.err).toContain("appended run 2");
    const rows = JSON.parse(readFileSync(json, "utf-8")) as { benefits: number }[];
    const expected = rows.reduce((s, r) => s + r.benefits, 0);
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    try {
      const q = async (sql: string) => (await c.runAndReadAll(sql)).getRows();
      expect(await q("SELECT count(*) FROM runs")).toEqual([[2n]]);
      expect(await q("SELECT run_id, count(*) FROM replicates GROUP BY run_id ORDER BY run_id")).toEqual([[1, 20n], [2, 20n]]);
      const [[sum]] = (await q("SELECT sum(benefits) FROM replicates WHERE run_id = 1")) as [[number]];
      expect(sum).toBeCloseTo(expected, 2);
      expect(await q("SELECT scenario_id, seed, replicates, mode, version, reform, scenario->>'id' FROM runs ORDER BY run_id")).toEqual([
        ["small-gonghuibao", 42n, 20, "fast", VERSION, null, "small-gonghuibao"],
        ["small-gonghuibao", 9n, 20, "fast", VERSION, '{"gonghuibao.outOfCatalog.rate":0.5}', "small-gonghuibao"],
      ]);
      expect(await q("SELECT count(*) FROM runs WHERE duration_s >= 0 AND started_at <= now()")).toEqual([[2n]]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});

describe("puhui simulate: a scenario file saved with a UTF-8 byte-order mark", () => {
  it("runs exactly as the same file without it", async () => {
    const path = join(dir, "bom.json");
    writeFileSync(path, `\uFEFF${fixtureText}`);
    const withBom = await run("simulate", path, "--replicates", "5", "--json");
    const without = await run("simulate", FIXTURE, "--replicates", "5", "--json");
    expect(withBom.code, withBom.err).toBe(0);
    expect(withBom.out).toBe(without.out);
  });
});

describe("puhui simulate: workers", () => {
  it("splitRange and mergeRows", () => {
    expect(splitRange(0, 10, 3)).toEqual([[0, 4], [4, 7], [7, 10]]);
    expect(splitRange(5, 7, 4)).toEqual([[5, 6], [6, 7]]);
    expect(splitRange(0, 1, 64)).toEqual([[0, 1]]);
    const r = (replicate: number, option: string) => ({ replicate, option }) as never;
    expect(mergeRows([[r(2, "a"), r(2, "b")], [r(0, "a"), r(0, "b"), r(1, "a")]]).map((x: any) => `${x.replicate}${x.option}`)).toEqual(["0a", "0b", "1a", "2a", "2b"]);
  });

  it("3 worker threads give rows deep-equal to one thread", async () => {
    const job: SimulationJob = { scenarioText: fixtureText, mode: "fast", replicates: 30, seed: 5, uncertainty: true, range: [0, 30] };
    const progress: number[] = [];
    const parallel = await runInWorkers(job, 3, (done) => progress.push(done));
    expect(parallel).toStrictEqual(runJob(job));
    expect(progress.at(-1)).toBe(30);
  });

  it("--workers 1 and --workers 2 write identical results", async () => {
    const one = join(dir, "w1.json");
    const two = join(dir, "w2.json");
    const a = await run("simulate", FIXTURE, "--replicates", "24", "--workers", "1", "--out", one, "--json");
    const b = await run("simulate", FIXTURE, "--replicates", "24", "--workers", "2", "--out", two, "--json");
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readFileSync(two, "utf-8")).toBe(readFileSync(one, "utf-8"));
    expect(b.out).toBe(a.out);
  });
});

describe("puhui simulate: bad input → exit 2, one line naming the field", () => {
  const missingDate = variant("missing-date", (s) => delete s.date);
  const negativeCount = variant("negative-count", (s) => (s.population.cells[1].count = -5));
  const probability = variant("probability", (s) => (s.options[0].takeup.probability = 1.5));
  const badPrior = variant("bad-prior", (s) => (s.assumptions.takeup.prior = { dist: "uniform", min: 0.2, max: 1.4 }));
  const unknownScheme = variant("unknown-scheme", (s) => (s.options[0].scheme = "nosuch"));
  const unknownPath = variant("unknown-path", (s) => (s.options[0].reform = { "gonghuibao.nope": 1 }));
  const malformed = join(dir, "malformed.json");
  writeFileSync(malformed, "{ not json");

  it.each([
    [[FIXTURE, "--replicates", "0"], /--replicates: out of range \(allowed: integers 1 to 100000 replicates; got 0\)/],
    [[FIXTURE, "--replicates", "100001"], /--replicates: out of range \(allowed: integers 1 to 100000 replicates; got 100001\)/],
    [[FIXTURE, "--replicates", "ten"], /--replicates: not a decimal integer \(allowed: integers 1 to 100000 replicates; got "ten"\)/],
    [[FIXTURE, "--workers", "0"], /--workers: out of range \(allowed: integers 1 to 64 worker threads; got 0\)/],
    [[FIXTURE, "--workers", "2.5"], /--workers: not a decimal integer \(allowed: integers 1 to 64 worker threads; got "2\.5"\)/],
    [[FIXTURE, "--mode", "slow"], /--mode: unknown mode \(allowed: fast, exact, person; got "slow"\)/],
    [[FIXTURE, "--seed", "-1"], /--seed: out of range \(allowed: integers 0 to 9007199254740991; got -1\)/],
    [[FIXTURE, "--seed", "9007199254740992"], /--seed: out of range \(allowed: integers 0 to 9007199254740991; got 9007199254740992\)/],
    [[FIXTURE, "--out", "x.parquet"], /--out: unknown file type \(allowed: a file ending in \.arrow, \.csv or \.json; got "x\.parquet"\)/],
    [[FIXTURE, "--bogus"], /unknown option "--bogus" \(allowed: --replicates <value>/],
    [[], /missing <scenario.json>/],
    [[join(dir, "nope.json")], /cannot read scenario file ".*nope\.json" \(ENOENT\)/],
    [[malformed], /malformed\.json: not valid JSON \(allowed: a JSON object; got /],
    [[missingDate], /scenario\.date: /],
    [[negativeCount], /scenario\.population\.cells\[1\]\.count: /],
    [[probability, "--replicates", "2"], /scenario\.options\[0\]\.takeup\.probability: .*1\.5/],
    [[badPrior], /scenario\.options\[0\]\.takeup\.probability: reads \$takeup, whose prior reaches \[0\.2, 1\.4\]/],
    [[unknownScheme], /scenario\.options\[0\]\.scheme: unknown scheme "nosuch"/],
    [[unknownPath], /scenario\.options\[0\]\.reform\.gonghuibao\.nope: unknown parameter of gonghuibao/],
    [[FIXTURE, "--reform", '{"gonghuibao.nope": 1}'], /^puhui simulate: reform\.gonghuibao\.nope: unknown parameter of gonghuibao; closest valid paths/],
    [[FIXTURE, "--reform", '{"baseline": {"gonghuibao.outOfCatalog.rate": 2}}'], /reform\.baseline\.gonghuibao\.outOfCatalog\.rate: must be a number from 0 to 1/],
    [[FIXTURE, "--reform", "{oops"], /reform: malformed JSON/],
    [[FIXTURE, "--reform", "[1]"], /reform: must be a JSON object/],
  ])("simulate %j", async (args, message) => {
    const r = await run("simulate", ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });

  it("a two-option scenario needs the per-option reform form", async () => {
    const two = variant("two-options", (s) => s.options.push({ ...s.options[0], id: "reform", label: "cheaper" }));
    const r = await run("simulate", two, "--replicates", "2", "--reform", '{"gonghuibao.outOfCatalog.rate": 0.5}');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/reform: the scenario has 2 options \(baseline, reform\): give \{"<option-id>"/);
    const ok = await run("simulate", two, "--replicates", "10", "--json", "--reform", '{"reform": {"gonghuibao.outOfCatalog.rate": 0.5}}');
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.out);
    expect(j.summaries.map((g: { option: string }) => g.option)).toEqual(["baseline", "reform"]);
    // Paired comparison of the reform against the baseline: same enrolment draws, lower benefits.
    const c = j.comparisons[0];
    expect([c.a, c.b, c.pairs]).toEqual(["baseline", "reform", 10]);
    expect([c.metrics.enrolled.mean, c.metrics.enrolled.sd]).toEqual([0, 0]);
    expect(c.metrics.benefits.q95).toBeLessThanOrEqual(0);
    expect(c.metrics.benefits.mean).toBeLessThan(0);
    const text = await run("simulate", two, "--replicates", "10", "--reform", '{"reform": {"gonghuibao.outOfCatalog.rate": 0.5}}');
    expect(text.out).toContain("option reform minus baseline (paired by replicate, 10 pairs)");
    expect(text.out).toMatch(/^enrolled \(persons\) +0 +± 0 +0 +0 +0$/m);
  });
});

describe("progress and formatting", () => {
  it("draws a bar on a TTY and ends with one line", () => {
    const f = fakeIo(true);
    let t = 0;
    const p = createProgress(f.io, 10, { now: () => t, interval: 0 });
    for (let i = 1; i <= 10; i++) {
      t += 50;
      p.update(i);
    }
    expect(p.finish()).toBeCloseTo(0.5, 10);
    expect(f.err()).toContain("\r");
    expect(f.err()).toContain(" 50% 5/10 0.25 s eta 0.25 s");
    expect(f.err()).toContain("100% 10/10");
    expect(f.err().endsWith("\r\x1b[2Ksimulated 10 replicates in 0.50 s\n")).toBe(true);
  });

  it("amounts in 万 and 亿", () => {
    expect(wanYi(12_345_678)).toBe("1234.57 万");
    expect(wanYi(3.2e8)).toBe("3.2 亿");
    expect(wanYi(-25_000)).toBe("-2.5 万");
    expect(wanYi(999.456)).toBe("999.46");
    expect(wanYi(0)).toBe("0");
    expect(wanYi(null)).toBe("–");
  });
});

describe("the spawned bin", () => {
  it("node bin/puhui.js simulate <fixture> --replicates 20: exit 0, table on stdout", { timeout: 300_000 }, () => {
    const r = spawnSync(process.execPath, ["bin/puhui.js", "simulate", FIXTURE, "--replicates", "20"], { encoding: "utf-8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("option baseline");
    expect(r.stdout).toMatch(/^loss ratio /m);
    expect(r.stderr).toMatch(/^simulated 20 replicates in /);
  });

  it("a bad flag exits 2 with one line (in-process)", async () => {
    const r = await run("simulate", FIXTURE, "--mode", "quick");
    expect(r.code).toBe(2);
    expect(r.err).toBe('puhui simulate: --mode: unknown mode (allowed: fast, exact, person; got "quick")\n');
    expect(r.out).toBe("");
  });
});
