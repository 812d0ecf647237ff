/**
 * Reads a scenario file for the command line: JSON, resolved against the sourced figures
 * (data/figures.csv, data/assumptions/*.csv: figure references, population builders, calibration
 * targets) into a plain scenario (src/populations/scenario-file.ts). Errors: an unreadable file is
 * a UsageError naming the path; malformed JSON or a bad reference is an InputError naming the
 * field. A UTF-8 byte-order mark is ignored.
 */
import { readFileSync } from "node:fs";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
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
  return resolveScenarioText(text, path);
}
