/**
 * `puhui` — the Puhui Workbench command line. Dispatches to the sub-commands in ./commands.ts.
 * Exit codes: 0 success, 1 internal failure, 2 bad input (one line naming the field and the
 * allowed values).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command, Io } from "./command.js";
import { commands } from "./commands.js";
import { UsageError } from "./errors.js";
import { InputError } from "../../src/rules/input-error.js";

const packageJson = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf-8"),
) as { name: string; version: string };

export const version: string = packageJson.version;

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: Boolean(process.stderr.isTTY),
};

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length), 10);
  const lines = commands.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`);
  return [
    `puhui ${version} — 普惠保障工作台 Puhui Workbench command line`,
    "",
    "Usage: puhui <command> [options]",
    "",
    "Commands:",
    ...(lines.length > 0 ? lines : ["  (none yet)"]),
    "",
    "Options:",
    "  --help, -h     show help (also after a command: puhui <command> --help)",
    "  --version, -v  print the version",
    "",
    "Exit codes: 0 ok, 1 internal error, 2 bad input.",
    "",
  ].join("\n");
}

/** Finds the command whose path is the longest prefix of argv. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const n = command.path.length;
    if (argv.length >= n && command.path.every((word, i) => argv[i] === word)) {
      if (!best || n > best.command.path.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.out(helpText());
    return 0;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    io.out(`${version}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const known = [...new Set(commands.map((c) => c.path[0]))].join(", ");
    io.err(`puhui: unknown command "${argv.filter((a) => !a.startsWith("-")).join(" ")}"; known commands: ${known || "none"} (see puhui --help)\n`);
    return 2;
  }
  if (found.rest.includes("--help") || found.rest.includes("-h")) {
    io.out(`${found.command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`puhui ${found.command.path.join(" ")}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`puhui ${found.command.path.join(" ")}: internal error: ${message}\n`);
    if (process.env["PUHUI_DEBUG"] && error instanceof Error) io.err(`${error.stack}\n`);
    return 1;
  }
}
