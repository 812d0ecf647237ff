/**
 * The interface every scheme implements, and the shapes of its answers: eligibility with
 * readable reasons, a premium split by payer, and a benefit with an itemised trace (rule,
 * parameter paths, formula with the numbers).
 */
import type { z } from "zod";
import type { Payer } from "../vocabulary/payers.js";
import type { Lang } from "../vocabulary/text.js";
import type { Bilingual, ParameterTable } from "./parameter.js";

/** The languages and who pays (part of) a premium: the vocabulary's (src/vocabulary/). */
export type { Lang, Payer };

export interface Reason {
  /** Rule id, e.g. "linghuobao.age". */
  rule: string;
  met: boolean;
  zh: string;
  en: string;
}

export interface Eligibility {
  eligible: boolean;
  reasons: Reason[];
}

/** A line of a trace: which rule, which parameters, and the arithmetic with the numbers. */
export interface TraceLine {
  rule: string;
  label: Bilingual;
  amount: number;
  /** Parameter paths the line read. */
  params: string[];
  /** Human-readable formula with the numbers, e.g. "(488100 − 20000) × 75% = 351075". */
  formula: string;
}

export interface PremiumLine extends TraceLine {
  payer: Payer;
}

export interface Premium {
  /** Full premium of the purchase, 元. */
  gross: number;
  grossTrace: TraceLine;
  /** Amounts paid by someone other than the insured person (budget, bank, employer, …). */
  subsidies: PremiumLine[];
  /** What the insured person pays for the whole purchase, 元 (gross − subsidies). */
  net: number;
  /** Totals by payer, including the insured's net; sums to gross. */
  byPayer: { payer: Payer; amount: number }[];
  /** First and last day of cover bought, when the scheme defines them. */
  cover?: { from: string; until: string };
}

export interface Benefit {
  /** Total paid, 元. */
  payout: number;
  items: TraceLine[];
}

export interface SchemeDescription {
  id: string;
  name: string;
  region: string;
  covered: string;
  payers: string;
  premium: string;
  benefit: string;
  sources: string[];
  period: string;
}

/** The two families of schemes: supplementary medical (惠民保-like) and injury. */
export type Family = "medical" | "injury";

/**
 * A scheme's metadata, as written in its `scheme.yaml` (src/schemes/<id>/) and generated into
 * `scheme.gen.ts` by scripts/gen-schemes.ts: parameter keys there are relative to the id, here
 * they are full paths.
 */
export interface SchemeMeta {
  id: string;
  family: Family;
  name: Bilingual;
  region: Bilingual;
  sources: string[];
  period: { from: string; until: string | null };
  referenceDate: string;
  pricing: string[];
  benefitPersonFields: string[];
  yearlyFields?: string[];
  personDefaults: Bilingual;
  /** The calculator's example claim and where it comes from. */
  example: { claim: Record<string, unknown>; source: Bilingual };
  /** Named dates the formulas read (e.g. the end of a subsidy period). */
  dates: Record<string, string>;
}

/**
 * The zod schemas a scheme parses its inputs with. Each field may carry zod metadata
 * `{label: {zh, en}, hint?: {zh, en}, options?: {value: {zh, en}}, kind?}`: the calculator's
 * form is generated from them (src/rules/form.ts).
 */
export interface SchemeInputs {
  person: z.ZodObject;
  purchase: z.ZodObject;
  claim: z.ZodObject;
}

/**
 * One scheme. P, C, U are the parsed person, claim and purchase types. `parse*` validate at the
 * edge (InputError naming the field); `eligibility`, `premium`, `benefit` are pure and cheap.
 * All dates are ISO "YYYY-MM-DD".
 */
export interface Scheme<P = unknown, C = unknown, U = unknown> {
  readonly id: string;
  /** The family whose shared formulas it uses (absent on schemes built outside src/schemes). */
  readonly family?: Family;
  readonly name: Bilingual;
  readonly region: Bilingual;
  /** Seed files (or named documents) the rules come from. */
  readonly sources: readonly string[];
  /** Period in force; `until` null = open-ended in the sources. */
  readonly period: { from: string; until: string | null };
  /** A date on which the sourced version is in force; the CLI's default --date. */
  readonly referenceDate: string;
  readonly parameters: ParameterTable;
  /**
   * Pricing parameters: the paths whose values scale the gross premium proportionally (multiply
   * them all by m and every gross premium becomes m × as much). Used to reprice a scheme without
   * re-implementing its premium rule (src/sim/pricing.ts). Fixed-amount subsidies are not in it.
   */
  readonly pricing: readonly string[];
  /**
   * The person fields `benefit` reads (e.g. the single-type WII variant, whose contribution base
   * is the wage benefits are computed on). The engine shares its benefit tables between people
   * who agree on these fields; a unit test checks that other fields never change a payout.
   */
  readonly benefitPersonFields: readonly string[];
  /**
   * Claim fields whose deductibles and limits apply to a person's policy year, not to each claim:
   * the engine sums them over a person's episodes in a year and pays the year once (src/sim/yearly.ts).
   * Absent or empty: every claim is paid on its own, with per-claim limits (e.g. per accident).
   */
  readonly yearlyFields?: readonly string[];
  /** The documented defaults for person attributes not given. */
  readonly personDefaults: Bilingual;
  /** The input schemas, with the field labels the calculator's form is generated from. */
  readonly inputs?: SchemeInputs;
  /** The calculator's example claim and its provenance (a worked example in a source, or illustrative). */
  readonly example?: { claim: Record<string, unknown>; source: Bilingual };
  parsePerson(input: unknown): P;
  parseClaim(input: unknown): C;
  /** Purchase limits may depend on parameters in force on `date`. */
  parsePurchase(input: unknown, date: string): U;
  eligibility(person: P, date: string): Eligibility;
  premium(person: P, purchase: U, date: string): Premium;
  benefit(claim: C, person: P, date: string): Benefit;
  describe(date: string, lang: Lang): SchemeDescription;
  /** The same scheme reading another parameter table (used by reforms). */
  withParameters(table: ParameterTable): Scheme<P, C, U>;
}

export type AnyScheme = Scheme<any, any, any>;

/** Builds an Eligibility from reasons. */
export function eligibilityOf(reasons: Reason[]): Eligibility {
  return { eligible: reasons.every((r) => r.met), reasons };
}

export function reason(rule: string, met: boolean, en: string, zh: string): Reason {
  return { rule, met, en, zh };
}

/** Sums premium lines into the byPayer list (insured last). */
export function premiumOf(grossExact: number, grossTrace: TraceLine, subsidies: PremiumLine[], cover?: { from: string; until: string }): Premium {
  // Premiums are paid in fen: round the gross so that gross = net + Σ subsidies holds exactly
  // (a repriced premium such as 68 × 1.01^k is not a whole number of fen).
  const gross = Math.round(grossExact * 100) / 100 + 0;
  let paid = 0;
  const totals = new Map<Payer, number>();
  for (const s of subsidies) {
    paid += s.amount;
    totals.set(s.payer, (totals.get(s.payer) ?? 0) + s.amount);
  }
  const net = Math.round((gross - paid) * 100) / 100 + 0;
  const byPayer = [...totals].map(([payer, amount]) => ({ payer, amount: Math.round(amount * 100) / 100 }));
  byPayer.push({ payer: "insured", amount: net });
  return cover ? { gross, grossTrace, subsidies, net, byPayer, cover } : { gross, grossTrace, subsidies, net, byPayer };
}

export function benefitOf(items: TraceLine[]): Benefit {
  let total = 0;
  for (const i of items) total += i.amount;
  return { payout: Math.round(total * 100) / 100 + 0, items };
}

/** Picks the language. */
export function tr(lang: Lang, text: Bilingual): string {
  return text[lang];
}

/** The Scheme fields that come from its scheme.yaml (generated `meta`), to spread into a scheme. */
export function metaFields(meta: SchemeMeta) {
  return {
    id: meta.id,
    family: meta.family,
    name: meta.name,
    region: meta.region,
    sources: meta.sources,
    period: meta.period,
    referenceDate: meta.referenceDate,
    pricing: meta.pricing,
    benefitPersonFields: meta.benefitPersonFields,
    ...(meta.yearlyFields ? { yearlyFields: meta.yearlyFields } : {}),
    personDefaults: meta.personDefaults,
    example: meta.example,
  };
}
