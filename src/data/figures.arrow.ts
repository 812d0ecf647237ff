// Data loader: the sourced figures (data/figures.csv, validated) as Arrow IPC for pages and DuckDB-wasm.
import * as aq from "arquero";
import { readFigures } from "../figures/read-figures.js";

const figures = readFigures();
process.stdout.write(aq.from(figures).toArrowIPC());
