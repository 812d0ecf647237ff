/**
 * The "我的情景 My scenario" page end to end (issue 14): upload test/fixtures/population-tianyi-cells.csv
 * and claims-lognormal.csv, use the table's cells and the lowest-AIC fit, run 1000 replicates in the
 * worker, download the scenario JSON; the file is the scenario built in Node from the same fixtures
 * (src/components/my-scenario-build.ts), `puhui simulate <file> --replicates 1000 --seed <same>`
 * gives the benefits the page's table shows, and the permalink restores the edits. Screenshots at
 * 1280 and 390 px, zh and en, land in test-results/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { problems, useBuiltSite, SCREENSHOT_DIR } from "./browser.js";
import { readTable } from "../../src/fit/table-import/excel.js";
import { importPopulation } from "../../src/fit/table-import/population.js";
import { importClaims } from "../../src/fit/table-import/claims.js";
import { fitSeverity } from "../../src/fit/severity/fit.js";
import { severityToScenario } from "../../src/fit/priors.js";
import { formatAmount } from "../../src/components/i18n.js";
import { composeScenario, populationColumns } from "../../src/components/my-scenario-build.js";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { runCli } from "../helpers/cli.js";

const site = useBuiltSite();
const dir = mkdtempSync(join(tmpdir(), "puhui-my-scenario-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = join(process.cwd(), "test", "fixtures");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe("my scenario", () => {
  it("population and claims from the fixtures, 1000 replicates, the saved JSON equals the CLI's run", async () => {
    const report = await site.check("/my-scenario?lang=zh", { width: 1280, timeout: 120_000, waitFor: "text=/载入情景 JSON：/" });
    expect(problems(report)).toEqual([]);
    const page = report.page;
    try {
      const files = page.locator('input[type=file][accept*=xlsx]');
      await files.nth(0).setInputFiles(join(FIXTURES, "population-tianyi-cells.csv"));
      await page.getByRole("button", { name: /使用这 8 个人群单元（122万人）/ }).click();
      await page.waitForSelector("text=/当前人群：表格中的 8 个单元/");
      await files.nth(1).setInputFiles(join(FIXTURES, "claims-lognormal.csv"));
      await page.waitForSelector("table.fits");
      expect(await page.locator("table.fits").innerText()).toMatch(/对数正态.*（最低）/);
      await page.getByRole("button", { name: /用作情景的赔付金额先验/ }).click();
      await page.waitForSelector("text=/当前：“hospital episode · coveredCost”使用对数正态拟合/");
      await page.getByRole("button", { name: /运行 1000 次模拟/ }).click();
      await page.waitForSelector(".my-run[data-finished=yes]", { timeout: 300_000 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, "my-scenario-run-1280-zh.png"), fullPage: true });
      const tableText = await page.locator("table").last().innerText();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载情景 JSON/ }).click()]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const saved = JSON.parse(readFileSync(file, "utf-8"));

      // The same scenario, built in Node from the same fixtures.
      const TIANYI = "simulations/scenarios/ningbo-tianyi-2024.json";
      const shipped = JSON.parse(resolveScenarioText(readFileSync(TIANYI, "utf-8"), TIANYI)); // what src/data/scenario-entry.ts gives the page
      const pop = importPopulation(await readTable(fixture("population-tianyi-cells.csv")), { columns: populationColumns(shipped) });
      const fit = severityToScenario(fitSeverity(importClaims(await readTable(fixture("claims-lognormal.csv"))).records, "lognormal"));
      expect(saved).toEqual(composeScenario(shipped, { seed: shipped.seed, replicates: 1000, population: pop.cells, severity: { category: "hospital episode", field: "coveredCost", claim: fit.field, scale: fit.severityScale } }));

      // The CLI on the downloaded file: the page's table shows its last-year mean benefits.
      const out = join(dir, "rows.json");
      const r = await runCli("simulate", file, "--replicates", "1000", "--seed", String(saved.seed), "--out", out);
      expect(r.code, r.err).toBe(0);
      const rows = JSON.parse(readFileSync(out, "utf-8")) as { option: string; year: number; benefits: number }[];
      const last = Math.max(...rows.map((x) => x.year));
      for (const o of saved.options as { id: string }[]) {
        const xs = rows.filter((x) => x.option === o.id && x.year === last);
        expect(xs).toHaveLength(1000);
        expect(tableText).toContain(formatAmount(xs.reduce((s, x) => s + x.benefits, 0) / xs.length, "zh"));
      }

      // The permalink restores the edits.
      const again = await site.check(new URL(page.url()).pathname.replace(/\.html$/, "") + new URL(page.url()).search, { width: 390, timeout: 120_000, waitFor: "text=/当前人群：表格中的 8 个单元/", screenshot: "my-scenario-permalink-390-zh.png" });
      expect(problems(again)).toEqual([]);
      expect(await again.page.locator("text=/当前：“hospital episode · coveredCost”/").count()).toBe(1);
      await again.page.context().close();
    } finally {
      await page.context().close();
    }
  }, 600_000);

  it("English at 1280 and 390 px, and a bad link is named in a note", async () => {
    for (const width of [1280, 390]) {
      const report = await site.check("/my-scenario?lang=en&my=v9.abc", { width, timeout: 120_000, waitFor: "text=/Load a scenario JSON: /", screenshot: `my-scenario-${width}-en.png` });
      expect(problems(report)).toEqual([]);
      expect(await report.page.locator(".url-notes").innerText()).toContain('URL parameter my="v9.abc (version 9, this page reads version 1)" is not a scenario link saved by this page (v1); using the shipped scenario instead');
      await report.page.context().close();
    }
  }, 300_000);
});
