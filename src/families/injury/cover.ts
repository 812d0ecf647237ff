/**
 * Cover periods of the injury schemes: calendar months from the day paid (single-type WII; 民法典
 * art. 203: a period in months ends on the corresponding day, or at the month's end when there is
 * no such day), and days from the day after payment (灵活保: a day bought covers 00:00–24:00 of
 * the next day, seed 000 l.82–84; Urumqi: cover starts the day after payment, art. 9, seed 004,
 * a month counted as 30 days).
 */
import { addDays } from "../../rules/dates.js";

/**
 * Last day of a cover of `months` calendar months starting on `from` (inclusive): the day before
 * the corresponding day `months` later, or the last day of that month when it has no such day.
 */
export function coverUntil(from: string, months: number): string {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const total = m - 1 + months;
  const ty = y + Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  if (d > last) return new Date(Date.UTC(ty, tm, last)).toISOString().slice(0, 10);
  return addDays(new Date(Date.UTC(ty, tm, d)).toISOString().slice(0, 10), -1);
}

/** Cover of `days` days from the day after `paidOn` (both ends inclusive). */
export function coverFromNextDay(paidOn: string, days: number): { from: string; until: string } {
  const from = addDays(paidOn, 1);
  return { from, until: addDays(from, days - 1) };
}
