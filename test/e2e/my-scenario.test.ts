/**
 * The "我的情景 My scenario" page end to end (issue 14's Done-when): build a product that is not
 * shipped — 天一甬宁保 with its own adult premium (150 元), deductible (the first band's lower edge,
 * 8000 元) and healthy band rates (0.3, 0.7) — after a typed value outside the allowed range was
 * named beside its field; upload test/fixtures/population-tianyi-cells.csv and claims-lognormal.csv,
 * use the table's cells and the lowest-AIC fit (its QQ plot and limited expected values at the
 * product's deductible and cap shown), fix one prior and widen another, run 1000 replicates in
 * the worker, download the scenario JSON. The file is the scenario composed in Node from the same
 * edits and fixtures (src/components/my-scenario-build.ts); `puhui simulate <file> --replicates
 * 1000 --seed <same>` gives the benefits the page's table shows; the permalink restores the
 * product, the priors, the population and the fit. Screenshots at 1280 and 390 px, zh and en, land
 * in test-results/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const ID = "tianyi-yongningbao";
/** The product's own terms: parameter keys of src/schemes/tianyi-yongningbao/parameters.yaml → values. */
const PRODUCT: Record<string, number> = { "premium.adult": 150, "band.lower": 8000, "rate.band1.noPreExisting": 0.3, "rate.band2.noPreExisting": 0.7 };

describe("my scenario", () => {
  it("a product that is not shipped, population and claims from the fixtures, priors re-shaped, 1000 replicates: the saved JSON is the CLI's run and the permalink restores it", async () => {
    const report = await site.check("/my-scenario?lang=zh", { width: 1280, timeout: 120_000, waitFor: "text=/载入情景 JSON：/" });
    expect(problems(report)).toEqual([]);
    const page = report.page;
    try {
      // The scheme's terms: a bad value is named beside its field; good ones make the product.
      const P = (k: string) => `input[name="${ID}.${k}"]`;
      await page.fill(P("premium.adult"), "abc");
      expect(await page.locator(".product-field", { has: page.locator(P("premium.adult")) }).locator(".input-error").innerText()).toBe(`成人保费（${ID}.premium.adult）：应为数，0 至 10000（元/年）；输入为 "abc"`);
      for (const [k, v] of Object.entries(PRODUCT)) {
        await page.fill(P(k), String(v));
        await page.press(P(k), "Enter");
        await page.waitForFunction((sel) => document.querySelector(sel)?.closest(".product-field")?.classList.contains("changed") === true, P(k));
      }
      expect(await page.locator(".product-diff").innerText()).toMatch(/与原方案相比改动了 4 项[\s\S]*100 → 150 元\/年[\s\S]*6000 → 8000 元[\s\S]*0\.2 → 0\.3 比例[\s\S]*0\.8 → 0\.7 比例/);

      const files = page.locator('input[type=file][accept*=xlsx]');
      await files.nth(0).setInputFiles(join(FIXTURES, "population-tianyi-cells.csv"));
      await page.getByRole("button", { name: /使用这 8 个人群单元（122万人）/ }).click();
      await page.waitForSelector("text=/当前人群：表格中的 8 个单元/");
      await files.nth(1).setInputFiles(join(FIXTURES, "claims-lognormal.csv"));
      await page.waitForSelector("table.fits");
      expect(await page.locator("table.fits").innerText()).toMatch(/对数正态.*（最低）/);
      // Limited expected values at the product's deductible (as edited) and cap; the cap is beyond the data.
      await page.waitForSelector("table.lev");
      const lev = await page.locator("table.lev").innerText();
      expect(lev).toMatch(/免赔额 tianyi-yongningbao\.band\.lower = 8,000\t[\d,]+\t/);
      expect(lev).toMatch(/限额 tianyi-yongningbao\.annualCap = 1,000,000\t—（超出最大理赔记录）/);
      await page.getByRole("button", { name: /用作情景的赔付金额先验/ }).click();
      await page.waitForSelector("text=/当前：“hospital episode · coveredCost”使用对数正态拟合/");

      // Priors: administration cost fixed; the healthy renewal prior re-shaped (a bad α named first).
      await page.locator(".prior-editor", { hasText: "admin" }).locator("input[type=checkbox]").check();
      await page.waitForSelector("text=/已调整 1 项/");
      await page.fill('input[name="renewal.healthy.prior.alpha"]', "-1");
      expect(await page.locator(".prior-editor", { hasText: "renewal.healthy" }).locator(".input-error").innerText()).toBe("renewal.healthy.prior.alpha：须大于 0；输入为 -1");
      await page.fill('input[name="renewal.healthy.prior.alpha"]', "16");
      await page.press('input[name="renewal.healthy.prior.alpha"]', "Enter");
      await page.waitForSelector("text=/已调整 2 项/");

      await page.getByRole("button", { name: /运行 1000 次模拟/ }).click();
      await page.waitForSelector(".my-run[data-finished=yes]", { timeout: 300_000 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, "my-scenario-run-1280-zh.png"), fullPage: true });
      const tableText = await page.locator("table").last().innerText();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载情景 JSON/ }).click()]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const saved = JSON.parse(readFileSync(file, "utf-8"));

      // The product is the as-issued option's reform; the 2023-terms option keeps its own rates on top.
      const values = Object.fromEntries(Object.entries(PRODUCT).map(([k, v]) => [`${ID}.${k}`, v]));
      expect(saved.options[0].reform).toEqual(values);
      expect(saved.options[1].reform[`${ID}.premium.adult`]).toBe(150);
      expect(saved.options[1].reform[`${ID}.rate.band1.noPreExisting`]).toBe(0.2);

      // The same scenario, built in Node from the same edits and fixtures.
      const TIANYI = "simulations/scenarios/ningbo-tianyi-2024.json";
      const shipped = JSON.parse(resolveScenarioText(readFileSync(TIANYI, "utf-8"), TIANYI)); // what src/data/scenario-entry.ts gives the page
      const pop = importPopulation(await readTable(fixture("population-tianyi-cells.csv")), { columns: populationColumns(shipped) });
      const fit = severityToScenario(fitSeverity(importClaims(await readTable(fixture("claims-lognormal.csv"))).records, "lognormal"));
      const priors = { admin: { value: shipped.assumptions.admin.value, prior: { dist: "fixed" as const } }, "renewal.healthy": { value: shipped.assumptions["renewal.healthy"].value, prior: { dist: "beta" as const, alpha: 16, beta: 12 } } };
      expect(saved).toEqual(composeScenario(shipped, { seed: shipped.seed, replicates: 1000, population: pop.cells, severity: { category: "hospital episode", field: "coveredCost", claim: fit.field, scale: fit.severityScale }, product: { scheme: ID, values }, priors }));

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

      // The permalink restores the edits, in either language and at a phone's width.
      const link = new URL(page.url()).pathname.replace(/\.html$/, "") + new URL(page.url()).search;
      for (const [lang, width] of [["zh", 390], ["en", 1280], ["en", 390]] as const) {
        const again = await site.check(link.replace("lang=zh", `lang=${lang}`), { width, timeout: 120_000, waitFor: lang === "zh" ? "text=/当前人群：表格中的 8 个单元/" : "text=/Population in use: 8 cells from the table/", screenshot: `my-scenario-permalink-${width}-${lang}.png` });
        expect(problems(again)).toEqual([]);
        const p = again.page;
        expect(await p.locator(lang === "zh" ? "text=/当前：“hospital episode · coveredCost”/" : "text=/In use: “hospital episode · coveredCost”/").count()).toBe(1);
        expect(await p.locator(".product-diff").innerText()).toMatch(lang === "zh" ? /与原方案相比改动了 4 项/ : /4 terms differ from the shipped scheme/);
        expect(await p.inputValue(P("band.lower"))).toBe("8000");
        expect(await p.locator(".prior-editor.changed").count()).toBe(2);
        expect(await p.inputValue('input[name="renewal.healthy.prior.alpha"]')).toBe("16");
        await p.context().close();
      }
    } finally {
      await page.context().close();
    }
  }, 600_000);

  it("10 万 claim rows are read, checked and fitted in a worker: its stage and a Cancel button show, Cancel stops it and keeps what the page had, and a second upload gives the fits", async () => {
    // 100 000 claims on a deterministic spread (1000–90 999 元): the stages take seconds at any speed.
    const lines = ["amount,category"];
    for (let i = 0; i < 100_000; i++) lines.push(`${1000 + ((i * 7919) % 90_000)},inpatient`);
    const big = join(dir, "claims-100k.csv");
    writeFileSync(big, lines.join("\n"));
    const report = await site.check("/my-scenario?lang=zh", { width: 1280, timeout: 120_000, waitFor: "text=/载入情景 JSON：/" });
    expect(problems(report)).toEqual([]);
    const page = report.page;
    try {
      const claims = page.locator('input[type=file][accept*=xlsx]').nth(1);
      await claims.setInputFiles(big);
      const status = page.locator(".import-status:not([hidden])");
      await status.waitFor();
      expect(await status.innerText()).toMatch(/正在(读取文件|逐行检查|拟合金额分布)……\s*取消/);
      await status.getByRole("button", { name: "取消" }).click();
      await page.waitForSelector("text=/导入已取消；之前的数据未改变。/");
      expect(await page.locator("table.fits").count()).toBe(0);
      // The read ran in the upload worker, not on the page.
      expect([...report.requested].some((u) => /fit\/table-import\/worker(\.[0-9a-f]+)?\.js/.test(u))).toBe(true);
      // Again, to the end: every record read, three families fitted.
      await claims.setInputFiles([]);
      await claims.setInputFiles(big);
      await page.waitForSelector("table.fits");
      expect(await page.getByText("100000 条理赔记录").count()).toBe(1);
      expect(await page.locator("table.fits").innerText()).toMatch(/对数正态[\s\S]*伽马[\s\S]*帕累托/);
      expect(await page.locator(".import-status:not([hidden])").count()).toBe(0);
    } finally {
      await page.context().close();
    }
  }, 300_000);

  it("English at 1280 and 390 px, and a bad link is named in a note", async () => {
    for (const width of [1280, 390]) {
      const report = await site.check("/my-scenario?lang=en&my=v9.abc", { width, timeout: 120_000, waitFor: "text=/Load a scenario JSON: /", screenshot: `my-scenario-${width}-en.png` });
      expect(problems(report)).toEqual([]);
      expect(await report.page.locator(".url-notes").innerText()).toContain('URL parameter my="v9.abc (version 9, this page reads version 1)" is not a scenario link saved by this page (v1); using the shipped scenario instead');
      await report.page.context().close();
    }
  }, 300_000);
});
