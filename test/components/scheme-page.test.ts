/**
 * The one scheme page template: every scheme in the registry gets a page from its page.yaml (or,
 * without one, from the registry alone); page.yaml is validated with errors naming the file and
 * the path; the text is escaped (no HTML, no Framework `${…}` from data).
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSchemePage } from "../../src/data/scheme-page/page.js";
import { escapeText, renderSchemePage } from "../../src/data/scheme-page/render.js";
import { schemes } from "../../src/schemes/index.js";

const ctx = (id: string, name = { zh: "某方案(说明)", en: "Some scheme (note)" }) => ({ id, name, ruleFiles: [`src/schemes/${id}/`], hasPageFile: true });

describe("the scheme pages", () => {
  for (const scheme of schemes) {
    it(`${scheme.id}: page.yaml is valid and the page has every section`, () => {
      const page = readSchemePage(scheme.id);
      const md = renderSchemePage(page, ctx(scheme.id, scheme.name));
      expect(md).toContain("getScheme(observable.params.scheme)");
      for (const cls of ["rulesCard(", "calculator(scheme)", "eligibilityView(", "premiumTable(", "benefitTable(", "reproduceSnippet(", "citeThis(", 'class="sources"']) expect(md).toContain(cls);
      // Bilingual throughout: every span pair has both languages.
      expect(md.match(/<span lang="zh-CN">/g)!.length).toBe(md.match(/<span lang="en">/g)!.length);
      const scenario = page.population?.scenario;
      if (scenario) expect(existsSync(`simulations/scenarios/${scenario}.json`), `${scenario} is a shipped scenario`).toBe(true);
      if (page.population && !page.population.page) expect(md).toContain(`FileAttachment("../data/scenario/${scenario}.json")`);
    });
  }

  it("only single-type WII has the first-order section", () => {
    const withFirstOrder = schemes.filter((s) => readSchemePage(s.id).firstOrder).map((s) => s.id);
    expect(withFirstOrder).toEqual(["single-type-wii"]);
    expect(renderSchemePage(readSchemePage("single-type-wii"), ctx("single-type-wii"))).toContain("firstOrderChart(");
    expect(renderSchemePage(readSchemePage("gonghuibao"), ctx("gonghuibao"))).not.toContain("firstOrderChart(");
  });

  it("a scheme with no page.yaml gets a page from the registry alone", () => {
    const md = renderSchemePage({}, { ...ctx("new-product"), hasPageFile: false });
    expect(md).toMatch(/^---\ntitle: "某方案 Some scheme"\n---/);
    expect(md).toContain('# <span lang="zh-CN">某方案(说明)</span><span lang="en">Some scheme (note)</span>');
    expect(md).toContain("一次理赔能得到多少？");
    expect(md).not.toContain("scenarioSection(scenarioBaseline");
    expect(md).not.toContain("page.yaml</code>");
  });

  it("a summary population links to the scenario's own page instead of re-running it", () => {
    const md = renderSchemePage({ population: { scenario: "national-new-form-workers", option: "pilot", page: "/national" } }, ctx("x"));
    expect(md).toContain('scenarioBrief(summaries.find((b) => b.id === "national-new-form-workers"), "pilot", `../national${lang === "en" ? "?lang=en" : ""}`, lang)');
    expect(md).not.toContain("EngineClient");
  });

  it("escapes page text: no HTML and no Framework expression from data", () => {
    expect(escapeText('a <b> & "c" ${x}')).toBe("a &lt;b&gt; &amp; &quot;c&quot; &#36;{x}");
    const md = renderSchemePage({ lead: { zh: "${alert(1)}", en: "<script>" } }, ctx("x"));
    expect(md).not.toContain("${alert");
    expect(md).not.toContain("<script>");
  });
});

describe("page.yaml validation", () => {
  const write = (text: string) => {
    const dir = `${mkdtempSync("/tmp/page-yaml-")}/`;
    mkdirSync(`${dir}x`);
    writeFileSync(`${dir}x/page.yaml`, text);
    return dir;
  };
  it("names the file and the path of a bad field", () => {
    expect(() => readSchemePage("x", write("title: {zh: 甲}\n"))).toThrow(/x\/page\.yaml: title\.en: /);
    expect(() => readSchemePage("x", write("population: {scenario: a, option: pilot}\n"))).toThrow(/population: give both `option` and `page`/);
    expect(() => readSchemePage("x", write("lede: {zh: a, en: b}\n"))).toThrow(/x\/page\.yaml: \(top\): .*lede/);
    expect(() => readSchemePage("x", write("title: [\n"))).toThrow(/x\/page\.yaml: not valid YAML/);
  });
  it("no page.yaml: an empty page (the registry fallback); an empty file is one too", () => {
    expect(readSchemePage("no-such-scheme")).toEqual({});
    expect(readSchemePage("x", write(""))).toEqual({});
  });
});
