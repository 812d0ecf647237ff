/**
 * The sweep page's reading of a merged sweep (src/sim/sweep-results.ts) against the CLI's own
 * analysis: the feasible region computed in JavaScript from the Arrow file's replicate loss
 * ratios equals `puhui sweep analyse --json`, which computes it in DuckDB SQL from the replicate
 * rows (a second method); Sobol indices from the Arrow file equal the CLI's from the database.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feasibleByGroup, feasibleRegion, readSweep, sweepSobol } from "../../src/sim/sweep-results.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "puhui-sweep-results-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = resolve("test/fixtures/small-gonghuibao.json");

async function merged(id: string, design: Record<string, unknown>): Promise<{ db: string; arrow: string }> {
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ id, scenario: FIXTURE, seed: 11, ...design }));
  const out = join(dir, id);
  expect((await runCli("sweep", file, "--out", out)).code).toBe(0);
  const db = join(out, "sweep.duckdb");
  const arrow = join(out, "sweep.arrow");
  const m = await runCli("sweep", "merge", out, "--db", db, "--arrow", arrow);
  expect(m.code, m.err).toBe(0);
  return { db, arrow };
}

const read = (arrow: string) => readSweep(tableFromIPC(readFileSync(arrow)));

describe("a grid sweep read from its Arrow file", () => {
  let files: { db: string; arrow: string };
  beforeAll(async () => {
    files = await merged("grid", {
      replicates: 40,
      factors: [
        { kind: "reform", name: "premium", label: { zh: "保费", en: "premium" }, path: "gonghuibao.premium.upToThreshold", levels: [40, 80, 120] },
        { kind: "assumption", name: "takeup", assumption: "takeup", levels: [0.2, 0.4] },
      ],
      design: { type: "grid" },
      target: { lossRatio: [0.3, 1.5], confidence: 0.6 },
    });
  });

  it("has the design, labelled factors (the design's label, else the parameter's) and a record per point", () => {
    const s = read(files.arrow);
    expect(s.id).toBe("grid");
    expect(s.records.length).toBe(6);
    expect(s.factors.map((f) => f.label.en)).toEqual(["premium", "takeup"]);
    expect(s.factors[0]!.unit).toBe("CNY/year");
    for (const r of s.records) expect(r.lossRatios.length).toBe(40);
    expect(s.records.map((r) => r.values)).toEqual([[40, 0.2], [40, 0.4], [80, 0.2], [80, 0.4], [120, 0.2], [120, 0.4]]);
  });

  it("feasible region: P(in band) per point equals the CLI's SQL, for the design's band and another", async () => {
    const s = read(files.arrow);
    for (const [band, confidence] of [[[0.3, 1.5], 0.6], [[0.5, 0.9], 0.3]] as const) {
      const cli = await runCli("sweep", "analyse", files.db, "--loss-ratio", `${band[0]}:${band[1]}`, "--confidence", String(confidence), "--json");
      expect(cli.code, cli.err).toBe(0);
      const expected = JSON.parse(cli.out) as { points: { point: number; pIn: number; mean: number; feasible: boolean }[] };
      const mine = feasibleRegion(s, { option: s.options[0]!, year: 1, band, confidence });
      expect(mine.map((p) => p.point)).toEqual(expected.points.map((p) => p.point));
      mine.forEach((p, i) => {
        expect(p.pIn).toBeCloseTo(expected.points[i]!.pIn, 12);
        expect(p.mean).toBeCloseTo(expected.points[i]!.mean, 9);
        expect(p.feasible).toBe(expected.points[i]!.feasible);
      });
    }
  });

  it("bad queries and files are one-line errors", () => {
    const s = read(files.arrow);
    expect(() => feasibleRegion(s, { option: "x", year: 1, band: [1, 0.5], confidence: 0.9 })).toThrow(/band: empty/);
    expect(() => feasibleRegion(s, { option: "x", year: 1, band: [0.5, 1], confidence: 1 })).toThrow(/confidence: out of range/);
    expect(() => sweepSobol(s, { option: s.options[0]!, year: 1, metric: "lossRatio" })).toThrow(/grid design \(allowed: a Saltelli design/);
    const bare = { schema: { metadata: new Map<string, string>() }, numRows: 0, toArray: () => [] };
    expect(() => readSweep(bare)).toThrow(/sweep file: no "design" in the file's metadata/);
  });
});

describe("a grid sweep with groups read from its Arrow file", () => {
  it("each group's feasible region equals the CLI's SQL for that group's option (puhui sweep analyse --option)", async () => {
    const files = await merged("groups", {
      replicates: 30,
      factors: [{ kind: "scale", name: "priceScale", label: { zh: "保费倍数", en: "premium ×" }, paths: ["gonghuibao.premium.upToThreshold"], levels: [0.5, 1, 2] }],
      groups: [{ attribute: "age", label: { zh: "年龄", en: "age" }, levels: [{ value: "le50" }, { value: "gt50" }] }],
      design: { type: "grid" },
      target: { option: "baseline", lossRatio: [0.3, 1.5], confidence: 0.6 },
    });
    const s = read(files.arrow);
    expect(s.options).toEqual(["baseline", "baseline--age--gt50", "baseline--age--le50"]);
    const groups = feasibleByGroup(s, { option: "baseline", year: 1, band: [0.3, 1.5], confidence: 0.6 });
    expect(groups.map((g) => g.value)).toEqual(["le50", "gt50"]);
    for (const g of groups) {
      const cli = await runCli("sweep", "analyse", files.db, "--option", g.option, "--json");
      expect(cli.code, cli.err).toBe(0);
      const expected = JSON.parse(cli.out) as { points: { point: number; pIn: number; feasible: boolean }[] };
      expect(g.points.map((p) => p.point)).toEqual(expected.points.map((p) => p.point));
      g.points.forEach((p, i) => {
        expect(p.pIn).toBeCloseTo(expected.points[i]!.pIn, 12);
        expect(p.feasible).toBe(expected.points[i]!.feasible);
      });
      expect(g.feasible.map((p) => p.point)).toEqual(expected.points.filter((p) => p.feasible).map((p) => p.point));
    }
    // The groups differ (the older cells claim 2.2× as often), so the test compares two answers.
    expect(groups[0]!.points.map((p) => p.mean)).not.toEqual(groups[1]!.points.map((p) => p.mean));
  });
});

describe("a Saltelli sweep read from its Arrow file", () => {
  it("Sobol indices equal the CLI's", async () => {
    const files = await merged("sobol", {
      replicates: 3,
      uncertainty: false,
      commonRandomNumbers: true,
      factors: [
        { kind: "reform", name: "premium", path: "gonghuibao.premium.upToThreshold", range: [40, 120] },
        { kind: "assumption", name: "takeup", assumption: "takeup", prior: true },
      ],
      design: { type: "saltelli", base: 16 },
    });
    const s = read(files.arrow);
    const cli = await runCli("sweep", "analyse", files.db, "--json");
    expect(cli.code, cli.err).toBe(0);
    const expected = JSON.parse(cli.out) as { indices: { option: string; metric: string; result: { first: { estimate: number }[]; total: { estimate: number; lo: number; hi: number }[] } | null }[] };
    for (const e of expected.indices) {
      const mine = sweepSobol(s, { option: e.option, year: 1, metric: e.metric as "lossRatio" });
      if (e.result === null) expect(mine).toBeNull();
      else {
        expect(mine!.first.map((x) => x.estimate)).toEqual(e.result.first.map((x) => x.estimate));
        expect(mine!.total).toEqual(e.result.total);
      }
    }
  });
});
