/**
 * Numbers as readers of each language expect them, one formatter per unit.
 *
 * Large amounts (`formatCompact`): Chinese readers count in 万 (10⁴) and 亿 (10⁸), English readers
 * in millions and billions. Both come from `Intl.NumberFormat(locale, {notation: "compact"})` with
 * at most 2 decimals: zh-CN prints 8400万, 111.84亿, 36.33万 and plain numbers below 1 万 (9999);
 * English prints 84M, 3.2B, and below a million the number with thousands separators (363,275 —
 * not 363.28K, which reads oddly for money).
 * Exact amounts (`formatExact`): every fen, zh without separators ("363275"), en with ("363,275").
 * Non-finite values print "—" (never NaN); −0 prints 0.
 */
import type { Lang } from "./text.js";
import { UNIT_INFO, unitSymbol, type Unit } from "./units.js";

export const NOT_A_NUMBER = "—";

const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-US" };

const compactFormats = new Map<Lang, Intl.NumberFormat>();
function compactFormat(lang: Lang): Intl.NumberFormat {
  let f = compactFormats.get(lang);
  if (!f) compactFormats.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { notation: "compact", maximumFractionDigits: 2 })));
  return f;
}

/** At most `digits` decimals, no float noise, −0 → 0. */
function rounded(value: number, digits: number): number {
  return Number(value.toFixed(digits)) + 0;
}

/** Thousands separators (en style), at most `digits` decimals: 1234567.891 → "1,234,567.89". */
export function grouped(value: number, digits = 2): string {
  return rounded(value, digits).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** An exact number: zh "363275", en "363,275"; at most `digits` decimals. */
export function formatExact(value: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return lang === "zh" ? String(rounded(value, digits)) : grouped(value, digits);
}

/** A large amount in 万/亿 (zh) or M/B (en); see the module comment. */
export function formatCompact(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const v = rounded(value, 2);
  if (lang === "en" && Math.abs(v) < 1e6) return grouped(v, 2);
  return compactFormat(lang).format(v);
}

/** True when the compact form carries a 万/亿 or M/B suffix (it is not the plain number). */
function isScaled(text: string): boolean {
  return /[万亿KMBT]$/.test(text);
}

/** A share as a percentage: 0.75 → "75%" (at most `digits` decimals of the percentage). */
export function formatPercent(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return `${rounded(value * 100, digits)}%`;
}

export interface UnitFormatOptions {
  /** Large numbers in 万/亿 or M/B (default: exact). */
  compact?: boolean;
  /** Decimals of an exact number (default 2; a percentage's decimals: 4). */
  digits?: number;
}

/**
 * A number with its unit in `lang`: money "68 元/年" / "68 yuan/year", compact "8400万元" / "84M yuan";
 * shares "75%"; counts "668万人" / "6.68M persons"; durations "3 年" / "3 years"; multiples
 * "1.5 倍" / "1.5×".
 */
export function formatInUnit(value: number, unit: Unit, lang: Lang, options: UnitFormatOptions = {}): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const info = UNIT_INFO[unit];
  if (info.kind === "share") return formatPercent(value, options.digits ?? 4);
  const number = options.compact ? formatCompact(value, lang) : formatExact(value, lang, options.digits ?? 2);
  const symbol = unitSymbol(unit, lang);
  if (!symbol) return number;
  if (unit === "multiple" && lang === "en") return `${number}×`;
  // Chinese writes a scaled number and its unit together (8400万人); otherwise a space.
  return lang === "zh" && isScaled(number) ? `${number}${symbol}` : `${number} ${symbol}`;
}

/** Exact money in 元 to the fen: zh "363275 元", en "363,275 yuan". */
export function formatYuan(value: number, lang: Lang): string {
  return formatInUnit(value, "CNY", lang);
}
