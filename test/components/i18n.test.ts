import { describe, expect, it } from "vitest";
import { errorParts, formatAmount, formatShare, formatYuan, grouped, parseLang, resolveLang, t } from "../../src/components/i18n.js";

describe("formatAmount (the vocabulary's compact formatter)", () => {
  it("zh: 万 from 10^4, 亿 from 10^8, at most 2 decimals, trailing zeros dropped", () => {
    expect(formatAmount(12_345_700, "zh")).toBe("1234.57万");
    expect(formatAmount(320_000_000, "zh")).toBe("3.2亿");
    expect(formatAmount(84_000_000, "zh")).toBe("8400万");
    expect(formatAmount(6_680_000, "zh")).toBe("668万");
    expect(formatAmount(363_275, "zh")).toBe("36.33万"); // 36.3275 → 36.33
    expect(formatAmount(10_000, "zh")).toBe("1万");
    expect(formatAmount(9_999, "zh")).toBe("9999");
    expect(formatAmount(0.6, "zh")).toBe("0.6");
    expect(formatAmount(-250_000, "zh")).toBe("-25万");
    expect(formatAmount(100_000_000, "zh")).toBe("1亿");
  });
  it("en: M from 10^6, B from 10^9, thousands separators below", () => {
    expect(formatAmount(12_345_700, "en")).toBe("12.35M");
    expect(formatAmount(84_000_000, "en")).toBe("84M");
    expect(formatAmount(3_200_000_000, "en")).toBe("3.2B");
    expect(formatAmount(363_275, "en")).toBe("363,275");
    expect(formatAmount(1_234.5, "en")).toBe("1,234.5");
    expect(formatAmount(999_999, "en")).toBe("999,999");
    expect(formatAmount(0, "en")).toBe("0");
  });
  it("never prints NaN", () => {
    expect(formatAmount(Number.NaN, "zh")).toBe("—");
    expect(formatAmount(Infinity, "en")).toBe("—");
    expect(formatYuan(Number.NaN, "zh")).toBe("—");
    expect(formatShare(Number.NaN)).toBe("—");
  });
});

describe("exact money and shares", () => {
  it("formatYuan keeps every fen", () => {
    expect(formatYuan(363_275, "zh")).toBe("363275 元");
    expect(formatYuan(363_275, "en")).toBe("363,275 yuan");
    expect(formatYuan(1.5, "zh")).toBe("1.5 元");
    expect(formatYuan(-0, "zh")).toBe("0 元");
    expect(formatYuan(1234567.891, "en")).toBe("1,234,567.89 yuan");
  });
  it("formatShare", () => {
    expect(formatShare(0.75)).toBe("75%");
    expect(formatShare(0.004)).toBe("0.4%");
    expect(formatShare(1)).toBe("100%");
  });
  it("grouped", () => {
    expect(grouped(1_000_000)).toBe("1,000,000");
  });
});

describe("t and the language choice", () => {
  it("t picks the language", () => {
    expect(t({ zh: "保费", en: "premium" }, "zh")).toBe("保费");
    expect(t({ zh: "保费", en: "premium" }, "en")).toBe("premium");
    // Outside a browser the current language is the default, Chinese.
    expect(t({ zh: "保费", en: "premium" })).toBe("保费");
  });
  it("parseLang accepts zh, zh-CN and en only", () => {
    expect(parseLang("en")).toBe("en");
    expect(parseLang("zh")).toBe("zh");
    expect(parseLang("zh-CN")).toBe("zh");
    expect(parseLang("fr")).toBeNull();
    expect(parseLang(null)).toBeNull();
  });
  it("the URL wins over the stored choice, which wins over Chinese", () => {
    expect(resolveLang("?lang=en", "zh")).toBe("en");
    expect(resolveLang("?lang=zh", "en")).toBe("zh");
    expect(resolveLang("", "en")).toBe("en");
    expect(resolveLang("?lang=xx", null)).toBe("zh");
    expect(resolveLang("?a=1", null)).toBe("zh");
  });
});

describe("errorParts (a technical message on a page)", () => {
  const message = "scenario.assumptions.admin.value: must be between 0 and 1, got 1.5";
  it("en: the message as it is", () => {
    expect(errorParts(message, "en")).toEqual({ lead: "", field: null, detail: message, title: message });
  });
  it("zh: a Chinese lead-in and the field; the English detail only in the tooltip", () => {
    const p = errorParts(message, "zh");
    expect(p.field).toBe("scenario.assumptions.admin.value");
    expect(p.lead).toMatch(/^输入有误/);
    expect(p.detail).toBe("");
    expect(p.title).toBe(message);
    expect(`${p.lead}${p.detail}`).not.toMatch(/[A-Za-z]{3,}/);
  });
  it("zh: a message without a field (an engine failure) still gets a Chinese sentence", () => {
    const p = errorParts("worker crashed", "zh");
    expect(p.field).toBeNull();
    expect(p.lead).toMatch(/^模拟未能完成/);
    expect(p.title).toBe("worker crashed");
  });
});
