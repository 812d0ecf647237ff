/**
 * The shipped sweep designs (simulations/sweeps/*.json) load against their base scenarios and
 * their first point runs: a design that its own base scenario refuses is caught here, not by a
 * user (the national rate grid kept one option while the scenario's calibration named another).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../simulations/cli/sweep-run.js";
import { runPoint } from "../../src/sim/sweep.js";

const dir = "simulations/sweeps";
const dir0 = dir;
const designs = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));

describe("shipped sweep designs", () => {
  it("there are at least the two the issue asks for (a grid and a Sobol design)", () => {
    expect(designs.length).toBeGreaterThanOrEqual(2);
  });
  for (const file of designs) {
    it(`${file}: loads, and its first point runs with finite loss ratios`, () => {
      const { design, base, points } = loadDesign(join(dir, file));
      expect(points.length).toBeGreaterThan(0);
      const rows = runPoint({ ...design, replicates: 5 }, base, points[0]!);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Number.isFinite(r.lossRatio)).toBe(true);
    });
  }
});

describe("the design hash", () => {
  it("ignores descriptive text (title, labels) but not numbers", () => {
    const dir = mkdtempSync(join(tmpdir(), "puhui-design-hash-"));
    const d = JSON.parse(readFileSync(join(dir0, designs[0]!), "utf-8")) as Record<string, unknown>;
    const write = (name: string, x: Record<string, unknown>) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify({ ...x, scenario: resolve(dir0, String(d["scenario"])) }));
      return loadDesign(path).hash;
    };
    const base = write("a.json", d);
    expect(write("b.json", { ...d, title: "reworded", description: "reworded too" })).toBe(base);
    expect(write("c.json", { ...d, seed: Number(d["seed"]) + 1 })).not.toBe(base);
  });
});
