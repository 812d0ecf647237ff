import { describe, expect, it } from "vitest";
import { type AnyScheme } from "../../src/rules/index.js";
import { schemes, getScheme } from "../../src/schemes/index.js";
import { InputError } from "../../src/rules/input-error.js";
import { multiplierRange, pricingValues, repriced } from "../../src/sim/pricing.js";

/** Gross premium and payer split of a person/purchase (scheme defaults for what is not given). */
function quote(scheme: AnyScheme, person: object = {}, purchase: object = {}, date = scheme.referenceDate) {
  const p = scheme.premium(scheme.parsePerson(person), scheme.parsePurchase(purchase, date), date);
  const by = Object.fromEntries(p.byPayer.map((x) => [x.payer, x.amount]));
  return { gross: p.gross, net: p.net, by };
}

describe("Scheme.pricing", () => {
  it("every scheme names pricing parameters that exist in its table", () => {
    for (const s of schemes) {
      expect(s.pricing.length, s.id).toBeGreaterThan(0);
      for (const path of s.pricing) expect(s.parameters.has(path), `${s.id}: ${path}`).toBe(true);
    }
  });

  it.each(schemes.map((s) => [s.id, s] as const))("%s: the default person's gross premium scales by the multiplier", (_id, s) => {
    // The default purchase is one unit (1 day, 1 month, 1 order): use 1000 orders where the unit is
    // an order so the fen rounding of a per-order premium does not dominate.
    const purchase = s.id === "occupational-injury-pilot" || s.id === "platform-injury-mandatory" ? { orders: 1000 } : {};
    const base = quote(s, {}, purchase).gross;
    expect(base).toBeGreaterThan(0);
    for (const m of [0.5, 1.5, 2]) {
      const g = quote(repriced(s, m), {}, purchase).gross;
      // Premiums are rounded to the fen once: allow half a fen either way.
      expect(Math.abs(g - m * base), `${s.id} × ${m}: ${g} vs ${m * base}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});

describe("repriced: hand-checked premiums", () => {
  const ghb = getScheme("gonghuibao");

  it("工惠保 68/168 × 1.5 = 102/252; the 30 元 bank subsidy stays 30", () => {
    const r = repriced(ghb, 1.5);
    expect(quote(r, { age: 40 }).gross).toBe(102); // 68 × 1.5
    expect(quote(r, { age: 60 }).gross).toBe(252); // 168 × 1.5
    // Card holder aged 40: 102 − 30 = 72 paid by the insured (before: 68 − 30 = 38).
    const card = quote(r, { age: 40, bankOfNingboCardHolder: true });
    expect(card.by["bank"]).toBe(30);
    expect(card.net).toBe(72);
    expect(quote(ghb, { age: 40, bankOfNingboCardHolder: true }).net).toBe(38);
    // The original scheme is untouched.
    expect(quote(ghb, { age: 60 }).gross).toBe(168);
    // Benefits are not pricing: (32200 − 20000) × 100% + (488100 − 20000) × 75% = 363275 either way.
    const claim = r.parseClaim({ inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 });
    expect(r.benefit(claim, r.parsePerson({}), "2020-09-01").payout).toBe(363275);
  });

  it("灵活保 0.6 元/day × 1.5 = 0.9 元/day; the 50 % budget share scales with it", () => {
    const s = getScheme("linghuobao");
    const r = repriced(s, 1.5);
    // 1 day: 0.9 gross, budget 0.9 × 50% = 0.45, worker 0.45 (before: 0.6, 0.3, 0.3).
    expect(quote(r, {}, { days: 1 })).toMatchObject({ gross: 0.9, net: 0.45, by: { budget: 0.45 } });
    expect(quote(s, {}, { days: 1 })).toMatchObject({ gross: 0.6, net: 0.3, by: { budget: 0.3 } });
    // 28 days: 0.9 × 28 = 25.2 gross, budget 12.6 (before: 16.8 and 8.4).
    expect(quote(r, {}, { days: 28 })).toMatchObject({ gross: 25.2, net: 12.6, by: { budget: 12.6 } });
    expect(pricingValues(r, 1).map((v) => v.base)).toEqual([0.9]);
  });

  it("天一甬宁保 2024: adult 100 → 150, minor 60 → 90 (× 1.5)", () => {
    const r = repriced(getScheme("tianyi-yongningbao"), 1.5);
    expect(quote(r, { age: 40 }).gross).toBe(150);
    expect(quote(r, { age: 10 }).gross).toBe(90);
  });

  it("Urumqi: class-1 monthly 25 (B) / 10 (A) × class 2 rate ratio 2 → × 1.5 = 75 / 30 a month", () => {
    const r = repriced(getScheme("urumqi-supplementary-wii"), 1.5);
    // track B platform worker, class 2: 25 × 1.5 × (0.4% / 0.2%) = 75
    expect(quote(r, { category: "platform", industryClass: 2 }).gross).toBe(75);
    // track A employee, class 2, 3 months: 10 × 1.5 × 2 × 3 = 90
    expect(quote(r, { category: "employee", industryClass: 2 }, { months: 3 }).gross).toBe(90);
  });

  it("single-type WII: 7000 × 0.4 % = 28 → 42 a month; the base (also the benefit wage) is untouched", () => {
    const s = getScheme("single-type-wii");
    const r = repriced(s, 1.5);
    expect(quote(r, { industryClass: 2 }).gross).toBe(42);
    expect(quote(r, { industryClass: 8 }).gross).toBe(199.5); // 7000 × 1.9 % × 1.5
    expect(r.parameters.v("single-type-wii.zhejiang.contributionBase", "2023-06-01")).toBe(7000);
  });

  it("pilot 0.16 元/order → 0.24; mandatory proposal, instant delivery 0.16 + 0.02 add-on → 0.24 + 0.03", () => {
    const pilot = repriced(getScheme("occupational-injury-pilot"), 1.5);
    expect(quote(pilot, {}, { orders: 100 }).gross).toBe(24); // 0.16 × 1.5 × 100
    expect(quote(pilot, { sector: "ride-hailing" }, { orders: 1000 }).gross).toBe(15); // 0.01 × 1.5 × 1000
    const mand = repriced(getScheme("platform-injury-mandatory"), 1.5);
    expect(quote(mand, {}, { orders: 1000 }).gross).toBe(240); // 0.16 × 1.5 × 1000 (instant delivery, the default sector)
    expect(quote(mand, { thirdPartyCover: true }, { orders: 1000 }).gross).toBe(270); // (0.16 + 0.02) × 1.5 × 1000
    expect(quote(mand, { sector: "ride-hailing" }, { orders: 1000 }).gross).toBe(15); // 0.01 × 1.5 × 1000
  });
});

describe("repriced: allowed ranges and bad multipliers", () => {
  it("a multiplier that would leave a parameter's range is an InputError naming the parameter", () => {
    // 工惠保 premiums are allowed up to 10000: 168 × 60 = 10080 > 10000, 68 × 60 = 4080 is fine.
    const ghb = getScheme("gonghuibao");
    expect(() => repriced(ghb, 60)).toThrow(InputError);
    expect(() => repriced(ghb, 60)).toThrow(/^gonghuibao\.premium\.aboveThreshold: .*outside .*0 to 10000/);
    // single-type class rates are allowed up to 0.1: class 8 at 1.9 % allows at most 0.1 / 0.019 ≈ 5.263.
    const st = getScheme("single-type-wii");
    expect(multiplierRange(st).max).toBeCloseTo(0.1 / 0.019, 12);
    expect(() => repriced(st, 5.2)).not.toThrow();
    expect(() => repriced(st, 5.3)).toThrow(/^single-type-wii\.classRate\.class8: /);
    // 工惠保: 10000 / 168 ≈ 59.52
    expect(multiplierRange(ghb)).toEqual({ min: 0, max: 10000 / 168 });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("multiplier %s → InputError on multiplier", (m) => {
    expect(() => repriced(getScheme("linghuobao"), m)).toThrow(/^multiplier: out of range \(allowed: a finite number > 0; got (0|-1|NaN|Infinity)\)$/);
  });

  it("reads the value in force on the given date (天一 minor tier: 100 in 2023, 60 in 2024)", () => {
    const s = getScheme("tianyi-yongningbao");
    expect(pricingValues(s, 2, "2023-06-01").find((v) => v.path.endsWith("minorOrStudent"))!.value).toBe(200);
    const r = repriced(s, 2, "2023-06-01");
    expect(quote(r, { age: 10 }, {}, "2023-06-01").gross).toBe(200);
  });
});
