import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { sensitivity } from "../../src/sim/sensitivity.js";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/small-gonghuibao.json";

const run = runCli;

describe("puhui sensitivity: output", () => {
  it("prints the tornado and the first-order indices of each assumption", async () => {
    const r = await run("sensitivity", FIXTURE, "--replicates", "100");
    expect(r.code).toBe(0);
    expect(r.out).toContain("small-gonghuibao — Test: 工惠保 on 100 000 union members");
    expect(r.out).toContain("indices from 100 replicates (10 bins, 200 bootstrap resamples)");
    expect(r.out).toContain("assumptions with a prior: freq, scale, takeup");
    expect(r.out).toContain("option baseline — 工惠保 2020");
    // takeup ~ uniform(0.2, 0.4): quantiles 0.21 / 0.39; E[enrolled] = 100 000 × 0.21 = 2.1 万 and × 0.39 = 3.9 万
    expect(r.out).toMatch(/^takeup +uniform\(0\.2, 0\.4\) +0\.21 \/ 0\.39 +[\d.]+ 万 \/ [\d.]+ 万 +[\d.]+ 万 +2\.1 万 \/ 3\.9 万 +1\.8 万 /m);
    expect(r.out).toMatch(/^freq +lognormal\(median 0\.01, σ 0\.2\) /m);
    // one index row per assumption, and the sum
    // (columns: E[benefits], E[enrolled], the premium E[gross] and the loss ratio)
    for (const name of ["takeup", "freq", "scale"]) expect(r.out).toMatch(new RegExp(`^${name}(?: +-?\\d\\.\\d{3} ± \\d\\.\\d{3}){4}$`, "m"));
    expect(r.out).toMatch(/^sum(?: +-?\d\.\d{3}){4}$/m);
    // 1 + 2 × 3 tornado runs of 1 replicate, and 100 replicates for the indices
    expect(r.err).toMatch(/^sensitivity: ran 107 replicates in \d+\.\d+ s\n$/);
  });

  it("--json is the library's result; E[benefits] is proportional to the claim frequency", async () => {
    // 工惠保's deductibles and cap apply to a person's year, which makes the payout non-linear in
    // the claim frequency; with both deductibles 0 and no effective cap the yearly payout is
    // 100 % × in-catalogue + 75 % × out-of-catalogue self-pay, linear in the year's sum.
    const linear = JSON.parse(readFileSync(FIXTURE, "utf-8"));
    linear.options[0].reform = { "gonghuibao.inCatalog.deductible": 0, "gonghuibao.outOfCatalog.deductible": 0, "gonghuibao.annualCap": 1e8 };
    const file = join(mkdtempSync(join(tmpdir(), "puhui-sens-")), "linear.json");
    writeFileSync(file, JSON.stringify(linear));
    const r = await run("sensitivity", file, "--replicates", "50", "--seed", "3", "--option", "baseline", "--json");
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const lib = sensitivity({ ...parseScenarioText(readFileSync(file, "utf-8")), replicates: 50, seed: 3, option: "baseline" });
    expect(j).toEqual(JSON.parse(JSON.stringify(lib)));
    const t = j.options[0].tornado;
    const freq = t.bars.find((b: { assumption: string }) => b.assumption === "freq");
    // freq ~ lognormal(median 0.01, σ 0.2): the 95 % quantile is 0.01·e^{0.2 × 1.6448536} = 0.01 × e^{0.328971} = 0.01 × 1.389537,
    // and E[benefits | θ] = Σ n p λ μ is linear in λ, so E[benefits] at the 95 % end is 1.389537 × the point value.
    expect(freq.high).toBeCloseTo(0.01389537, 7);
    expect(freq.atHigh.expectedBenefits / t.base.expectedBenefits).toBeCloseTo(1.389537, 5);
    expect(freq.atLow.expectedBenefits / t.base.expectedBenefits).toBeCloseTo(1 / 1.389537, 5);
    expect(freq.swing.expectedEnrolled).toBe(0);
  });
});

describe("puhui sensitivity: bad input exits 2 with one line", () => {
  it.each([
    [["--option", "nope"], /^puhui sensitivity: --option: unknown option "nope"; the scenario's options are baseline\n$/],
    [["--replicates", "3"], /^puhui sensitivity: --replicates: out of range \(allowed: integers 4 to 100000 replicates \(the variance-based indices need at least 4\); got 3\)\n$/],
    [["--replicates", "x"], /^puhui sensitivity: --replicates: not a decimal integer \(allowed: integers 4 to 100000/],
    [["--seed", "-1"], /^puhui sensitivity: --seed: out of range \(allowed: integers 0 to 9007199254740991; got -1\)\n$/],
    [["--bogus"], /^puhui sensitivity: unknown option "--bogus" \(allowed: --option <value>, --replicates <value>, --seed <value>, --json, --posterior <value>\)\n$/],
  ])("%j", async (flags, message) => {
    const r = await run("sensitivity", FIXTURE, ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });

  it("a missing scenario → exit 2", async () => {
    const r = await run("sensitivity");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing <scenario\.json>/);
  });
});
