/**
 * The injury family reproduces the schemes it was drawn from: the registered pilot, mandatory
 * proposal, single-type WII and Urumqi schemes (their own rules over src/families/injury/)
 * against their code before the family (./reference/, frozen at commit 8be5d09, over the same
 * parameter tables), on thousands of random persons, purchases, claims and dates: the same parsed
 * inputs or the same InputError, eligibility, premium (gross, lines, payers, cover) and benefit
 * (payout and every line's rule, label, amount, payer, parameters and formula). The mandatory
 * proposal's premium has since changed on purpose (rates by sector, issue 12): for it, inputs,
 * eligibility and benefits are compared. 灵活保 is left out (its rules are being extended).
 */
import { describe, expect, it } from "vitest";
import type { AnyScheme } from "../../../src/rules/scheme.js";
import { getScheme } from "../../../src/schemes/index.js";
import { create as pilotReference } from "./reference/occupational-injury-pilot/formulas.js";
import { create as mandatoryReference } from "./reference/platform-injury-mandatory/formulas.js";
import { create as singleTypeReference } from "./reference/single-type-wii/formulas.js";
import { create as urumqiReference } from "./reference/urumqi-supplementary-wii/formulas.js";

const RUNS = Number(process.env.FAMILY_RUNS ?? 1500);

/** A small deterministic generator (LCG), so a failure names a reproducible case. */
function rng(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!,
    maybe: <T>(v: T): T | undefined => (next() < 0.5 ? v : undefined),
  };
}
type R = ReturnType<typeof rng>;

const DATES = ["2019-11-01", "2020-08-01", "2021-02-28", "2022-06-30", "2022-07-01", "2022-08-31", "2022-09-01", "2023-06-01", "2024-02-29", "2025-01-01", "2025-06-01", "2025-08-31", "2025-09-01", "2026-03-31", "2027-08-31", "2027-09-01"];
const loss = (r: R) => ({ medicalCost: r.pick([0, 0.01, 999.99, r.int(0, 300000), r.next() * 1e6]), disabilityGrade: r.maybe(r.int(1, 10)), death: r.maybe(r.next() < 0.3) });
const statutory = (r: R) => ({ age: r.maybe(r.int(16, 70)), sex: r.maybe(r.pick(["male", "female"])), wage: r.maybe(r.int(0, 40000)), nursing: r.maybe(r.pick(["none", "full", "large", "partial"])), dependants: r.maybe(r.int(0, 4)), leftJob: r.maybe(r.next() < 0.5) });

interface Case { person: Record<string, unknown>; purchase: Record<string, unknown>; claim: Record<string, unknown> }
const GEN: Record<string, (r: R) => Case> = {
  "occupational-injury-pilot": (r) => ({ person: { age: r.int(10, 70), sector: r.pick(["ride-hailing", "instant-delivery", "freight", "boats"]), newPlatform: r.next() < 0.3, onPilotPlatform: r.next() < 0.8 }, purchase: { orders: r.pick([0, 1, r.int(0, 5000), -1]) }, claim: { onOrder: r.next() < 0.8, ...loss(r), ...statutory(r) } }),
  "platform-injury-mandatory": (r) => ({ person: { age: r.int(10, 70), platformWorker: r.next() < 0.8, thirdPartyCover: r.next() < 0.5 }, purchase: { orders: r.int(0, 5000) }, claim: { workRelated: r.next() < 0.8, thirdPartyDamage: r.maybe(r.pick([0, r.int(0, 900000)])), ...loss(r), ...statutory(r) } }),
  "single-type-wii": (r) => ({ person: { age: r.int(10, 70), variant: r.pick(["zhejiang", "guangdong"]), industryClass: r.int(0, 9), insuredByPlatform: r.next() < 0.8 }, purchase: { months: r.int(0, 121), payer: r.pick(["platform", "employer", "bank"]) }, claim: { injuryDetermined: r.next() < 0.85, ...loss(r), ...statutory(r) } }),
  "urumqi-supplementary-wii": (r) => ({
    person: { age: r.int(10, 80), category: r.pick(["employee", "construction-project", "express-delivery", "other-wii", "flexible", "village-committee", "over-age", "platform", "intern", "other"]), industryClass: r.int(1, 8), employerInsuresWiiStaff: r.next() < 0.8 },
    purchase: { months: r.int(1, 25), payer: r.maybe(r.pick(["employer", "platform", "association", "union"])) },
    claim: { situation: r.pick(["at-work", "business-travel", "other"]), exclusion: r.next() < 0.2 ? "missing" : undefined, injuryDetermined: r.next() < 0.85, reportedAfterHours: r.int(0, 100), unverifiableShare: r.next() < 0.5 ? 0 : r.int(0, 100) / 100, premiumPaidOn: r.maybe(r.pick(DATES)), ...loss(r), paidLeaveDays: r.int(0, 400), nursingDays: r.int(0, 400) },
  }),
};

/** A plain copy (getters read); `drop` removes fields of a parsed person the reference does not have. */
function outcome(f: () => unknown, drop: string[] = []): unknown {
  try {
    const v = JSON.parse(JSON.stringify(f())) as unknown;
    if (v && typeof v === "object") for (const k of drop) delete (v as Record<string, unknown>)[k];
    return { ok: v };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Compares RUNS cases; returns how many premiums and paid benefits were compared (not errors). */
function compare(current: AnyScheme, reference: AnyScheme, gen: (r: R) => Case, premium: boolean, drop: string[]): { premiums: number; paid: number } {
  const r = rng(20251130);
  const n = { premiums: 0, paid: 0 };
  for (let i = 0; i < RUNS; i++) {
    const c = gen(r);
    const date = r.pick(DATES);
    const at = `case ${i} on ${date}: ${JSON.stringify(c)}`;
    expect(outcome(() => current.parsePerson(c.person), drop), at).toEqual(outcome(() => reference.parsePerson(c.person)));
    expect(outcome(() => current.parseClaim(c.claim)), at).toEqual(outcome(() => reference.parseClaim(c.claim)));
    if (premium) expect(outcome(() => current.parsePurchase(c.purchase, date)), at).toEqual(outcome(() => reference.parsePurchase(c.purchase, date)));
    let pc: unknown, pr: unknown;
    try { pc = current.parsePerson(c.person); pr = reference.parsePerson(c.person); } catch { continue; }
    expect(outcome(() => current.eligibility(pc, date)), at).toEqual(outcome(() => reference.eligibility(pr, date)));
    if (premium) {
      try {
        const u = current.parsePurchase(c.purchase, date);
        const q = outcome(() => current.premium(pc, u, date));
        expect(q, at).toEqual(outcome(() => reference.premium(pr, reference.parsePurchase(c.purchase, date), date)));
        if ("ok" in (q as object)) n.premiums++;
      } catch { /* an invalid purchase: compared as an error above */ }
    }
    try {
      const claim = current.parseClaim(c.claim);
      const b = outcome(() => current.benefit(claim, pc, date)) as { ok?: { payout: number } };
      expect(b, at).toEqual(outcome(() => reference.benefit(reference.parseClaim(c.claim), pr, date)));
      if (b.ok && b.ok.payout > 0) n.paid++;
    } catch { /* an invalid claim: compared as an error above */ }
  }
  return n;
}

describe("the injury family against the schemes' own code before it", () => {
  const cases: [string, (t: AnyScheme["parameters"]) => AnyScheme, boolean, string[]][] = [
    ["occupational-injury-pilot", pilotReference as never, true, []],
    ["single-type-wii", singleTypeReference as never, true, []],
    ["urumqi-supplementary-wii", urumqiReference as never, true, []],
    ["platform-injury-mandatory", mandatoryReference as never, false, ["sector"]],
  ];
  for (const [id, create, premium, drop] of cases) {
    it(`${id}: same inputs or InputError, eligibility, ${premium ? "premium, " : ""}benefit (${RUNS} cases)`, () => {
      const current = getScheme(id);
      const n = compare(current, create(current.parameters), GEN[id]!, premium, drop);
      // The comparison is not of errors only: many cases price a premium and pay a benefit.
      if (premium) expect(n.premiums).toBeGreaterThan(RUNS / 10);
      expect(n.paid).toBeGreaterThan(RUNS / 10);
    });
  }
  it("describe gives the same overview in both languages on the reference dates", () => {
    for (const [id, create] of cases.slice(0, 3)) {
      const current = getScheme(id);
      const reference = create(current.parameters);
      for (const lang of ["zh", "en"] as const) expect(current.describe(current.referenceDate, lang)).toEqual(reference.describe(current.referenceDate, lang));
    }
  });
});
