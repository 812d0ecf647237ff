/**
 * The shipped posteriors (simulations/posteriors/<scenario>.arrow, each made by the command in
 * its metadata) are current: the scenario still has exactly the free assumptions and priors they
 * were drawn from, and the log-likelihood of its published figures, recomputed now at a spread
 * of stored draws, equals the one stored with them (same model, figures and observation models).
 * And they meet issue 13's Done-when as they were computed: every target's posterior interval
 * covers its figure and is no wider than its observation model allows, with a healthy ESS.
 * Regenerate a stale one with its command (`… --out simulations/posteriors/<id>.arrow`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { freeAssumptions, logLikelihoodAt, MIN_ESS_SHARE, MIN_UNIQUE_SHARE } from "../../src/sim/posterior/posterior.js";
import { parseScenario } from "../../src/sim/scenario.js";

const dir = new URL("../../simulations/posteriors/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".arrow"));
const figures = readFigures();

describe("shipped posteriors", () => {
  it("exist for every calibrated shipped scenario that has free assumptions", () => {
    const scenarios = new URL("../../simulations/scenarios/", import.meta.url);
    const calibrated = readdirSync(scenarios).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json") && "calibration" in JSON.parse(readFileSync(new URL(f, scenarios), "utf-8")));
    expect(files.map((f) => f.replace(/\.arrow$/, "")).sort()).toEqual(calibrated.map((f) => f.replace(/\.json$/, "")).sort());
  });

  for (const file of files) {
    it(`${file} is current and meets the Done-when`, () => {
      const post = readPosterior(readFileSync(new URL(file, dir)), file);
      const id = file.replace(/\.arrow$/, "");
      expect(post.scenario).toBe(id);
      expect(post.command).toBe(`puhui calibrate simulations/scenarios/${id}.json --posterior --particles ${post.particles} --seed ${post.seed}`);
      const json = JSON.parse(readFileSync(new URL(`../../simulations/scenarios/${id}.json`, import.meta.url), "utf-8"));
      const { scenario, options } = parseScenario(resolveScenario(json, figures));
      const free = freeAssumptions(scenario);
      expect(post.names).toEqual(free.map((f) => f.name));
      expect(post.priors).toEqual(Object.fromEntries(free.map((f) => [f.name, f.prior])));
      const ll = logLikelihoodAt(scenario, options);
      const n = post.draws.length;
      for (const i of [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1]) {
        const now = ll(post.draws[i]!);
        expect(Math.abs(now - post.logLik[i]!), `draw ${i}: log-likelihood now ${now}, stored ${post.logLik[i]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(now)));
      }
      expect(n).toBeGreaterThanOrEqual(1000);
      expect(post.ess).toBeGreaterThanOrEqual(MIN_ESS_SHARE * n);
      expect(post.unique).toBeGreaterThanOrEqual(MIN_UNIQUE_SHARE * n);
      for (const t of post.targets) {
        expect(t.covers, `${t.figure}: posterior [${t.posterior.q05}, ${t.posterior.q95}] against ${t.published}`).toBe(true);
        expect(t.narrowEnough, `${t.figure}: half-width ${t.halfWidth} against ${t.allowed}`).toBe(true);
      }
    }, 300_000);
  }
});
