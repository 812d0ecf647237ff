/**
 * The workbench's one year arithmetic (src/rules/dates.ts addYears), used by the rules and by the
 * engine's simulated years: 29 February plus a year is 28 February (民法典 art. 202: a period in
 * years ends on the last day of its final month when that month has no corresponding day).
 */
import { describe, expect, it } from "vitest";
import { addDays, addYears } from "../../src/rules/dates.js";

describe("addYears", () => {
  it.each([
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-29", 100, "2124-02-29"],
    ["2096-02-29", 4, "2100-02-28"], // 2100 is not a leap year
    ["1996-02-29", 4, "2000-02-29"], // 2000 is
    ["2023-02-28", 1, "2024-02-28"],
    ["2023-07-01", 2, "2025-07-01"],
    ["2025-09-01", 0, "2025-09-01"],
  ])("%s + %d years = %s", (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it("a cover of n whole years that includes its first day S ends on addYears(S − 1 day, n)", () => {
    // art. 201: the day an event happens is not counted, so cover from S counts from S − 1 day.
    expect(addYears(addDays("2025-09-01", -1), 2)).toBe("2027-08-31");
    expect(addYears(addDays("2024-02-29", -1), 2)).toBe("2026-02-28");
    expect(addYears(addDays("2024-03-01", -1), 1)).toBe("2025-02-28");
  });
});
