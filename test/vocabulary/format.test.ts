import { describe, expect, it } from "vitest";
import { formatCompact, formatExact, formatInUnit, formatPercent, formatYuan, grouped } from "../../src/vocabulary/format.js";
import { parseUnit, unitName, UNITS } from "../../src/vocabulary/units.js";

describe("formatCompact: 万/亿 in Chinese, M/B in English", () => {
  it("zh-CN", () => {
    expect(formatCompact(84_000_000, "zh")).toBe("8400万");
    expect(formatCompact(11_184_000_000, "zh")).toBe("111.84亿");
    expect(formatCompact(6_680_000, "zh")).toBe("668万");
    expect(formatCompact(363_275, "zh")).toBe("36.33万");
    expect(formatCompact(12_345_700, "zh")).toBe("1234.57万");
    expect(formatCompact(10_000, "zh")).toBe("1万");
    expect(formatCompact(9_999, "zh")).toBe("9999");
    expect(formatCompact(100_000_000, "zh")).toBe("1亿");
    expect(formatCompact(-250_000, "zh")).toBe("-25万");
    expect(formatCompact(0.6, "zh")).toBe("0.6");
    expect(formatCompact(-0, "zh")).toBe("0");
  });
  it("en: M and B from a million, separators below", () => {
    expect(formatCompact(84_000_000, "en")).toBe("84M");
    expect(formatCompact(12_345_700, "en")).toBe("12.35M");
    expect(formatCompact(3_200_000_000, "en")).toBe("3.2B");
    expect(formatCompact(363_275, "en")).toBe("363,275");
    expect(formatCompact(1_234.5, "en")).toBe("1,234.5");
    expect(formatCompact(0, "en")).toBe("0");
  });
  it("never NaN", () => {
    for (const v of [Number.NaN, Infinity, -Infinity]) {
      expect(formatCompact(v, "zh")).toBe("—");
      expect(formatInUnit(v, "CNY", "en")).toBe("—");
      expect(formatPercent(v)).toBe("—");
    }
  });
});

describe("exact numbers", () => {
  it("zh without separators, en with", () => {
    expect(formatExact(363_275, "zh")).toBe("363275");
    expect(formatExact(363_275, "en")).toBe("363,275");
    expect(formatExact(1234567.891, "en")).toBe("1,234,567.89");
    expect(grouped(1_000_000)).toBe("1,000,000");
    expect(formatYuan(363_275, "zh")).toBe("363275 元");
    expect(formatYuan(363_275, "en")).toBe("363,275 yuan");
    expect(formatYuan(-0, "zh")).toBe("0 元");
  });
});

describe("one formatter per unit", () => {
  it("money, exact and compact", () => {
    expect(formatInUnit(68, "CNY/year", "zh")).toBe("68 元/年");
    expect(formatInUnit(68, "CNY/year", "en")).toBe("68 yuan/year");
    expect(formatInUnit(0.6, "CNY/day", "zh")).toBe("0.6 元/天");
    expect(formatInUnit(84_000_000, "CNY", "zh", { compact: true })).toBe("8400万元");
    expect(formatInUnit(84_000_000, "CNY", "en", { compact: true })).toBe("84M yuan");
    expect(formatInUnit(5_000, "CNY", "zh", { compact: true })).toBe("5000 元");
  });
  it("shares as percentages, counts, durations, multiples", () => {
    expect(formatInUnit(0.75, "share", "zh")).toBe("75%");
    expect(formatInUnit(0.004, "share", "en")).toBe("0.4%");
    expect(formatInUnit(6_680_000, "persons", "zh", { compact: true })).toBe("668万人");
    expect(formatInUnit(6_680_000, "persons", "en", { compact: true })).toBe("6.68M persons");
    expect(formatInUnit(3, "years", "zh")).toBe("3 年");
    expect(formatInUnit(4, "months", "en")).toBe("4 months");
    expect(formatInUnit(1.5, "multiple", "zh")).toBe("1.5 倍");
    expect(formatInUnit(1.5, "multiple", "en")).toBe("1.5×");
  });
  it("unit names in each language; data files' spellings are read", () => {
    expect(unitName("CNY/year", "zh")).toBe("元/年");
    expect(unitName("share", "zh")).toBe("比例");
    expect(unitName("share", "en")).toBe("share");
    expect(unitName("元/year", "zh")).toBe("元/年");
    expect(unitName("元", "en")).toBe("yuan");
    expect(unitName("furlongs", "zh")).toBe("furlongs");
    expect(parseUnit("persons")).toBe("persons");
    // Every unit has a Chinese name with no Latin letters.
    for (const u of UNITS) expect(unitName(u, "zh")).not.toMatch(/[A-Za-z]/);
  });
});
