/**
 * A life table as a Gompertz–Makeham law, μ(x) = A + B·cˣ (force of mortality per year at exact
 * age x), curtailed at the table's last age: nobody survives to OMEGA + 1 (the China
 * life-insurance experience tables 2010–2013 end at 105 with q₁₀₅ = 1).
 *
 * The constants for China are fitted to the only published points the project has (the 2010–2013
 * table's male age-50 mortality and the insured life expectancies at birth): see
 * data/life-table-cl2010-2013-gm.csv and statutory-periodic.ts, where each constant is a labelled
 * assumption. `multiplier` scales the whole force (mortality improvement since the table, the
 * excess mortality of severely injured workers). Pure functions, no Node imports.
 */
import { InputError } from "./input-error.js";

/** The table's last age: a life aged OMEGA dies within the year (q_OMEGA = 1). */
export const OMEGA = 105;

export interface MortalityLaw {
  /** Age-independent force per year (Makeham's term: accidents, background). */
  A: number;
  /** Gompertz level: the senescent force at age 0, per year. */
  B: number;
  /** Gompertz growth factor per year of age (> 1). */
  c: number;
  /** Multiplier on the whole force (1 = the law as fitted). */
  multiplier?: number;
}

/** ∫ₓ^{x+t} μ(s) ds for the law (without the multiplier). */
function cumulativeForce(law: MortalityLaw, x: number, t: number): number {
  const { A, B, c } = law;
  const ln = Math.log(c);
  const gompertz = ln === 0 ? B * t : (B * Math.pow(c, x) * (Math.pow(c, t) - 1)) / ln;
  return A * t + gompertz;
}

/** Checks an age against the table; `field` names the input it came from. */
export function checkAge(age: number, field = "age"): void {
  if (!Number.isFinite(age) || age < 0 || age > OMEGA) {
    throw new InputError(field, `must be an age from 0 to ${OMEGA} years (the life table ends at ${OMEGA}); got ${age}`);
  }
}

/**
 * ₜpₓ: the probability that a life aged x survives t more years (t ≥ 0). Zero from age OMEGA + 1 on.
 */
export function survival(law: MortalityLaw, x: number, t: number): number {
  if (t <= 0) return 1;
  if (x + t >= OMEGA + 1) return 0;
  return Math.exp(-(law.multiplier ?? 1) * cumulativeForce(law, x, t));
}

/** qₓ: the probability that a life aged x dies within a year. */
export function qx(law: MortalityLaw, x: number): number {
  return 1 - survival(law, x, 1);
}

/**
 * Complete expectation of life at age x, e̊ₓ = ∫₀^∞ ₜpₓ dt (trapezoid rule on a monthly grid,
 * exact to a few thousandths of a year for these laws).
 */
export function lifeExpectancy(law: MortalityLaw, x: number): number {
  checkAge(x);
  const h = 1 / 12;
  const steps = Math.round((OMEGA + 1 - x) * 12);
  let sum = 0;
  let prev = 1;
  for (let k = 1; k <= steps; k++) {
    const s = survival(law, x, k * h);
    sum += (prev + s) / 2;
    prev = s;
  }
  return sum * h;
}
