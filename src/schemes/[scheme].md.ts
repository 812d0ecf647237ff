// Page loader (parameterised): the page of one scheme, /schemes/<id>, printed at build time from
// the registry and src/schemes/<id>/page.yaml by the one template (src/data/scheme-page/render.ts).
// The ids come from the registry through the config's dynamicPaths.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { readSchemePage, pageFile, SCHEMES_DIR } from "../data/scheme-page/page.js";
import { renderSchemePage } from "../data/scheme-page/render.js";
import { populationOf } from "../data/scheme-page/scenario.js";
import { getScheme } from "./index.js";

const { values } = parseArgs({ options: { scheme: { type: "string" } } });
const scheme = getScheme(values.scheme ?? "");
const id = scheme.id;
// Where the scheme's rules live: its folder once it is one, else its module in src/rules/.
const ruleFiles = existsSync(`${SCHEMES_DIR}${id}/parameters.yaml`) ? [`src/schemes/${id}/`] : existsSync(new URL(`../rules/${id}.ts`, import.meta.url)) ? [`src/rules/${id}.ts`] : [];
// The population: page.yaml's, else the scheme's own scenario.json (a live panel).
const page = readSchemePage(id);
const population = populationOf(page, id);
process.stdout.write(renderSchemePage({ ...page, ...(population ? { population } : {}) }, { id, name: scheme.name, ruleFiles, hasPageFile: existsSync(pageFile(id)) }));
