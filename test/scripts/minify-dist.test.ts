/**
 * The post-build minifier (scripts/minify-dist.ts): a built module tree minified in place imports
 * and computes exactly as before (a module importing another, a dynamic import, import.meta, a
 * class and a named function), loses its comments and whitespace, keeps its export names and
 * Chinese text as written (not \u escapes), and a second run neither grows them nor changes
 * what they compute.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { minifyDist } from "../../scripts/minify-dist.js";

const root = mkdtempSync(join(tmpdir(), "puhui-minify-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const A = `/**
 * A header comment, as every module here has one.
 */
// The label, in Chinese.
export const LABEL = "赔付率";
/** A class whose name is read. */
export class Ledger {
  constructor(total) {
    // keep the total
    this.total = total;
  }
  share(part) {
    return part / this.total;
  }
}
export function quantileSorted(values, probability) {
  const position = (values.length - 1) * probability;
  const lower = Math.floor(position);
  const fraction = position - lower;
  return lower + 1 < values.length ? values[lower] + fraction * (values[lower + 1] - values[lower]) : values[lower];
}
`;
const B = `import { Ledger, LABEL, quantileSorted } from "../rules/a.1234abcd.js";
/** Everything the test reads, computed from a's exports and a dynamic import. */
export async function report() {
  const again = await import("../rules/a.1234abcd.js");
  const ledger = new Ledger(3);
  return {
    label: LABEL,
    share: ledger.share(1),
    q: quantileSorted([0.1, 0.2, 0.7, 1.3], 0.35),
    same: again.Ledger === Ledger,
    here: import.meta.url.endsWith("b.5678ef01.js"),
  };
}
`;

function tree(name: string): string {
  const dist = join(root, name);
  mkdirSync(join(dist, "_import", "rules"), { recursive: true });
  mkdirSync(join(dist, "_import", "sim"), { recursive: true });
  writeFileSync(join(dist, "_import", "rules", "a.1234abcd.js"), A);
  writeFileSync(join(dist, "_import", "sim", "b.5678ef01.js"), B);
  return dist;
}

type Report = { report(): Promise<Record<string, unknown>> };
const load = async (dist: string) => ((await import(pathToFileURL(join(dist, "_import", "sim", "b.5678ef01.js")).href)) as Report).report();

describe("minifyDist", () => {
  it("keeps what the modules compute and their Chinese text; drops comments; a second run does no harm", async () => {
    const original = tree("original");
    const minified = join(root, "minified");
    cpSync(original, minified, { recursive: true });
    const result = await minifyDist(minified);
    expect(result.files).toBe(2);
    expect(result.after).toBeLessThan(result.before);
    const want = await load(original);
    // By hand: position 3 × 0.35 = 1.05, so 0.2 + 0.05 × (0.7 − 0.2) = 0.225; the minified tree must give the same bits.
    expect(want).toMatchObject({ label: "赔付率", share: 1 / 3, same: true, here: true });
    expect(want["q"]).toBeCloseTo(0.225, 12);
    const got = await load(minified);
    expect(got).toEqual(want);
    expect(Object.is(got["q"], want["q"])).toBe(true);
    const a = readFileSync(join(minified, "_import", "rules", "a.1234abcd.js"), "utf-8");
    expect(a).not.toMatch(/header comment|keep the total/);
    expect(a).toContain("赔付率");
    // A second run (a rebuilt dist/ is minified once, but a repeated postbuild must do no harm): no growth, same results.
    const twice = join(root, "twice");
    cpSync(minified, twice, { recursive: true });
    const again = await minifyDist(twice);
    expect(again.after).toBeLessThanOrEqual(again.before);
    expect(await load(twice)).toEqual(want);
  });
});
