import { describe, expect, it } from "vitest";
import { choiceNote, codecs, fallbackNote, integerIn, numberIn, readState, serialiseState, withParams, type StateSpec } from "../../src/components/url-state.js";

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
    // The same note in Chinese: no English words but the parameter, the value and the ids.
    expect(notes[0]!.zh).toBe('链接参数 age="abc" 不是整数；已改用默认值 40');
    expect(notes[1]!.zh).toBe('链接参数 payer="bank" 不是insured、employer 之一；已改用默认值 insured');
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

describe("notes for values a page cannot use (never a silent fallback)", () => {
  it("a seed must be a whole number ≥ 0: abc, -1, 1.5 and an empty value are refused, with the value used instead", () => {
    const seed = integerIn(0);
    expect(seed.parse("42")).toBe(42);
    expect(seed.parse("0")).toBe(0);
    for (const bad of ["abc", "-1", "1.5", "", "1e400", "9007199254740993"]) expect(seed.parse(bad), bad).toBeUndefined();
    const note = fallbackNote("s.seed", "abc", seed.describe, "20240601");
    expect(note.message).toBe('URL parameter s.seed="abc" is not a whole number ≥ 0; using the default 20240601');
    expect(note.zh).toBe('链接参数 s.seed="abc" 不是不小于 0 的整数；已改用默认值 20240601');
  });
  it("a number in a range names the range", () => {
    const c = numberIn(0.1, 0.9);
    expect(c.parse("0.5")).toBe(0.5);
    expect(c.parse("7")).toBeUndefined();
    expect(c.describe).toEqual({ zh: "0.1 到 0.9 之间的数", en: "a number from 0.1 to 0.9" });
  });
  it("an unknown id names the allowed ids and the one used instead; a known or absent one gives no note", () => {
    const ids = ["jiangshan-80plus/town-paid", "ningbo-gonghuibao/as-launched"];
    expect(choiceNote("?lab=nope", "lab", ids, ids[0]!)).toEqual({
      key: "lab",
      raw: "nope",
      message: 'URL parameter lab="nope" is not one of jiangshan-80plus/town-paid, ningbo-gonghuibao/as-launched; using jiangshan-80plus/town-paid instead',
      zh: '链接参数 lab="nope" 不是jiangshan-80plus/town-paid、ningbo-gonghuibao/as-launched 之一；已改用 jiangshan-80plus/town-paid',
    });
    expect(choiceNote(`?lab=${ids[1]}`, "lab", ids, ids[0]!)).toBeNull();
    expect(choiceNote("", "lab", ids, ids[0]!)).toBeNull();
    // A long list is summarised so the note stays one line (the select lists the ids).
    const many = Array.from({ length: 14 }, (_, i) => `s${i}/o`);
    expect(choiceNote("?lab=x", "lab", many, "s0/o")!.message).toBe('URL parameter lab="x" is not one of the 14 values listed in the select; using s0/o instead');
    expect(choiceNote("?lab=x", "lab", many, "s0/o")!.zh).toBe('链接参数 lab="x" 不是选择框中列出的 14 个值之一；已改用 s0/o');
  });
});
