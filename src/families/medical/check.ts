/**
 * Cross-checks a product's spec against its parameters once, when the scheme is built: every
 * parameter path exists and has the unit its role needs (rates are shares, deductibles and caps
 * 元, premiums 元 a year, age thresholds years), every field named exists, tiers end with the
 * remaining persons. An error names the spec path (e.g. medical.benefit.components[1].rate) and
 * the key as written (relative to the id).
 */
import { InputError } from "../../rules/input-error.js";
import { closestPaths } from "../../rules/reform.js";
import type { ParameterTable, Unit } from "../../rules/parameter.js";
import { usesPreExisting } from "./rates.js";
import type { Component, MedicalSpec, Rate } from "./spec.js";

type Ref = [where: string, path: string | undefined, unit: Unit];

function rateRefs(where: string, r: Rate): Ref[] {
  return typeof r === "string" ? [[where, r, "share"]] : [[`${where}.preExisting`, r.preExisting, "share"], [`${where}.noPreExisting`, r.noPreExisting, "share"]];
}

/** Every parameter reference of the spec with the unit it needs. */
export function parameterRefs(spec: MedicalSpec): Ref[] {
  const refs: Ref[] = [];
  const e = spec.eligibility.age;
  if (e) refs.push(["eligibility.age.min", e.min, "years"], ["eligibility.age.max", e.max, "years"]);
  spec.premium.tiers.forEach((tier, i) => {
    refs.push([`premium.tiers[${i}].premium`, tier.premium, "CNY/year"]);
    (tier.when ?? []).forEach((c, j) => "age" in c && refs.push([`premium.tiers[${i}].when[${j}].param`, c.param, "years"]));
  });
  spec.premium.subsidies.forEach((s, i) => {
    refs.push([`premium.subsidies[${i}].amount`, s.amount, "CNY"], [`premium.subsidies[${i}].budget`, s.budget, "CNY"], [`premium.subsidies[${i}].maxPersons`, s.maxPersons, "persons"]);
  });
  spec.benefit.components.forEach((c, i) => refs.push(...componentRefs(c, `benefit.components[${i}]`)));
  if (spec.benefit.cap) refs.push(["benefit.cap.param", spec.benefit.cap.param, "CNY"]);
  return refs.filter((r) => r[1] !== undefined);
}

/** A component's parameter references (some may be undefined). */
export function componentRefs(c: Component, w = "component"): Ref[] {
  const refs: Ref[] = [[`${w}.deductible`, c.deductible, "CNY"], [`${w}.cap`, c.cap, "CNY"]];
  if (c.rate !== undefined) refs.push(...rateRefs(`${w}.rate`, c.rate));
  (c.bands ?? []).forEach((b, j) => refs.push([`${w}.bands[${j}].from`, b.from, "CNY"], [`${w}.bands[${j}].to`, b.to, "CNY"], ...rateRefs(`${w}.bands[${j}].rate`, b.rate)));
  return refs;
}

export function checkSpec(id: string, spec: MedicalSpec, t: ParameterTable): void {
  const fail = (where: string, message: string): never => {
    throw new InputError(`${id}: medical.${where}`, message);
  };
  const key = (path: string) => (path.startsWith(`${id}.`) ? path.slice(id.length + 1) : path);
  for (const [where, path, unit] of parameterRefs(spec)) {
    if (!t.has(path!)) fail(where, `${JSON.stringify(key(path!))} is not a key of parameters.yaml; closest: ${closestPaths(t.paths, path!).map(key).join(", ")}`);
    const p = t.param(path!);
    if (p.unit !== unit) fail(where, `${key(path!)} is in ${p.unit}; this role needs ${unit}`);
  }
  const flags = new Set(spec.person.flags.map((f) => f.name));
  if (flags.has("age")) fail("person.flags", "age is built in");
  if (flags.size !== spec.person.flags.length) fail("person.flags", "field names repeat");
  const flag = (where: string, name: string) => flags.has(name) || fail(where, `${JSON.stringify(name)} is not a person field; person fields: ${[...flags].join(", ") || "(none)"}`);
  const tiers = spec.premium.tiers;
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last === (tier.when !== undefined)) fail(`premium.tiers[${i}].when`, last ? "the last tier is for the remaining persons: no when" : "every tier but the last needs when");
    (tier.when ?? []).forEach((c, j) => "field" in c && flag(`premium.tiers[${i}].when[${j}].field`, c.field));
  });
  spec.premium.subsidies.forEach((s, i) => s.when !== undefined && flag(`premium.subsidies[${i}].when`, s.when));
  spec.eligibility.requires.forEach((r, i) => flag(`eligibility.requires[${i}].field`, r.field));
  if (spec.premium.groupPurchase && "insured" in spec.premium.groupPurchase.payers) fail("premium.groupPurchase.payers", "the insured is not a group payer");

  const fields = spec.benefit.components.map((c) => c.field.name);
  const claimFields = [...fields, ...(spec.benefit.exclusion ? [spec.benefit.exclusion.field.name] : []), ...(spec.benefit.components.some(usesPreExisting) ? ["preExisting"] : [])];
  if (new Set(claimFields).size !== claimFields.length) fail("benefit", `claim field names repeat: ${claimFields.join(", ")}`);
  const component = (where: string, name: string) => fields.includes(name) || fail(where, `${JSON.stringify(name)} is not a component; components: ${fields.join(", ")}`);
  spec.benefit.exclusion?.from.forEach((f, i) => component(`benefit.exclusion.from[${i}]`, f));
  spec.benefit.cap?.covers?.forEach((f, i) => component(`benefit.cap.covers[${i}]`, f));
}
