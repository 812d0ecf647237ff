/**
 * The harness must catch a broken page: a page that throws, logs an error, requests a missing
 * file, or calls an external host is reported. (Proves the page test can fail.)
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkPage, problems, serve, useBrowser } from "./browser.js";

const shared = useBrowser();
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "puhui-harness-"));
  writeFileSync(join(dir, "clean.html"), "<!doctype html><link rel=icon href='data:,'><main><svg class='plot'></svg></main>");
  writeFileSync(join(dir, "throws.html"), "<!doctype html><script>throw new Error('boom in a cell')</script>");
  writeFileSync(join(dir, "logs.html"), "<!doctype html><script>console.error('bad data')</script>");
  writeFileSync(join(dir, "missing.html"), "<!doctype html><img src='/nope.png'>");
  writeFileSync(join(dir, "external.html"), "<!doctype html><link rel=stylesheet href='https://fonts.example.invalid/x.css'>");
  writeFileSync(join(dir, "errorcell.html"), "<!doctype html><div class='observablehq--error'>RuntimeError: x is not defined</div>");
  server = await serve(dir);
});

afterAll(async () => {
  await server?.close();
});

async function problemsOf(name: string): Promise<string[]> {
  const report = await checkPage(shared.browser, `${server.origin}/${name}`, { timeout: 60_000 });
  await report.page.context().close();
  return problems(report);
}

it("reports nothing for a clean page", async () => {
  expect(await problemsOf("clean")).toEqual([]);
});

it("reports an uncaught exception", async () => {
  expect((await problemsOf("throws")).join("\n")).toMatch(/uncaught exception: boom in a cell/);
});

it("reports a console error", async () => {
  expect((await problemsOf("logs")).join("\n")).toMatch(/console error: bad data/);
});

it("reports a failed request", async () => {
  expect((await problemsOf("missing")).join("\n")).toMatch(/failed request: .*nope\.png \(HTTP 404\)/);
});

it("reports a request to an external host", async () => {
  expect((await problemsOf("external")).join("\n")).toMatch(/external request: https:\/\/fonts\.example\.invalid/);
});

it("reports a Framework error cell", async () => {
  expect((await problemsOf("errorcell")).join("\n")).toMatch(/error cell: RuntimeError: x is not defined/);
});
