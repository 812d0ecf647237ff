/** Single-type WII: cover in calendar months, and no benefit when the person is not covered. */
import { describe, expect, it } from "vitest";
import { coverUntil, singleTypeWii as s } from "../../src/rules/single-type-wii.js";

describe("cover of N months is N calendar months, not 30-day blocks", () => {
  it.each([
    ["2024-01-15", 12, "2025-01-14"], // was 2025-01-08 (360 days)
    ["2024-01-01", 12, "2024-12-31"],
    ["2024-01-15", 1, "2024-02-14"],
    ["2024-01-31", 1, "2024-02-29"], // no 31 February: the month's last day (民法典 art. 203)
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-11-30", 3, "2025-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2023-03-01", 1, "2023-03-31"],
    ["2023-12-10", 120, "2033-12-09"],
  ])("from %s for %d months → until %s", (from, months, until) => {
    expect(coverUntil(from, months)).toBe(until);
    expect(s.premium(s.parsePerson({}), s.parsePurchase({ months }, from), from).cover).toEqual({ from, until });
  });
});

describe("an ineligible person (expired measures, not insured, under age) is paid nothing", () => {
  const claim = s.parseClaim({ medicalCost: 30000, disabilityGrade: 3 });
  it("Guangdong's measures expired on 2022-08-31: an injury on 2022-09-01 pays 0", () => {
    const gd = s.parsePerson({ variant: "guangdong" });
    expect(s.eligibility(gd, "2022-09-01").eligible).toBe(false);
    const r = s.benefit(claim, gd, "2022-09-01");
    expect(r.payout).toBe(0);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.rule).toBe("single-type-wii.notCovered");
    expect(r.items[0]!.formula).toMatch(/guangdong measures in force 2020-07-01 – 2022-08-31 → 0/);
    expect(s.benefit(claim, gd, "2022-08-31").payout).toBeGreaterThan(0);
  });
  it("not insured by a platform or employer, or under 16: 0", () => {
    expect(s.benefit(claim, s.parsePerson({ insuredByPlatform: false }), "2024-06-01").payout).toBe(0);
    expect(s.benefit(claim, s.parsePerson({ age: 15 }), "2024-06-01").payout).toBe(0);
  });
});
