/**
 * Progress on stderr for long commands. On a terminal: a bar redrawn in place (at most every
 * 100 ms) with percentage, count, elapsed time and ETA. Elsewhere (pipes, CI logs, tests): nothing
 * while running. Either way `finish` ends with one line, e.g. "simulated 1000 replicates in 0.42 s".
 */
import type { Io } from "./command.js";

export interface Progress {
  /** Reports `done` of `total` units finished. */
  update(done: number): void;
  /** Clears the bar, prints the final line and returns the elapsed seconds. */
  finish(): number;
  /** Clears the bar without a final line (on errors); returns the elapsed seconds. */
  abort(): number;
}

export interface ProgressOptions {
  /** Verb before the bar and in the final line (default "simulated"). */
  verb?: string;
  /** Unit counted (default "replicates"). */
  unit?: string;
  /** Bar width in characters (default 30). */
  width?: number;
  /** Clock in ms (tests). */
  now?: () => number;
  /** Minimum ms between redraws (default 100). */
  interval?: number;
}

/** Seconds for people: "0.42 s", "12.3 s", "2 min 05 s". */
export function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - 60 * m)).padStart(2, "0")} s`;
}

export function createProgress(io: Io, total: number, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const width = options.width ?? 30;
  const interval = options.interval ?? 100;
  const verb = options.verb ?? "simulated";
  const unit = options.unit ?? "replicates";
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;

  const draw = (done: number) => {
    const t = now();
    const elapsed = (t - start) / 1000;
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const full = Math.round(frac * width);
    const eta = done > 0 && done < total ? ` eta ${formatSeconds((elapsed * (total - done)) / done)}` : "";
    io.err(`\r\x1b[2K[${"█".repeat(full)}${"░".repeat(width - full)}] ${String(Math.floor(frac * 100)).padStart(3)}% ${done}/${total} ${formatSeconds(elapsed)}${eta}`);
    lastDraw = t;
    drawn = true;
  };
  const clear = () => {
    if (drawn) io.err("\r\x1b[2K");
    drawn = false;
  };
  const elapsed = () => (now() - start) / 1000;

  return {
    update(done) {
      if (!io.errIsTTY) return;
      if (now() - lastDraw >= interval || done >= total) draw(done);
    },
    finish() {
      const s = elapsed();
      clear();
      io.err(`${verb} ${total} ${unit} in ${formatSeconds(s)}\n`);
      return s;
    },
    abort() {
      clear();
      return elapsed();
    },
  };
}
