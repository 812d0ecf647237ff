/**
 * The rules module's entry point: the overview text of a scheme computed from its parameters,
 * reforms, calculator forms and the types. The registry of schemes is not here: it lives above the
 * rules, in src/schemes/index.ts (list, lookup by id), which builds on this module — import it
 * from there. Importable from Node and from browser pages (pure ESM, no Node imports).
 */
import type { AnyScheme, Lang, SchemeDescription } from "./scheme.js";

export type { AnyScheme, Benefit, Family, SchemeInputs, SchemeMeta, Eligibility, Lang, Payer, Premium, PremiumLine, Reason, Scheme, SchemeDescription, TraceLine } from "./scheme.js";
export type { Assumption, Bilingual, Parameter, ParameterVersion, Prior, Reference, Unit } from "./parameter.js";
export { ParameterTable, referenceText, versionAt, isAssumption } from "./parameter.js";
export { applyReform, parseReform, closestPaths, type Reform, type ReformValue } from "./reform.js";
export { parseDate } from "./dates.js";
export { InputError } from "./input-error.js";
export { formOf, type FieldKind, type FieldSpec, type SchemeForm } from "./form.js";
export { liablePlatform, parseTasks, type ActiveTask, type Liability } from "./first-order.js";

/** Overview of a scheme on `date` in `lang`: who is covered, who pays, premium and benefit text. */
export function describe(scheme: AnyScheme, date: string, lang: Lang): SchemeDescription {
  return scheme.describe(date, lang);
}
