/**
 * The medical family reproduces 工惠保 and 天一甬宁保 exactly: the registered schemes (the family
 * driven by their scheme.yaml specs) against their own code before the switch (./reference/),
 * over thousands of random persons,
 * claims, purchases, dates (policy-year edges, 29 February) and reformed parameter tables, the
 * family instance gives the same parsed inputs (or the same InputError), eligibility, premium
 * (gross, subsidies, byPayer) and benefit (payout, every line's rule, label, amount, parameter
 * paths and formula) as the schemes' own code (frozen in ./reference/, over their parameters). Two formula texts are worded by the family:
 * listed in REWORDED.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScheme } from "../../../src/schemes/index.js";
import type { AnyScheme } from "../../../src/rules/scheme.js";
import { create as gonghuibaoReference } from "./reference/gonghuibao.js";
import { create as tianyiReference } from "./reference/tianyi-yongningbao.js";

/** The frozen code of each scheme before the family, over the scheme's current parameters. */
const gonghuibao = gonghuibaoReference(getScheme("gonghuibao").parameters);
const tianyiYongningbao = tianyiReference(getScheme("tianyi-yongningbao").parameters);

const RUNS = Number(process.env.FAMILY_RUNS ?? 2000);

/** The family's wording of two trace formulas (amounts unchanged): old text → new text. */
const REWORDED: [RegExp, string][] = [
  [/^employer pays the premium (.*)$/, "employer group purchase: $1"],
  [/ from the in-catalogue burden, /, " from in-catalogue personal burden, "],
];

/** A plain copy (getters read), with the rewording applied to formulas of the old code. */
function plain(x: unknown, reword = false): unknown {
  if (Array.isArray(x)) return x.map((v) => plain(v, reword));
  if (x !== null && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) {
      let v = (x as Record<string, unknown>)[k];
      if (reword && k === "formula" && typeof v === "string") for (const [re, to] of REWORDED) v = (v as string).replace(re, to);
      out[k] = plain(v, reword);
    }
    return out;
  }
  return x;
}

function outcome(f: () => unknown, reword = false): unknown {
  try {
    return { ok: plain(f(), reword) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}


const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const EDGE_DATES = ["2019-12-31", "2020-02-29", "2020-08-31", "2020-09-01", "2021-02-28", "2022-12-31", "2023-01-01", "2023-12-31", "2024-01-01", "2024-02-29", "2028-02-29"];
const date = fc.oneof(fc.constantFrom(...EDGE_DATES), fc.integer({ min: dayOf("2019-06-01"), max: dayOf("2028-12-31") }).map(isoOf));

/** Amounts: zero, a few fen around the edges, whole fen, arbitrary doubles (as drawn by the engine), up to the 1 亿 limit. */
const money = (edges: number[]) =>
  fc.oneof(
    fc.constant(0),
    fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -300, max: 300 })).map(([e, d]) => Math.max(0, Math.round(e * 100 + d) / 100)),
    fc.integer({ min: 0, max: 5_000_000_00 }).map((c) => c / 100),
    fc.double({ min: 0, max: 5e6, noNaN: true }),
    fc.double({ min: 0, max: 1e8, noNaN: true }),
  );

const ages = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(0, 17, 18, 49, 50, 51, 120));
const bad = fc.constantFrom<unknown>(-1, "100", null, 1e9, Number.NaN, 121, 17.5, true);

interface Case {
  name: string;
  /** The frozen code. */
  old: AnyScheme;
  /** The registered scheme: the family driven by scheme.yaml's spec. */
  fam: AnyScheme;
  person: fc.Arbitrary<Record<string, unknown>>;
  claim: fc.Arbitrary<Record<string, unknown>>;
  payers: string[];
  /** Paths a random reform may set (within their ranges). */
  reformable: string[];
  /** Trace rules the random cases must reach (each at least 20 times): the edges are exercised. */
  reach: string[];
}

const G_EDGES = [20000, 2_020_000, 20000 + 2_000_000 / 0.75, 1_000_000, 40000];
const T_EDGES = [6000, 20000, 1_266_500, 1_679_666.67, 2_516_500, 1_000_000];
const CASES: Case[] = [
  {
    name: "gonghuibao",
    old: gonghuibao,
    fam: getScheme("gonghuibao"),
    person: fc.record({ age: ages, ningboMedicalInsurance: fc.boolean(), bankOfNingboCardHolder: fc.boolean() }, { requiredKeys: [] }),
    claim: fc.record(
      { inCatalogSelfPay: money(G_EDGES), outOfCatalogSelfPay: money(G_EDGES), excludedPreExistingCost: fc.oneof(money(G_EDGES), fc.constant(undefined)) },
      { requiredKeys: ["inCatalogSelfPay", "outOfCatalogSelfPay"] },
    ),
    payers: ["insured", "employer"],
    reach: ["gonghuibao.annualCap", "gonghuibao.preExistingExclusion", "gonghuibao.bankSubsidy", "gonghuibao.employerGroup", "ineligible", "before the first version", "29 February", "premium.upToThreshold", "premium.aboveThreshold"],
    reformable: ["gonghuibao.inCatalog.deductible", "gonghuibao.outOfCatalog.rate", "gonghuibao.annualCap", "gonghuibao.bankSubsidy.amount", "gonghuibao.premium.ageThreshold", "gonghuibao.premium.upToThreshold"],
  },
  {
    name: "tianyi-yongningbao",
    old: tianyiYongningbao,
    fam: getScheme("tianyi-yongningbao"),
    person: fc.record({ age: ages, ningboMedicalInsurance: fc.boolean(), residentStudentTier: fc.boolean() }, { requiredKeys: [] }),
    claim: fc.record(
      { coveredCost: money(T_EDGES), preExisting: fc.boolean(), protonHeavyIonCost: fc.oneof(money(T_EDGES), fc.constant(undefined)) },
      { requiredKeys: ["coveredCost", "preExisting"] },
    ),
    payers: ["insured", "employer", "town", "chamber", "collective"],
    reach: ["tianyi-yongningbao.annualCap", "tianyi-yongningbao.proton", "tianyi-yongningbao.groupPurchase", "pre-existing", "no pre-existing", "ineligible", "before the first version", "29 February", "premium.minorOrStudent", "premium.adult", "proton capped"],
    reformable: ["tianyi-yongningbao.band.lower", "tianyi-yongningbao.rate.band2.noPreExisting", "tianyi-yongningbao.annualCap", "tianyi-yongningbao.proton.cap", "tianyi-yongningbao.premium.adultAge", "tianyi-yongningbao.premium.minorOrStudent"],
  },
];

describe.each(CASES)("medical family ≡ $name", (c) => {
  const fam = c.fam;
  const seen = new Map<string, number>();
  const reform = fc
    .subarray(c.reformable)
    .chain((paths) => fc.tuple(...paths.map((p) => {
      const { min, max } = c.old.parameters.param(p).range;
      const integer = c.old.parameters.param(p).integer;
      return fc.oneof(fc.constant(min), integer ? fc.integer({ min, max: Math.min(max, 1e9) }) : fc.double({ min, max: Math.min(max, 1e7), noNaN: true }));
    })).map((values) => new Map(paths.map((p, i) => [p, values[i]!]))));

  it("declares the same scheme (id, period, pricing, yearly fields, defaults, parameters)", () => {
    for (const k of ["id", "name", "region", "sources", "period", "referenceDate", "pricing", "yearlyFields", "benefitPersonFields", "personDefaults"] as const) {
      expect(fam[k], k).toEqual(c.old[k]);
    }
    expect(fam.parameters).toBe(c.old.parameters);
  });

  it(`same parsed inputs or the same InputError (${RUNS} cases)`, () => {
    const anyValue = fc.oneof(bad, fc.constant(undefined));
    fc.assert(
      fc.property(c.person, c.claim, fc.constantFrom(...c.payers, "bank", "nobody"), fc.option(fc.tuple(fc.constantFrom("age", "coveredCost", "inCatalogSelfPay", "preExisting", "payer", "extra"), anyValue)), date, (person, claim, payer, broken, d) => {
        const [k, v] = broken ?? [];
        const p = k ? { ...person, [k]: v } : person;
        const cl = k ? { ...claim, [k]: v } : claim;
        const u = k === "payer" ? { payer: v } : { payer };
        expect(outcome(() => fam.parsePerson(p))).toEqual(outcome(() => c.old.parsePerson(p)));
        expect(outcome(() => fam.parseClaim(cl))).toEqual(outcome(() => c.old.parseClaim(cl)));
        expect(outcome(() => fam.parsePurchase(u, d))).toEqual(outcome(() => c.old.parsePurchase(u, d)));
      }),
      { numRuns: RUNS },
    );
  });

  it(`same eligibility, premium and benefit, also under random reforms (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(c.person, c.claim, fc.constantFrom(...c.payers), date, fc.option(reform, { freq: 3 }), (p0, c0, payer, d, overrides) => {
        const [o, f] = overrides ? [c.old.withParameters(c.old.parameters.with(overrides)), fam.withParameters(c.old.parameters.with(overrides))] : [c.old, fam];
        const person = o.parsePerson(p0);
        const claim = o.parseClaim(c0);
        const purchase = o.parsePurchase({ payer }, d);
        const e = outcome(() => o.eligibility(person, d));
        const q = outcome(() => o.premium(person, purchase, d), true);
        const b = outcome(() => o.benefit(claim, person, d), true);
        expect(outcome(() => f.eligibility(person, d))).toEqual(e);
        expect(outcome(() => f.premium(person, purchase, d))).toEqual(q);
        expect(outcome(() => f.benefit(claim, person, d))).toEqual(b);
        const text = JSON.stringify([e, q, b]);
        for (const r of c.reach) if (text.includes(r)) seen.set(r, (seen.get(r) ?? 0) + 1);
        if (d.endsWith("-02-29")) seen.set("29 February", (seen.get("29 February") ?? 0) + 1);
        if (text.includes('"eligible":false')) seen.set("ineligible", (seen.get("ineligible") ?? 0) + 1);
        if (/proton[^}]*"formula":"min\(([\d.]+) × ([\d.]+)%, ([\d.]+)\) = \3"/.test(text)) seen.set("proton capped", (seen.get("proton capped") ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    for (const r of c.reach) expect(seen.get(r) ?? 0, `cases reaching ${r}`).toBeGreaterThanOrEqual(Math.min(20, RUNS / 100));
  });
});
