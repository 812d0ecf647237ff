/**
 * Writes simulations/posteriors/held-out.json: the held-out checks of issue 13 (one published
 * figure per scheme family removed from fitting, predicted from the posterior of the others;
 * src/sim/posterior/held-out.ts). Which figures and why: docs/methods/calibration.md "Held-out
 * checks". Run: npx tsx simulations/posteriors/held-out.ts [scenario-id …] (default: all below;
 * naming some recomputes only those and keeps the others' stored results).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { heldOutCheck, type HeldOutCheck } from "../../src/sim/posterior/held-out.js";
import { parseScenario } from "../../src/sim/scenario.js";

/** scenario id → index of the held-out target in its calibration.targets, and the particles. */
const HELD_OUT: { scenario: string; index: number; particles: number; seed: number }[] = [
  // injury family: the 约 8.51 万 new-form workers, predicted from the 121.52 万 total alone
  { scenario: "guangdong-single-type-2022", index: 1, particles: 1000, seed: 2022 },
  // medical family (惠民保-type, claims): the mean payout of all 577 claimants, a cost figure,
  // predicted from the town-paid group's claimants and mean payout and the all-enrollee claimant count
  { scenario: "jiangshan-80plus", index: 3, particles: 1000, seed: 2023 },
  // medical family (enrolment): 天一甬宁保's 2024 enrolment, predicted from the 2023 figure and the employer floor
  { scenario: "ningbo-tianyi-2024", index: 1, particles: 500, seed: 2024 },
];

const out = new URL("./held-out.json", import.meta.url);
const only = process.argv.slice(2);
const stored: HeldOutCheck[] = existsSync(out) ? (JSON.parse(readFileSync(out, "utf-8")) as { checks: HeldOutCheck[] }).checks : [];
const figures = readFigures();
const checks: HeldOutCheck[] = [];
for (const h of HELD_OUT) {
  const old = stored.find((c) => c.scenario === h.scenario && c.index === h.index);
  if (only.length && !only.includes(h.scenario) && old) {
    checks.push(old);
    continue;
  }
  const json = JSON.parse(readFileSync(new URL(`../scenarios/${h.scenario}.json`, import.meta.url), "utf-8"));
  const { scenario, options } = parseScenario(resolveScenario(json, figures));
  const t0 = Date.now();
  const c = heldOutCheck(scenario, options, h.index, { particles: h.particles, seed: h.seed });
  process.stderr.write(`${h.scenario} #${h.index} ${c.figure}: published ${c.published}, expectation ${c.expectation.q05.toPrecision(5)}–${c.expectation.q95.toPrecision(5)}, predictive ${c.predictive.lo.toPrecision(5)}–${c.predictive.hi.toPrecision(5)} ${c.pass ? "pass" : "FAIL"} (ESS ${c.ess.toFixed(0)}, ${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  checks.push(c);
}
writeFileSync(out, `${JSON.stringify({ command: "npx tsx simulations/posteriors/held-out.ts", checks }, null, 1)}\n`);
