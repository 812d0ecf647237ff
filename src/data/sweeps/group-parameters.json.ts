// Data loader: for each shipped sweep design (simulations/sweeps/*.json) with groups, the value in
// force of each group's pricing parameter (a group level's `parameter`, e.g. a sector's rate per
// order) on the base scenario's date, and the base scenario's reform of it if any — so the sweep
// page can show a scale factor's levels as that group's rate in 元 without loading the rules
// (read at build time from parameters.yaml through the schemes' registry).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDesign } from "../../sim/design.js";
import { getScheme } from "../../schemes/index.js";
import { schemeOfPath } from "../../sim/design.js";

const root = fileURLToPath(new URL("../../../simulations/sweeps/", import.meta.url));
const out: Record<string, { date: string; parameters: Record<string, { value: number; unit: string }> }> = {};
for (const file of readdirSync(root).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))) {
  const design = parseDesign(JSON.parse(readFileSync(join(root, file), "utf-8")));
  const paths = (design.groups ?? []).flatMap((g) => g.levels.flatMap((l) => (l.parameter !== undefined ? [l.parameter] : [])));
  if (paths.length === 0) continue;
  const scenario = JSON.parse(readFileSync(join(dirname(join(root, file)), design.scenario), "utf-8")) as { date: string; options: { id: string; reform?: Record<string, number> }[] };
  const parameters: Record<string, { value: number; unit: string }> = {};
  for (const path of paths) {
    const p = getScheme(schemeOfPath(path)).parameters;
    const reformed = scenario.options.find((o) => (design.options === undefined || design.options.includes(o.id)) && o.reform?.[path] !== undefined)?.reform?.[path];
    parameters[path] = { value: reformed ?? p.v(path, scenario.date), unit: p.param(path).unit };
  }
  out[design.id] = { date: scenario.date, parameters };
}
process.stdout.write(JSON.stringify(out));
