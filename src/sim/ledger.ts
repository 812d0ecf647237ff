/**
 * The payer ledger: one result row per (replicate, option, year) — enrolment, premiums by payer
 * (gross = net + Σ subsidies), claims, benefits, administration cost, loss ratio, and the
 * conditional expectations that split the spread into its parameter and process parts — and
 * the booking of each simulated cell into it. A cell's premium comes from the scheme's own
 * `premium` rule, kept as a ledger entry (subsidies by payer index).
 */
import type { AnyScheme } from "../rules/index.js";
import { BENEFIT_PAYERS, SUBSIDY_PAYERS, type BenefitPayer, type SubsidyPayer } from "../vocabulary/payers.js";

export type { SubsidyPayer } from "../vocabulary/payers.js";

/** Payers that appear as ledger columns (subsidy_<payer>), in a fixed order: the vocabulary's. */
export const PAYERS: readonly SubsidyPayer[] = SUBSIDY_PAYERS;

/** Who pays benefit lines outside the payout (the employer/platform share of a statutory package). */
export type CostPayer = Exclude<BenefitPayer, "fund">;
/** Columns cost_<payer>, in the vocabulary's order. */
export const COST_PAYERS: readonly CostPayer[] = BENEFIT_PAYERS.filter((p): p is CostPayer => p !== "fund");

export interface ReplicateRow {
  replicate: number;
  option: string;
  year: number;
  /** Persons in the option's target cells. */
  population: number;
  /** Of whom eligible under the scheme's rules. */
  eligible: number;
  enrolled: number;
  /** enrolled / population. */
  coverage: number;
  /** Gross premium, 元. */
  gross: number;
  /** Paid by the insured themselves, 元. */
  net: number;
  /** Subsidies by payer, 元 (gross = net + Σ subsidies). */
  subsidies: Record<SubsidyPayer, number>;
  claims: number;
  benefits: number;
  /** Benefits paid by the employer or platform (statutory lines outside the payout; periodic
   *  streams at their present value at injury), 元, by payer. */
  costs: Record<CostPayer, number>;
  /** Cash basis: the part of `benefits` paid in the policy year (lump sums and medical in full,
   *  each periodic stream's first 12 months, undiscounted), 元. */
  cashBenefits: number;
  /** cashBenefits / gross; null when no premium was collected. */
  cashLossRatio: number | null;
  /** Administration cost, 元. */
  admin: number;
  /** benefits / gross; null when no premium was collected. */
  lossRatio: number | null;
  /** benefits / enrolled; null when nobody enrolled. */
  benefitPerEnrollee: number | null;
  /** E[enrolled | parameters], E[gross premium | parameters] and E[benefits | parameters]: the
   *  parameter part of the spread (after year 1, also given last year's enrolment). */
  expectedEnrolled: number;
  expectedGross: number;
  /** E[persons paid for at least one claim | parameters] (published claimant counts, 获得理赔人数). */
  expectedClaimants: number;
  expectedBenefits: number;
  /** E[cashBenefits | parameters] (the cash basis of expectedBenefits; calibration's cash loss ratio). */
  expectedCashBenefits: number;
  /** Var[benefits | parameters]: the process part (analytic). */
  processVarBenefits: number;
}

/** One enrollee's premium in a cell, as the ledger books it. */
export interface CellPremium {
  gross: number;
  net: number;
  /** Subsidies in the scheme's order: the payer's index in PAYERS, and the amount. */
  payers: Uint8Array;
  amounts: Float64Array;
}

/** The scheme's premium for a person and purchase on a date, as a ledger entry. */
export function premiumOf(scheme: AnyScheme, person: unknown, purchase: unknown, date: string): CellPremium {
  const premium = scheme.premium(person, purchase, date);
  const n = premium.subsidies.length;
  const payers = new Uint8Array(n);
  const amounts = new Float64Array(n);
  premium.subsidies.forEach((s, i) => {
    const index = PAYERS.indexOf(s.payer as SubsidyPayer);
    if (index < 0) throw new Error(`internal: ${scheme.id} lists ${s.payer === "insured" ? "the insured" : `"${s.payer}"`} as a subsidy payer`);
    payers[i] = index;
    amounts[i] = s.amount;
  });
  return { gross: premium.gross, net: premium.net, payers, amounts };
}

function emptySubsidies(): Record<SubsidyPayer, number> {
  const out = {} as Record<SubsidyPayer, number>;
  for (const p of PAYERS) out[p] = 0;
  return out;
}

function emptyCosts(): Record<CostPayer, number> {
  const out = {} as Record<CostPayer, number>;
  for (const p of COST_PAYERS) out[p] = 0;
  return out;
}

/** Length of the totals a row collects while open: subsidies (PAYERS), then costs (COST_PAYERS). */
export const TOTALS = PAYERS.length + COST_PAYERS.length;

/** An empty row; `subsidyTotals` (TOTALS long: PAYERS, then COST_PAYERS) collects its subsidies and costs until {@link closeRow}. */
export function openRow(replicate: number, option: string, year: number, population: number, eligible: number, subsidyTotals: Float64Array): ReplicateRow {
  subsidyTotals.fill(0);
  return {
    replicate,
    option,
    year,
    population,
    eligible,
    enrolled: 0,
    coverage: 0,
    gross: 0,
    net: 0,
    subsidies: emptySubsidies(),
    claims: 0,
    benefits: 0,
    costs: emptyCosts(),
    cashBenefits: 0,
    cashLossRatio: null,
    admin: 0,
    lossRatio: null,
    benefitPerEnrollee: null,
    expectedEnrolled: 0,
    expectedGross: 0,
    expectedClaimants: 0,
    expectedBenefits: 0,
    expectedCashBenefits: 0,
    processVarBenefits: 0,
  };
}

/** What the ledger books of a cell's year (a record, so no loose numbers are passed). */
export interface CellBooking {
  enrolled: number;
  /** E[enrolled | parameters]. */
  expected: number;
  claims: number;
  benefits: number;
  /** Side amounts of the claims: [0] cash in the policy year, [1 + j] cost of COST_PAYERS[j]. */
  side: Float64Array;
}

/**
 * Books a cell's year: its enrollees, claims and benefits, the premiums they pay and who pays
 * them (each enrollee `purchases` times a year), and E[enrolled] and E[gross premium] given the
 * parameters.
 */
export function bookCell(row: ReplicateRow, subsidyTotals: Float64Array, premium: CellPremium, cell: CellBooking, purchases = 1): void {
  const enrolled = cell.enrolled;
  const bought = purchases === 1 ? enrolled : enrolled * purchases;
  row.enrolled += enrolled;
  row.claims += cell.claims;
  row.benefits += cell.benefits;
  const side = cell.side;
  row.cashBenefits += side[0]!;
  // Employer/platform costs collect after the subsidies in `subsidyTotals` (see openRow).
  const at = PAYERS.length - 1;
  for (let j = 1; j < side.length; j++) subsidyTotals[at + j]! += side[j]!;
  row.gross += bought * premium.gross;
  row.net += bought * premium.net;
  for (let i = 0; i < premium.payers.length; i++) subsidyTotals[premium.payers[i]!]! += bought * premium.amounts[i]!;
  row.expectedEnrolled += cell.expected;
  row.expectedGross += (purchases === 1 ? cell.expected : cell.expected * purchases) * premium.gross;
}

/** Completes a row once its cells are booked: subsidies, coverage, administration cost and ratios. */
export function closeRow(row: ReplicateRow, subsidyTotals: Float64Array, adminRatio: number): ReplicateRow {
  for (let i = 0; i < PAYERS.length; i++) row.subsidies[PAYERS[i]!] = subsidyTotals[i]!;
  for (let j = 0; j < COST_PAYERS.length; j++) row.costs[COST_PAYERS[j]!] = subsidyTotals[PAYERS.length + j]!;
  row.coverage = row.population > 0 ? row.enrolled / row.population : 0;
  row.admin = adminRatio * row.gross;
  row.lossRatio = row.gross > 0 ? row.benefits / row.gross : null;
  row.cashLossRatio = row.gross > 0 ? row.cashBenefits / row.gross : null;
  row.benefitPerEnrollee = row.enrolled > 0 ? row.benefits / row.enrolled : null;
  return row;
}
