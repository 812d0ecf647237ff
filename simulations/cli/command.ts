/** The shape of a `puhui` sub-command and the output streams it writes to. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  errIsTTY: boolean;
}

export interface Command {
  /** The words that select the command, e.g. ["rules", "list"]. */
  path: string[];
  /** One line for `puhui --help`. */
  summary: string;
  /** Full usage text for `puhui <command> --help`. */
  usage: string;
  /** Runs the command on the remaining arguments; returns the exit code. */
  run(args: string[], io: Io): Promise<number> | number;
}
