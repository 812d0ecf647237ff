/**
 * The injury family (work-injury and accident schemes for workers: 灵活保, Urumqi's supplementary
 * WII, single-type WII, the occupational-injury pilot and the mandatory proposal): what they share,
 * one concept per file — the Scheme around a scheme's own rules (scheme.ts), the shared input
 * fields (inputs.ts), the age requirement (eligibility.ts), premiums per order and paid by one
 * payer (premium.ts), cover periods (cover.ts), itemised benefit lines (benefit.ts), parameter paths
 * (paths.ts) and the glue to the statutory package (statutory.ts, over src/rules/statutory-wii.ts). A scheme's folder keeps
 * only its own rules (src/schemes/<id>/formulas.ts).
 */
export { injuryScheme, description, type InjuryRules, type InjuryInputs, type DescriptionText } from "./scheme.js";
export { lossFields, ordersField, payerOptions } from "./inputs.js";
export { minAgeReason } from "./eligibility.js";
export { paidInFull, perOrderPremium, type PaidBy, type PerOrderRate } from "./premium.js";
export { coverFromNextDay, coverUntil } from "./cover.js";
export { cappedShareLine, gradeShareLine, notCovered } from "./benefit.js";
export { platformWorkerBasis, statutoryLines, type StatutoryBasis } from "./statutory.js";
export { paramPaths } from "./paths.js";
