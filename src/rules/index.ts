/**
 * The registry of schemes: list, lookup by id, and the overview text of a scheme computed from
 * its parameters. Importable from Node and from browser pages (pure ESM, no Node imports).
 */
import { gonghuibao } from "./gonghuibao.js";
import { InputError } from "./input-error.js";
import { linghuobao } from "./linghuobao.js";
import type { AnyScheme, Lang, SchemeDescription } from "./scheme.js";
import { tianyiYongningbao } from "./tianyi-yongningbao.js";
import { urumqiSupplementaryWii } from "./urumqi-supplementary-wii.js";
import { singleTypeWii } from "./single-type-wii.js";
import { occupationalInjuryPilot } from "./occupational-injury-pilot.js";
import { platformInjuryMandatory } from "./platform-injury-mandatory.js";

export type { AnyScheme, Benefit, Eligibility, Lang, Payer, Premium, PremiumLine, Reason, Scheme, SchemeDescription, TraceLine } from "./scheme.js";
export type { Assumption, Bilingual, Parameter, ParameterVersion, Prior, Reference, Unit } from "./parameter.js";
export { ParameterTable, referenceText, versionAt, isAssumption } from "./parameter.js";
export { applyReform, parseReform, closestPaths, type Reform } from "./reform.js";
export { parseDate } from "./dates.js";
export { InputError } from "./input-error.js";
export { liablePlatform, parseTasks, type ActiveTask, type Liability } from "./first-order.js";

/** All schemes, in the order of the overview page. */
export const schemes: readonly AnyScheme[] = [
  linghuobao,
  gonghuibao,
  tianyiYongningbao,
  urumqiSupplementaryWii,
  singleTypeWii,
  occupationalInjuryPilot,
  platformInjuryMandatory,
];

export const schemeIds: readonly string[] = schemes.map((s) => s.id);

/** The scheme with this id; an unknown id is an InputError listing the known ids. */
export function getScheme(id: string): AnyScheme {
  const scheme = schemes.find((s) => s.id === id);
  if (!scheme) throw new InputError("scheme", `unknown scheme ${JSON.stringify(id)}; known schemes: ${schemeIds.join(", ")}`);
  return scheme;
}

/** Overview of a scheme on `date` in `lang`: who is covered, who pays, premium and benefit text. */
export function describe(scheme: AnyScheme, date: string, lang: Lang): SchemeDescription {
  return scheme.describe(date, lang);
}
