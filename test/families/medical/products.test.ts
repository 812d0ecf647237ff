/**
 * The medical family's products are data: a folder with a `medical` spec in its scheme.yaml holds
 * YAML (and JSON) and the generated module only — no formulas.ts or inputs.ts — and is built by the
 * family; a scenario kept in the folder (src/schemes/<id>/scenario.json, e.g. 沪惠保 2021's)
 * reproduces the published figures it lists within the tolerance it documents.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../../src/figures/read-figures.js";
import { resolveScenario } from "../../../src/populations/resolve.js";
import { calibrate } from "../../../src/sim/calibrate.js";
import { parseScenario } from "../../../src/sim/scenario.js";
import { schemes } from "../../../src/schemes/index.js";

const dir = new URL("../../../src/schemes/", import.meta.url);
const products = schemes.filter((s) => readFileSync(new URL(`${s.id}/scheme.yaml`, dir), "utf-8").match(/^medical:/m));

describe("medical-family products", () => {
  it("include 工惠保, 天一甬宁保 and 沪惠保 2021", () => {
    expect(products.map((s) => s.id)).toEqual(expect.arrayContaining(["gonghuibao", "tianyi-yongningbao", "huhuibao-2021"]));
  });

  for (const s of products) {
    it(`${s.id}: a folder of data — no formulas.ts or inputs.ts; built by the family`, () => {
      const files = readdirSync(new URL(`${s.id}/`, dir)).sort();
      for (const f of files) expect(["cases.yaml", "page.yaml", "parameters.yaml", "scenario.json", "scheme.gen.ts", "scheme.yaml"], `src/schemes/${s.id}/${f}`).toContain(f);
      expect((s as { family?: string }).family).toBe("medical");
    });
  }

  const figures = readFigures();
  for (const s of products) {
    const file = new URL(`${s.id}/scenario.json`, dir);
    if (!existsSync(file)) continue;
    it(`src/schemes/${s.id}/scenario.json: every calibration target within its documented tolerance`, () => {
      const { scenario, options } = parseScenario(resolveScenario(JSON.parse(readFileSync(file, "utf-8")), figures));
      expect(options.map((o) => o.scheme.id)).toContain(s.id);
      const result = calibrate(scenario, options);
      expect(result.targets.length).toBeGreaterThan(0);
      expect(result.targets.filter((t) => !t.pass).map((t) => `${t.figure} ${t.metric}: model ${t.model}, target ${t.target}`)).toEqual([]);
    });
  }
});
