/**
 * Same scenario + seed ⇒ bit-identical results in Node and in the browser: the engine (src/sim,
 * src/rules) is bundled for the browser with esbuild, run in Chromium on a test scenario in fast,
 * exact and person modes, and its rows are compared with the same run in Node (as JSON, so every
 * float must agree to the last bit).
 */
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { beforeAll, expect, it } from "vitest";
import { useBrowser } from "./browser.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { compile, runPlan, type Mode } from "../../src/sim/run.js";

const scenarioText = readFileSync(new URL("../fixtures/small-gonghuibao.json", import.meta.url), "utf-8");
const shared = useBrowser();
let bundle = "";

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: `
        import { parseScenarioText } from "./src/sim/scenario.ts";
        import { compile, runPlan } from "./src/sim/run.ts";
        window.runScenario = (text, mode, replicates) => {
          const { scenario, options } = parseScenarioText(text);
          return JSON.stringify(runPlan(compile(scenario, options, mode), { mode, replicates }));
        };`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
  });
  bundle = result.outputFiles[0]!.text;
});

const cases: [Mode, number][] = [
  ["fast", 40],
  ["exact", 40],
  ["person", 3],
];

for (const [mode, replicates] of cases) {
  it(`${mode} mode: Chromium and Node give bit-identical rows`, async () => {
    const { scenario, options } = parseScenarioText(scenarioText);
    const inNode = JSON.stringify(runPlan(compile(scenario, options, mode), { mode, replicates }));
    const page = await shared.browser.newPage();
    try {
      await page.setContent("<!doctype html><title>engine</title>");
      await page.addScriptTag({ content: bundle });
      const inBrowser = await page.evaluate(
        ([text, m, n]) => (window as unknown as { runScenario(t: string, m: string, n: number): string }).runScenario(text, m, n),
        [scenarioText, mode, replicates] as const,
      );
      expect(inBrowser.length).toBeGreaterThan(1000);
      expect(inBrowser).toBe(inNode);
    } finally {
      await page.context().close();
    }
  });
}
