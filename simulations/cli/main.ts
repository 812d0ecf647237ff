/**
 * `puhui` — the Puhui Workbench command line. Dispatches to the sub-commands in ./commands.ts.
 * Exit codes: 0 success, 1 internal failure, 2 bad input (one line naming the field and the
 * allowed values).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command, Io } from "./command.js";
import { commands } from "./commands.js";
import { FailureError, UsageError } from "./errors.js";
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

/** "rules show <scheme>": a command's words and positional arguments, from its usage line. */
function synopsis(command: Command): string {
  const first = command.usage.split("\n")[0]!.replace(/^Usage:\s*puhui\s+/, "");
  const words: string[] = [];
  for (const w of first.split(/\s+/)) {
    if (w.startsWith("[") || w.startsWith("(") || w.startsWith("-")) break;
    words.push(w);
  }
  return words.join(" ");
}

/** The commands whose path starts with `word` and has more words ("rules" → rules list, rules show). */
function group(word: string): Command[] {
  return commands.filter((c) => c.path.length > 1 && c.path[0] === word);
}

function groupUsage(word: string): string {
  const members = group(word);
  const width = Math.max(...members.map((c) => synopsis(c).length));
  return [
    `Usage: puhui ${word} <sub-command> [options]`,
    "",
    "Sub-commands:",
    ...members.map((c) => `  ${synopsis(c).padEnd(width)}  ${c.summary}`),
    "",
    `puhui ${word} <sub-command> --help shows a sub-command's options.`,
    "",
  ].join("\n");
}

function allowedCommands(): string {
  return commands.map((c) => c.path.join(" ")).join(", ");
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
    const first = argv[0]!;
    const members = group(first);
    if (members.length > 0) {
      // A command group without (or with an unknown) sub-command: "puhui rules".
      const allowed = members.map(synopsis).join(", ");
      const next = argv[1];
      if (next === undefined) {
        io.err(`puhui ${first}: missing sub-command (allowed: ${allowed}; see puhui ${first} --help)\n`);
        return 2;
      }
      if (next === "--help" || next === "-h") {
        io.out(groupUsage(first));
        return 0;
      }
      const what = next.startsWith("-") ? "option" : "sub-command";
      io.err(`puhui ${first}: unknown ${what} ${JSON.stringify(next)} (allowed: ${allowed}; see puhui ${first} --help)\n`);
      return 2;
    }
    if (first.startsWith("-")) {
      io.err(`puhui: unknown option ${JSON.stringify(first)} (allowed before a command: --help, -h, --version, -v; commands: ${allowedCommands()})\n`);
      return 2;
    }
    io.err(`puhui: unknown command ${JSON.stringify(first)} (allowed: ${allowedCommands()}; see puhui --help)\n`);
    return 2;
  }
  if (found.rest.includes("--help") || found.rest.includes("-h")) {
    io.out(`${found.command.usage.trimEnd()}\n`);
    return 0;
  }
  const name = `puhui ${found.command.path.join(" ")}`;
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof FailureError) {
      io.err(`${name}: ${oneLine(error.message)}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${name}: internal error: ${oneLine(message)}\n`);
    if (process.env["PUHUI_DEBUG"] && error instanceof Error) io.err(`${error.stack}\n`);
    return 1;
  }
}

/** Messages are one line, whatever a library put in them. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}
