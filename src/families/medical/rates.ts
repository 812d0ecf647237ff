/**
 * Payout rates: one parameter, or one for claims with a pre-existing condition and one without
 * (天一甬宁保 2023: 10 % / 20 % and 40 % / 80 %, seed 003 l.59). Picks the path for a claim.
 */
import type { Component, Rate } from "./spec.js";

/** The parameter path of the rate that applies, and whose rate it is ("pre-existing" …, or none). */
export function pickRate(rate: Rate, preExisting: boolean | undefined): { path: string; who?: string } {
  if (typeof rate === "string") return { path: rate };
  return preExisting ? { path: rate.preExisting, who: "pre-existing" } : { path: rate.noPreExisting, who: "no pre-existing" };
}

/** Whether any of the component's rates depends on pre-existing status. */
export function usesPreExisting(c: Component): boolean {
  if (c.rate !== undefined) return typeof c.rate !== "string";
  return (c.bands ?? []).some((b) => typeof b.rate !== "string");
}

/** Every parameter path a rate may read. */
export function ratePaths(rate: Rate): string[] {
  return typeof rate === "string" ? [rate] : [rate.preExisting, rate.noPreExisting];
}
