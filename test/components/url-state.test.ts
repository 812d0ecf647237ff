import { describe, expect, it } from "vitest";
import { codecs, readState, serialiseState, withParams, type StateSpec } from "../../src/components/url-state.js";

type S = { age: number; card: boolean; payer: "insured" | "employer"; date: string; cost: number };
const spec: StateSpec<S> = {
  age: { codec: codecs.integer, default: 40 },
  card: { codec: codecs.boolean, default: false },
  payer: { codec: codecs.oneOf(["insured", "employer"] as const), default: "insured" },
  date: { codec: codecs.date, default: "2020-09-01" },
  cost: { codec: codecs.number, default: 32200 },
};

describe("codecs", () => {
  it("parse good values and reject bad ones (never NaN)", () => {
    expect(codecs.number.parse("488100")).toBe(488100);
    expect(codecs.number.parse("1,000")).toBe(1000);
    expect(codecs.number.parse("1e3")).toBe(1000);
    expect(codecs.number.parse("-2.5")).toBe(-2.5);
    for (const bad of ["", "abc", "NaN", "Infinity", "1e999", "12abc", "--1"]) expect(codecs.number.parse(bad)).toBeUndefined();
    expect(codecs.integer.parse("30")).toBe(30);
    expect(codecs.integer.parse("30.5")).toBeUndefined();
    expect(codecs.boolean.parse("true")).toBe(true);
    expect(codecs.boolean.parse("0")).toBe(false);
    expect(codecs.boolean.parse("yes")).toBeUndefined();
    expect(codecs.date.parse("2024-02-29")).toBe("2024-02-29");
    expect(codecs.date.parse("2023-02-29")).toBeUndefined();
    expect(codecs.date.parse("2023-2-1")).toBeUndefined();
  });
});

describe("readState", () => {
  it("reads the URL's values", () => {
    const { values, notes } = readState("?age=30&card=true&payer=employer&date=2021-01-01&cost=500000&lang=en", spec);
    expect(values).toEqual({ age: 30, card: true, payer: "employer", date: "2021-01-01", cost: 500000 });
    expect(notes).toEqual([]);
  });
  it("missing keys take the defaults", () => {
    expect(readState("", spec).values).toEqual({ age: 40, card: false, payer: "insured", date: "2020-09-01", cost: 32200 });
  });
  it("bad values fall back to the default with a note naming the key and the value", () => {
    const { values, notes } = readState("?age=abc&payer=bank&date=2023-13-01&cost=NaN", spec);
    expect(values).toEqual({ age: 40, card: false, payer: "insured", date: "2020-09-01", cost: 32200 });
    expect(notes.map((n) => n.key)).toEqual(["age", "payer", "date", "cost"]);
    expect(notes[0]!.message).toBe('URL parameter age="abc" is not a whole number; using the default 40');
    expect(notes[1]!.message).toBe('URL parameter payer="bank" is not one of insured, employer; using the default insured');
    expect(Object.values(values).some((v) => typeof v === "number" && Number.isNaN(v))).toBe(false);
  });
});

describe("serialiseState", () => {
  it("writes values that differ from the default and keeps other parameters", () => {
    expect(serialiseState("?lang=en", spec, { age: 30, cost: 500000 })).toBe("?lang=en&age=30&cost=500000");
  });
  it("removes a key set back to its default", () => {
    expect(serialiseState("?lang=en&age=30", spec, { age: 40 })).toBe("?lang=en");
    expect(serialiseState("?age=30", spec, { age: 40 })).toBe("");
  });
  it("round-trips through readState", () => {
    const search = serialiseState("", spec, { age: 55, card: true, payer: "employer", date: "2022-07-01", cost: 1234.5 });
    expect(readState(search, spec).values).toEqual({ age: 55, card: true, payer: "employer", date: "2022-07-01", cost: 1234.5 });
  });
  it("withParams sets and removes raw values", () => {
    expect(withParams("?a=1&b=2", { b: null, c: "x y" })).toBe("?a=1&c=x+y");
  });
});
