/**
 * Which limits are yearly (issue 12): the rules declare the claim fields whose deductibles and
 * caps apply to a person's year; per-claim readings and omissions carry labels.
 */
import { describe, expect, it } from "vitest";
import { isAssumption, versionAt } from "../../src/rules/index.js";
import { getScheme } from "../../src/schemes/index.js";

describe("yearly limits are declared by the rules", () => {
  it("工惠保 and 天一甬宁保 sum their cost fields over a person's year; 灵活保 pays per accident", () => {
    expect(getScheme("gonghuibao").yearlyFields).toEqual(["inCatalogSelfPay", "outOfCatalogSelfPay", "excludedPreExistingCost"]);
    expect(getScheme("tianyi-yongningbao").yearlyFields).toEqual(["coveredCost", "protonHeavyIonCost"]);
    expect(getScheme("linghuobao").yearlyFields).toEqual([]);
  });

  it("灵活保's 3 万 / 30 万 limits carry an assumption label for the per-accident reading", () => {
    const s = getScheme("linghuobao");
    for (const path of ["linghuobao.medical.cap", "linghuobao.disabilityDeath.sumInsured"]) {
      const p = s.parameters.param(path);
      const v = versionAt(p, s.referenceDate)!;
      const rationale = v.assumption!.rationale;
      expect(typeof rationale === "string" ? rationale : rationale.en, path).toMatch(/per accident/);
      expect(typeof rationale === "string" ? "" : rationale.zh, path).toMatch(/每次事故/);
      expect(isAssumption(p, s.referenceDate), path).toBe(true);
    }
  });

  it("天一甬宁保's rules card says the special-drug benefit is not modelled", () => {
    const s = getScheme("tianyi-yongningbao");
    expect(s.describe("2024-01-01", "zh").benefit).toMatch(/特药.*未建模/);
    expect(s.describe("2024-01-01", "en").benefit).toMatch(/special-drug.*not modelled/);
  });
});
