/**
 * The shipped sweep designs (simulations/sweeps/*.json) load against their base scenarios and
 * their first point runs: a design that its own base scenario refuses is caught here, not by a
 * user (the national rate grid kept one option while the scenario's calibration named another).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../simulations/cli/sweep-run.js";
import { runPoint } from "../../src/sim/sweep.js";

const dir = "simulations/sweeps";
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
