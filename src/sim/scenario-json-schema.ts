/** The JSON Schema of scenario files, derived from the zod schema (one source of truth). */
import { z } from "zod";
import { scenarioSchema } from "./scenario.js";

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }),
    $id: "https://puhui-workbench.local/scenario.schema.json",
    title: "Puhui Workbench scenario",
    description: "A population (cells or a grid), policy options (scheme, reform, take-up, claims, dynamics), assumptions with priors, years and seed. See docs/engine.md.",
  };
}
