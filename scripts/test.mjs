#!/usr/bin/env node
/**
 * `npm test`: every stage runs even when an earlier one fails, and the exit status is non-zero if
 * any did. Stages: the browser check (finds Chromium, or installs Debian's as root, or stops with
 * a one-line instruction), the CLI bundle, the type check, the unit tests, the site build and the
 * end-to-end tests in headless Chromium (skipped, and counted as failed, when the build failed).
 * The site build runs beside the type check and the unit tests (they need no dist/, and the unit
 * tests keep one core busy), its output held back and printed when it and they are done.
 * Extra arguments go to both vitest runs (e.g. `npm test -- --reporter=dot`).
 */
import { spawn } from "node:child_process";
import { ensureChromium } from "./find-chromium.mjs";

const extra = process.argv.slice(2);
const results = [];

/**
 * Runs one stage and records its result. With `hold`, its output is collected instead of shown
 * and `stage` resolves to { ok, output } for the caller to print.
 */
function stage(name, command, args, { env = process.env, hold = false } = {}) {
  const started = Date.now();
  const header = `\n── ${name}: ${[command, ...args].join(" ")}\n`;
  if (!hold) process.stderr.write(header);
  const chunks = [Buffer.from(header)];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: hold ? ["ignore", "pipe", "pipe"] : "inherit", env });
    if (hold) {
      child.stdout.on("data", (c) => chunks.push(c));
      child.stderr.on("data", (c) => chunks.push(c));
    }
    let error = null;
    child.on("error", (e) => (error = e));
    child.on("close", (code, signal) => {
      const ok = code === 0 && !error;
      results.push({ name, ok, seconds: (Date.now() - started) / 1000, note: ok ? "" : error ? error.message : `exit ${code ?? signal}` });
      resolve({ ok, output: Buffer.concat(chunks) });
    });
  });
}

const started = Date.now();
const browser = ensureChromium();
if (browser.error) {
  process.stderr.write(`npm test: ${browser.error}\n`);
  process.exit(1);
}
process.stderr.write(`browser: ${browser.path}\n`);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
await stage("CLI bundle", process.execPath, ["scripts/build-cli.mjs", "--if-stale"]);
process.stderr.write("\n── site build: runs beside the type check and the unit tests; its output follows them\n");
const build = stage("site build", npm, ["run", "build", "--silent"], { hold: true });
await stage("type check", npx, ["tsc", "--noEmit"]);
await stage("unit tests", npx, ["vitest", "run", "--project", "unit", ...extra]);
const built = await build;
process.stderr.write(built.output);
if (built.ok) {
  await stage("e2e tests", npx, ["vitest", "run", "--project", "e2e", ...extra], { env: { ...process.env, CHROMIUM_PATH: browser.path } });
} else {
  results.push({ name: "e2e tests", ok: false, seconds: 0, note: "not run: the site build failed" });
}

const order = ["CLI bundle", "type check", "unit tests", "site build", "e2e tests"];
results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
const width = Math.max(...results.map((r) => r.name.length));
process.stderr.write("\n── npm test summary\n");
for (const r of results) process.stderr.write(`${r.ok ? "pass" : "FAIL"}  ${r.name.padEnd(width)}  ${r.seconds.toFixed(0).padStart(4)} s  ${r.note}\n`);
const failed = results.filter((r) => !r.ok).length;
process.stderr.write(`${failed === 0 ? "all passed" : `${failed} stage(s) failed`} in ${((Date.now() - started) / 1000).toFixed(0)} s (the site build overlaps the type check and unit tests)\n`);
process.exit(failed === 0 ? 0 : 1);
