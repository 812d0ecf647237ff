/**
 * The scheme folders (src/schemes/<id>/): the generated modules match their YAML, the YAML
 * schemas name the file, the path and what is allowed, and the registry lists exactly the folders.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { generateAll, schemeFolders, SCHEMES_DIR, staleFiles } from "../../scripts/gen-schemes.js";
import { schemeIds, schemes } from "../../src/schemes/index.js";
import { CasesFile, ParametersFile, SchemeFile, validateFile } from "../../src/rules/scheme-files.js";

describe("generated modules", () => {
  it("are up to date with their YAML (run npm run gen:schemes)", () => {
    expect(staleFiles(generateAll()), "stale generated files: run npm run gen:schemes").toEqual([]);
  });
});

describe("the YAML schemas name the file, the path and the allowed values", () => {
  const F = "src/schemes/x/parameters.yaml";
  const param = (over: object = {}, version: object = {}) => ({
    "inCatalog.rate": { label: { zh: "比例", en: "rate" }, unit: "share", range: [0, 1], values: [{ from: "2020-09-01", value: 0.5, source: { none: "n/a" }, ...version }], ...over },
  });
  const problem = (data: unknown, schema: ZodType = ParametersFile, file = F) => {
    try {
      validateFile(schema, data, file);
    } catch (error) {
      return (error as Error).message;
    }
    return "valid";
  };
  it("accepts a valid parameter", () => expect(problem(param())).toBe("valid"));
  it.each([
    [param({}, { value: 1.2 }), `${F}: inCatalog.rate.values[0].value: must be within range [0, 1] (got 1.2)`],
    [param({ integer: true }, { value: 0.5 }), `${F}: inCatalog.rate.values[0].value: must be an integer (the parameter is integer: true) (got 0.5)`],
    [param({ unit: "CNY/week" }), `${F}: inCatalog.rate.unit: must be one of CNY, CNY/day, CNY/year, CNY/month, CNY/order, share, years, days, months, hours, persons, multiple (got "CNY/week")`],
    [param({}, { from: "2020-02-30" }), `${F}: inCatalog.rate.values[0].from: must be a calendar date "YYYY-MM-DD" (got "2020-02-30")`],
    [param({}, { source: { seed: "a.txt", line: 3 } }), `${F}: inCatalog.rate.values[0].source: must be {seed: file, line, quote}, {regulation: name, detail}, {public: data/public-figures.md | URL, line, quote} or {none: what the sources say} (got {"seed":"a.txt","line":3})`],
    [param({}, { source: { public: "data/public-figures.md", quote: "q" } }), `${F}: inCatalog.rate.values[0].source.line: must be the line of data/public-figures.md quoted (a whole number ≥ 1)`],
    [param({}, { source: { public: "public-figures.md l.10", quote: "q" } }), `${F}: inCatalog.rate.values[0].source.public: must be data/public-figures.md or a web address http(s)://… (got "public-figures.md l.10")`],
    [param({}, { assumption: { rationale: "a guess, explained", prior: { dist: "normal" } } }), `${F}: inCatalog.rate.values[0].assumption.prior.dist: must be a prior {dist: uniform|triangular|lognormal|beta|fixed, …} (got {"dist":"normal"})`],
    [param({ colour: "red" }), `${F}: inCatalog.rate: unknown field "colour"`],
    [{ "in catalog": param()["inCatalog.rate"] }, `${F}: in catalog: must be a key like "premium.daily" (letters and digits, dot-separated) (got "in catalog")`],
  ])("%#: %s", (data, message) => {
    expect(problem(data)).toBe(message);
  });
  it("versions must be oldest first", () => {
    const p = param();
    p["inCatalog.rate"].values.push({ from: "2019-01-01", value: 0.5, source: { none: "n/a" } });
    expect(problem(p)).toBe(`${F}: inCatalog.rate.values[1].from: must be after the previous value's from 2020-09-01 (values are listed oldest first) (got 2019-01-01)`);
  });
  it("scheme.yaml and cases.yaml too", () => {
    expect(problem({ id: "x", family: "dental" }, SchemeFile, "s.yaml")).toMatch(/^s\.yaml: family: must be one of medical, injury \(got "dental"\)$/m);
    expect(problem([{ name: "n", date: "2020-01-01", expect: { payout: "12" } }], CasesFile, "c.yaml")).toBe('c.yaml: [0].expect.payout: must be a number or {about: number, digits: integer} (got "12")');
  });
});

describe("the registry", () => {
  it("lists exactly the scheme folders, each id once", () => {
    expect([...schemeIds].sort()).toEqual(schemeFolders());
    expect(new Set(schemeIds).size).toBe(schemeIds.length);
  });
  it("every scheme has its cases, family, input schemas and example claim", () => {
    for (const s of schemes) {
      expect(existsSync(join(SCHEMES_DIR, s.id, "cases.yaml")), `src/schemes/${s.id}/cases.yaml`).toBe(true);
      expect(s.family, s.id).toMatch(/^(medical|injury)$/);
      expect(s.inputs, s.id).toBeDefined();
      expect(s.example, s.id).toBeDefined();
    }
  });
});
