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
import { existsSync, mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkPage, launch, problems, serve, SCREENSHOT_DIR } from "./browser.js";

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

/** Far beyond any target: only a hang or a frozen page reaches it. */
const HANG_MS = 15_000;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await serve("dist");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  /** Every request of the browser context (page and workers) to a host other than the server. */
  external: string[];
  problems: string[];
}

async function open(path: string, options: { width?: number; lang?: "zh" | "en" } = {}): Promise<Opened> {
  const sep = path.includes("?") ? "&" : "?";
  const url = `${server.origin}${path}${options.lang ? `${sep}lang=${options.lang}` : ""}`;
  const report = await checkPage(browser, url, { width: options.width ?? 1280, waitFor: ".sql-console", timeout: 90_000 });
  const external: string[] = [];
  report.page.context().on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")) external.push(u);
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

  it("without a link runs the first example at once, and answers a typed query and bad SQL", async () => {
    const { page, problems: found } = await open("/sql");
    try {
      expect(found).toEqual([]);
      await expect.poll(() => page.locator(".sql-status").innerText(), { timeout: HANG_MS }).toMatch(/行，用时/);
      await runQuery(page, "SELECT COUNT(*)::INTEGER AS n FROM figures WHERE kind = 'source'");
      await expect.poll(() => page.locator(".sql-result").innerText(), { timeout: HANG_MS }).toMatch(/\d+/);
      await runQuery(page, "SELEKT nonsense");
      await expect.poll(() => page.locator(".sql-error").innerText(), { timeout: HANG_MS }).toMatch(/查询出错：[\s\S]*Parser Error/);
    } finally {
      await page.context().close();
    }
  });

  const refused: [string, string][] = [
    ["read_csv of a URL", "SELECT * FROM read_csv('http://example.invalid/x.csv')"],
    ["COPY … TO a URL", "COPY (SELECT 1 AS a) TO 'http://example.invalid/y.csv'"],
    ["LOAD httpfs", "LOAD httpfs"],
    ["ATTACH of a URL", "ATTACH 'http://example.invalid/z.db' AS z"],
    ["a replacement scan of a URL", "SELECT * FROM 'https://example.invalid/r.parquet'"],
    ["switching external access back on", "SET enable_external_access = true"],
  ];

  it("refuses files, URLs, ATTACH and extensions at once, with a message, and sends no request off the machine", async (ctx) => {
    for (const lang of ["zh", "en"] as const) {
      const { page, external, problems: found } = await open("/sql", { lang });
      try {
        expect(found).toEqual([]);
        await expect.poll(() => page.locator(".sql-status.sql-done").count(), { timeout: HANG_MS }).toBe(1);
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
      } finally {
        await page.context().close();
      }
    }
  });

  it("runs a 10⁸ × 10⁸ cross join with a running indicator and elapsed time; Cancel stops it and the page answers again", async (ctx) => {
    for (const [lang, width] of [["zh", 1280], ["en", 390]] as const) {
      const { page, problems: found } = await open("/sql", { lang, width });
      try {
        expect(found).toEqual([]);
        await expect.poll(() => page.locator(".sql-status.sql-done").count(), { timeout: HANG_MS }).toBe(1);
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
      } finally {
        await page.context().close();
      }
    }
  });
});
