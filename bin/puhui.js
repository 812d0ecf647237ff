#!/usr/bin/env node
// The `puhui` command. Runs the built CLI (build/cli/, plain JavaScript made by
// scripts/build-cli.mjs at install time); rebuilds it first when a source file is newer, and
// falls back to running the TypeScript sources under tsx when it cannot be built.
import { readFileSync } from "node:fs";

// A reader that stops early (`puhui … | head`) closes the pipe: stop quietly, not with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The version is package.json's: print it without loading the command line at all.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf-8")).version}\n`);
  process.exit(0);
}

let cli;
try {
  const { buildCli, isStale } = await import("../scripts/build-cli.mjs");
  if (isStale()) await buildCli();
  cli = await import("../build/cli/main.js");
} catch (error) {
  if (process.env["PUHUI_DEBUG"]) console.error(`puhui: built CLI unavailable (${error instanceof Error ? error.message : error}); running the sources under tsx`);
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../simulations/cli/main.ts");
}
process.exitCode = await cli.main(argv);
