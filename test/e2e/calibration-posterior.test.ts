/**
 * The calibration page's posterior sections (issue 13): one targets chart with one prior and one
 * posterior bar per target of every stored posterior (simulations/posteriors/<id>.arrow), per
 * scenario a folded assumptions chart with one pair per free assumption, and the held-out table
 * with one row per check in simulations/posteriors/held-out.json and its pass count; and the cost
 * anchors (fitted targets and held-out checks on claims and premiums), one pair of bars each —
 * read here independently from the files the page's loader reads.
 * Re-calibration in the browser: bad input is one line naming the field and its range; a run
 * shows a line per tempering stage and its result, and its download is the posterior Node
 * computes for the same scenario, particles and seed (identical draws), which simulate runs;
 * Cancel stops a run at once (no stage line after it, no result).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { readPosterior } from "../../src/sim/posterior/file.js";
import { posterior } from "../../src/sim/posterior/posterior.js";
import { runPosteriorJob } from "../../src/sim/posterior/replicates.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
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
      // The folded sections draw their charts when opened.
      await page.evaluate(() => document.querySelectorAll("details:not(.recalibrate)").forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await page.waitForFunction((n) => document.querySelectorAll("div.card.posterior-assumptions svg").length >= n, posteriors.length, { timeout: 60_000 });
      // One chart of every fitted target: a prior bar and a posterior bar per row.
      const allTargets = posteriors.reduce((n, p) => n + p.targets.length, 0);
      expect(await page.locator("div.card.posterior-targets g[aria-label='bar'] rect").count()).toBe(2 * allTargets);
      const cards = page.locator("div.card.posterior-assumptions");
      expect(await cards.count()).toBe(posteriors.length);
      for (const [i, p] of posteriors.entries()) expect(await cards.nth(i).locator("g[aria-label='bar'] rect").count()).toBe(2 * p.assumptions.length);
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
      const answer = (await page.locator("p.held-out-answer").textContent()) ?? "";
      expect(answer).toContain(lang === "en" ? `${passed} of ${checks.length} pass.` : `${checks.length} 项中 ${passed} 项通过。`);
      // The largest-payout checks: how many of the published largest payouts are plausible.
      const plausible = maxPayout.filter((c) => c.pass).length;
      expect(maxPayout.length).toBeGreaterThan(0);
      expect(await page.locator("p.max-payout-answer").textContent()).toContain(lang === "en" ? `${plausible} of ${maxPayout.length} plausible.` : `${maxPayout.length} 项中 ${plausible} 项可信。`);
    });
  }

  it("re-calibrates in the browser: bad input named, a line per stage, the CLI's posterior to download; Cancel stops at once", async () => {
    const g = "simulations/scenarios/guangdong-single-type-2022.json";
    const r = await site.check("/calibration?lang=en");
    try {
      expect(problems(r)).toEqual([]);
      const page = r.page;
      await page.locator("details.recalibrate > summary").click();
      await page.locator("details.recalibrate select").first().selectOption("guangdong-single-type-2022");
      await page.locator(".recal-run").waitFor({ timeout: 60_000 });
      // Bad input: one line naming the field and its range; nothing runs.
      await page.locator("input[name=particles]").fill("50");
      await page.locator(".recal-run").click();
      expect(await page.locator(".recal-error").textContent()).toBe("particles: must be an integer from 100 to 5000 (got 50)");
      await page.locator("input[name=target-0]").fill("-5");
      await page.locator("input[name=particles]").fill("100");
      await page.locator(".recal-run").click();
      expect(await page.locator(".recal-error").textContent()).toBe("guangdong.single_type_insured_2022_05 published value: must be a number > 0 (got -5)");
      expect(await page.locator(".recal-stage").count()).toBe(0);
      // A run: the shipped text, 100 particles, seed 11.
      const text = resolveScenarioText(readFileSync(g, "utf-8"), g);
      await page.locator("input[name=target-0]").fill(String((JSON.parse(text) as { calibration: { targets: { value: number }[] } }).calibration.targets[0]!.value));
      await page.locator("input[name=seed]").fill("11");
      await page.locator(".recal-run").click();
      await page.locator(".recal-stage").first().waitFor({ timeout: 60_000 });
      await page.locator(".recal-answer").waitFor({ timeout: 280_000 });
      const stageLines = await page.locator(".recal-stage").allTextContents();
      expect(stageLines[0]).toMatch(/^prior: 100 model evaluations/);
      expect(stageLines.at(-1)).toMatch(/^stage \d+: φ = 1\.000/);
      expect(await page.locator(".recal-targets-chart g[aria-label='bar'] rect").count()).toBe(2 * 2);
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.locator(".recal-download").click()]);
      // The browser may run remotely: save a local copy of the download.
      const path = join(mkdtempSync(join(tmpdir(), "puhui-recal-")), download.suggestedFilename());
      await download.saveAs(path);
      expect(download.suggestedFilename()).toBe("guangdong-single-type-2022-posterior.json");
      const file = readPosterior(readFileSync(path), "download");
      // Node, the same scenario text, particles and seed: the same draws and diagnostics.
      const { scenario, options } = parseScenarioText(text, g);
      const node = posterior(scenario, options, { particles: 100, seed: 11 });
      expect(file.draws).toEqual(node.draws);
      expect(file.ess).toBe(node.ess);
      expect(file.command).toBe(`puhui calibrate ${g} --posterior --particles 100 --seed 11`);
      expect(stageLines.length).toBe(node.stages.length + 1);
      // Each stage line carries its φ and conditional ESS as the sampler recorded them.
      node.stages.forEach((st, i) => expect(stageLines[i + 1]).toContain(`φ = ${st.temperature.toFixed(3)} · ESS ${st.ess.toFixed(0)} ·`));
      // puhui simulate --posterior runs over it.
      const rows = runPosteriorJob({ scenarioText: text, mode: "fast", replicates: 20, seed: 7, uncertainty: true, range: [0, 20] }, file, "--posterior");
      expect(rows.length).toBeGreaterThan(0);
      // Cancel: a run of 5000 particles stopped after its first line; nothing follows.
      await page.locator("input[name=particles]").fill("5000");
      await page.locator(".recal-run").click();
      await page.locator(".recal-stage").first().waitFor({ timeout: 60_000 });
      await page.locator(".recal-cancel").click();
      expect(await page.locator(".recal-status").textContent()).toMatch(/^Cancelled \(after (stage \d+|the prior draws), [\d.]+ s\)\.$/);
      expect(await page.locator(".recal-run").isDisabled()).toBe(false);
      const after = await page.locator(".recal-stage").count();
      await page.waitForTimeout(3000);
      expect(await page.locator(".recal-stage").count()).toBe(after);
      expect(await page.locator(".recal-answer").count()).toBe(0);
      expect(r.pageErrors).toEqual([]);
    } finally {
      await r.page.context().close();
    }
  }, 300_000);
});
