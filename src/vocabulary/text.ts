/**
 * The two languages of the site and a text in both. The lowest layer: src/vocabulary imports
 * nothing from rules, sim, populations or components (they import it).
 */
export type Lang = "zh" | "en";

export interface Bilingual {
  zh: string;
  en: string;
}

/** A text that is either one string (shown in both languages) or {zh, en}, in `lang`. */
export function pick(text: string | Bilingual, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}
