/** ISO calendar dates ("YYYY-MM-DD") as strings: they compare correctly with < and >. */
import { InputError } from "./input-error.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Validates a date given by a user; `field` names it in the error. */
export function parseDate(input: unknown, field = "date"): string {
  if (typeof input !== "string" || !isIsoDate(input)) {
    throw new InputError(field, `must be a calendar date YYYY-MM-DD (got ${JSON.stringify(input)})`);
  }
  return input;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The ISO date `years` whole years after `date` — the one year arithmetic of the workbench (the
 * rules' periods and the engine's simulated years). 29 February in a year without one becomes
 * 28 February: a period counted in years ends on the corresponding day of its last month, or on
 * that month's last day when there is none (民法典 art. 202), so a policy year from 2024-02-29
 * runs to 2025-02-28 and never spills into March.
 */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const rest = date.slice(4) === "-02-29" && !leap ? "-02-28" : date.slice(4);
  return `${String(y).padStart(4, "0")}${rest}`;
}
