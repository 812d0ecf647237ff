import { describe, expect, it } from "vitest";
import { accessDate, citationText, reproduceCommands, shellQuote } from "../../src/components/cite.js";

describe("reproduce commands", () => {
  it("quote and benefit commands for the calculator's inputs", () => {
    expect(
      reproduceCommands({ scheme: "gonghuibao", person: { age: 40 }, purchase: { payer: "insured" }, claim: { inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 }, date: "2020-09-01" }),
    ).toEqual([
      `npx puhui quote gonghuibao --person '{"age":40}' --purchase '{"payer":"insured"}' --date 2020-09-01`,
      `npx puhui benefit gonghuibao --claim '{"inCatalogSelfPay":32200,"outOfCatalogSelfPay":488100}' --person '{"age":40}' --date 2020-09-01`,
    ]);
  });
  it("灵活保's days use --days", () => {
    expect(reproduceCommands({ scheme: "linghuobao", person: { age: 30 }, purchase: { days: 5 }, date: "2023-01-01" })).toEqual([
      `npx puhui quote linghuobao --person '{"age":30}' --days 5 --date 2023-01-01`,
    ]);
  });
  it("quotes single quotes for the shell", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe("citation", () => {
  it("names the version, the title, the URL and the access date", () => {
    expect(citationText({ name: "puhui-workbench", version: "0.1.0" }, "工惠保", "http://x/schemes/gonghuibao?claim.a=1", "2025-01-02", "en")).toBe(
      "Puhui Workbench (普惠保障工作台) v0.1.0, “工惠保”, http://x/schemes/gonghuibao?claim.a=1, accessed 2025-01-02.",
    );
    expect(citationText({ name: "p", version: "0.1.0" }, "工惠保", "http://x/", "2025-01-02", "zh")).toBe("普惠保障工作台 Puhui Workbench v0.1.0，《工惠保》，http://x/，访问日期 2025-01-02。");
  });
  it("accessDate is the local calendar date", () => {
    expect(accessDate(new Date(2025, 0, 2, 23, 59))).toBe("2025-01-02");
  });
});
