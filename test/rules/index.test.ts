import { describe, expect, it } from "vitest";
import { describe as describeScheme, InputError, referenceText, versionAt } from "../../src/rules/index.js";
import { getScheme, schemeIds, schemes } from "../../src/schemes/index.js";

describe("registry", () => {
  it("lists schemes with unique ids, each found by its id (the list itself is src/schemes/index.ts)", () => {
    expect(schemeIds.length).toBeGreaterThan(0);
    expect(new Set(schemeIds).size).toBe(schemeIds.length);
    for (const s of schemes) expect(getScheme(s.id)).toBe(s);
  });
  it("unknown id → InputError listing the known ids", () => {
    expect(() => getScheme("huiminbao")).toThrow(InputError);
    expect(() => getScheme("huiminbao")).toThrow(`scheme: unknown scheme "huiminbao"; known schemes: ${schemeIds.join(", ")}`);
  });
  it("describe gives text computed from parameters, in both languages", () => {
    const l = describeScheme(getScheme("linghuobao"), "2022-07-01", "en");
    expect(l.premium).toContain("0.6 元 per person per day, the worker pays 0.3 元/day");
    expect(describeScheme(getScheme("linghuobao"), "2024-07-01", "en").premium).toContain("the worker pays 0.6 元/day");
    const g = describeScheme(getScheme("gonghuibao"), "2020-09-01", "zh");
    expect(g.premium).toBe("50岁及以下68元/年，50岁以上168元/年；宁波银行卡客户38元起");
    expect(g.sources).toEqual(["002_c0fee34b91106deb.txt"]);
    for (const s of schemes) {
      for (const lang of ["zh", "en"] as const) {
        const d = describeScheme(s, s.referenceDate, lang);
        for (const key of ["name", "region", "covered", "payers", "premium", "benefit", "period"] as const) expect(d[key], `${s.id} ${lang} ${key}`).not.toBe("");
        expect(d.premium + d.benefit).not.toMatch(/NaN|undefined/);
      }
    }
  });
});

describe("every parameter", () => {
  const all = schemes.flatMap((s) => s.parameters.all.map((p) => ({ s, p })));
  it("has a path under its scheme id, labels in both languages, and a value within its range", () => {
    for (const { s, p } of all) {
      expect(p.path.startsWith(`${s.id}.`), p.path).toBe(true);
      expect(p.label.zh && p.label.en, p.path).toBeTruthy();
      for (const v of p.versions) {
        expect(v.value >= p.range.min && v.value <= p.range.max, p.path).toBe(true);
        if (p.integer) expect(Number.isInteger(v.value), p.path).toBe(true);
      }
    }
  });
  it("cites a seed line that really contains its quote (the seeds shipped in data/seeds/)", async () => {
    const { readFileSync } = await import("node:fs");
    const { DATA_DIR } = await import("../../src/figures/read-figures.js");
    const norm = (x: string) => x.replace(/\s+/g, "");
    let checked = 0;
    for (const { p } of all) {
      for (const v of p.versions) {
        if (v.reference.kind !== "seed") continue;
        const lines = readFileSync(`${DATA_DIR}seeds/${v.reference.file}`, "utf-8").split("\n");
        // quotes may run over into the next line of the extracted text
        const around = norm(lines.slice(v.reference.line - 1, v.reference.line + 2).join(""));
        expect(around, `${p.path} ${v.reference.file}:${v.reference.line}`).toContain(norm(v.reference.quote));
        checked++;
      }
    }
    // Most of the rules cite a seed line: a count this low means the check found nothing to check.
    expect(checked).toBeGreaterThan(30);
  });
  it("an assumption has a rationale and a prior; a sourced value has a seed, regulation or public reference", () => {
    for (const { p } of all) {
      for (const v of p.versions) {
        if (v.assumption) {
          expect((typeof v.assumption.rationale === "string" ? v.assumption.rationale : v.assumption.rationale.en).length, p.path).toBeGreaterThan(10);
          expect(["uniform", "triangular", "lognormal", "beta", "fixed"]).toContain(v.assumption.prior.dist);
        } else {
          expect(["seed", "regulation", "public"], p.path).toContain(v.reference.kind);
        }
      }
    }
  });
  it("cites a line of data/public-figures.md that really contains its quote; no regulation is a public figure", async () => {
    const { readFileSync } = await import("node:fs");
    const { DATA_DIR } = await import("../../src/figures/read-figures.js");
    const lines = readFileSync(`${DATA_DIR}public-figures.md`, "utf-8").split("\n");
    const norm = (x: string) => x.replace(/\s+/g, "");
    let checked = 0;
    for (const { p } of all) {
      for (const v of p.versions) {
        const r = v.reference;
        if (r.kind === "regulation") expect(`${r.name} ${r.detail}`, `${p.path}: a public figure, not a regulation`).not.toMatch(/public-figures/);
        if (r.kind !== "public") continue;
        if (r.line === undefined) {
          expect(r.where, p.path).toMatch(/^https?:\/\//);
          continue;
        }
        expect(r.where, p.path).toBe("data/public-figures.md");
        expect(norm(lines[r.line - 1] ?? ""), `${p.path} ${r.where}:${r.line}`).toContain(norm(r.quote));
        checked++;
      }
    }
    // 沪惠保 2021's premium at least (l.10).
    expect(checked).toBeGreaterThanOrEqual(1);
  });
  it("every public-figures.md line a scheme folder cites (l.N, l.N–M) is a figure row of data/public-figures.md", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { DATA_DIR } = await import("../../src/figures/read-figures.js");
    const lines = readFileSync(`${DATA_DIR}public-figures.md`, "utf-8").split("\n");
    const dir = new URL("../../src/schemes/", import.meta.url);
    let checked = 0;
    for (const id of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      for (const file of readdirSync(new URL(`${id}/`, dir)).filter((f) => /\.(yaml|json)$/.test(f))) {
        const text = readFileSync(new URL(`${id}/${file}`, dir), "utf-8");
        // "public-figures.md l.10", "public-figures.md, 惠民保): l.10", "… l.10); … (l.84)": every l.N after a mention
        for (const m of text.matchAll(/public-figures\.md[^\n]*/g)) {
          for (const r of m[0].matchAll(/\bl\.(\d+)(?:[–-](\d+))?/g)) {
            const from = Number(r[1]);
            const to = Number(r[2] ?? r[1]);
            for (let n = from; n <= to; n++) {
              expect(lines[n - 1] ?? "", `src/schemes/${id}/${file} cites public-figures.md l.${n}`).toMatch(/^\| .* \|$/);
              checked++;
            }
          }
        }
      }
    }
    // 沪惠保 2021's folder cites l.10, l.13–15, l.19, l.21 and l.82–85.
    expect(checked).toBeGreaterThan(10);
  });
  it("a public reference reads in both languages", () => {
    const v = versionAt(getScheme("huhuibao-2021").parameters.param("huhuibao-2021.premium"), "2021-06-01")!;
    const quote = "沪惠保 (Shanghai) 2021, first year | 718.13 万 enrolled, 8.26 亿元 premium, 37.4 % take-up, 115 元";
    expect(v.reference).toEqual({ kind: "public", where: "data/public-figures.md", line: 10, quote });
    expect(referenceText(v.reference, "en")).toBe(`public figure: data/public-figures.md:10 «${quote}»`);
    expect(referenceText(v.reference, "zh")).toBe(`公开数据：data/public-figures.md 第 10 行 «${quote}»`);
    expect(referenceText({ kind: "public", where: "https://example.org/a", quote: "x" }, "zh")).toBe("公开数据：https://example.org/a «x»");
  });
  it("a value no source gives reads as such in both languages", () => {
    const v = versionAt(getScheme("huhuibao-2021").parameters.param("huhuibao-2021.hospital.cap"), "2021-06-01")!;
    expect(v.reference.kind).toBe("none");
    // parameters.yaml gives the note in both languages (issue 15): each language shows its own.
    expect(referenceText(v.reference, "en")).toBe("no source: the project's sources give no benefit terms of 沪惠保 2021");
    expect(referenceText(v.reference, "zh")).toBe("无来源：项目资料未给出沪惠保 2021 的保障条款");
  });
  it("the statutory package cites the public figures for the 2023–24 national income and the 2025 mortality table", () => {
    const params = getScheme("single-type-wii").parameters;
    const income = params.param("single-type-wii.statutory.death.nationalIncome");
    // data/public-figures.md l.38: "2023: 51 821 元; 2024: 54 188 元" — the previous year's figure applies from 1 January.
    expect(versionAt(income, "2024-06-01")).toMatchObject({ value: 51821, reference: { kind: "public", where: "data/public-figures.md", line: 38, quote: "2023: 51 821 元" } });
    expect(versionAt(income, "2025-06-01")).toMatchObject({ value: 54188, reference: { kind: "public", where: "data/public-figures.md", line: 38, quote: "2024: 54 188 元" } });
    const improvement = versionAt(params.param("single-type-wii.statutory.mortality.improvement"), "2024-06-01")!;
    // l.71: "2025 table vs 2010–2013 | mortality 15–27 % lower"; 0.2 is the assumption inside that range.
    expect(improvement).toMatchObject({ value: 0.2, reference: { kind: "public", line: 71, quote: "mortality 15–27 % lower" } });
    expect(improvement.assumption?.prior).toEqual({ dist: "uniform", min: 0.15, max: 0.27 });
    expect(referenceText(improvement.reference, "zh")).toBe("公开数据：data/public-figures.md 第 71 行 «mortality 15–27 % lower»");
  });
  it("versions are found by date", () => {
    const p = getScheme("linghuobao").parameters.param("linghuobao.subsidy.budgetShare");
    expect(versionAt(p, "2022-06-24")).toBeUndefined();
    expect(versionAt(p, "2024-06-24")!.value).toBe(0.5);
    expect(versionAt(p, "2024-06-25")!.value).toBe(0);
  });
});

describe("all schemes: generic properties", () => {
  it("premium ≥ 0 and subsidies never exceed gross, for default persons", () => {
    for (const s of schemes) {
      const q = s.premium(s.parsePerson({}), s.parsePurchase({}, s.referenceDate), s.referenceDate);
      const sub = q.subsidies.reduce((a: number, x: { amount: number }) => a + x.amount, 0);
      expect(q.gross, s.id).toBeGreaterThanOrEqual(0);
      expect(sub, s.id).toBeLessThanOrEqual(q.gross);
      expect(q.net, s.id).toBeGreaterThanOrEqual(0);
    }
  });
  it("the default person is eligible on the reference date", () => {
    for (const s of schemes) expect(s.eligibility(s.parsePerson({}), s.referenceDate).eligible, s.id).toBe(true);
  });
});
