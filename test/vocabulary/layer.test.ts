/**
 * src/vocabulary is the lowest layer: it imports only itself. And the types the rules and the
 * engine declare today fit the vocabulary's (checked by tsc on this file), so their owners can
 * switch to importing them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Payer as RulesPayer, Prior, Unit as RulesUnit } from "../../src/rules/index.js";
import type { Payer, PriorSpec, Unit } from "../../src/vocabulary/index.js";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const samePayer: Same<RulesPayer, Payer> = true;
const unitFits: RulesUnit extends Unit ? true : false = true;
const priorFits: Prior extends PriorSpec ? true : false = true;

describe("src/vocabulary", () => {
  it("imports nothing outside itself", () => {
    const dir = new URL("../../src/vocabulary/", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(new URL(file, dir), "utf-8");
      const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\/[a-z-]+\.js$/);
    }
  });
  it("matches the types of the rules and the engine", () => {
    expect([samePayer, unitFits, priorFits]).toEqual([true, true, true]);
  });
});
