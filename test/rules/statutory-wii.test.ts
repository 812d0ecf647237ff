import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { singleTypeWii as s, liablePlatform, parseTasks } from "../../src/rules/single-type-wii.js";
import { occupationalInjuryPilot as pilot } from "../../src/rules/occupational-injury-pilot.js";
import { platformInjuryMandatory as mand } from "../../src/rules/platform-injury-mandatory.js";

const D = "2024-06-01";

describe("single-type WII (statutory pattern)", () => {
  const p = s.parsePerson({});
  const b = (c: object, date = D, person = p) => s.benefit(s.parseClaim(c), person, date);
  it.each([
    // grade, months (工伤保险条例 arts. 35–37), × the assumed Zhejiang base 7000
    [1, 27 * 7000],
    [2, 25 * 7000],
    [3, 23 * 7000],
    [4, 21 * 7000],
    [5, 18 * 7000],
    [6, 16 * 7000],
    [7, 13 * 7000],
    [8, 11 * 7000],
    [9, 9 * 7000],
    [10, 7 * 7000],
  ])("grade %d one-time disability subsidy = %d", (grade, expected) => {
    const items = b({ medicalCost: 0, disabilityGrade: grade }).items;
    expect(items.find((i) => i.rule === "single-type-wii.statutory.disabilitySubsidy")!.amount).toBe(expected);
  });
  it("the medical line (art. 30) reads and serialises like every trace line: 12345.6 × 100 % = 12345.6", () => {
    const line = b({ medicalCost: 12345.6 }).items[0]!;
    const expected = { rule: "single-type-wii.statutory.medical", label: { zh: "工伤医疗费用(第三十条)", en: "medical costs (art. 30)" }, amount: 12345.6, payer: "fund", params: ["single-type-wii.statutory.medical.rate"], formula: "12345.6 × 100% = 12345.6" };
    expect(JSON.parse(JSON.stringify(line))).toEqual(expected);
    expect({ ...expected, formula: line.formula, amount: line.amount, rule: line.rule }).toEqual(expected);
  });
  it("death: 20 × 51821 = 1036420 in 2024, 20 × 54188 = 1083760 in 2025, plus funeral 6 × 7000, plus survivors' pensions", () => {
    // Survivors' pensions (art. 39), by hand: 70 % of deaths leave dependants × min(1.8 × 30 %, 100 %)
    // × 7000 = 3780 元/month, for 15 years certain (180 payments, g 2.5 %, i 3 %):
    // r = (1.025 / 1.03)^(1/12) = 0.99959457, ä = (1 − r^180) / (1 − r) = (1 − 0.92960748) / 0.00040543 = 173.6228
    // → 0.7 × 3780 × 173.6228 = 459405.95.
    const survivors = 459405.95;
    expect(b({ medicalCost: 0, death: true }, "2024-12-31").payout).toBe(1036420 + 42000 + survivors);
    expect(b({ medicalCost: 0, death: true }, "2025-01-01").payout).toBe(1083760 + 42000 + survivors);
    // Two dependants known: min(2 × 30 %, 100 %) × 7000 = 4200/month × 173.6228 = 729215.79.
    const two = b({ medicalCost: 0, death: true, dependants: 2 }, "2025-01-01").items.find((i) => i.rule.endsWith("survivorsPension"))!;
    expect(two.amount).toBeCloseTo(4200 * 173.62280657, 1);
    expect(b({ medicalCost: 0, death: true, dependants: 0 }, "2025-01-01").payout).toBe(1083760 + 42000);
  });
  it("medical costs paid in full; no determination → 0", () => {
    expect(b({ medicalCost: 12345.67 }).payout).toBe(12345.67);
    expect(b({ medicalCost: 5000, injuryDetermined: false }).payout).toBe(0);
  });
  it("premium = base × class rate: Zhejiang class 2 → 7000 × 0.4% = 28/month, class 8 → 7000 × 1.9% = 133", () => {
    const q = s.premium(s.parsePerson({ industryClass: 8 }), s.parsePurchase({ months: 12 }, D), D);
    expect(q.gross).toBe(1596); // 133 × 12
    expect(q.net).toBe(0);
    expect(s.premium(p, s.parsePurchase({}, D), D).subsidies[0]).toMatchObject({ payer: "platform", amount: 28 });
    // Guangdong class 1: 6500 × 0.2% = 13
    expect(s.premium(s.parsePerson({ variant: "guangdong", industryClass: 1 }), s.parsePurchase({}, "2021-06-01"), "2021-06-01").gross).toBe(13);
  });
  it("Guangdong's measures run 2020-07-01 to 2022-08-31", () => {
    const gd = s.parsePerson({ variant: "guangdong" });
    expect(s.eligibility(gd, "2020-06-30").eligible).toBe(false);
    expect(s.eligibility(gd, "2020-07-01").eligible).toBe(true);
    expect(s.eligibility(gd, "2022-08-31").eligible).toBe(true);
    expect(s.eligibility(gd, "2022-09-01").eligible).toBe(false);
    expect(s.eligibility(s.parsePerson({ age: 15 }), D).eligible).toBe(false);
  });
  it("industry class 9 is rejected with the range", () => {
    expect(() => s.parsePerson({ industryClass: 9 })).toThrow(/person.industryClass: must be an integer from 1 to 8/);
    expect(() => s.parsePerson({ variant: "jiangsu" })).toThrow(/person.variant: must be one of zhejiang, guangdong/);
  });
  it("property: payout ≥ 0 and non-decreasing in medical cost", () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 10 }), (c, e, g) => {
      const a = b({ medicalCost: c, disabilityGrade: g }).payout;
      return a >= 0 && b({ medicalCost: c + e, disabilityGrade: g }).payout >= a;
    }));
  });
});

describe("Zhejiang first-order rule (seed 001 l.127–135)", () => {
  it("one task → its platform", () => {
    expect(liablePlatform([{ platform: "美团", acceptedAt: "2024-05-01T12:00:00+08:00" }])).toMatchObject({ platform: "美团", rule: "single-task" });
  });
  it("several at once → the order accepted first (张某: 饿了么 and 美团)", () => {
    const r = liablePlatform(parseTasks([
      { platform: "美团", acceptedAt: "2024-05-01T12:05:00+08:00" },
      { platform: "饿了么", acceptedAt: "2024-05-01T12:01:00+08:00" },
      { platform: "美团", acceptedAt: "2024-05-01T12:09:00+08:00" },
    ]));
    expect(r).toMatchObject({ platform: "饿了么", rule: "first-order" });
  });
  it("time zones are compared as instants", () => {
    // 04:02Z = 12:02+08:00, later than 12:01+08:00
    expect(liablePlatform([{ platform: "A", acceptedAt: "2024-05-01T04:02:00Z" }, { platform: "B", acceptedAt: "2024-05-01T12:01:00+08:00" }]).platform).toBe("B");
  });
  it("none → no platform; a tie is reported, not guessed", () => {
    expect(liablePlatform([])).toMatchObject({ platform: null, rule: "no-task" });
    expect(liablePlatform([{ platform: "A", acceptedAt: "2024-05-01T12:00:00Z" }, { platform: "B", acceptedAt: "2024-05-01T12:00:00Z" }])).toMatchObject({ platform: null, rule: "tie", tied: ["A", "B"] });
  });
  it("bad tasks are InputErrors naming the field", () => {
    expect(() => parseTasks([{ platform: "A", acceptedAt: "noon" }])).toThrow(/tasks\[0\].acceptedAt: must be an ISO date-time/);
    expect(() => parseTasks([{ platform: "A", acceptedAt: "2024-05-01T12:00:00Z", x: 1 }])).toThrow(/tasks\[0\].x: unknown field/);
    expect(() => parseTasks({})).toThrow(/tasks: must be an array/);
  });
});

describe("occupational-injury pilot", () => {
  const q = (person: object, orders: number) => pilot.premium(pilot.parsePerson(person), pilot.parsePurchase({ orders }, "2025-06-01"), "2025-06-01");
  it("per-order contributions: ride-hailing 0.01, freight 0.18, new delivery platform 0.07 (人社部发〔2025〕24号)", () => {
    expect(q({ sector: "ride-hailing" }, 1000).gross).toBe(10); // 0.01 × 1000
    expect(q({ sector: "freight" }, 1000).gross).toBe(180); // 0.18 × 1000
    expect(q({ sector: "instant-delivery", newPlatform: true }, 1000).gross).toBe(70); // 0.07 × 1000
    const d = q({}, 1000);
    expect(d.gross).toBe(160); // assumed midpoint 0.16 × 1000
    expect(d.net).toBe(0);
    expect(d.subsidies[0]!.payer).toBe("platform");
  });
  it("only injuries while on an order are covered", () => {
    const person = pilot.parsePerson({});
    expect(pilot.benefit(pilot.parseClaim({ onOrder: false, medicalCost: 5000 }), person, "2025-06-01").payout).toBe(0);
    // on order: medical 5000 + grade 10: 7 × 8000 (assumed regional wage) = 56000, + the fund's
    // medical lump sum on leaving the job: 80 % leave × 2 months × 8000 = 12800 (the employment
    // lump sum, 80 % × 2 × 8000 = 12800, is the platform's and not in the payout)
    const r = pilot.benefit(pilot.parseClaim({ onOrder: true, medicalCost: 5000, disabilityGrade: 10 }), person, "2025-06-01");
    expect(r.payout).toBe(5000 + 56000 + 12800);
    expect(r.items.find((i) => i.rule.endsWith("employmentLumpSum"))).toMatchObject({ amount: 12800, payer: "platform" });
  });
  it("the pilot is not in force before 2022-07-01", () => {
    expect(() => pilot.premium(pilot.parsePerson({}), { orders: 1 }, "2022-06-30")).toThrow(/date: before the first version of occupational-injury-pilot\..*2022-07-01.*2022-06-30/);
  });
});

describe("mandatory platform-worker scheme (proposal)", () => {
  const person = mand.parsePerson({ thirdPartyCover: true });
  it("prices per order with the add-on: (0.15 + 0.02) × 100 = 17", () => {
    expect(mand.premium(person, mand.parsePurchase({ orders: 100 }, "2025-01-01"), "2025-01-01").gross).toBe(17);
    expect(mand.premium(mand.parsePerson({}), mand.parsePurchase({ orders: 100 }, "2025-01-01"), "2025-01-01").gross).toBe(15);
  });
  it("causation-centred: not work-related → 0; third-party damage paid up to 50 万 only with the add-on", () => {
    const d = "2025-06-01";
    expect(mand.benefit(mand.parseClaim({ workRelated: false, medicalCost: 100 }), person, d).payout).toBe(0);
    // medical 1000 + third party min(800000, 500000)
    expect(mand.benefit(mand.parseClaim({ workRelated: true, medicalCost: 1000, thirdPartyDamage: 800000 }), person, d).payout).toBe(501000);
    expect(mand.benefit(mand.parseClaim({ workRelated: true, medicalCost: 1000, thirdPartyDamage: 800000 }), mand.parsePerson({}), d).payout).toBe(1000);
  });
});
