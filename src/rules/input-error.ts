/**
 * The one error type for bad input anywhere in the workbench (persons, claims, reforms,
 * scenarios, CLI flags). Its message always names the field and the allowed values or range,
 * so the CLI can print it as one line (exit code 2) and pages can show it beside the input.
 * Line breaks in the field or message (e.g. from a JSON parser quoting the input) become spaces,
 * so the message is always one line.
 */
export class InputError extends Error {
  override name = "InputError";
  /** Dotted path of the offending field, e.g. "claim.disabilityGrade". */
  readonly field: string;
  constructor(field: string, message: string) {
    const line = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ");
    super(`${line(field)}: ${line(message)}`);
    this.field = line(field);
  }
}
