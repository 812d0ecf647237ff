import { describe, expect, it } from "vitest";
import { accessDate, citationText, markChineseTitles, reproduceCommands, shellQuote, splitRegulationName } from "../../src/components/cite.js";

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

describe("Chinese document titles in English text (a quoted name, marked lang=zh)", () => {
  it("marks 《》 titles and document numbers, nothing else", () => {
    expect(markChineseTitles("rates of 人社部发〔2015〕71号 and the 《工伤保险条例》 art. 33; 惠民保 schemes")).toBe(
      `rates of <cite lang="zh">人社部发〔2015〕71号</cite> and the <cite lang="zh">《工伤保险条例》</cite> art. 33; 惠民保 schemes`,
    );
  });
  it("splits a regulation's name into its title, English gloss and the rest", () => {
    expect(splitRegulationName("人社部发〔2025〕24号 (per-order contribution standards, via a municipal HRSS Q&A)")).toEqual({ title: "人社部发〔2025〕24号", gloss: "per-order contribution standards, via a municipal HRSS Q&A", rest: "" });
    expect(splitRegulationName("劳动法 (Labour Law) art. 15")).toEqual({ title: "劳动法", gloss: "Labour Law", rest: " art. 15" });
    expect(splitRegulationName("人身保险伤残评定标准（行业标准，中保协发〔2013〕88号） (disability grading standard)")).toEqual({ title: "人身保险伤残评定标准（行业标准，中保协发〔2013〕88号）", gloss: "disability grading standard", rest: "" });
    expect(splitRegulationName("人社部发〔2025〕24号")).toEqual({ title: "人社部发〔2025〕24号", gloss: null, rest: "" });
  });
});
