/**
 * Node only: a scenario file's text, resolved against the sourced figures (data/figures.csv,
 * data/assumptions/*.csv: figure references, population builders, calibration targets) into a
 * plain scenario's JSON text. Shared by the command line (simulations/cli/scenario-file.ts, which
 * adds its own error for an unreadable file) and the baseline runs behind the site
 * (simulations/baseline.ts), so neither imports the other. A UTF-8 byte-order mark is ignored;
 * malformed JSON or a bad reference is an InputError naming the field.
 */
import { readFigures } from "../figures/read-figures.js";
import { parseJsonText, stripBom } from "../sim/scenario.js";
import { resolveScenario } from "./resolve.js";

/** The scenario JSON `text` (read from `source`, named in errors), resolved, as JSON text. */
export function resolveScenarioText(text: string, source: string): string {
  const clean = stripBom(text);
  const json = parseJsonText(clean, source);
  if (!clean.includes('"figure"') && !clean.includes('"builder"')) return clean;
  return JSON.stringify(resolveScenario(json, readFigures()));
}
