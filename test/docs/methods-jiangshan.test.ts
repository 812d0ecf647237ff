/**
 * Issue 12 item 7: the methods called Jiangshan's loss ratio near 0.88 something that "arises
 * without being fitted"; it is the product of two calibration targets (claimants × mean payout)
 * divided by a sourced premium. The methods (en and zh) must say so, with the arithmetic of the
 * figures in data/figures.csv, and not claim it as independent evidence.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figure } from "../../src/figures/figures.js";
import { readFigures } from "../../src/figures/read-figures.js";

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf-8").replace(/\s+/g, " ");
const figures = readFigures();
// The reported 2023 year: 142 claimants × 2256 元 against 3732 elders × the 100 元 premium.
const claimants = figure(figures, "jiangshan.claimants_town_paid").value;
const mean = figure(figures, "jiangshan.mean_payout_town_paid").value;
const premium = figure(figures, "jiangshan.elders_enrolled_2023").value * figure(figures, "ningbo.tianyi.adult_premium_2024").value;

describe("the methods on Jiangshan's loss ratio", () => {
  it("the figures give 142 × 2256 / 37.32 万 = 0.86", () => {
    expect([claimants, mean, premium]).toEqual([142, 2256, 373200]);
    expect(((claimants * mean) / premium).toFixed(2)).toBe("0.86");
  });

  for (const [name, product] of [["methods.md", /142 × 2256 元 \/ 37\.32 万 = 0\.86/], ["methods.zh.md", /142 × 2256 元 \/ 37\.32 万 = 0\.86/]] as const) {
    it(`${name}: the product of two calibration targets, not a result that arises unfitted`, () => {
      const text = doc(name);
      expect(text).toMatch(product);
      expect(text).not.toMatch(/without being fitted|arises without|未经拟合|自然得出/);
    });
  }
});
