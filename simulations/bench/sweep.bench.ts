/**
 * Section "sweep": `puhui sweep` as whole processes on the national-size bench scenario
 * (simulations/bench/national-bench.json: 8400 万 people in 320 cells, one option): a 16-point
 * Latin hypercube over the claim frequency and cost level with 200 replicates a point (parameter
 * uncertainty on), run with 1 and with 2 worker threads into a fresh directory each time. The
 * figure is design points per second (process start, compile, Parquet writes included); with one
 * worker that is the rate per core, and the ratio of the 2-worker case is the scaling from 1 to 2
 * workers. docs/scale.md turns these into wall times for large sweeps.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bench } from "./framework.js";

const S = "sweep";
const root = fileURLToPath(new URL("../../", import.meta.url));
const POINTS = 64;
const dir = mkdtempSync(join(tmpdir(), "puhui-sweep-bench-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const design = join(dir, "design.json");
writeFileSync(
  design,
  JSON.stringify({
    id: "bench-lhs",
    scenario: join(root, "simulations/bench/national-bench.json"),
    seed: 1,
    replicates: 200,
    factors: [
      { kind: "assumption", name: "freq", assumption: "freq", prior: true },
      { kind: "assumption", name: "scale", assumption: "scale", prior: true },
    ],
    design: { type: "lhs", points: POINTS },
  }),
);

// The bundle is rebuilt by bin/puhui.js when a source is newer; build it once before timing.
execFileSync(process.execPath, ["scripts/build-cli.mjs", "--if-stale"], { cwd: root });

const sweep = (workers: number) => () => {
  const out = join(dir, `out-${workers}`);
  rmSync(out, { recursive: true, force: true });
  return execFileSync(process.execPath, ["bin/puhui.js", "sweep", design, "--workers", String(workers), "--out", out], { cwd: root, stdio: ["ignore", "pipe", "pipe"] }).length;
};

const ONE = `puhui sweep, ${POINTS}-point LHS on national-bench, 200 replicates/point, --workers 1 (points/s per core)`;
bench(S, ONE, sweep(1), { iterations: 1, units: POINTS });
bench(S, `puhui sweep, same design, --workers 2 (ratio = scaling 1 → 2 workers)`, sweep(2), { iterations: 1, units: POINTS, baseline: ONE, note: "ideal 2× on 2 idle cores" });
