/**
 * Benefit of a person's year: exclusions out first, then each component's lines (the components
 * under the overall cap first, in the spec's order), the exclusion's zero line, the overall yearly
 * cap as a negative line when the covered total exceeds it (工惠保 200 万, seed 002 l.69), then the
 * components outside it, each under its own cap. Amounts in fen per line (src/rules/money.ts).
 */
import type { ParameterTable } from "../../rules/parameter.js";
import { benefitOf, type Benefit, type TraceLine } from "../../rules/scheme.js";
import { capLine, componentLines } from "./component.js";
import { splitExclusion } from "./exclusion.js";
import type { MedicalClaim } from "./inputs.js";
import type { Component, MedicalSpec } from "./spec.js";

/**
 * The claim fields under the overall cap: as listed, or every component without its own cap.
 * With no overall cap, every component (they all come before the exclusion line).
 */
export function capCovers(spec: MedicalSpec): ReadonlySet<string> {
  const cap = spec.benefit.cap;
  const all = spec.benefit.components;
  return new Set((cap?.covers ?? all.filter((c) => !cap || c.cap === undefined).map((c) => c.field.name)));
}

export function benefit(id: string, spec: MedicalSpec, covered: ReadonlySet<string>, t: ParameterTable, claim: MedicalClaim, date: string): Benefit {
  const amountOf = (f: string) => (claim[f] as number | undefined) ?? 0;
  const ex = spec.benefit.exclusion;
  const split = splitExclusion(spec, amountOf, ex ? (claim[ex.field.name] as number | undefined) : undefined);
  const linesOf = (c: Component): TraceLine[] => {
    const raw = claim[c.field.name] as number | undefined;
    if (c.optional && !(raw !== undefined && raw > 0)) return [];
    return componentLines(id, c, split.costs.get(c.field.name) ?? raw ?? 0, claim.preExisting, t, date);
  };
  const items: TraceLine[] = [];
  let total = 0;
  for (const c of spec.benefit.components) {
    if (!covered.has(c.field.name)) continue;
    for (const l of linesOf(c)) {
      total += l.amount;
      items.push(l);
    }
  }
  if (split.line) items.push(split.line);
  const cap = spec.benefit.cap;
  if (cap) {
    const limit = t.v(cap.param, date);
    if (total > limit) items.push(capLine(cap.rule ?? `${id}.annualCap`, { zh: "超出年度最高赔付", en: "above the yearly maximum" }, cap.param, total, limit));
  }
  for (const c of spec.benefit.components) if (!covered.has(c.field.name)) items.push(...linesOf(c));
  return benefitOf(items);
}
