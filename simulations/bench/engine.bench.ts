/**
 * Section "engine": the Monte Carlo engine on a national-size scenario (8400 万 people in 320
 * cells, 1000 replicates with parameter uncertainty; simulations/bench/national-bench.json).
 * One operation = one simulated person-replicate, so the person oracle (run on a 1/1000-scale
 * population) and the aggregate modes compare per simulated person. Targets (engine issue):
 * fast ≤ 0.2 s and exact ≤ 5 s for the 1000 replicates; fast ≥ 1000× the oracle per person.
 */
import { readFileSync } from "node:fs";
import { parseScenario } from "../../src/sim/scenario.js";
import { compile, runPlan, type Mode } from "../../src/sim/run.js";
import { bench } from "./framework.js";

const S = "engine";
const text = readFileSync(new URL("./national-bench.json", import.meta.url), "utf-8");
const json = JSON.parse(text) as { replicates: number; population: { grid: { total: number } } };
const REPLICATES = json.replicates;
const PEOPLE = json.population.grid.total;

function runOnce(mode: Mode, scenarioJson: unknown, replicates: number, plan?: ReturnType<typeof compile>): number {
  const { scenario, options } = parseScenario(scenarioJson);
  const p = plan ?? compile(scenario, options, mode);
  const rows = runPlan(p, { mode, replicates });
  return rows.length > 0 ? rows[0]!.benefits : 0;
}

const warmFast = (() => {
  const { scenario, options } = parseScenario(JSON.parse(text));
  const plan = compile(scenario, options, "fast");
  runPlan(plan, { mode: "fast", replicates: REPLICATES }); // fills the benefit tables once
  return plan;
})();

const PERSON_SCALE = 1000;
const PERSON_REPLICATES = 2;
const small = JSON.parse(text) as typeof json;
small.population.grid.total = PEOPLE / PERSON_SCALE;

bench(S, "person oracle (84 000 people × 2 replicates)", () => runOnce("person", small, PERSON_REPLICATES), {
  iterations: 1,
  units: (PEOPLE / PERSON_SCALE) * PERSON_REPLICATES,
  note: "per simulated person-replicate",
});
bench(S, "fast: 1000 replicates, tables warm", () => runPlan(warmFast, { mode: "fast", replicates: REPLICATES }).length, {
  iterations: 1,
  units: PEOPLE * REPLICATES,
  baseline: "person oracle (84 000 people × 2 replicates)",
  note: "engine time",
});
bench(S, "fast: compile + 1000 replicates, tables cold", () => runOnce("fast", JSON.parse(text), REPLICATES), {
  iterations: 1,
  units: PEOPLE * REPLICATES,
  baseline: "person oracle (84 000 people × 2 replicates)",
});
bench(S, "exact: compile + 1000 replicates, tables cold", () => runOnce("exact", JSON.parse(text), REPLICATES), {
  iterations: 1,
  units: PEOPLE * REPLICATES,
  baseline: "person oracle (84 000 people × 2 replicates)",
});
