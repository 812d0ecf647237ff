/**
 * Fuzz cases for the `puhui` command line (issue 10): every bad argv exits 2 (or 1 for a failure
 * that is not the input's fault) with exactly one stderr line naming the flag, what is wrong, the
 * allowed values and what was given — and no stack trace, no stdout, no work done.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRows, planWorkers } from "../../simulations/cli/simulate.js";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/small-gonghuibao.json";
const fixtureText = readFileSync(FIXTURE, "utf-8");
const dir = mkdtempSync(join(tmpdir(), "puhui-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "a-directory.json"));
writeFileSync(join(dir, "reform.json"), '{"gonghuibao.outOfCatalog.rate": 0.5}');
const sixOptions = join(dir, "six-options.json");
{
  const s = JSON.parse(fixtureText);
  s.options = Array.from({ length: 6 }, (_, i) => ({ ...s.options[0], id: `o${i}` }));
  writeFileSync(sixOptions, JSON.stringify(s));
}

const run = runCli;

const F = FIXTURE;
const S = ["solve-premium", F, "--replicates", "5"];
const cases: [string[], number, string][] = [
  // Commands and options.
  [["rules"], 2, "puhui rules: missing sub-command (allowed: rules list, rules show <scheme>; see puhui rules --help)"],
  [["rules", "bogus"], 2, 'puhui rules: unknown sub-command "bogus" (allowed: rules list, rules show <scheme>'],
  [["rules", "--bogus"], 2, 'puhui rules: unknown option "--bogus" (allowed: rules list, rules show <scheme>'],
  [["--bogus"], 2, 'puhui: unknown option "--bogus" (allowed before a command: --help, -h, --version, -v; commands: rules list, rules show, quote'],
  [["bogus"], 2, 'puhui: unknown command "bogus" (allowed: rules list, rules show, quote, benefit, simulate'],
  [["simulate", F, "--bogus"], 2, 'puhui simulate: unknown option "--bogus" (allowed: --replicates <value>'],
  [["simulate", F, "-x"], 2, 'puhui simulate: unknown option "-x" (allowed: '],
  [["simulate", F, "--out"], 2, "puhui simulate: --out: missing value (allowed: --out <value>; got nothing after it)"],
  [["simulate", F, "--out", "--json"], 2, 'puhui simulate: --out: missing value (allowed: --out <value>, or --out=<value> for a value starting with "-"; got the option "--json")'],
  [["simulate", F, "--json=1"], 2, 'puhui simulate: --json: takes no value (allowed: --json alone; got "--json=1")'],
  [["calibrate", F, "--fit=yes"], 2, "puhui calibrate: --fit: takes no value"],
  // Integer flags: decimal digits only, in range.
  [["quote", "linghuobao", "--days", "0x10"], 2, 'puhui quote: --days: not a decimal integer (allowed: integers 1 to 366 days per purchase; got "0x10")'],
  [["quote", "linghuobao", "--days", "-3"], 2, "puhui quote: --days: out of range (allowed: integers 1 to 366 days per purchase; got -3)"],
  [["quote", "linghuobao", "--days", "1e1"], 2, 'puhui quote: --days: not a decimal integer (allowed: integers 1 to 366 days per purchase; got "1e1")'],
  [["quote", "linghuobao", "--days", " 5"], 2, 'puhui quote: --days: not a decimal integer'],
  [["quote", "linghuobao", "--days", ""], 2, 'puhui quote: --days: not a decimal integer (allowed: integers 1 to 366 days per purchase; got "")'],
  [["quote", "linghuobao", "--days", "29"], 2, "puhui quote: --days: out of range for linghuobao on 2022-06-25 (allowed: integers 1 to 28 days per purchase; got 29)"],
  [["simulate", F, "--replicates", "0x10"], 2, 'puhui simulate: --replicates: not a decimal integer (allowed: integers 1 to 100000 replicates; got "0x10")'],
  [["simulate", F, "--replicates", "-3"], 2, "puhui simulate: --replicates: out of range (allowed: integers 1 to 100000 replicates; got -3)"],
  [["simulate", F, "--replicates", "1000000"], 2, "puhui simulate: --replicates: out of range (allowed: integers 1 to 100000 replicates; got 1000000)"],
  [["simulate", F, "--replicates", "1e3"], 2, 'puhui simulate: --replicates: not a decimal integer'],
  [["simulate", F, "--seed", "1.5"], 2, 'puhui simulate: --seed: not a decimal integer (allowed: integers 0 to 9007199254740991; got "1.5")'],
  [["simulate", F, "--seed", "-1"], 2, "puhui simulate: --seed: out of range (allowed: integers 0 to 9007199254740991; got -1)"],
  [["simulate", F, "--workers", "0"], 2, "puhui simulate: --workers: out of range (allowed: integers 1 to 64 worker threads; got 0)"],
  [["simulate", F, "--workers", "65"], 2, "puhui simulate: --workers: out of range (allowed: integers 1 to 64 worker threads; got 65)"],
  [["simulate", F, "--workers", "64", "--replicates", "10"], 2, "puhui simulate: --workers: more worker threads than replicates (allowed: 1 to 10, at most one per replicate; got 64)"],
  [["simulate", sixOptions, "--replicates", "100000"], 2, "puhui simulate: --replicates: too many rows to hold in memory: 100000 replicates × 6 options × 1 year = 600000 rows (allowed: at most 500000 rows, so at most 83333 replicates for this scenario; got 100000)"],
  [["sensitivity", F, "--replicates", "3"], 2, "puhui sensitivity: --replicates: out of range (allowed: integers 4 to 100000 replicates (the variance-based indices need at least 4); got 3)"],
  [["sensitivity", F, "--seed", "0x1"], 2, 'puhui sensitivity: --seed: not a decimal integer'],
  [["sensitivity", F, "--replicates", "-4"], 2, "puhui sensitivity: --replicates: out of range"],
  [[...S, "--target-loss-ratio", "0"], 2, "puhui solve-premium: --target-loss-ratio: out of range (allowed: a loss ratio > 0 and ≤ 10, e.g. 0.85; got 0)"],
  [[...S, "--target-loss-ratio", "-0.5"], 2, "puhui solve-premium: --target-loss-ratio: out of range (allowed: a loss ratio > 0 and ≤ 10, e.g. 0.85; got -0.5)"],
  [[...S, "--target-loss-ratio", "0x1"], 2, 'puhui solve-premium: --target-loss-ratio: not a decimal number (allowed: a loss ratio > 0 and ≤ 10, e.g. 0.85; got "0x1")'],
  [[...S, "--target-loss-ratio", "Infinity"], 2, 'puhui solve-premium: --target-loss-ratio: not a decimal number'],
  [[...S, "--target-loss-ratio", "1e999"], 2, 'puhui solve-premium: --target-loss-ratio: not a decimal number'],
  [[...S, "--target-loss-ratio", "0.8", "--confidence", "-3"], 2, "puhui solve-premium: --confidence: out of range (allowed: a probability strictly between 0 and 1, e.g. 0.9; got -3)"],
  [[...S, "--target-loss-ratio", "0.8", "--confidence", "1"], 2, "puhui solve-premium: --confidence: out of range"],
  [[...S, "--target-loss-ratio", "0.8", "--confidence", "NaN"], 2, "puhui solve-premium: --confidence: not a decimal number"],
  [["solve-premium", F, "--target-loss-ratio", "0.8", "--replicates", "60000"], 2, "puhui solve-premium: --replicates: too many rows to hold in memory: 60000 replicates × 1 option × 1 year = 60000 rows (allowed: at most 50000 rows, so at most 50000 replicates for this scenario; got 60000)"],
  [[...S, "--target-loss-ratio", "0.8", "--seed", "-2"], 2, "puhui solve-premium: --seed: out of range"],
  // Files: checked before any work.
  [["simulate", F, "--db", ":memory:"], 2, 'puhui simulate: --db: must be a database file; nothing would be stored in ":memory:" (allowed: a file path such as results.duckdb; got ":memory:")'],
  [["simulate", F, "--db", ""], 2, "puhui simulate: --db: must be a database file"],
  [["simulate", F, "--out", F], 2, `puhui simulate: --out: is the scenario file; writing it would destroy the input (allowed: a different file; got "${F}")`],
  [["simulate", F, "--out", `./test/../${F}`], 2, "puhui simulate: --out: is the scenario file"],
  [["simulate", F, "--db", F], 2, "puhui simulate: --db: is the scenario file"],
  [["simulate", F, "--reform", `@${join(dir, "reform.json")}`, "--db", join(dir, "reform.json")], 2, "puhui simulate: --db: is the --reform file"],
  [["simulate", F, "--out", join(dir, "nope", "r.json")], 2, `puhui simulate: --out: directory "${join(dir, "nope")}" does not exist (allowed: a file in an existing directory; got "${join(dir, "nope", "r.json")}")`],
  [["simulate", F, "--out", join(dir, "a-directory.json")], 2, `puhui simulate: --out: is a directory (allowed: a file path such as ${join(dir, "a-directory.json", "results.arrow")}`],
  [["simulate", F, "--db", dir], 2, "puhui simulate: --db: is a directory"],
  [["simulate", F, "--db", join(dir, "nope", "r.duckdb")], 2, "puhui simulate: --db: directory"],
  [["simulate", F, "--out", join(F, "r.json")], 2, `puhui simulate: --out: "${F}" is not a directory (allowed: a file in an existing directory; got "${join(F, "r.json")}")`],
  [["simulate", F, "--out", join(dir, "same.json"), "--db", join(dir, "same.json")], 2, "puhui simulate: --db: is the same file as --out"],
  [["simulate", F, "--out", "x.parquet"], 2, 'puhui simulate: --out: unknown file type (allowed: a file ending in .arrow, .csv or .json; got "x.parquet")'],
  [["calibrate", join(dir, "nope", "s.json"), "--fit", "--write"], 2, "puhui calibrate: --write: directory"],
];

describe("puhui fuzz: bad argv → exit code, one stderr line, nothing on stdout, no trace", () => {
  it.each(cases)("%j → exit %i", async (argv, code, fragment) => {
    const r = await run(...argv);
    expect(r.err).toContain(fragment);
    expect(r.code).toBe(code);
    expect(r.err.endsWith("\n")).toBe(true);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at |internal error|simulated \d+ replicates/);
    expect(r.out).toBe("");
  });

  it("the scenario file is untouched after --out/--db name it", async () => {
    expect(readFileSync(FIXTURE, "utf-8")).toBe(fixtureText);
  });

  it("puhui rules --help lists the sub-commands", async () => {
    const r = await run("rules", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}rules list +list the schemes/m);
    expect(r.out).toMatch(/^ {2}rules show <scheme> +show a scheme's parameters/m);
  });

  it("integer flags given with = and a leading plus or zeros are plain decimals", async () => {
    const r = await run("quote", "linghuobao", "--days=007", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).purchase.days).toBe(7);
  });
});

describe("bounds", () => {
  it("workers: more than the replicates is refused; more than the CPUs is lowered with a note", () => {
    expect(() => planWorkers(64, 10, 2)).toThrow("--workers: more worker threads than replicates (allowed: 1 to 10, at most one per replicate; got 64)");
    expect(planWorkers(2, 10, 2)).toEqual({ workers: 2 });
    expect(planWorkers(8, 100, 2)).toEqual({ workers: 2, note: "--workers 8: this machine has 2 CPUs; using 2 worker threads (results are identical for any number)" });
    expect(planWorkers(1, 1, 1)).toEqual({ workers: 1 });
  });

  it("rows: replicates × options × years ≤ 500000; the field is the scenario's when no flag was given", () => {
    expect(() => checkRows(100_000, { options: [{}, {}, {}] as never, years: 2 }, true)).toThrow(/^--replicates: too many rows to hold in memory: 100000 replicates × 3 options × 2 years = 600000 rows/);
    expect(() => checkRows(100_000, { options: [{}, {}] as never, years: 3 }, false)).toThrow(/^scenario\.replicates: too many rows .* at most 83333 replicates/);
    expect(() => checkRows(100_000, { options: [{}] as never, years: 5 }, true)).not.toThrow();
  });
});
