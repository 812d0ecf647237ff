/**
 * ningbo-union-members and the ningbo-gonghuibao-2020 scenario: hand-checked counts from
 * data/assumptions/ningbo-gonghuibao.csv, the premium tiers and card subsidy of edge cells, the
 * scenario runs with its ledger adding up, the bank's subsidy is 30 元 per enrolled card holder,
 * and removing it lowers card holders' take-up only (hand-computed logistic probabilities).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { ningboUnionMembers } from "../../src/populations/ningbo-union-members.js";
import { getScheme } from "../../src/schemes/index.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
type Cell = { id: string; count: number; attributes: Record<string, string>; person: Record<string, unknown>; purchase?: Record<string, unknown> };
const cells = (ningboUnionMembers.build({}, figures) as { cells: Cell[] }).cells;
const sum = (f: (c: Cell) => boolean) => cells.filter(f).reduce((a, c) => a + c.count, 0);

describe("ningbo-union-members builder", () => {
  it("300 万 members and 0.8 dependants each: 540 万 people (hand-checked splits)", () => {
    expect(sum(() => true)).toBe(5_400_000);
    expect(sum((c) => c.attributes.role === "member")).toBe(3_000_000);
    // 5 % of members enrolled by their employer = 150 000; of the 285 万 others 20 % over 50 = 570 000.
    expect(sum((c) => c.attributes.enrolment === "group")).toBe(150_000);
    expect(sum((c) => c.attributes.role === "member" && c.attributes.enrolment === "voluntary" && c.attributes.age === ">50")).toBe(570_000);
    // Dependants 240 万, 35 % over 50 = 840 000; card holders 30 % of each voluntary cell.
    expect(sum((c) => c.attributes.role === "dependant" && c.attributes.age === ">50")).toBe(840_000);
    expect(sum((c) => c.attributes.card === "holder")).toBe(0.3 * 2_850_000 + 0.3 * 2_400_000);
    expect(cells.find((c) => c.id === "member/<=50/holder")!.count).toBe(684_000);
  });

  it("edge cells: the 50-year tier boundary, the card subsidy, and group purchase without it", () => {
    const scheme = getScheme("gonghuibao");
    const d = "2020-09-01";
    const quote = (person: Record<string, unknown>, purchase: Record<string, unknown> = {}) => scheme.premium(scheme.parsePerson(person), scheme.parsePurchase(purchase, d), d);
    expect(quote({ age: 50 }).gross).toBe(68);
    expect(quote({ age: 51 }).gross).toBe(168);
    for (const c of cells) {
      expect(scheme.eligibility(scheme.parsePerson(c.person), d).eligible).toBe(true);
      const q = quote(c.person, c.purchase ?? {});
      expect(q.gross).toBe(c.attributes.age === "<=50" ? 68 : 168);
      // Card holders buying themselves pay 30 元 less (38 / 138); employer-group members pay nothing.
      const expectedNet = c.attributes.enrolment === "group" ? 0 : q.gross - (c.attributes.card === "holder" ? 30 : 0);
      expect(q.net).toBe(expectedNet);
    }
  });
});

const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/ningbo-gonghuibao-2020.json", import.meta.url), "utf-8"));

describe("ningbo-gonghuibao-2020 scenario", () => {
  const { scenario, options } = parseScenario(resolveScenario(json, figures));

  it("runs; the ledger adds up; the bank pays 30 元 per enrolled card holder and nothing without the subsidy", () => {
    const rows = runPlan(compile(scenario, options, "fast"), { replicates: 5 });
    expect(rows).toHaveLength(10);
    const holders = structuredClone(json);
    for (const o of holders.options) o.cells = { card: ["holder"] };
    const h = parseScenario(resolveScenario(holders, figures));
    const holderRows = runPlan(compile(h.scenario, h.options, "fast"), { replicates: 5 });
    for (const r of rows) {
      const subsidies = Object.values(r.subsidies).reduce((a, b) => a + b, 0);
      expect(Math.abs(r.gross - r.net - subsidies)).toBeLessThan(1e-6 * r.gross);
      const same = holderRows.find((x) => x.replicate === r.replicate && x.option === r.option)!;
      expect(r.subsidies.bank).toBe(r.option === "as-launched" ? 30 * same.enrolled : 0);
      expect(r.subsidies.bank).toBeLessThanOrEqual(30_000_000);
    }
  });

  it("take-up at point values matches the logistic by hand; the subsidy moves card holders only", () => {
    const young = structuredClone(json);
    for (const o of young.options) o.cells = { role: ["member"], age: ["<=50"], enrolment: ["voluntary"] };
    const p = parseScenario(resolveScenario(young, figures));
    const rows = runPlan(compile(p.scenario, p.options, "fast"), { replicates: 1, uncertainty: false });
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    // logit p = −2.2 + (−1) × (net / 68 − 1): holders net 38, others 68.
    const holder = 684_000 * logistic(-2.2 - (38 / 68 - 1));
    const other = 1_596_000 * logistic(-2.2);
    const byOption = Object.fromEntries(rows.map((r) => [r.option, r.expectedEnrolled]));
    expect(byOption["as-launched"]!).toBeCloseTo(holder + other, 3);
    expect(byOption["no-bank-subsidy"]!).toBeCloseTo((684_000 + 1_596_000) * logistic(-2.2), 3);
    expect(byOption["no-bank-subsidy"]!).toBeLessThan(byOption["as-launched"]!);
  });

  it("pays the seed's 2020 worked example: (3.22 − 2) 万 × 100 % + (48.81 − 2) 万 × 75 % = 36.33 万 (seed 002 l.96–104)", () => {
    const scheme = options[0]!.scheme;
    const b = scheme.benefit(scheme.parseClaim({ inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 }), scheme.parsePerson({}), "2020-09-01");
    expect(b.payout).toBeCloseTo(12200 + 351075, 2);
  });
});
