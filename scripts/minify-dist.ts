/**
 * Post-build step (npm `postbuild`, after `observable build`; issue 15: page weight): Framework
 * 1.13 writes the site's own modules (dist/_import/**.js: the rules, schemes, engine and
 * components every simulation page loads, ~0.7 MB of them on a scheme page) transpiled but not
 * minified, with every header comment. esbuild's minifier (`transform`, the same esbuild that
 * bundles the CLI and the npm cache) rewrites each file in place without comments, whitespace or
 * long local names; import and export names, import paths (content-hashed by Framework) and
 * `import.meta` are kept, and syntax is not lowered (`esnext`), so a module behaves as before.
 * Local function and class names may be shortened: no code here reads a function's or class's
 * `.name` (errors set theirs, population builders carry a `name` field). Run again on a minified
 * file it only renames locals again.
 * `tsx scripts/minify-dist.ts [dir]` (default dist/); prints the bytes before and after.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { transform } from "esbuild";

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith(".js")) out.push(path);
  }
  return out;
}

/** Minifies every .js file under `<dist>/_import` in place; returns the bytes before and after. */
export async function minifyDist(dist: string): Promise<{ files: number; before: number; after: number }> {
  const files = await jsFiles(join(dist, "_import"));
  let before = 0;
  let after = 0;
  for (const file of files) {
    const source = await readFile(file, "utf-8");
    const { code } = await transform(source, { loader: "js", format: "esm", target: "esnext", minify: true, legalComments: "none", sourcefile: file, charset: "utf8" });
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
    await writeFile(file, code);
  }
  return { files: files.length, before, after };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  const { files, before, after } = await minifyDist(dist);
  process.stdout.write(`minified ${files} modules in ${dist}/_import: ${(before / 1e3).toFixed(0)} kB → ${(after / 1e3).toFixed(0)} kB\n`);
}
