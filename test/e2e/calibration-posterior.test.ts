/**
 * The calibration page's posterior sections (issue 13): for every stored posterior
 * (simulations/posteriors/<id>.arrow) a targets chart with one prior and one posterior bar per
 * target and an assumptions chart with one pair per free assumption, and the held-out table with
 * one row per check in simulations/posteriors/held-out.json and its pass count; and the cost
 * anchors (fitted targets and held-out checks on claims and premiums), one pair of bars each —
 * read here independently from the files the page's loader reads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { problems, useBuiltSite, type PageReport } from "./browser.js";

const site = useBuiltSite();
const dir = "simulations/posteriors/";
const posteriors = readdirSync(dir).filter((f) => f.endsWith(".arrow")).sort().map((f) => readPosterior(readFileSync(dir + f), f));
const heldOutFile = JSON.parse(readFileSync(`${dir}held-out.json`, "utf-8")) as { checks: { pass: boolean; metric: string }[]; maxPayout: { pass: boolean }[] };
const checks = heldOutFile.checks;
const maxPayout = heldOutFile.maxPayout;
const COST = ["claimants", "benefits", "benefitsPerClaimant", "lossRatio", "cashLossRatio", "claimRate", "grossPerEnrollee"];
const costFitted = posteriors.flatMap((p) => p.targets.filter((t) => COST.includes(t.metric)));
const costHeld = checks.filter((c) => COST.includes(c.metric));

describe("/calibration posterior", () => {
  let report: PageReport;
  afterAll(async () => report && (await report.page.context().close()));

  for (const lang of ["en", "zh"] as const) {
    it(`shows prior vs posterior per target and assumption, and the held-out checks (${lang})`, async () => {
      if (report) await report.page.context().close();
      report = await site.check(`/calibration?lang=${lang}`, { waitFor: "h4" });
      expect(problems(report)).toEqual([]);
      const page = report.page;
      const cards = page.locator("div.card:has(h4)");
      await page.waitForFunction((n) => document.querySelectorAll("div.card h4").length >= n, 2 * posteriors.length, { timeout: 60_000 });
      expect(await cards.count()).toBe(2 * posteriors.length);
      for (const [i, p] of posteriors.entries()) {
        // Each chart: a prior bar and a posterior bar per row.
        expect(await cards.nth(2 * i).locator("g[aria-label='bar'] rect").count()).toBe(2 * p.targets.length);
        expect(await cards.nth(2 * i + 1).locator("g[aria-label='bar'] rect").count()).toBe(2 * p.assumptions.length);
      }
      // Cost anchors: a pair of bars per fitted anchor and per held-out one, and a table row each.
      const anchors = page.locator("div.card.cost-anchors");
      expect(costFitted.length).toBeGreaterThan(0);
      expect(costHeld.length).toBeGreaterThan(0);
      expect(await anchors.locator("g[aria-label='bar'] rect").count()).toBe(2 * (costFitted.length + costHeld.length));
      const fittedWord = lang === "en" ? "fitted" : "拟合";
      const heldWord = lang === "en" ? "held out" : "留出";
      const tableText = (await page.locator("form table, table").allTextContents()).join("\n");
      expect(tableText).toContain(fittedWord);
      expect(tableText).toContain(heldWord);
      const passed = checks.filter((c) => c.pass).length;
      const answer = (await page.locator("p.answer").last().textContent()) ?? "";
      expect(answer).toContain(lang === "en" ? `${passed} of ${checks.length} pass.` : `${checks.length} 项中 ${passed} 项通过。`);
      // The largest-payout checks: how many of the published largest payouts are plausible.
      const plausible = maxPayout.filter((c) => c.pass).length;
      expect(maxPayout.length).toBeGreaterThan(0);
      expect(await page.locator("p.max-payout-answer").textContent()).toContain(lang === "en" ? `${plausible} of ${maxPayout.length} plausible.` : `${maxPayout.length} 项中 ${plausible} 项可信。`);
    });
  }
});
