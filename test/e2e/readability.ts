/**
 * Readability checks for a loaded page (issue 15, "Done when"), run by pages.test.ts on each visit,
 * in each language:
 * - `chartTextProblems`: inside every chart <svg> of the page's main column, the boxes of two
 *   visible, non-empty <text> elements must not overlap by more than OVERLAP_PX in both directions
 *   (a halo — the same text drawn twice at the same place — is not an overlap), and no text may
 *   stick out of its svg by more than OVERLAP_PX (a cut label such as "96.3%" at the right edge).
 * - `sidewaysScroll`: documentElement.scrollWidth − innerWidth (> 0 means the page scrolls sideways).
 * - `languageLeaks`: the language-purity heuristic. Every visible text node in the main column,
 *   the table of contents, the sidebar and the footer (pager) is checked, except text inside
 *   code, pre, kbd, samp, [translate="no"] and inside an element whose own `lang` is the other
 *   language. The rule for `lang`: an element marked with the other language is a quotation or a
 *   proper name in that language, not a leak — in English mode `<cite lang="zh">人社部发〔2025〕24号</cite>`
 *   (a Chinese document's title, shown with its English gloss: src/components/cite.ts) or a seed
 *   line's quotation `<q lang="zh">…</q>`; in Chinese mode an element with `lang="en…"`, e.g. the
 *   English half of a bilingual name. (Plain `lang="zh"`, not `zh-CN`: `zh-CN`/`en` mark the
 *   language switch's paired spans, and the stylesheet hides the inactive one — a hidden span is
 *   skipped as invisible anyway.) Closed <details> panels are opened for the check (their text is user-facing).
 *   Proper names (PROPER_NAMES) are removed first. Then:
 *     zh mode: a leak is ≥ 4 consecutive Latin words (letters, inner hyphens/apostrophes) separated
 *              only by spaces or light punctuation — an English phrase or sentence, not an acronym,
 *              a unit or an id;
 *     en mode: a leak is a run of ≥ 4 Han characters.
 *   The pager's "Previous page / Next page" (CSS ::before content) is checked too.
 *   A leak is keyed by its whole text node, whitespace collapsed, digits replaced by "#" (so a
 *   number that moves with the model keeps the key), cut at 160 characters.
 * - `headlineTop`: the top (page coordinates) of the first `.answer` or `.kpi-grid` in main.
 * - `lowContrastTexts`: HTML text (not chart text, whose background is a mark) in the main column,
 *   the sidebar and the table of contents whose WCAG 2 contrast ratio against its background (the
 *   nearest ancestor's opaque background colour, else the theme's; a translucent text colour is blended over it) is
 *   under a minimum — run in dark mode by dark-mode.test.ts.
 * Known language leaks (texts another helper is translating) are listed in
 * language-known-failures.json; pages.test.ts prints their count per page and fails on a new one.
 */
import type { Page } from "playwright-core";

export const OVERLAP_PX = 2;
export const HEADLINE_SELECTOR = "#observablehq-main .answer, #observablehq-main .kpi-grid";

/** Names left as they are in both languages (removed before the purity check). */
export const PROPER_NAMES = [
  "Puhui Workbench",
  "Observable Framework",
  "Observable Plot",
  "DuckDB-wasm",
  "DuckDB",
  "BibTeX",
  "Apache Arrow",
  "Parquet",
  "GitHub",
  "Sobol",
  "Latin hypercube",
  "Monte Carlo",
  "Beta-Binomial",
  "Poisson",
  "SVG",
  "PNG",
  "CSV",
  "JSON",
  "SQL",
  "URL",
  "CLI",
  "npx puhui",
  "Slurm",
  "Kubernetes",
  "GNU parallel",
];
/** Han-character names allowed in English mode: the project's own name (cited as "Puhui Workbench (普惠保障工作台)") and the Ningbo sign-up platform, which has no English name. */
export const HAN_NAMES: string[] = ["普惠保障工作台", "灵活就业服务在线"];

export interface ChartTextProblem {
  kind: "overlap" | "outside";
  chart: string;
  texts: string[];
  px: number;
}

/** Overlapping or cut-off text inside the page's charts (svg with <text>), at the current width. */
export function chartTextProblems(page: Page): Promise<ChartTextProblem[]> {
  return page.evaluate((tol) => {
    const out: { kind: "overlap" | "outside"; chart: string; texts: string[]; px: number }[] = [];
    const svgs = [...document.querySelectorAll("#observablehq-main svg")].filter((s) => !s.parentElement?.closest("svg"));
    svgs.forEach((svg, index) => {
      if (!svg.checkVisibility()) return;
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return;
      const figure = svg.closest("figure, .card, [id]");
      const chart = `${figure?.id ? `#${figure.id}` : (figure?.className || svg.getAttribute("class") || "svg").toString().split(" ")[0]} (svg ${index + 1}) ${(svg.getAttribute("aria-label") ?? "").slice(0, 40)}`.trim();
      const texts = [...svg.querySelectorAll("text")]
        .filter((t) => !t.parentElement?.closest("text"))
        // A label Plot cut with an ellipsis keeps its full text in a <title> child: not drawn, not counted.
        .map((t) => ({ text: [...t.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent ?? "").join("").trim(), r: t.getBoundingClientRect(), el: t }))
        .filter((t) => t.text !== "" && t.r.width > 0 && t.r.height > 0 && t.el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
      for (const t of texts) {
        const px = Math.max(box.left - t.r.left, t.r.right - box.right, box.top - t.r.top, t.r.bottom - box.bottom);
        if (px > tol) out.push({ kind: "outside", chart, texts: [t.text], px: Math.round(px) });
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!.r;
          const b = texts[j]!.r;
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (dx <= tol || dy <= tol) continue;
          const halo = texts[i]!.text === texts[j]!.text && Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1;
          if (!halo) out.push({ kind: "overlap", chart, texts: [texts[i]!.text, texts[j]!.text], px: Math.round(Math.min(dx, dy)) });
        }
      }
    });
    return out;
  }, OVERLAP_PX);
}

/** How far the page scrolls sideways (≤ 0: not at all). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The first headline's top in page coordinates, or null when the page has none. */
export function headlineTop(page: Page): Promise<number | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
  }, HEADLINE_SELECTOR);
}

export interface Leak {
  key: string;
  where: string;
}

/** Visible text in the wrong language (see the header for the heuristic), deduplicated by key. */
export function languageLeaks(page: Page, lang: "zh" | "en"): Promise<Leak[]> {
  return page.evaluate(
    ({ lang, names, hanNames }) => {
      const opened = [...document.querySelectorAll("details:not([open])")] as HTMLDetailsElement[];
      for (const d of opened) d.open = true;
      const latinRun = /[A-Za-z][A-Za-z'’-]*(?:[\s,;:()"“”'‘’/&]+[A-Za-z][A-Za-z'’-]*){3,}/;
      const hanRun = /[\u3400-\u9fff\uf900-\ufaff]{4,}/;
      const other = lang === "zh" ? "en" : "zh";
      const found = new Map<string, string>();
      const key = (s: string) => s.replace(/\s+/g, " ").trim().replace(/\d/g, "#").slice(0, 160);
      const where = (el: Element) => {
        const withId = el.closest("[id]");
        return `${withId ? `#${withId.id}` : ""} ${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join(".")}` : ""}`.trim();
      };
      const strip = (s: string) => {
        let r = s.replace(/https?:\/\/\S+/g, " ");
        for (const n of lang === "zh" ? names : hanNames) r = r.split(n).join(" 〇 ");
        return r;
      };
      const test = (text: string) => (lang === "zh" ? latinRun : hanRun).test(strip(text));
      const roots = ["#observablehq-main", "#observablehq-toc", "#observablehq-sidebar", "#observablehq-footer"]
        .map((s) => document.querySelector(s))
        .filter((r): r is Element => r !== null);
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          if (!text.trim()) continue;
          const el = node.parentElement;
          if (!el || el.closest("code, pre, kbd, samp, script, style, title, [translate='no']")) continue;
          const tagged = el.closest("[lang]");
          if (tagged && tagged !== document.documentElement && (tagged.getAttribute("lang") ?? "").startsWith(other)) continue;
          const shown = el.closest("select") ?? el;
          if (!shown.checkVisibility({ visibilityProperty: true })) continue;
          if (test(text)) found.set(key(text), where(el));
        }
      }
      for (const a of document.querySelectorAll("#observablehq-footer nav a")) {
        const before = getComputedStyle(a, "::before").content.replace(/^"|"$/g, "");
        if (before && before !== "none" && test(before)) found.set(key(before), "pager ::before");
      }
      for (const d of opened) d.open = false;
      return [...found].map(([key, where]) => ({ key, where }));
    },
    { lang, names: PROPER_NAMES, hanNames: HAN_NAMES },
  );
}

/** Switches the loaded page's language in place (the header's switch) and waits for it to settle. */
export async function switchLanguage(page: Page, lang: "zh" | "en", timeout = 60_000): Promise<void> {
  await page.evaluate((l) => (window as unknown as { puhuiSetLang(l: string): void }).puhuiSetLang(l), lang);
  await page.waitForFunction((l) => document.documentElement.dataset["lang"] === l && document.querySelectorAll("observablehq-loading").length === 0, lang, { timeout });
  await page.waitForLoadState("networkidle", { timeout });
  // Cells re-render asynchronously (charts after their data): wait until the main column's text
  // is the same on three polls 250 ms apart.
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __puhuiSig?: string; __puhuiSame?: number };
      const sig = document.querySelector("#observablehq-main")?.textContent ?? "";
      w.__puhuiSame = sig === w.__puhuiSig ? (w.__puhuiSame ?? 0) + 1 : 0;
      w.__puhuiSig = sig;
      return w.__puhuiSame >= 2;
    },
    undefined,
    { timeout, polling: 250 },
  );
}

export interface LowContrast {
  text: string;
  where: string;
  ratio: number;
  colour: string;
  background: string;
}

/** Visible HTML texts whose contrast ratio with their background is under `min` (see the header). */
export function lowContrastTexts(page: Page, min: number): Promise<LowContrast[]> {
  return page.evaluate((min) => {
    // "rgb(…)"/"rgba(…)", or "color(srgb r g b / a)" (0–1), as a theme's color-mix() computes.
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+))?\)/.exec(c);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      const s = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(c);
      return s ? [255 * Number(s[1]), 255 * Number(s[2]), 255 * Number(s[3]), s[4] === undefined ? 1 : Number(s[4])] : null;
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): [number, number, number] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.5) return [c[0], c[1], c[2]];
      }
      // No ancestor paints one: the page's canvas, the theme's background colour.
      const probe = document.createElement("div");
      probe.style.background = "var(--theme-background, Canvas)";
      document.body.append(probe);
      const c = parse(getComputedStyle(probe).backgroundColor);
      probe.remove();
      return c ? [c[0], c[1], c[2]] : [255, 255, 255];
    };
    const out: { text: string; where: string; ratio: number; colour: string; background: string }[] = [];
    const seen = new Set<Element>();
    for (const root of ["#observablehq-main", "#observablehq-sidebar", "#observablehq-toc"]) {
      const r = document.querySelector(root);
      if (!r) continue;
      const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || seen.has(el) || !(node.textContent ?? "").trim() || el.closest("svg, script, style, option")) continue;
        seen.add(el);
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const fg = parse(getComputedStyle(el).color);
        if (!fg) continue;
        const bg = background(el);
        const a = fg[3];
        const blended = [0, 1, 2].map((i) => a * fg[i]! + (1 - a) * bg[i]!);
        const [l1, l2] = [lum(blended), lum(bg)].sort((x, y) => y - x) as [number, number];
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        if (ratio < min) out.push({ text: (node.textContent ?? "").trim().slice(0, 60), where: `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`, ratio: Math.round(ratio * 100) / 100, colour: getComputedStyle(el).color, background: `rgb(${bg.join(", ")})` });
      }
    }
    return out;
  }, min);
}
