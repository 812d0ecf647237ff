/**
 * Posterior files (`puhui calibrate --posterior --out post.json|post.arrow`, read by
 * `puhui simulate --posterior`): equally weighted draws of the free assumptions with the
 * scenario, seed, ESS and diagnostics they came from. JSON holds everything; Arrow IPC holds one
 * Float64 column per assumption and the rest as JSON in the schema metadata ("puhui.posterior").
 */
import { Table, makeVector, tableFromIPC, tableToIPC, type Vector } from "apache-arrow";
import { InputError } from "../../rules/input-error.js";
import type { PosteriorResult } from "./posterior.js";

export const POSTERIOR_FORMAT = "puhui-posterior/1";

export interface PosteriorFile extends Omit<PosteriorResult, "draws"> {
  format: typeof POSTERIOR_FORMAT;
  /** The command that made it. */
  command: string;
  draws: number[][];
}

export function posteriorFile(result: PosteriorResult, command: string): PosteriorFile {
  return { format: POSTERIOR_FORMAT, command, ...result };
}

export function posteriorJson(file: PosteriorFile): string {
  return `${JSON.stringify(file)}\n`;
}

export function posteriorArrow(file: PosteriorFile): Uint8Array {
  const columns: Record<string, Vector> = {};
  file.names.forEach((name, k) => (columns[name] = makeVector(Float64Array.from(file.draws, (d) => d[k]!))));
  const table = new Table(columns);
  const meta = { ...file, draws: undefined };
  table.schema.metadata.set("puhui.posterior", JSON.stringify(meta));
  return tableToIPC(table, "stream");
}

/** Reads a posterior file (JSON or Arrow IPC by content); `field` names the flag in errors. */
export function readPosterior(bytes: Uint8Array, field: string): PosteriorFile {
  const bad = (what: string): never => {
    throw new InputError(field, `${what} (allowed: a file written by puhui calibrate --posterior --out)`);
  };
  const head = new TextDecoder().decode(bytes.subarray(0, 1)).trim();
  let file: PosteriorFile;
  if (head === "{") {
    try {
      file = JSON.parse(new TextDecoder().decode(bytes)) as PosteriorFile;
    } catch {
      return bad("not valid JSON");
    }
  } else {
    let table: Table;
    try {
      table = tableFromIPC(bytes);
    } catch {
      return bad("neither JSON nor Arrow IPC");
    }
    const meta = table.schema.metadata.get("puhui.posterior");
    if (!meta) return bad("an Arrow file without puhui.posterior metadata");
    file = JSON.parse(meta) as PosteriorFile;
    const cols = file.names.map((n) => table.getChild(n));
    if (cols.some((c) => !c)) return bad("an Arrow file missing an assumption column");
    file.draws = Array.from({ length: table.numRows }, (_, i) => cols.map((c) => Number(c!.get(i))));
  }
  if (file?.format !== POSTERIOR_FORMAT) return bad(`not a posterior file (format ${JSON.stringify(file?.format)})`);
  if (!Array.isArray(file.names) || !Array.isArray(file.draws) || file.draws.length === 0) return bad("no draws");
  for (const d of file.draws) if (!Array.isArray(d) || d.length !== file.names.length || d.some((x) => !Number.isFinite(x))) return bad("a draw that is not a row of finite numbers, one per assumption");
  return file;
}
