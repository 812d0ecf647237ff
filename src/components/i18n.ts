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
 * Amounts (`formatAmount`): Chinese readers count in 万 (10^4) and 亿 (10^8), English readers in
 * thousands, millions, billions. The rule:
 * - zh: |v| ≥ 1 亿 → v / 10^8 with at most 2 decimals + " 亿" (3.2 亿); |v| ≥ 1 万 → v / 10^4 with at
 *   most 2 decimals + " 万" (1234.57 万, 8400 万); smaller → the number with at most 2 decimals (68, 0.6).
 * - en: |v| ≥ 10^9 → "x.xx B"; |v| ≥ 10^6 → "x.xx M" (12.35 M); smaller → thousands separators and at
 *   most 2 decimals (363,275; 1,234.5).
 * Trailing zeros are dropped (8400 万, not 8400.00 万); non-finite values print "—" (never NaN).
 * Exact money (a payout, a premium) uses `formatYuan`: every fen shown, zh "363275 元", en "363,275 yuan".
 */
import { LANG_EVENT, LANG_PARAM, LANG_STORAGE_KEY } from "./lang-boot.js";

export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];
export const DEFAULT_LANG: Lang = "zh";
export { LANG_EVENT, LANG_PARAM, LANG_STORAGE_KEY };

export interface Bilingual {
  zh: string;
  en: string;
}

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

/** At most `digits` decimals, trailing zeros dropped, no float noise; -0 → 0. */
function trimmed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)) + 0);
}

/** Thousands separators (en), at most `digits` decimals: 1234567.891 → "1,234,567.89". */
export function grouped(value: number, digits = 2): string {
  return (Number(value.toFixed(digits)) + 0).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** An amount (元, persons, …) the way a reader of `lang` expects it; see the module comment. */
export function formatAmount(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return "—";
  const a = Math.abs(value);
  if (lang === "zh") {
    if (a >= 1e8) return `${trimmed(value / 1e8, 2)} 亿`;
    if (a >= 1e4) return `${trimmed(value / 1e4, 2)} 万`;
    return trimmed(value, 2);
  }
  if (a >= 1e9) return `${trimmed(value / 1e9, 2)} B`;
  if (a >= 1e6) return `${trimmed(value / 1e6, 2)} M`;
  return grouped(value, 2);
}

/** Exact money in 元 to the fen: zh "363275 元", en "363,275 yuan". Non-finite → "—". */
export function formatYuan(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return "—";
  return lang === "zh" ? `${trimmed(value, 2)} 元` : `${grouped(value, 2)} yuan`;
}

/** A share as a percentage: 0.75 → "75%" (at most 4 decimals of the percentage). */
export function formatShare(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return `${trimmed(value * 100, 4)}%`;
}
