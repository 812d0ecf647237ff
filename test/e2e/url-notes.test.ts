/**
 * Invalid URL state never falls back silently: each bad value gets a visible one-line note beside
 * its control naming the parameter, the bad value, what is allowed and what is used instead — in
 * Chinese on a Chinese page and in English on an English one — and the page runs with the value
 * the note names (a bad seed is the scenario's seed, never 0).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { problems, useBuiltSite, SCREENSHOT_DIR } from "./browser.js";

const site = useBuiltSite();

beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

async function open(path: string, width = 1280, waitFor?: string): Promise<Page> {
  const report = await site.check(path, { width, timeout: 120_000, ...(waitFor ? { waitFor } : {}) });
  expect(problems(report)).toEqual([]);
  return report.page;
}

/** The visible text of an element (hidden language spans excluded). */
const visible = (page: Page, selector: string) => page.locator(selector).first().innerText();

const gonghuibaoSeed = JSON.parse(readFileSync("simulations/scenarios/ningbo-gonghuibao-2020.json", "utf-8")).seed as number;

describe("URL state notes", () => {
  it("a scheme page's scenario panel: s.seed=abc, s.reps=-1 and s.unc=maybe are named beside the run controls, and the run uses the scenario's seed", async () => {
    for (const [lang, width] of [["zh", 1280], ["en", 390]] as const) {
      const page = await open(`/schemes/gonghuibao?s.seed=abc&s.reps=-1&s.unc=maybe&lang=${lang}`, width, ".scenario-progress.done");
      try {
        const note = await visible(page, ".scenario-run + .url-notes");
        if (lang === "zh") {
          expect(note).toContain(`链接参数 s.seed="abc" 不是不小于 0 的整数；已改用默认值 ${gonghuibaoSeed}`);
          expect(note).toContain('链接参数 s.reps="-1" 不是200、1000、5000、20000 之一；已改用默认值 1000');
          expect(note).toContain('链接参数 s.unc="maybe" 不是0 或 1；已改用默认值 1');
          expect(note).not.toMatch(/URL parameter|using|default|whole number/);
        } else {
          expect(note).toContain(`URL parameter s.seed="abc" is not a whole number ≥ 0; using the default ${gonghuibaoSeed}`);
          expect(note).toContain('URL parameter s.reps="-1" is not one of 200, 1000, 5000, 20000; using the default 1000');
          expect(note).not.toMatch(/[\u4e00-\u9fff]/);
        }
        expect(await page.inputValue("#s-seed")).toBe(String(gonghuibaoSeed));
        expect(await page.inputValue("#s-reps")).toBe("1000");
        const command = await page.locator(".scenario-reproduce code").first().textContent();
        expect(command).toContain(`--seed ${gonghuibaoSeed}`);
        expect(command).not.toContain("--seed 0");
        await page.locator(".scenario-run").scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENSHOT_DIR}/url-note-scenario.${lang}.${width === 390 ? "phone" : "desktop"}.png` });
        // An emptied seed box is an error beside it, not seed 0.
        await page.fill("#s-seed", "");
        await expect.poll(() => visible(page, ".scenario-run .input-error")).toMatch(lang === "zh" ? /种子须为非负整数/ : /the seed must be a whole number/);
      } finally {
        await page.context().close();
      }
    }
  });

  it("lang=xx is named atop the page, with the language used instead; picking a language clears it", async () => {
    const page = await open("/methods?lang=xx");
    try {
      const note = await visible(page, ".lang-note");
      expect(note).toBe('链接参数 lang="xx" 不是 zh 或 en；已改用 zh');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/url-note-lang.zh.desktop.png` });
      await page.click("button[data-set-lang='en']");
      await expect.poll(() => page.locator(".lang-note").count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it("unknown compare ids and an unknown premium-lab id are named beside the selects", async () => {
    const compare = await open("/compare?c.scenario=nope&c.a=bogus&lang=en", 1280, ".url-notes");
    try {
      const note = await visible(compare, ".url-notes");
      expect(note).toMatch(/URL parameter c\.scenario="nope" is not one of .*; using national-new-form-workers instead/);
      expect(note).toMatch(/URL parameter c\.a="bogus" is not one of .*; using \S+ instead/);
    } finally {
      await compare.context().close();
    }
    const lab = await open("/premium-lab?lab=nope/none", 390, ".url-notes");
    try {
      const note = await visible(lab, ".url-notes");
      expect(note).toMatch(/^链接参数 lab="nope\/none" 不是选择框中列出的 \d+ 个值之一；已改用 \S+\/\S+$/);
      await lab.locator(".url-notes").scrollIntoViewIfNeeded();
      await lab.screenshot({ path: `${SCREENSHOT_DIR}/url-note-lab.zh.phone.png` });
    } finally {
      await lab.context().close();
    }
  });
});
