// Data loader: for every shipped scenario, its title, options, summaries of the baseline run
// (summarize: mean, sd, quantiles, P(LR > 1), the parameter/process split) and its calibration
// (target, model value, relative error, tolerance), plus the resolved scenario text the page's
// worker re-runs and the command that reproduces the numbers.
import { runBaseline, shippedScenarioFiles } from "../../simulations/baseline.js";
import { summarize } from "../sim/summary.js";

const out = shippedScenarioFiles().map((file) => {
  const b = runBaseline(file, true);
  return {
    file,
    id: b.scenario.id,
    title: b.scenario.title,
    description: b.scenario.description ?? null,
    date: b.scenario.date,
    years: b.scenario.years,
    seed: b.scenario.seed,
    replicates: b.replicates,
    options: b.scenario.options.map((o) => ({ id: o.id, label: o.label, scheme: o.scheme, reform: o.reform ?? null })),
    summaries: summarize(b.rows),
    calibration: b.calibration,
    command: `npx puhui simulate simulations/scenarios/${file} --replicates ${b.replicates} --seed ${b.scenario.seed}`,
    scenarioText: b.text,
  };
});
process.stdout.write(JSON.stringify(out));
