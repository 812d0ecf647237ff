/**
 * Input fields the injury schemes share, labelled for the calculator: the loss of one injury
 * (medical costs, disability grade 1–10, death: src/rules/fields.ts), the orders a platform pays
 * per-order contributions on (the pilot, 人社部发〔2025〕24号 via public-figures.md; the mandatory
 * proposal, seed 001 §4), and who pays a contribution, labelled by the payer vocabulary
 * (src/vocabulary/payers.ts).
 */
import { death, disabilityGrade, medicalCost } from "../../rules/fields.js";
import { integer, labelled } from "../../rules/input.js";
import { PAYERS, type Payer } from "../../vocabulary/payers.js";
import type { Bilingual } from "../../vocabulary/text.js";

/** The loss of one injury: medical costs, an optional disability grade, death. */
export function lossFields() {
  return { medicalCost: medicalCost(), disabilityGrade: disabilityGrade(), death: death() };
}

/** The orders a platform contributes on (0 – 10⁸), one by default. */
export function ordersField() {
  return labelled(integer(0, 100_000_000, "orders").default(1), { label: { zh: "订单数", en: "orders" }, hint: { zh: "平台按单缴费", en: "the platform pays per order" } });
}

/** The calculator's labels of a choice among `payers`: each payer's short label in the payer vocabulary. */
export function payerOptions<T extends Payer>(payers: readonly T[]): Record<T, Bilingual> {
  return Object.fromEntries(payers.map((p) => [p, PAYERS[p].short])) as Record<T, Bilingual>;
}
