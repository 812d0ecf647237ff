/**
 * Once per e2e run: one headless Chromium (as a server the test files connect to) and one loopback
 * server on the built site, dist/. Test files reach them through browser.ts (`useBuiltSite()`,
 * `useBrowser()`); starting them once instead of in every file saves a browser launch per file.
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { launchServer, serve } from "./browser.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = await launchServer();
  // Without dist/ the files that need the site fail with a message; the others still run.
  const site = existsSync("dist/index.html") ? await serve("dist") : null;
  project.provide("e2e", { wsEndpoint: browser.wsEndpoint(), siteOrigin: site?.origin ?? null });
  return async () => {
    await browser.close();
    await site?.close();
  };
}
