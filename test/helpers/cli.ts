/** Test helpers: run the `puhui` command line in-process with captured output. */
import type { Io } from "../../simulations/cli/command.js";
import { main } from "../../simulations/cli/main.js";

/** An Io that keeps what is written; `errIsTTY` switches the progress bar on. */
export function fakeIo(errIsTTY = false): { io: Io; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), errIsTTY };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

/** `puhui ...argv`: the exit code and everything written to stdout and stderr. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const f = fakeIo();
  const code = await main(argv, f.io);
  return { code, out: f.out(), err: f.err() };
}
