/**
 * Tests never depend on machine speed (issue 10): a timeout only guards against a hang. On a loaded
 * 2-core machine (CI beside other work) a 1000-replicate CLI run once took 146 s against a 120 s
 * test timeout, and expect.poll's 1 s default failed a recompute — both speed checks in disguise.
 * This file holds every test's own timeout, the configured ones and expect.poll's to the hang guard.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import config from "../vitest.config.js";

/** The smallest timeout a test, a hook or a poll may set (ms). */
const HANG_GUARD_MS = 300_000;
const POLL_GUARD_MS = 60_000;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fixtures" ? [] : testFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * A test's or a describe's own timeout: the number closing its call (`}, 120_000);` at the indent of
 * the `it(` / `describe(` line that opened it) or a `{ timeout: … }` option on that line.
 */
export function testTimeouts(source: string): { line: number; ms: number }[] {
  const lines = source.split("\n");
  const indent = (text: string): number => /^\s*/.exec(text)![0].length;
  const opensTest = (text: string): boolean => /^\s*(?:it|test|describe)(?:\.\w+)?\(/.test(text);
  const found: { line: number; ms: number }[] = [];
  lines.forEach((text, i) => {
    const option = /^\s*(?:it|test|describe)(?:\.\w+)?\(.*\{\s*timeout:\s*([\d_]+)\s*\}/.exec(text);
    if (option) found.push({ line: i + 1, ms: Number(option[1]!.replaceAll("_", "")) });
    const closing = /^(\s*)\}, ([\d_]+)\);\s*$/.exec(text);
    if (!closing) return;
    // The line that opened this call: the nearest line above at the same indent.
    let j = i - 1;
    while (j >= 0 && (lines[j]!.trim() === "" || indent(lines[j]!) !== closing[1]!.length)) j--;
    if (j >= 0 && opensTest(lines[j]!)) found.push({ line: i + 1, ms: Number(closing[2]!.replaceAll("_", "")) });
  });
  return found;
}

describe("hang guards", () => {
  it("finds a test's own timeout in both spellings (and nothing else)", () => {
    const src = [
      'it("a", async () => {',
      "  const t = setInterval(() => {",
      "  }, 20);",
      "}, 120_000);",
      'it("b", { timeout: 60_000 }, () => {});',
      '  describe.skip("c", () => {',
      "  }, 1_000);",
    ].join("\n");
    expect(testTimeouts(src)).toEqual([{ line: 4, ms: 120_000 }, { line: 5, ms: 60_000 }, { line: 7, ms: 1000 }]);
  });

  it(`no test under test/ sets its own timeout below ${HANG_GUARD_MS / 1000} s`, () => {
    const root = join(import.meta.dirname, "..");
    // (This file's own examples are strings, not tests.)
    const short = testFiles(import.meta.dirname).filter((path) => !path.endsWith("hang-guards.test.ts")).flatMap((path) =>
      testTimeouts(readFileSync(path, "utf-8"))
        .filter((t) => t.ms < HANG_GUARD_MS)
        .map((t) => `${relative(root, path)}:${t.line} (${t.ms} ms)`),
    );
    expect(short).toEqual([]);
  });

  it("every project's test and hook timeouts and expect.poll's are hang guards", () => {
    const projects = (config.test?.projects ?? []) as { test: { name: string; testTimeout?: number; hookTimeout?: number; expect?: { poll?: { timeout?: number } } } }[];
    expect(projects.map((p) => p.test.name).sort()).toEqual(["e2e", "unit"]);
    for (const { test } of projects) {
      expect(test.testTimeout, `${test.name} testTimeout`).toBeGreaterThanOrEqual(HANG_GUARD_MS);
      expect(test.hookTimeout, `${test.name} hookTimeout`).toBeGreaterThanOrEqual(HANG_GUARD_MS);
      expect(test.expect?.poll?.timeout, `${test.name} expect.poll timeout`).toBeGreaterThanOrEqual(POLL_GUARD_MS);
    }
  });
});
