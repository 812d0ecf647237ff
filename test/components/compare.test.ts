/**
 * The Compare page's pure parts (src/components/compare.ts): a loaded scenario file's outline and
 * the messages for files that are not scenarios; the runs a comparison asks for — a reform stack
 * or another option in one run of both options (paired by construction), another scenario in a run
 * of its own, paired only when seed, population and years match.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { buildComparison, readScenarioFile, type CompareSpec } from "../../src/components/compare.js";

const FILE = "simulations/scenarios/jiangshan-80plus.json";
const text = resolveScenarioText(readFileSync(FILE, "utf-8"), FILE);
const shipped = JSON.parse(text);
const PATH = "tianyi-yongningbao.premium.adult";

const spec = (over: Partial<CompareSpec>): CompareSpec => ({ a: { kind: "shipped", id: shipped.id }, optionA: "town-paid", against: "reform", b: null, optionB: null, picker: null, errors: [], ...over });

describe("readScenarioFile", () => {
  it("reads a scenario's outline without running it", () => {
    const info = readScenarioFile({ name: "j.json", text });
    expect("error" in info).toBe(false);
    if ("error" in info) return;
    expect([info.id, info.seed, info.date, info.years]).toEqual([shipped.id, shipped.seed, shipped.date, shipped.years ?? 1]);
    expect(info.options.map((o) => o.id)).toEqual(shipped.options.map((o: { id: string }) => o.id));
  });
  it("names what is wrong with a file that is not a scenario", () => {
    const msg = (t: string) => {
      const r = readScenarioFile({ name: "x.json", text: t });
      return "error" in r ? r.error.message.en : null;
    };
    expect(msg("{")).toBe('file "x.json": not valid JSON; allowed: a scenario JSON as puhui simulate reads it (e.g. the file /my-scenario downloads)');
    expect(msg("[]")).toBe('file "x.json": not an object; allowed: a scenario JSON object');
    expect(msg(JSON.stringify({ ...shipped, seed: -1 }))).toBe('file "x.json": seed: allowed a whole number ≥ 0');
    expect(msg(JSON.stringify({ ...shipped, options: [{ id: "a", scheme: "nope" }] }))).toMatch(/^file "x.json": options\[0\]\.scheme: unknown "nope"; allowed: one of /);
  });
});

describe("buildComparison", () => {
  it("a reform: one run of the option and the option with the reform merged over its own", () => {
    const stack = { name: "降价", steps: [] };
    const c = buildComparison(spec({ picker: { stack, reform: { [PATH]: 70 }, errors: [] } }), text, null);
    if ("error" in c) throw new Error(c.error.message.en);
    expect(c.runs).toHaveLength(1);
    const s = JSON.parse(c.runs[0]!.scenarioText);
    expect(s.options.map((o: { id: string }) => o.id)).toEqual(["town-paid", "reform"]);
    expect(s.options[1].reform).toEqual({ ...(shipped.options[0].reform ?? {}), [PATH]: 70 });
    expect(s.calibration).toBeUndefined();
    expect([c.a, c.b, c.pairing.paired]).toEqual([{ run: 0, option: "town-paid", label: shipped.options[0].label }, { run: 0, option: "reform", label: { zh: "降价", en: "降价" } }, true]);
  });
  it("an empty or invalid stack, or a form error, is a message and no run", () => {
    const empty = buildComparison(spec({ picker: { stack: { name: "", steps: [] }, reform: {}, errors: [] } }), text, null);
    expect("error" in empty && empty.error.message.en).toBe("reform: no change yet; find a parameter and add it");
    const bad = { field: "amount" as const, message: { zh: "设为：…", en: "set to: …" } };
    const invalid = buildComparison(spec({ picker: { stack: { name: "", steps: [] }, reform: null, errors: [bad] } }), text, null);
    expect("error" in invalid && invalid.error).toEqual(bad);
  });
  it("another scenario: two runs, paired only when seed, population and years match", () => {
    const same = buildComparison(spec({ against: "scenario", optionB: "all", b: { kind: "shipped", id: shipped.id } }), text, text);
    if ("error" in same) throw new Error(same.error.message.en);
    expect([same.runs.length, same.b.run, same.pairing]).toEqual([2, 1, { paired: true, reasons: [] }]);
    const other = JSON.stringify({ ...shipped, seed: shipped.seed + 1 });
    const diff = buildComparison(spec({ against: "scenario", optionB: "all", b: { kind: "file", file: { name: "b.json", text: other } } }), text, other);
    if ("error" in diff) throw new Error(diff.error.message.en);
    expect(diff.pairing.paired).toBe(false);
    expect(JSON.parse(diff.runs[1]!.scenarioText).seed).toBe(shipped.seed + 1);
    const missing = buildComparison(spec({ against: "scenario", optionB: "nope", b: { kind: "shipped", id: shipped.id } }), text, text);
    expect("error" in missing && missing.error.message.en).toBe('option "nope" is not in scenario B');
  });
});
