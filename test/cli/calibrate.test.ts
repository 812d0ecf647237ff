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
