/**
 * Errors the command line reports as one line, never a stack trace:
 *  - `UsageError` (and `InputError`, thrown by validation anywhere: rules, scenarios, CLI flags):
 *    bad input, exit code 2; the message names the field or flag and the allowed values;
 *  - `FailureError`: the input was fine but the work could not be done (a full disk, a database
 *    locked by another process for too long), exit code 1; the message names the file.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

export class FailureError extends Error {
  override name = "FailureError";
}
