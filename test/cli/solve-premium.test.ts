import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { solvePremium } from "../../src/sim/solve-premium.js";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/small-gonghuibao.json";
const fixtureText = readFileSync(FIXTURE, "utf-8");
const dir = mkdtempSync(join(tmpdir(), "puhui-solve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

/** The fixture with a second option (another 工惠保 option, or 天一甬宁保 on the same cells). */
const twoOptions = (() => {
  const s = JSON.parse(fixtureText);
  const second = structuredClone(s.options[0]);
  second.id = "tianyi";
  second.label = "天一甬宁保";
  second.scheme = "tianyi-yongningbao";
  second.claims.categories = [{ name: "any", weight: 1, claim: { coveredCost: { dist: "lognormal", median: 20000, sigma: 1 }, preExisting: false } }];
  s.date = "2024-01-01";
  s.options.push(second);
  const path = join(dir, "two.json");
  writeFileSync(path, JSON.stringify(s));
  const third = structuredClone(s.options[0]);
  third.id = "again";
  s.options.push(third);
  const path3 = join(dir, "three.json");
  writeFileSync(path3, JSON.stringify(s));
  return { two: path, three: path3 };
})();

describe("puhui solve-premium: output", () => {
  it("prints the multiplier, the solved premiums and the loss ratio before and after", async () => {
    const r = await run("solve-premium", FIXTURE, "--option", "baseline", "--target-loss-ratio", "0.85", "--replicates", "50");
    expect(r.code).toBe(0);
    expect(r.out).toContain("small-gonghuibao — Test: 工惠保 on 100 000 union members");
    expect(r.out).toContain("option baseline — 工惠保 2020 (scheme gonghuibao, rules of 2020-09-01)");
    expect(r.out).toContain("50 replicates, seed 42, mode fast");
    expect(r.out).toContain("target: mean loss ratio = 0.85");
    const m = Number(/premium multiplier m = (\d+\.\d{4})/.exec(r.out)![1]);
    // 68 × m and 168 × m in the table (to the cent, as printed)
    const young = /^gonghuibao\.premium\.upToThreshold +CNY\/year +68 +([\d.]+)$/m.exec(r.out);
    const old = /^gonghuibao\.premium\.aboveThreshold +CNY\/year +168 +([\d.]+)$/m.exec(r.out);
    expect(Math.abs(Number(young![1]) - 68 * m)).toBeLessThan(0.01);
    expect(Math.abs(Number(old![1]) - 168 * m)).toBeLessThan(0.02);
    expect(r.out).toMatch(/^solved \(m = [\d.]+\) +0\.850 +± /m);
    expect(r.out).toMatch(/^current \(m = 1\) +\d\.\d{3} +± /m);
    expect(r.err).toMatch(/^solved in \d+ engine runs × 50 replicates in \d+\.\d+ s\n$/);
  });

  it("--json matches the library's answer; --confidence raises the premium", async () => {
    const r = await run("solve-premium", FIXTURE, "--target-loss-ratio", "0.85", "--replicates", "50", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const lib = solvePremium({ ...parseScenarioText(fixtureText), option: "baseline", targetLossRatio: 0.85, replicates: 50 });
    expect(j.multiplier).toBe(lib.multiplier);
    expect(j.target).toEqual({ lossRatio: 0.85, confidence: null, statistic: "mean" });
    expect(j.solved.mean).toBeLessThanOrEqual(0.85);
    expect(j.premiums[0].value).toBeCloseTo(68 * j.multiplier, 9);

    const c = await run("solve-premium", FIXTURE, "--target-loss-ratio", "0.85", "--confidence", "0.9", "--replicates", "50", "--json");
    expect(c.code).toBe(0);
    const jc = JSON.parse(c.out);
    expect(jc.target.confidence).toBe(0.9);
    expect(jc.solved.pAtMostTarget).toBeGreaterThanOrEqual(0.9);
    expect(jc.multiplier).toBeGreaterThan(j.multiplier);
  });

  it("--seed and --mode exact are used", async () => {
    const r = await run("solve-premium", FIXTURE, "--target-loss-ratio", "1", "--replicates", "20", "--seed", "7", "--mode", "exact", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.seed, j.mode, j.replicates]).toEqual([7, "exact", 20]);
  });
});

describe("puhui solve-premium: choosing the option", () => {
  it("--scheme picks the one option using that scheme", async () => {
    const r = await run("solve-premium", twoOptions.two, "--scheme", "tianyi-yongningbao", "--target-loss-ratio", "0.9", "--replicates", "20", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.option).toBe("tianyi");
    // Only the pricing parameters the option's own cells pay are solved for (issue 12 item 7): the
    // fixture's 天一甬宁保 enrollees are adults, so the minor/student premium stays as it is.
    expect(j.premiums.map((p: { path: string }) => p.path)).toEqual(["tianyi-yongningbao.premium.adult"]);
  });

  it.each([
    [["--scheme", "gonghuibao"], /^puhui solve-premium: --scheme: 2 options use gonghuibao \(baseline, again\); choose one with --option\n$/],
    [["--scheme", "linghuobao"], /^puhui solve-premium: --scheme: no option uses scheme "linghuobao"; the scenario's schemes are gonghuibao, tianyi-yongningbao\n$/],
    [["--option", "nope"], /^puhui solve-premium: --option: unknown option "nope"; the scenario's options are baseline, tianyi, again\n$/],
    [[], /^puhui solve-premium: the scenario has 3 options \(baseline, tianyi, again\); choose one with --option <id> or --scheme <id>\n$/],
  ])("%j → exit 2, one line", async (flags, message) => {
    const r = await run("solve-premium", twoOptions.three, ...flags, "--target-loss-ratio", "0.9", "--replicates", "5");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });
});

describe("puhui solve-premium: bad input exits 2 with one line", () => {
  it.each([
    [["--target-loss-ratio", "0"], /--target-loss-ratio: out of range \(allowed: a loss ratio > 0 and ≤ 10, e\.g\. 0\.85; got 0\)/],
    [["--target-loss-ratio", "-1"], /--target-loss-ratio: out of range \(allowed: a loss ratio > 0 and ≤ 10, e\.g\. 0\.85; got -1\)/],
    [["--target-loss-ratio", "10.5"], /--target-loss-ratio: out of range \(allowed: a loss ratio > 0 and ≤ 10/],
    [["--target-loss-ratio", "abc"], /--target-loss-ratio: not a decimal number \(allowed: a loss ratio > 0 and ≤ 10, e\.g\. 0\.85; got "abc"\)/],
    [[], /--target-loss-ratio: missing \(allowed: a loss ratio > 0 and ≤ 10, e\.g\. 0\.85; got nothing\)/],
    [["--target-loss-ratio", "0.8", "--confidence", "1"], /--confidence: out of range \(allowed: a probability strictly between 0 and 1, e\.g\. 0\.9; got 1\)/],
    [["--target-loss-ratio", "0.8", "--confidence", "0"], /--confidence: out of range \(allowed: a probability strictly between 0 and 1, e\.g\. 0\.9; got 0\)/],
    [["--target-loss-ratio", "0.8", "--mode", "person"], /--mode: unknown mode \(allowed: fast, exact; got "person"\)/],
    [["--target-loss-ratio", "0.8", "--replicates", "0"], /--replicates: out of range \(allowed: integers 1 to 100000 replicates; got 0\)/],
    [["--target-loss-ratio", "0.8", "--bogus"], /unknown option "--bogus" \(allowed: --option <value>/],
    // Mean LR at m = 1 is > 4; 0.05 needs m > 80 but 168·m ≤ 10000 allows m ≤ 59.5.
    [["--target-loss-ratio", "0.05"], /--target-loss-ratio: no solution inside the pricing parameters' allowed ranges: .*gonghuibao\.premium\.aboveThreshold ≤ 10000/],
  ])("%j", async (flags, message) => {
    const r = await run("solve-premium", FIXTURE, "--replicates", "20", ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });

  it("a missing scenario file → exit 2", async () => {
    const r = await run("solve-premium", join(dir, "missing.json"), "--target-loss-ratio", "0.8");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read scenario file .*missing\.json.*ENOENT/);
  });

  it("the spawned bin exits 2 on bad input; --help prints usage", { timeout: 300_000 }, async () => {
    const bad = spawnSync(process.execPath, ["bin/puhui.js", "solve-premium", FIXTURE, "--target-loss-ratio", "0"], { encoding: "utf-8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^puhui solve-premium: --target-loss-ratio: out of range \(allowed: a loss ratio > 0 and ≤ 10, e\.g\. 0\.85; got 0\)\n$/);
    const help = await run("solve-premium", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: puhui solve-premium <scenario.json>");
  });
});
