/**
 * Expected present values of monthly payment streams (life annuities), for valuing the statutory
 * work-injury pensions at the date of injury.
 *
 * A stream pays 1 元 × (1 + g)^(k/12) at the start of month k (k = start, start + 1, …, end − 1,
 * months counted from the valuation date), each payment only if the life is alive then; it is
 * discounted at (1 + i)^(−k/12). With survival ₖ/₁₂pₓ:
 *
 *   EPV = Σ_{k=start}^{end−1} r^k · ₖ/₁₂pₓ,   r = ((1 + g) / (1 + i))^(1/12).
 *
 * Closed forms the tests check: with no mortality and g = i the EPV is the number of payments;
 * with a constant force μ, ₖ/₁₂pₓ = e^(−μk/12) and the EPV is the geometric series
 * ρ^start (1 − ρ^n) / (1 − ρ), ρ = r·e^(−μ/12), n = end − start.
 * Pure functions, no Node imports.
 */
import { InputError } from "./input-error.js";
import { OMEGA, survival, type MortalityLaw } from "./life-table.js";

export interface StreamTerms {
  /** Months from the valuation date to the first payment (≥ 0). */
  startMonth: number;
  /** Months from the valuation date to the end of the stream (exclusive); null = for life. */
  endMonth: number | null;
  /** Annual indexation of the payment, e.g. 0.025. */
  indexation: number;
  /** Annual discount rate, e.g. 0.03. */
  discount: number;
}

function checkTerms(t: StreamTerms): void {
  if (!Number.isInteger(t.startMonth) || t.startMonth < 0) throw new InputError("startMonth", `must be a whole number of months ≥ 0; got ${t.startMonth}`);
  if (t.endMonth !== null && (!Number.isInteger(t.endMonth) || t.endMonth < 0)) throw new InputError("endMonth", `must be a whole number of months ≥ 0 or null (for life); got ${t.endMonth}`);
  if (!(t.discount > -1) || !Number.isFinite(t.discount)) throw new InputError("discount", `must be a rate above −100 %; got ${t.discount}`);
  if (!(t.indexation > -1) || !Number.isFinite(t.indexation)) throw new InputError("indexation", `must be a rate above −100 %; got ${t.indexation}`);
}

/**
 * EPV of 1 元 a month (indexed) under a survival function `p(k)` = probability alive at month k.
 * A stream for life needs `lastMonth`: the first month at which p is 0 for good.
 */
export function annuityValue(p: (month: number) => number, terms: StreamTerms, lastMonth: number): number {
  checkTerms(terms);
  const r = Math.pow((1 + terms.indexation) / (1 + terms.discount), 1 / 12);
  const end = terms.endMonth === null ? lastMonth : Math.min(terms.endMonth, lastMonth);
  let sum = 0;
  let rk = Math.pow(r, terms.startMonth);
  for (let k = terms.startMonth; k < end; k++) {
    sum += rk * p(k);
    rk *= r;
  }
  return sum;
}

/** EPV of 1 元 a month for a life aged x under a mortality law (the table's end caps a life annuity). */
export function lifeAnnuity(law: MortalityLaw, x: number, terms: StreamTerms): number {
  if (!Number.isFinite(x) || x < 0 || x > OMEGA) throw new InputError("age", `must be an age from 0 to ${OMEGA} years (the life table ends at ${OMEGA}); got ${x}`);
  const lastMonth = Math.ceil((OMEGA + 1 - x) * 12);
  return annuityValue((k) => survival(law, x, k / 12), terms, lastMonth);
}

/** EPV of 1 元 a month paid for certain (no mortality) for `terms`; endMonth must be given. */
export function certainAnnuity(terms: StreamTerms): number {
  if (terms.endMonth === null) throw new InputError("endMonth", "a payment stream certain needs an end month");
  return annuityValue(() => 1, terms, terms.endMonth);
}
