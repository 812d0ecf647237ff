/**
 * Money arithmetic in 元. Amounts are rounded to the fen (0.01 元) once per itemised line, as
 * insurers pay; this keeps worked examples exact (e.g. 468100 × 75 % = 351075, not 351074.99…).
 */

/** Rounds to 0.01 元 (half away from zero for positive amounts, with a guard for float noise). */
export function roundFen(amount: number): number {
  const cents = Math.round(amount * 100 + (amount >= 0 ? 1e-7 : -1e-7));
  return cents / 100 + 0; // + 0 turns -0 into 0
}

/** amount × rate, rounded to the fen. */
export function mulRate(amount: number, rate: number): number {
  return roundFen(amount * rate);
}

/** The part of `amount` above `from`, up to `to` (the band [from, to]); never negative. */
export function band(amount: number, from: number, to: number = Infinity): number {
  return Math.max(0, Math.min(amount, to) - from);
}

/** Sum of amounts, rounded to the fen. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) total += a;
  return roundFen(total);
}

/** Number for a formula: no float noise, at most 2 decimals ("12200", "0.3", "363275"). */
export function fmt(n: number): string {
  return String(Number(n.toFixed(2)));
}
