/**
 * The calibration page's re-calibration (src/components/recalibrate-run.ts, recalibrate-edit.ts):
 * an unedited shipped scenario gives the command line's posterior to the bit and a file that
 * `puhui simulate --posterior` runs exactly as the command line's own; a held-out target's
 * prediction equals src/sim/posterior/held-out.ts's heldOutCheck (a second code path: it removes
 * the target itself); a moved published value moves the posterior; the form's knobs are
 * hand-checked per prior family; and bad input is one line naming the field and its range.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editScenario, checkRun, FormError, knobsOf, PAGE_MAX_SEED, PAGE_PARTICLES, withKnobs } from "../../src/components/recalibrate-edit.js";
import { recalibrate } from "../../src/components/recalibrate-run.js";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { MAX_SEED } from "../../src/sim/limits.js";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { heldOutCheck } from "../../src/sim/posterior/held-out.js";
import { PARTICLES } from "../../src/sim/posterior/posterior.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { runCli } from "../helpers/cli.js";

const G = "simulations/scenarios/guangdong-single-type-2022.json";
/** What the page's data loader hands the worker (src/data/scenario-entry.ts: the resolved text). */
const gText = resolveScenarioText(readFileSync(G, "utf-8"), G);

describe("re-calibration in the page", () => {
  it("gives the command line's posterior for the same seed, and a file puhui simulate --posterior runs exactly as the command line's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "puhui-recal-"));
    const cliFile = join(dir, "cli.json");
    const cli = await runCli("calibrate", G, "--posterior", "--particles", "100", "--seed", "5", "--out", cliFile);
    expect(cli.code).toBe(0);
    const command = `puhui calibrate ${G} --posterior --particles 100 --seed 5`;
    const stages: number[] = [];
    const ess: (number | undefined)[] = [];
    const r = recalibrate({ scenarioText: editScenario(gText, {}).scenarioText, heldOut: [], particles: 100, seed: 5, command }, (p) => {
      stages.push(p.phi);
      ess.push(p.ess);
    });
    const page = readPosterior(new TextEncoder().encode(r.fileText), "page");
    const fromCli = readPosterior(readFileSync(cliFile), "cli");
    expect(page.draws).toEqual(fromCli.draws);
    expect(page.ess).toBe(fromCli.ess);
    expect(page.command).toBe(fromCli.command);
    // The stored file is the command line's byte for byte (same command, same draws, same diagnostics).
    expect(r.fileText).toBe(readFileSync(cliFile, "utf-8"));
    // One progress call per stage, φ rising to 1.
    expect(stages.at(-1)).toBe(1);
    expect(stages.length).toBe(r.summary.stages.length + 1);
    // Each stage's conditional ESS as the sampler records it (the prior's: all N particles, equally weighted).
    expect(ess).toEqual([100, ...r.summary.stages.map((st) => st.ess)]);
    const pageFile = join(dir, "page.json");
    writeFileSync(pageFile, r.fileText);
    const a = await runCli("simulate", G, "--replicates", "40", "--seed", "7", "--posterior", pageFile);
    const b = await runCli("simulate", G, "--replicates", "40", "--seed", "7", "--posterior", cliFile);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  }, 300_000);

  it("predicts a held-out target as held-out.ts does, and follows a moved published value", () => {
    const { scenario, options } = parseScenarioText(gText, G);
    const { scenarioText, heldOut } = editScenario(gText, { targets: { 1: { use: "hold" } } });
    expect(heldOut).toEqual([1]);
    const r = recalibrate({ scenarioText, heldOut, particles: 100, seed: 3, command: "x" });
    const direct = heldOutCheck(scenario, options, 1, { particles: 100, seed: 3 });
    expect(r.heldOut).toHaveLength(1);
    expect(r.heldOut[0]!.expectation).toEqual(direct.expectation);
    expect(r.heldOut[0]!.predictive).toEqual(direct.predictive);
    expect(r.heldOut[0]!.pass).toBe(direct.pass);
    expect(r.summary.targets.map((t) => t.figure)).toEqual([scenario.calibration!.targets[0]!.figure]);
    // Published enrolment 8 % higher: the posterior predictive follows it (the target's σ is 0.5 %).
    const y = scenario.calibration!.targets[0]!.value;
    const moved = editScenario(gText, { targets: { 0: { value: Math.round(1.08 * y) }, 1: { use: "drop" } } });
    expect(moved.edited).toBe(true);
    const m = recalibrate({ scenarioText: moved.scenarioText, heldOut: moved.heldOut, particles: 100, seed: 3, command: "x" });
    expect(m.summary.targets).toHaveLength(1);
    expect(m.summary.targets[0]!.posterior.q50 / y).toBeGreaterThan(1.06);
    expect(m.summary.targets[0]!.covers).toBe(true);
  }, 300_000);

  it("turns the form's centre and width into each prior family (hand-computed) and back", () => {
    // beta mean 0.4, sd 0.1: α + β = 0.24 / 0.01 − 1 = 23, α = 9.2, β = 13.8.
    const b = withKnobs({ dist: "beta", alpha: 8, beta: 12 }, 0.4, 0.1, "renewal.healthy");
    expect(b.prior).toMatchObject({ dist: "beta" });
    const bp = b.prior as { alpha: number; beta: number };
    expect(bp.alpha).toBeCloseTo(9.2, 12);
    expect(bp.beta).toBeCloseTo(13.8, 12);
    expect(b.value).toBe(0.4);
    // beta(8, 12): mean 0.4, sd √(0.24 / 21).
    expect(knobsOf({ dist: "beta", alpha: 8, beta: 12 }).width).toBeCloseTo(Math.sqrt(0.24 / 21), 14);
    expect(withKnobs({ dist: "uniform", min: -1, max: 1 }, 0.5, 4, "x").prior).toEqual({ dist: "uniform", min: -1.5, max: 2.5 });
    // triangular 0–1–4 moved to mode 2 and range 8: min 2 − 1·2 = 0, max 2 + 3·2 = 8.
    expect(withKnobs({ dist: "triangular", min: 0, mode: 1, max: 4 }, 2, 8, "x").prior).toEqual({ dist: "triangular", min: 0, mode: 2, max: 8 });
    expect(withKnobs({ dist: "lognormal", median: 1, sigma: 0.2 }, 2, 0.5, "x").prior).toEqual({ dist: "lognormal", median: 2, sigma: 0.5 });
    for (const p of [{ dist: "beta", alpha: 3, beta: 5 }, { dist: "uniform", min: 2, max: 7 }, { dist: "triangular", min: 0, mode: 3, max: 4 }, { dist: "lognormal", median: 0.3, sigma: 0.4 }] as const) {
      const k = knobsOf(p);
      const back = knobsOf(withKnobs(p, k.centre, k.width, "x").prior);
      expect(back.centre).toBeCloseTo(k.centre, 12);
      expect(back.width).toBeCloseTo(k.width, 12);
    }
    // An edited prior reaches the scenario, with its point value at the new centre; the rest is untouched.
    const e = editScenario(gText, { priors: { "takeup.new_form": { centre: 0.3, width: 0.2 } } });
    const j = JSON.parse(e.scenarioText);
    expect(j.assumptions["takeup.new_form"].prior).toEqual({ dist: "uniform", min: 0.19999999999999998, max: 0.4 });
    expect(j.assumptions["takeup.new_form"].value).toBe(0.3);
    expect(JSON.parse(gText).assumptions["takeup.special"]).toEqual(j.assumptions["takeup.special"]);
    // A lognormal the text centres on its mean keeps the mean (its point value must equal it) and parses.
    const mean = editScenario(gText, { priors: { "freq.over_age": { centre: 0.01, width: 0.4 } } });
    expect(JSON.parse(mean.scenarioText).assumptions["freq.over_age"]).toMatchObject({ value: 0.01, prior: { dist: "lognormal", mean: 0.01, sigma: 0.4 } });
    expect(knobsOf({ dist: "lognormal", mean: 0.008, sigma: 0.5 }).centreLabel.en).toBe("mean");
    expect(() => parseScenarioText(mean.scenarioText, "edited")).not.toThrow();
    expect(() => parseScenarioText(e.scenarioText, "edited")).not.toThrow();
    // Nothing edited: the text byte for byte.
    expect(editScenario(gText, { targets: { 0: { use: "fit" } } })).toEqual({ scenarioText: gText, heldOut: [], edited: false });
  });

  it("refuses bad input with one line naming the field and its allowed range", () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(FormError);
        const e = error as FormError;
        expect(e.text.en).not.toMatch(/\n/);
        expect(e.text.zh).not.toMatch(/\n/);
        return e.text.en;
      }
      throw new Error("accepted");
    };
    expect(bad(() => editScenario(gText, { targets: { 0: { value: -5 } } }))).toBe("guangdong.single_type_insured_2022_05 published value: must be a number > 0 (got -5)");
    expect(bad(() => editScenario(gText, { targets: { 0: { value: Number.NaN } } }))).toMatch(/published value: must be a number > 0 \(got NaN\)/);
    expect(bad(() => editScenario(gText, { targets: { 0: { use: "hold" }, 1: { use: "drop" } } }))).toMatch(/^targets: at least one target must be fitted/);
    expect(bad(() => checkRun(99, 1))).toBe(`particles: must be an integer from 100 to 5000 (got 99)`);
    expect(bad(() => checkRun(5001, 1))).toMatch(/^particles: must be an integer from 100 to 5000/);
    expect(bad(() => checkRun(150.5, 1))).toMatch(/^particles: /);
    expect(bad(() => checkRun(200, -1))).toMatch(/^seed: must be an integer from 0 to 9007199254740991 \(got -1\)/);
    expect(bad(() => withKnobs({ dist: "beta", alpha: 8, beta: 12 }, 0.4, 0.6, "renewal.healthy"))).toBe("renewal.healthy sd: must be a number strictly between 0 and 0.489898 (at mean 0.4) (got 0.6)");
    expect(bad(() => withKnobs({ dist: "lognormal", median: 1, sigma: 0.2 }, 0, 0.2, "freq"))).toBe("freq median: must be a number > 0 (got 0)");
    expect(bad(() => withKnobs({ dist: "uniform", min: 0, max: 1 }, 0.5, -1, "t"))).toBe("t range (max − min): must be a number > 0 (got -1)");
    expect(bad(() => editScenario(gText, { priors: { "no.such": { centre: 1, width: 1 } } }))).toMatch(/^no\.such: is not an assumption with a prior/);
    // The page's limits are the sampler's and the seed's own (not imported there, so the page stays light).
    expect(PAGE_PARTICLES.min).toBe(PARTICLES.min);
    expect(PAGE_PARTICLES.max).toBeLessThanOrEqual(PARTICLES.max);
    expect(PAGE_MAX_SEED).toBe(MAX_SEED);
  });
});
