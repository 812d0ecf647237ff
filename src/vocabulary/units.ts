/**
 * Units of the rules' parameters and of the sourced figures: each with its name (for a table's
 * unit column: "元/年", "比例") and the symbol written after a number ("元/年"; nothing for a share,
 * which prints as a percentage). The formatter of each unit is in format.ts (`formatInUnit`).
 */
import type { Bilingual, Lang } from "./text.js";

export const UNITS = ["CNY", "CNY/day", "CNY/year", "CNY/month", "CNY/order", "share", "ratio", "years", "days", "months", "hours", "persons", "organisations", "multiple"] as const;
export type Unit = (typeof UNITS)[number];

export type UnitKind = "money" | "share" | "time" | "count" | "multiple";

export interface UnitInfo {
  id: Unit;
  kind: UnitKind;
  /** What the unit is called, e.g. in a unit column. */
  name: Bilingual;
  /** Written after the number ("" when the number carries its own sign, e.g. a percentage). */
  symbol: Bilingual;
}

const u = (id: Unit, kind: UnitKind, name: Bilingual, symbol: Bilingual = name): UnitInfo => ({ id, kind, name, symbol });

export const UNIT_INFO: Readonly<Record<Unit, UnitInfo>> = {
  CNY: u("CNY", "money", { zh: "元", en: "yuan" }),
  "CNY/day": u("CNY/day", "money", { zh: "元/天", en: "yuan/day" }),
  "CNY/year": u("CNY/year", "money", { zh: "元/年", en: "yuan/year" }),
  "CNY/month": u("CNY/month", "money", { zh: "元/月", en: "yuan/month" }),
  "CNY/order": u("CNY/order", "money", { zh: "元/单", en: "yuan/order" }),
  share: u("share", "share", { zh: "比例", en: "share" }, { zh: "", en: "" }),
  ratio: u("ratio", "multiple", { zh: "比率", en: "ratio" }, { zh: "", en: "" }),
  years: u("years", "time", { zh: "年", en: "years" }),
  days: u("days", "time", { zh: "天", en: "days" }),
  months: u("months", "time", { zh: "个月", en: "months" }),
  hours: u("hours", "time", { zh: "小时", en: "hours" }),
  persons: u("persons", "count", { zh: "人", en: "persons" }),
  organisations: u("organisations", "count", { zh: "家", en: "organisations" }),
  multiple: u("multiple", "multiple", { zh: "倍", en: "multiple" }, { zh: "倍", en: "×" }),
};

/** Spellings found in data files (data/figures.csv writes 元 and 元/year). */
const ALIASES: Readonly<Record<string, Unit>> = { 元: "CNY", "元/year": "CNY/year", "元/年": "CNY/year", "元/day": "CNY/day", "元/month": "CNY/month", "元/order": "CNY/order", yuan: "CNY" };

/** The unit a text names (its id or a data file's spelling), or null. */
export function parseUnit(text: string): Unit | null {
  if ((UNITS as readonly string[]).includes(text)) return text as Unit;
  return ALIASES[text] ?? null;
}

/** The unit's name in `lang` ("元/年", "比例"); a text that names no unit is returned as it is. */
export function unitName(unit: Unit | string, lang: Lang): string {
  const id = parseUnit(unit);
  return id ? UNIT_INFO[id].name[lang] : unit;
}

/** The symbol written after a number in `lang` ("" for shares and ratios). */
export function unitSymbol(unit: Unit, lang: Lang): string {
  return UNIT_INFO[unit].symbol[lang];
}
