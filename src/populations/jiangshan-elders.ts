/**
 * Jiangshan town (姜山镇, Ningbo): the residents aged 80+ whom the town's business-chamber firms
 * (商会企业) enrolled in 天一甬宁保 and paid for (3625 in 2022, 3732 in 2023; seed 003 line 31) —
 * payer `chamber`, not the town, whose budget subsidises other groups (line 27) — split by
 * pre-existing conditions (assumption), and optionally the town's other enrollees (count and mix
 * are assumptions; seed 003 line 37 reports their claimants). Cells carry `preExisting` into their
 * claims. The elders' cells keep the attribute `group: "town-paid"` that the shipped scenario
 * selects on (the seed calls them 镇政府集体参保人员, l.37: organised by the town, paid by the firms).
 */
import { z } from "zod";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";
import { apportion } from "../sim/cells.js";

const NAME = "jiangshan-elders";

const optionsSchema = z.strictObject({
  year: z.union([z.literal(2022), z.literal(2023)]).default(2023),
  /** Include the town's other 天一甬宁保 enrollees (for the 577-claimant figure). */
  others: z.boolean().default(true),
});

export const jiangshanElders: PopulationBuilder = {
  name: NAME,
  description: "Jiangshan town's 80+ residents enrolled by its business-chamber firms (and the town's other enrollees)",
  build(input, figures) {
    const options = parseBuilderOptions(optionsSchema, input);
    const { year, others } = options;
    const v = (id: string) => figureValue(figures, id, NAME);
    const elders = v(`jiangshan.elders_enrolled_${year}`);
    const [eldersPre, eldersHealthy] = apportion(elders, [v("jiangshan.elders_preexisting_share"), 1 - v("jiangshan.elders_preexisting_share")]) as [number, number];
    const cells: unknown[] = [
      { id: "elders-preexisting", count: eldersPre, attributes: { group: "town-paid", health: "preexisting", age: "80+" }, person: { age: 84 }, purchase: { payer: "chamber" }, claim: { preExisting: true } },
      { id: "elders-healthy", count: eldersHealthy, attributes: { group: "town-paid", health: "healthy", age: "80+" }, person: { age: 84 }, purchase: { payer: "chamber" }, claim: { preExisting: false } },
    ];
    if (others) {
      const n = v("jiangshan.others_enrolled");
      const minor = v("jiangshan.others_minor_share");
      const pre = v("jiangshan.others_preexisting_share");
      const [adultPre, adultHealthy, minors] = apportion(n, [(1 - minor) * pre, (1 - minor) * (1 - pre), minor]) as [number, number, number];
      cells.push(
        { id: "others-adult-preexisting", count: adultPre, attributes: { group: "others", health: "preexisting", age: "18-79" }, person: { age: 50 }, claim: { preExisting: true } },
        { id: "others-adult-healthy", count: adultHealthy, attributes: { group: "others", health: "healthy", age: "18-79" }, person: { age: 40 }, claim: { preExisting: false } },
        { id: "others-minor", count: minors, attributes: { group: "others", health: "healthy", age: "0-17" }, person: { age: 10 }, claim: { preExisting: false } },
      );
    }
    return { cells };
  },
};
