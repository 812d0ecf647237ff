/**
 * `puhui sensitivity --posterior` (issue 13): the tornado and indices run on a posterior file's
 * draws instead of the priors. A hand-made posterior of the small 工惠保 fixture (100 000 union
 * members) holds take-up at 0.25 in every draw (its point value is 0.3): the report's base is
 * E[enrolled] = 100 000 × 0.25 = 2.5 万 and take-up's bar has both ends at 0.25 and no swing.
 * A posterior of another scenario exits 2 with one line.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POSTERIOR_FORMAT, posteriorJson, type PosteriorFile } from "../../src/sim/posterior/file.js";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/small-gonghuibao.json";

function posteriorFileOf(scenario: string): string {
  const draws = Array.from({ length: 10 }, (_, i) => [0.25, i % 2 === 0 ? 0.008 : 0.012, 1]);
  const file: PosteriorFile = {
    format: POSTERIOR_FORMAT,
    command: "hand-made for the test",
    scenario,
    seed: 1,
    particles: draws.length,
    names: ["takeup", "freq", "scale"],
    priors: {},
    logLik: draws.map(() => 0),
    draws,
    ess: draws.length,
    unique: 2,
    stages: [],
    logEvidence: 0,
    evaluations: 0,
    targets: [],
    assumptions: [],
  };
  const path = join(mkdtempSync(join(tmpdir(), "puhui-sens-post-")), "post.json");
  writeFileSync(path, posteriorJson(file));
  return path;
}

describe("puhui sensitivity --posterior", () => {
  it("stands at the posterior's medians and quantiles, not the priors'", async () => {
    const r = await runCli("sensitivity", FIXTURE, "--replicates", "20", "--posterior", posteriorFileOf("small-gonghuibao"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^posterior medians: E\[benefits\] .+, E\[enrolled\] 2\.5 万, loss ratio /m);
    expect(r.out).toContain("one assumption at its posterior 5 % / 95 % quantile, the others at their posterior medians");
    // take-up is 0.25 in every draw: both ends 0.25, E[enrolled] 2.5 万 at both, no swing.
    expect(r.out).toMatch(/^takeup +uniform\(0\.2, 0\.4\) +0\.25 \/ 0\.25 +\S+ 万 \/ \S+ 万 +0 +2\.5 万 \/ 2\.5 万 +0 /m);
    expect(r.out).toContain("posterior draws are correlated");
  }, 300_000);

  it("refuses a posterior of another scenario with one line", async () => {
    const r = await runCli("sensitivity", FIXTURE, "--replicates", "20", "--posterior", posteriorFileOf("other"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^puhui sensitivity: posterior: was made for scenario "other" \(allowed: a posterior of "small-gonghuibao"\)\n$/);
    expect(r.out).toBe("");
  }, 300_000);
});
