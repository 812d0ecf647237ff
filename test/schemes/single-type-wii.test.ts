/** Single-type WII's properties and structure (its exact hand cases are data: src/schemes/single-type-wii/cases.yaml). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { singleTypeWii as s } from "../../src/schemes/single-type-wii/formulas.js";

const D = "2024-06-01";
const b = (c: object, date = D, person = s.parsePerson({})) => s.benefit(s.parseClaim(c), person, date);

describe("single-type WII", () => {
  it("the medical line (art. 30) serialises like every trace line", () => {
    const line = b({ medicalCost: 12345.6 }).items[0]!;
    const expected = { rule: "single-type-wii.statutory.medical", label: { zh: "工伤医疗费用(第三十条)", en: "medical costs (art. 30)" }, amount: 12345.6, payer: "fund", params: ["single-type-wii.statutory.medical.rate"], formula: "12345.6 × 100% = 12345.6" };
    expect(JSON.parse(JSON.stringify(line))).toEqual(expected);
    expect({ ...expected, formula: line.formula, amount: line.amount, rule: line.rule }).toEqual(expected);
  });
  it("Guangdong's last day in force still pays", () => {
    expect(b({ medicalCost: 30000, disabilityGrade: 3 }, "2022-08-31", s.parsePerson({ variant: "guangdong" })).payout).toBeGreaterThan(0);
  });
  it("property: payout ≥ 0 and non-decreasing in medical cost", () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 10 }), (c, e, g) => {
      const a = b({ medicalCost: c, disabilityGrade: g }).payout;
      return a >= 0 && b({ medicalCost: c + e, disabilityGrade: g }).payout >= a;
    }));
  });
});
