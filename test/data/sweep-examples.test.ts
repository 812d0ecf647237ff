/**
 * The sweep page's example files (src/data/sweeps/<id>.arrow) are current: each was made from its
 * shipped design and base scenario as they are now (the hash of both, which puhui sweep records,
 * matches), and there is one for every shipped design. Remake them with `npm run sweep:examples`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../simulations/cli/sweep-run.js";
import { readSweep } from "../../src/sim/sweep-results.js";

const designs = readdirSync("simulations/sweeps").filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));

describe("the sweep page's example files", () => {
  for (const file of designs) {
    const id = file.replace(/\.json$/, "");
    it(`${id}: made from the current design and scenario (else: npm run sweep:examples ${id})`, () => {
      const path = `src/data/sweeps/${id}.arrow`;
      expect(existsSync(path), `${path} is missing: npm run sweep:examples ${id}`).toBe(true);
      const s = readSweep(tableFromIPC(readFileSync(path)));
      const { hash, points } = loadDesign(`simulations/sweeps/${file}`);
      expect(s.hash, `${path} is stale: npm run sweep:examples ${id}`).toBe(hash);
      expect(new Set(s.records.map((r) => r.point)).size).toBe(points.length);
    });
  }
});
