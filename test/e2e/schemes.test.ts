/**
 * The scheme pages in Chromium (built dist/ on loopback): every page at 1280 and 390 px (no NaN,
 * no horizontal page scroll, screenshots saved); on 工惠保 the calculator's worked example, a changed
 * input, an out-of-range input, a permalink and the three downloads; a bad URL value; the rules card's
 * date; the first-order timeline on single-type WII.
 */
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkPage, launch, problems, serve } from "./browser.js";
import { schemes } from "../../src/rules/index.js";
import { screenshotName, sitePages } from "./site-pages.js";

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  server = await serve("dist");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const schemePages = sitePages().filter((p) => p.path.startsWith("/schemes/"));

async function open(path: string, width = 1280, screenshot?: string): Promise<Page> {
  const report = await checkPage(browser, `${server.origin}${path}`, { width, waitFor: ".payout, .blocked", ...(screenshot ? { screenshot } : {}) });
  expect(problems(report)).toEqual([]);
  return report.page;
}

const visibleText = (page: Page) => page.locator("main").innerText();

describe("every scheme page", () => {
  it("has one page per registered scheme in the config", () => {
    expect(schemePages.map((p) => p.path)).toEqual(schemes.map((s) => `/schemes/${s.id}`));
  });
  for (const { name, path } of schemePages) {
    for (const [width, suffix] of [[1280, "desktop"], [390, "phone"]] as const) {
      it(`${name} at ${width} px: rules card, calculator answers, no NaN, no sideways page scroll`, async () => {
        // pages.test.ts saves the 1280 px screenshot; this one adds the phone width.
        const page = await open(path, width, width === 390 ? screenshotName(path, suffix) : undefined);
        try {
          const text = await visibleText(page);
          expect(text).not.toMatch(/NaN|undefined/);
          expect(await page.locator(".rules-table tbody tr").count()).toBeGreaterThan(3);
          expect(await page.locator(".payout").count()).toBe(1);
          expect(await page.locator(".eligibility .verdict").count()).toBe(1);
          expect(await page.locator(".reproduce code").innerText()).toContain("npx puhui benefit");
          expect(await page.locator(".cite-this").innerText()).toMatch(/v\d+\.\d+\.\d+/);
          // Every input has a label.
          const unlabelled = await page.$$eval(".calculator input, .calculator select", (nodes) => nodes.filter((n) => !document.querySelector(`label[for="${n.id}"]`)).map((n) => n.id));
          expect(unlabelled).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
        } finally {
          await page.context().close();
        }
      });
    }
  }
});

describe("工惠保's calculator", () => {
  const path = "/schemes/gonghuibao";

  it("shows the source's worked example: 363275 元", async () => {
    const page = await open(path);
    try {
      expect(await page.locator(".payout").innerText()).toBe("363275 元");
      expect(await page.locator(".benefit-table").innerText()).toContain("max(0, 488100 − 20000) × 75% = 351075");
    } finally {
      await page.context().close();
    }
  });

  it("recomputes when an input changes, and the permalink restores the same numbers", async () => {
    const page = await open(path);
    try {
      // (500000 − 20000) × 75% = 360000; + (32200 − 20000) × 100% = 12200 → 372200
      await page.fill("#calc-gonghuibao-claim-outOfCatalogSelfPay", "500000");
      await expect.poll(() => page.locator(".payout").innerText()).toBe("372200 元");
      // Bank card holder: 68 − 30 = 38 元 for the insured.
      await page.check("#calc-gonghuibao-person-bankOfNingboCardHolder");
      await expect.poll(() => page.locator(".premium-table").innerText()).toContain("38 元");
      const url = page.url();
      expect(url).toContain("claim.outOfCatalogSelfPay=500000");
      expect(url).toContain("person.bankOfNingboCardHolder=true");
      const again = await open(url.replace(server.origin, ""));
      try {
        expect(await again.locator(".payout").innerText()).toBe("372200 元");
        expect(await again.inputValue("#calc-gonghuibao-claim-outOfCatalogSelfPay")).toBe("500000");
        expect(await again.locator(".premium-table").innerText()).toContain("38 元");
      } finally {
        await again.context().close();
      }
    } finally {
      await page.context().close();
    }
  });

  it("explains an out-of-range input beside it, and shows no NaN", async () => {
    const page = await open(path);
    try {
      await page.fill("#calc-gonghuibao-person-age", "200");
      const error = page.locator("#calc-gonghuibao-person-age-error");
      await expect.poll(() => error.innerText()).toBe("person.age: must be an integer from 0 to 120 (years, whole years of age)");
      expect(await page.getAttribute("#calc-gonghuibao-person-age", "aria-invalid")).toBe("true");
      expect(await page.locator(".payout").count()).toBe(0);
      expect(await visibleText(page)).not.toMatch(/NaN/);
      await page.fill("#calc-gonghuibao-claim-inCatalogSelfPay", "abc");
      await expect.poll(() => page.locator("#calc-gonghuibao-claim-inCatalogSelfPay-error").innerText()).toContain("claim.inCatalogSelfPay: must be an amount in 元 from 0 to 100000000");
      expect(await visibleText(page)).not.toMatch(/NaN/);
      // Fixing both brings the answers back.
      await page.fill("#calc-gonghuibao-person-age", "40");
      await page.fill("#calc-gonghuibao-claim-inCatalogSelfPay", "32200");
      await expect.poll(() => page.locator(".payout").innerText()).toBe("363275 元");
    } finally {
      await page.context().close();
    }
  });

  it("a bad value in a link falls back to the default with a visible note", async () => {
    const page = await open(`${path}?person.age=abc&claim.outOfCatalogSelfPay=-5`);
    try {
      const notes = await page.locator(".calculator .url-notes").innerText();
      expect(notes).toContain('person.age="abc"');
      expect(notes).toContain('claim.outOfCatalogSelfPay="-5"');
      expect(await page.inputValue("#calc-gonghuibao-person-age")).toBe("40");
      expect(await page.locator(".payout").innerText()).toBe("363275 元");
    } finally {
      await page.context().close();
    }
  });

  it("downloads the payout chart as SVG, PNG and CSV", async () => {
    const page = await open(path);
    try {
      const chart = page.locator(".downloadable").nth(1); // 0: premium by payer, 1: payout items
      const get = async (label: string) => {
        const [download] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: new RegExp(`^下载 ${label}`) }).click()]);
        const file = await download.path();
        return { name: download.suggestedFilename(), bytes: readFileSync(file) };
      };
      const svg = await get("SVG");
      expect(svg.name).toBe("gonghuibao-payout-items.svg");
      const markup = svg.bytes.toString("utf-8");
      expect(markup.startsWith("<svg")).toBe(true);
      const parsed = await page.evaluate((s) => {
        const doc = new DOMParser().parseFromString(s, "image/svg+xml");
        return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName("parsererror").length };
      }, markup);
      expect(parsed).toEqual({ root: "svg", errors: 0 });
      expect(markup).toContain("351075");
      const png = await get("PNG");
      expect(png.name).toBe("gonghuibao-payout-items.png");
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.bytes.length).toBeGreaterThan(1000);
      const csv = await get("CSV");
      expect(csv.name).toBe("gonghuibao-payout-items.csv");
      const lines = csv.bytes.toString("utf-8").replace(/^\uFEFF/, "").split("\n");
      expect(lines[0]).toBe("rule,label,amount,formula");
      expect(lines[1]).toBe('gonghuibao.inCatalog,社保内个人负担,12200,"max(0, 32200 − 20000) × 100% = 12200"');
      expect(lines).toHaveLength(3);
    } finally {
      await page.context().close();
    }
  });
});

describe("the rules card", () => {
  it("shows the rules in force on the date in the link (天一甬宁保 2023 vs 2024)", async () => {
    const page = await open("/schemes/tianyi-yongningbao?rulesDate=2023-06-01");
    try {
      expect(await page.inputValue("#input-rulesDate")).toBe("2023-06-01");
      const card = await page.locator(".rules-card").innerText();
      expect(card).toContain("2023-06-01");
      // Assumed values carry the badge with rationale and prior.
      expect(await page.locator(".rules-table .assumption-badge").count()).toBeGreaterThan(0);
      expect(await page.locator(".rules-table .assumption-prior").first().innerText()).toMatch(/先验|prior/);
    } finally {
      await page.context().close();
    }
  });
});

describe("single-type WII's calculator", () => {
  it("starts from a determined injury: medical 20000 + grade 9 × 9 months × 7000 + 80 % leaving the job × 4 months × 7000 (Zhejiang medical lump sum) = 105400 元", async () => {
    const page = await open("/schemes/single-type-wii");
    try {
      expect(await page.isChecked("#calc-single-type-wii-claim-injuryDetermined")).toBe(true);
      // 20000 + 63000 + 0.8 × 4 × 7000 = 105400; the employer-paid employment lump sum is not in the payout
      expect(await page.locator(".payout").innerText()).toBe("105400 元");
      await page.uncheck("#calc-single-type-wii-claim-injuryDetermined");
      await expect.poll(() => page.locator(".payout").innerText()).toBe("0 元");
    } finally {
      await page.context().close();
    }
  });
});

describe("single-type WII's first-order rule", () => {
  it("makes the platform whose order was accepted first liable, and follows the injury time in the link", async () => {
    const page = await open("/schemes/single-type-wii");
    try {
      // 12:30: orders of A (12:03) and B (12:15) active → A.
      expect(await page.locator(".interpretation strong").innerText()).toContain("最先接单(12:03)的平台甲");
    } finally {
      await page.context().close();
    }
    const later = await open("/schemes/single-type-wii?injuryAt=12:52");
    try {
      // 12:52: B (12:15) and C (12:50) active → B.
      expect(await later.locator(".interpretation strong").innerText()).toContain("最先接单(12:15)的平台乙");
    } finally {
      await later.context().close();
    }
  });
});
