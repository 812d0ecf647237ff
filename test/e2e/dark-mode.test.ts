/**
 * Text contrast in both colour schemes (issue 15: light and dark pages, colour-blind-safe and
 * readable). Each page is loaded once and checked in the light scheme, then switched to the dark
 * one (prefers-color-scheme, emulated): every visible HTML text in the main column, the sidebar
 * and the table of contents has a WCAG 2 contrast ratio of at least 4.5 against its background
 * (lowContrastTexts in readability.ts). Chart text is not checked here (its background is a mark).
 */
import { describe, expect, it } from "vitest";
import { problems, useBuiltSite } from "./browser.js";
import { lowContrastTexts } from "./readability.js";

const site = useBuiltSite();
const PAGES = ["/", "/schemes/platform-injury-mandatory", "/schemes/gonghuibao", "/national", "/calibration", "/methods"];
const AA = 4.5;

describe("text contrast, light and dark", () => {
  for (const path of PAGES) {
    it(`${path}: every text ≥ ${AA}:1 on its background in both schemes`, async () => {
      const report = await site.check(path);
      const page = report.page;
      try {
        expect(problems(report)).toEqual([]);
        const light = await lowContrastTexts(page, AA);
        await page.emulateMedia({ colorScheme: "dark" });
        await page.waitForFunction(() => matchMedia("(prefers-color-scheme: dark)").matches);
        const dark = await lowContrastTexts(page, AA);
        expect({ light: light.slice(0, 5), dark: dark.slice(0, 5) }).toEqual({ light: [], dark: [] });
      } finally {
        await page.context().close();
      }
    }, 300_000);
  }
});
