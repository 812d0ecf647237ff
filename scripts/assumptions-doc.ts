/**
 * Writes docs/assumptions.md (and its Chinese twin docs/assumptions.zh.md): every labelled assumption the workbench uses, with its value, prior
 * and rationale — from data/assumptions/*.csv (and assumed rows of data/figures.csv) and from the
 * assumptions of each shipped scenario (simulations/scenarios/*.json). `npm run docs:assumptions`
 * regenerates it; a unit test fails when it is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { assumptionsMarkdown } from "../src/figures/assumptions-doc.js";
import { readFigures } from "../src/figures/read-figures.js";
import { readShippedScenarios } from "../src/figures/shipped-scenarios.js";

const figures = readFigures();
const scenarios = readShippedScenarios();
for (const [name, lang] of [["assumptions.md", "en"], ["assumptions.zh.md", "zh"]] as const) {
  const out = fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
  writeFileSync(out, assumptionsMarkdown(figures, scenarios, lang));
  process.stderr.write(`wrote ${out}\n`);
}
