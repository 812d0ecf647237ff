// Data loader: docs/methods.md and docs/assumptions.md (and their .zh.md twins) rendered to HTML (markdown-it) for the
// Methods page, so the page always shows the same text as the repository's documentation.
// Links to other repository documents become plain text with the file name.
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const render = (file: string) =>
  md
    .render(readFileSync(new URL(`../../docs/${file}`, import.meta.url), "utf-8"))
    .replace(/<a href="(?!https?:|#)([^"]+)">([^<]*)<\/a>/g, (_m, href: string, text: string) => `${text} (<code>docs/${href}</code>)`);

// The Chinese versions (docs/methods.zh.md, docs/assumptions.zh.md) for the page in Chinese.
process.stdout.write(JSON.stringify({ methods: render("methods.md"), assumptions: render("assumptions.md"), methods_zh: render("methods.zh.md"), assumptions_zh: render("assumptions.zh.md") }));
