/**
 * `puhui sensitivity <scenario.json> [--option id]`: which assumptions drive the spread — the
 * one-at-a-time tornado of conditional expectations at the priors' 5 % and 95 % quantiles, and
 * variance-based first-order indices with standard errors (src/sim/sensitivity.ts). A readable
 * report, or --json. Bad input exits 2 with one line; progress goes to stderr.
 */
import type { Command, Io } from "./command.js";
import { UsageError } from "./errors.js";
import { readScenarioFile } from "./scenario-file.js";
import { parseStrict, table } from "./args.js";
import { createProgress } from "./progress.js";
import { checkRows, LIMITS, parseIntFlag } from "./simulate.js";
import { readPosteriorFlag } from "./calibrate.js";
import { wanYi } from "./format.js";
import { InputError } from "../../src/rules/input-error.js";
import type { Prior } from "../../src/rules/parameter.js";
import { parseScenarioText, type Scenario } from "../../src/sim/scenario.js";
import { sensitivity, type OptionSensitivity, type SensitivityResult, type VarianceIndices } from "../../src/sim/sensitivity.js";

function num(x: number): string {
  return String(Number(x.toPrecision(4)));
}

export function priorText(p: Prior): string {
  switch (p.dist) {
    case "fixed":
      return "fixed";
    case "uniform":
      return `uniform(${num(p.min)}, ${num(p.max)})`;
    case "triangular":
      return `triangular(${num(p.min)}, ${num(p.mode)}, ${num(p.max)})`;
    case "lognormal":
      return `lognormal(median ${num(p.median)}, σ ${num(p.sigma)})`;
    case "beta":
      return `beta(${num(p.alpha)}, ${num(p.beta)})`;
  }
}

const lr = (x: number | null) => (x === null ? "–" : x.toFixed(3));
const idx = (x: number) => (Math.abs(x) < 0.0005 ? "0.000" : x.toFixed(3));

function indexColumns(v: VarianceIndices, name: string): string {
  const i = v.indices.find((x) => x.assumption === name);
  return i ? `${idx(i.index)} ± ${i.se.toFixed(3)}` : "–";
}

function optionReport(scenario: Scenario, r: SensitivityResult, o: OptionSensitivity): string[] {
  const option = scenario.options.find((x) => x.id === o.option)!;
  const label = typeof option.label === "string" ? option.label : `${option.label.zh} / ${option.label.en}`;
  const [ql, qh] = r.quantiles.map((q) => `${Math.round(q * 100)} %`) as [string, string];
  const t = o.tornado;
  const lines: string[] = [];
  lines.push(`option ${o.option} — ${label}`);
  lines.push(`${r.basis === "posterior" ? "posterior medians" : "point values"}: E[benefits] ${wanYi(t.base.expectedBenefits)}, E[enrolled] ${wanYi(t.base.expectedEnrolled)}, loss ratio ${lr(t.base.lossRatio)}`);
  lines.push("");
  lines.push(
    r.basis === "posterior"
      ? `tornado: one assumption at its posterior ${ql} / ${qh} quantile, the others at their posterior medians (sorted by swing of E[benefits])`
      : `tornado: one assumption at its prior's ${ql} / ${qh} quantile, the others at their point values (sorted by swing of E[benefits])`,
  );
  lines.push(
    table(
      t.bars.map((b) => [
        b.assumption,
        priorText(b.prior),
        `${num(b.low)} / ${num(b.high)}`,
        `${wanYi(b.atLow.expectedBenefits)} / ${wanYi(b.atHigh.expectedBenefits)}`,
        wanYi(b.swing.expectedBenefits),
        `${wanYi(b.atLow.expectedEnrolled)} / ${wanYi(b.atHigh.expectedEnrolled)}`,
        wanYi(b.swing.expectedEnrolled),
        `${lr(b.atLow.lossRatio)} / ${lr(b.atHigh.lossRatio)}`,
        lr(b.swing.lossRatio),
      ]),
      ["assumption", "prior", `${ql} / ${qh}`, "E[benefits]", "swing", "E[enrolled]", "swing", "loss ratio", "swing"],
    ).trimEnd(),
  );
  lines.push("");
  const b = o.indices.expectedBenefits;
  const e = o.indices.expectedEnrolled;
  lines.push(`first-order indices S = Var(E[Y | assumption]) / Var(Y), ± bootstrap s.e. (sorted by S of E[benefits])`);
  if (b.indices.length === 0 && e.indices.length === 0) {
    lines.push("  (no spread: E[benefits] and E[enrolled] do not vary between replicates)");
    return lines;
  }
  const g = o.indices.expectedGross;
  const l = o.indices.lossRatio;
  const names = b.indices.length > 0 ? b.indices.map((i) => i.assumption) : e.indices.map((i) => i.assumption);
  const rows = names.map((n) => [n, indexColumns(b, n), indexColumns(e, n), indexColumns(g, n), indexColumns(l, n)]);
  const sum = (v: VarianceIndices) => (v.indices.length > 0 ? idx(v.sum) : "–");
  rows.push(["sum", sum(b), sum(e), sum(g), sum(l)]);
  lines.push(table(rows, ["assumption", "Y = E[benefits | θ]", "Y = E[enrolled | θ]", "Y = premium E[gross | θ]", "Y = loss ratio"]).trimEnd());
  lines.push(`sd of Y over replicates: E[benefits] ${wanYi(Math.sqrt(b.variance))}, E[enrolled] ${wanYi(Math.sqrt(e.variance))}${r.basis === "posterior" ? "; posterior draws are correlated, so the sum may exceed 1 (each S is what knowing that assumption alone would remove)" : "; 1 − sum = interactions"}`);
  return lines;
}

/** The human report. */
export function sensitivityReport(scenario: Scenario, r: SensitivityResult): string {
  const title = typeof scenario.title === "string" ? scenario.title : `${scenario.title.zh} / ${scenario.title.en}`;
  const lines: string[] = [];
  lines.push(`${scenario.id} — ${title}`);
  lines.push(
    `seed ${r.seed}, mode ${r.mode}; tornado ${r.tornadoReplicates} replicate${r.tornadoReplicates === 1 ? "" : "s"} per run; ` +
      `indices from ${r.replicates} replicates (${r.bins} bins, ${r.bootstrap} bootstrap resamples)`,
  );
  if (r.assumptions.length === 0) {
    lines.push("");
    lines.push("no assumption has a non-fixed prior: nothing to analyse");
    return lines.join("\n") + "\n";
  }
  lines.push(`assumptions with a prior: ${r.assumptions.join(", ")}`);
  for (const o of r.options) {
    lines.push("");
    lines.push(...optionReport(scenario, r, o));
  }
  return lines.join("\n") + "\n";
}

interface Options {
  option?: string;
  replicates?: string;
  seed?: string;
  json?: boolean;
  posterior?: string;
}

async function runSensitivity(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(args, {
    option: { type: "string" },
    replicates: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
    posterior: { type: "string" },
  });
  const v = values as Options;
  if (positionals.length === 0) throw new UsageError("missing <scenario.json> (e.g. test/fixtures/small-gonghuibao.json)");
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])} (allowed: one <scenario.json>)`);
  const replicatesFlag = parseIntFlag(v.replicates, "replicates", { ...LIMITS.replicates, min: 4, unit: "replicates (the variance-based indices need at least 4)" });
  const seedFlag = parseIntFlag(v.seed, "seed");
  const path = positionals[0]!;
  const posterior = v.posterior === undefined ? undefined : readPosteriorFlag(v.posterior);
  const text = readScenarioFile(path);
  const { scenario, options } = parseScenarioText(text, path);
  if (v.option !== undefined && !options.some((o) => o.option.id === v.option)) {
    throw new InputError("--option", `unknown option ${JSON.stringify(v.option)}; the scenario's options are ${options.map((o) => o.option.id).join(", ")}`);
  }
  const replicates = replicatesFlag ?? scenario.replicates;
  if (replicates < 4) throw new InputError("scenario.replicates", `too few for the variance-based indices (allowed: at least 4; got ${replicates}); give --replicates`);
  checkRows(replicates, scenario, replicatesFlag !== undefined, LIMITS.rows, v.option === undefined ? scenario.options.length : 1);
  let progress: ReturnType<typeof createProgress> | undefined;
  let result: SensitivityResult;
  try {
    result = sensitivity({
      scenario,
      options,
      ...(v.option === undefined ? {} : { option: v.option }),
      replicates,
      seed: seedFlag ?? scenario.seed,
      ...(posterior ? { posterior } : {}),
      onProgress: (done, total) => {
        progress ??= createProgress(io, total, { verb: "sensitivity: ran" });
        progress.update(done);
      },
    });
  } catch (error) {
    progress?.abort();
    throw error;
  }
  progress?.finish();
  if (v.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(sensitivityReport(scenario, result));
  return 0;
}

export const sensitivityCommand: Command = {
  path: ["sensitivity"],
  summary: "which assumptions drive the spread: tornado and first-order variance indices",
  usage: `Usage: puhui sensitivity <scenario.json> [--option <id>] [--replicates N] [--seed S] [--posterior post.arrow] [--json]

For every assumption with a non-fixed prior:
  tornado   the assumption at its prior's 5 % and 95 % quantiles, all others at their point
            values, no parameter uncertainty: E[benefits | θ], E[enrolled | θ] and the loss
            ratio E[benefits | θ] / E[gross | θ], with the swing between the two ends; sorted
            by the swing of E[benefits]
  indices   first-order (main-effect) variance indices S = Var(E[Y | assumption]) / Var(Y) of
            Y = E[benefits | θ], E[enrolled | θ], the premium E[gross | θ] and the loss ratio
            from an ordinary run with every assumption drawn from its prior (binning
            estimator, bootstrap standard errors)
  --posterior FILE  run both on a posterior (puhui calibrate --posterior --out) instead of the
                    priors: the tornado at its medians and 5 % / 95 % quantiles, the indices
                    over its draws as puhui simulate --posterior takes them
  --option ID       analyse one option (default: every option)
  --replicates N    replicates of the variance-based run, 4 to 100000 (default: the scenario's),
                    and at most 500000 rows (replicates × options × years)
  --seed S          integer 0 to 2^53−1 (default: the scenario's)
  --json            print the whole result as JSON
Progress is drawn on stderr when it is a terminal; otherwise one final line.
`,
  run: runSensitivity,
};

export const sensitivityCommands: Command[] = [sensitivityCommand];
