// Data loader (parameterised): one scenario's dashboard entry as scenario/<id>.json gives it, but
// without the baseline summaries, and with the scenario file and the figures it cites instead of the resolved text — for a
// scenario whose built population is large (the national one: 768 cells, 302 kB of its 358 kB).
// The page resolves it with the same pure function as the command line (src/populations/resolve.ts:
// resolveScenario(source, figures)), so the worker runs the identical text. The figures are the
// ones resolution reads, with the fields it reads (tracked here), and this loader fails unless resolving with them alone
// gives exactly the text scenario/<id>.json carries (issue 15: page weight).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readFigures } from "../../figures/read-figures.js";
import type { Figure } from "../../figures/figures.js";
import { resolveScenario } from "../../populations/resolve.js";
import { parseJsonText, stripBom } from "../../sim/scenario.js";
import { scenarioEntry } from "../scenario-entry.js";
import { scenarioFileOf } from "../scheme-page/scenario.js";

const { values } = parseArgs({ options: { id: { type: "string" } } });
const file = scenarioFileOf(values.id ?? "");
// The baseline summaries stay in scenario/<id>.json and summaries.json: the live panel re-runs.
const { scenarioText, summaries: _summaries, ...entry } = scenarioEntry(file);
// The file's JSON without its indentation (resolution reads the parsed value, not the layout).
const source = JSON.stringify(parseJsonText(stripBom(readFileSync(new URL(`../../../${entry.path}`, import.meta.url), "utf-8")), entry.path));

// A figure counts as read when resolution touches any field but its id (a lookup reads every id);
// it is sent with its id and the fields read (a figure used as a number needs only its value).
const all = readFigures();
const read = new Map<string, Set<string>>();
const tracked = all.map(
  (f) =>
    new Proxy(f, {
      get: (target, key, receiver) => {
        if (key !== "id" && typeof key === "string") read.set(target.id, (read.get(target.id) ?? new Set<string>()).add(key));
        return Reflect.get(target, key, receiver);
      },
    }),
);
const resolve = (figures: readonly Figure[]) => JSON.stringify(resolveScenario(parseJsonText(source, entry.path), figures));
const withAll = resolve(tracked);
const figures = all
  .filter((f) => read.has(f.id))
  .map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k === "id" || read.get(f.id)!.has(k))) as unknown as Figure);
if (withAll !== scenarioText || resolve(figures) !== scenarioText) {
  throw new Error(`${entry.path}: resolving with the ${figures.length} figures it reads does not give the scenario text the site runs`);
}
process.stdout.write(JSON.stringify({ ...entry, source, figures }));
