// Data loader: the stored posteriors of the calibrated shipped scenarios (simulations/posteriors/
// <id>.arrow, made by `puhui calibrate … --posterior --out`, issue 13) without their draws — per
// target the prior and posterior predictive intervals of the model's expectation against the
// published figure, per assumption its prior and posterior 5/50/95 % — and the held-out checks
// (simulations/posteriors/held-out.json, made by simulations/posteriors/held-out.ts).
import { readdirSync, readFileSync } from "node:fs";
import { readPosterior } from "../sim/posterior/file.js";

const dir = new URL("../../simulations/posteriors/", import.meta.url);
const posteriors = readdirSync(dir)
  .filter((f) => f.endsWith(".arrow"))
  .sort()
  .map((f) => {
    const p = readPosterior(readFileSync(new URL(f, dir)), f);
    return { id: p.scenario, file: `simulations/posteriors/${f}`, command: p.command, particles: p.particles, seed: p.seed, ess: p.ess, unique: p.unique, steps: p.stages.length, evaluations: p.evaluations, targets: p.targets, assumptions: p.assumptions };
  });
const heldOutFile = new URL("held-out.json", dir);
// Committed beside the posteriors (its currency is tested): a missing file fails the build, not an empty section.
const heldOut = JSON.parse(readFileSync(heldOutFile, "utf-8")) as { command: string; checks: unknown[]; maxPayout: unknown[] };
process.stdout.write(JSON.stringify({ posteriors, heldOut }));
