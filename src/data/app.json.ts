// Data loader: the app's name and version from package.json, for the "cite this" line on every page
// (read at build time, so the version on a page is the version that built it).
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf-8")) as { name: string; version: string };
process.stdout.write(JSON.stringify({ name: pkg.name, version: pkg.version }));
