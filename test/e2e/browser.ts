/**
 * End-to-end harness: serves a folder on loopback (sirv: clean URLs, HTTP ranges) and drives
 * Debian's Chromium through playwright-core. One Chromium and one server on dist/ serve the whole
 * run (global-setup.ts starts them); a test file reaches them with `useBuiltSite()` or
 * `useBrowser()`. `checkPage` loads a page and reports everything that counts as broken: console
 * errors, uncaught exceptions, failed requests (network errors or HTTP status ≥ 400), requests to
 * any host but the loopback server, and Framework error cells — for the page and its workers.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sirv from "sirv";
import { afterAll, beforeAll, inject } from "vitest";
import { chromium, type Browser, type BrowserServer, type Page } from "playwright-core";
import { findChromium } from "../../scripts/find-chromium.mjs";

// npm test (scripts/test.mjs) finds the browser and passes it in CHROMIUM_PATH; a direct vitest run finds it the same way.
export const CHROMIUM_PATH: string = process.env["CHROMIUM_PATH"] ?? findChromium() ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = join(process.cwd(), "test-results", "screenshots");

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's endpoint and the dist/ server's origin (null when dist/ is missing). */
    e2e: { wsEndpoint: string; siteOrigin: string | null };
  }
}

export async function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const handler = sirv(dir, { dev: false, etag: true, extensions: ["html"] });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const LAUNCH = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

/** Chromium as a server the test files connect to (global-setup.ts). */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH);
}

/** The run's shared Chromium, for this test file: connected before its tests, disconnected after. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject("e2e").wsEndpoint);
  });
  afterAll(async () => {
    await browser?.close(); // a connected browser: closes this file's contexts and disconnects
  });
  return {
    get browser() {
      if (!browser) throw new Error("the shared browser is not connected (useBrowser() registers a beforeAll hook)");
      return browser;
    },
  };
}

export interface BuiltSite {
  /** The loopback server on dist/, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  readonly browser: Browser;
  /** `checkPage` on a path of the site (e.g. "/sql?q=…"). */
  check(path: string, options?: CheckOptions): Promise<PageReport>;
}

/** The built site (dist/, served once per run) and the shared Chromium, for this test file. */
export function useBuiltSite(): BuiltSite {
  const shared = useBrowser();
  let served: string | null = null;
  beforeAll(() => {
    served = inject("e2e").siteOrigin;
    if (!served) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  });
  const origin = () => {
    if (!served) throw new Error("the site is not served (useBuiltSite() registers a beforeAll hook)");
    return served;
  };
  return {
    get origin() {
      return origin();
    },
    get browser() {
      return shared.browser;
    },
    check: (path, options) => checkPage(shared.browser, `${origin()}${path}`, options),
  };
}

export interface PageReport {
  url: string;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  errorCells: string[];
  /** Every URL the page and its workers requested, in order of first request. */
  requested: Set<string>;
  /** Milliseconds from navigation to the last cell settled (reported, never asserted). */
  settledMs: number;
  /** Milliseconds from navigation start until `options.headline` first showed a digit (null: never, or not asked). */
  headlineMs: number | null;
  page: Page;
}

export interface CheckOptions {
  /** Viewport width in CSS pixels (default 1280). */
  width?: number;
  /** Screenshot file name (saved under test-results/screenshots/); none when omitted. */
  screenshot?: string;
  /** Extra wait: a selector that must appear once the page has settled. */
  waitFor?: string;
  /** Time to let cells settle, ms (default 60 s). */
  timeout?: number;
  /** A selector for the page's headline numbers: the time until it first shows a digit is reported. */
  headline?: string;
}

/** Init script: records performance.now() (ms since navigation start) when `sel` first shows a digit. */
function watchHeadline(sel: string): void {
  const w = window as unknown as { __puhuiHeadlineMs?: number };
  const seen = () => {
    if (w.__puhuiHeadlineMs !== undefined) return true;
    for (const el of document.querySelectorAll(sel)) {
      if (/\d/.test(el.textContent ?? "")) {
        w.__puhuiHeadlineMs = Math.round(performance.now());
        return true;
      }
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (seen()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Loads `url` in a fresh context and collects every kind of breakage. The caller closes `page.context()`. */
export async function checkPage(browser: Browser, url: string, options: CheckOptions = {}): Promise<PageReport> {
  const { width = 1280, timeout = 60_000 } = options;
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  // Every wait and action on the page (fill, check, waitForSelector) gets the same hang guard.
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  const report: PageReport = { url, consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], errorCells: [], requested: new Set(), settledMs: NaN, headlineMs: null, page };
  if (options.headline) await context.addInitScript(watchHeadline, options.headline);
  page.on("console", (msg) => {
    if (msg.type() === "error") report.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => report.pageErrors.push(error.message));
  // Network events on the context: the page's requests and its workers' (the engine, DuckDB).
  context.on("request", (request) => {
    const u = request.url();
    report.requested.add(u);
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) report.externalRequests.push(u);
  });
  // DuckDB-wasm probes a registered file URL and cancels the probe (net::ERR_ABORTED) before reading
  // the file in full; a cancelled request counts as failed only if that URL never loaded.
  const loaded = new Set<string>();
  const aborted: string[] = [];
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "failed";
    if (error === "net::ERR_ABORTED") aborted.push(request.url());
    else report.failedRequests.push(`${request.url()} (${error})`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
    else loaded.add(response.url());
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: "load", timeout });
  // Framework shows <observablehq-loading> in every cell that has not settled yet.
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, { timeout });
  report.settledMs = Date.now() - started;
  if (options.headline !== undefined) {
    const headline = options.headline;
    // A page may settle before its worker's answer arrives (the premium lab solves after load):
    // wait for the headline's first digit — up to the hang guard, never a speed target.
    // Only when the page has a headline element: a page without one is reported as such at once.
    const waitHeadline = () => page.waitForFunction((sel) => (window as unknown as { __puhuiHeadlineMs?: number }).__puhuiHeadlineMs !== undefined || document.querySelector(sel) === null, headline, { timeout }).catch(() => undefined);
    await waitHeadline();
    // A headline a cell inserts after the page settled (its data still loading) would be missed
    // by the check "no headline element": ask again once the network is quiet (session 6: the
    // premium lab and /my-scenario both showed their answer after settling).
    if (await page.evaluate((sel) => document.querySelector(sel) === null, headline)) {
      await page.waitForLoadState("networkidle", { timeout });
      await waitHeadline();
    }
    report.headlineMs = await page.evaluate(() => (window as unknown as { __puhuiHeadlineMs?: number }).__puhuiHeadlineMs ?? null);
  }
  if (options.waitFor) await page.waitForSelector(options.waitFor, { timeout });
  await page.waitForLoadState("networkidle", { timeout });
  for (const url of aborted) if (!loaded.has(url)) report.failedRequests.push(`${url} (net::ERR_ABORTED, never loaded)`);
  report.errorCells = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => (n.textContent ?? "").trim()));
  if (options.screenshot) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // A full-page shot of a tall page (methods: ~30 000 px) takes seconds, and far longer on a
    // loaded machine: the timeout only catches a hang.
    await page.screenshot({ path: join(SCREENSHOT_DIR, options.screenshot), fullPage: true, timeout });
  }
  return report;
}

/** Everything broken on the page, as readable lines (empty when the page is clean). */
export function problems(report: PageReport): string[] {
  return [
    ...report.consoleErrors.map((e) => `console error: ${e}`),
    ...report.pageErrors.map((e) => `uncaught exception: ${e}`),
    ...report.failedRequests.map((e) => `failed request: ${e}`),
    ...report.externalRequests.map((e) => `external request: ${e}`),
    ...report.errorCells.map((e) => `error cell: ${e}`),
  ];
}
