import { describe, expect, it } from "vitest";
import { fileName, toCsv } from "../../src/components/download.js";

describe("toCsv", () => {
  it("writes the header and rows, quoting what needs quotes", () => {
    const rows = [
      { payer: "insured", label: "被保险人个人", amount: 38 },
      { payer: "bank", label: "Bank of Ningbo, card holders", amount: 30 },
    ];
    expect(toCsv(rows)).toBe('payer,label,amount\ninsured,被保险人个人,38\nbank,"Bank of Ningbo, card holders",30');
  });
  it("uses the given columns and prints missing values as empty", () => {
    expect(toCsv([{ a: 1, b: null }, { a: 2 }], ["b", "a"])).toBe("b,a\n,1\n,2");
  });
  it("an empty dataset is an empty file", () => {
    expect(toCsv([])).toBe("");
  });
  it("formula text with quotes survives", () => {
    expect(toCsv([{ f: 'max(0, 488100 − 20000) × 75% = 351075', q: 'say "hi"' }])).toBe('f,q\n"max(0, 488100 − 20000) × 75% = 351075","say ""hi"""');
  });
});

describe("fileName", () => {
  it("makes a safe base name", () => {
    expect(fileName("gonghuibao payout/items")).toBe("gonghuibao-payout-items");
    expect(fileName("  ")).toBe("chart");
  });
});
