/**
 * The sweep page (/sweeps): the shipped examples' answers agree with the Node reading of the same
 * files — the whole scheme's feasible region, each sector's closest rate per order and its
 * probability (the design's groups), and the subsidy share's invariance and cost — changing the
 * band recomputes the region, and a user's own merged sweep (an Arrow file
 * from `puhui sweep merge --arrow`) opens in the page — a Saltelli file shows Sobol indices, a
 * file that is not a sweep gives one line naming what is missing, never an error cell.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { feasibleByGroup, feasibleRegion, invariantTo, readSweep } from "../../src/sim/sweep-results.js";
import { getScheme } from "../../src/schemes/index.js";
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
    expect(await report.page.locator("p.answer").nth(3).textContent()).toMatch(/Of the variance of the loss ratio, the .+ alone explains about \d+/);
  });

  it("answers per sector: each sector's closest rate per order in 元 and its probability, as Node computes them", async () => {
    const [lo, hi] = grid.design.target!.lossRatio;
    const confidence = grid.design.target!.confidence;
    const groups = feasibleByGroup(grid, { option: grid.design.target!.option!, year: 1, band: [lo, hi], confidence });
    const sectors = groups.filter((g) => g.attribute === "occupation");
    expect(sectors.length).toBe(5);
    const firstShare = grid.design.factors[1]!.kind === "option" ? undefined : grid.design.factors[1]!.levels![0];
    const date = (JSON.parse(readFileSync("simulations/scenarios/national-new-form-workers.json", "utf-8")) as { date: string }).date;
    const answer = (await report.page.locator("p.answer").nth(1).textContent()) ?? "";
    const anyFeasible = groups.some((g) => g.points.some((p) => p.values[1] === firstShare && p.feasible));
    if (!anyFeasible) expect(answer).toContain(`No sector keeps the loss ratio in ${lo}–${hi}`);
    for (const g of sectors) {
      const pts = g.points.filter((p) => p.values[1] === firstShare);
      if (pts.some((p) => p.feasible)) continue;
      const best = pts.reduce((a, p) => (p.pIn > a.pIn ? p : a));
      const rate = Number(((best.values[0] as number) * getScheme("platform-injury-mandatory").parameters.v(g.parameter!, date)).toPrecision(3));
      expect(answer).toContain(`${g.label.en} ${rate} 元/order (${best.values[0]}×), ${Math.round(100 * best.pIn)}\u00a0%`);
    }
    // The table lists every group (sectors and province groups); the chart has a line per sector.
    expect(await report.page.locator("table.sweep-groups tbody tr").count()).toBe(groups.length);
    expect(await report.page.locator("svg g[aria-label='line'] path").count()).toBe(sectors.length);
  });

  it("the subsidy share: the page says it leaves the loss ratio unchanged exactly when Node finds it so, and gives the budget's cost", async () => {
    const option = grid.design.target!.option!;
    const invariant = invariantTo(grid, { option, year: 1, factor: 1 });
    expect(invariant).toBe(true);
    const answer = (await report.page.locator("p.answer").nth(2).textContent()) ?? "";
    expect(answer).toContain("The public subsidy share does not change the loss ratio");
    const r = grid.records.find((x) => x.option === option && x.year === 1 && x.values[0] === 1 && x.values[1] === 0.25)!;
    expect(answer).toContain(`each 0.25 of public share moves about ${(r.stats["subsidy_budget_mean"]! / 1e8).toFixed(1)} 亿元 from the platforms to the budget`);
    // One bar part per share and payer.
    expect(await report.page.locator("svg g[aria-label='bar'] rect").count()).toBe(2 * 5);
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
    const before = await page.locator("svg g[aria-label='link']").count();
    await page.locator("input[type=file]").setInputFiles(resolve("src/data/sweeps/national-sobol.arrow"));
    await page.waitForSelector("h3:has-text('Sobol')", { timeout: 60_000 });
    // The uploaded file's chart: one more Sobol chart (its interval links).
    await page.waitForFunction((n) => document.querySelectorAll("svg g[aria-label='link']").length > n, before, { timeout: 60_000 });
    const dir = mkdtempSync(join(tmpdir(), "puhui-sweep-e2e-"));
    const bad = join(dir, "not-a-sweep.arrow");
    writeFileSync(bad, "point,option\n1,a\n");
    await page.locator("input[type=file]").setInputFiles(bad);
    await page.waitForSelector(".field-error", { timeout: 60_000 });
    expect(await page.locator(".field-error").first().textContent()).toMatch(/^Cannot read it: /);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
  });
});
