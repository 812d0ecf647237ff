/**
 * The language switch in Chromium: Chinese by default; the header's English button switches
 * headings, labels and JS-rendered text, writes ?lang=en (inputs' parameters kept), survives a
 * reload and is remembered (localStorage) on a page opened without the parameter; back to Chinese.
 */
import { describe, expect, it } from "vitest";
import { problems, useBuiltSite } from "./browser.js";

const site = useBuiltSite();

describe("the language switch", () => {
  it("switches 工惠保's page zh → en → zh and keeps the choice in the URL and in storage", async () => {
    const report = await site.check(`/schemes/gonghuibao?claim.outOfCatalogSelfPay=500000`, { waitFor: ".payout" });
    const page = report.page;
    try {
      expect(problems(report)).toEqual([]);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      expect(await page.locator("main h1").innerText()).toBe("工惠保：宁波职工普惠型补充医疗保险");
      expect(await page.locator("label[for='calc-gonghuibao-claim-outOfCatalogSelfPay']").innerText()).toBe("社保外个人自费");
      expect(await page.locator(".payout").innerText()).toBe("372200 元");

      await page.click("button[data-set-lang='en']");
      await expect.poll(() => page.locator("main h1").innerText()).toBe("Gonghuibao: Ningbo's union inclusive supplementary medical insurance");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.getAttribute("button[data-set-lang='en']", "aria-pressed")).toBe("true");
      expect(await page.locator("label[for='calc-gonghuibao-claim-outOfCatalogSelfPay']").innerText()).toBe("out-of-catalogue self-pay");
      // JS-rendered text follows the reactive lang value.
      await expect.poll(() => page.locator(".payout").innerText()).toBe("372,200 yuan");
      expect(await page.locator(".benefit-table thead").innerText()).toContain("formula with the numbers");
      expect(await page.locator("#observablehq-toc").innerText()).toContain("What are the rules?");
      expect(await page.locator("#observablehq-toc").innerText()).not.toContain("规则是什么");
      const url = new URL(page.url());
      expect(url.searchParams.get("lang")).toBe("en");
      expect(url.searchParams.get("claim.outOfCatalogSelfPay")).toBe("500000");

      await page.reload();
      await page.waitForSelector(".payout");
      expect(await page.locator("main h1").innerText()).toBe("Gonghuibao: Ningbo's union inclusive supplementary medical insurance");
      expect(await page.locator(".payout").innerText()).toBe("372,200 yuan");

      // Another page of the site, no parameter: the stored choice applies.
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0);
      expect(await page.locator("main h1").innerText()).toBe("Puhui Workbench");
      await expect.poll(() => page.locator("main .card .big").first().innerText()).toBe("84M");

      await page.click("button[data-set-lang='zh']");
      await expect.poll(() => page.locator("main h1").innerText()).toBe("普惠保障工作台");
      await expect.poll(() => page.locator("main .card .big").first().innerText()).toBe("8400万");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    } finally {
      await page.context().close();
    }
  });

  it("?lang=en opens a page in English; the switch is keyboard-usable", async () => {
    const report = await site.check(`/schemes/linghuobao?lang=en`, { waitFor: ".payout" });
    const page = report.page;
    try {
      expect(problems(report)).toEqual([]);
      // (The page opens with its answer; the rules come after it.)
      expect(await page.locator("main h2").allInnerTexts()).toContain("What are the rules?");
      await page.focus("button[data-set-lang='zh']");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("main h2").allInnerTexts()).toContain("规则是什么？");
      expect(await page.locator("main h2").allInnerTexts()).not.toContain("What are the rules?");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
    } finally {
      await page.context().close();
    }
  });
});
