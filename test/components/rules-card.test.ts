import { describe, expect, it } from "vitest";
import { formatValue, priorText, versionPeriods } from "../../src/components/rules-card.js";
import { getScheme } from "../../src/schemes/index.js";

describe("rules card helpers", () => {
  it("formats values exactly with units (zh adds the 万 reading)", () => {
    expect(formatValue(0.75, "share", "zh")).toBe("75%");
    expect(formatValue(68, "CNY/year", "zh")).toBe("68 元/年");
    expect(formatValue(68, "CNY/year", "en")).toBe("68 yuan/year");
    expect(formatValue(2_000_000, "CNY", "zh")).toBe("2000000 元 (200万)");
    expect(formatValue(2_000_000, "CNY", "en")).toBe("2,000,000 yuan (2M)");
    expect(formatValue(12_000, "CNY", "en")).toBe("12,000 yuan");
    expect(formatValue(1.5, "multiple", "en")).toBe("1.5×");
    expect(formatValue(0.123456, "share", "en")).toBe("12.3456%");
    expect(formatValue(0.6, "CNY/day", "zh")).toBe("0.6 元/天");
    expect(formatValue(Number.NaN, "CNY", "zh")).toBe("—");
  });
  it("priors as text", () => {
    expect(priorText({ dist: "triangular", min: 0.8, mode: 1, max: 1 }, "en")).toBe("triangular(min 0.8, mode 1, max 1)");
    expect(priorText({ dist: "fixed" }, "zh")).toBe("固定(模拟中不抽样)");
    expect(priorText({ dist: "triangular", min: 0.8, mode: 1, max: 1 }, "zh")).toBe("三角分布(最小 0.8，众数 1，最大 1)");
  });
  it("periods: each version runs to the day before the next", () => {
    const p = getScheme("tianyi-yongningbao").parameters.all.find((x) => x.versions.length > 1)!;
    const periods = versionPeriods(p);
    expect(periods[0]!.until).toBe("2023-12-31");
    expect(periods[1]!.from).toBe("2024-01-01");
    expect(periods.at(-1)!.until).toBeNull();
  });
});
