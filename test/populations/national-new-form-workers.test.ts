/**
 * The national new-form-worker population and scenario: counts add up to the figures they read,
 * shares follow the courier survey, and the three options behave as their rules say.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figure } from "../../src/figures/figures.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { nationalNewFormWorkers, occupationCounts } from "../../src/populations/national-new-form-workers.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
const v = (id: string) => figure(figures, id).value;
type Cell = { id: string; count: number; attributes: Record<string, string | boolean>; person: Record<string, unknown>; purchase: Record<string, unknown>; frequency: number };
const build = (options: unknown = {}) => (nationalNewFormWorkers.build(options, figures) as { cells: Cell[] }).cells;
const sum = (cells: Cell[]) => cells.reduce((a, c) => a + c.count, 0);

describe("national-new-form-workers builder", () => {
  const pilot = build({ views: ["pilot"] });

  it("has at least 200 cells per view and 8400 万 workers in each", () => {
    expect(pilot.length).toBe(240);
    expect(sum(pilot)).toBe(84_000_000);
    const all = build();
    // The mandatory view splits each of its 48 express cells into couriers in statutory WII and not.
    expect(all.length).toBe(720 + 48);
    for (const view of ["single-type", "pilot", "mandatory"]) expect(sum(all.filter((c) => c.attributes["view"] === view))).toBe(84_000_000);
  });

  it("derives delivery riders from Meituan's 745 万 and leaves the remainder as other work", () => {
    // 7 450 000 / 0.55 = 13 545 454.5… → 13 545 455 riders (hand-checked)
    const occ = occupationCounts(figures);
    expect(occ.delivery).toBe(Math.round(v("meituan.riders_active_2023") / v("national.meituan_share_of_delivery_riders")));
    expect(occ.delivery).toBe(13_545_455);
    expect(occ.other).toBe(84_000_000 - 13_545_455 - 7_000_000 - 4_500_000 - 4_000_000);
    for (const [o, n] of Object.entries(occ)) expect(sum(pilot.filter((c) => c.attributes["occupation"] === o))).toBe(n);
    // Meituan riders: the leading delivery platform holds exactly the 745 万 (up to rounding)
    expect(Math.abs(sum(pilot.filter((c) => c.attributes["occupation"] === "delivery" && c.attributes["platform"] === "leading")) - 7_450_000)).toBeLessThanOrEqual(1);
  });

  it("splits every occupation by the courier survey's risk shares (seed 001 l.427–429)", () => {
    const share = (risk: string) => sum(pilot.filter((c) => c.attributes["risk"] === risk)) / 84_000_000;
    expect(share("occasional")).toBeCloseTo(0.4332, 5);
    expect(share("longterm")).toBeCloseTo(0.1087, 5);
    expect(share("frequent")).toBeCloseTo(0.0961, 5);
    expect(share("none")).toBeCloseTo(1 - 0.4332 - 0.1087 - 0.0961, 5);
    expect(pilot.find((c) => c.attributes["risk"] === "longterm")!.frequency).toBe(v("national.risk_multiplier.longterm"));
  });

  it("makes only pilot-province workers on pilot platforms eligible for the pilot", () => {
    const eligible = pilot.filter((c) => c.person["onPilotPlatform"] === true);
    expect(eligible.every((c) => c.attributes["province"] === "pilot" && c.attributes["occupation"] !== "express" && c.attributes["occupation"] !== "other")).toBe(true);
    // delivery (all platforms) + freight (leading and second) + ride-hailing pilot share, × pilot-province share
    const occ = occupationCounts(figures);
    const expected = v("national.pilot_province_share") * (occ.delivery + occ.freight * (v("national.platform_leading_share") + v("national.platform_second_share")) + occ["ride-hailing"] * v("national.pilot_platform_share.ride_hailing"));
    expect(Math.abs(sum(eligible) - expected) / expected).toBeLessThan(1e-5);
    expect(sum(eligible)).toBeGreaterThan(v("national.occupational_injury_covered_2023_09"));
  });

  it("gives the mandatory view's third-party add-on to the leading platforms only (default)", () => {
    const mandatory = build({ views: ["mandatory"] });
    expect(mandatory.every((c) => c.person["thirdPartyCover"] === (c.attributes["platform"] === "leading"))).toBe(true);
    expect(mandatory.every((c) => typeof c.purchase["orders"] === "number")).toBe(true);
  });
});

describe("national-new-form-workers scenario", () => {
  const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/national-new-form-workers.json", import.meta.url), "utf-8"));
  const { scenario, options } = parseScenario(resolveScenario(json, figures));
  const plan = compile(scenario, options);
  const fixedRows = runPlan(plan, { replicates: 1, uncertainty: false, fix: { "compliance.mandatory": 1 } });
  const row = (id: string) => fixedRows.find((r) => r.option === id)!;

  it("parses, resolves and runs a few replicates with uncertainty", () => {
    const rows = runPlan(plan, { replicates: 3 });
    expect(rows.length).toBe(9);
    for (const r of rows) {
      expect(r.population).toBe(84_000_000);
      expect(r.gross).toBeCloseTo(r.net + Object.values(r.subsidies).reduce((a, b) => a + b, 0), 0);
      expect(r.benefits).toBeGreaterThan(0);
    }
  }, 300_000);

  it("mandatory with full compliance covers every eligible worker, financed by platforms", () => {
    const m = row("mandatory");
    // Everyone but the express couriers already in statutory WII (0.8 of 450 万, seed 001 l.283):
    // they are not insured twice. 84 000 000 − 3 600 000 = 80 400 000 (± the cells' rounding).
    expect(m.eligible).toBe(m.enrolled);
    expect(Math.abs(m.enrolled - (84_000_000 - 0.8 * 4_500_000))).toBeLessThanOrEqual(48);
    expect(m.net).toBe(0);
    expect(m.subsidies.platform).toBeCloseTo(m.gross, 0);
    expect(m.subsidies.budget).toBe(0);
  }, 300_000);

  it("the pilot enrols only eligible cells and costs workers and the budget nothing", () => {
    const p = row("pilot");
    expect(p.expectedEnrolled).toBeGreaterThan(6_600_000);
    expect(p.expectedEnrolled).toBeLessThan(6_760_000);
    expect(p.net).toBe(0);
    expect(p.subsidies.budget).toBe(0);
    expect(p.subsidies.platform).toBeCloseTo(p.gross, 0);
  }, 300_000);

  it("pays nothing for off-order injuries under the pilot", () => {
    const offOrderOnly = JSON.parse(JSON.stringify(json));
    const o = offOrderOnly.options.find((x: { id: string }) => x.id === "pilot");
    // The off-order categories are rates (claims per on-order claim); alone, they are the shares.
    o.claims.categories = o.claims.categories
      .filter((c: { name: string }) => c.name.startsWith("off-order"))
      .map(({ rate: _rate, ...c }: { rate?: unknown }) => ({ ...c, weight: 0.5 }));
    offOrderOnly.options = [o];
    delete offOrderOnly.calibration;
    const s = parseScenario(resolveScenario(offOrderOnly, figures));
    const [r] = runPlan(compile(s.scenario, s.options), { replicates: 1, uncertainty: false });
    expect(r!.claims).toBeGreaterThan(0);
    expect(r!.benefits).toBe(0);
  }, 300_000);
});
