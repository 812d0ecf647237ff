/**
 * ningbo-residents and the ningbo-tianyi-2024 scenario: the builder's counts add up to the figures
 * it reads (hand-checked against data/assumptions/ningbo-tianyi.csv), edge cells are priced and
 * eligible as the rules say, the scenario resolves, runs and keeps its ledger, and the 2023 band
 * rates move benefits in the hand-reasoned direction (closed-form lognormal expectations).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { ningboResidents, GROUP_TAKEUP_LOGIT } from "../../src/populations/ningbo-residents.js";
import { getScheme } from "../../src/schemes/index.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
type Cell = { id: string; count: number; attributes: Record<string, string>; person: Record<string, unknown>; purchase?: Record<string, unknown>; claim: Record<string, unknown>; takeupLogit?: number };
const cells = (ningboResidents.build({}, figures) as { cells: Cell[] }).cells;
const sum = (f: (c: Cell) => boolean) => cells.filter(f).reduce((a, c) => a + c.count, 0);

describe("ningbo-residents builder", () => {
  it("splits the assumed 780 万 members exactly (hand-checked tier and age counts)", () => {
    expect(sum(() => true)).toBe(7_800_000);
    // 780 万 × 0.55 employee = 429 万: 25 % aged 60+ = 1 072 500; 75 % = 3 217 500 of working age,
    // of whom 104 万 enrolled by employers (seed 003 l.61) and 2 177 500 voluntary.
    expect(sum((c) => c.attributes.tier === "employee" && c.attributes.age === "60+")).toBe(1_072_500);
    expect(sum((c) => c.attributes.enrolment === "group")).toBe(1_040_000);
    expect(sum((c) => c.attributes.tier === "employee" && c.attributes.age === "18-59" && c.attributes.enrolment === "voluntary")).toBe(2_177_500);
    // Resident adults 1 − 0.55 − 0.12 − 0.05 = 0.28 → 2 184 000, 40 % aged 60+ = 873 600.
    expect(sum((c) => c.attributes.tier === "resident")).toBe(2_184_000);
    expect(sum((c) => c.attributes.tier === "resident" && c.attributes.age === "60+")).toBe(873_600);
    // Student tier 12 % = 936 000, 20 % of them aged 18+ = 187 200; minors 5 % = 390 000.
    expect(sum((c) => c.attributes.tier === "student")).toBe(936_000);
    expect(sum((c) => c.attributes.tier === "student" && c.attributes.age === "18-59")).toBe(187_200);
    expect(sum((c) => c.attributes.tier === "minor")).toBe(390_000);
  });

  it("gives each age band its pre-existing share and halves it by interest", () => {
    // 60+: 1 072 500 + 873 600 = 1 946 100 members, half with pre-existing conditions = 973 050.
    expect(sum((c) => c.attributes.age === "60+" && c.attributes.health === "preexisting")).toBe(973_050);
    // Group staff: 15 % of 104 万 = 156 000 with pre-existing conditions.
    expect(sum((c) => c.attributes.enrolment === "group" && c.attributes.health === "preexisting")).toBe(156_000);
    const vol = sum((c) => c.attributes.enrolment === "voluntary");
    expect(sum((c) => c.attributes.interest === "engaged" && c.attributes.enrolment === "voluntary") / vol).toBeCloseTo(0.5, 5);
    for (const c of cells) expect(c.claim.preExisting).toBe(c.attributes.health === "preexisting");
  });

  it("marks the employer-group cells: employer pays, certain take-up", () => {
    const group = cells.filter((c) => c.attributes.enrolment === "group");
    expect(group).toHaveLength(2);
    for (const c of group) {
      expect(c.purchase).toEqual({ payer: "employer" });
      expect(c.takeupLogit).toBe(GROUP_TAKEUP_LOGIT);
      expect(1 / (1 + Math.exp(-GROUP_TAKEUP_LOGIT))).toBeGreaterThan(1 - 1e-12);
    }
    expect(() => ningboResidents.build({ groups: "yes" }, figures)).toThrow(/scenario\.population\.options\.groups/);
    expect(sum(() => true)).toBe((ningboResidents.build({ groups: false }, figures) as { cells: Cell[] }).cells.reduce((a, c) => a + c.count, 0));
  });

  it("edge cells: every member is eligible; university students and minors pay the lower rate", () => {
    const scheme = getScheme("tianyi-yongningbao");
    for (const c of cells) expect(scheme.eligibility(scheme.parsePerson(c.person), "2024-01-01").eligible).toBe(true);
    const premium = (id: string, date: string) => {
      const c = cells.find((x) => x.id === id)!;
      return scheme.premium(scheme.parsePerson(c.person), scheme.parsePurchase(c.purchase ?? {}, date), date);
    };
    // Student tier at age 20: the student/minor rate (100 元 in 2023, 60 元 assumed in 2024).
    expect(premium("student-18-59/healthy/engaged", "2023-01-01").gross).toBe(100);
    expect(premium("student-18-59/healthy/engaged", "2024-01-01").gross).toBe(60);
    expect(premium("minor-0-17/healthy/engaged", "2024-01-01").gross).toBe(60);
    expect(premium("employee-60+/healthy/engaged", "2024-01-01").gross).toBe(100);
    const group = premium("employer-group/healthy", "2024-01-01");
    expect([group.gross, group.net]).toEqual([100, 0]);
    // Not in Ningbo basic medical insurance → ineligible (the builder has no such cell by design).
    expect(scheme.eligibility(scheme.parsePerson({ age: 40, ningboMedicalInsurance: false }), "2024-01-01").eligible).toBe(false);
  });
});

const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/ningbo-tianyi-2024.json", import.meta.url), "utf-8"));

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function Phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
/** E[(X − a)⁺] for X lognormal with median M and log-sd s. */
function stopLoss(M: number, s: number, a: number): number {
  const mean = M * Math.exp((s * s) / 2);
  const d = Math.log(M / a) / s;
  return mean * Phi(d + s) - a * Phi(d);
}

/** E[(X − 20000)⁺] and E[band 6000–20000] of an episode: the ordinary/major-illness mixture. */
function layers(): [number, number] {
  const mix = (a: number) => 0.985 * stopLoss(6000 * 0.88, 1, a) + 0.015 * stopLoss(60000 * 0.88, 1, a);
  const above = mix(20000);
  return [above, mix(6000) - above];
}

describe("ningbo-tianyi-2024 scenario", () => {
  const { scenario, options } = parseScenario(resolveScenario(json, figures));

  it("resolves its figures and runs; the ledger adds up in every row", () => {
    expect(scenario.years).toBe(2);
    expect(scenario.population.cells!.reduce((a, c) => a + c.count, 0)).toBe(7_800_000);
    const rows = runPlan(compile(scenario, options, "fast"), { replicates: 4 });
    expect(rows).toHaveLength(4 * 2 * 2);
    for (const r of rows) {
      const subsidies = Object.values(r.subsidies).reduce((a, b) => a + b, 0);
      expect(Math.abs(r.gross - r.net - subsidies)).toBeLessThan(1e-6 * r.gross);
      // The employer pays 100 元 for each of its 104 万 staff, every year (renewal 1 for groups).
      expect(r.subsidies.employer).toBe(104_000_000);
      expect(r.enrolled).toBeGreaterThan(1_040_000);
    }
    // Common random numbers: both options enrol the same people; year 1 pays the same (2023 terms both).
    const y1 = rows.filter((r) => r.year === 1);
    for (let i = 0; i < 4; i++) {
      const [a, b] = [y1.find((r) => r.replicate === i && r.option === "as-issued")!, y1.find((r) => r.replicate === i && r.option === "terms-2023")!];
      expect(b.enrolled).toBe(a.enrolled);
      expect(b.benefits).toBe(a.benefits);
    }
  });

  /** Year-2 expected benefits per option, restricted to cells of one health status, at point values. */
  function year2(health: "preexisting" | "healthy"): Record<string, number> {
    const s = structuredClone(json);
    for (const o of s.options) o.cells = { health: [health] };
    const p = parseScenario(resolveScenario(s, figures));
    const rows = runPlan(compile(p.scenario, p.options, "fast"), { replicates: 1, uncertainty: false });
    return Object.fromEntries(rows.filter((r) => r.year === 2).map((r) => [r.option, r.expectedBenefits]));
  }

  it("the 2023 band rates pay people with pre-existing conditions less: 10 %/40 % instead of 30 %/60 % (seed 003 l.59)", () => {
    // Covered cost per episode: 98.5 % ordinary, lognormal median 6000 × cost scale 0.88 = 5280 元,
    // 1.5 % major illness, median 60 000 × 0.88 = 52 800 元, both σ = 1. The bands apply to a
    // person's yearly sum, which this per-episode closed form ignores: at these rates (≤ 0.1
    // episodes a year) multi-episode years move the ratio by well under 1 %.
    const [above, band] = layers();
    const ratio = (0.1 * band + 0.4 * above) / (0.3 * band + 0.6 * above);
    const b = year2("preexisting");
    expect(b["terms-2023"]! / b["as-issued"]! / ratio).toBeCloseTo(1, 2);
    expect(b["terms-2023"]!).toBeLessThan(b["as-issued"]!);
  });

  it("for the healthy, 2023's 20 %/80 % pays less below 27 000 元 and more above: on this cost curve (σ = 1) the tail wins, more overall", () => {
    const [above, band] = layers();
    const ratio = (0.2 * band + 0.8 * above) / (0.3 * band + 0.6 * above);
    const b = year2("healthy");
    expect(b["terms-2023"]! / b["as-issued"]! / ratio).toBeCloseTo(1, 2);
    // Break-even claim: 0.2 × 14 000 + 0.8 (c − 20 000) = 0.3 × 14 000 + 0.6 (c − 20 000) → c = 27 000 元.
    const scheme = getScheme("tianyi-yongningbao");
    const pay = (c: number, date: string) => scheme.benefit(scheme.parseClaim({ coveredCost: c, preExisting: false }), scheme.parsePerson({}), date).payout;
    expect(pay(27000, "2023-06-01")).toBeCloseTo(pay(27000, "2024-06-01"), 6);
    expect(pay(100000, "2023-06-01")).toBeGreaterThan(pay(100000, "2024-06-01"));
    // 0.2 × band + 0.8 × above vs 0.3 × band + 0.6 × above: more overall when above/band > 0.5.
    expect(above / band).toBeGreaterThan(0.5);
    expect(ratio).toBeGreaterThan(1);
    expect(b["terms-2023"]!).toBeGreaterThan(b["as-issued"]!);
  });
});
