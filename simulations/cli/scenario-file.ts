/**
 * Reads a scenario file for the command line: JSON, resolved against the sourced figures
 * (data/figures.csv, data/assumptions/*.csv: figure references, population builders, calibration
 * targets) into a plain scenario. Errors: an unreadable file is a UsageError naming the path;
 * malformed JSON or a bad reference is an InputError naming the field.
 */
import { readFileSync } from "node:fs";
import { readFigures } from "../../src/figures/read-figures.js";
import { InputError } from "../../src/rules/input-error.js";
import { resolveScenario } from "../../src/sim/resolve.js";
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!text.includes('"figure"') && !text.includes('"builder"')) return text;
  return JSON.stringify(resolveScenario(json, readFigures()));
}
