/**
 * The reform picker's pure parts (src/components/reform-picker.ts) on a shipped scheme's own
 * parameters (天一甬宁保, src/schemes/tianyi-yongningbao/parameters.yaml): search by Chinese or
 * English name or by path; "set to" and "change by %" from a date, checked against the
 * parameter's range with a one-line message naming the field and the allowed range; the stack
 * serialises to the reform JSON the command line accepts, and that JSON reads back into the stack.
 */
import { describe, expect, it } from "vitest";
import { applyReform } from "../../src/rules/index.js";
import { getScheme } from "../../src/schemes/index.js";
import { parseAmount, searchParameters, stackFromJson, stackReform, stepValue, type ReformStep } from "../../src/components/reform-picker.js";

const scheme = getScheme("tianyi-yongningbao");
const RUN = "2024-01-01";
const P = "tianyi-yongningbao.";
const step = (path: string, op: "set" | "pct", amount: string, from = ""): ReformStep => ({ name: "", path: P + path, op, amount, from });
const errorsOf = (r: ReturnType<typeof stepValue>): string[][] => {
  if (!("errors" in r)) throw new Error(`expected errors, got ${JSON.stringify(r)}`);
  return r.errors.map((e) => [e.field, e.message.en, e.message.zh]);
};

describe("searchParameters", () => {
  const paths = (q: string) => searchParameters(scheme.parameters.all, q).map((h) => h.parameter.path.slice(P.length));
  it("finds a parameter by its Chinese name, its English name or its path", () => {
    expect(paths("成人保费")[0]).toBe("premium.adult");
    expect(paths("Adult premium")[0]).toBe("premium.adult");
    expect(paths("band.lower")[0]).toBe("band.lower");
    expect(paths(`${P}annualCap`)).toEqual(["annualCap"]);
  });
  it("every word must match (Chinese words too), best matches first", () => {
    expect(paths("赔付比例 非既往症").sort()).toEqual(["rate.band1.noPreExisting", "rate.band2.noPreExisting"]);
    expect(paths("no such thing")).toEqual([]);
  });
});

describe("stepValue", () => {
  it("set to: the value typed, in range", () => {
    expect(stepValue(scheme, step("premium.adult", "set", " 1,200 "), RUN)).toEqual({ value: 1200, base: 100, date: RUN, dated: false });
    expect(errorsOf(stepValue(scheme, step("premium.adult", "set", "20000"), RUN))).toEqual([
      ["amount", "set to: allowed: a number from 0 to 10000 (yuan/year); got 20000", "设为：允许 0 到 10000 之间的数(元/年)；输入的是 20000"],
    ]);
    expect(errorsOf(stepValue(scheme, step("premium.adultAge", "set", "18.5"), RUN))).toEqual([
      ["amount", "set to: allowed: a whole number from 0 to 120 (years); got 18.5", "设为：允许 0 到 120 的整数(年)；输入的是 18.5"],
    ]);
  });
  it("change by %: from the value in force on the from date (60 in 2024, 100 in 2023)", () => {
    expect(stepValue(scheme, step("premium.minorOrStudent", "pct", "10"), RUN)).toEqual({ value: 66, base: 60, date: RUN, dated: false });
    expect(stepValue(scheme, step("premium.minorOrStudent", "pct", "-10", "2023-06-01"), RUN)).toEqual({ value: 90, base: 100, date: "2023-06-01", dated: false });
    // 0.3 × 1.1 is 0.33000000000000007 in floating point: the value is tidied.
    expect(stepValue(scheme, step("rate.band1.preExisting", "pct", "10"), RUN)).toEqual({ value: 0.33, base: 0.3, date: RUN, dated: false });
  });
  it("change by %: the allowed percentages come from the parameter's range and the value in force", () => {
    // range 0–1, in force 0.3: −100 % to (1/0.3 − 1) × 100 = +233.33 %.
    expect(errorsOf(stepValue(scheme, step("rate.band1.preExisting", "pct", "250"), RUN))).toEqual([
      ["amount", "change by %: allowed: −100 % to +233.33 % (the result must be a number from 0 to 1 (share); in force: 0.3); got +250 %", "变化百分比：允许 −100 % 到 +233.33 %(结果须为 0 到 1 之间的数(比例)，现行值 0.3)；输入的是 +250 %"],
    ]);
    expect(errorsOf(stepValue(scheme, step("premium.adultAge", "pct", "10"), RUN))[0]![1]).toBe(`change by %: gives 19.8, not a whole number; this parameter takes whole numbers only, use "set to"`);
    // 质子重离子 was paid at 0 % in 2023: no percentage of 0.
    expect(errorsOf(stepValue(scheme, step("proton.rate", "pct", "10", "2023-03-01"), RUN))[0]![1]).toBe(`change by %: the value in force is 0, so it cannot change by a percentage; use "set to"`);
  });
  it("bad input: not a number, a bad or out-of-range date, an unknown parameter — never NaN", () => {
    expect(parseAmount("abc")).toBeUndefined();
    expect(parseAmount("")).toBeUndefined();
    expect(parseAmount("NaN")).toBeUndefined();
    expect(parseAmount("Infinity")).toBeUndefined();
    expect(parseAmount("－20")).toBe(-20);
    expect(errorsOf(stepValue(scheme, step("premium.adult", "pct", "abc"), RUN))).toEqual([
      ["amount", "change by %: not a number; allowed: a percentage such as 20 or -10", "变化百分比：不是数字；允许一个百分数，例如 20 或 -10"],
    ]);
    expect(errorsOf(stepValue(scheme, step("premium.adult", "set", "1", "2023-02-30"), RUN))[0]![1]).toBe("from date: not a date; allowed: a date YYYY-MM-DD on or after 2023-01-01");
    expect(errorsOf(stepValue(scheme, step("premium.adult", "set", "1", "2022-12-31"), RUN))[0]![1]).toBe("from date: before the parameter's first version; allowed: a date on or after 2023-01-01");
    expect(errorsOf(stepValue(scheme, step("premium.adlt", "set", "1"), RUN))[0]![0]).toBe("path");
  });
});

describe("a change from a date inside the run", () => {
  it("after the run's first day: dated, from the value in force on that date", () => {
    // premium.minorOrStudent: 100 in 2023, 60 from 2024-01-01 (the run's first day); +10 % from 2024-06-01 → 66 from then on.
    expect(stepValue(scheme, step("premium.minorOrStudent", "pct", "10", "2024-06-01"), RUN)).toEqual({ value: 66, base: 60, date: "2024-06-01", dated: true });
    const { reform, errors } = stackReform(scheme, { name: "", steps: [step("premium.minorOrStudent", "pct", "10", "2024-06-01"), step("premium.adult", "set", "120")] }, RUN);
    expect(errors).toEqual([]);
    expect(reform).toEqual({ "tianyi-yongningbao.premium.minorOrStudent": { value: 66, from: "2024-06-01" }, "tianyi-yongningbao.premium.adult": 120 });
    // The rules module applies it: the old value before the date, the new one from it.
    const reformed = applyReform(scheme, reform);
    expect(reformed.parameters.v("tianyi-yongningbao.premium.minorOrStudent", "2024-05-31")).toBe(60);
    expect(reformed.parameters.v("tianyi-yongningbao.premium.minorOrStudent", "2024-06-01")).toBe(66);
  });
  it("the JSON's dated value reads back into a step with its date, and a malformed one is named", () => {
    const r = stackFromJson(scheme, '{"tianyi-yongningbao.premium.adult": {"value": 120, "from": "2024-09-01"}}');
    expect(r).toEqual({ stack: { name: "", steps: [{ name: "", path: "tianyi-yongningbao.premium.adult", op: "set", amount: "120", from: "2024-09-01" }] } });
    const bad = stackFromJson(scheme, '{"tianyi-yongningbao.premium.adult": {"value": 120, "from": "2024-02-30"}}');
    expect("error" in bad && bad.error.message.en).toBe('reform JSON: tianyi-yongningbao.premium.adult: a value from a date is {"value": number, "from": "YYYY-MM-DD"}; got {"value":120,"from":"2024-02-30"}');
  });
});

describe("the stack and its reform JSON", () => {
  const stack = { name: "保费上调、提高赔付", steps: [step("premium.adult", "pct", "20"), step("rate.band2.preExisting", "set", "0.7")] };
  it("serialises to the JSON the command line accepts, and applying it changes exactly those values", () => {
    const { reform, errors } = stackReform(scheme, stack, RUN);
    expect(errors).toEqual([]);
    expect(reform).toEqual({ [`${P}premium.adult`]: 120, [`${P}rate.band2.preExisting`]: 0.7 });
    const reformed = applyReform(scheme, reform);
    expect(reformed.parameters.v(`${P}premium.adult`, RUN)).toBe(120);
    expect(reformed.parameters.v(`${P}rate.band2.preExisting`, "2023-05-01")).toBe(0.7);
    expect(reformed.parameters.v(`${P}band.lower`, RUN)).toBe(6000);
  });
  it("one change per parameter: the second is named", () => {
    const { errors } = stackReform(scheme, { name: "", steps: [step("premium.adult", "pct", "20"), step("premium.adult", "set", "90")] }, RUN);
    expect(errors.map((e) => [e.step, e.error.message.en])).toEqual([[1, "parameter: already changed by change 1; allowed: one change per parameter"]]);
  });
  it("JSON reads back into the stack (and round-trips); bad JSON names what is wrong", () => {
    const { reform } = stackReform(scheme, stack, RUN);
    const back = stackFromJson(scheme, JSON.stringify(reform), "x");
    expect("stack" in back && stackReform(scheme, back.stack, RUN).reform).toEqual(reform);
    const msg = (text: string) => {
      const r = stackFromJson(scheme, text);
      return "error" in r ? r.error.message.en : null;
    };
    expect(msg("{")).toMatch(/^reform JSON: not valid JSON; allowed: an object of parameter paths → numbers/);
    expect(msg("[1]")).toMatch(/^reform JSON: not an object of parameter paths → numbers/);
    expect(msg(`{"${P}premium.adlt": 1}`)).toMatch(/^reform JSON: "tianyi-yongningbao.premium.adlt" is not a parameter of .*closest valid paths: tianyi-yongningbao.premium.adult/);
    expect(msg(`{"${P}premium.adult": -1}`)).toBe("reform JSON: tianyi-yongningbao.premium.adult: allowed a number from 0 to 10000 (yuan/year); got -1");
  });
});
