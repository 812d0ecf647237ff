/**
 * Every page of the built site (dist/, built by `npm test` before this runs) loads in Chromium with
 * zero console errors, failed requests, external requests and Framework error cells; its charts are
 * drawn; screenshots land in test-results/screenshots/ for a person to look at.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkPage, launch, problems, serve } from "./browser.js";
import { screenshotName, sitePages } from "./site-pages.js";
import { schemes } from "../../src/rules/index.js";

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  server = await serve("dist");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Pages that are text or tables by design (no chart to check). */
const WITHOUT_CHARTS = new Set(["/sql", "/methods"]);

describe("every page of the built site", () => {
  for (const { name, path } of sitePages()) {
    it(`${name} (${path}) loads cleanly and draws its charts, at desktop and phone widths`, async () => {
      for (const [width, suffix] of [[1280, "desktop"], [390, "phone"]] as const) {
        const report = await checkPage(browser, `${server.origin}${path}`, { width, screenshot: screenshotName(path, suffix) });
        try {
          expect(problems(report), `${path} at ${width} px`).toEqual([]);
          if (!WITHOUT_CHARTS.has(path)) {
            const charts = await report.page.$$eval("figure svg, svg[class^='plot'], .card svg", (nodes) => nodes.length);
            expect(charts, `${path}: at least one chart`).toBeGreaterThan(0);
          }
          const text = (await report.page.textContent("main")) ?? "";
          expect(text, `${path}: no NaN on the page`).not.toMatch(/\bNaN\b/);
          // An empty html`` is null, which Framework prints as a literal "null": never on a page.
          const nulls = await report.page.$$eval("main .observablehq--null, main .observablehq--undefined", (nodes) => nodes.length);
          expect(nulls, `${path}: no literal null/undefined cell`).toBe(0);
        } finally {
          await report.page.context().close();
        }
      }
    });
  }
});

describe("the built site", () => {
  it("references no external host in any page's src or href", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const htmlFiles: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith(".html")) htmlFiles.push(join(dir, entry.name));
      }
    };
    walk("dist");
    expect(htmlFiles.length).toBeGreaterThan(0);
    const external: string[] = [];
    for (const file of htmlFiles) {
      const html = readFileSync(file, "utf-8");
      for (const m of html.matchAll(/(?:src|href)=["'](?:https?:)?\/\/([^"'/]+)/g)) external.push(`${file}: ${m[1]}`);
      for (const m of html.matchAll(/import\s*\(?\s*["'](https?:\/\/[^"']+)/g)) external.push(`${file}: ${m[1]}`);
    }
    expect(external).toEqual([]);
  });
});

describe("the overview page", () => {
  it("answers first (cards, one sentence), draws the coverage-gap bars and counts the figures without DuckDB", async () => {
    const report = await checkPage(browser, `${server.origin}/`, { width: 390, screenshot: screenshotName("/", "phone") });
    try {
      expect(problems(report)).toEqual([]);
      const text = await report.page.textContent("main");
      expect(text).toContain("8400万");
      expect(text).toContain("668万");
      // 1 − 668/8400 = 0.92047… → 92.0 %
      expect(text).toContain("92.0 %");
      // The schemes side by side, rendered from the rules module: one row per scheme.
      const schemeRows = await report.page.$$eval(".scheme-table tbody tr", (nodes) => nodes.map((n) => n.textContent ?? ""));
      expect(schemeRows).toHaveLength(schemes.length);
      expect(schemeRows[1]).toContain("50岁及以下68元/年");
      const bars = await report.page.$$eval(".card svg g[aria-label='bar'] rect", (nodes) => nodes.length);
      expect(bars).toBe(4);
      // The answer comes before the rules table.
      const order = await report.page.evaluate(() => {
        const top = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? NaN;
        return { answer: top(".answer"), cards: top(".kpi-grid"), rules: top(".scheme-table") };
      });
      expect(order.answer).toBeLessThan(order.rules);
      expect(order.cards).toBeLessThan(order.rules);
      // The figures counted by kind and place (build-time JSON; no DuckDB on this page).
      const rows = await report.page.$$eval("form.inputs-3a86ea-table table tbody tr, table tbody tr", (nodes) => nodes.length);
      expect(rows).toBeGreaterThan(3);
    } finally {
      await report.page.context().close();
    }
  });
});
