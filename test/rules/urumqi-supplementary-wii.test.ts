import { describe, expect, it } from "vitest";
import { urumqiSupplementaryWii as s } from "../../src/rules/urumqi-supplementary-wii.js";

const D = "2026-01-15";
const person = (x: object = {}) => s.parsePerson(x);
const pay = (claim: object, p: object = {}, date = D) => s.benefit(s.parseClaim(claim), person(p), date).payout;

describe("Urumqi eligibility", () => {
  it("in force 2025-09-01 to 2027-08-31 (art. 26: two years)", () => {
    expect(s.eligibility(person(), "2025-09-01").eligible).toBe(true);
    expect(s.eligibility(person(), "2027-08-31").eligible).toBe(true);
    expect(s.eligibility(person(), "2027-09-01").eligible).toBe(false);
    expect(() => s.eligibility(person(), "2025-08-31")).toThrow(/date: before the first version of urumqi-supplementary-wii\.[^ ]+ \(allowed: a date on or after 2025-09-01; got "2025-08-31"\)/);
  });
  it.each([
    ["intern", 15, false],
    ["intern", 16, true],
    ["over-age", 70, true],
    ["over-age", 71, false],
    ["platform", 71, true], // the 70 limit is for the over-age category (art. 7(3))
  ])("%s aged %d → %s", (category, age, ok) => {
    expect(s.eligibility(person({ category, age }), D).eligible).toBe(ok);
  });
  it("track B requires the employer to insure its WII staff too (art. 7)", () => {
    const e = s.eligibility(person({ category: "flexible", employerInsuresWiiStaff: false }), D);
    expect(e.eligible).toBe(false);
    expect(e.reasons.find((r) => !r.met)!.rule).toBe("urumqi-supplementary-wii.trackB.condition");
    expect(s.eligibility(person({ category: "employee", employerInsuresWiiStaff: false }), D).eligible).toBe(true);
  });
});

describe("Urumqi premium", () => {
  it("the policyholder pays monthly, the worker nothing; cover starts the day after payment (art. 9)", () => {
    const q = s.premium(person(), s.parsePurchase({ months: 3 }, D), "2025-09-10");
    // track B class 2: 25 × (0.4% / 0.2%) = 50 a month × 3 = 150
    expect(q.gross).toBe(150);
    expect(q.net).toBe(0);
    expect(q.subsidies[0]!.payer).toBe("platform");
    expect(q.cover!.from).toBe("2025-09-11");
  });
  it("track A class 8: 10 × (1.9% / 0.2%) = 95 a month, paid by the employer", () => {
    const q = s.premium(person({ category: "employee", industryClass: 8 }), s.parsePurchase({}, D), D);
    expect(q.gross).toBe(95);
    expect(q.byPayer).toEqual([{ payer: "employer", amount: 95 }, { payer: "insured", amount: 0 }]);
  });
});

describe("Urumqi benefits", () => {
  it("track B: medical subsidy up to 5 万 + disability 60 万 × grade ratio, or death", () => {
    // medical 8000 + grade 7: 600000 × 40% = 240000
    expect(pay({ medicalCost: 8000, disabilityGrade: 7 })).toBe(248000);
    // medical capped at 50000
    expect(pay({ medicalCost: 80000 })).toBe(50000);
    // death replaces disability: 600000 + medical 1000
    expect(pay({ medicalCost: 1000, disabilityGrade: 1, death: true })).toBe(601000);
  });
  it("track B: only the six situations; art. 12 exclusions pay nothing", () => {
    expect(pay({ medicalCost: 1000, situation: "commuting-no-fault" })).toBe(1000);
    expect(pay({ medicalCost: 1000, situation: "other" })).toBe(0);
    expect(pay({ medicalCost: 1000, exclusion: "sudden-illness" })).toBe(0);
  });
  it("48-hour rule: a late report loses the unverifiable share only", () => {
    // 10000 × (1 − 30%) = 7000
    expect(pay({ medicalCost: 10000, reportedAfterHours: 72, unverifiableShare: 0.3 })).toBe(7000);
    expect(pay({ medicalCost: 10000, reportedAfterHours: 48, unverifiableShare: 0.3 })).toBe(10000);
  });
  it("no cover on the payment day; cover from the next day", () => {
    expect(pay({ medicalCost: 1000, premiumPaidOn: "2026-01-15" })).toBe(0);
    expect(pay({ medicalCost: 1000, premiumPaidOn: "2026-01-14" })).toBe(1000);
  });
  it("track A: lump sums on the official determination (assumed Annex 1 amounts)", () => {
    const employee = { category: "employee" };
    // paid leave 30 days × 100 + nursing 10 × 50 + grade 6: 200000 × 50% + employment 50000 × 50%
    expect(pay({ paidLeaveDays: 30, nursingDays: 10, disabilityGrade: 6 }, employee)).toBe(3000 + 500 + 100000 + 25000);
    // grade 4: no employment subsidy (grades 5–10 only): 200000 × 70%
    expect(pay({ disabilityGrade: 4 }, employee)).toBe(140000);
    expect(pay({ disabilityGrade: 4, injuryDetermined: false }, employee)).toBe(0);
    // paid leave capped at 365 days: 365 × 100
    expect(pay({ paidLeaveDays: 400 }, employee)).toBe(36500);
  });
  it("bad claims name the field and the allowed values", () => {
    expect(() => s.parseClaim({ situation: "at-home" })).toThrow(/claim.situation: must be one of at-work, /);
    expect(() => s.parseClaim({ unverifiableShare: 1.5 })).toThrow(/claim.unverifiableShare: must be a number from 0 to 1/);
    expect(() => s.parseClaim({ premiumPaidOn: "2025-02-30" })).toThrow(/claim.premiumPaidOn: must be a real calendar date/);
  });
});
