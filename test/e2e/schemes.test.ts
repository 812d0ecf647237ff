/**
 * The scheme pages' calculators in Chromium (built dist/ on loopback): on 工惠保 the worked example,
 * the three downloads, an out-of-range input, a changed input and its permalink, a bad URL value;
 * the rules card's date; the first-order timeline and the calculator on single-type WII. (Every
 * scheme page at 1280 and 390 px — rules card, calculator answers, no NaN, no sideways scroll — is
 * checked on the visit pages.test.ts makes to each page.) Tests in one describe share one page, in
 * the order written: each leaves the page as the next expects it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Download, Page } from "playwright-core";
import { problems, useBuiltSite } from "./browser.js";

const site = useBuiltSite();

async function open(path: string, width = 1280): Promise<Page> {
  const report = await site.check(path, { width, waitFor: ".payout, .blocked" });
  expect(problems(report)).toEqual([]);
  return report.page;
}

/** One page for the tests of a describe: opened before them, closed after. */
function sharedPage(path: string): () => Page {
  let page: Page | undefined;
  beforeAll(async () => {
    page = await open(path);
  });
  afterAll(async () => {
    await page?.context().close();
  });
  return () => {
    if (!page) throw new Error(`${path} did not open`);
    return page;
  };
}

/** A download's bytes (the browser is connected over a socket, so they are streamed, not read from its disk). */
async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const visibleText = (page: Page) => page.locator("main").innerText();

describe("工惠保's calculator", () => {
  const path = "/schemes/gonghuibao";
  const shared = sharedPage(path);

  it("shows the source's worked example: 363275 元", async () => {
    const page = shared();
    expect(await page.locator(".payout").innerText()).toBe("363275 元");
    expect(await page.locator(".benefit-table").innerText()).toContain("max(0, 488100 − 20000) × 75% = 351075");
  });

  it("downloads the payout chart as SVG, PNG and CSV", async () => {
    const page = shared();
    // The payout-items chart by its download name (the population's charts now come first on the page).
    const chart = page.locator(".downloadable", { has: page.locator('[aria-label="下载 download gonghuibao-payout-items"]') });
    const get = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: new RegExp(`^下载 ${label}`) }).click()]);
      return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
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
  });

  it("explains an out-of-range input beside it, and shows no NaN", async () => {
    const page = shared();
    await page.fill("#calc-gonghuibao-person-age", "200");
    const error = page.locator("#calc-gonghuibao-person-age-error");
    await expect.poll(() => error.innerText()).toBe("person.age: must be an integer from 0 to 120 (years, whole years of age)");
    expect(await page.getAttribute("#calc-gonghuibao-person-age", "aria-invalid")).toBe("true");
    expect(await page.locator(".payout").count()).toBe(0);
    expect(await visibleText(page)).not.toMatch(/NaN/);
    await page.fill("#calc-gonghuibao-claim-inCatalogSelfPay", "abc");
    await expect.poll(() => page.locator("#calc-gonghuibao-claim-inCatalogSelfPay-error").innerText()).toContain("claim.inCatalogSelfPay: must be an amount in 元 from 0 to 100000000");
    expect(await visibleText(page)).not.toMatch(/NaN/);
    // Fixing both brings the answers back (and leaves the page at the worked example again).
    await page.fill("#calc-gonghuibao-person-age", "40");
    await page.fill("#calc-gonghuibao-claim-inCatalogSelfPay", "32200");
    await expect.poll(() => page.locator(".payout").innerText()).toBe("363275 元");
  });

  it("recomputes when an input changes, and the permalink restores the same numbers", async () => {
    const page = shared();
    // (500000 − 20000) × 75% = 360000; + (32200 − 20000) × 100% = 12200 → 372200
    await page.fill("#calc-gonghuibao-claim-outOfCatalogSelfPay", "500000");
    await expect.poll(() => page.locator(".payout").innerText()).toBe("372200 元");
    // Bank card holder: 68 − 30 = 38 元 for the insured.
    await page.check("#calc-gonghuibao-person-bankOfNingboCardHolder");
    await expect.poll(() => page.locator(".premium-table").innerText()).toContain("38 元");
    const url = page.url();
    expect(url).toContain("claim.outOfCatalogSelfPay=500000");
    expect(url).toContain("person.bankOfNingboCardHolder=true");
    const again = await open(url.replace(site.origin, ""));
    try {
      expect(await again.locator(".payout").innerText()).toBe("372200 元");
      expect(await again.inputValue("#calc-gonghuibao-claim-outOfCatalogSelfPay")).toBe("500000");
      expect(await again.locator(".premium-table").innerText()).toContain("38 元");
    } finally {
      await again.context().close();
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

describe("single-type WII", () => {
  const shared = sharedPage("/schemes/single-type-wii");

  it("first-order rule: makes the platform whose order was accepted first liable, and follows the injury time in the link", async () => {
    // 12:30: orders of A (12:03) and B (12:15) active → A.
    expect(await shared().locator(".interpretation strong").innerText()).toContain("最先接单(12:03)的平台甲");
    const later = await open("/schemes/single-type-wii?injuryAt=12:52");
    try {
      // 12:52: B (12:15) and C (12:50) active → B.
      expect(await later.locator(".interpretation strong").innerText()).toContain("最先接单(12:15)的平台乙");
    } finally {
      await later.context().close();
    }
  });

  it("calculator: starts from a determined injury: medical 20000 + grade 9 × 9 months × 7000 + 80 % leaving the job × 4 months × 7000 (Zhejiang medical lump sum) = 105400 元", async () => {
    const page = shared();
    expect(await page.isChecked("#calc-single-type-wii-claim-injuryDetermined")).toBe(true);
    // 20000 + 63000 + 0.8 × 4 × 7000 = 105400; the employer-paid employment lump sum is not in the payout
    expect(await page.locator(".payout").innerText()).toBe("105400 元");
    await page.uncheck("#calc-single-type-wii-claim-injuryDetermined");
    await expect.poll(() => page.locator(".payout").innerText()).toBe("0 元");
  });
});
