/**
 * Language switch (Chinese default, English available) and number formatting for the pages.
 *
 * How a page is bilingual:
 * - Static text is written as paired spans, `<span lang="zh-CN">…</span><span lang="en">…</span>`;
 *   src/style.css hides the one whose language is not `<html data-lang>`.
 * - JS text reads a reactive `lang` value: `const lang = Generators.observe(observeLang)` in a page,
 *   then `t({zh, en}, lang)` in any cell that depends on it (Framework re-runs the cell on a switch).
 * - The switch itself (header buttons `[data-set-lang]`) is wired by the inline boot script
 *   (lang-boot.ts, in the config's `head`) so it works on every page, even before modules load:
 *   the choice goes to `?lang=` (history.replaceState, other query parameters kept) and to
 *   localStorage; the URL wins over localStorage, which wins over the default (zh).
 *
 * Numbers and units come from src/vocabulary/format.ts (re-exported here for the pages):
 * `formatAmount` is its compact formatter (8400万, 111.84亿; 84M, 3.2B), `formatYuan` exact money
 * ("363275 元", "363,275 yuan"), `formatShare` a percentage.
 */
import { formatCompact, formatPercent, type Bilingual, type Lang } from "../vocabulary/index.js";
import { LANG_EVENT, LANG_PARAM, LANG_STORAGE_KEY } from "./lang-boot.js";

export type { Bilingual, Lang };
export { formatYuan, formatInUnit, grouped, unitName } from "../vocabulary/index.js";
export const LANGS: readonly Lang[] = ["zh", "en"];
export const DEFAULT_LANG: Lang = "zh";
export { LANG_EVENT, LANG_PARAM, LANG_STORAGE_KEY };

/** "en" → en, "zh"/"zh-CN" → zh, anything else → null. */
export function parseLang(value: unknown): Lang | null {
  if (value === "en") return "en";
  if (value === "zh" || value === "zh-CN") return "zh";
  return null;
}

/** The language a page starts in: the URL's `lang`, else the stored choice, else Chinese. */
export function resolveLang(search: string, stored: string | null): Lang {
  return parseLang(new URLSearchParams(search).get(LANG_PARAM)) ?? parseLang(stored) ?? DEFAULT_LANG;
}

/** The page's current language (from `<html data-lang>`); Chinese outside a browser. */
export function currentLang(): Lang {
  if (typeof document === "undefined") return DEFAULT_LANG;
  return parseLang(document.documentElement.getAttribute("data-lang")) ?? DEFAULT_LANG;
}

interface BootWindow {
  puhuiSetLang?: (lang: Lang) => void;
}

/** Switches the page's language (same effect as clicking a header button). */
export function setLang(lang: Lang): void {
  const w = window as unknown as BootWindow;
  if (w.puhuiSetLang) return w.puhuiSetLang(lang);
  // Without the boot script (should not happen on a built page): do the same here.
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.documentElement.setAttribute("data-lang", lang);
  const url = new URL(location.href);
  url.searchParams.set(LANG_PARAM, lang);
  history.replaceState(history.state, "", url);
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the URL still carries the choice
  }
  window.dispatchEvent(new CustomEvent(LANG_EVENT, { detail: lang }));
}

/**
 * For `Generators.observe(observeLang)`: reports the current language now and on every switch.
 * Returns the function that stops listening.
 */
export function observeLang(notify: (lang: Lang) => void): () => void {
  notify(currentLang());
  const listener = (event: Event) => notify(parseLang((event as CustomEvent).detail) ?? currentLang());
  window.addEventListener(LANG_EVENT, listener);
  return () => window.removeEventListener(LANG_EVENT, listener);
}

/** Picks the text in `lang` (default: the page's current language). */
export function t(text: Bilingual, lang: Lang = currentLang()): string {
  return text[lang];
}

/** Paired spans for text built in JS that should follow the switch without re-rendering. */
export function bi(zh: string | Node, en: string | Node, tag: "span" | "div" = "span"): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const a = document.createElement(tag);
  a.lang = "zh-CN";
  a.append(zh);
  const b = document.createElement(tag);
  b.lang = "en";
  b.append(en);
  fragment.append(a, b);
  return fragment;
}

/**
 * Text that follows the language switch in an element that cannot hold paired spans (an
 * `<option>`, an attribute-like label): `node`'s text is `text` in the page's language now and
 * after every switch. The listener goes once the node, having been on the page, has left it.
 */
export function followLang(node: Element, text: Bilingual): void {
  let shown = false;
  const update = (): void => {
    if (node.isConnected) shown = true;
    else if (shown) return window.removeEventListener(LANG_EVENT, update);
    node.textContent = text[currentLang()];
  };
  update();
  window.addEventListener(LANG_EVENT, update);
}

/** A large amount in 万/亿 (zh) or M/B (en): the vocabulary's compact formatter. */
export const formatAmount = formatCompact;

/** A share as a percentage: 0.75 → "75%" (at most 4 decimals of the percentage). */
export const formatShare = (value: number): string => formatPercent(value);

/**
 * A technical error for a page. The engine's and the rules module's messages are English
 * ("field: what is allowed", as the CLI prints them); a page in Chinese shows a Chinese lead-in
 * and the field's name (code), and keeps the English detail in the tooltip only — no English
 * sentence in Chinese mode, nothing lost for a reader who needs the detail. In English: as it is.
 */
export function errorParts(message: string, lang: Lang): { lead: string; field: string | null; detail: string; title: string } {
  const m = /^([^:\n]{1,120}): ([\s\S]+)$/.exec(message);
  const field = m ? m[1]! : null;
  if (lang === "en") return { lead: "", field: null, detail: message, title: message };
  return {
    lead: field ? "输入有误，请检查此项的取值(是否在允许范围内、格式是否正确)：" : "模拟未能完成(技术细节见悬停提示)",
    field,
    detail: "",
    title: message,
  };
}

/** errorParts as an element (a paragraph by default): the lead-in, the field as code, the detail. */
export function errorElement(message: string, lang: Lang, className = "input-error", tag: "p" | "span" = "p"): HTMLElement {
  const parts = errorParts(message, lang);
  const node = document.createElement(tag);
  node.className = className;
  node.setAttribute("role", "alert");
  node.title = parts.title;
  node.append(parts.lead);
  if (parts.field) {
    const code = document.createElement("code");
    code.textContent = parts.field;
    node.append(code);
  }
  node.append(parts.detail);
  return node;
}
