/**
 * Shared by the data loaders: one shipped scenario's dashboard entry — title, options, summaries
 * of the baseline run (mean, sd, quantiles, P(LR > 1), the parameter/process split), calibration,
 * the resolved scenario text the page's worker re-runs and the command that reproduces it.
 * `lightEntry` drops the scenario text and keeps only the last year's summaries: what the overview,
 * calibration, compare and premium-lab pages need to list and describe the scenarios.
 */
import { runBaseline, scenarioPath } from "../../simulations/baseline.js";
import { summarize, type GroupSummary } from "../sim/summary.js";

export function scenarioEntry(file: string, withCalibration = true) {
  const b = runBaseline(file, withCalibration);
  return {
    file,
    path: scenarioPath(file),
    id: b.scenario.id,
    title: b.scenario.title,
    description: b.scenario.description ?? null,
    date: b.scenario.date,
    years: b.scenario.years,
    seed: b.scenario.seed,
    replicates: b.replicates,
    options: b.scenario.options.map((o) => ({ id: o.id, label: o.label, scheme: o.scheme, reform: o.reform ?? null, dynamics: Boolean((o as { dynamics?: unknown }).dynamics) })),
    summaries: summarize(b.rows),
    calibration: b.calibration,
    command: `npx puhui simulate ${scenarioPath(file)} --replicates ${b.replicates} --seed ${b.scenario.seed}`,
    scenarioText: b.text,
  };
}

export type ScenarioEntry = ReturnType<typeof scenarioEntry>;

/** The last year's summary per option, with each metric cut to mean and 5–95 % quantiles. */
export function lastYear(summaries: readonly GroupSummary[]) {
  const byOption = new Map<string, GroupSummary>();
  for (const s of summaries) {
    const prev = byOption.get(s.option);
    if (!prev || s.year > prev.year) byOption.set(s.option, s);
  }
  return [...byOption.values()].map((s) => ({
    option: s.option,
    year: s.year,
    replicates: s.replicates,
    payers: s.payers,
    pAbove1: s.lossRatioAbove1.p,
    metrics: Object.fromEntries(Object.entries(s.metrics).map(([k, m]) => [k, { mean: m.mean, q05: m.q05, q95: m.q95 }])),
  }));
}

export function lightEntry(e: ScenarioEntry) {
  const { scenarioText: _text, summaries, ...rest } = e;
  return { ...rest, last: lastYear(summaries) };
}
