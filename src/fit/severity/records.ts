/**
 * Claim records for severity fitting, on the ground-up scale (the loss before deductible and
 * limit), with their truncation and censoring points (S. A. Klugman, H. H. Panjer & G. E.
 * Willmot, Loss Models, 4th ed., §11.1 and §12.1: data "truncated from below at d" are losses
 * seen only when they exceed d; "censored from above at u" are losses known only to be ≥ u).
 *
 * A record as supplied (from a table or the page):
 *  - amount: what was recorded, in 元;
 *  - deductible (default 0): losses at or below it were never reported (left truncation);
 *  - deductibleApplied (default false): the amount is net of the deductible (ground-up =
 *    amount + deductible);
 *  - limit (optional): the ground-up amount at which the claim was capped; a claim whose
 *    ground-up amount equals its limit is censored there (the loss was at least the limit).
 */
import { InputError } from "../../rules/input-error.js";
import { MAX_AMOUNT } from "../../rules/input.js";

export interface ClaimRecord {
  amount: number;
  deductible?: number;
  deductibleApplied?: boolean;
  limit?: number;
}

/** Records as the fitter reads them: ground-up loss y, truncation point d, censored or not. */
export interface Observations {
  /** Ground-up loss (or the limit it was capped at, when censored). */
  y: Float64Array;
  /** Truncation point (0: none). */
  d: Float64Array;
  /** 1: censored at y (the loss was ≥ y); 0: exact. */
  censored: Uint8Array;
  n: number;
  uncensored: number;
}

const fmt = (v: unknown) => (typeof v === "number" ? String(v) : JSON.stringify(v));

/**
 * Validates the records and turns them into {@link Observations}. `minRecords` is the number of
 * parameters to fit (there must be more exact records than that). Errors name the record:
 * `claims[12].amount`.
 */
export function observations(records: readonly ClaimRecord[], minRecords: number): Observations {
  if (!Array.isArray(records)) throw new InputError("claims", `not a list of claim records (allowed: a list of {amount, deductible?, deductibleApplied?, limit?}; got ${fmt(records)})`);
  const n = records.length;
  const y = new Float64Array(n);
  const d = new Float64Array(n);
  const censored = new Uint8Array(n);
  let uncensored = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const at = `claims[${i}]`;
    const amount = r.amount;
    if (typeof amount !== "number" || !(amount > 0 && amount <= MAX_AMOUNT)) {
      throw new InputError(`${at}.amount`, `not an amount (allowed: a number > 0 and ≤ ${MAX_AMOUNT} 元; got ${fmt(amount)})`);
    }
    const ded = r.deductible ?? 0;
    if (typeof ded !== "number" || !(ded >= 0 && ded < MAX_AMOUNT)) {
      throw new InputError(`${at}.deductible`, `not a deductible (allowed: a number ≥ 0 and < ${MAX_AMOUNT} 元; got ${fmt(ded)})`);
    }
    const applied = r.deductibleApplied ?? false;
    if (typeof applied !== "boolean") throw new InputError(`${at}.deductibleApplied`, `not true/false (allowed: true when the amount is net of the deductible, else false; got ${fmt(applied)})`);
    const ground = applied ? amount + ded : amount;
    if (!applied && !(ground > ded)) {
      throw new InputError(`${at}.amount`, `at or below its deductible ${ded} (allowed: an amount > the deductible, since smaller losses are never reported; or set deductibleApplied when the amount is net of it; got ${amount})`);
    }
    let cens = 0;
    if (r.limit !== undefined) {
      const lim = r.limit;
      if (typeof lim !== "number" || !(lim > ded && lim <= MAX_AMOUNT)) {
        throw new InputError(`${at}.limit`, `not a limit above the deductible (allowed: a number > the deductible ${ded} and ≤ ${MAX_AMOUNT} 元; got ${fmt(lim)})`);
      }
      if (ground > lim * (1 + 1e-12)) {
        throw new InputError(`${at}.amount`, `above its limit (allowed: a ground-up amount ≤ the limit ${lim}, a capped claim recorded at the limit; got ${ground})`);
      }
      if (ground >= lim * (1 - 1e-12)) cens = 1;
    }
    y[i] = cens ? r.limit! : ground;
    d[i] = ded;
    censored[i] = cens;
    if (!cens) uncensored++;
  }
  if (uncensored === 0 && n > 0) throw new InputError("claims", `all ${n} claims are censored at their limit (allowed: at least ${minRecords + 1} claims below their limit)`);
  if (uncensored <= minRecords) {
    throw new InputError("claims", `too few claims below their limit to fit ${minRecords} parameters (allowed: at least ${minRecords + 1}; got ${uncensored})`);
  }
  return { y, d, censored, n, uncensored };
}
