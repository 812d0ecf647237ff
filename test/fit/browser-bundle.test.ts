/**
 * src/fit runs in browsers and workers as it does in Node: it bundles for the browser platform
 * (esbuild fails on any import of a Node built-in there), and the bundle — evaluated here — reads
 * and fits the claims fixture exactly as the modules do.
 */
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { fitSeverity } from "../../src/fit/severity/fit.js";
import { importClaims } from "../../src/fit/table-import/claims.js";
import { readTable } from "../../src/fit/table-import/excel.js";

describe("src/fit in the browser", () => {
  it("bundles for platform=browser with no Node built-in, and the bundle's fit equals the module's", async () => {
    const out = await build({ entryPoints: [new URL("../../src/fit/index.ts", import.meta.url).pathname], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\(["']/);
    const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
    const bytes = new Uint8Array(readFileSync(new URL("../fixtures/claims-lognormal.csv", import.meta.url)));
    const viaBundle = mod.fitSeverity(mod.importClaims(await mod.readTable(bytes)).records, "lognormal");
    const direct = fitSeverity(importClaims(await readTable(bytes)).records, "lognormal");
    expect(viaBundle.estimate).toEqual(direct.estimate);
    expect(viaBundle.logLikelihood).toBe(direct.logLikelihood);
  });
});
