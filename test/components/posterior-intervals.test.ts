/**
 * The calibration page's observation-model labels in Chinese: every form observationText
 * (src/sim/posterior/observation.ts) writes comes out without English words, the numbers kept.
 */
import { describe, expect, it } from "vitest";
import { observationLabel } from "../../src/components/posterior-intervals.js";
import { observationText, type Observation } from "../../src/sim/posterior/observation.js";

const forms: [Observation, string][] = [
  [{ model: "relative", sigma: 0.05, source: "secondary" } as Observation, "二手来源，σ 5 %"],
  [{ model: "relative", sigma: 0.02, source: "primary" } as Observation, "相对误差 σ 2 %"],
  [{ model: "rounded", unit: 10000, sigma: 0.005, transfer: 0.02 } as Observation, "取整到 10000，σ 0.5 %，转用误差 σ 2 %"],
  [{ model: "ceiling", sigma: 0.01 } as Observation, "上限，σ 1 %"],
  [{ model: "floor", sigma: 0.005 } as Observation, "下限，σ 0.5 %"],
  [{ model: "mean", n: 577, cv: 1.31 } as Observation, "577 人的均值，变异系数 1.31"],
  [{ model: "count" } as Observation, "泊松计数"],
];

describe("observationLabel", () => {
  for (const [obs, zh] of forms) {
    it(`${obs.model}: ${zh}`, () => {
      expect(observationLabel(observationText(obs), "zh")).toBe(zh);
      expect(observationLabel(observationText(obs), "en")).toBe(observationText(obs));
    });
  }
});

describe("clipLabel", () => {
  it("keeps a label that fits, cuts one that does not with an ellipsis, counting a Chinese character as a whole em", async () => {
    const { clipLabel } = await import("../../src/components/posterior-intervals.js");
    // 10 Latin characters at 0.62 em and 10 px type: 62 px.
    expect(clipLabel("abcdefghij", 62, 10)).toBe("abcdefghij");
    expect(clipLabel("abcdefghij", 50, 10)).toBe("abcdefg…");
    // 5 Chinese characters: 50 px at 10 px type.
    expect(clipLabel("职业伤害保", 50, 10)).toBe("职业伤害保");
    expect(clipLabel("职业伤害保障", 50, 10)).toBe("职业伤害…");
  });
});
