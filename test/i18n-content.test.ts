/**
 * Both languages complete (issue 15): every rationale and note a page can show — scenario
 * assumptions as the site resolves them (src/populations/scenario-file.ts: own rationales and the
 * ones built from data/assumptions/*.csv), the rules cards' assumption rationales
 * (src/schemes/*\/parameters.yaml, src/rules/statutory/parameters.yaml), the assumption rows' notes — has a Chinese and an English
 * text: neither empty, the Chinese one in Chinese (CJK characters, not the English copied over),
 * the English one not Chinese, and every number of the English text also in the Chinese one (a
 * translation keeps the figures, seed lines and priors exact).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readFigures } from "../src/figures/read-figures.js";
import { resolveScenarioText } from "../src/populations/scenario-file.js";
import { schemes } from "../src/schemes/index.js";
import { plainLabel } from "../src/components/assumption-labels.js";
import type { Bilingual } from "../src/vocabulary/text.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CJK = /[\u4e00-\u9fff]/g;

/**
 * Numbers as written (1200, 0.0024, 8.51, 001, l.268–270 gives 268 and 270), thousands spaces
 * joined; an English "N million" counts as the N × 100 万 Chinese writes; digits glued to a
 * letter (H1, class1) are names, not numbers.
 */
function numbers(text: string): string[] {
  const wan = (x: string) => String(Math.round(Number(x) * 100 * 1e6) / 1e6);
  const t = text
    .replace(/(\d) (\d{3})\b/g, "$1$2")
    .replace(/(\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))? million/g, (_m, a: string, b?: string) => (b ? `${wan(a)}–${wan(b)} 万` : `${wan(a)} 万`));
  return (t.match(/(?<![A-Za-z])\d+(?:\.\d+)?/g) ?? []).sort();
}

/** What is wrong with a {zh, en} pair (empty list: nothing). */
function problems(text: unknown): string[] {
  if (typeof text === "string") return ["one string for both languages, not {zh, en}"];
  if (!text || typeof text !== "object") return ["missing"];
  const { zh, en } = text as { zh?: unknown; en?: unknown };
  if (typeof zh !== "string" || zh.trim() === "") return ["no Chinese text"];
  if (typeof en !== "string" || en.trim() === "") return ["no English text"];
  const out: string[] = [];
  if (zh === en) out.push("Chinese text = English text");
  // Chinese prose: CJK characters outnumber the Latin words left in it (names, ids, seed files).
  const cjk = zh.match(CJK)?.length ?? 0;
  const latinWords = zh.replace(/`[^`]*`|[\w.-]*\.(csv|md|ts|json)\b|[a-z_]+(\.[a-z0-9_]+)+|--[a-z-]+/gi, "").match(/\b[A-Za-z]{3,}\b/g)?.length ?? 0;
  if (cjk < 4 || cjk < latinWords) out.push(`not Chinese prose (${cjk} CJK characters, ${latinWords} English words)`);
  // (a quotation of a Chinese source, “…”, is not counted)
  const enOwn = en.replace(/“[^”]*”/g, "");
  if ((enOwn.match(CJK)?.length ?? 0) > enOwn.length / 3) out.push("the English text is mostly Chinese");
  const missing = numbers(en).filter((n) => !numbers(zh).includes(n));
  if (missing.length) out.push(`numbers of the English text missing in the Chinese: ${[...new Set(missing)].join(", ")}`);
  return out;
}

function scenarioFiles(): string[] {
  const sims = readdirSync(join(ROOT, "simulations/scenarios"))
    .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
    .map((f) => join("simulations/scenarios", f));
  const own = readdirSync(join(ROOT, "src/schemes"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => (readdirSync(join(ROOT, "src/schemes", d.name)).includes("scenario.json") ? [join("src/schemes", d.name, "scenario.json")] : []));
  return [...sims, ...own];
}

describe("problems (the check itself)", () => {
  it("refuses a plain string, an English copy, a dropped number, an untranslated text", () => {
    expect(problems("assumption: no source")).toHaveLength(1);
    expect(problems({ zh: "no source gives it", en: "no source gives it" }).join()).toMatch(/= English|not Chinese/);
    expect(problems({ zh: "无资料给出；约 1 %", en: "no source gives it; about 1.5 %" }).join()).toContain("1.5");
    expect(problems({ zh: "无资料给出；约 1.5 %", en: "no source gives it; about 1.5 %" })).toEqual([]);
    expect(problems({ zh: "广东共 121 520 人参保", en: "121520 insured in Guangdong" })).toEqual([]);
    expect(problems({ zh: "每件现值 280–470 万元", en: "worth 2.8–4.7 million 元 each" })).toEqual([]);
  });
});

describe("every rationale and note a page shows has its zh and en text", () => {
  it("scenario assumptions, as the site resolves them", () => {
    const bad: string[] = [];
    let checked = 0;
    for (const file of scenarioFiles()) {
      const resolved = JSON.parse(resolveScenarioText(readFileSync(join(ROOT, file), "utf-8"), file)) as { assumptions?: Record<string, { rationale?: unknown; label?: unknown }> };
      for (const [name, a] of Object.entries(resolved.assumptions ?? {})) {
        checked++;
        for (const p of problems(a.rationale)) bad.push(`${file} ${name} rationale: ${p}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it("the rules cards' rationales, source details and notes (every scheme's parameters, the statutory package's too)", () => {
    const bad: string[] = [];
    let checked = 0;
    for (const s of schemes) {
      for (const p of s.parameters.all) {
        for (const v of p.versions) {
          // What the card shows beside every version: a regulation's detail, a `none` source's note, the version's note.
          const r = v.reference;
          if (r.kind === "regulation" || r.kind === "none") for (const e of problems(r.detail)) bad.push(`${p.path} (from ${v.from}) source detail: ${e}`);
          if (v.note !== undefined) for (const e of problems(v.note)) bad.push(`${p.path} (from ${v.from}) note: ${e}`);
          if (!v.assumption) continue;
          checked++;
          for (const e of problems(v.assumption.rationale)) bad.push(`${p.path} (from ${v.from}): ${e}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("the assumption rows of data/assumptions/*.csv (note and note_zh)", () => {
    const assumed = readFigures().filter((f) => f.kind === "assumption");
    const bad = assumed.flatMap((f) => problems({ zh: f.note_zh, en: f.note }).map((e) => `${f.id}: ${e}`));
    expect(bad).toEqual([]);
    expect(assumed.length).toBeGreaterThan(150);
  });
});

describe("the Methods page in Chinese (docs/methods.zh.md, shown for docs/methods.md)", () => {
  it("has every section and every number of the English document", () => {
    const en = readFileSync(join(ROOT, "docs/methods.md"), "utf-8");
    const zh = readFileSync(join(ROOT, "docs/methods.zh.md"), "utf-8");
    const headings = (t: string) => t.split("\n").filter((l) => /^#{1,3} /.test(l)).map((l) => l.match(/^#+/)![0]);
    expect(headings(zh)).toEqual(headings(en));
    const missing = numbers(en).filter((n) => !numbers(zh).includes(n));
    expect([...new Set(missing)]).toEqual([]);
    expect(problems({ zh, en })).toEqual([]);
  });
});

describe("the scenario panel's assumption labels", () => {
  it("every shipped assumption has a Chinese label without English words, and an English one", () => {
    const bad: string[] = [];
    for (const file of scenarioFiles()) {
      const resolved = JSON.parse(resolveScenarioText(readFileSync(join(ROOT, file), "utf-8"), file)) as { assumptions?: Record<string, { label?: Bilingual | string }> };
      for (const [name, a] of Object.entries(resolved.assumptions ?? {})) {
        const zh = plainLabel(name, a.label, "zh");
        const en = plainLabel(name, a.label, "en");
        // logit is the model's term, kept in the tooltip note; everything else in Chinese
        if (/[A-Za-z]{3,}/.test(`${zh.label} ${zh.note ?? ""}`.replace(/logit/g, ""))) bad.push(`${file} ${name}: ${zh.label}`);
        if (en.label === zh.label || (en.label.match(CJK)?.length ?? 0) > en.label.length / 3) bad.push(`${file} ${name} (en): ${en.label}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
