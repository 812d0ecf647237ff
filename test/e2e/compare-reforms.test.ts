/**
 * Compare without JSON, end to end (issue 14): on /compare in Chinese, find 姜山镇 80+'s rule
 * parameter by its Chinese name (成人保费, 天一甬宁保's adult premium), see a typed non-number
 * named beside the field, change the premium by −30 % and add it to a named reform, and read the
 * paired difference of premium income; it equals the per-replicate difference computed here from
 * the engine's rows for the same scenario, options and seed (the reform JSON {path: 70}). The
 * permalink restores the stack and the same numbers. Comparing with the same scenario loaded from
 * a file with another seed is labelled unpaired. Screenshots at 1280 and 390 px, zh and en, land in
 * test-results/screenshots/compare-reforms.*.png.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { problems, useBuiltSite, SCREENSHOT_DIR } from "./browser.js";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { runJob } from "../../src/sim/parallel.js";
import { formatMetric } from "../../src/components/compare.js";

const site = useBuiltSite();
const FILE = "simulations/scenarios/jiangshan-80plus.json";
const PATH = "tianyi-yongningbao.premium.adult";
const REPS = 1000;
const RUN = { timeout: 120_000 };

beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

/** Mean and MC error of B − A for `metric`, per replicate, from one engine run of both options. */
function pairedByHand(metric: "gross" | "lossRatio"): { mean: number; se: number } {
  const s = JSON.parse(resolveScenarioText(readFileSync(FILE, "utf-8"), FILE));
  delete s.calibration;
  const base = s.options[0];
  s.options = [base, { ...structuredClone(base), id: "reform", reform: { ...(base.reform ?? {}), [PATH]: 70 } }];
  const rows = runJob({ scenarioText: JSON.stringify(s), mode: "fast", replicates: REPS, seed: s.seed, uncertainty: true, range: [0, REPS] });
  const last = Math.max(...rows.map((r) => r.year));
  const of = (id: string) => new Map(rows.filter((r) => r.option === id && r.year === last).map((r) => [r.replicate, r[metric]!]));
  const a = of(base.id);
  const b = of("reform");
  const d = [...a.keys()].map((r) => b.get(r)! - a.get(r)!);
  const mean = d.reduce((x, y) => x + y, 0) / d.length;
  const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (d.length - 1));
  return { mean, se: sd / Math.sqrt(d.length) };
}

/** The visible cells of the table row whose metric is `label`. */
async function rowCells(page: Page, label: string): Promise<string[]> {
  const row = page.locator("table tr", { hasText: label }).first();
  return (await row.locator("td").allInnerTexts()).map((s) => s.trim());
}

async function waitForResult(page: Page): Promise<void> {
  await page.waitForSelector(".scenario-progress.done", RUN);
  await page.waitForSelector(".pairing-label", RUN);
}

describe("compare: a reform picked by its Chinese name", () => {
  it("−30 % on 成人保费: the paired difference is the engine's per-replicate difference; the permalink restores it; another seed is unpaired", async () => {
    // The town pays every premium, so income moves by exactly −30 %; the loss ratio's change varies
    // by replicate (the claims do), so its standard error tells paired from unpaired.
    const expected = pairedByHand("gross");
    const lossRatio = pairedByHand("lossRatio");
    const report = await site.check("/compare?c.scenario=jiangshan-80plus&lang=zh", { width: 1280, timeout: 120_000, waitFor: ".pairing-label" });
    expect(problems(report)).toEqual([]);
    const page = report.page;
    try {
      // The page starts from the scheme's default reform (its first premium parameter +20 %): remove it.
      await page.locator(".reform-stack .reform-remove").first().click();
      await expect.poll(() => page.locator(".reform-stack .reform-remove").count(), RUN).toBe(0);
      // Find the parameter by its Chinese name and choose it.
      await page.fill(".reform-picker input[type=search]", "成人保费");
      await page.click(`.reform-hit[data-path="${PATH}"]`);
      await page.check(".reform-op input[value=pct]");
      // A non-number is named beside the field, with what is allowed; nothing runs.
      await page.fill(".reform-picker input[name=reform-amount]", "abc");
      await expect.poll(() => page.locator(".reform-chosen .field-error[data-field=amount]").innerText(), RUN).toBe("变化百分比：不是数字；允许一个百分数，例如 20 或 -10");
      expect(await page.locator(".reform-add").isDisabled()).toBe(true);
      // Out of the parameter's range (0–10000 元/年 from 100): the allowed percentages are named.
      await page.fill(".reform-picker input[name=reform-amount]", "20000");
      await expect.poll(() => page.locator(".reform-chosen .field-error[data-field=amount]").innerText(), RUN).toMatch(/^变化百分比：允许 −100 % 到 \+9900 %/);
      await page.fill(".reform-picker input[name=reform-amount]", "-30");
      await expect.poll(() => page.locator(".reform-chosen .field-error[data-field=amount]").isHidden(), RUN).toBe(true);
      await page.fill(".reform-picker input[name=reform-name]", "成人保费降三成");
      await page.click(".reform-add");
      // Remove the default change (the first), keeping ours only.
            await expect.poll(() => page.locator(".reform-stack li").count(), RUN).toBe(1);
      expect(await page.locator(".reform-stack li").innerText()).toContain("100 → 70");
      await page.waitForFunction(() => document.querySelector(".pairing-label")?.textContent?.includes("成人保费降三成"), undefined, RUN);
      await waitForResult(page);
      expect(await page.getAttribute(".pairing-label", "data-paired")).toBe("true");
      const cells = await rowCells(page, "保费收入(元)");
      const at = cells.indexOf("保费收入(元)");
      expect(cells[at + 3]).toBe(formatMetric("gross", expected.mean, "zh"));
      expect(cells[at + 4]).toBe(formatMetric("gross", expected.se, "zh"));
      expect(expected.mean).toBeLessThan(0);
      const lr = await rowCells(page, "赔付率");
      const j = lr.indexOf("赔付率");
      expect(lr[j + 3]).toBe(formatMetric("lossRatio", lossRatio.mean, "zh"));
      expect(lr[j + 4]).toBe(formatMetric("lossRatio", lossRatio.se, "zh"));
      expect(lossRatio.se).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/compare-reforms.zh.desktop.png`, fullPage: true });

      // The JSON for power users is the reform the command line reads.
      expect(JSON.parse(await page.inputValue(".reform-picker textarea"))).toEqual({ [PATH]: 70 });

      // The permalink restores the stack and the numbers, in English at phone width.
      const link = new URL(page.url());
      expect(link.searchParams.get("c.state")).toMatch(/^v1\./);
      link.searchParams.set("lang", "en");
      const again = await site.check(`${link.pathname}${link.search}`, { width: 390, timeout: 120_000, waitFor: ".pairing-label" });
      expect(problems(again)).toEqual([]);
      try {
        await waitForResult(again.page);
        expect(await again.page.locator(".reform-stack li").count()).toBe(1);
        expect(await again.page.inputValue(".reform-picker input[name=reform-name]")).toBe("成人保费降三成");
        const en = await rowCells(again.page, "premium income (yuan)");
        const i = en.indexOf("premium income (yuan)");
        expect(en[i + 3]).toBe(formatMetric("gross", expected.mean, "en"));
        await again.page.screenshot({ path: `${SCREENSHOT_DIR}/compare-reforms.en.phone.png`, fullPage: true });
        // A language switch changes the words, not the run: the same finished run (its time to the
        // hundredth of a second), the same numbers.
        const seconds = (text: string) => /(\d+\.\d\d)/.exec(text)?.[1];
        const ran = seconds(await again.page.locator(".scenario-progress.done").innerText());
        expect(ran).toBeDefined();
        await again.page.click("button[data-set-lang='zh']");
        await expect.poll(async () => (await rowCells(again.page, "保费收入(元)"))[i + 3], RUN).toBe(formatMetric("gross", expected.mean, "zh"));
        expect((await again.page.locator(".scenario-progress.done").innerText()).trim()).toBe(`已完成 1000 次重复模拟，用时 ${ran} 秒`);
        await again.page.screenshot({ path: `${SCREENSHOT_DIR}/compare-reforms.zh.phone.png`, fullPage: true });
      } finally {
        await again.page.context().close();
      }

      // Another scenario: the same file with another seed is labelled unpaired, with the reason.
      const s = JSON.parse(resolveScenarioText(readFileSync(FILE, "utf-8"), FILE));
      s.seed += 1;
      await page.selectOption("#compare-against", "scenario");
      await page.selectOption("#compare-b-scenario", "__file__");
      await page.setInputFiles("#compare-b-file", { name: "jiangshan-seed.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
      await page.waitForSelector(".pairing-label[data-paired=false]", RUN);
      expect(await page.locator(".pairing-label").innerText()).toContain(`随机数种子不同(${s.seed - 1} 与 ${s.seed})`);
      await page.click("button[data-set-lang='en']");
      await expect.poll(() => page.locator(".pairing-label").innerText(), RUN).toMatch(/^Unpaired: different seeds/);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/compare-reforms.en.desktop.png`, fullPage: true });
    } finally {
      await page.context().close();
    }
  }, 600_000);
});
