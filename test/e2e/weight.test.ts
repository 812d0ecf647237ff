/**
 * Page weight (issue 15): the bytes each page transfers on first load, which heavy files it pulls in
 * (DuckDB-wasm, zod, the engine worker, the baselines), and its height at 1280 and 390 px. Reported
 * as a table; only the overview's DuckDB-free load is asserted (sizes and times move with the model
 * and the machine, so they are reported, not asserted).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SCREENSHOT_DIR, launch, serve } from "./browser.js";
import { screenshotName } from "./site-pages.js";

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

export const PAGES = ["/", "/schemes/gonghuibao", "/schemes/occupational-injury-pilot", "/national", "/compare", "/premium-lab", "/calibration", "/sql"];

interface Weight {
  path: string;
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

async function load(path: string, width: number): Promise<{ urls: Set<string>; ms: number; height: number; kpiBottom: number | null; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const urls = new Set<string>();
  const errors: string[] = [];
  context.on("request", (r) => void urls.add(r.url()));
  context.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.url()} (HTTP ${r.status()})`);
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    const started = Date.now();
    await page.goto(`${server.origin}${path}`, { waitUntil: "load", timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, { timeout: 120_000 });
    const ms = Date.now() - started;
    await page.waitForLoadState("networkidle", { timeout: 120_000 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const kpiBottom = await page.evaluate(() => document.querySelector(".kpi-grid")?.getBoundingClientRect().bottom ?? null);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, screenshotName(path, `weight-${width}`)), fullPage: true });
    return { urls, ms, height, kpiBottom, problems: errors };
  } finally {
    await context.close();
  }
}

async function measure(path: string): Promise<Weight> {
  const desktop = await load(path, 1280);
  const phone = await load(path, 390);
  expect(desktop.problems, path).toEqual([]);
  const names = [...desktop.urls];
  return {
    path,
    bytes: names.reduce((a, u) => a + fileBytes(u, server.origin), 0),
    requests: names.length,
    heavy: HEAVY.filter(([, re]) => names.some((n) => re.test(n))).map(([k]) => k),
    ms: desktop.ms,
    height1280: desktop.height,
    height390: phone.height,
    kpiBottom: desktop.kpiBottom,
  };
}

describe("page weight", () => {
  it("reports bytes per page; the overview loads no DuckDB", async (ctx) => {
    const rows: Weight[] = [];
    for (const path of PAGES) rows.push(await measure(path));
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
  }, 900_000);
});
