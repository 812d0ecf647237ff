import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gonghuibao as s } from "../../src/rules/gonghuibao.js";
import { InputError } from "../../src/rules/input-error.js";

const D = "2020-09-01";
const person = (x: object = {}) => s.parsePerson(x);
const claim = (x: object) => s.parseClaim(x);

describe("gonghuibao benefit", () => {
  it("reproduces the source's worked example exactly (seed 002 l.96–104)", () => {
    // (32200 − 20000) × 100% = 12200; (488100 − 20000) × 75% = 468100 × 0.75 = 351075; 12200 + 351075 = 363275
    const b = s.benefit(claim({ inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 }), person(), D);
    expect(b.payout).toBe(363275);
    expect(b.items.map((i) => i.amount)).toEqual([12200, 351075]);
    expect(b.items[1]!.formula).toBe("max(0, 488100 − 20000) × 75% = 351075");
    expect(b.items[0]!.params).toEqual(["gonghuibao.inCatalog.deductible", "gonghuibao.inCatalog.rate"]);
  });

  it.each([
    // [in, out, expected]
    [19999, 0, 0], // below the in-catalogue deductible
    [20000, 0, 0], // at it
    [20001, 0, 1], // (20001 − 20000) × 100% = 1
    [0, 20000, 0],
    [0, 20004, 3], // 4 × 0.75 = 3
    [0, 20001, 0.75], // 1 × 0.75
  ])("deductible edge: in %d, out %d → %d", (inC, outC, expected) => {
    expect(s.benefit(claim({ inCatalogSelfPay: inC, outOfCatalogSelfPay: outC }), person(), D).payout).toBe(expected);
  });

  it("caps the total at 200 万 a year", () => {
    // out 3,000,000: (3,000,000 − 20,000) × 0.75 = 2,235,000 > 2,000,000 → 2,000,000
    const b = s.benefit(claim({ inCatalogSelfPay: 0, outOfCatalogSelfPay: 3_000_000 }), person(), D);
    expect(b.payout).toBe(2_000_000);
    expect(b.items.at(-1)!.amount).toBe(-235_000);
    // in 2,020,000: (2,020,000 − 20,000) × 1 = 2,000,000 exactly at the cap → no cap line
    const atCap = s.benefit(claim({ inCatalogSelfPay: 2_020_000, outOfCatalogSelfPay: 0 }), person(), D);
    expect(atCap.payout).toBe(2_000_000);
    expect(atCap.items).toHaveLength(2);
    // one fen more: 2,000,000.01 → capped to 2,000,000
    expect(s.benefit(claim({ inCatalogSelfPay: 2_020_000.01, outOfCatalogSelfPay: 0 }), person(), D).payout).toBe(2_000_000);
  });

  it("pays nothing for the excluded pre-existing diseases but lists them", () => {
    // All 30000 in-catalogue (an excluded 50000 is more than the costs: everything is excluded) → 0
    const b = s.benefit(claim({ inCatalogSelfPay: 30000, outOfCatalogSelfPay: 0, excludedPreExistingCost: 50000 }), person(), D);
    expect(b.payout).toBe(0);
    expect(b.items.map((i) => i.rule)).toContain("gonghuibao.preExistingExclusion");
  });

  it("takes the excluded costs out before the deductibles, in proportion to the two amounts (issue 12 item 7)", () => {
    // 40000 in + 60000 out, 10000 excluded → 4000 from in, 6000 from out:
    // (36000 − 20000) × 100% + (54000 − 20000) × 75% = 16000 + 25500 = 41500 (without the exclusion 20000 + 30000 = 50000)
    const b = s.benefit(claim({ inCatalogSelfPay: 40000, outOfCatalogSelfPay: 60000, excludedPreExistingCost: 10000 }), person(), D);
    expect(b.payout).toBe(41500);
    expect(s.benefit(claim({ inCatalogSelfPay: 40000, outOfCatalogSelfPay: 60000 }), person(), D).payout).toBe(50000);
  });

  it("properties: 0 ≤ payout ≤ cap, non-decreasing in each cost", () => {
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

  it("property: continuous at the deductibles (a 1-fen step moves the payout by at most 1 fen)", () => {
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

describe("gonghuibao premium", () => {
  it("68 元 at age 50, 168 元 at 51 (seed 002 l.109–112)", () => {
    expect(s.premium(person({ age: 50 }), s.parsePurchase({}, D), D).gross).toBe(68);
    expect(s.premium(person({ age: 51 }), s.parsePurchase({}, D), D).gross).toBe(168);
    expect(s.premium(person({ age: 0 }), s.parsePurchase({}, D), D).gross).toBe(68);
  });

  it("Bank of Ningbo card holders pay 38 元 (68 − 30, seed 002 l.193–196)", () => {
    const q = s.premium(person({ age: 30, bankOfNingboCardHolder: true }), s.parsePurchase({}, D), D);
    expect(q.net).toBe(38);
    expect(q.subsidies).toEqual([expect.objectContaining({ payer: "bank", amount: 30 })]);
    // over 50: 168 − 30 = 138
    expect(s.premium(person({ age: 60, bankOfNingboCardHolder: true }), s.parsePurchase({}, D), D).net).toBe(138);
  });

  it("default person has no bank card: pays the full 68", () => {
    expect(s.premium(person({ age: 30 }), s.parsePurchase({}, D), D).net).toBe(68);
  });

  it("employer group purchase: the employer pays all, the insured nothing", () => {
    const q = s.premium(person({ age: 55 }), s.parsePurchase({ payer: "employer" }, D), D);
    expect(q.net).toBe(0);
    expect(q.byPayer).toEqual([{ payer: "employer", amount: 168 }, { payer: "insured", amount: 0 }]);
  });

  it("eligibility: any age, requires Ningbo basic medical insurance", () => {
    expect(s.eligibility(person({ age: 0 }), D).eligible).toBe(true);
    expect(s.eligibility(person({ age: 105 }), D).eligible).toBe(true);
    const no = s.eligibility(person({ ningboMedicalInsurance: false }), D);
    expect(no.eligible).toBe(false);
    expect(no.reasons.find((r) => !r.met)!.rule).toBe("gonghuibao.medicalInsurance");
  });
});

describe("gonghuibao input validation", () => {
  const bad: [object | null, string, RegExp][] = [
    [{ inCatalogSelfPay: -1, outOfCatalogSelfPay: 0 }, "claim.inCatalogSelfPay", /0 to 100000000/],
    [{ inCatalogSelfPay: Number.NaN, outOfCatalogSelfPay: 0 }, "claim.inCatalogSelfPay", /amount in 元/],
    [{ inCatalogSelfPay: "12", outOfCatalogSelfPay: 0 }, "claim.inCatalogSelfPay", /amount/],
    [{ outOfCatalogSelfPay: 0 }, "claim.inCatalogSelfPay", /amount/],
    [{ inCatalogSelfPay: 1, outOfCatalogSelfPay: 0, foo: 1 }, "claim.foo", /allowed fields: inCatalogSelfPay, outOfCatalogSelfPay, excludedPreExistingCost/],
    [null, "claim", /JSON object/],
  ];
  it.each(bad)("%j → InputError on %s", (input, field, message) => {
    try {
      s.parseClaim(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
      expect((e as InputError).message).toMatch(message);
    }
  });
  it("age −1 and 121 are rejected with the range", () => {
    expect(() => s.parsePerson({ age: -1 })).toThrow(/person.age: must be an integer from 0 to 120/);
    expect(() => s.parsePerson({ age: 30.5 })).toThrow(/person.age/);
  });
});
