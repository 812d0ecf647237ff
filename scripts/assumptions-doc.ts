/**
 * Writes docs/assumptions.md: every labelled assumption the workbench uses, with its value, prior
 * and rationale — from data/assumptions/*.csv (and assumed rows of data/figures.csv) and from the
 * assumptions of each shipped scenario (simulations/scenarios/*.json). `npm run docs:assumptions`
 * regenerates it; a unit test fails when it is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { assumptionsMarkdown } from "../src/figures/assumptions-doc.js";
import { readFigures } from "../src/figures/read-figures.js";
import { readShippedScenarios } from "../src/figures/shipped-scenarios.js";

const out = fileURLToPath(new URL("../docs/assumptions.md", import.meta.url));
writeFileSync(out, assumptionsMarkdown(readFigures(), readShippedScenarios()));
process.stderr.write(`wrote ${out}\n`);
