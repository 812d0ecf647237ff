/**
 * The dashboards' live parts in Chromium, on the built site: the scenario panel re-runs the
 * engine in the Web Worker when an input changes (on the 8400 万 national scenario the time to the
 * first updated results is measured and reported — the target is 1 s, but a test never depends on
 * the machine's speed, so only a hang fails), a permalink restores the same numbers, an
 * out-of-range assumption is explained beside it, and the premium lab solves the same premium as
 * Node. (The SQL page is in sql.test.ts, the calibration page's figures in pages.test.ts.)
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { problems, useBuiltSite, type PageReport } from "./browser.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { solvePremium } from "../../src/sim/solve-premium.js";

const site = useBuiltSite();

const headline = (page: Page) => page.textContent(".headline-table");

/** Opens the assumptions panel (below the results) unless it is open. */
async function openAssumptions(page: Page): Promise<void> {
  if (!(await page.locator(".assumptions-panel").evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator(".assumptions-panel > summary").click();
}

describe("scenario panel on the 8400 万 new-form workers page", () => {
  // One visit for both tests, in this order: the slider's timing is taken on the first load.
  let report: PageReport;
  beforeAll(async () => {
    report = await site.check("/national", { waitFor: ".scenario-progress.done", timeout: 90_000 });
  });
  afterAll(async () => {
    await report?.page.context().close();
  });

  it("re-runs when a slider moves (first results reported against the 1 s target), and a permalink restores them", async (ctx) => {
    const page = report.page;
    expect(problems(report)).toEqual([]);
    const before = await headline(page);
    // The assumptions sit in a panel below the results: open it.
    await openAssumptions(page);
    // The pilot's take-up: type a new value in its number box (the slider's twin, in percent).
    const box = page.locator(".scenario-assumption", { hasText: "takeup.pilot" }).locator("input[type=number]");
    const started = Date.now();
    await box.fill("50");
    await page.waitForFunction((old) => document.querySelector(".headline-table")?.textContent !== old, before, { timeout: 60_000 });
    const firstResult = Date.now() - started;
    await page.waitForSelector(".scenario-progress.done", { timeout: 60_000 });
    const allDone = Date.now() - started;
    console.log(`national slider: first updated results after ${firstResult} ms (target 1000 ms), all 1000 replicates after ${allDone} ms`);
    ctx.annotate(`first updated results after ${firstResult} ms (target 1000 ms); all replicates after ${allDone} ms`);
    // Reported, not asserted: a loaded machine may miss the 1 s target; fails only at 40× it.
    expect(firstResult).toBeLessThan(40 * 1000);
    const after = await headline(page);
    expect(after).not.toBe(before);
    expect(page.url()).toContain("n.takeup.pilot=0.5");
    // The permalink reproduces the exact numbers (same seed, same scenario).
    const again = await site.check(page.url().replace(site.origin, ""), { waitFor: ".scenario-progress.done", timeout: 90_000 });
    try {
      expect(await headline(again.page)).toBe(after);
    } finally {
      await again.page.context().close();
    }
  });

  it("shows a message beside an out-of-range input, never NaN", async () => {
    const page = report.page;
    await openAssumptions(page);
    const item = page.locator(".scenario-assumption", { hasText: "takeup.pilot" });
    await item.locator("input[type=number]").fill("150"); // percent: 0–100 allowed
    await expect.poll(async () => (await item.locator(".input-error").textContent()) ?? "").toMatch(/(须在|must be between) .* (到|and) /);
    expect((await page.textContent("main")) ?? "").not.toMatch(/\bNaN\b/);
  });
});

describe("premium lab", () => {
  it("solves the same premium as Node (same engine, same random numbers): in yuan first, the multiplier second", async () => {
    const report = await site.check(`/premium-lab?lab=jiangshan-80plus/town-paid`, { waitFor: ".big", timeout: 120_000 });
    try {
      expect(problems(report)).toEqual([]);
      const shown = await report.page.locator(".premium-card .big").textContent();
      const multiplier = await report.page.locator(".premium-card .multiplier").textContent();
      const json = JSON.parse(readFileSync("simulations/scenarios/jiangshan-80plus.json", "utf-8"));
      const { scenario, options } = parseScenario(resolveScenario(json, readFigures()));
      const expected = solvePremium({ scenario, options, option: "town-paid", targetLossRatio: 0.85, replicates: 200, seed: scenario.seed, mode: "fast" });
      expect(multiplier).toContain(`× ${expected.multiplier.toFixed(3)}`);
      const perEnrollee = Math.round((100 * expected.solved.gross) / expected.solved.enrolled) / 100;
      expect(shown).toBe(`${perEnrollee} 元`);
      // The confidence field is inactive until its toggle is on.
      const confidence = report.page.locator("input[type=number]").nth(1);
      expect(await confidence.isDisabled()).toBe(true);
    } finally {
      await report.page.context().close();
    }
  });
});

