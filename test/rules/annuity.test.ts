/**
 * The annuity module against closed forms and a hand-computed case, and the Gompertz–Makeham life
 * table against the published points it was fitted to (data/life-table-cl2010-2013-gm.csv).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annuityValue, certainAnnuity, lifeAnnuity } from "../../src/rules/annuity.js";
import { checkAge, lifeExpectancy, OMEGA, qx, survival } from "../../src/rules/life-table.js";
import { CL2010_2013_GM, taperShare } from "../../src/rules/statutory-periodic.js";

const none = { A: 0, B: 0, c: 1.08 };

describe("annuity values", () => {
  it("no mortality and g = i: the EPV is the number of payments", () => {
    expect(certainAnnuity({ startMonth: 0, endMonth: 120, indexation: 0.03, discount: 0.03 })).toBeCloseTo(120, 9);
    expect(certainAnnuity({ startMonth: 6, endMonth: 300, indexation: 0.05, discount: 0.05 })).toBeCloseTo(294, 9);
    // A life annuity under a law with zero force, ending before the table's end.
    expect(lifeAnnuity(none, 30, { startMonth: 0, endMonth: 360, indexation: 0.02, discount: 0.02 })).toBeCloseTo(360, 9);
    // For life with zero force: every month to age OMEGA + 1 = 106: (106 − 30) × 12 = 912 payments.
    expect(lifeAnnuity(none, 30, { startMonth: 0, endMonth: null, indexation: 0, discount: 0 })).toBeCloseTo(912, 9);
  });

  it("constant force μ: the geometric series ρ^a (1 − ρ^n) / (1 − ρ), ρ = ((1+g)/(1+i))^(1/12) e^(−μ/12)", () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.08, noNaN: true }), fc.double({ min: 0, max: 0.08, noNaN: true }),
      fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 50 }), // ends before 106
      (mu, g, i, a, n, age) => {
        // ln ρ; (1 − ρⁿ)/(1 − ρ) as expm1(n ln ρ)/expm1(ln ρ) stays exact when ρ is near 1.
        const lnRho = (Math.log1p(g) - Math.log1p(i)) / 12 - mu / 12;
        const closed = lnRho === 0 ? n : Math.exp(a * lnRho) * (Math.expm1(n * lnRho) / Math.expm1(lnRho));
        const v = lifeAnnuity({ A: mu, B: 0, c: 1.08 }, age, { startMonth: a, endMonth: a + n, indexation: g, discount: i });
        return Math.abs(v - closed) <= 1e-9 * Math.max(1, closed);
      },
    ));
  });

  it("a hand-computed case: 3 payments at months 1–3, monthly survival 0.99, monthly discount 1/1.01, no indexation", () => {
    // ρ = 0.99 / 1.01 = 0.9801980198; ρ + ρ² + ρ³ = 0.9801980198 + 0.9607881580 + 0.9417626499 = 2.8827488278
    const i = Math.pow(1.01, 12) - 1; // 12.6825 % a year ⇔ 1 % a month
    const v = annuityValue((k) => Math.pow(0.99, k), { startMonth: 1, endMonth: 4, indexation: 0, discount: i }, 1000);
    expect(v).toBeCloseTo(2.8827488278, 9);
    // The same with the law: a constant force μ = −12 ln 0.99 gives monthly survival 0.99.
    expect(lifeAnnuity({ A: -12 * Math.log(0.99), B: 0, c: 1.08 }, 40, { startMonth: 1, endMonth: 4, indexation: 0, discount: i })).toBeCloseTo(2.8827488278, 9);
    // Indexation at 1 % a month cancels the discount: 0.99 + 0.99² + 0.99³ = 2.940399.
    expect(annuityValue((k) => Math.pow(0.99, k), { startMonth: 1, endMonth: 4, indexation: i, discount: i }, 1000)).toBeCloseTo(2.940399, 9);
  });

  it("properties: never more than the payments; less with more mortality, later start or earlier end", () => {
    fc.assert(fc.property(fc.integer({ min: 16, max: 100 }), fc.double({ min: 1, max: 4, noNaN: true }), (age, m) => {
      const terms = { startMonth: 6, endMonth: null, indexation: 0.025, discount: 0.03 };
      const law = { A: CL2010_2013_GM.A, B: CL2010_2013_GM.maleB, c: CL2010_2013_GM.c };
      const base = lifeAnnuity(law, age, terms);
      const worse = lifeAnnuity({ ...law, multiplier: m }, age, terms);
      return base > 0 && worse <= base + 1e-9 && base <= (OMEGA + 1 - age) * 12 && lifeAnnuity(law, age, { ...terms, startMonth: 12 }) < base;
    }));
  });

  it("bad terms and ages beyond the table are InputErrors naming the field and range", () => {
    expect(() => lifeAnnuity(none, 106, { startMonth: 0, endMonth: null, indexation: 0, discount: 0 })).toThrow(/age: must be an age from 0 to 105/);
    expect(() => lifeAnnuity(none, -1, { startMonth: 0, endMonth: null, indexation: 0, discount: 0 })).toThrow(/age: must be an age from 0 to 105/);
    expect(() => certainAnnuity({ startMonth: -1, endMonth: 3, indexation: 0, discount: 0 })).toThrow(/startMonth: must be a whole number of months ≥ 0/);
    expect(() => certainAnnuity({ startMonth: 0, endMonth: null, indexation: 0, discount: 0 })).toThrow(/endMonth/);
    expect(() => certainAnnuity({ startMonth: 0, endMonth: 3, indexation: 0, discount: -1 })).toThrow(/discount: must be a rate above −100 %/);
    expect(() => checkAge(130, "claim.age")).toThrow(/claim.age: must be an age from 0 to 105/);
  });
});

describe("Gompertz–Makeham law fitted to the China life-insurance experience table 2010–2013", () => {
  const male = { A: CL2010_2013_GM.A, B: CL2010_2013_GM.maleB, c: CL2010_2013_GM.c };
  const female = { A: CL2010_2013_GM.A, B: CL2010_2013_GM.femaleB, c: CL2010_2013_GM.c };

  it("reproduces the published points: male q50 = 0.4249 %, e̊0 = 79.5 (men), 84.6 (women)", () => {
    expect(qx(male, 50)).toBeCloseTo(0.004249, 6);
    expect(lifeExpectancy(male, 0)).toBeCloseTo(79.5, 2);
    expect(lifeExpectancy(female, 0)).toBeCloseTo(84.6, 2);
  });

  it("is a life table: q rises with age, women below men, nobody survives past 105", () => {
    for (let x = 1; x <= OMEGA; x++) expect(qx(male, x)).toBeGreaterThan(qx(male, x - 1));
    for (let x = 0; x < OMEGA; x++) expect(qx(female, x)).toBeLessThan(qx(male, x));
    expect(survival(male, 100, 6)).toBe(0);
    expect(qx(male, OMEGA)).toBe(1);
    expect(survival(male, 105, 0.99)).toBeGreaterThan(0);
    // A multiplier on the force: ₜpₓ(m·μ) = ₜpₓ(μ)^m.
    expect(survival({ ...male, multiplier: 2 }, 40, 20)).toBeCloseTo(survival(male, 40, 20) ** 2, 12);
  });

  it("the data file holds the same constants and targets as the code", () => {
    const rows = readFileSync(new URL("../../data/life-table-cl2010-2013-gm.csv", import.meta.url), "utf-8").trim().split("\n").slice(1);
    const value = (id: string) => Number(rows.find((r) => r.startsWith(`${id},`))!.split(",")[2]);
    expect(value("law.A")).toBe(CL2010_2013_GM.A);
    expect(value("law.c")).toBe(CL2010_2013_GM.c);
    expect(value("law.male.B")).toBe(CL2010_2013_GM.maleB);
    expect(value("law.female.B")).toBe(CL2010_2013_GM.femaleB);
    expect(value("law.omega")).toBe(OMEGA);
    expect(qx(male, 50)).toBeCloseTo(value("target.male.q50"), 6);
    expect(lifeExpectancy(male, 0)).toBeCloseTo(value("target.male.e0"), 2);
    expect(lifeExpectancy(female, 0)).toBeCloseTo(value("target.female.e0"), 2);
  });
});

describe("Zhejiang's taper of the employment lump sum near retirement", () => {
  it.each([
    [10, 1], [5, 1], [4.5, 0.8], [4, 0.8], [3, 0.6], [1, 0.2], [0.5, 0], [-2, 0],
  ])("%d years to retirement → %d of the lump sum", (years, share) => {
    expect(taperShare(years, 5, 0.2)).toBeCloseTo(share, 12);
  });
});
