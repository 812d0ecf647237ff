// The Methods page's documents in their own language (issue 15): the same heuristic as the pages'
// language check (test/e2e/readability.ts) applied to the Markdown, so a leak is caught before a
// build. English (docs/methods.md, docs/methods/*.md): no run of ≥ 4 Han characters outside a
// quoted document title (《…》, 人社部发〔2025〕24号 — marked lang="zh" on the page) and the allowed
// names. Chinese (*.zh.md): no run of ≥ 4 Latin words outside code, links' targets and proper names.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHINESE_TITLE } from "../../src/components/cite.js";
import { HAN_NAMES, PROPER_NAMES } from "../e2e/readability.js";

const dir = new URL("../../docs/methods/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
const read = (f: string) => readFileSync(new URL(f, dir), "utf-8");
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]{4,}/g;
const LATIN_RUN = /[A-Za-z][A-Za-z'’-]*(?:[\s,;:()"“”'‘’/&]+[A-Za-z][A-Za-z'’-]*){3,}/g;

function hanLeaks(text: string): string[] {
  let t = text.replace(CHINESE_TITLE, " ");
  for (const n of HAN_NAMES) t = t.split(n).join(" ");
  return t.match(HAN_RUN) ?? [];
}
function latinLeaks(text: string): string[] {
  let t = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`]*`/g, " 〇 ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/https?:\/\/\S+/g, " ");
  for (const n of PROPER_NAMES) t = t.split(n).join(" 〇 ");
  // Line by line, as the page shows text nodes; table cells are separate nodes.
  return t.split(/\n|\|/).flatMap((line) => line.match(LATIN_RUN) ?? []);
}

describe("docs/methods/ in the page's languages", () => {
  it("has English documents, and a Chinese version of each", () => {
    expect(files).toEqual(expect.arrayContaining(["injury.md", "ningbo.md", "calibration.md", "loss-ratio-changes.md"]));
    for (const f of files.filter((f) => !f.endsWith(".zh.md"))) expect(files, f).toContain(f.replace(/\.md$/, ".zh.md"));
  });
  for (const f of files.filter((f) => !f.endsWith(".zh.md"))) {
    it(`${f}: no Chinese phrase in English outside quoted titles`, () => expect(hanLeaks(read(f))).toEqual([]));
  }
  for (const f of files.filter((f) => f.endsWith(".zh.md"))) {
    it(`${f}: no English phrase in Chinese outside code`, () => expect(latinLeaks(read(f))).toEqual([]));
  }
  it("the heuristics catch what they should", () => {
    expect(hanLeaks("set 以支定收 from payouts; 《工伤保险条例》 art. 33")).toEqual(["以支定收"]);
    expect(latinLeaks("按“numbers an actuary would sign”的表；`puhui simulate a b c d`")).toEqual(["numbers an actuary would sign"]);
  });
});
