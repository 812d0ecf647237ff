/**
 * Enrolment decisions of a cell, per replicate: the take-up probability (a probability, overridden
 * per attribute level and shifted on the logit scale by the cell's offset; or a logistic model
 * with level offsets and a price elasticity on the net premium) and, after the first year, the
 * probability an enrollee renews (shifted by the price change through the same elasticity).
 * Ineligible cells never enrol. Probabilities outside [0, 1] are refused naming the cell.
 */
import { InputError } from "../rules/input-error.js";
import { detExp, detLog } from "./detmath.js";
import { value, type PlanCell, type PlanOption } from "./plan.js";

/** One-entry cache of logit(p): cells of an option share a replicate's take-up probability and
 *  differ only by their logit shift. */
const LOGIT_CACHE = new Float64Array([NaN, NaN]);

/** log(p / (1 − p)), for 0 < p < 1. */
function logit(p: number): number {
  if (p === LOGIT_CACHE[0]) return LOGIT_CACHE[1]!;
  const l = detLog(p / (1 - p));
  LOGIT_CACHE[0] = p;
  LOGIT_CACHE[1] = l;
  return l;
}

function logistic(eta: number): number {
  if (eta >= 0) return 1 / (1 + detExp(-eta));
  const e = detExp(eta);
  return e / (1 + e);
}

function checkProbability(p: number, po: PlanOption, pc: PlanCell, what: string): number {
  if (!(p >= 0 && p <= 1)) {
    throw new InputError(`scenario.options.${po.option.id}`, `${what} probability of cell "${pc.cell.id}" out of range (allowed: a number from 0 to 1; got ${p}; check the assumptions it reads)`);
  }
  return p;
}

/** Probability a person of the cell enrols at net premium `net` (0 when ineligible). */
export function probabilityOf(po: PlanOption, pc: PlanCell, theta: Float64Array, eligible: boolean, net: number): number {
  if (!eligible) return 0;
  const t = po.option.takeup;
  let p: number;
  if (t.model === "probability") {
    p = value(pc.takeupBase, theta);
    for (const n of pc.takeupOffsets) p = value(n, theta); // a listed level overrides
    const shift = pc.cell.takeupLogit;
    if (shift !== 0 && p > 0 && p < 1) p = logistic(logit(p) + shift);
  } else {
    let eta = value(pc.takeupBase, theta) + pc.cell.takeupLogit;
    for (const n of pc.takeupOffsets) eta += value(n, theta);
    if (po.elasticity) eta += value(po.elasticity, theta) * (net / t.referencePrice! - 1);
    p = logistic(eta);
  }
  return checkProbability(p, po, pc, "take-up");
}

/** Probability an enrollee renews, shifted on the logit scale by the price change (elasticity). */
export function renewalOf(po: PlanOption, pc: PlanCell, theta: Float64Array, netChange: number): number {
  let r = value(po.renewal!, theta);
  for (const n of pc.renewalBy) r = value(n, theta);
  const t = po.option.takeup;
  if (po.elasticity && t.model === "logistic" && netChange !== 0 && r > 0 && r < 1) {
    r = logistic(logit(r) + (value(po.elasticity, theta) * netChange) / t.referencePrice!);
  }
  return checkProbability(r, po, pc, "renewal");
}
