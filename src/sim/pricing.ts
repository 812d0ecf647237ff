/**
 * Repricing a scheme: multiply its pricing parameters (Scheme.pricing — the parameters whose
 * values scale the gross premium proportionally) by a multiplier m, through the rules' own
 * reform mechanism. Every premium the repriced scheme quotes is its own rule applied to the new
 * values, so subsidies keep their own logic: a share of the premium (灵活保's 50 % budget share)
 * scales with it, a fixed amount (工惠保's 30 元 bank subsidy) does not.
 *
 * A reform sets a value in every dated version of a parameter; the value multiplied is the one in
 * force on `date` (by default the scheme's reference date), so a repriced scheme is meant to be
 * read on that date. Pure; runs in Node and the browser.
 */
import { applyReform, type AnyScheme } from "../rules/index.js";
import { InputError } from "../rules/input-error.js";
import { parseDate } from "../rules/dates.js";
import { versionAt } from "../rules/parameter.js";
import { problem } from "./issues.js";

/** A multiplier must be a finite number > 0 (InputError on "multiplier"). */
function checkMultiplier(multiplier: number): void {
  if (typeof multiplier !== "number" || !Number.isFinite(multiplier) || !(multiplier > 0)) {
    throw new InputError("multiplier", problem(typeof multiplier === "number" ? "out of range" : "not a number", "a finite number > 0", multiplier));
  }
}

export interface PricingValue {
  path: string;
  /** Value in force on the date, before repricing. */
  base: number;
  /** base × multiplier (to 15 significant digits). */
  value: number;
  unit: string;
}

/**
 * The pricing parameters' values on `date`, before and after multiplying by `multiplier`; `paths`
 * (default: all of Scheme.pricing) restricts them, e.g. to the ones an option's cells pay.
 */
export function pricingValues(scheme: AnyScheme, multiplier: number, date: string = scheme.referenceDate, paths: readonly string[] = scheme.pricing): PricingValue[] {
  checkMultiplier(multiplier);
  parseDate(date, "date");
  checkPaths(scheme, paths);
  return paths.map((path) => {
    const p = scheme.parameters.param(path);
    const version = versionAt(p, date);
    if (!version) throw new InputError("date", problem(`before the first version of ${path}`, `a date on or after ${p.versions[0]!.from}`, date));
    // 15 significant digits: 0.6 × 1.5 is 0.9, not 0.8999999999999999 (a relative change < 1e-15).
    return { path, base: version.value, value: Number((version.value * multiplier).toPrecision(15)), unit: p.unit };
  });
}

/**
 * The multipliers that keep every pricing parameter inside its allowed range on `date`:
 * [max over parameters of range.min / value, min of range.max / value] (parameters whose value is
 * 0 stay 0 and do not restrict). `min` may be 0.
 */
export function multiplierRange(scheme: AnyScheme, date: string = scheme.referenceDate, paths: readonly string[] = scheme.pricing): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const { path, base } of pricingValues(scheme, 1, date, paths)) {
    if (!(base > 0)) continue;
    const { range } = scheme.parameters.param(path);
    min = Math.max(min, range.min / base);
    max = Math.min(max, range.max / base);
  }
  return { min, max };
}

/**
 * The scheme with every pricing parameter's value in force on `date` multiplied by `multiplier`
 * (a reform, so the original scheme is untouched). A multiplier that is not a finite number > 0
 * is an InputError on "multiplier"; one that would take a parameter outside its allowed range is
 * an InputError naming that parameter.
 */
export function repriced<S extends AnyScheme>(scheme: S, multiplier: number, date: string = scheme.referenceDate, paths: readonly string[] = scheme.pricing): S {
  checkMultiplier(multiplier);
  if (paths.length === 0) throw new InputError("scheme", `${scheme.id} names no pricing parameters${paths === scheme.pricing ? "" : " that these premiums read"}; it cannot be repriced`);
  const reform: Record<string, number> = {};
  for (const { path, base, value, unit } of pricingValues(scheme, multiplier, date, paths)) {
    const { range } = scheme.parameters.param(path);
    if (value < range.min || value > range.max) {
      throw new InputError(
        path,
        `${base} × ${multiplier} = ${value} ${unit} is outside the parameter's allowed range ${range.min} to ${range.max}` +
          ` (multipliers allowed for ${scheme.id}: ${fmtRange(multiplierRange(scheme, date, paths))})`,
      );
    }
    reform[path] = value;
  }
  return applyReform(scheme, reform) as S;
}

function fmtRange(r: { min: number; max: number }): string {
  const f = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : "∞");
  return `${f(r.min)} to ${f(r.max)}`;
}

function checkPaths(scheme: AnyScheme, paths: readonly string[]): void {
  for (const path of paths) {
    if (!scheme.pricing.includes(path)) throw new InputError("paths", `${path} is not a pricing parameter of ${scheme.id} (allowed: ${scheme.pricing.join(", ")})`);
  }
}

/**
 * The pricing parameters that move the premium of any of `buyers` (person and purchase as the
 * scheme parsed them) on `date`: each parameter is moved alone (halfway to an end of its allowed
 * range) and kept if some buyer's gross premium changes. A scheme's pricing parameters may belong
 * to different groups (Urumqi's track A and track B premiums, single-type WII's class rates), and
 * repricing an option must not rescale another group's premium.
 */
export function pricingPathsUsed(scheme: AnyScheme, buyers: readonly { person: unknown; purchase: unknown }[], date: string = scheme.referenceDate): string[] {
  const base = buyers.map((b) => scheme.premium(b.person as never, b.purchase as never, date).gross);
  return pricingValues(scheme, 1, date).filter(({ path, base: v }) => {
    const { range } = scheme.parameters.param(path);
    const up = Number.isFinite(range.max) ? (v + range.max) / 2 : v * 2 + 1;
    const moved = up !== v ? up : (v + range.min) / 2;
    if (moved === v) return false;
    const s = applyReform(scheme, { [path]: moved });
    return buyers.some((b, i) => s.premium(b.person as never, b.purchase as never, date).gross !== base[i]);
  }).map((p) => p.path);
}
