/**
 * THE registry of schemes: one line per scheme, in the order of the overview page. A scheme is
 * its folder (src/schemes/<id>/: scheme.yaml, parameters.yaml, inputs.ts, formulas.ts,
 * cases.yaml, the generated scheme.gen.ts; a product of the medical family has no inputs.ts or
 * formulas.ts: medicalScheme builds it from its generated module, src/families/medical/);
 * nothing else lists the schemes (docs/add-a-scheme.md).
 * Importable from Node and from browser pages (pure ESM, no Node imports).
 */
import { InputError } from "../rules/input-error.js";
import type { AnyScheme } from "../rules/scheme.js";
import { scheme as linghuobao } from "./linghuobao/formulas.js";
import { medicalScheme } from "../families/medical/index.js";
import * as gonghuibao from "./gonghuibao/scheme.gen.js";
import * as tianyiYongningbao from "./tianyi-yongningbao/scheme.gen.js";
import * as huhuibao2021 from "./huhuibao-2021/scheme.gen.js";
import { scheme as urumqiSupplementaryWii } from "./urumqi-supplementary-wii/formulas.js";
import { scheme as singleTypeWii } from "./single-type-wii/formulas.js";
import { scheme as occupationalInjuryPilot } from "./occupational-injury-pilot/formulas.js";
import { scheme as platformInjuryMandatory } from "./platform-injury-mandatory/formulas.js";

/** All schemes, in the order of the overview page. */
export const schemes: readonly AnyScheme[] = [
  linghuobao,
  medicalScheme(gonghuibao),
  medicalScheme(tianyiYongningbao),
  medicalScheme(huhuibao2021),
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
