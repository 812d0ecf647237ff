// Data loader: docs/methods.md and docs/assumptions.md (and their .zh.md twins) rendered to HTML (markdown-it) for the
// Methods page, so the page always shows the same text as the repository's documentation; and the
// population methods of docs/methods/ (ningbo, injury, calibration, loss-ratio-changes), each in
// English and, where written, in Chinese (docs/methods/<name>.zh.md; null until then).
// Links to other repository documents become plain text with the file name. In the English texts
// a Chinese document title (《…》, 人社部发〔2025〕24号) is marked as a quoted name (cite.ts).
import { existsSync, readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { markChineseTitles } from "../components/cite.js";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const docs = new URL("../../docs/", import.meta.url);
const render = (file: string, lang: "zh" | "en") => {
  const dir = file.includes("/") ? `docs/${file.slice(0, file.lastIndexOf("/") + 1)}` : "docs/";
  const html = md
    .render(readFileSync(new URL(file, docs), "utf-8"))
    .replace(/<a href="(?!https?:|#)([^"#]+)(#[^"]*)?">([^<]*)<\/a>/g, (_m, href: string, _hash: string | undefined, text: string) => `${text} (<code>${dir}${href}</code>)`);
  return lang === "en" ? markChineseTitles(html) : html;
};
const zhOf = (file: string) => file.replace(/\.md$/, ".zh.md");

/** The population methods, in the order the page lists them, with their titles in both languages. */
const SUB_DOCS = [
  { id: "injury", zh: "伤害保障情景", en: "The injury-scheme scenarios" },
  { id: "ningbo", zh: "宁波情景", en: "The Ningbo scenarios" },
  { id: "calibration", zh: "校准与后验", en: "Calibration and the posterior" },
  { id: "loss-ratio-changes", zh: "主要赔付率的变化", en: "How the headline loss ratios moved" },
];

process.stdout.write(
  JSON.stringify({
    methods: render("methods.md", "en"),
    assumptions: render("assumptions.md", "en"),
    methods_zh: render("methods.zh.md", "zh"),
    assumptions_zh: render("assumptions.zh.md", "zh"),
    sub: SUB_DOCS.map((d) => {
      const file = `methods/${d.id}.md`;
      return { ...d, file: `docs/${file}`, html: render(file, "en"), html_zh: existsSync(new URL(zhOf(file), docs)) ? render(zhOf(file), "zh") : null };
    }),
  }),
);
