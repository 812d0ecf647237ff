/**
 * The SQL page refuses every bad input, in Chromium on the built site:
 * - a query from a link (`?q=`) is shown in the editor but runs only when Run is pressed;
 * - DuckDB is offline and locked: reading a URL, COPY … TO a URL, LOAD httpfs and ATTACH of a URL
 *   fail at once with a message in the page, and no request leaves 127.0.0.1 (counted on the
 *   browser context, which also sees DuckDB's worker);
 * - a 10⁸ × 10⁸ cross join shows a running indicator with the elapsed time and a Cancel button;
 *   after Cancel the page answers the next query.
 * Latencies are measured and reported (console and test annotations), never asserted against a
 * machine-speed target; only a hang (far beyond any target) fails.
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { Page } from "playwright-core";
import { problems, useBuiltSite, SCREENSHOT_DIR } from "./browser.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { mkdirSync } from "node:fs";

const site = useBuiltSite();

/** Far beyond any target: only a hang or a frozen page reaches it. */
const HANG_MS = 15_000;

beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

interface Opened {
  page: Page;
  /** Every request of the browser context (page and workers) to a host other than the server. */
  external: string[];
  problems: string[];
}

async function open(path: string, options: { width?: number; lang?: "zh" | "en" } = {}): Promise<Opened> {
  const sep = path.includes("?") ? "&" : "?";
  const report = await site.check(`${path}${options.lang ? `${sep}lang=${options.lang}` : ""}`, { width: options.width ?? 1280, waitFor: ".sql-console", timeout: 90_000 });
  const external: string[] = [];
  report.page.context().on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(site.origin) && !u.startsWith("data:") && !u.startsWith("blob:")) external.push(u);
  });
  return { page: report.page, external, problems: problems(report) };
}

/** A screenshot of the console (editor, buttons, status, result) for a person to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.locator(".sql-console").screenshot({ path: `${SCREENSHOT_DIR}/${name}` });
}

/** Types a query and presses Run; the console is busy from the click until the outcome shows. */
async function runQuery(page: Page, sql: string): Promise<void> {
  await page.fill("#sql-editor", sql);
  await page.click("button.sql-run");
}

const settled = (page: Page) => page.locator(".sql-console:not([aria-busy])");

/** Waits until the console's last run (the first example on a fresh page) has finished. */
async function idle(page: Page): Promise<void> {
  await settled(page).locator(".sql-status.sql-done, .sql-status.sql-failed").first().waitFor({ timeout: HANG_MS });
}

/** The page's Chromium context: shared by the tests of a describe, in the order written. */
function sharedSql(options: { width?: number; lang?: "zh" | "en" }): () => Opened {
  let opened: Opened | undefined;
  beforeAll(async () => {
    opened = await open("/sql", options);
  });
  afterAll(async () => {
    await opened?.page.context().close();
  });
  return () => {
    if (!opened) throw new Error("/sql did not open");
    return opened;
  };
}

const refused: [string, string][] = [
  ["read_csv of a URL", "SELECT * FROM read_csv('http://example.invalid/x.csv')"],
  ["COPY … TO a URL", "COPY (SELECT 1 AS a) TO 'http://example.invalid/y.csv'"],
  ["LOAD httpfs", "LOAD httpfs"],
  ["ATTACH of a URL", "ATTACH 'http://example.invalid/z.db' AS z"],
  ["a replacement scan of a URL", "SELECT * FROM 'https://example.invalid/r.parquet'"],
  ["switching external access back on", "SET enable_external_access = true"],
];

/** Every refused statement gets its message at once; nothing leaves the machine. */
async function refusesAll({ page, external, problems: found }: Opened, lang: "zh" | "en", ctx: TestContext): Promise<void> {
  expect(found).toEqual([]);
  await idle(page);
  for (const [name, sql] of refused) {
    const started = Date.now();
    await runQuery(page, sql);
    await settled(page).locator(".sql-error").waitFor({ timeout: HANG_MS });
    const ms = Date.now() - started;
    console.log(`SQL refusal (${lang}) — ${name}: message after ${ms} ms`);
    ctx.annotate(`${lang} ${name}: refused after ${ms} ms`);
    const text = await page.locator(".sql-error").innerText();
    expect(text, name).toMatch(lang === "zh" ? /查询被拒绝：[\s\S]*本页的 DuckDB 完全离线运行/ : /Query refused: [\s\S]*DuckDB runs fully offline/);
    expect(text, name).not.toMatch(/autoinstall_known_extensions=1|INSTALL \w+;/);
    if (name === "ATTACH of a URL") await shot(page, `sql-refused.${lang}.desktop.png`);
  }
  expect(external).toEqual([]);
}

/** A 10⁸ × 10⁸ cross join runs with an elapsed time; Cancel stops it; the page answers the next query. */
async function cancelsCrossJoin({ page, problems: found }: Opened, lang: "zh" | "en", width: number, ctx: TestContext): Promise<void> {
  expect(found).toEqual([]);
  await idle(page);
  await runQuery(page, "SELECT count(*) AS n FROM range(100000000) a CROSS JOIN range(100000000) b");
  const running = page.locator(".sql-status.sql-running");
  await running.waitFor({ timeout: HANG_MS });
  expect(await page.locator("button.sql-cancel").isVisible()).toBe(true);
  expect(await page.locator("button.sql-run").isDisabled()).toBe(true);
  const first = await running.innerText();
  expect(first).toMatch(lang === "zh" ? /运行中… 已用 \d+\.\d 秒/ : /Running… \d+\.\d s so far/);
  // The elapsed time counts up while the query runs.
  await expect.poll(() => running.innerText(), { timeout: HANG_MS }).not.toBe(first);
  await page.waitForTimeout(600);
  await shot(page, `sql-running.${lang}.${width === 390 ? "phone" : "desktop"}.png`);
  const started = Date.now();
  await page.click("button.sql-cancel");
  await page.locator(".sql-status.sql-cancelled").waitFor({ timeout: HANG_MS });
  const ms = Date.now() - started;
  console.log(`SQL cancel (${lang}): stopped after ${ms} ms`);
  ctx.annotate(`${lang}: cancel took ${ms} ms`);
  expect(await page.locator(".sql-status").innerText()).toMatch(lang === "zh" ? /已取消/ : /Cancelled after/);
  await shot(page, `sql-cancelled.${lang}.${width === 390 ? "phone" : "desktop"}.png`);
  expect(await page.locator("button.sql-cancel").isVisible()).toBe(false);
  await runQuery(page, "SELECT 40 + 2 AS answer");
  await expect.poll(() => page.locator(".sql-result").innerText(), { timeout: 60_000 }).toContain("42");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

describe("SQL page", () => {
  it("shows a query from a link in the editor and runs it only when Run is pressed", async () => {
    const marker = "SELECT 'marker-7f3a' AS linked_marker";
    const { page, problems: found } = await open(`/sql?q=${encodeURIComponent(marker)}`);
    try {
      expect(found).toEqual([]);
      expect(await page.inputValue("#sql-editor")).toBe(marker);
      await expect.poll(() => page.locator(".sql-link-note").isVisible()).toBe(true);
      // The page has settled (the overview table is drawn) and the linked query has not run.
      await page.waitForTimeout(1000);
      expect(await page.locator(".sql-result").innerText()).not.toContain("marker-7f3a");
      expect(await page.locator(".sql-status").innerText()).toMatch(/按“运行”执行查询/);
      await page.click("button.sql-run");
      await expect.poll(() => page.locator(".sql-result").innerText(), { timeout: HANG_MS }).toContain("marker-7f3a");
      expect(new URL(page.url()).searchParams.get("q")).toBe(marker);
    } finally {
      await page.context().close();
    }
  });

  describe("in Chinese at 1280 px (one page, in this order)", () => {
    const shared = sharedSql({ lang: "zh", width: 1280 });

    it("without a link runs the first example at once, answers a typed query with the figures' count, and bad SQL as a message, not an error cell", async () => {
      const { page, problems: found } = shared();
      expect(found).toEqual([]);
      await expect.poll(() => page.locator(".sql-status").innerText(), { timeout: HANG_MS }).toMatch(/行，用时/);
      const sources = readFigures().filter((f) => f.kind === "source").length;
      await runQuery(page, "SELECT COUNT(*)::INTEGER AS n FROM figures WHERE kind = 'source'");
      await expect.poll(() => page.locator(".sql-result").innerText(), { timeout: HANG_MS }).toContain(String(sources));
      await runQuery(page, "SELEKT nonsense");
      await expect.poll(() => page.locator(".sql-error").innerText(), { timeout: HANG_MS }).toMatch(/查询出错：[\s\S]*Parser Error/);
      expect(await page.locator(".sql-error").evaluate((e) => e.classList.contains("input-error"))).toBe(true);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
    });

    it("refuses files, URLs, ATTACH and extensions at once, with a message, and sends no request off the machine", (ctx) => refusesAll(shared(), "zh", ctx));

    it("runs a 10⁸ × 10⁸ cross join with a running indicator and elapsed time; Cancel stops it and the page answers again", (ctx) => cancelsCrossJoin(shared(), "zh", 1280, ctx));
  });

  describe("in English", () => {
    it("at 1280 px refuses files, URLs, ATTACH and extensions at once, with a message, and sends no request off the machine", async (ctx) => {
      const opened = await open("/sql", { lang: "en" });
      try {
        await expect.poll(() => opened.page.locator(".sql-status.sql-done").count(), { timeout: HANG_MS }).toBe(1);
        await refusesAll(opened, "en", ctx);
      } finally {
        await opened.page.context().close();
      }
    });

    it("at 390 px runs a 10⁸ × 10⁸ cross join with a running indicator and elapsed time; Cancel stops it and the page answers again", async (ctx) => {
      const opened = await open("/sql", { lang: "en", width: 390 });
      try {
        await expect.poll(() => opened.page.locator(".sql-status.sql-done").count(), { timeout: HANG_MS }).toBe(1);
        await cancelsCrossJoin(opened, "en", 390, ctx);
      } finally {
        await opened.page.context().close();
      }
    });
  });
});
