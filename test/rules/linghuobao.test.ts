import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/rules/input-error.js";
import { linghuobao as s } from "../../src/rules/linghuobao.js";

const D = "2022-06-25";
const person = (x: object = {}) => s.parsePerson(x);
const buy = (days: number, date = D) => s.parsePurchase({ days }, date);

describe("linghuobao premium", () => {
  it("0.6 元/day gross, 0.3 元/day net in the first two years (seed 000 l.191–192)", () => {
    const q = s.premium(person({ age: 30 }), buy(1), D);
    expect(q.gross).toBe(0.6);
    expect(q.net).toBe(0.3);
    expect(q.subsidies).toEqual([expect.objectContaining({ payer: "budget", amount: 0.3 })]);
  });

  it("28 days: gross 0.6 × 28 = 16.8, budget 8.4, worker 8.4", () => {
    const q = s.premium(person(), buy(28), D);
    expect([q.gross, q.subsidies[0]!.amount, q.net]).toEqual([16.8, 8.4, 8.4]);
  });

  it("subsidy ends two years after launch: 2024-06-24 still 0.3/day, 2024-06-25 pays 0.6", () => {
    expect(s.premium(person(), buy(1, "2024-06-24"), "2024-06-24").net).toBe(0.3);
    const after = s.premium(person(), buy(1, "2024-06-25"), "2024-06-25");
    expect(after.net).toBe(0.6);
    expect(after.subsidies).toEqual([]);
  });

  it("cover runs from the next day (seed 000 l.82–84)", () => {
    expect(s.premium(person(), buy(3), "2022-06-25").cover).toEqual({ from: "2022-06-26", until: "2022-06-28" });
  });

  it("days 0 and 29 are rejected, 1 and 28 accepted (seed 000 l.268–270)", () => {
    expect(buy(1).days).toBe(1);
    expect(buy(28).days).toBe(28);
    expect(() => buy(0)).toThrow(/purchase.days: must be an integer from 1 to 28/);
    expect(() => buy(29)).toThrow(/purchase.days: must be an integer from 1 to 28/);
    expect(() => buy(1.5)).toThrow(InputError);
  });

  it("before launch the parameters are not in force: InputError on date", () => {
    expect(() => s.premium(person(), { days: 1 }, "2022-06-24")).toThrow(/date: before the first version of linghuobao\.[^ ]+ \(allowed: a date on or after 2022-06-25; got "2022-06-24"\)/);
  });

  it("property: premium ≥ 0 and subsidies ≤ gross for any days and date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 3000 }), (days, offset) => {
        const date = new Date(Date.UTC(2022, 5, 25 + offset)).toISOString().slice(0, 10);
        const q = s.premium(person(), { days }, date);
        const sub = q.subsidies.reduce((a, x) => a + x.amount, 0);
        return q.gross >= 0 && q.net >= 0 && sub <= q.gross && Math.abs(q.gross - sub - q.net) < 1e-9;
      }),
    );
  });
});

describe("linghuobao eligibility", () => {
  it.each([
    [15, false],
    [16, true],
    [65, true],
    [66, false],
  ])("age %d → eligible %s (seed 000 l.240: 16 周岁至 65 周岁)", (age, ok) => {
    const e = s.eligibility(person({ age }), D);
    expect(e.eligible).toBe(ok);
    expect(e.reasons.find((r) => r.rule === "linghuobao.age")!.met).toBe(ok);
  });

  it("job period must be under 29 days (seed 000 l.261–262)", () => {
    expect(s.eligibility(person({ jobPeriodDays: 28 }), D).eligible).toBe(true);
    expect(s.eligibility(person({ jobPeriodDays: 29 }), D).eligible).toBe(false);
  });

  it("{age: 30} is a registered flexible worker with a job in Ningbo", () => {
    const e = s.eligibility(person({ age: 30 }), D);
    expect(e.eligible).toBe(true);
    expect(e.reasons.map((r) => r.rule)).toEqual(["linghuobao.period", "linghuobao.age", "linghuobao.registered", "linghuobao.jobInNingbo", "linghuobao.jobPeriod"]);
  });

  it("unregistered or job outside Ningbo → not eligible", () => {
    expect(s.eligibility(person({ registeredOnPlatform: false }), D).eligible).toBe(false);
    expect(s.eligibility(person({ jobInNingbo: false }), D).eligible).toBe(false);
  });
});

describe("linghuobao benefit", () => {
  const b = (c: object) => s.benefit(s.parseClaim(c), person(), D);
  it("medical costs up to 3 万 (seed 000 l.84)", () => {
    expect(b({ medicalCost: 10000 }).payout).toBe(10000); // the 2020 fracture anecdote, ~1 万
    expect(b({ medicalCost: 29999.99 }).payout).toBe(29999.99);
    expect(b({ medicalCost: 30000 }).payout).toBe(30000);
    expect(b({ medicalCost: 30000.01 }).payout).toBe(30000);
  });
  it.each([
    [1, 300000], // 300000 × 100%
    [5, 180000], // 300000 × 60%
    [10, 30000], // 300000 × 10%
  ])("disability grade %d pays %d", (grade, amount) => {
    expect(b({ medicalCost: 0, disabilityGrade: grade }).payout).toBe(amount);
  });
  it("death pays 30 万; disability + death together at most 30 万", () => {
    expect(b({ medicalCost: 0, death: true }).payout).toBe(300000);
    // grade 3 (240000) + death (300000) = 540000 → capped 300000; plus medical 5000
    const r = b({ medicalCost: 5000, disabilityGrade: 3, death: true });
    expect(r.payout).toBe(305000);
    expect(r.items.at(-1)).toMatchObject({ rule: "linghuobao.disabilityDeathCap", amount: -240000 });
  });
  it("grade 11 and grade 0 are rejected with the allowed range", () => {
    expect(() => s.parseClaim({ medicalCost: 0, disabilityGrade: 11 })).toThrow(/claim.disabilityGrade: must be an integer from 1 to 10/);
    expect(() => s.parseClaim({ medicalCost: 0, disabilityGrade: 0 })).toThrow(/claim.disabilityGrade/);
  });
  it("property: 0 ≤ payout ≤ 3 万 + 30 万, non-decreasing in medical cost", () => {
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
