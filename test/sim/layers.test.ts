/**
 * Layering (issue 11), checked on the import graph by scripts/check-layers.mjs: no import breaks
 * a layering rule (the engine never imports the population builders, the command line or the
 * site; the baseline runs never import the command line …), no cycle of layers anywhere (the
 * registry, src/schemes, sits above src/rules and src/families, never re-exported by them) and no
 * cycle of files. The checker itself is tried on small trees with a known cycle, so a checker
 * that found nothing could not pass.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/check-layers.mjs", import.meta.url));

interface Report {
  fileCycles: string[][];
  layerCycles: { layers: string[]; imports: string[] }[];
  broken: { rule: string; imports: string[] }[];
}

/** The checker's JSON report on `root` (default: this repository) and its exit status. */
function report(root?: string): { status: number; r: Report } {
  const args = [script, "--json", ...(root ? [root] : [])];
  try {
    return { status: 0, r: JSON.parse(execFileSync(process.execPath, args, { encoding: "utf-8" })) as Report };
  } catch (error) {
    // Exit status 1 when anything is found; the report is on stdout either way.
    const e = error as { status: number; stdout: string };
    return { status: e.status, r: JSON.parse(e.stdout) as Report };
  }
}

describe("layers", () => {
  const { status, r } = report();
  it("no import breaks a layering rule", () => {
    expect(r.broken).toEqual([]);
  });
  it("no cycle of layers", () => {
    expect(r.layerCycles).toEqual([]);
  });
  it("no cycle of files", () => {
    expect(r.fileCycles).toEqual([]);
  });
  it("the checker exits 0 on this tree", () => {
    expect(status).toBe(0);
  });
});

describe("the checker on trees with a cycle", () => {
  const roots: string[] = [];
  /** A throwaway tree: path → source. */
  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), "layers-"));
    roots.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it("a re-export of the layer above (the old src/rules/index.ts → src/schemes) is a layer cycle, exit 1", () => {
    const { status, r } = report(
      tree({
        "src/rules/index.ts": 'export { schemes } from "../schemes/index.js";\n',
        "src/rules/scheme.ts": "export type Scheme = { id: string };\n",
        "src/schemes/index.ts": 'import type { Scheme } from "../rules/scheme.js";\nexport const schemes: Scheme[] = [];\n',
      }),
    );
    expect(status).toBe(1);
    expect(r.fileCycles).toEqual([]);
    expect(r.layerCycles.map((c) => c.layers)).toEqual([["src/rules", "src/schemes"]]);
    expect(r.layerCycles[0]!.imports).toContain("src/rules/index.ts → src/schemes/index.ts");
  });

  it("two files of one folder importing each other (type-only too) are a file cycle, exit 1", () => {
    const { status, r } = report(
      tree({
        "src/families/medical/spec.ts": 'import { resolveSpec } from "./resolve.js";\nexport type Spec = { a: 1 };\nexport const parse = (x: Spec) => resolveSpec(x);\n',
        "src/families/medical/resolve.ts": 'import type { Spec } from "./spec.js";\nexport const resolveSpec = (x: Spec) => x;\n',
      }),
    );
    expect(status).toBe(1);
    expect(r.layerCycles).toEqual([]);
    expect(r.fileCycles).toEqual([["src/families/medical/resolve.ts", "src/families/medical/spec.ts"]]);
  });

  it("the same trees without the back edge pass, exit 0", () => {
    const { status, r } = report(
      tree({
        "src/rules/scheme.ts": "export type Scheme = { id: string };\n",
        "src/schemes/index.ts": 'import type { Scheme } from "../rules/scheme.js";\nexport const schemes: Scheme[] = [];\n',
      }),
    );
    expect(status).toBe(0);
    expect(r).toMatchObject({ fileCycles: [], layerCycles: [], broken: [] });
  });
});
