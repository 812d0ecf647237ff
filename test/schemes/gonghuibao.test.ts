/** 工惠保's properties (its exact hand cases are data: src/schemes/gonghuibao/cases.yaml). */
import fc from "fast-check";
import { describe, it } from "vitest";
import { getScheme } from "../../src/schemes/index.js";

const s = getScheme("gonghuibao");

const D = "2020-09-01";
const person = (x: object = {}) => s.parsePerson(x);
const claim = (x: object) => s.parseClaim(x);

describe("gonghuibao benefit properties", () => {
  it("0 ≤ payout ≤ cap, non-decreasing in each cost", () => {
    const cost = fc.double({ min: 0, max: 5_000_000, noNaN: true });
    fc.assert(
      fc.property(cost, cost, fc.double({ min: 0, max: 100_000, noNaN: true }), (a, b, extra) => {
        const p1 = s.benefit(claim({ inCatalogSelfPay: a, outOfCatalogSelfPay: b }), person(), D).payout;
        const p2 = s.benefit(claim({ inCatalogSelfPay: a + extra, outOfCatalogSelfPay: b }), person(), D).payout;
        const p3 = s.benefit(claim({ inCatalogSelfPay: a, outOfCatalogSelfPay: b + extra }), person(), D).payout;
        return p1 >= 0 && p1 <= 2_000_000 && p2 >= p1 && p3 >= p1;
      }),
    );
  });

  it("continuous at the deductibles (a 1-fen step moves the payout by at most 1 fen)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_999_000, max: 2_001_000 }), (cents) => {
        const x = cents / 100;
        const a = s.benefit(claim({ inCatalogSelfPay: x, outOfCatalogSelfPay: x }), person(), D).payout;
        const b = s.benefit(claim({ inCatalogSelfPay: x + 0.01, outOfCatalogSelfPay: x + 0.01 }), person(), D).payout;
        return b - a >= 0 && b - a <= 0.0201;
      }),
    );
  });
});
