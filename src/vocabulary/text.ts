/**
 * The two languages of the site and a text in both. The lowest layer: src/vocabulary imports
 * nothing from rules, sim, populations or components (they import it).
 */
export type Lang = "zh" | "en";

export interface Bilingual {
  zh: string;
  en: string;
}
