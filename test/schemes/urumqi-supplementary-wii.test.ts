/**
 * Urumqi's shipped scenario (issue 12): Annexes 1–2's missing amounts carry their uncertainty —
 * every amount the rules module labels as an assumption with a non-point prior is bound to a
 * scenario assumption with the rule's own value and prior (drawn per replicate), and the premiums
 * are the ones solved from 收支平衡、保本微利 over those draws. With the priors held at their
 * points, the bound scenario gives the unbound one's rows exactly, in all three modes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { getScheme } from "../../src/schemes/index.js";
import { compile, runPlan } from "../../src/sim/run.js";
import { parseScenario } from "../../src/sim/scenario.js";

const FILE = "simulations/scenarios/urumqi-supplementary-2025.json";
const ID = "urumqi-supplementary-wii";
const shipped = JSON.parse(resolveScenarioText(readFileSync(FILE, "utf-8"), FILE));
const scheme = getScheme(ID);

describe("Urumqi's annex amounts drawn per replicate", () => {
  it("binds every assumed annex amount with a prior (not the fixed ratios, classes or day caps) to an assumption with the rule's value and prior", () => {
    const bound = new Map<string, string>();
    for (const o of shipped.options) for (const [path, ref] of Object.entries(o.parameters ?? {})) bound.set(path, String(ref).slice(1));
    const assumed = scheme.parameters.all.filter((p) => {
      const a = p.versions.at(-1)!.assumption;
      return a !== undefined && a.prior.dist !== "fixed" && !p.path.includes(".premium.");
    });
    expect(assumed.map((p) => p.path).sort()).toEqual([...bound.keys()].sort());
    for (const p of assumed) {
      const a = shipped.assumptions[bound.get(p.path)!];
      expect(a.value, p.path).toBe(p.versions.at(-1)!.value);
      expect(a.prior, p.path).toEqual(p.versions.at(-1)!.assumption!.prior);
      expect(a.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(a.label.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    // Each track binds its own annex: A's amounts on track A, B's on track B.
    for (const o of shipped.options) for (const path of Object.keys(o.parameters)) expect(path).toContain(o.id === "track-a" ? ".trackA." : ".trackB.");
  });

  it("with every annex prior held at its point the rows are the unbound scenario's, bit for bit (fast, exact, person)", () => {
    const held = structuredClone(shipped);
    for (const o of held.options) for (const ref of Object.values(o.parameters) as string[]) held.assumptions[ref.slice(1)].prior = { dist: "fixed" };
    const unbound = structuredClone(shipped);
    for (const o of unbound.options) delete o.parameters;
    for (const mode of ["fast", "exact", "person"] as const) {
      const run = (s: unknown) => {
        const { scenario, options } = parseScenario(s);
        return runPlan(compile(scenario, options, mode), { mode, replicates: mode === "person" ? 2 : 12 });
      };
      expect(run(held)).toEqual(run(unbound));
    }
  }, 300_000);

  it("the drawn amounts spread E[benefits] per enrollee across replicates where the unbound scenario has only the other assumptions' spread", () => {
    const { scenario, options } = parseScenario(shipped);
    const fix = Object.fromEntries(Object.keys(scenario.assumptions).filter((n) => !n.startsWith("annex.")).map((n) => [n, scenario.assumptions[n]!.value]));
    const rows = runPlan(compile(scenario, options, "fast"), { replicates: 48, fix });
    for (const option of ["track-a", "track-b"]) {
      const perHead = rows.filter((r) => r.option === option).map((r) => r.expectedBenefits / r.expectedEnrolled);
      const distinct = new Set(perHead.map((x) => x.toPrecision(9))).size;
      expect(distinct, option).toBeGreaterThan(8); // the design's points (≤ 16)
      expect(distinct, option).toBeLessThanOrEqual(16);
    }
  }, 300_000);
});
