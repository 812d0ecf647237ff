// @vitest-environment jsdom
/**
 * The rules card's sources in the card's language (issue 15, both languages complete): a
 * regulation is its Chinese title — marked lang="zh" in English, with the English gloss — and a
 * seed line's quotation is the source's Chinese, marked lang="zh" in English.
 */
import { describe, expect, it } from "vitest";
import { rulesCard } from "../../src/components/rules-card.js";
import { getScheme } from "../../src/schemes/index.js";

describe("rules card: sources in the card's language", () => {
  const card = (id: string, lang: "zh" | "en") => rulesCard(getScheme(id), "2024-06-01", lang);
  it("a regulation: title and English gloss in English, the title alone in Chinese", () => {
    const en = card("single-type-wii", "en").querySelector(".reference-regulation")!;
    expect(en.querySelector("cite")!.getAttribute("lang")).toBe("zh");
    expect(en.querySelector("cite")!.textContent).toBe("人社部发〔2015〕71号");
    expect(en.textContent).toMatch(/^人社部发〔2015〕71号 \(industry work-injury risk classes\) — class \d: national base rate about [\d.]+ % of payroll$/);
    const zh = card("single-type-wii", "zh").querySelector(".reference-regulation")!;
    expect(zh.querySelector("cite")!.hasAttribute("lang")).toBe(false);
    expect(zh.textContent).toMatch(/^人社部发〔2015〕71号 — 第 \d 类：全国基准费率约为工资总额的 [\d.]+ %$/);
  });
  it("a seed quotation is marked Chinese in English, left as it is in Chinese", () => {
    const q = (lang: "zh" | "en") => card("gonghuibao", lang).querySelector(".reference-seed q")!;
    expect(q("en").getAttribute("lang")).toBe("zh");
    expect(q("en").textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(q("zh").hasAttribute("lang")).toBe(false);
  });
});
