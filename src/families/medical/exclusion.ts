/**
 * Exclusions: costs the product does not pay (工惠保: 5 named pre-existing diseases, seed 002
 * l.117–131) are part of the components' amounts and come out of them before the deductibles,
 * split in proportion to the components' size (the seed does not say which; an interpretation
 * shown in the trace). Costs of the components an exclusion applies to are kept in fen.
 */
import { fmt } from "../../rules/money.js";
import type { TraceLine } from "../../rules/scheme.js";
import type { MedicalClaim } from "./inputs.js";
import type { MedicalSpec } from "./spec.js";

type Exclusion = NonNullable<MedicalSpec["benefit"]["exclusion"]>;

export interface Split {
  /** Cost of each component of `exclusion.from` after the exclusion, in that order. */
  costs: number[];
  /** The zero line listing the excluded costs, when any. */
  line?: TraceLine;
}

/** `fromLabels`: the English labels of the `from` components, for the trace. */
export function splitExclusion(ex: Exclusion, fromLabels: readonly string[], claim: MedicalClaim): Split {
  const n = ex.from.length;
  const raw: number[] = new Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    raw[i] = (claim[ex.from[i]!] as number | undefined) ?? 0;
    all += raw[i]!;
  }
  const excluded = Math.min((claim[ex.field.name] as number | undefined) ?? 0, all);
  const shares: number[] = new Array(n);
  const costs: number[] = new Array(n);
  let taken = 0;
  for (let i = 0; i < n; i++) {
    const share = i < n - 1 ? (excluded > 0 ? Math.round(((excluded * raw[i]!) / all) * 100) / 100 : 0) : Math.round((excluded - taken) * 100) / 100;
    taken += share;
    shares[i] = share;
    costs[i] = Math.round((raw[i]! - share) * 100) / 100;
  }
  if (!(excluded > 0)) return { costs };
  return {
    costs,
    line: {
      rule: ex.rule,
      label: ex.label,
      amount: 0,
      params: [],
      get formula() {
        const parts = shares.map((s, i) => `${fmt(s)} from ${fromLabels[i]}`);
        return `${fmt(excluded)} excluded: ${parts.join(", ")} (in proportion); paid 0`;
      },
    },
  };
}
