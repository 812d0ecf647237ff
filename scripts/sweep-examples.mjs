#!/usr/bin/env node
// Runs every shipped sweep design (simulations/sweeps/*.json) and merges it into the Arrow file
// the sweep page shows (src/data/sweeps/<id>.arrow; the page loads a copy cut at build time to what
// it reads, src/data/sweeps/<id>-page.arrow.ts): `npm run sweep:examples`. The files record the
// hash of their design and resolved base scenario; test/data/sweep-examples.test.ts fails when a
// design or its scenario changed since, naming this command.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const designs = readdirSync("simulations/sweeps").filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
const only = process.argv.slice(2);
mkdirSync("src/data/sweeps", { recursive: true });
for (const file of designs) {
  const id = file.replace(/\.json$/, "");
  if (only.length > 0 && !only.includes(id)) continue;
  const dir = mkdtempSync(join(tmpdir(), `puhui-sweep-${id}-`));
  try {
    const run = (...args) => execFileSync(process.execPath, ["bin/puhui.js", ...args], { stdio: ["ignore", "inherit", "inherit"] });
    run("sweep", join("simulations/sweeps", file), "--workers", "2", "--out", dir);
    run("sweep", "merge", dir, "--db", join(dir, "sweep.duckdb"), "--arrow", join("src/data/sweeps", `${id}.arrow`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
