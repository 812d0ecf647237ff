/**
 * The full statutory work-injury package (工伤保险条例) as present values at the date of injury:
 * expected values hand-computed from closed forms (a constant force of mortality and g = i make
 * each life annuity a geometric series), the payer of each line, death replacing disability, the
 * wage bounds of art. 64 and bad input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyReform } from "../../src/rules/reform.js";
import { singleTypeWii as s } from "../../src/rules/single-type-wii.js";
import { occupationalInjuryPilot as pilot } from "../../src/rules/occupational-injury-pilot.js";
import { platformInjuryMandatory as mand } from "../../src/rules/platform-injury-mandatory.js";
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

describe("grade 1, hand-computed (constant force, g = i, man aged 35, retirement at 60, wage 7000)", () => {
  // ρ = e^(−0.016/12) = 0.99866756; months to retirement (60 − 35) × 12 = 300; first payment at
  // month 6; the table ends at 106: (106 − 35) × 12 = 852 months.
  // allowance: 90 % × 7000 = 6300/month × Σ_{k=6}^{299} ρ^k = ρ^6 (1 − ρ^294) / (1 − ρ) = 241.44479 → 1521102.20
  // top-up:   50 % × 6300 × Σ_{k=300}^{851} ρ^k = ρ^300 (1 − ρ^552) / (1 − ρ) = 262.08904 → 825580.47
  // nursing:  90 % need it × 50 % (full) × 7000 = 3150/month × ρ^6 (1 − ρ^846) / (1 − ρ) = 503.53383 → 1586131.57
  const r = benefit({ medicalCost: 20000, disabilityGrade: 1, sex: "male" }, D, person, flat);

  it("itemises the lump sum and the present values, each naming its article, all paid by the fund", () => {
    expect(line(r.items, "medical")!.amount).toBe(20000);
    expect(line(r.items, "disabilitySubsidy")!.amount).toBe(27 * 7000);
    expect(line(r.items, "disabilityAllowance")!.amount).toBeCloseTo(1521102.2, 1);
    expect(line(r.items, "disabilityAllowanceTopUp")!.amount).toBeCloseTo(825580.47, 1);
    expect(line(r.items, "nursingAllowance")!.amount).toBeCloseTo(1586131.57, 1);
    expect(r.payout).toBeCloseTo(20000 + 189000 + 1521102.2 + 825580.47 + 1586131.57, 1);
    for (const i of r.items as PayerTraceLine[]) {
      expect(i.payer).toBe("fund");
      expect(i.label.en).toMatch(/arts?\. \d+/);
      expect(i.label.zh).toMatch(/第.+条/);
    }
  });

  it("a known nursing level replaces the assumed need; none → no nursing line", () => {
    const full = benefit({ medicalCost: 0, disabilityGrade: 1, sex: "male", nursing: "full" }, D, person, flat);
    expect(line(full.items, "nursingAllowance")!.amount).toBeCloseTo(3500 * 503.53383, 0);
    expect(line(benefit({ medicalCost: 0, disabilityGrade: 1, nursing: "none" }).items, "nursingAllowance")).toBeUndefined();
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
    expect(line(both.items, "disabilitySubsidy")).toBeUndefined();
    expect(line(both.items, "disabilityAllowance")).toBeUndefined();
    expect(both.payout).toBe(death.payout);
    expect(line(both.items, "deathSubsidy")!.formula).toMatch(/death replaces the grade 1 disability benefits/);
  });
  it("the same in the pilot and the proposal", () => {
    const pay = (scheme: AnyScheme, claim: object) => scheme.benefit(scheme.parseClaim(claim), scheme.parsePerson({}), "2025-06-01").payout;
    for (const [scheme, extra] of [[pilot, { onOrder: true }], [mand, { workRelated: true }]] as const) {
      expect(pay(scheme, { ...extra, medicalCost: 0, disabilityGrade: 3, death: true })).toBe(pay(scheme, { ...extra, medicalCost: 0, death: true }));
    }
  });
});

describe("grades 5–10: lump sums on leaving the job and the employer's allowance", () => {
  it("Zhejiang grade 5 leaving: 30 months × 7000 from the fund, 30 months × 7000 from the employer (not in the payout)", () => {
    const r = benefit({ medicalCost: 0, disabilityGrade: 5, leftJob: true });
    expect(line(r.items, "medicalLumpSum")).toMatchObject({ amount: 210000, payer: "fund" });
    expect(line(r.items, "employmentLumpSum")).toMatchObject({ amount: 210000, payer: "employer" });
    expect(line(r.items, "employerDisabilityAllowance")).toMatchObject({ amount: 0, payer: "employer" });
    expect(r.payout).toBe(18 * 7000 + 210000);
  });

  it("grade 5 staying: the employer pays 70 % of wage to retirement for the half it cannot place (hand-computed)", () => {
    // μ = 0.01 × 0.8 = 0.008 (no severity multiplier), g = i: ρ = e^(−0.008/12);
    // ρ^6 (1 − ρ^294) / (1 − ρ) = 266.00450; 50 % × 70 % × 7000 = 2450 → 651711.03
    const r = benefit({ medicalCost: 0, disabilityGrade: 5, leftJob: false, sex: "male" }, D, person, flat);
    expect(line(r.items, "employerDisabilityAllowance")!.amount).toBeCloseTo(651711.03, 1);
    expect(line(r.items, "employerDisabilityAllowance")!.payer).toBe("employer");
    expect(line(r.items, "medicalLumpSum")!.amount).toBe(0);
    expect(r.payout).toBe(18 * 7000);
  });

  it("the assumed leaving share when unknown: grade 8, 80 % × 7 months × 7000 = 39200 from the fund", () => {
    expect(line(benefit({ medicalCost: 0, disabilityGrade: 8 }).items, "medicalLumpSum")!.amount).toBe(39200);
  });

  it("Zhejiang's taper: 3 years to retirement → 60 % of the employment lump sum (10 months × 7000 × 0.6 = 42000)", () => {
    expect(line(benefit({ medicalCost: 0, disabilityGrade: 7, leftJob: true, age: 57, sex: "male" }).items, "employmentLumpSum")!.amount).toBe(42000);
    expect(line(benefit({ medicalCost: 0, disabilityGrade: 7, leftJob: true, age: 47, sex: "female" }).items, "employmentLumpSum")!.amount).toBe(42000);
    expect(line(benefit({ medicalCost: 0, disabilityGrade: 7, leftJob: true, age: 30, sex: "male" }).items, "employmentLumpSum")!.amount).toBe(70000);
  });

  it("Guangdong (assumed amounts, on the worker's wage): grade 5 → 10 × 6500 fund, 50 × 6500 employer", () => {
    const gd = s.parsePerson({ variant: "guangdong" });
    const r = benefit({ medicalCost: 0, disabilityGrade: 5, leftJob: true }, "2021-06-01", gd);
    expect(line(r.items, "medicalLumpSum")!.amount).toBe(65000);
    expect(line(r.items, "employmentLumpSum")!.amount).toBe(325000);
  });

  it("pilot and proposal: the platform carries the employer's share", () => {
    const r = pilot.benefit(pilot.parseClaim({ onOrder: true, medicalCost: 0, disabilityGrade: 6, leftJob: true }), pilot.parsePerson({}), "2025-06-01");
    expect((r.items as PayerTraceLine[]).find((i) => i.rule.endsWith("employmentLumpSum"))).toMatchObject({ payer: "platform", amount: 25 * 8000 });
    const m = mand.benefit(mand.parseClaim({ workRelated: true, medicalCost: 0, disabilityGrade: 1 }), mand.parsePerson({}), "2025-06-01");
    expect((m.items as PayerTraceLine[]).find((i) => i.rule.endsWith("disabilityAllowance"))!.amount).toBeGreaterThan(1_000_000);
  });
});

describe("wage base (art. 64): the worker's wage floored at 60 % and capped at 300 % of the regional average", () => {
  it.each([
    [1000, 7 * 4200], // 60 % × 7000
    [9000, 7 * 9000],
    [50000, 7 * 21000], // 300 % × 7000
  ])("wage %d → grade 10 subsidy %d", (wage, expected) => {
    expect(line(benefit({ medicalCost: 0, disabilityGrade: 10, wage }).items, "disabilitySubsidy")!.amount).toBe(expected);
  });
  it("the survivors' pension uses the bounded wage too: 2 dependants × 30 % × 21000", () => {
    const r = benefit({ medicalCost: 0, death: true, dependants: 2, wage: 80000 });
    expect(line(r.items, "survivorsPension")!.formula).toMatch(/= 12600\/month/);
  });
});

describe("bad input names the field and the allowed range", () => {
  it.each([
    [{ medicalCost: 0, disabilityGrade: 11 }, /claim.disabilityGrade: must be an integer from 1 to 10/],
    [{ medicalCost: 0, disabilityGrade: 1, age: 106 }, /claim.age: must be an integer from 0 to 105/],
    [{ medicalCost: 0, disabilityGrade: 1, age: -1 }, /claim.age: must be an integer from 0 to 105/],
    [{ medicalCost: 0, disabilityGrade: 1, sex: "x" }, /claim.sex: must be one of male, female/],
    [{ medicalCost: 0, death: true, dependants: 11 }, /claim.dependants: must be an integer from 0 to 10/],
    [{ medicalCost: 0, disabilityGrade: 1, wage: -5 }, /claim.wage: must be a number from 0 to 10000000/],
    [{ medicalCost: 0, disabilityGrade: 1, nursing: "some" }, /claim.nursing: must be one of none, full, large, partial/],
  ])("%j", (claim, message) => {
    expect(() => s.parseClaim(claim)).toThrow(message);
  });
  it("a person older than the table, valuing a pension → person.age error; a medical-only claim is fine", () => {
    const old = s.parsePerson({ age: 110 });
    expect(() => s.benefit(s.parseClaim({ medicalCost: 0, disabilityGrade: 1 }), old, D)).toThrow(/person.age: must be an age from 0 to 105/);
    expect(s.benefit(s.parseClaim({ medicalCost: 100 }), old, D).payout).toBe(100);
  });
});
