/** Test helper: the message of the InputError a call throws (fails the test if it throws anything else, or nothing). */
import { expect } from "vitest";
import { InputError } from "../../src/rules/input-error.js";

export function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("did not throw");
}
