/** 天一甬宁保's properties (its exact hand cases are data: src/schemes/tianyi-yongningbao/cases.yaml). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScheme } from "../../src/schemes/index.js";

const s = getScheme("tianyi-yongningbao");

const D24 = "2024-06-01";
const D23 = "2023-06-01";
const pay = (coveredCost: number, preExisting: boolean, date = D24) => s.benefit(s.parseClaim({ coveredCost, preExisting }), s.parsePerson({}), date).payout;

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
});
