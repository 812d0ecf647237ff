/**
 * The "我的情景 My scenario" page's pure parts (src/components/my-scenario-build.ts and
 * my-scenario-state.ts): the scenario the page would build from test/fixtures' population and
 * claims tables, run by `puhui simulate` from a file, gives the same rows as the engine in-process
 * for the same seed; the URL state round-trips and a bad one yields a note, never an exception.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "../../src/fit/table-import/excel.js";
import { importPopulation } from "../../src/fit/table-import/population.js";
import { importClaims } from "../../src/fit/table-import/claims.js";
import { issueText } from "../../src/fit/table-import/columns.js";
import { fitSeverity } from "../../src/fit/severity/fit.js";
import { logMeanSe, severityToScenario } from "../../src/fit/priors.js";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { runJob } from "../../src/sim/parallel.js";
import { applyPopulation, composeScenario, FIT_ASSUMPTION, populationColumns, severityTargets } from "../../src/components/my-scenario-build.js";
import { decodeState, encodeState, type MyState } from "../../src/components/my-scenario-state.js";
import { runCli } from "../helpers/cli.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const TIANYI = "simulations/scenarios/ningbo-tianyi-2024.json";
// The resolved text, as the page receives it (src/data/scenario-entry.ts → scenarioText).
const shipped = JSON.parse(resolveScenarioText(readFileSync(TIANYI, "utf-8"), TIANYI));
const dir = mkdtempSync(join(tmpdir(), "puhui-my-scenario-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function population(name: string) {
  return importPopulation(await readTable(fixture(name)), { columns: populationColumns(shipped) });
}

async function claimsRecords() {
  const claims = importClaims(await readTable(fixture("claims-lognormal.csv")));
  expect(claims.issueCount).toBe(0);
  return claims.records;
}

async function lognormalFit() {
  return severityToScenario(fitSeverity(await claimsRecords(), "lognormal"));
}

describe("population from a table", () => {
  it("maps the Chinese headers to the scenario's attributes and completes each cell from the shipped cell with its levels", async () => {
    const p = await population("population-tianyi-cells.csv");
    expect(p.issueCount).toBe(0);
    // 420000 + 61000 + 150000 + 98000 + 260000 + 37000 + 110000 + 84000, summed by hand
    expect(p.persons).toBe(1_220_000);
    const r = applyPopulation(shipped, p.cells);
    expect(r.issues).toEqual([]);
    const cells = r.scenario.population.cells;
    expect(cells).toHaveLength(8);
    // resident / 60+ / preexisting / unengaged: the shipped cell resident-60+/preexisting/unengaged
    expect(cells[7]).toMatchObject({ count: 84000, person: { age: 72 }, claim: { preExisting: true }, attributes: { tier: "resident", age: "60+", health: "preexisting", interest: "unengaged", enrolment: "voluntary" } });
    expect(cells[0]).toMatchObject({ count: 420000, person: { age: 40 }, claim: { preExisting: false } });
    expect(shipped.population.cells).toHaveLength(30); // not modified
  });

  it("reports a level the scenario does not use, a negative count and a combination no shipped cell has, each by row", async () => {
    const p = await population("population-tianyi-bad.csv");
    const lines = p.issues.map((i) => issueText(i));
    expect(lines).toEqual([expect.stringMatching(/^row 3, column 年龄段: not one of the allowed values \(allowed: one of 18-59, 60\+, 0-17; got "?45"?\)$/), expect.stringMatching(/^row 4, column 人数: .*-3/)]);
    // The rows that parse but match no shipped cell (minor aged 60+):
    const ok = importPopulation(await readTable(new TextEncoder().encode("参保类别,年龄段,人数\nemployee,18-59,10\nminor,60+,5\n")), { columns: populationColumns(shipped) });
    const r = applyPopulation(shipped, ok.cells, [...ok.mapped.rowNumbers]);
    expect(r.issues.map((i) => issueText(i))).toEqual(['row 3: no cell of the scenario has these levels together (allowed: a combination some shipped cell has; got tier=minor|age=60+)']);
    expect(r.scenario).toBe(shipped);
  });
});

describe("claims experience as the severity prior", () => {
  it("replaces the chosen category's amount in every option and uses the fit's uncertainty as their amount level", async () => {
    expect(severityTargets(shipped).map((t) => `${t.category} · ${t.field}`)).toEqual(["hospital episode · coveredCost", "major-illness episode · coveredCost"]);
    const fit = await lognormalFit();
    const s = composeScenario(shipped, { seed: 5, replicates: 1000, severity: { category: "hospital episode", field: "coveredCost", claim: fit.field, scale: fit.severityScale } });
    for (const o of s.options) {
      expect(o.claims.severityScale).toBe(`$${FIT_ASSUMPTION}`);
      expect(o.claims.categories[0].claim.coveredCost).toEqual(fit.field);
      expect(o.claims.categories[1].claim.coveredCost).toEqual(shipped.options[0].claims.categories[1].claim.coveredCost);
    }
    expect(s.assumptions[FIT_ASSUMPTION].prior).toEqual({ dist: "lognormal", median: 1, sigma: logMeanSe(fitSeverity((await claimsRecords()), "lognormal")) });
    expect(() => parseScenarioText(JSON.stringify(s))).not.toThrow();
  });
});

describe("the saved scenario runs unchanged on the command line", () => {
  it("puhui simulate <file> --replicates 1000 --seed S gives the engine's rows for the page's scenario", async () => {
    const p = await population("population-tianyi-cells.csv");
    const fit = await lognormalFit();
    const seed = 20241;
    const scenario = composeScenario(shipped, { seed, replicates: 1000, population: p.cells, severity: { category: "hospital episode", field: "coveredCost", claim: fit.field, scale: fit.severityScale } });
    const text = JSON.stringify(scenario, null, 2);
    const file = join(dir, "my.json");
    const out = join(dir, "rows.json");
    writeFileSync(file, text + "\n");
    const r = await runCli("simulate", file, "--replicates", "1000", "--seed", String(seed), "--out", out);
    expect(r.code, r.err).toBe(0);
    const cliRows = JSON.parse(readFileSync(out, "utf-8")) as Record<string, unknown>[];
    // What the page's worker runs (src/components/scenario-panel.ts runScenario: mode fast, uncertainty on).
    const rows = runJob({ scenarioText: text, mode: "fast", replicates: 1000, seed, uncertainty: true, range: [0, 1000] });
    expect(cliRows).toHaveLength(rows.length);
    expect(rows.length).toBe(1000 * 2 * 2); // replicates × options × years
    const pick = (x: Record<string, unknown>) => [x["replicate"], x["option"], x["year"], x["enrolled"], x["benefits"]];
    expect(cliRows.map(pick)).toEqual(rows.map((x) => pick(x as unknown as Record<string, unknown>)));
    const total = (xs: readonly { benefits: unknown }[]) => xs.reduce((s, x) => s + Number(x.benefits), 0);
    expect(total(cliRows as { benefits: unknown }[])).toBe(total(rows));
    // The population and the fit are in what ran: a different amount changes the benefits.
    const plain = runJob({ scenarioText: JSON.stringify(composeScenario(shipped, { seed, replicates: 1000, population: p.cells })), mode: "fast", replicates: 50, seed, uncertainty: true, range: [0, 50] });
    expect(plain[0]!.benefits).not.toBe(rows[0]!.benefits);
  }, 300_000);
});

describe("the state in the URL", () => {
  const bases = ["ningbo-tianyi-2024", "jiangshan-80plus"];
  it("round-trips compressed and versioned", async () => {
    const p = await population("population-tianyi-cells.csv");
    const state: MyState = { v: 1, base: "ningbo-tianyi-2024", seed: 7, population: p.cells };
    const raw = await encodeState(state);
    expect(raw).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(raw.length).toBeLessThan(JSON.stringify(state).length);
    expect(await decodeState(raw, bases)).toEqual({ state, note: null });
  });
  it("a bad value yields a one-line note in both languages and no state", async () => {
    const good = await encodeState({ v: 1, base: "ningbo-tianyi-2024", seed: 7 });
    const cases: [string, RegExp][] = [
      ["v2.abc", /version 2, this page reads version 1/],
      ["hello", /no version prefix/],
      ["v1.!!", /not base64url/],
      ["v1.AAAA", /not deflated data/],
      [good.replace("v1.", "v1.x"), /not deflated data|not JSON/],
    ];
    for (const [raw, why] of cases) {
      const r = await decodeState(raw, bases);
      expect(r.state).toBeNull();
      expect(r.note!.message).toMatch(why);
      expect(r.note!.message).toMatch(/^URL parameter my=".*" is not a scenario link saved by this page \(v1\); using the shipped scenario instead$/);
      expect(r.note!.zh).toMatch(/^链接参数 my=.*已改用 原情景$/);
    }
    const other = await encodeState({ v: 1, base: "elsewhere", seed: 7 });
    expect((await decodeState(other, bases)).note!.message).toMatch(/unknown scenario \\"elsewhere\\"/);
    const neg = await encodeState({ v: 1, base: "jiangshan-80plus", seed: -1 });
    expect((await decodeState(neg, bases)).note!.message).toMatch(/seed -1/);
  });
});
