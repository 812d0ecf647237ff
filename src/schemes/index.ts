/**
 * THE registry of schemes: one line per scheme, in the order of the overview page. A scheme is
 * its folder (src/schemes/<id>/: scheme.yaml, parameters.yaml, inputs.ts, formulas.ts,
 * cases.yaml, the generated scheme.gen.ts); nothing else lists the schemes (docs/add-a-scheme.md).
 * Importable from Node and from browser pages (pure ESM, no Node imports).
 */
import { InputError } from "../rules/input-error.js";
import type { AnyScheme } from "../rules/scheme.js";
import { scheme as linghuobao } from "./linghuobao/formulas.js";
import { scheme as gonghuibao } from "./gonghuibao/formulas.js";
import { scheme as tianyiYongningbao } from "./tianyi-yongningbao/formulas.js";
import { scheme as urumqiSupplementaryWii } from "./urumqi-supplementary-wii/formulas.js";
import { scheme as singleTypeWii } from "./single-type-wii/formulas.js";
import { scheme as occupationalInjuryPilot } from "./occupational-injury-pilot/formulas.js";
import { scheme as platformInjuryMandatory } from "./platform-injury-mandatory/formulas.js";

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
