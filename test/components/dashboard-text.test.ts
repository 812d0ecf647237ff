/**
 * Issue 15's plain-word helpers: assumption labels without "logit", the overview's baseline rows
 * (platform and employer contributions are not subsidies; scenario titles, not ids) and the
 * scenario title cut for selects.
 */
import { describe, expect, it } from "vitest";
import { assumptionQuantity, plainLabel } from "../../src/components/assumption-labels.js";
import { baselineRows, shortTitle, type ScenarioBrief } from "../../src/components/baseline-table.js";
import { metricLabel } from "../../src/components/compare.js";

describe("assumption labels", () => {
  it("names the take-up intercept in plain words, the logit only in the note", () => {
    const zh = plainLabel("takeup.intercept", { zh: "自愿参保的基准倾向(logit 截距)", en: "baseline propensity (take-up logit intercept)" }, "zh");
    expect(zh.label).toBe("基准人群的参保率");
    expect(zh.label).not.toMatch(/logit/i);
    expect(zh.note).toMatch(/logit/);
    expect(plainLabel("price.elasticity", undefined, "en").label).toBe("price sensitivity");
    expect(plainLabel("freq.delivery", undefined, "zh").label).toBe("出险频率：外卖骑手");
  });

  it("keeps a scenario's own plain label, and falls back to the name", () => {
    expect(plainLabel("freq.elders", { zh: "高龄老人年住院次数", en: "hospital episodes per 80+ enrollee a year" }, "zh").label).toBe("高龄老人年住院次数");
    expect(plainLabel("something.new", undefined, "zh").label).toBe("something.new");
  });
});

describe("assumption controls", () => {
  it("sets shares and the take-up intercept in percent, logit shifts and frequencies as numbers", () => {
    expect(assumptionQuantity("takeup.pilot", { dist: "beta", alpha: 85, beta: 15 }, 0.85)).toBe("share");
    expect(assumptionQuantity("takeup.special", { dist: "uniform", min: 0.18, max: 0.3 }, 0.24)).toBe("share");
    expect(assumptionQuantity("takeup.intercept", { dist: "uniform", min: -1.07, max: 0.93 }, -0.07)).toBe("logit");
    expect(assumptionQuantity("takeup.over50", { dist: "fixed" }, -0.4)).toBe("number");
    expect(assumptionQuantity("w.death", { dist: "fixed" }, 0.004)).toBe("share");
    expect(assumptionQuantity("freq.elders", { dist: "lognormal", median: 0.24, sigma: 0.15 }, 0.24)).toBe("number");
    // A "share" whose fixed ×½…×2 range leaves 0–1 stays a number.
    expect(assumptionQuantity("admin", { dist: "fixed" }, 0.6)).toBe("number");
  });
});

describe("overview baseline rows", () => {
  const brief: ScenarioBrief = {
    id: "national-new-form-workers",
    file: "national-new-form-workers.json",
    title: { zh: "全国 8400 万新就业形态劳动者：三种做法", en: "84 M new-form workers: three options" },
    options: [{ id: "mandatory", label: { zh: "强制方案", en: "mandatory" }, scheme: "platform-injury-mandatory" }],
    last: [
      {
        option: "mandatory",
        year: 1,
        payers: ["budget", "platform"],
        pAbove1: 0.1,
        metrics: {
          enrolled: { mean: 100, q05: 90, q95: 110 },
          subsidy_budget: { mean: 30, q05: 0, q95: 0 },
          subsidy_platform: { mean: 500, q05: 0, q95: 0 },
          lossRatio: { mean: 0.8, q05: 0.6, q95: 1.1 },
        },
      },
    ],
  };

  it("counts only third-party money as subsidies; the platform's premium is a contribution", () => {
    const [row] = baselineRows([brief], "zh");
    expect(row!.subsidies).toBe(30);
    expect(row!.contributions).toBe(500);
    expect(row!.scenarioTitle).toBe("全国 8400 万新就业形态劳动者：三种做法");
    expect(row!.option).toBe("强制方案");
  });

  it("cuts a title at its first colon for selects", () => {
    expect(shortTitle(brief.title, "zh")).toBe("全国 8400 万新就业形态劳动者");
    expect(shortTitle(brief.title, "en")).toBe("84 M new-form workers");
  });
});

describe("compare metric labels", () => {
  it("names payers in the page's language and never calls a platform's premium a subsidy", () => {
    expect(metricLabel("subsidy_platform", "zh")).toBe("平台缴费(元)");
    expect(metricLabel("subsidy_budget", "zh")).toBe("财政补贴(元)");
    expect(metricLabel("subsidy_platform", "en")).not.toMatch(/subsid/);
  });
});

describe("SQL result cells", () => {
  it("shows ratios as percentages and large amounts in 万, never 0.312 or raw yuan", async () => {
    const { columnFormat } = await import("../../src/components/sql-console.js");
    const f = columnFormat(["mean_loss_ratio", "budget", "year", "q05"], "zh");
    expect(f["mean_loss_ratio"]!(0.312)).toBe("31.2 %");
    expect(f["q05"]!(0.05)).toBe("5.0 %");
    expect(f["budget"]!(12345678)).toBe("1234.57万");
    expect(f["year"]!(2)).toBe("2");
  });
  it("names units in the page's language", async () => {
    const { columnFormat } = await import("../../src/components/sql-console.js");
    expect(columnFormat(["unit"], "zh")["unit"]!("元/year")).toBe("元/年");
    expect(columnFormat(["unit"], "zh")["unit"]!("share")).toBe("比例");
    expect(columnFormat(["unit"], "en")["unit"]!("persons")).toBe("persons");
  });
});
