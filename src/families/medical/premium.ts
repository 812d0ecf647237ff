/**
 * Premium: the tier that applies (age thresholds, a student or minor tier — 工惠保 68 / 168 元 at
 * age ≤ / > 50, seed 002 l.109–111; 天一甬宁保 adult 100 元, lower student/minor tier, seed 003
 * l.23, l.57), subsidies by payer on individual purchases (宁波银行 30 元 for its card holders,
 * seed 002 l.193), and group purchase (an employer, town, chamber or collective pays it all, seed
 * 003 l.27–61). The split by payer is premiumOf's (src/rules/scheme.ts).
 */
import { fmt } from "../../rules/money.js";
import type { ParameterTable } from "../../rules/parameter.js";
import { premiumOf, type Payer, type Premium, type PremiumLine, type TraceLine } from "../../rules/scheme.js";
import type { MedicalPerson, MedicalPurchase } from "./inputs.js";
import type { Condition, MedicalSpec, Tier } from "./spec.js";

const NEGATION = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;
const SIGN = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" } as const;
type Op = keyof typeof SIGN;

function compare(a: number, op: Op, b: number): boolean {
  return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
}

/** The age thresholds a premium reads (every tier's, in order). */
export function thresholdPaths(spec: MedicalSpec): string[] {
  const out: string[] = [];
  for (const t of spec.premium.tiers) for (const c of t.when ?? []) if ("age" in c && !out.includes(c.param)) out.push(c.param);
  return out;
}

interface Match {
  tier: Tier;
  /** The condition that picked it, as text with the numbers. */
  because: (age: number) => string;
}

function holds(c: Condition, person: MedicalPerson, t: ParameterTable, date: string): boolean {
  return "age" in c ? compare(person.age, c.age, t.v(c.param, date)) : person[c.field] === true;
}

/** The first tier one of whose conditions holds; the last tier otherwise. */
export function pickTier(spec: MedicalSpec, person: MedicalPerson, t: ParameterTable, date: string, flagLabel: (field: string) => string): Match {
  let lastAge: Extract<Condition, { age: string }> | undefined;
  for (const tier of spec.premium.tiers) {
    if (!tier.when) {
      const name = tier.name?.en;
      const c = lastAge;
      if (!c) return { tier, because: () => name ?? "one price for all" };
      const op = NEGATION[c.age];
      const text = (age: number) => `age ${age} ${SIGN[op]} ${fmt(t.v(c.param, date))}`;
      return { tier, because: (age) => (name ? `${name} (${text(age)})` : text(age)) };
    }
    for (const c of tier.when) {
      if ("age" in c) lastAge = c;
      if (holds(c, person, t, date)) {
        return { tier, because: "age" in c ? (age) => `age ${age} ${SIGN[c.age]} ${fmt(t.v(c.param, date))}` : () => flagLabel(c.field) };
      }
    }
  }
  throw new Error("internal: the last premium tier has conditions (the spec check forbids it)");
}

export function premium(id: string, spec: MedicalSpec, t: ParameterTable, person: MedicalPerson, purchase: MedicalPurchase, date: string, flagLabel: (field: string) => string): Premium {
  const { tier, because } = pickTier(spec, person, t, date, flagLabel);
  const path = tier.premium;
  const gross = t.v(path, date);
  const grossTrace: TraceLine = {
    rule: spec.premium.rule ?? `${id}.premium`,
    label: { zh: "年保费", en: "annual premium" },
    amount: gross,
    params: [...thresholdPaths(spec), path],
    get formula() {
      return `${because(person.age)} → ${fmt(gross)}`;
    },
  };
  const subsidies: PremiumLine[] = [];
  let left = gross;
  if (purchase.payer === "insured") {
    for (const s of spec.premium.subsidies) {
      if (s.when !== undefined && person[s.when] !== true) continue;
      const full = t.v(s.amount, date);
      const paid = Math.min(full, left);
      const before = left;
      left -= paid;
      subsidies.push({
        rule: s.rule,
        payer: s.payer,
        label: s.label,
        amount: paid,
        params: [s.amount],
        get formula() {
          return `min(${fmt(full)}, ${fmt(before)}) = ${fmt(paid)}`;
        },
      });
    }
  } else {
    const g = spec.premium.groupPurchase!;
    const label = g.payers[purchase.payer as Payer]!;
    const paid = left;
    subsidies.push({
      rule: g.rule,
      payer: purchase.payer as Payer,
      label,
      amount: paid,
      params: [path],
      get formula() {
        return `${label.en}: ${fmt(paid)}`;
      },
    });
  }
  return premiumOf(gross, grossTrace, subsidies);
}
