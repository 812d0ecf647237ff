/**
 * Every page of the built site (dist/, built by `npm test` before this runs), at 1280 and 390 px,
 * visited once: it loads in Chromium with zero console errors, failed requests, external requests
 * and Framework error cells; its charts are drawn; no NaN or literal null; a screenshot lands in
 * test-results/screenshots/ for a person to look at. The same visit makes the page's own checks
 * (the scheme pages' rules card and calculator, the overview's answer, the calibration figures)
 * and records the page weight (issue 15): bytes transferred on first load, heavy files pulled in
 * (DuckDB-wasm, zod, the engine worker, the baselines) and height — reported as a table; only the
 * overview's DuckDB-free load and the headline cards above the fold are asserted (sizes and times
 * move with the model and the machine, so they are reported, not asserted).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, type ExpectStatic } from "vitest";
import type { Page } from "playwright-core";
import { problems, useBuiltSite } from "./browser.js";
import { screenshotName, sitePages } from "./site-pages.js";
import { schemes } from "../../src/schemes/index.js";

const site = useBuiltSite();

/** Pages that are text or tables by design (no chart to check). */
const WITHOUT_CHARTS = new Set(["/sql", "/methods"]);
const WIDTHS = [[1280, "desktop"], [390, "phone"]] as const;
type Width = (typeof WIDTHS)[number][0];

const schemePages = sitePages().filter((p) => p.path.startsWith("/schemes/"));

// ── page weight ────────────────────────────────────────────────────────────────────────────────

/** The pages whose weight is reported. */
const WEIGHED = ["/", "/schemes/gonghuibao", "/schemes/occupational-injury-pilot", "/national", "/compare", "/premium-lab", "/calibration", "/sql"];

interface Weight {
  bytes: number;
  requests: number;
  heavy: string[];
  ms: number;
  height1280: number;
  height390: number;
  kpiBottom: number | null;
}

const HEAVY: [string, RegExp][] = [
  ["duckdb", /duckdb/i],
  ["zod", /zod/i],
  ["worker", /engine-worker/],
  ["baselines", /baselines/],
];

/** The file under dist/ that a same-origin URL serves (sirv: clean URLs → .html, / → index.html). */
function fileBytes(url: string, origin: string): number {
  if (!url.startsWith(origin)) return 0;
  let p = decodeURIComponent(new URL(url).pathname);
  if (p.endsWith("/")) p += "index.html";
  for (const candidate of [join("dist", p), join("dist", `${p}.html`)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return statSync(candidate).size;
  }
  return 0;
}

const weights = new Map<string, Partial<Weight>>();

async function recordWeight(path: string, width: Width, page: Page, requested: Set<string>, settledMs: number): Promise<void> {
  const w = weights.get(path) ?? {};
  weights.set(path, w);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (width === 390) {
    w.height390 = height;
    return;
  }
  const names = [...requested];
  w.bytes = names.reduce((a, u) => a + fileBytes(u, site.origin), 0);
  w.requests = names.length;
  w.heavy = HEAVY.filter(([, re]) => names.some((n) => re.test(n))).map(([k]) => k);
  w.ms = settledMs;
  w.height1280 = height;
  w.kpiBottom = await page.evaluate(() => document.querySelector(".kpi-grid")?.getBoundingClientRect().bottom ?? null);
}

// ── each page's own checks, made on the same visit ─────────────────────────────────────────────

type Check = (page: Page, expect: ExpectStatic) => Promise<void>;

/** A scheme page: rules card, calculator answers, no NaN, every input labelled, no sideways page scroll. */
const schemeCheck: Check = async (page, expect) => {
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/NaN|undefined/);
  expect(await page.locator(".rules-table tbody tr").count()).toBeGreaterThan(3);
  expect(await page.locator(".payout").count()).toBe(1);
  expect(await page.locator(".eligibility .verdict").count()).toBe(1);
  expect(await page.locator(".reproduce code").innerText()).toContain("npx puhui benefit");
  expect(await page.locator(".cite-this").innerText()).toMatch(/v\d+\.\d+\.\d+/);
  const unlabelled = await page.$$eval(".calculator input, .calculator select", (nodes) => nodes.filter((n) => !document.querySelector(`label[for="${n.id}"]`)).map((n) => n.id));
  expect(unlabelled).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
};

/** The overview answers first (cards, one sentence), draws the coverage-gap bars and counts the figures without DuckDB. */
const overviewCheck: Check = async (page, expect) => {
  const text = await page.textContent("main");
  expect(text).toContain("8400万");
  expect(text).toContain("668万");
  // 1 − 668/8400 = 0.92047… → 92.0 %
  expect(text).toContain("92.0 %");
  // The schemes side by side, rendered from the rules module: one row per scheme.
  const schemeRows = await page.$$eval(".scheme-table tbody tr", (nodes) => nodes.map((n) => n.textContent ?? ""));
  expect(schemeRows).toHaveLength(schemes.length);
  expect(schemeRows[1]).toContain("50岁及以下68元/年");
  const bars = await page.$$eval(".card svg g[aria-label='bar'] rect", (nodes) => nodes.length);
  expect(bars).toBe(4);
  // The answer comes before the rules table.
  const order = await page.evaluate(() => {
    const top = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? NaN;
    return { answer: top(".answer"), cards: top(".kpi-grid"), rules: top(".scheme-table") };
  });
  expect(order.answer).toBeLessThan(order.rules);
  expect(order.cards).toBeLessThan(order.rules);
  // The figures counted by kind and place (build-time JSON; no DuckDB on this page).
  const rows = await page.$$eval("form.inputs-3a86ea-table table tbody tr, table tbody tr", (nodes) => nodes.length);
  expect(rows).toBeGreaterThan(3);
};

/** The built summaries.json (its name carries a content hash). */
function summariesFile(): string {
  const name = readdirSync("dist/_file/data").find((f) => /^summaries\.[0-9a-f]+\.json$/.test(f));
  if (!name) throw new Error("dist/_file/data/summaries.*.json is missing");
  return `dist/_file/data/${name}`;
}

/** The calibration page shows every published figure within its tolerance. */
const calibrationCheck: Check = async (page, expect) => {
  const text = (await page.textContent("main")) ?? "";
  const m = /^(\d+) \/ (\d+)$/.exec(((await page.locator(".kpi-grid .big").first().textContent()) ?? "").trim());
  expect(m, "a passing / total card").not.toBeNull();
  expect(m![1]).toBe(m![2]);
  expect(Number(m![2])).toBeGreaterThanOrEqual(10);
  // Ceiling targets are explained, and the largest error is over the figures to reproduce only.
  expect(text).toContain("上限目标");
  const summaries = JSON.parse(readFileSync(summariesFile(), "utf-8")) as { calibration: { targets: { relation: string; relError: number }[] } | null }[];
  const equal = summaries.flatMap((b) => b.calibration?.targets ?? []).filter((x) => x.relation !== "atMost");
  const worst = Math.max(...equal.map((x) => Math.abs(x.relError)));
  expect(text).toContain(`最大相对误差 ${(100 * worst).toFixed(2)}\u00a0%`);
};

interface Extra {
  what: string;
  widths: readonly Width[];
  check: Check;
}

const EXTRA = new Map<string, Extra[]>([
  ["/", [{ what: "answers first (cards, one sentence), draws the coverage-gap bars and counts the figures without DuckDB", widths: [390], check: overviewCheck }]],
  ["/calibration", [{ what: "shows every published figure within its tolerance", widths: [1280], check: calibrationCheck }]],
  ...schemePages.map(({ path }) => [path, [{ what: "rules card, calculator answers, no NaN, no sideways page scroll", widths: [1280, 390], check: schemeCheck }]] as [string, Extra[]]),
]);
const extrasOf = (path: string, width: Width) => (EXTRA.get(path) ?? []).filter((e) => e.widths.includes(width));

/** One visit: the generic checks, the page's own checks, its weight. */
async function visit(path: string, width: Width, expect: ExpectStatic): Promise<void> {
  const suffix = width === 1280 ? "desktop" : "phone";
  const report = await site.check(path, {
    width,
    screenshot: screenshotName(path, suffix),
    ...(path.startsWith("/schemes/") ? { waitFor: ".payout, .blocked" } : {}),
  });
  const page = report.page;
  try {
    expect(problems(report), `${path} at ${width} px`).toEqual([]);
    if (!WITHOUT_CHARTS.has(path)) {
      const charts = await page.$$eval("figure svg, svg[class^='plot'], .card svg", (nodes) => nodes.length);
      expect(charts, `${path}: at least one chart`).toBeGreaterThan(0);
    }
    const text = (await page.textContent("main")) ?? "";
    expect(text, `${path}: no NaN on the page`).not.toMatch(/\bNaN\b/);
    // An empty html`` is null, which Framework prints as a literal "null": never on a page.
    const nulls = await page.$$eval("main .observablehq--null, main .observablehq--undefined", (nodes) => nodes.length);
    expect(nulls, `${path}: no literal null/undefined cell`).toBe(0);
    if (WEIGHED.includes(path)) await recordWeight(path, width, page, report.requested, report.settledMs);
    for (const extra of extrasOf(path, width)) await extra.check(page, expect);
  } finally {
    await page.context().close();
  }
}

describe("the site's pages", () => {
  it("has one page per registered scheme in the config", () => {
    expect(schemePages.map((p) => p.path)).toEqual(schemes.map((s) => `/schemes/${s.id}`));
  });

  describe("every page, at desktop and phone widths", () => {
    for (const { name, path } of sitePages()) {
      for (const [width] of WIDTHS) {
        const extras = extrasOf(path, width).map((e) => `; ${e.what}`).join("");
        it(`${name} (${path}) at ${width} px loads cleanly and draws its charts${extras}`, () => visit(path, width, expect));
      }
    }
  });

  it("page weight: reports bytes per page; the overview loads no DuckDB", async (ctx) => {
    // Measured on the visits above; a page not visited (a filtered run) is visited now.
    for (const path of WEIGHED) {
      for (const [width] of WIDTHS) {
        const w = weights.get(path);
        if (!w || (width === 1280 ? w.bytes : w.height390) === undefined) await visit(path, width, expect);
      }
    }
    const rows = WEIGHED.map((path) => ({ path, ...(weights.get(path) as Weight) }));
    const table = [
      "| page | bytes (raw) | requests | heavy files | load+settle ms | height 1280 | height 390 |",
      "|---|---:|---:|---|---:|---:|---:|",
      ...rows.map((r) => `| ${r.path} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.requests} | ${r.heavy.join(", ") || "—"} | ${r.ms} | ${r.height1280} | ${r.height390} |`),
    ].join("\n");
    console.log(`\n${table}\n`);
    ctx.annotate(table);
    const overview = rows.find((r) => r.path === "/")!;
    expect(overview.heavy, "the overview requests no duckdb-wasm file").not.toContain("duckdb");
    // The headline numbers are above the fold at 1280 × 900 on the pages that show cards at load.
    for (const path of ["/", "/calibration"]) {
      const r = rows.find((x) => x.path === path)!;
      expect(r.kpiBottom, `${path}: headline cards`).not.toBeNull();
      expect(r.kpiBottom!, `${path}: headline cards above the fold`).toBeLessThanOrEqual(900);
    }
  });
});

describe("the built site", () => {
  it("references no external host in any page's src or href", () => {
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
