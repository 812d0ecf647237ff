/**
 * Year-to-year repricing of a multi-year run: premiums move on a lattice of 1 % steps (multiplier
 * 1.01^k), next year's index from this year's loss ratio toward the target — (loss ratio /
 * target)^credibility, capped at ×(1 + maxChange) up and ÷(1 + maxChange) down — and each
 * lattice point's premiums are the scheme's own, repriced through its pricing parameters
 * (src/sim/pricing.ts), computed on first use and kept in the plan.
 */
import { detExp, detLog } from "./detmath.js";
import { premiumOf, type CellPremium } from "./ledger.js";
import { value, type PlanCell, type PlanOption } from "./plan.js";
import { repriced } from "./pricing.js";

/** The lattice step in log price: ln 1.01. */
const PRICE_STEP = detLog(1.01);

/** The cell's premium in year y at price-lattice index k (the scheme repriced by 1.01^k). */
export function premiumAt(po: PlanOption, pc: PlanCell, y: number, k: number): CellPremium {
  const cy = pc.years[y]!;
  if (k === 0) return cy.base;
  let premium = cy.premiums.get(k);
  if (premium) return premium;
  const date = po.dates[y]!;
  const key = `${y}:${k}`;
  let scheme = po.repricedSchemes.get(key);
  if (!scheme) {
    scheme = repriced(po.scheme, detExp(k * PRICE_STEP), date);
    po.repricedSchemes.set(key, scheme);
  }
  premium = premiumOf(scheme, pc.person, pc.purchase, date);
  cy.premiums.set(k, premium);
  return premium;
}

/**
 * Next year's price-lattice index after year y (of `years`) with this loss ratio (null: no
 * premium collected), from index k: unchanged unless the option reprices.
 */
export function nextPriceIndex(po: PlanOption, theta: Float64Array, lossRatio: number | null, y: number, years: number, k: number): number {
  if (!(po.reprice && y < years - 1 && lossRatio !== null)) return k;
  const target = value(po.reprice.target, theta);
  const z = value(po.reprice.credibility, theta);
  const cap = po.reprice.maxChange;
  let factor = detExp(z * detLog(Math.max(lossRatio, 1e-9) / target));
  factor = Math.min(1 + cap, Math.max(1 / (1 + cap), factor));
  return Math.round((k * PRICE_STEP + detLog(factor)) / PRICE_STEP);
}
