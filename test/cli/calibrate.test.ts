import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const run = (argv: string[]) => runCli(...argv);

describe("puhui calibrate", () => {
  it("prints every Jiangshan target within tolerance and exits 0", async () => {
    const r = await run(["calibrate", "simulations/scenarios/jiangshan-80plus.json"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("4 of 4 targets within tolerance");
    // The article's counts are an immature year: they are compared with the "reported" option.
    expect(r.out).toMatch(/jiangshan\.claimants_town_paid\s+town-paid-reported\s+claimants\s+142\.0\s+142\.0/);
  });

  it("exits 1 and marks FAIL when the model misses a figure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "puhui-cal-"));
    const json = JSON.parse(readFileSync("simulations/scenarios/jiangshan-80plus.json", "utf-8"));
    const shipped: number = json.assumptions["freq.elders"].value;
    json.assumptions["freq.elders"].value *= 2; // doubles the elders' claims: 142 no longer fits
    const file = join(dir, "off.json");
    writeFileSync(file, JSON.stringify(json));
    const r = await run(["calibrate", file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL");
    // --fit brings it back, without writing.
    const fitted = await run(["calibrate", file, "--fit"]);
    expect(fitted.code).toBe(0);
    // … and finds the shipped (calibrated) frequency again.
    const found = Number(/freq\.elders = ([\d.]+)/.exec(fitted.out)?.[1]);
    expect(found / shipped).toBeCloseTo(1, 2);
  });

  it("says when a scenario has nothing published to calibrate against (exit 0)", async () => {
    const r = await run(["calibrate", "simulations/scenarios/ningbo-linghuobao.json"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("no published figures to calibrate against");
  });

  it("rejects bad input with one line and exit 2", async () => {
    const missing = await run(["calibrate", "nope.json"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read scenario file "nope\.json"/);
    const write = await run(["calibrate", "simulations/scenarios/jiangshan-80plus.json", "--write"]);
    expect(write.code).toBe(2);
    expect(write.err).toMatch(/--write: needs --fit/);
  });
});

describe("puhui calibrate --posterior", () => {
  it("prints per target prior and posterior intervals, per assumption prior vs posterior, ESS and diagnostics; writes the draws", async () => {
    const dir = mkdtempSync(join(tmpdir(), "puhui-post-"));
    const out = join(dir, "post.json");
    const r = await run(["calibrate", "simulations/scenarios/guangdong-single-type-2022.json", "--posterior", "--particles", "300", "--seed", "4", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2 of 2 targets covered within their observation model");
    expect(r.out).toMatch(/ESS \d+ of 300 at the last reweighting; \d+ distinct particles/);
    expect(r.out).toMatch(/guangdong\.single_type_insured_2022_05\s+single-type\s+enrolled\s+121\.52 万\s+rounded to 100, σ 0\.5 %/);
    expect(r.out).toMatch(/takeup\.special\s+\S+ \[\S+, \S+\]\s+0\.24\d* \[/);
    expect(r.err).toMatch(/tempered 100 % of the way from prior to posterior in/);
    const file = JSON.parse(readFileSync(out, "utf-8"));
    expect(file.format).toBe("puhui-posterior/1");
    expect(file.draws).toHaveLength(300);
    expect(file.names[0]).toBe("takeup.special");
    expect(file.command).toContain("--posterior --particles 300 --seed 4");
    // Same seed, same posterior (the .arrow file holds the same draws).
    const arrow = join(dir, "post.arrow");
    const again = await run(["calibrate", "simulations/scenarios/guangdong-single-type-2022.json", "--posterior", "--particles", "300", "--seed", "4", "--out", arrow]);
    const untimed = (text: string) => text.replace(/in [\d.]+ s \([\d.]+ ms each\)/, "in … s");
    expect(untimed(again.out)).toBe(untimed(r.out));
    const { readPosterior } = await import("../../src/sim/posterior/file.js");
    expect(readPosterior(readFileSync(arrow), "--posterior").draws).toEqual(file.draws);
  }, 300_000);

  it("refuses bad input with one line and exit 2", async () => {
    const g = "simulations/scenarios/guangdong-single-type-2022.json";
    for (const [args, msg] of [
      [[g, "--posterior", "--particles", "0"], /--particles: out of range \(allowed: .*100.*100000.*got 0\)/],
      [[g, "--posterior", "--particles", "1000000"], /--particles: out of range/],
      [[g, "--particles", "500"], /--particles: needs --posterior/],
      [[g, "--posterior", "--out", "x.csv"], /--out: unknown file type/],
      [["simulations/scenarios/ningbo-linghuobao.json", "--posterior"], /no calibration targets/],
    ] as const) {
      const r = await run(["calibrate", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(msg);
    }
    // A target no prior draw comes near: ten times the published enrolment.
    const dir = mkdtempSync(join(tmpdir(), "puhui-post-"));
    const json = JSON.parse(readFileSync("test/fixtures/small-gonghuibao.json", "utf-8"));
    json.calibration = { targets: [{ figure: "synthetic.enrolled", value: 300000, option: "baseline", metric: "enrolled", tolerance: 0.02 }] };
    const file = join(dir, "far.json");
    writeFileSync(file, JSON.stringify(json));
    const far = await run(["calibrate", file, "--posterior", "--particles", "100"]);
    expect(far.code).toBe(2);
    expect(far.err).toMatch(/targets\[0\].*out of the model's reach: over 100 prior draws/);
  }, 300_000);
});

describe("puhui simulate --posterior", () => {
  it("runs replicates over the posterior draws: enrolment's 90 % band shrinks to the published figure's; same seed, same output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "puhui-post-"));
    const post = join(dir, "post.json");
    const g = "simulations/scenarios/guangdong-single-type-2022.json";
    expect((await run(["calibrate", g, "--posterior", "--particles", "300", "--seed", "2", "--out", post])).code).toBe(0);
    const enrolled = (out: string) => {
      // Columns (two or more spaces apart): metric, mean, MC s.e., 5 %, median, 95 %; here in 万.
      const cols = (out.split("\n").find((l) => l.startsWith("enrolled (persons)")) ?? "").split(/\s{2,}/);
      const wan = (c: string | undefined) => (c?.endsWith(" 万") ? Number(c.slice(0, -2)) : NaN);
      return [wan(cols[3]), wan(cols[5])] as const;
    };
    const prior = await run(["simulate", g, "--replicates", "200", "--seed", "7"]);
    const posterior = await run(["simulate", g, "--replicates", "200", "--seed", "7", "--posterior", post]);
    expect(posterior.code).toBe(0);
    const [lo, hi] = enrolled(posterior.out);
    const [plo, phi] = enrolled(prior.out);
    // Published 121.52 万 (relative σ 0.61 %): the band holds it and is far narrower than the prior's.
    expect(lo).toBeLessThan(121.52);
    expect(hi).toBeGreaterThan(121.52);
    expect(hi - lo).toBeLessThan((phi - plo) / 5);
    expect((await run(["simulate", g, "--replicates", "200", "--seed", "7", "--posterior", post])).out).toBe(posterior.out);
  }, 300_000);

  it("refuses a posterior of another scenario, a file that is not one, and --no-uncertainty", async () => {
    const dir = mkdtempSync(join(tmpdir(), "puhui-post-"));
    const post = join(dir, "post.json");
    const fixture = "test/fixtures/small-gonghuibao.json";
    const g = "simulations/scenarios/guangdong-single-type-2022.json";
    expect((await run(["calibrate", g, "--posterior", "--particles", "100", "--out", post])).code).toBeLessThan(2);
    const other = await run(["simulate", fixture, "--replicates", "10", "--posterior", post]);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/--posterior: was made for scenario "guangdong-single-type-2022"/);
    const notOne = await run(["simulate", g, "--replicates", "10", "--posterior", fixture]);
    expect(notOne.code).toBe(2);
    expect(notOne.err).toMatch(/--posterior: not a posterior file/);
    const both = await run(["simulate", g, "--replicates", "10", "--posterior", post, "--no-uncertainty"]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--posterior: cannot be combined with --no-uncertainty/);
  }, 300_000);
});
