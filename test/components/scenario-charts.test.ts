/**
 * The scheme pages' answer figures (src/components/scenario-charts.ts: headlineFigures): the first
 * option's last year only, subsidies without what platforms and employers pay for their own
 * workers, P(loss ratio > 100 %) over the replicates with a loss ratio. Expected values by hand.
 */
import { describe, expect, it } from "vitest";
import { headlineFigures } from "../../src/components/scenario-charts.js";
import type { ReplicateRow } from "../../src/sim/ledger.js";

const subsidies = (s: Partial<Record<string, number>>) => ({ budget: 0, bank: 0, employer: 0, town: 0, platform: 0, union: 0, chamber: 0, collective: 0, association: 0, ...s });
const row = (option: string, year: number, enrolled: number, lossRatio: number | null, s: Partial<Record<string, number>> = {}) =>
  ({ option, year, enrolled, coverage: enrolled / 1000, lossRatio, subsidies: subsidies(s) }) as unknown as ReplicateRow;
const options = [{ id: "a", label: { zh: "甲", en: "A" } }, { id: "b", label: "B" }];

describe("headline figures", () => {
  it("takes the first option's last year, and counts budget and bank but not platform or employer money as subsidy", () => {
    const rows = [
      row("a", 1, 999, 9, { budget: 999 }), // an earlier year: not in the headline
      row("a", 2, 100, 0.5, { budget: 10, platform: 1000 }),
      row("a", 2, 200, 1.5, { bank: 30, employer: 1000 }),
      row("a", 2, 300, null, { budget: 20 }),
      row("b", 2, 5000, 2, { budget: 5000 }), // the second option: not in the headline
    ];
    const f = headlineFigures(rows, options)!;
    expect(f.year).toBe(2);
    expect(f.replicates).toBe(3);
    expect(f.enrolled.mean).toBe(200); // (100 + 200 + 300) / 3
    expect(f.coverage.mean).toBeCloseTo(0.2, 12);
    expect(f.lossRatio.mean).toBe(1); // (0.5 + 1.5) / 2, the null skipped
    expect(f.lossRatio.n).toBe(2);
    expect(f.pAbove1).toBe(0.5); // 1 of the 2 with a loss ratio
    expect(f.subsidy.mean).toBe(20); // (10 + 30 + 20) / 3: platform and employer money left out
    expect(f.subsidy.max).toBe(30);
  });

  it("is null before the first option has rows", () => {
    expect(headlineFigures([], options)).toBeNull();
    expect(headlineFigures([row("b", 1, 1, 1)], options)).toBeNull();
    expect(headlineFigures([row("a", 1, 1, 1)], [])).toBeNull();
  });
});
