/**
 * The full statutory work-injury package (工伤保险条例) as present values at the date of injury:
 * the structure of its lines (payer, article), orderings and properties. Its exact hand-computed
 * values (closed forms: a constant force of mortality and g = i make each life annuity a geometric
 * series), the wage bounds of art. 64 and bad input are cases of the schemes that pay it
 * (src/schemes/{single-type-wii,occupational-injury-pilot,platform-injury-mandatory}/cases.yaml).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyReform } from "../../src/rules/reform.js";
import { singleTypeWii as s } from "../../src/schemes/single-type-wii/formulas.js";
import { occupationalInjuryPilot as pilot } from "../../src/schemes/occupational-injury-pilot/formulas.js";
import { platformInjuryMandatory as mand } from "../../src/schemes/platform-injury-mandatory/formulas.js";
import type { AnyScheme } from "../../src/rules/scheme.js";
import type { PayerTraceLine } from "../../src/rules/statutory-wii.js";

const D = "2024-06-01"; // before the retirement reform: men retire at 60
const S = "single-type-wii.statutory";
const person = s.parsePerson({}); // age 35, Zhejiang, base 7000 (assumed)
const benefit = (claim: object, date = D, p = person, scheme = s) => scheme.benefit(scheme.parseClaim(claim), p, date);
const line = (items: readonly unknown[], rule: string) => (items as PayerTraceLine[]).find((i) => i.rule === `${S}.${rule}`);

/**
 * Constant force: A = 0.01 a year, B = 0, so μ = 0.01 × (1 − 0.2 improvement) = 0.008, and
 * × 2 = 0.016 for grades 1–4; g = i = 3 % so nothing is discounted in real terms.
 */
const flat = applyReform(s, {
  [`${S}.mortality.A`]: 0.01, [`${S}.mortality.male.B`]: 0, [`${S}.mortality.female.B`]: 0,
  [`${S}.valuation.indexation`]: 0.03, [`${S}.valuation.discountRate`]: 0.03,
});

describe("grade 1 (constant force, g = i, man aged 35; its values by hand: single-type-wii/cases.yaml)", () => {
  const r = benefit({ medicalCost: 20000, disabilityGrade: 1, sex: "male" }, D, person, flat);

  it("itemises the lump sum and the present values, each naming its article, all paid by the fund", () => {
    expect(r.items.map((i) => i.rule.slice(S.length + 1))).toEqual(["medical", "disabilitySubsidy", "disabilityAllowance", "disabilityAllowanceTopUp", "nursingAllowance"]);
    for (const i of r.items as PayerTraceLine[]) {
      expect(i.payer).toBe("fund");
      expect(i.label.en).toMatch(/arts?\. \d+/);
      expect(i.label.zh).toMatch(/第.+条/);
    }
  });
});

describe("the default basis (CL 2010–2013 Gompertz–Makeham, g 2.5 %, i 3 %)", () => {
  it("a young worker's grade-1 allowance alone is worth over a million yuan; the old lump sum was 189000", () => {
    const r = benefit({ medicalCost: 0, disabilityGrade: 1, age: 25 });
    expect(line(r.items, "disabilitySubsidy")!.amount).toBe(189000);
    expect(line(r.items, "disabilityAllowance")!.amount).toBeGreaterThan(1_000_000);
    // Bound: never more than the undiscounted payments, 6300 × (60 − 25) × 12 = 2646000.
    expect(line(r.items, "disabilityAllowance")!.amount).toBeLessThan(6300 * 35 * 12);
    expect(r.payout).toBeGreaterThan(3_000_000);
  });

  it("older at injury → smaller present values; the later retirement age from 2025 → a larger allowance", () => {
    const at = (age: number, date = D) => line(benefit({ medicalCost: 0, disabilityGrade: 2, age, sex: "male" }, date).items, "disabilityAllowance")!.amount;
    expect(at(25)).toBeGreaterThan(at(45));
    expect(at(45)).toBeGreaterThan(at(58));
    expect(at(61)).toBe(0); // past retirement: only the top-up
    expect(at(35, "2025-06-01")).toBeGreaterThan(at(35)); // retire at 63, not 60
  });

  it("property: fund lines add up to the payout; every line says who pays", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 16, max: 70 }), fc.boolean(), (grade, age, death) => {
      const r = benefit({ medicalCost: 1000, disabilityGrade: grade, age, death });
      const items = r.items as PayerTraceLine[];
      const fund = items.filter((i) => i.payer === "fund").reduce((a, i) => a + i.amount, 0);
      return Math.abs(fund - r.payout) < 0.011 && items.every((i) => ["fund", "employer", "platform"].includes(i.payer) && i.amount >= 0);
    }));
  });
});

describe("death replaces disability (one injury)", () => {
  it("death and a grade for the same injury: the death benefits only", () => {
    const both = benefit({ medicalCost: 5000, disabilityGrade: 1, death: true });
    const death = benefit({ medicalCost: 5000, death: true });
    expect(both.payout).toBe(death.payout);
  });
  it("the same in the pilot and the proposal", () => {
    const pay = (scheme: AnyScheme, claim: object) => scheme.benefit(scheme.parseClaim(claim), scheme.parsePerson({}), "2025-06-01").payout;
    for (const [scheme, extra] of [[pilot, { onOrder: true }], [mand, { workRelated: true }]] as const) {
      expect(pay(scheme, { ...extra, medicalCost: 0, disabilityGrade: 3, death: true })).toBe(pay(scheme, { ...extra, medicalCost: 0, death: true }));
    }
  });
});

describe("pilot and proposal", () => {
  it("the proposal's grade 1 allowance to retirement is worth over a million yuan", () => {
    const m = mand.benefit(mand.parseClaim({ workRelated: true, medicalCost: 0, disabilityGrade: 1 }), mand.parsePerson({}), "2025-06-01");
    expect((m.items as PayerTraceLine[]).find((i) => i.rule.endsWith("disabilityAllowance"))!.amount).toBeGreaterThan(1_000_000);
  });
});
