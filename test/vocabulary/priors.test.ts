import { describe, expect, it } from "vitest";
import { DISTRIBUTIONS, lognormalMedian, priorControl, priorRange, priorText, recentred } from "../../src/vocabulary/priors.js";

describe("prior text", () => {
  it("names each distribution and its parameters in both languages", () => {
    expect(priorText({ dist: "triangular", min: 0.8, mode: 1, max: 1 }, "en")).toBe("triangular(min 0.8, mode 1, max 1)");
    expect(priorText({ dist: "triangular", min: 0.8, mode: 1, max: 1 }, "zh")).toBe("三角分布(最小 0.8，众数 1，最大 1)");
    expect(priorText({ dist: "lognormal", median: 0.24398655, sigma: 0.15 }, "en")).toBe("lognormal(median 0.244, σ 0.15)");
    expect(priorText({ dist: "lognormal", mean: 2000, sigma: 1 }, "zh")).toBe("对数正态分布(均值 2000，σ 1)");
    expect(priorText({ dist: "beta", alpha: 8, beta: 12 }, "zh")).toBe("贝塔分布(α 8，β 12)");
    expect(priorText({ dist: "uniform", min: -1.066288, max: 0.933712 }, "en")).toBe("uniform(min -1.066, max 0.9337)");
    expect(priorText({ dist: "fixed" }, "zh")).toBe("固定(模拟中不抽样)");
  });
  it("every distribution has a Chinese and an English description", () => {
    for (const d of Object.values(DISTRIBUTIONS)) {
      expect(d.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.description.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("a lognormal given by its mean has the median mean·e^(−σ²/2)", () => {
    expect(lognormalMedian({ mean: 1, sigma: 1 })).toBeCloseTo(0.6065306597, 9);
  });
});

describe("prior controls", () => {
  it("a share (beta prior) is set in percent, 0–100 by 0.1 point", () => {
    const c = priorControl({ dist: "beta", alpha: 85, beta: 15 }, 0.8509);
    expect(c.display).toBe("percent");
    expect(c.suffix).toBe("%");
    expect([c.min, c.max]).toEqual([0, 100]);
    expect(c.slider).toEqual({ min: 0, max: 100, step: 0.1 });
    expect(c.toDisplay(0.5)).toBe(50);
    expect(c.fromDisplay(50)).toBe(0.5);
  });
  it("a take-up logit is shown as the share it gives, in percent", () => {
    const c = priorControl({ dist: "uniform", min: -1, max: 1 }, 0, "logit");
    expect(c.toDisplay(0)).toBe(50);
    expect(c.min).toBeCloseTo(26.894142, 5); // 100 / (1 + e)
    expect(c.max).toBeCloseTo(73.105858, 5);
    expect(c.fromDisplay(c.toDisplay(0.7))).toBeCloseTo(0.7, 12);
  });
  it("a lognormal moves in equal ratios over median·e^(±3σ)", () => {
    const c = priorControl({ dist: "lognormal", median: 1, sigma: 0.5 }, 1);
    expect(c.scale).toBe("log");
    expect(c.min).toBeCloseTo(Math.exp(-1.5), 12);
    expect(c.max).toBeCloseTo(Math.exp(1.5), 12);
    expect(c.slider.min).toBeCloseTo(-1.5, 12);
    expect(c.fromSlider(c.toSlider(2))).toBeCloseTo(2, 12);
  });
  it("a fixed value gets ×½…×2; uniform and triangular their support", () => {
    expect(priorRange({ dist: "fixed" }, 4)).toEqual([2, 8]);
    expect(priorRange({ dist: "fixed" }, -4)).toEqual([-8, -2]);
    expect(priorRange({ dist: "triangular", min: 0.8, mode: 1, max: 1.2 }, 1)).toEqual([0.8, 1.2]);
  });
  it("moving the point value re-centres the prior", () => {
    expect(recentred({ dist: "lognormal", median: 2, sigma: 0.3 }, 2, 3)).toEqual({ dist: "lognormal", median: 3, sigma: 0.3 });
    expect(recentred({ dist: "lognormal", mean: 2, sigma: 0.3 }, 2, 3)).toEqual({ dist: "lognormal", mean: 3, sigma: 0.3 });
    expect(recentred({ dist: "uniform", min: 1, max: 3 }, 2, 2.5)).toEqual({ dist: "uniform", min: 1.5, max: 3.5 });
    expect(recentred({ dist: "beta", alpha: 8, beta: 12 }, 0.4, 0.5)).toEqual({ dist: "beta", alpha: 10, beta: 10 });
  });
});
