import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { assumptionsMarkdown, COMMAND_IN_NOTE } from "../../src/figures/assumptions-doc.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { readShippedScenarios } from "../../src/figures/shipped-scenarios.js";

it("docs/assumptions.md is up to date (npm run docs:assumptions)", () => {
  const committed = readFileSync(new URL("../../docs/assumptions.md", import.meta.url), "utf-8");
  expect(committed).toBe(assumptionsMarkdown(readFigures(), readShippedScenarios()));
});

it("lists every assumption in data/ with its prior", () => {
  const md = assumptionsMarkdown(readFigures(), []);
  for (const f of readFigures().filter((x) => x.kind === "assumption")) expect(md).toContain(`\`${f.id}\``);
  expect(md).toContain("beta(12, 8)");
});

it("docs/assumptions.zh.md is up to date and in Chinese (npm run docs:assumptions)", () => {
  const committed = readFileSync(new URL("../../docs/assumptions.zh.md", import.meta.url), "utf-8");
  const figures = readFigures();
  expect(committed).toBe(assumptionsMarkdown(figures, readShippedScenarios(), "zh"));
  // Every assumed row carries its Chinese note (a quoted CLI command set as code), not the English one.
  for (const f of figures.filter((x) => x.kind === "assumption")) {
    expect(committed).toContain(f.note_zh.replace(/\|/g, "\\|").replace(COMMAND_IN_NOTE, (c) => `\`${c}\``));
    expect(committed).not.toContain(`| ${f.note.replace(/\|/g, "\\|")} |`);
  }
});

it("sets a CLI command quoted in a note as code, in both languages (the language check skips code)", () => {
  const zh = assumptionsMarkdown(readFigures(), [], "zh");
  expect(zh).toContain("(`puhui solve-premium simulations/scenarios/urumqi-supplementary-2025.json --option track-a --target-loss-ratio 0.9 --replicates 400`，");
  expect("(puhui solve-premium a.json --option x, then)".replace(COMMAND_IN_NOTE, (c) => `[${c}]`)).toBe("([puhui solve-premium a.json --option x], then)");
});
