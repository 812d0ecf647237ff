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
  return new Set(cap?.covers ?? all.filter((c) => !cap || c.cap === undefined).map((c) => c.field.name));
}

/** What the benefit rule needs of a spec, computed once per product. */
export interface BenefitRule {
  id: string;
  spec: MedicalSpec;
  /** The components before the cap line (under the overall cap), then the others. */
  first: Component[];
  rest: Component[];
  /** Per component: its index in exclusion.from, or −1. */
  excludedFrom: ReadonlyMap<Component, number>;
  fromLabels: string[];
  capRule: string;
}

export function benefitRule(id: string, spec: MedicalSpec): BenefitRule {
  const covers = capCovers(spec);
  const all = spec.benefit.components;
  const from = spec.benefit.exclusion?.from ?? [];
  return {
    id,
    spec,
    first: all.filter((c) => covers.has(c.field.name)),
    rest: all.filter((c) => !covers.has(c.field.name)),
    excludedFrom: new Map(all.map((c) => [c, from.indexOf(c.field.name)])),
    fromLabels: from.map((f) => all.find((c) => c.field.name === f)!.field.label.en),
    capRule: spec.benefit.cap?.rule ?? `${id}.annualCap`,
  };
}

/** Pushes the component's lines (none for an optional component not claimed); returns their sum. */
function push(items: TraceLine[], r: BenefitRule, c: Component, claim: MedicalClaim, costs: number[] | undefined, t: ParameterTable, date: string): number {
  const raw = claim[c.field.name] as number | undefined;
  if (c.optional && !(raw !== undefined && raw > 0)) return 0;
  const k = r.excludedFrom.get(c)!;
  const cost = costs && k >= 0 ? costs[k]! : (raw ?? 0);
  let sum = 0;
  for (const line of componentLines(r.id, c, cost, claim.preExisting, t, date)) {
    sum += line.amount;
    items.push(line);
  }
  return sum;
}

export function benefit(r: BenefitRule, t: ParameterTable, claim: MedicalClaim, date: string): Benefit {
  const ex = r.spec.benefit.exclusion;
  const split = ex ? splitExclusion(ex, r.fromLabels, claim) : undefined;
  const items: TraceLine[] = [];
  let total = 0;
  for (const c of r.first) total += push(items, r, c, claim, split?.costs, t, date);
  if (split?.line) items.push(split.line);
  const cap = r.spec.benefit.cap;
  if (cap) {
    const limit = t.v(cap.param, date);
    if (total > limit) items.push(capLine(r.capRule, { zh: "超出年度最高赔付", en: "above the yearly maximum" }, cap.param, total, limit));
  }
  for (const c of r.rest) push(items, r, c, claim, split?.costs, t, date);
  return benefitOf(items);
}
