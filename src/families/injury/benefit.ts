/**
 * Itemised benefit lines the injury schemes share: nothing paid, with the rule that says why (a
 * claim outside cover: not on an order, not work-related, no determination, outside the period);
 * a share of a loss up to a cap (灵活保's medical costs, seed 000 l.83–86; Urumqi's track-B
 * medical subsidy, seed 004 art. 16; the proposal's third-party liability, seed 001 l.491); and a
 * sum insured × the disability grade's ratio (灵活保, Urumqi tracks A and B; 人身保险伤残评定标准
 * 2013 ratios, public-figures.md).
 */
import { gradePath } from "../../rules/disability.js";
import { fmt, mulRate } from "../../rules/money.js";
import { pct, type ParameterTable } from "../../rules/parameter.js";
import { benefitOf, type Benefit, type TraceLine } from "../../rules/scheme.js";
import type { Bilingual } from "../../vocabulary/text.js";

/** A benefit of 0 with the one line `rule` that says why (`formula` ends in "→ 0"). */
export function notCovered(rule: string, label: Bilingual, formula: string): Benefit {
  return benefitOf([{ rule, label, amount: 0, params: [], formula }]);
}

/** min(loss × rate, cap), rate and cap read from `ratePath` and `capPath`. */
export function cappedShareLine(t: ParameterTable, rule: string, label: Bilingual, loss: number, ratePath: string, capPath: string, date: string): TraceLine {
  const rate = t.v(ratePath, date);
  const cap = t.v(capPath, date);
  const amount = Math.min(mulRate(loss, rate), cap);
  return { rule, label, amount, params: [ratePath, capPath], get formula() { return `min(${fmt(loss)} × ${pct(rate)}, ${fmt(cap)}) = ${fmt(amount)}`; } };
}

/** sum insured × the ratio of `grade` (parameters `${ratioPrefix}.grade<n>`). */
export function gradeShareLine(t: ParameterTable, rule: string, label: Bilingual, sumPath: string, ratioPrefix: string, grade: number, date: string): TraceLine {
  const path = gradePath(ratioPrefix, grade);
  const sum = t.v(sumPath, date);
  const ratio = t.v(path, date);
  const amount = mulRate(sum, ratio);
  return { rule, label, amount, params: [sumPath, path], get formula() { return `${fmt(sum)} × ${pct(ratio)} = ${fmt(amount)}`; } };
}
