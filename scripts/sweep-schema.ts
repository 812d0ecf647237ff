/**
 * Writes simulations/sweeps/sweep.schema.json: the JSON Schema of sweep design files, generated
 * from the zod schema `puhui sweep` validates with (src/sim/design.ts). `npm run sweep-schema`
 * regenerates it.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { designSchema } from "../src/sim/design.js";

const out = fileURLToPath(new URL("../simulations/sweeps/sweep.schema.json", import.meta.url));
const schema = {
  ...z.toJSONSchema(designSchema, { io: "input", unrepresentable: "any" }),
  $id: "https://puhui-workbench.local/sweep.schema.json",
  title: "Puhui Workbench sweep design",
  description: "A base scenario, the factors to vary (assumptions, reform parameters, options) and a grid, Latin hypercube or Saltelli design. See docs/scale.md.",
};
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
process.stderr.write(`wrote ${out}\n`);
