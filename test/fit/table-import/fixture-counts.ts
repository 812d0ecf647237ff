/**
 * How test/fixtures/claims-counts.csv was made (a test checks the file still equals this): 60
 * groups (区县 × 年份) with exposures of 800–3 750 person-years, claims Poisson with 0.12 claims
 * per person-year (samplers.poisson, seed "counts-fixture").
 */
import { Xoshiro128ss } from "../../../src/sim/rng.js";
import { poisson } from "../../../src/sim/samplers.js";

export const COUNTS_FIXTURE = { lambda: 0.12, groups: 60 } as const;

export function countsFixtureCsv(): string {
  const rng = Xoshiro128ss.derive("counts-fixture");
  const lines = ["区县,年份,理赔件数,人年"];
  for (let g = 0; g < COUNTS_FIXTURE.groups; g++) {
    const exposure = 800 + ((g * 37) % 60) * 50;
    lines.push([`区${Math.floor(g / 3) + 1}`, 2021 + (g % 3), poisson(rng, COUNTS_FIXTURE.lambda * exposure), exposure].join(","));
  }
  return lines.join("\n") + "\n";
}
