/**
 * Features of the medical family that 工惠保 and 天一甬宁保 do not use, on a made-up product:
 * three age tiers and a student flag, an unconditional subsidy, age limits, a flat rate by
 * pre-existing status, a banded component with its own cap, no overall cap; and the spec check's
 * errors, which name the spec path.
 */
import { describe, expect, it } from "vitest";
import { createMedicalScheme, medicalScheme, type MedicalSpecInput } from "../../../src/families/medical/index.js";
import { def, noSource, ParameterTable, ver } from "../../../src/rules/parameter.js";

const F = "2021-01-01";
const p = (path: string, unit: Parameters<typeof def>[2], value: number) => def(`demo.${path}`, [path, path], unit, [0, 1e9], [ver(F, value, noSource("test"))]);
const table = new ParameterTable([
  p("age.young", "years", 30),
  p("age.old", "years", 60),
  p("age.max", "years", 80),
  p("premium.young", "CNY/year", 50),
  p("premium.middle", "CNY/year", 100),
  p("premium.old", "CNY/year", 200),
  p("budget.amount", "CNY", 20),
  p("drug.deductible", "CNY", 1000),
  p("drug.pre", "share", 0.4),
  p("drug.non", "share", 0.8),
  p("hosp.lo", "CNY", 10000),
  p("hosp.hi", "CNY", 50000),
  p("hosp.r1", "share", 0.5),
  p("hosp.r2", "share", 0.7),
  p("hosp.cap", "CNY", 30000),
]);
const L = (en: string) => ({ zh: en, en });
const spec: MedicalSpecInput = {
  person: { flags: [{ name: "student", label: L("student tier"), default: false }] },
  eligibility: { age: { max: "age.max" } },
  premium: {
    tiers: [
      { premium: "premium.young", when: [{ age: "<", param: "age.young" }, { field: "student" }] },
      { premium: "premium.middle", when: [{ age: "<", param: "age.old" }] },
      { premium: "premium.old" },
    ],
    subsidies: [{ rule: "budget", payer: "budget", label: L("city budget"), amount: "budget.amount" }],
  },
  benefit: {
    components: [
      { field: { name: "hospital", label: L("hospital") }, label: L("hospital"), bands: [{ from: "hosp.lo", to: "hosp.hi", rate: "hosp.r1" }, { from: "hosp.hi", rate: "hosp.r2" }], cap: "hosp.cap" },
      { field: { name: "drugs", label: L("special drugs") }, optional: true, deductible: "drug.deductible", rate: { preExisting: "drug.pre", noPreExisting: "drug.non" } },
    ],
  },
};
const meta = { id: "demo", name: L("demo"), region: L("nowhere"), sources: [], period: { from: F, until: null }, referenceDate: F };
const s = createMedicalScheme({ ...meta, spec }, table);

describe("medical family features", () => {
  it("tiers: the first that holds; the last names the last age threshold", () => {
    const q = (person: object) => s.premium(s.parsePerson(person), s.parsePurchase({}, F), F);
    expect(q({ age: 20 }).grossTrace.formula).toBe("age 20 < 30 → 50");
    expect(q({ age: 40, student: true }).grossTrace.formula).toBe("student tier → 50");
    expect(q({ age: 40 }).grossTrace.formula).toBe("age 40 < 60 → 100");
    expect(q({ age: 70 }).grossTrace.formula).toBe("age 70 ≥ 60 → 200");
    expect(q({ age: 70 }).grossTrace.params).toEqual(["demo.age.young", "demo.age.old", "demo.premium.old"]);
    expect(s.pricing).toEqual(["demo.premium.young", "demo.premium.middle", "demo.premium.old"]);
  });

  it("a subsidy with no condition applies to every individual purchase, never above the premium", () => {
    const q = s.premium(s.parsePerson({ age: 20 }), s.parsePurchase({}, F), F);
    expect(q.byPayer).toEqual([{ payer: "budget", amount: 20 }, { payer: "insured", amount: 30 }]);
    expect(() => s.parsePurchase({ payer: "employer" }, F)).toThrow(/purchase.payer: must be one of insured/);
  });

  it("age limits at purchase", () => {
    const e = (age: number) => s.eligibility(s.parsePerson({ age }), F);
    expect(e(80).eligible).toBe(true);
    expect(e(81).eligible).toBe(false);
    expect(e(81).reasons.at(-1)).toMatchObject({ rule: "demo.age", en: "age 81 outside the limits (≤ 80)" });
    expect(s.eligibility(s.parsePerson({ age: 30 }), "2020-12-31").eligible).toBe(false);
  });

  it("bands with the component's own cap; a flat rate by pre-existing status; no overall cap", () => {
    const b = (claim: object) => s.benefit(s.parseClaim(claim), s.parsePerson({}), F);
    // (50000 − 10000) × 50% = 20000; (100000 − 50000) × 70% = 35000; 55000 > 30000 → −25000
    const big = b({ hospital: 100000, preExisting: false });
    expect(big.items.map((i) => [i.rule, i.amount])).toEqual([["demo.hospital.band1", 20000], ["demo.hospital.band2", 35000], ["demo.hospital.cap", -25000]]);
    expect(big.payout).toBe(30000);
    expect(big.items[0]!.label).toEqual({ zh: "hospital10000–50000元段", en: "hospital, band 10000–50000 元" });
    // drugs: (3000 − 1000) × 40% = 800 with a pre-existing condition, × 80% = 1600 without
    const pre = b({ hospital: 0, drugs: 3000, preExisting: true });
    expect(pre.items.at(-1)).toMatchObject({ rule: "demo.drugs", amount: 800, label: { en: "special drugs (pre-existing)" }, params: ["demo.drug.deductible", "demo.drug.pre"] });
    expect(pre.items.at(-1)!.formula).toBe("max(0, 3000 − 1000) × 40% = 800");
    expect(b({ hospital: 0, drugs: 3000, preExisting: false }).payout).toBe(1600);
    expect(b({ hospital: 0, preExisting: false }).items).toHaveLength(2);
    expect(s.yearlyFields).toEqual(["hospital", "drugs"]);
  });

  it("claim fields come from the components (preExisting after the first that needs it)", () => {
    expect(() => s.parseClaim({ hospital: 1 })).toThrow("claim.preExisting: must be true or false");
    expect(() => s.parseClaim({ hospital: 1, preExisting: true, proton: 1 })).toThrow("claim.proton: unknown field; allowed fields: hospital, drugs, preExisting");
  });

  it("describes itself from the parameters", () => {
    const d = s.describe(F, "en");
    expect(d.premium).toBe("50 元/year at age < 30 or in the student tier, 100 元/year at age < 60, 200 元/year at age ≥ 60; individual purchases: from 30 元");
    expect(d.payers).toBe("the insured; city budget: 20 元");
    expect(d.benefit).toBe("hospital: 50% in 10000–50000 元, 70% above 50000 元, at most 30000 元; special drugs above 1000 元 paid at 80% (40% with pre-existing conditions)");
    expect(d.covered).toBe("aged 0–80");
  });

  it("a product with no eligibility condition says it covers anyone (not an empty text)", () => {
    const open = createMedicalScheme({ ...meta, spec: { ...spec, eligibility: {} } }, table);
    expect(open.describe(F, "en").covered).toBe("anyone: no eligibility condition");
    expect(open.describe(F, "zh").covered).toBe("不设投保条件：任何人均可投保");
  });
});

describe("a product from its generated module", () => {
  const gen = { meta: { ...meta, pricing: ["demo.premium.old"], yearlyFields: ["drugs", "hospital"], example: { claim: { hospital: 1 }, source: L("illustrative") } }, parameters: table.all, medical: spec };
  it("takes meta, parameters and the spec; yearly fields must be the cost fields", () => {
    const m = medicalScheme(gen);
    expect(m.pricing).toEqual(["demo.premium.old"]);
    expect(m.inputs?.claim.shape).toHaveProperty("drugs");
    expect(m.example).toEqual(gen.meta.example);
    expect(m.family).toBe("medical");
    expect(() => medicalScheme({ ...gen, meta: { ...gen.meta, yearlyFields: ["hospital"] } })).toThrow("demo: yearlyFields: must be the spec's cost fields hospital, drugs");
  });
  it("names omitted benefits in its description", () => {
    const withOmitted = { ...spec, benefit: { ...spec.benefit, omitted: [{ label: L("overseas drugs"), note: L("not modelled") }] } };
    expect(createMedicalScheme({ ...meta, spec: withOmitted }, table).describe(F, "en").benefit).toMatch(/; overseas drugs: not modelled$/);
  });
});

describe("spec check", () => {
  const bad = (edit: (x: any) => void) => {
    const copy = structuredClone(spec) as any;
    edit(copy);
    return () => createMedicalScheme({ ...meta, spec: copy }, table);
  };
  it.each([
    [(x: any) => (x.benefit.components[1].rate.preExisting = "drug.prex"), 'demo: medical.benefit.components[1].rate.preExisting: "drug.prex" is not a key of parameters.yaml; closest: drug.pre'],
    [(x: any) => (x.benefit.components[1].deductible = "drug.pre"), "demo: medical.benefit.components[1].deductible: drug.pre is in share; this role needs CNY"],
    [(x: any) => delete x.premium.tiers[1].when, "demo: medical.premium.tiers[1].when: every tier but the last needs when"],
    [(x: any) => (x.premium.tiers[0].when[1].field = "pupil"), 'demo: medical.premium.tiers[0].when[1].field: "pupil" is not a person field; person fields: student'],
    [(x: any) => (x.benefit.components[0].rate = "hosp.r1"), "demo: medical.benefit.components[0]: give exactly one of rate or bands"],
    [(x: any) => (x.benefit.components[0].colour = "red"), "demo: medical.benefit.components[0]: unknown field colour"],
    [(x: any) => (x.benefit.cap = { param: "hosp.cap", covers: ["drug"] }), 'demo: medical.benefit.cap.covers[0]: "drug" is not a component; components: hospital, drugs'],
  ])("error %#", (edit, message) => {
    expect(bad(edit)).toThrow(message);
  });
});
