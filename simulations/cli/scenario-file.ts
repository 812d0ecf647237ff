/**
 * Reads a scenario file for the command line: JSON, resolved against the sourced figures
 * (data/figures.csv, data/assumptions/*.csv: figure references, population builders, calibration
 * targets) into a plain scenario. Errors: an unreadable file is a UsageError naming the path;
 * malformed JSON or a bad reference is an InputError naming the field. A UTF-8 byte-order mark is
 * ignored.
 */
import { readFileSync } from "node:fs";
import { readFigures } from "../../src/figures/read-figures.js";
import { resolveScenario } from "../../src/sim/resolve.js";
import { parseJsonText, stripBom } from "../../src/sim/scenario.js";
import { UsageError } from "./errors.js";

/** The scenario at `path`, resolved, as JSON text. */
export function readScenarioFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf-8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`cannot read scenario file ${JSON.stringify(path)} (${code})`);
  }
  text = stripBom(text);
  const json = parseJsonText(text, path);
  if (!text.includes('"figure"') && !text.includes('"builder"')) return text;
  return JSON.stringify(resolveScenario(json, readFigures()));
}
