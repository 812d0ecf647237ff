/**
 * The sweep page (/sweeps): the shipped examples' answers agree with the Node reading of the same
 * files, changing the band recomputes the region, and a user's own merged sweep (an Arrow file
 * from `puhui sweep merge --arrow`) opens in the page — a Saltelli file shows Sobol indices, a
 * file that is not a sweep gives one line naming what is missing, never an error cell.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { feasibleRegion, readSweep } from "../../src/sim/sweep-results.js";
import { problems, useBuiltSite, type PageReport } from "./browser.js";

const site = useBuiltSite();
const grid = readSweep(tableFromIPC(readFileSync("src/data/sweeps/national-rate-grid.arrow")));
const expected = (band: [number, number], confidence: number) =>
  feasibleRegion(grid, { option: grid.design.target?.option ?? grid.options[0]!, year: 1, band, confidence });

describe("/sweeps", () => {
  let report: PageReport;
  afterAll(async () => report && (await report.page.context().close()));

  it("loads clean, and its first answer counts the feasible points Node counts", async () => {
    report = await site.check("/sweeps?lang=en", { waitFor: "p.answer" });
    expect(problems(report)).toEqual([]);
    const answer = (await report.page.locator("p.answer").first().textContent()) ?? "";
    const [lo, hi] = grid.design.target!.lossRatio;
    const points = expected([lo, hi], grid.design.target!.confidence);
    const ok = points.filter((p) => p.feasible).length;
    if (ok === 0) expect(answer).toContain("No design point keeps the loss ratio");
    else expect(answer).toContain(`${ok} of ${points.length} design points are feasible`);
    // The heat map has one cell per point (and an outline per feasible one).
    expect(await report.page.locator("svg g[aria-label='cell'] rect").count()).toBe(points.length + ok);
    expect(await report.page.locator("p.answer").nth(1).textContent()).toMatch(/Of the variance of the loss ratio, the .+ alone explains about \d+/);
  });

  it("a wider band recomputes the region", async () => {
    const page = report.page;
    await page.getByLabel("loss ratio from").fill("0.3");
    await page.getByLabel("loss ratio to").fill("3");
    await page.getByLabel("loss ratio to").press("Enter");
    const points = expected([0.3, 3], grid.design.target!.confidence);
    const ok = points.filter((p) => p.feasible).length;
    const want = ok === 0 ? "No design point keeps the loss ratio in 0.3–3" : `${ok} of ${points.length} design points are feasible`;
    await page.waitForFunction((w) => document.querySelector("p.answer")?.textContent?.includes(w), want, { timeout: 60_000 });
  });

  it("opens a user's Saltelli sweep file and refuses a file that is not one", async () => {
    const page = report.page;
    await page.locator("input[type=file]").setInputFiles(resolve("src/data/sweeps/national-sobol.arrow"));
    await page.waitForSelector("h3:has-text('Sobol')", { timeout: 60_000 });
    // The uploaded file's chart: a third chart with the Sobol legend.
    await page.waitForFunction(() => document.querySelectorAll("svg").length >= 3, undefined, { timeout: 60_000 });
    const dir = mkdtempSync(join(tmpdir(), "puhui-sweep-e2e-"));
    const bad = join(dir, "not-a-sweep.arrow");
    writeFileSync(bad, "point,option\n1,a\n");
    await page.locator("input[type=file]").setInputFiles(bad);
    await page.waitForSelector(".field-error", { timeout: 60_000 });
    expect(await page.locator(".field-error").first().textContent()).toMatch(/^Cannot read it: /);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
  });
});
