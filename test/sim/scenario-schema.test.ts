import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/sim/scenario-json-schema.js";

it("simulations/scenarios/scenario.schema.json is up to date (npm run schema)", () => {
  const committed = JSON.parse(readFileSync(new URL("../../simulations/scenarios/scenario.schema.json", import.meta.url), "utf-8"));
  expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
});

it("describes the required top-level fields", () => {
  const schema = scenarioJsonSchema() as { required: string[]; properties: Record<string, unknown> };
  expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "seed", "date", "population", "options"]));
  expect(Object.keys(schema.properties)).toContain("assumptions");
});
