/**
 * A scheme's own scenario (src/schemes/<id>/scenario.json) counts: the scheme page shows it as a
 * live panel when page.yaml names no population, and the scenario data loader serves it as
 * scenario/<scheme id>.json (src/data/scheme-page/scenario.ts). 沪惠保 2021, added as one folder,
 * is the case in the tree; temporary folders give the edge cases.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scenarioPath } from "../../../simulations/baseline.js";
import { readSchemePage } from "../../../src/data/scheme-page/page.js";
import { ownScenarioFile, populationOf, scenarioFileOf } from "../../../src/data/scheme-page/scenario.js";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
/** Throwaway src/schemes/ and simulations/scenarios/ folders (each ends in /, as the real ones). */
function dirs(schemes: string[], shipped: string[]) {
  const root = mkdtempSync(join(tmpdir(), "scheme-scenario-"));
  roots.push(root);
  const d = { schemes: `${root}/schemes/`, scenarios: `${root}/scenarios/` };
  mkdirSync(d.scenarios, { recursive: true });
  for (const id of schemes) {
    mkdirSync(`${d.schemes}${id}`, { recursive: true });
    writeFileSync(`${d.schemes}${id}/scenario.json`, "{}");
  }
  for (const name of shipped) writeFileSync(`${d.scenarios}${name}.json`, "{}");
  return d;
}

describe("a scheme's own scenario", () => {
  it("沪惠保 2021's page shows its folder's scenario; a page.yaml population still wins", () => {
    expect(ownScenarioFile("huhuibao-2021")).toBe("src/schemes/huhuibao-2021/scenario.json");
    expect(readSchemePage("huhuibao-2021").population).toBeUndefined();
    expect(populationOf(readSchemePage("huhuibao-2021"), "huhuibao-2021")).toEqual({ scenario: "huhuibao-2021" });
    const gonghuibao = readSchemePage("gonghuibao");
    expect(gonghuibao.population).toBeDefined();
    expect(populationOf(gonghuibao, "gonghuibao")).toBe(gonghuibao.population);
    expect(ownScenarioFile("gonghuibao")).toBeNull();
  });

  it("no page.yaml population and no scenario.json: no population", () => {
    const d = dirs(["with"], []);
    mkdirSync(`${d.schemes}without`);
    expect(populationOf({}, "without", d.schemes)).toBeUndefined();
    expect(populationOf({}, "with", d.schemes)).toEqual({ scenario: "with" });
  });

  it("the data loader's name → file: shipped by name, a scheme's own by its path, else an error", () => {
    expect(scenarioFileOf("ningbo-linghuobao")).toBe("ningbo-linghuobao.json");
    expect(scenarioFileOf("huhuibao-2021")).toBe("src/schemes/huhuibao-2021/scenario.json");
    expect(scenarioPath(scenarioFileOf("ningbo-linghuobao"))).toBe("simulations/scenarios/ningbo-linghuobao.json");
    expect(scenarioPath(scenarioFileOf("huhuibao-2021"))).toBe("src/schemes/huhuibao-2021/scenario.json");
    expect(() => scenarioFileOf("gonghuibao")).toThrow("scenario: no scenario named gonghuibao (neither simulations/scenarios/gonghuibao.json nor src/schemes/gonghuibao/scenario.json)");
    expect(() => scenarioFileOf("../etc")).toThrow('scenario: "../etc" is not a scenario name');
    const d = dirs(["twice"], ["twice"]);
    expect(() => scenarioFileOf("twice", d)).toThrow("scenario: two scenarios are named twice: simulations/scenarios/twice.json and src/schemes/twice/scenario.json");
  });

  it("the page loader prints 沪惠保 2021's page with the live panel on scenario/huhuibao-2021.json", () => {
    const md = execFileSync(process.execPath, ["--import", "tsx", "src/schemes/[scheme].md.ts", "--scheme", "huhuibao-2021"], { encoding: "utf-8" });
    expect(md).toContain('import {EngineClient} from "../sim/engine-protocol.js";');
    expect(md).toContain('FileAttachment("../data/scenario/huhuibao-2021.json")');
    expect(md).toContain("scenarioSection(scenarioBaseline, engine, lang)");
  }, 300_000);
});
