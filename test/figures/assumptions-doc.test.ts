import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { assumptionsMarkdown } from "../../src/figures/assumptions-doc.js";
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
  // Every assumed row carries its Chinese note, not the English one.
  for (const f of figures.filter((x) => x.kind === "assumption")) {
    expect(committed).toContain(f.note_zh.replace(/\|/g, "\\|"));
    expect(committed).not.toContain(`| ${f.note.replace(/\|/g, "\\|")} |`);
  }
});
