import { describe, expect, it } from "vitest";
import { figure, figureSource, parseFigures, parsePrior } from "../../src/figures/figures.js";
import { readFigures } from "../../src/figures/read-figures.js";

const header = "id,quantity,quantity_zh,value,unit,date,geography,source,source_ref,kind,prior,note";

describe("data/figures.csv", () => {
  const figures = readFigures();

  it("parses every row with a known kind and a provenance reference", () => {
    expect(figures.length).toBeGreaterThan(30);
    for (const f of figures) expect(["source", "public-statistic", "assumption"]).toContain(f.kind);
  });

  it("holds the national coverage gap as the seed states it (8400 万 workers, 668 万 covered)", () => {
    expect(figure(figures, "national.new_form_workers").value).toBe(84_000_000);
    expect(figure(figures, "national.occupational_injury_covered_2023_09").value).toBe(6_680_000);
    expect(figure(figures, "national.occupational_injury_covered_2023_09").source_ref).toBe("001_bfda1da3fb4197fa.txt:432");
  });

  it("writes every source in both languages: no Han run in English outside a 《》 title, no English phrase in Chinese (issue 15)", () => {
    const sourced = figures.filter((f) => f.kind !== "assumption");
    expect(sourced.length).toBeGreaterThan(30);
    for (const f of sourced) {
      expect(f.source_zh, f.id).not.toBe("");
      // The language check of the pages (test/e2e/readability.ts): ≥ 4 Han characters in English, ≥ 4 Latin words in Chinese.
      expect(f.source.replace(/《[^》]*》/g, ""), f.id).not.toMatch(/[\u3400-\u9fff]{4,}/);
      expect(f.source_zh.replace(/public-figures\.md/g, ""), f.id).not.toMatch(/[A-Za-z][A-Za-z'-]*(?:[\s,;:()"/&]+[A-Za-z][A-Za-z'-]*){3,}/);
    }
    const rule = figure(figures, "pilot.cash_loss_ratio_by_rule");
    expect(figureSource(rule, "zh")).toContain("人社部发〔2025〕24号");
    expect(figureSource(rule, "en")).toContain("MOHRSS document Ren She Bu Fa [2025] No. 24");
  });

  it("cites seed lines that exist and contain the figure", async () => {
    const { readFileSync } = await import("node:fs");
    const seeds = new URL("../../data/seeds/", import.meta.url);
    const checks: Record<string, string> = {
      "national.occupational_injury_covered_2023_09": "668",
      "ningbo.tianyi.enrolled_2024": "310",
      "jiangshan.mean_payout_all": "4339",
      "guangdong.single_type_insured_2022_05": "121.52",
    };
    for (const [id, text] of Object.entries(checks)) {
      const [file, line] = figure(figures, id).source_ref.split(":") as [string, string];
      const lines = readFileSync(new URL(file, seeds), "utf-8").split("\n");
      expect(lines[Number(line) - 1], `${id} at ${file}:${line}`).toContain(text);
    }
  });
});

describe("parseFigures validation", () => {
  it("parses priors and requires one (and a rationale) for assumptions", () => {
    const row = (prior: string, note: string) => `${header}\nx.a,Q,量,0.3,share,2023,China,src,public-figures.md,assumption,${prior},${note}\n`;
    expect(parseFigures(row('"uniform(0.2, 0.4)"', "why"))[0]!.prior).toBe("uniform(0.2, 0.4)");
    expect(() => parseFigures(row("", "why"))).toThrow(/line 2, prior: an assumption needs a prior/);
    expect(() => parseFigures(row('"uniform(0.2, 0.4)"', ""))).toThrow(/line 2, note: an assumption needs its rationale/);
    expect(() => parseFigures(row('"normal(1, 2)"', "why"))).toThrow(/line 2, prior: "normal\(1, 2\)" is not one of/);
    expect(parsePrior("lognormal(0.01, 0.3)")).toEqual({ dist: "lognormal", median: 0.01, sigma: 0.3 });
    expect(parsePrior("triangular(1, 2, 4)")).toEqual({ dist: "triangular", min: 1, mode: 2, max: 4 });
    expect(parsePrior("")).toEqual({ dist: "fixed" });
  });
  it("requires a Chinese source for a sourced figure once the source_zh column is there; an assumption reads 假设", () => {
    const withZh = (kind: string, zh: string) => `${header},source_zh\nx.a,Q,量,0.3,share,2023,China,src,public-figures.md,${kind},"uniform(0.2, 0.4)",why,${zh}\n`;
    expect(() => parseFigures(withZh("source", ""))).toThrow(/line 2, source_zh: a sourced figure needs its source in Chinese/);
    expect(figureSource(parseFigures(withZh("source", "来源"))[0]!, "zh")).toBe("来源");
    expect(figureSource(parseFigures(withZh("source", "来源"))[0]!, "en")).toBe("src");
    expect(figureSource({ source: "assumption", source_zh: "" }, "zh")).toBe("假设");
  });
  const good = "x.a,Q,量,1,persons,2023,China,src,public-figures.md,source,,";
  it("accepts a well-formed row", () => {
    expect(parseFigures(`${header}\n${good}\n`)).toHaveLength(1);
  });
  it("names line and field for a non-numeric value", () => {
    expect(() => parseFigures(`${header}\nx.a,Q,量,abc,persons,2023,China,src,public-figures.md,source,,\n`)).toThrow(
      /line 2, value: must be a finite number, got "abc"/,
    );
  });
  it("rejects an unknown kind and a share above 1", () => {
    expect(() => parseFigures(`${header}\nx.a,Q,量,1,persons,2023,China,src,public-figures.md,guess,,\n`)).toThrow(/line 2, kind/);
    expect(() => parseFigures(`${header}\nx.a,Q,量,1.5,share,2023,China,src,public-figures.md,source,,\n`)).toThrow(/\[0, 1\], got 1.5/);
  });
  it("rejects duplicate ids", () => {
    expect(() => parseFigures(`${header}\n${good}\n${good}\n`)).toThrow(/line 3, id: duplicate/);
  });
});
