/**
 * The calculator form generated from labelled zod schemas (src/rules/form.ts): the control kind
 * from the schema, options from enum values or integer option labels, optional fields, and an
 * error when a field has no label. (That every scheme's form names exactly the fields its schemas
 * accept: test/components/calculator.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldsOf } from "../../src/rules/form.js";
import { amount, bool, integer, isoDateString, labelled, number, oneOf } from "../../src/rules/input.js";

const L = (en: string) => ({ zh: en, en });

describe("fieldsOf", () => {
  it("takes each field's control from its schema, in the schema's order", () => {
    const schema = z.strictObject({
      cost: labelled(amount(), { label: L("cost"), hint: L("yuan") }),
      wage: labelled(number(0, 1e7).optional(), { label: L("wage"), kind: "amount" }),
      share: labelled(number(0, 1).default(0), { label: L("share") }),
      days: labelled(integer(1, 28).default(1), { label: L("days") }),
      grade: labelled(integer(1, 3).optional(), { label: L("grade"), options: { 1: L("g1"), 2: L("g2"), 3: L("g3") } }),
      ok: labelled(bool().default(true), { label: L("ok") }),
      payer: labelled(oneOf(["a", "b"] as const).default("a"), { label: L("payer"), options: { a: L("A"), b: L("B") } }),
      paidOn: labelled(isoDateString().optional(), { label: L("paid on") }),
    });
    expect(fieldsOf(schema, "x")).toEqual([
      { name: "cost", label: L("cost"), kind: "amount", hint: L("yuan") },
      { name: "wage", label: L("wage"), kind: "amount", optional: true },
      { name: "share", label: L("share"), kind: "number" },
      { name: "days", label: L("days"), kind: "integer" },
      { name: "grade", label: L("grade"), kind: "integer", optional: true, options: [{ value: 1, label: L("g1") }, { value: 2, label: L("g2") }, { value: 3, label: L("g3") }] },
      { name: "ok", label: L("ok"), kind: "boolean" },
      { name: "payer", label: L("payer"), kind: "enum", options: [{ value: "a", label: L("A") }, { value: "b", label: L("B") }] },
      { name: "paidOn", label: L("paid on"), kind: "date", optional: true },
    ]);
  });
  it("a label may sit on the inner schema", () => {
    const schema = z.strictObject({ n: labelled(integer(0, 9), { label: L("n") }).optional() });
    expect(fieldsOf(schema, "x")).toEqual([{ name: "n", label: L("n"), kind: "integer", optional: true }]);
  });
  it("a field without a label, or an enum value without one, is a programming error", () => {
    expect(() => fieldsOf(z.strictObject({ n: integer(0, 9) }), "s person")).toThrow(/s person\.n has no label/);
    expect(() => fieldsOf(z.strictObject({ p: labelled(oneOf(["a", "b"] as const), { label: L("p"), options: { a: L("A") } }) }), "s purchase")).toThrow(/s purchase\.p: no label for option b/);
  });
});
