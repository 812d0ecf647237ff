/**
 * The injury family's shared pieces (src/families/injury/), each against values computed by hand:
 * cover periods (民法典 art. 203 months; next-day cover of 灵活保 and Urumqi), the age reason, the
 * per-order contribution with and without an add-on, a premium paid in full by one payer, the
 * capped-share and grade-ratio benefit lines, the "not covered" benefit, parameter paths, payer
 * options from the vocabulary, and the platform workers' statutory basis.
 */
import { describe, expect, it } from "vitest";
import {
  cappedShareLine, coverFromNextDay, coverUntil, gradeShareLine, minAgeReason, notCovered, paidInFull, paramPaths, payerOptions, perOrderPremium, platformWorkerBasis,
} from "../../../src/families/injury/index.js";
import { def, ParameterTable, ver } from "../../../src/rules/parameter.js";

const param = (path: string, value: number) => def(path, [path, path], "CNY", [0, 1e9], [ver("2025-01-01", value, { kind: "none", detail: "a test value" })]);

const t = new ParameterTable([
  param("x.rate", 0.8), param("x.cap", 30000), param("x.sum", 300000),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((g) => param(`x.ratio.grade${g}`, (11 - g) / 10)),
]);
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("cover periods", () => {
  it("calendar months end the day before the corresponding day, or at the month's end (民法典 art. 203)", () => {
    expect(coverUntil("2024-01-15", 1)).toBe("2024-02-14");
    expect(coverUntil("2024-01-01", 12)).toBe("2024-12-31");
    expect(coverUntil("2024-01-31", 1)).toBe("2024-02-29");
    expect(coverUntil("2023-01-31", 1)).toBe("2023-02-28");
    expect(coverUntil("2024-11-30", 3)).toBe("2025-02-28");
  });
  it("next-day cover: 1 day bought on 2024-02-28 covers 2024-02-29 only; 30 days from 2025-12-31 end on 2026-01-30", () => {
    expect(coverFromNextDay("2024-02-28", 1)).toEqual({ from: "2024-02-29", until: "2024-02-29" });
    expect(coverFromNextDay("2025-12-31", 30)).toEqual({ from: "2026-01-01", until: "2026-01-30" });
  });
});

describe("eligibility: the age reason", () => {
  it("met at the limit, failed below, in both languages", () => {
    expect(minAgeReason("x.age", 16, 16)).toEqual({ rule: "x.age", met: true, en: "age 16 ≥ 16", zh: "年龄16岁不低于16岁" });
    expect(minAgeReason("x.age", 15, 16, "周岁")).toEqual({ rule: "x.age", met: false, en: "age 15 < 16", zh: "年龄15岁低于16周岁" });
  });
});

describe("premiums", () => {
  it("per order: 0.16 × 1000 = 160; with a 0.02 add-on (0.15 + 0.02) × 100 = 17", () => {
    const a = perOrderPremium("x", 1000, { path: "x.rate", value: 0.16 });
    expect(plain(a)).toEqual({ rule: "x.premium", label: { zh: "按单缴费", en: "per-order contribution" }, amount: 160, params: ["x.rate"], formula: "0.16 × 1000 orders = 160" });
    const b = perOrderPremium("x", 100, { path: "x.rate", value: 0.15 }, { path: "x.tp", value: 0.02, name: "third-party" });
    expect(b.amount).toBe(17);
    expect(b.params).toEqual(["x.rate", "x.tp"]);
    expect(b.formula).toBe("(0.15 + 0.02 third-party) × 100 orders = 17");
  });
  it("paid in full by one payer: the insured pays 0, the payer all, over the cover given", () => {
    const q = paidInFull(perOrderPremium("x", 3, { path: "x.rate", value: 0.07 }), { rule: "x.pays", payer: "platform", label: { zh: "平台", en: "platform" } }, { from: "2025-01-02", until: "2025-01-31" });
    expect(q.gross).toBe(0.21);
    expect(q.net).toBe(0);
    expect(q.byPayer).toEqual([{ payer: "platform", amount: 0.21 }, { payer: "insured", amount: 0 }]);
    expect(q.subsidies[0]!.formula).toBe("platform pays 0.21");
    expect(q.cover).toEqual({ from: "2025-01-02", until: "2025-01-31" });
  });
});

describe("benefit lines", () => {
  it("capped share: min(50000 × 80 %, 30000) = 30000; min(10000 × 80 %, 30000) = 8000", () => {
    const a = cappedShareLine(t, "x.medical", { zh: "医疗", en: "medical" }, 50000, "x.rate", "x.cap", "2025-06-01");
    expect(plain(a)).toEqual({ rule: "x.medical", label: { zh: "医疗", en: "medical" }, amount: 30000, params: ["x.rate", "x.cap"], formula: "min(50000 × 80%, 30000) = 30000" });
    expect(cappedShareLine(t, "x.medical", { zh: "医疗", en: "medical" }, 10000, "x.rate", "x.cap", "2025-06-01").amount).toBe(8000);
  });
  it("grade ratio: grade 3 pays 300000 × 80 % = 240000, naming the grade's ratio parameter", () => {
    const a = gradeShareLine(t, "x.disability", { zh: "伤残", en: "disability" }, "x.sum", "x.ratio", 3, "2025-06-01");
    expect(plain(a)).toEqual({ rule: "x.disability", label: { zh: "伤残", en: "disability" }, amount: 240000, params: ["x.sum", "x.ratio.grade3"], formula: "300000 × 80% = 240000" });
  });
  it("not covered: a payout of 0 with the one line that says why", () => {
    expect(notCovered("x.onOrder", { zh: "否", en: "no" }, "→ 0")).toEqual({ payout: 0, items: [{ rule: "x.onOrder", label: { zh: "否", en: "no" }, amount: 0, params: [], formula: "→ 0" }] });
  });
  it("a date before the parameters' first version is an InputError on the date, not NaN", () => {
    expect(() => cappedShareLine(t, "x.medical", { zh: "医疗", en: "medical" }, 1, "x.rate", "x.cap", "2024-12-31")).toThrow(/date/);
  });
});

describe("paths, payers and the statutory basis", () => {
  it("parameter keys relative to the scheme id become full paths", () => {
    expect(paramPaths("abc", { wage: "regionalAverageWage", rate: "premium.perOrder" })).toEqual({ wage: "abc.regionalAverageWage", rate: "abc.premium.perOrder" });
  });
  it("payer options carry the vocabulary's short labels", () => {
    expect(payerOptions(["employer", "platform", "association"])).toEqual({ employer: { zh: "用人单位", en: "employer" }, platform: { zh: "平台", en: "platform" }, association: { zh: "协会", en: "association" } });
  });
  it("platform workers: the region's average wage, the national lump sums, the platform carrying the employer's share", () => {
    expect(platformWorkerBasis("abc")).toEqual({ wagePath: "abc.regionalAverageWage", wageName: "region's average monthly wage", region: "national", lumpSumWage: "regional", employerPayer: "platform" });
  });
});
