/**
 * Section "cli": the `puhui` command as a whole process (Node start-up, the built bundle,
 * validation, compile, replicates, output), each against `node -e 0` on the same machine load, so
 * the ratio holds on a busy machine. Targets (robust-tests issue): `puhui --version` within 2× of
 * `node -e 0` (ratio ≥ 0.5×); the shipped national scenario, 1000 replicates in fast mode,
 * ≤ 1.5 s wall here (see the note: its ratio is also printed against the empty process).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bench } from "./framework.js";

const S = "cli";
const root = fileURLToPath(new URL("../../", import.meta.url));
const node = (...args: string[]) => () => execFileSync(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] }).length;
const BASE = "node -e 0 (empty Node process)";

// The bundle is rebuilt by bin/puhui.js when a source is newer; build it once before timing.
node("scripts/build-cli.mjs", "--if-stale")();

// units: 1, so the table's time/call column gives each process's wall time in seconds.
bench(S, BASE, node("-e", "0"), { iterations: 1, units: 1 });
bench(S, "puhui --version", node("bin/puhui.js", "--version"), { iterations: 1, units: 1, baseline: BASE, note: "target ≥ 0.5× (within 2× of node -e 0)" });
bench(S, "puhui --help", node("bin/puhui.js", "--help"), { iterations: 1, units: 1, baseline: BASE });
bench(S, "puhui rules list", node("bin/puhui.js", "rules", "list"), { iterations: 1, units: 1, baseline: BASE });
bench(
  S,
  "puhui simulate national-new-form-workers --replicates 1000 --mode fast",
  node("bin/puhui.js", "simulate", "simulations/scenarios/national-new-form-workers.json", "--replicates", "1000", "--mode", "fast"),
  { iterations: 1, units: 1, baseline: BASE, note: "target ≤ 1.5 s wall: the time/call column" },
);
bench(
  S,
  "puhui simulate national-bench (8400 万 people, 320 cells)",
  node("bin/puhui.js", "simulate", "simulations/bench/national-bench.json"),
  { iterations: 1, units: 1, baseline: BASE },
);
