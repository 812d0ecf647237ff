/**
 * Exclusions: costs the product does not pay (工惠保: 5 named pre-existing diseases, seed 002
 * l.117–131) are part of the components' amounts and come out of them before the deductibles,
 * split in proportion to the components' size (the seed does not say which; an interpretation
 * shown in the trace). Costs of the components an exclusion applies to are kept in fen.
 */
import { fmt } from "../../rules/money.js";
import type { TraceLine } from "../../rules/scheme.js";
import type { MedicalSpec } from "./spec.js";

export interface Split {
  /** Cost of each component after the exclusion, by claim field. */
  costs: Map<string, number>;
  /** The zero line listing the excluded costs, when any. */
  line?: TraceLine;
}

export function splitExclusion(spec: MedicalSpec, amountOf: (field: string) => number, excludedInput: number | undefined): Split {
  const ex = spec.benefit.exclusion;
  const costs = new Map<string, number>();
  if (!ex) return { costs };
  const raw = ex.from.map(amountOf);
  let all = 0;
  for (const x of raw) all += x;
  const excluded = Math.min(excludedInput ?? 0, all);
  const shares: number[] = [];
  let taken = 0;
  for (let i = 0; i < raw.length; i++) {
    const share = i < raw.length - 1 ? (excluded > 0 ? Math.round(((excluded * raw[i]!) / all) * 100) / 100 : 0) : Math.round((excluded - taken) * 100) / 100;
    taken += share;
    shares.push(share);
    costs.set(ex.from[i]!, Math.round((raw[i]! - share) * 100) / 100);
  }
  if (!(excluded > 0)) return { costs };
  const labelOf = (f: string) => spec.benefit.components.find((c) => c.field.name === f)!.field.label.en;
  return {
    costs,
    line: {
      rule: ex.rule,
      label: ex.label,
      amount: 0,
      params: [],
      get formula() {
        const parts = ex.from.map((f, i) => `${fmt(shares[i]!)} from ${labelOf(f)}`);
        return `${fmt(excluded)} excluded: ${parts.join(", ")} (in proportion); paid 0`;
      },
    },
  };
}
