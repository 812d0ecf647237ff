/**
 * The `puhui sweep` commands: run a shard of a sweep design, merge the shards into DuckDB, and
 * analyse the merged sweep (Sobol indices, the feasible region). See docs/scale.md.
 */
import type { Command } from "./command.js";

// The sweep modules load DuckDB's native binding: only when a sweep command runs, so every other
// command starts without it.
const runSweep: Command["run"] = async (args, io) => (await import("./sweep-run.js")).runSweep(args, io);
const runMerge: Command["run"] = async (args, io) => (await import("./sweep-merge.js")).runMerge(args, io);
const runAnalyse: Command["run"] = async (args, io) => (await import("./sweep-analyse.js")).runAnalyse(args, io);

export const sweep: Command = {
  path: ["sweep"],
  summary: "run (a shard of) a sweep design's points; Parquet and a manifest in --out",
  usage: `Usage: puhui sweep <design.json> [--shard i/n] [--workers K] [--batch B] --out <dir>
       puhui sweep merge <dir> [--db sweep.duckdb] [--replicates] [--arrow sweep.arrow]
       puhui sweep analyse <sweep.duckdb> [--option ID] [--loss-ratio low:high] [--confidence C]

Runs the design points of shard i of n (the points whose id ≡ i mod n; default 0/1, all of them)
of a sweep design (simulations/sweeps/*.json: a base scenario, factors, a grid, Latin hypercube
or Saltelli design; schema simulations/sweeps/sweep.schema.json). Each point has its own seed,
derived from the design's seed and the point's id, so any shard, re-run or split gives the same
rows to the bit. Rows are written as Parquet files of B points each (temporary name, then
renamed), with a manifest (design hash, version, shard, points done, time). Points already in
<dir> are skipped: a killed shard resumes where it stopped when run again.
  --shard i/n   0 ≤ i < n ≤ 100000 (e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)
  --workers K   run the shard as K processes (sub-shards i+n·w of n·K), 1 to 64 (more than
                the CPUs: one per CPU); the results are the same for any K
  --batch B     points per Parquet file, 1 to 100000 (default 16)
  --out DIR     the sweep's directory, shared by all shards (created if missing)
Progress on stderr (a bar on a terminal); one line on stdout when done. See docs/scale.md.
`,
  run: runSweep,
};

export const sweepMerge: Command = {
  path: ["sweep", "merge"],
  summary: "check a sweep's shards (one design, one version, every point once) and build one DuckDB file",
  usage: `Usage: puhui sweep merge <dir> [--db sweep.duckdb] [--replicates] [--arrow sweep.arrow]

Checks that every shard in <dir> comes from the same design and puhui version and that every
design point is present exactly once (else one line naming the shard), then builds a DuckDB
database (default <dir>/sweep.duckdb; replaced atomically) with the tables sweep (the design),
points (id, seed, factor values f_<name>), summaries (per point, option and year: mean, sd,
5 %, median, 95 % of loss ratio, premiums, subsidies, benefits, enrolment; P(loss ratio > 1)).
  --db FILE      the database to write
  --replicates   also store every replicate row (table replicates)
  --arrow FILE   also write one Arrow IPC file for the browser's sweep page (/sweeps): a row per
                 point, option and year with the design, factor values, summaries and every
                 replicate's loss ratio (replaced atomically)
`,
  run: runMerge,
};

export const sweepAnalyse: Command = {
  path: ["sweep", "analyse"],
  summary: "Sobol indices of a Saltelli sweep; the feasible region of a grid for a loss-ratio band",
  usage: `Usage: puhui sweep analyse <sweep.duckdb> [--option ID] [--year Y] [--bootstrap B]
                            [--loss-ratio low:high] [--confidence C] [--json]

A Saltelli design: Sobol first-order (Saltelli 2010) and total-effect (Jansen) indices of each
factor on the per-point mean loss ratio, gross premium and subsidy cost, per option, with 95 %
percentile bootstrap intervals (B resamples of the base rows, default 1000).
A grid or Latin hypercube: the points where P(low ≤ loss ratio ≤ high) ≥ C over the replicates
(default: the design's "target"); a two-factor grid is also shown as a table.
  --option ID        one option (default: all for Sobol; the target's or the first for a region)
  --year Y           the simulated year (default 1)
  --json             print the results as JSON
`,
  run: runAnalyse,
};

export const sweepCommands: Command[] = [sweep, sweepMerge, sweepAnalyse];
