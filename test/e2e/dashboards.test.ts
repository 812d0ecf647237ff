/**
 * The dashboards' live parts in Chromium, on the built site: the scenario panel re-runs the
 * engine in the Web Worker when an input changes (on the 8400 万 national scenario the time to the
 * first updated results is measured and reported — the target is 1 s, but a test never depends on
 * the machine's speed, so only a hang fails), a permalink restores the same numbers, the premium lab
 * solves the same premium as Node, the SQL page answers queries and reports bad SQL as a message,
 * and the calibration page shows every published figure within tolerance.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkPage, launch, problems, serve } from "./browser.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { parseScenario } from "../../src/sim/scenario.js";
import { solvePremium } from "../../src/sim/solve-premium.js";

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve("dist");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const headline = (page: Page) => page.textContent(".headline-table");

/** The built summaries.json (its name carries a content hash). */
async function summariesFile(): Promise<string> {
  const { readdirSync } = await import("node:fs");
  const name = readdirSync("dist/_file/data").find((f) => /^summaries\.[0-9a-f]+\.json$/.test(f));
  if (!name) throw new Error("dist/_file/data/summaries.*.json is missing");
  return `dist/_file/data/${name}`;
}

describe("scenario panel on the 8400 万 new-form workers page", () => {
  it("re-runs when a slider moves (first results reported against the 1 s target), and a permalink restores them", async (ctx) => {
    const report = await checkPage(browser, `${server.origin}/national`, { waitFor: ".scenario-progress.done", timeout: 90_000 });
    const page = report.page;
    try {
      expect(problems(report)).toEqual([]);
      const before = await headline(page);
      // The assumptions sit in a panel below the results: open it.
      await page.locator(".assumptions-panel > summary").click();
      // The pilot's take-up: type a new value in its number box (the slider's twin).
      const box = page.locator(".scenario-assumption", { hasText: "takeup.pilot" }).locator("input[type=number]");
      const started = Date.now();
      await box.fill("50");
      await page.waitForFunction((old) => document.querySelector(".headline-table")?.textContent !== old, before, { timeout: 10_000 });
      const firstResult = Date.now() - started;
      await page.waitForSelector(".scenario-progress.done", { timeout: 30_000 });
      const allDone = Date.now() - started;
      console.log(`national slider: first updated results after ${firstResult} ms (target 1000 ms), all 1000 replicates after ${allDone} ms`);
      ctx.annotate(`first updated results after ${firstResult} ms (target 1000 ms); all replicates after ${allDone} ms`);
      // Reported, not asserted: a loaded machine may miss the 1 s target; only a hang fails.
      expect(firstResult).toBeLessThan(15_000);
      const after = await headline(page);
      expect(after).not.toBe(before);
      expect(page.url()).toContain("n.takeup.pilot=0.5");
      // The permalink reproduces the exact numbers (same seed, same scenario).
      const again = await checkPage(browser, page.url(), { waitFor: ".scenario-progress.done", timeout: 90_000 });
      try {
        expect(await headline(again.page)).toBe(after);
      } finally {
        await again.page.context().close();
      }
    } finally {
      await page.context().close();
    }
  });

  it("shows a message beside an out-of-range input, never NaN", async () => {
    const report = await checkPage(browser, `${server.origin}/national`, { waitFor: ".scenario-progress.done", timeout: 90_000 });
    try {
      await report.page.locator(".assumptions-panel > summary").click();
      const item = report.page.locator(".scenario-assumption", { hasText: "takeup.pilot" });
      await item.locator("input[type=number]").fill("150");
      await expect.poll(async () => (await item.locator(".input-error").textContent()) ?? "").toMatch(/(须在|must be between) .* (到|and) /);
      expect((await report.page.textContent("main")) ?? "").not.toMatch(/\bNaN\b/);
    } finally {
      await report.page.context().close();
    }
  });
});

describe("premium lab", () => {
  it("solves the same premium as Node (same engine, same random numbers): in yuan first, the multiplier second", async () => {
    const report = await checkPage(browser, `${server.origin}/premium-lab?lab=jiangshan-80plus/town-paid`, { waitFor: ".big", timeout: 120_000 });
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

describe("SQL page", () => {
  it("answers a linked query (after Run) and reports bad SQL as a message, not an error cell", async () => {
    const url = `${server.origin}/sql?q=${encodeURIComponent("SELECT COUNT(*)::INTEGER AS n FROM figures WHERE kind = 'source'")}`;
    const report = await checkPage(browser, url, { timeout: 60_000, waitFor: ".sql-console" });
    try {
      expect(problems(report)).toEqual([]);
      const sources = readFigures().filter((f) => f.kind === "source").length;
      await report.page.click("button.sql-run");
      await expect.poll(async () => (await report.page.textContent(".sql-result")) ?? "").toContain(String(sources));
    } finally {
      await report.page.context().close();
    }
    const bad = await checkPage(browser, `${server.origin}/sql?q=${encodeURIComponent("SELEKT nonsense")}`, { timeout: 60_000, waitFor: ".sql-console" });
    try {
      expect(problems(bad).filter((p) => !p.startsWith("console error"))).toEqual([]);
      await bad.page.click("button.sql-run");
      await expect.poll(async () => (await bad.page.textContent(".input-error")) ?? "").toMatch(/(查询出错|Query error)/);
    } finally {
      await bad.page.context().close();
    }
  });
});

describe("calibration page", () => {
  it("shows every published figure within its tolerance", async () => {
    const report = await checkPage(browser, `${server.origin}/calibration`);
    try {
      expect(problems(report)).toEqual([]);
      const text = (await report.page.textContent("main")) ?? "";
      const m = /^(\d+) \/ (\d+)$/.exec(((await report.page.locator(".kpi-grid .big").first().textContent()) ?? "").trim());
      expect(m, "a passing / total card").not.toBeNull();
      expect(m![1]).toBe(m![2]);
      expect(Number(m![2])).toBeGreaterThanOrEqual(10);
      // Ceiling targets are explained, and the largest error is over the figures to reproduce only.
      expect(text).toContain("上限目标");
      const summaries = JSON.parse(readFileSync(await summariesFile(), "utf-8")) as { calibration: { targets: { relation: string; relError: number }[] } | null }[];
      const equal = summaries.flatMap((b) => b.calibration?.targets ?? []).filter((x) => x.relation !== "atMost");
      const worst = Math.max(...equal.map((x) => Math.abs(x.relError)));
      expect(text).toContain(`最大相对误差 ${(100 * worst).toFixed(2)}\u00a0%`);
    } finally {
      await report.page.context().close();
    }
  });
});
