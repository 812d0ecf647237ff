/**
 * Section "posterior" (issue 13's speed target: a shipped scenario's posterior, ≥ 2000 particles
 * or ESS ≥ 1000, in ≤ 60 s on this 2-core machine): the whole tempered SMC of one shipped
 * posterior (Guangdong's, 2000 particles, its stored seed: the command in
 * simulations/posteriors/guangdong-single-type-2022.arrow), and one model evaluation (the
 * engine's noise-free expectations of every target at a stored posterior draw) of each calibrated
 * shipped scenario — the unit the SMC's cost is a multiple of. Run alone:
 * `npm run bench -- posterior --runs=1`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { posterior, targetModel } from "../../src/sim/posterior/posterior.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { bench } from "./framework.js";

const S = "posterior";
const dir = new URL("../posteriors/", import.meta.url);
const figures = readFigures();
const load = (id: string) => parseScenario(resolveScenario(JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), "utf-8")), figures));

for (const f of readdirSync(dir).filter((x) => x.endsWith(".arrow")).sort()) {
  const post = readPosterior(readFileSync(new URL(f, dir)), f);
  const { scenario, options } = load(post.scenario);
  const model = targetModel(scenario, options);
  const draw = post.draws[0]!;
  bench(S, `one model evaluation: ${post.scenario}`, (n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += model(draw)[0]!;
    return s;
  });
}

{
  const id = "guangdong-single-type-2022";
  const stored = readPosterior(readFileSync(new URL(`${id}.arrow`, dir)), id);
  const { scenario, options } = load(id);
  bench(S, `whole posterior: ${id}, ${stored.particles} particles`, () => posterior(scenario, options, { particles: stored.particles, seed: stored.seed }).ess, { iterations: 1, units: 1, note: "issue 13 target ≤ 60 s: the time/call column" });
}
