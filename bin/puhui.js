#!/usr/bin/env node
// The `puhui` command: registers tsx so the TypeScript CLI runs without a build step.
import { register } from "tsx/esm/api";

// A reader that stops early (`puhui … | head`) closes the pipe: stop quietly, not with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import("../simulations/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
