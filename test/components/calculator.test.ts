/**
 * The calculator's pure parts (no DOM): the field lists match the schemas exactly, the example
 * claims parse, evaluate() gives the rules module's answers and collects InputErrors (no NaN).
 */
import { describe, expect, it } from "vitest";
import { evaluate, fieldValue } from "../../src/components/calculator.js";
import { formOf, type FieldSpec } from "../../src/rules/form.js";
import { InputError } from "../../src/rules/index.js";
import { schemes } from "../../src/schemes/index.js";

/** The fields a strict schema accepts, read from its "unknown field" message. */
function allowedFields(parse: (input: unknown) => unknown, valid: Record<string, unknown>): string[] {
  try {
    parse({ ...valid, zzUnknownField: 1 });
  } catch (error) {
    if (error instanceof InputError) {
      const m = /allowed fields: (.*)$/.exec(error.message);
      if (m) return m[1]!.split(", ").sort();
    }
    throw error;
  }
  throw new Error("the schema accepted an unknown field");
}

const names = (fields: readonly FieldSpec[]) => fields.map((f) => f.name).sort();

describe("calculator forms", () => {
  it("cover every scheme (generated from its input schemas)", () => {
    for (const s of schemes) expect(() => formOf(s), s.id).not.toThrow();
  });
  for (const s of schemes) {
    it(`${s.id}: the inputs are exactly the person, purchase and claim fields`, () => {
      const form = formOf(s);
      expect(names(form.person)).toEqual(allowedFields((x) => s.parsePerson(x), {}));
      expect(names(form.purchase)).toEqual(allowedFields((x) => s.parsePurchase(x, s.referenceDate), {}));
      expect(names(form.claim)).toEqual(allowedFields((x) => s.parseClaim(x), form.exampleClaim));
    });
    it(`${s.id}: the example claim and the defaults compute a finite payout and premium`, () => {
      const v = evaluate(s, { person: {}, purchase: {}, claim: formOf(s).exampleClaim }, s.referenceDate);
      expect(v.errors).toEqual([]);
      expect(Number.isFinite(v.benefit!.payout)).toBe(true);
      expect(Number.isFinite(v.premium!.gross)).toBe(true);
    });
    it(`${s.id}: enum options are values the schema accepts`, () => {
      const form = formOf(s);
      for (const [part, fields] of [["person", form.person], ["purchase", form.purchase], ["claim", form.claim]] as const) {
        for (const f of fields) {
          for (const o of f.options ?? []) {
            const base = part === "claim" ? form.exampleClaim : {};
            const input = { ...base, [f.name]: o.value };
            const parse = part === "person" ? () => s.parsePerson(input) : part === "purchase" ? () => s.parsePurchase(input, s.referenceDate) : () => s.parseClaim(input);
            expect(parse, `${s.id} ${part}.${f.name}=${o.value}`).not.toThrow();
          }
        }
      }
    });
  }
});

describe("evaluate", () => {
  const gonghuibao = schemes.find((s) => s.id === "gonghuibao")!;
  it("工惠保's worked example pays 363275 元 (12200 + 351075)", () => {
    const v = evaluate(gonghuibao, { person: {}, purchase: {}, claim: { inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 } }, "2020-09-01");
    expect(v.benefit!.payout).toBe(363275);
    expect(v.benefit!.items.map((i) => i.amount)).toEqual([12200, 351075]);
    expect(v.premium!.gross).toBe(68);
  });
  it("out-of-catalogue 500000 pays 12200 + (500000 − 20000) × 75% = 372200", () => {
    const v = evaluate(gonghuibao, { person: {}, purchase: {}, claim: { inCatalogSelfPay: 32200, outOfCatalogSelfPay: 500000 } }, "2020-09-01");
    expect(v.benefit!.payout).toBe(372200);
  });
  it("collects the InputError of an out-of-range input and computes nothing from it", () => {
    const v = evaluate(gonghuibao, { person: { age: 200 }, purchase: {}, claim: { inCatalogSelfPay: 1, outOfCatalogSelfPay: 1 } }, "2020-09-01");
    expect(v.errors).toEqual([{ field: "person.age", message: "person.age: must be an integer from 0 to 120 (years, whole years of age)" }]);
    expect(v.premium).toBeNull();
    expect(v.benefit).toBeNull();
  });
  it("a date before the rules begin is an error on the date", () => {
    const v = evaluate(gonghuibao, { person: {}, purchase: {}, claim: { inCatalogSelfPay: 1, outOfCatalogSelfPay: 1 } }, "2019-01-01");
    expect(v.errors.map((e) => e.field)).toEqual(["date"]);
    expect(v.benefit).toBeNull();
  });
  it("a missing date is an error on the date", () => {
    const v = evaluate(gonghuibao, { person: {}, purchase: {}, claim: { inCatalogSelfPay: 1, outOfCatalogSelfPay: 1 } }, "");
    expect(v.errors[0]!.field).toBe("date");
  });
  it("灵活保: 5 days on 2023-01-01 cost 3 元, half paid by the budget", () => {
    const linghuobao = schemes.find((s) => s.id === "linghuobao")!;
    const v = evaluate(linghuobao, { person: { age: 30 }, purchase: { days: 5 }, claim: { medicalCost: 20000 } }, "2023-01-01");
    expect(v.premium!.gross).toBe(3);
    expect(v.premium!.net).toBe(1.5);
    expect(v.premium!.byPayer).toEqual([{ payer: "budget", amount: 1.5 }, { payer: "insured", amount: 1.5 }]);
  });
});

describe("fieldValue", () => {
  const amount: FieldSpec = { name: "x", label: { zh: "", en: "" }, kind: "amount" };
  const flag: FieldSpec = { name: "y", label: { zh: "", en: "" }, kind: "boolean" };
  const optFlag: FieldSpec = { ...flag, optional: true };
  it("numbers, empties and text", () => {
    expect(fieldValue(amount, "1,000")).toBe(1000);
    expect(fieldValue(amount, " ")).toBeUndefined();
    // Not a number: passed on as text so the schema names the field and the allowed range.
    expect(fieldValue(amount, "abc")).toBe("abc");
  });
  it("booleans", () => {
    expect(fieldValue(flag, "true")).toBe(true);
    expect(fieldValue(flag, "false")).toBe(false);
    expect(fieldValue(optFlag, "")).toBeUndefined();
  });
});
