/** 灵活保's properties (its exact hand cases are data: src/schemes/linghuobao/cases.yaml). */
import fc from "fast-check";
import { describe, it } from "vitest";
import { linghuobao as s } from "../../src/schemes/linghuobao/formulas.js";

const D = "2022-06-25";
const person = (x: object = {}) => s.parsePerson(x);

describe("linghuobao properties", () => {
  it("premium ≥ 0 and subsidies ≤ gross for any days and date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 3000 }), (days, offset) => {
        const date = new Date(Date.UTC(2022, 5, 25 + offset)).toISOString().slice(0, 10);
        const q = s.premium(person(), { days }, date);
        const sub = q.subsidies.reduce((a, x) => a + x.amount, 0);
        return q.gross >= 0 && q.net >= 0 && sub <= q.gross && Math.abs(q.gross - sub - q.net) < 1e-9;
      }),
    );
  });

  it("0 ≤ payout ≤ 3 万 + 30 万, non-decreasing in medical cost", () => {
    const b = (c: object) => s.benefit(s.parseClaim(c), person(), D);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        fc.boolean(),
        (cost, extra, grade, death) => {
          const c = { medicalCost: cost, ...(grade ? { disabilityGrade: grade } : {}), death };
          const p1 = b(c).payout;
          const p2 = b({ ...c, medicalCost: cost + extra }).payout;
          return p1 >= 0 && p1 <= 330000 && p2 >= p1;
        },
      ),
    );
  });
});
