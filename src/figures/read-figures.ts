/**
 * Node-only: reads and validates the sourced figures — data/figures.csv (sources and public
 * statistics) and data/assumptions/*.csv (labelled assumptions with priors, one file per
 * population) — into one list; an id defined twice is an error naming both files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../rules/input-error.js";
import { parseFigures, type Figure } from "./figures.js";

export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export function figureFiles(dataDir: string = DATA_DIR): string[] {
  const files = [join(dataDir, "figures.csv")];
  const dir = join(dataDir, "assumptions");
  if (existsSync(dir)) for (const f of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) files.push(join(dir, f));
  return files;
}

export function readFigures(dataDir: string = DATA_DIR): Figure[] {
  const all: Figure[] = [];
  const where = new Map<string, string>();
  for (const path of figureFiles(dataDir)) {
    const name = path.slice(dataDir.length);
    for (const f of parseFigures(readFileSync(path, "utf-8"), name)) {
      const other = where.get(f.id);
      if (other) throw new InputError(`${name}, id`, `"${f.id}" is already defined in ${other}`);
      where.set(f.id, name);
      all.push(f);
    }
  }
  return all;
}
