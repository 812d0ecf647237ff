/**
 * Layering (issue 11), checked on the import graph by scripts/check-layers.mjs: no import breaks
 * a layering rule (the engine never imports the population builders, the command line or the
 * site; the baseline runs never import the command line …), and no cycle of layers runs through
 * the engine or the population builders.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/check-layers.mjs", import.meta.url));

interface Report {
  layerCycles: { layers: string[] }[];
  broken: { rule: string; imports: string[] }[];
}

function report(): Report {
  try {
    return JSON.parse(execFileSync(process.execPath, [script, "--json"], { encoding: "utf-8" })) as Report;
  } catch (error) {
    // Exit status 1 when anything is found; the report is on stdout either way.
    return JSON.parse((error as { stdout: string }).stdout) as Report;
  }
}

describe("layers", () => {
  const r = report();
  it("no import breaks a layering rule", () => {
    expect(r.broken).toEqual([]);
  });
  it("no cycle of layers runs through src/sim or src/populations", () => {
    expect(r.layerCycles.filter((c) => c.layers.some((l) => l === "src/sim" || l === "src/populations"))).toEqual([]);
  });
});
