/**
 * A spec as written (parameter keys and rule names relative to the product id, as in
 * parameters.yaml and scheme.yaml's `pricing`) → the same spec with full paths and rule ids
 * ("inCatalog.rate" → "gonghuibao.inCatalog.rate"), which the formulas and traces use; and
 * parseSpec, which validates a product's YAML against the schema (spec.ts) and resolves it.
 */
import { InputError } from "../../rules/input-error.js";
import { medicalSpec, type MedicalSpec, type Rate } from "./spec.js";

export function resolveSpec(id: string, s: MedicalSpec): MedicalSpec {
  const p = (key: string) => `${id}.${key}`;
  const o = (key: string | undefined) => (key === undefined ? undefined : p(key));
  const rate = (r: Rate): Rate => (typeof r === "string" ? p(r) : { preExisting: p(r.preExisting), noPreExisting: p(r.noPreExisting) });
  const drop = <T extends object>(x: T): T => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
  const age = s.eligibility.age;
  return {
    person: s.person,
    eligibility: drop({
      covered: s.eligibility.covered,
      period: s.eligibility.period,
      requires: s.eligibility.requires.map((r) => ({ ...r, rule: p(r.rule) })),
      age: age && drop({ min: o(age.min), max: o(age.max), rule: o(age.rule) }),
    }),
    premium: drop({
      rule: o(s.premium.rule),
      tiers: s.premium.tiers.map((t) => drop({ ...t, premium: p(t.premium), when: t.when?.map((c) => ("age" in c ? { ...c, param: p(c.param) } : c)) })),
      subsidies: s.premium.subsidies.map((x) => drop({ ...x, rule: p(x.rule), amount: p(x.amount), budget: o(x.budget), maxPersons: o(x.maxPersons) })),
      groupPurchase: s.premium.groupPurchase && { ...s.premium.groupPurchase, rule: p(s.premium.groupPurchase.rule) },
    }),
    benefit: drop({
      components: s.benefit.components.map((c) =>
        drop({
          ...c,
          rule: o(c.rule),
          deductible: o(c.deductible),
          rate: c.rate === undefined ? undefined : rate(c.rate),
          bands: c.bands?.map((b) => drop({ from: p(b.from), to: o(b.to), rate: rate(b.rate), rule: o(b.rule) })),
          cap: o(c.cap),
        }),
      ),
      exclusion: s.benefit.exclusion && { ...s.benefit.exclusion, rule: p(s.benefit.exclusion.rule) },
      cap: s.benefit.cap && drop({ ...s.benefit.cap, param: p(s.benefit.cap.param), rule: o(s.benefit.cap.rule) }),
      omitted: s.benefit.omitted,
    }),
  };
}

/** Parses a product's spec (keys relative to the id); the first problem is an InputError naming `<id>: medical.<path>`. */
export function parseSpec(id: string, input: unknown): MedicalSpec {
  const r = medicalSpec.safeParse(input);
  if (r.success) return resolveSpec(id, r.data);
  const issue = r.error.issues[0]!;
  const where = issue.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("");
  throw new InputError(`${id}: medical${where}`, issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message);
}
