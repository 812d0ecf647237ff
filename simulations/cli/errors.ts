/**
 * Errors the command line reports as one line and exit code 2 (bad input), never a stack trace.
 * `InputError` is thrown by validation anywhere (rules, scenarios, CLI arguments); its message
 * names the field and the allowed values.
 */
export class UsageError extends Error {
  override name = "UsageError";
}
