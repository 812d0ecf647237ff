/**
 * Injury-scheme premiums: a contribution per order (the pilot's per-sector rates, 人社部发〔2025〕24号
 * via public-figures.md; the mandatory proposal's, seed 001 §4), with an optional per-order add-on
 * (the proposal's third-party cover, seed 001 l.491); and a premium paid in full by one payer —
 * the platform, employer or policyholder; the worker pays nothing (single-type WII, seed 001
 * l.51–59; Urumqi art. 9, seed 004; the pilot and the proposal).
 */
import { fmt, roundFen } from "../../rules/money.js";
import { premiumOf, type Premium, type TraceLine } from "../../rules/scheme.js";
import type { Payer } from "../../vocabulary/payers.js";
import type { Bilingual } from "../../vocabulary/text.js";

/** A rate per order and the parameter it comes from. */
export interface PerOrderRate {
  path: string;
  value: number;
}

/**
 * The gross contribution `(rate + addOn) × orders`, rounded to the fen, as the trace line
 * `${id}.premium`; the add-on (when given) is named in the formula.
 */
export function perOrderPremium(id: string, orders: number, rate: PerOrderRate, addOn?: PerOrderRate & { name: string }): TraceLine {
  const gross = addOn ? roundFen(rate.value * orders + addOn.value * orders) : roundFen(rate.value * orders);
  return {
    rule: `${id}.premium`,
    label: { zh: "按单缴费", en: "per-order contribution" },
    amount: gross,
    params: addOn ? [rate.path, addOn.path] : [rate.path],
    get formula() {
      return addOn
        ? `(${fmt(rate.value)} + ${fmt(addOn.value)} ${addOn.name}) × ${orders} orders = ${fmt(gross)}`
        : `${fmt(rate.value)} × ${orders} orders = ${fmt(gross)}`;
    },
  };
}

/** Who pays the whole premium: rule id, payer and the line's label. */
export interface PaidBy {
  rule: string;
  payer: Payer;
  label: Bilingual;
}

/** A premium of `grossTrace.amount` paid in full by one payer (the insured pays nothing), over `cover` when given. */
export function paidInFull(grossTrace: TraceLine, by: PaidBy, cover?: { from: string; until: string }): Premium {
  const gross = grossTrace.amount;
  return premiumOf(gross, grossTrace, [{
    rule: by.rule,
    payer: by.payer,
    label: by.label,
    amount: gross,
    params: [],
    get formula() { return `${by.payer} pays ${fmt(gross)}`; },
  }], cover);
}
