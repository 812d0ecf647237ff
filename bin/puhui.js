#!/usr/bin/env node
// The `puhui` command. Runs the built CLI (build/cli/, plain JavaScript made by
// scripts/build-cli.mjs at install time); rebuilds it first when a source file is newer, and
// falls back to running the TypeScript sources under tsx when it cannot be built.
import { buildCli, isStale } from "../scripts/build-cli.mjs";

// A reader that stops early (`puhui … | head`) closes the pipe: stop quietly, not with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

let cli;
try {
  if (isStale()) await buildCli();
  cli = await import("../build/cli/main.js");
} catch (error) {
  if (process.env["PUHUI_DEBUG"]) console.error(`puhui: built CLI unavailable (${error instanceof Error ? error.message : error}); running the sources under tsx`);
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../simulations/cli/main.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
