#!/usr/bin/env node
// Tiny launcher: run a TypeScript entry point under tsx, e.g. `node bin/run-ts.js simulations/bench/index.ts`.
// Arguments after the script path are left in process.argv for the script (process.argv.slice(3)).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

if (!process.argv[2]) {
  console.error("usage: node bin/run-ts.js <script.ts> [args...]");
  process.exit(2);
}
register();
await import(pathToFileURL(resolve(process.argv[2])).href);
