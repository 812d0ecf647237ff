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

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}
