#!/usr/bin/env node
/**
 * `npm test`: every stage runs even when an earlier one fails, and the exit status is non-zero if
 * any did. Stages: the browser check (finds Chromium, or installs Debian's as root, or stops with
 * a one-line instruction), the CLI bundle, the type check, the unit tests, the site build and the
 * end-to-end tests in headless Chromium (skipped, and counted as failed, when the build failed).
 * Extra arguments go to both vitest runs (e.g. `npm test -- --reporter=dot`).
 */
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./find-chromium.mjs";

const extra = process.argv.slice(2);
const results = [];

function stage(name, command, args, env = process.env) {
  const started = Date.now();
  process.stderr.write(`\n── ${name}: ${[command, ...args].join(" ")}\n`);
  const r = spawnSync(command, args, { stdio: "inherit", env });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000, note: ok ? "" : r.error ? r.error.message : `exit ${r.status ?? r.signal}` });
  return ok;
}

const started = Date.now();
const browser = ensureChromium();
if (browser.error) {
  process.stderr.write(`npm test: ${browser.error}\n`);
  process.exit(1);
}
process.stderr.write(`browser: ${browser.path}\n`);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
stage("CLI bundle", process.execPath, ["scripts/build-cli.mjs", "--if-stale"]);
stage("type check", npx, ["tsc", "--noEmit"]);
stage("unit tests", npx, ["vitest", "run", "--project", "unit", ...extra]);
if (stage("site build", "npm", ["run", "build", "--silent"])) {
  stage("e2e tests", npx, ["vitest", "run", "--project", "e2e", ...extra], { ...process.env, CHROMIUM_PATH: browser.path });
} else {
  results.push({ name: "e2e tests", ok: false, seconds: 0, note: "not run: the site build failed" });
}

const width = Math.max(...results.map((r) => r.name.length));
process.stderr.write("\n── npm test summary\n");
for (const r of results) process.stderr.write(`${r.ok ? "pass" : "FAIL"}  ${r.name.padEnd(width)}  ${r.seconds.toFixed(0).padStart(4)} s  ${r.note}\n`);
const failed = results.filter((r) => !r.ok).length;
process.stderr.write(`${failed === 0 ? "all passed" : `${failed} stage(s) failed`} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
process.exit(failed === 0 ? 0 : 1);
