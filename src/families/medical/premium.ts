/**
 * Premium: the tier that applies (age thresholds, a student or minor tier — 工惠保 68 / 168 元 at
 * age ≤ / > 50, seed 002 l.109–111; 天一甬宁保 adult 100 元, lower student/minor tier, seed 003
 * l.23, l.57), subsidies by payer on individual purchases (宁波银行 30 元 for its card holders,
 * seed 002 l.193), and group purchase (an employer, town, chamber or collective pays it all, seed
 * 003 l.27–61). The split by payer is premiumOf's (src/rules/scheme.ts). No closure is made per
 * call: the engine prices every cell of every replicate.
 */
import { fmt } from "../../rules/money.js";
import type { ParameterTable } from "../../rules/parameter.js";
import { premiumOf, type Payer, type Premium, type PremiumLine, type TraceLine } from "../../rules/scheme.js";
import type { MedicalPerson, MedicalPurchase } from "./inputs.js";
import type { Condition, MedicalSpec, Tier } from "./spec.js";

const NEGATION = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;
const SIGN = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" } as const;
type AgeCondition = Extract<Condition, { age: string }>;

function compare(a: number, op: AgeCondition["age"], b: number): boolean {
  return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
}

/** What the premium rule needs of a spec, computed once per product. */
export interface PremiumRule {
  spec: MedicalSpec;
  rule: string;
  /** Every tier's age thresholds, in order (the params of the gross line). */
  thresholds: string[];
  /** Person flag → its English label (the formula names the flag that picked a tier). */
  flagLabels: ReadonlyMap<string, string>;
}

export function premiumRule(id: string, spec: MedicalSpec): PremiumRule {
  const thresholds: string[] = [];
  for (const t of spec.premium.tiers) for (const c of t.when ?? []) if ("age" in c && !thresholds.includes(c.param)) thresholds.push(c.param);
  return { spec, rule: spec.premium.rule ?? `${id}.premium`, thresholds, flagLabels: new Map(spec.person.flags.map((f) => [f.name, f.label.en])) };
}

interface Pick {
  tier: Tier;
  /** The condition that held (absent for the last tier). */
  met?: Condition;
  /** For the last tier: the last age condition before it, whose negation it states. */
  lastAge?: AgeCondition;
}

/** The first tier one of whose conditions holds; the last tier otherwise. */
export function pickTier(spec: MedicalSpec, person: MedicalPerson, t: ParameterTable, date: string): Pick {
  let lastAge: AgeCondition | undefined;
  for (const tier of spec.premium.tiers) {
    if (!tier.when) return lastAge ? { tier, lastAge } : { tier };
    for (const c of tier.when) {
      if ("age" in c) {
        lastAge = c;
        if (compare(person.age, c.age, t.v(c.param, date))) return { tier, met: c };
      } else if (person[c.field] === true) return { tier, met: c };
    }
  }
  throw new Error("internal: the last premium tier has conditions (the spec check forbids it)");
}

/** "age 40 ≤ 50", "resident-insurance student tier", "adult (age 40 ≥ 18)", "one price for all". */
function because(r: PremiumRule, pick: Pick, age: number, t: ParameterTable, date: string): string {
  const c = pick.met;
  if (c) return "age" in c ? `age ${age} ${SIGN[c.age]} ${fmt(t.v(c.param, date))}` : r.flagLabels.get(c.field)!;
  const name = pick.tier.name?.en;
  const last = pick.lastAge;
  if (!last) return name ?? "one price for all";
  const text = `age ${age} ${SIGN[NEGATION[last.age]]} ${fmt(t.v(last.param, date))}`;
  return name ? `${name} (${text})` : text;
}

export function premium(r: PremiumRule, t: ParameterTable, person: MedicalPerson, purchase: MedicalPurchase, date: string): Premium {
  const spec = r.spec;
  const pick = pickTier(spec, person, t, date);
  const path = pick.tier.premium;
  const gross = t.v(path, date);
  const grossTrace: TraceLine = {
    rule: r.rule,
    label: { zh: "年保费", en: "annual premium" },
    amount: gross,
    params: [...r.thresholds, path],
    get formula() {
      return `${because(r, pick, person.age, t, date)} → ${fmt(gross)}`;
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
