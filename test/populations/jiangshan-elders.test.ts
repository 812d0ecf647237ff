/** Jiangshan's 80+ residents: enrolled and paid for by the town's business-chamber firms (seed 003 l.31). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figure } from "../../src/figures/figures.js";
import { readFigures } from "../../src/figures/read-figures.js";
import { jiangshanElders } from "../../src/populations/jiangshan-elders.js";
import { resolveScenario } from "../../src/populations/resolve.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const figures = readFigures();
type Cell = { id: string; count: number; attributes: Record<string, unknown>; purchase?: Record<string, unknown> };

describe("jiangshan-elders builder", () => {
  it("the seed says the chamber's firms, not the town budget, enrolled the 80+ residents", () => {
    const seed = readFileSync(new URL("../../data/seeds/003_11be16c1714b1987.txt", import.meta.url), "utf-8").split("\n");
    expect(seed[30]).toContain("姜山镇商会企业为3625位80周岁以上户籍老人统一参保");
    expect(seed[30]).toContain("为3732位80周岁以上的户籍老人统一参保");
  });

  for (const year of [2022, 2023] as const) {
    it(`${year}: the elders' cells are paid by the chamber and add up to the seed's count`, () => {
      const cells = (jiangshanElders.build({ year, others: true }, figures) as { cells: Cell[] }).cells;
      const elders = cells.filter((c) => c.attributes["group"] === "town-paid");
      expect(elders.length).toBe(2);
      expect(elders.every((c) => c.purchase?.["payer"] === "chamber")).toBe(true);
      expect(elders.reduce((a, c) => a + c.count, 0)).toBe(year === 2022 ? 3625 : 3732);
      expect(figure(figures, `jiangshan.elders_enrolled_${year}`).value).toBe(year === 2022 ? 3625 : 3732);
      // Nobody else in the population is paid for by the town.
      expect(cells.some((c) => c.purchase?.["payer"] === "town")).toBe(false);
    });
  }

  it("the scenario books the elders' 100 元 premiums to the chamber: 3732 × 100 = 373200 元", () => {
    const json = JSON.parse(readFileSync(new URL("../../simulations/scenarios/jiangshan-80plus.json", import.meta.url), "utf-8"));
    const { scenario, options } = parseScenario(resolveScenario(json, figures));
    const rows = runPlan(compile(scenario, options), { replicates: 2 });
    const r = rows.find((x) => x.option === "town-paid")!;
    expect(r.subsidies.chamber).toBe(373200);
    expect(r.subsidies.town).toBe(0);
    expect(r.net).toBe(0);
  });
});
