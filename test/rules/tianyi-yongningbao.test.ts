import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tianyiYongningbao as s } from "../../src/rules/tianyi-yongningbao.js";

const D24 = "2024-06-01";
const D23 = "2023-06-01";
const pay = (coveredCost: number, preExisting: boolean, date = D24) => s.benefit(s.parseClaim({ coveredCost, preExisting }), s.parsePerson({}), date).payout;

describe("tianyi 2024 bands (seed 003 l.59)", () => {
  it.each([
    [5999, 0],
    [6000, 0],
    [6001, 0.3], // 1 × 30%
    [16000, 3000], // (16000 − 6000) × 30%
    [20000, 4200], // 14000 × 30%
    [20001, 4200.6], // 4200 + 1 × 60%
    [30000, 10200], // 4200 + 10000 × 60%
  ])("covered cost %d → %d (pre-existing or not)", (cost, expected) => {
    expect(pay(cost, false)).toBe(expected);
    expect(pay(cost, true)).toBe(expected);
  });
});

describe("tianyi 2023 terms (“原来的” rates, seed 003 l.59)", () => {
  it.each([
    // cost, pre-existing, expected
    [6000, true, 0],
    [20000, true, 1400], // 14000 × 10%
    [20000, false, 2800], // 14000 × 20%
    [30000, true, 5400], // 1400 + 10000 × 40%
    [30000, false, 10800], // 2800 + 10000 × 80%
  ])("cost %d, pre-existing %s → %d", (cost, pre, expected) => {
    expect(pay(cost, pre, D23)).toBe(expected);
  });

  it("the version switches at the policy-year boundary 2024-01-01", () => {
    // 30000 without pre-existing: 2023 → 10800, 2024 → 10200
    expect(pay(30000, false, "2023-12-31")).toBe(10800);
    expect(pay(30000, false, "2024-01-01")).toBe(10200);
  });
});

describe("tianyi premium", () => {
  const q = (person: object, purchase: object = {}, date = D24) => s.premium(s.parsePerson(person), s.parsePurchase(purchase, date), date);
  it("adults pay 100 元 (seed 003 l.23)", () => {
    expect(q({ age: 18 }).gross).toBe(100);
    expect(q({ age: 85 }).net).toBe(100);
  });
  it("minors and the student tier pay the assumed lower rate in 2024, 100 in 2023", () => {
    expect(q({ age: 17 }).gross).toBe(60);
    expect(q({ age: 30, residentStudentTier: true }).gross).toBe(60);
    expect(q({ age: 17 }, {}, D23).gross).toBe(100);
  });
  it("employer, town, chamber or collective purchase: the insured pays nothing (seed 003 l.31, l.37, l.45–47)", () => {
    for (const payer of ["employer", "town", "chamber", "collective"]) {
      const r = q({ age: 85 }, { payer });
      expect(r.net).toBe(0);
      expect(r.subsidies).toEqual([expect.objectContaining({ payer, amount: 100 })]);
    }
  });
});

describe("tianyi properties", () => {
  it("0 ≤ payout ≤ cap, non-decreasing, continuous at band edges, in both versions", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5e6, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.boolean(), fc.constantFrom(D23, D24), (c, e, pre, date) => {
        const a = pay(c, pre, date);
        const b = pay(c + e, pre, date);
        return a >= 0 && a <= 1_000_000 && b >= a;
      }),
    );
    for (const edge of [6000, 20000]) {
      for (const date of [D23, D24]) {
        // a 1-fen step at an edge moves the payout by at most 0.8 × 0.01, i.e. ≤ 1 fen
        expect(Math.abs(pay(edge + 0.01, false, date) - pay(edge, false, date))).toBeLessThanOrEqual(0.01 + 1e-9);
        expect(Math.abs(pay(edge, true, date) - pay(edge - 0.01, true, date))).toBeLessThanOrEqual(0.01 + 1e-9);
      }
    }
  });
  it("proton/heavy-ion cost is paid separately in 2024 (assumed 100 %, 100 万 cap) and not in 2023", () => {
    const c = s.parseClaim({ coveredCost: 0, preExisting: false, protonHeavyIonCost: 250000 });
    expect(s.benefit(c, s.parsePerson({}), D24).payout).toBe(250000);
    expect(s.benefit(c, s.parsePerson({}), D23).payout).toBe(0);
  });
  it("preExisting is required in a claim", () => {
    expect(() => s.parseClaim({ coveredCost: 1 })).toThrow(/claim.preExisting: must be true or false/);
  });
});
