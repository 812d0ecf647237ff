/**
 * Files the command line writes (`simulate --out`, `calibrate --write`; `simulate --db` is checked
 * here too): every path is checked before any work starts, and files are replaced atomically.
 *
 *  - `checkOutputPath` refuses, with one line naming the flag: an empty path, a missing parent
 *    directory, a directory or other non-regular file, a file or directory that is not writable,
 *    and a path that is (by real path) one of the command's input files.
 *  - `writeFileAtomic` writes to a temporary file in the same directory, flushes it to disk and
 *    renames it over the target: a crash or a full disk leaves the previous file whole (and no
 *    temporary file behind), never a truncated one.
 */
import { randomBytes } from "node:crypto";
import { accessSync, chmodSync, closeSync, constants, existsSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { FailureError, UsageError } from "./errors.js";
import { InputError } from "../../src/rules/input-error.js";

/** A file the command reads, to refuse writing over it. */
export interface InputFile {
  /** What it is, for the message: "the scenario file", "the --reform file". */
  what: string;
  path: string;
}

/** The real path of `path` (following symbolic links) when it exists, else undefined. */
function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks that `path` can be written by `flag` before the work starts; returns the path to write
 * (the real path when `path` is a symbolic link to an existing file).
 */
export function checkOutputPath(flag: string, path: string, inputs: readonly InputFile[] = [], example = "results.json"): string {
  const got = JSON.stringify(path);
  if (path.trim() === "") throw new InputError(flag, `missing file path (allowed: a file path such as ${example}; got "")`);
  const existing = real(path);
  const target = existing ?? resolve(path);
  if (existing !== undefined) {
    const st = statSync(existing);
    if (st.isDirectory()) throw new InputError(flag, `is a directory (allowed: a file path such as ${join(path, example)}; got ${got})`);
    if (!st.isFile()) throw new InputError(flag, `is not a regular file (allowed: a regular file path such as ${example}; got ${got})`);
    for (const input of inputs) {
      if (real(input.path) === existing) {
        throw new InputError(flag, `is ${input.what}; writing it would destroy the input (allowed: a different file; got ${got})`);
      }
    }
    try {
      accessSync(existing, constants.W_OK);
    } catch {
      throw new InputError(flag, `file is not writable (allowed: a file you may write; got ${got})`);
    }
  }
  const dir = dirname(target);
  if (!existsSync(dir)) throw new InputError(flag, `directory ${JSON.stringify(dirname(path))} does not exist (allowed: a file in an existing directory; got ${got})`);
  if (!statSync(dir).isDirectory()) throw new InputError(flag, `${JSON.stringify(dirname(path))} is not a directory (allowed: a file in an existing directory; got ${got})`);
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new InputError(flag, `directory ${JSON.stringify(dirname(path))} is not writable (allowed: a file in a directory you may write; got ${got})`);
  }
  return target;
}

/** Refuses two flags writing the same file (e.g. --out and --db). */
export function checkDistinct(a: { flag: string; path: string }, b: { flag: string; path: string }): void {
  if (resolve(a.path) === resolve(b.path) || (real(a.path) !== undefined && real(a.path) === real(b.path))) {
    throw new UsageError(`${b.flag}: is the same file as ${a.flag} (allowed: two different files; got ${JSON.stringify(b.path)} for both)`);
  }
}

/** Test hook: how bytes reach the temporary file (a full disk is simulated by a writer that throws). */
export type Writer = (fd: number, data: Uint8Array) => void;

const writeAll: Writer = (fd, data) => {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
};

/**
 * Writes `data` to `path` atomically (temporary file in the same directory, fsync, rename). On
 * failure the temporary file is removed, the previous file (if any) is unchanged, and a one-line
 * FailureError names the flag, the file and the system error code.
 */
export function writeFileAtomic(flag: string, path: string, data: Uint8Array | string, writer: Writer = writeAll): void {
  const target = real(path) ?? resolve(path);
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf-8") : data;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o666);
    writer(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    try {
      chmodSync(tmp, statSync(target).mode & 0o7777); // keep the replaced file's permissions
    } catch {
      // no previous file: the new one has the default mode (0666 less the umask)
    }
    renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // not created
    }
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new FailureError(`${flag}: cannot write ${JSON.stringify(path)} (${code}); ${existsSync(target) ? "the previous file is unchanged" : "nothing was written"}`);
  }
  try {
    const dfd = openSync(dir, "r");
    try {
      fsyncSync(dfd); // make the rename durable
    } finally {
      closeSync(dfd);
    }
  } catch {
    // some file systems cannot fsync a directory; the rename itself is still atomic
  }
}
