import { describe, expect, it } from "vitest";
import { applyReform, closestPaths, InputError } from "../../src/rules/index.js";
import { getScheme } from "../../src/schemes/index.js";

const g = getScheme("gonghuibao");
const claim = g.parseClaim({ inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 });

describe("reforms", () => {
  it("overrides a parameter and leaves the original untouched", () => {
    const r = applyReform(g, { "gonghuibao.outOfCatalog.rate": 0.8 });
    // 12200 + 468100 × 80% = 12200 + 374480 = 386680
    expect(r.benefit(claim, g.parsePerson({}), "2020-09-01").payout).toBe(386680);
    expect(g.benefit(claim, g.parsePerson({}), "2020-09-01").payout).toBe(363275);
    expect(r.parameters.param("gonghuibao.outOfCatalog.rate").versions[0]!.reference.kind).toBe("reform");
  });
  it("overrides every dated version (天一 2023 and 2024)", () => {
    const t = applyReform(getScheme("tianyi-yongningbao"), { "tianyi-yongningbao.rate.band2.noPreExisting": 0.5 });
    const c = t.parseClaim({ coveredCost: 30000, preExisting: false });
    // 2023: 14000 × 20% + 10000 × 50% = 7800; 2024: 14000 × 30% + 10000 × 50% = 9200
    expect(t.benefit(c, t.parsePerson({}), "2023-06-01").payout).toBe(7800);
    expect(t.benefit(c, t.parsePerson({}), "2024-06-01").payout).toBe(9200);
  });
  it("a value from a date splits the version in force there and keeps the earlier ones", () => {
    const path = "tianyi-yongningbao.rate.band2.noPreExisting";
    const t = applyReform(getScheme("tianyi-yongningbao"), { [path]: { value: 0.5, from: "2024-07-01" } });
    const c = t.parseClaim({ coveredCost: 30000, preExisting: false });
    const pay = (date: string) => t.benefit(c, t.parsePerson({}), date).payout;
    // Band 1 (10000–20000 元, 14000 of the claim here) then band 2 (10000 above 20000 元):
    // 2023 (rules' 80 %): 14000 × 20% + 10000 × 80% = 10800; 2024 before July (rules' 60 %): 14000 × 30% + 10000 × 60% = 10200;
    // from 2024-07-01 (reform's 50 %): 14000 × 30% + 10000 × 50% = 9200.
    expect(pay("2023-06-01")).toBe(10800);
    expect(pay("2024-06-30")).toBe(10200);
    expect(pay("2024-07-01")).toBe(9200);
    const versions = t.parameters.param(path).versions;
    expect(versions.map((v) => [v.from, v.value, v.reference.kind])).toEqual([
      ["2023-01-01", 0.8, "seed"],
      ["2024-01-01", 0.6, "seed"],
      ["2024-07-01", 0.5, "reform"],
    ]);
  });
  it("a value from a version's first day or earlier needs no split", () => {
    const path = "tianyi-yongningbao.rate.band2.noPreExisting";
    const at = applyReform(getScheme("tianyi-yongningbao"), { [path]: { value: 0.5, from: "2024-01-01" } }).parameters.param(path).versions;
    expect(at.map((v) => [v.from, v.value])).toEqual([["2023-01-01", 0.8], ["2024-01-01", 0.5]]);
    const before = applyReform(getScheme("tianyi-yongningbao"), { [path]: { value: 0.5, from: "2020-01-01" } }).parameters.param(path).versions;
    const whole = applyReform(getScheme("tianyi-yongningbao"), { [path]: 0.5 }).parameters.param(path).versions;
    expect(before).toEqual(whole);
  });
  it("a dated value is checked field by field, with one line each", () => {
    const path = "gonghuibao.outOfCatalog.rate";
    const message = (reform: unknown) => {
      try {
        applyReform(g, reform);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return `${(e as InputError).message}`;
      }
      return "accepted";
    };
    expect(message({ [path]: { value: 0.8, from: "2023-02-30" } })).toBe(`reform.${path}.from: not a calendar date (allowed: a date YYYY-MM-DD that exists, e.g. 2025-01-01); got "2023-02-30"`);
    expect(message({ [path]: { value: 0.8 } })).toMatch(new RegExp(`^reform\\.${path.replace(/\./g, "\\.")}\\.from: missing`));
    expect(message({ [path]: { value: 1.5, from: "2021-01-01" } })).toBe(`reform.${path}.value: must be a number from 0 to 1 (share); got 1.5`);
    expect(message({ [path]: { value: 0.8, from: "2021-01-01", to: "2022-01-01" } })).toBe(`reform.${path}.to: unknown field (allowed: "value" and "from")`);
    for (const m of [message({ [path]: { value: 0.8, from: "2023-02-30" } }), message({ [path]: { value: Number.NaN, from: "2021-01-01" } })]) expect(m).not.toMatch(/\n/);
  });
  it("unknown path → InputError listing close valid paths", () => {
    try {
      applyReform(g, { "gonghuibao.outOfCatalog.rat": 0.8 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe("reform.gonghuibao.outOfCatalog.rat");
      expect((e as InputError).message).toMatch(/closest valid paths: gonghuibao.outOfCatalog.rate/);
    }
  });
  it("a path of another scheme says where paths start", () => {
    expect(() => applyReform(g, { "linghuobao.premium.daily": 1 })).toThrow(/paths of gonghuibao start with "gonghuibao."/);
  });
  it.each([[1.2], [-0.1], [Number.NaN], ["0.8"]])("out-of-range or non-number value %s → InputError with the range", (v) => {
    expect(() => applyReform(g, { "gonghuibao.outOfCatalog.rate": v })).toThrow(/reform.gonghuibao.outOfCatalog.rate: must be a number from 0 to 1 \(share\)/);
  });
  it("integer parameters reject fractions", () => {
    expect(() => applyReform(getScheme("linghuobao"), { "linghuobao.purchase.maxDays": 10.5 })).toThrow(/must be an integer from 1 to 366/);
  });
  it("a reform that is not an object is rejected", () => {
    expect(() => applyReform(g, [1])).toThrow(/reform: must be a JSON object/);
  });
  it("reformed purchase limits apply at the edge", () => {
    const l = applyReform(getScheme("linghuobao"), { "linghuobao.purchase.maxDays": 60 });
    expect(l.parsePurchase({ days: 60 }, "2022-07-01")).toEqual({ days: 60 });
    expect(() => getScheme("linghuobao").parsePurchase({ days: 60 }, "2022-07-01")).toThrow(/from 1 to 28/);
  });
  it("closestPaths ranks by edit distance", () => {
    expect(closestPaths(["a.b.c", "a.b.d", "x.y.z"], "a.b.e", 2)).toEqual(["a.b.c", "a.b.d"]);
  });
});
