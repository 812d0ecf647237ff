/** Node-only: reads and validates data/figures.csv from the project root. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseFigures, type Figure } from "./figures.js";

export const FIGURES_PATH = fileURLToPath(new URL("../../data/figures.csv", import.meta.url));

export function readFigures(path: string = FIGURES_PATH): Figure[] {
  return parseFigures(readFileSync(path, "utf-8"));
}
