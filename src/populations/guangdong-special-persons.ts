/**
 * Guangdong's "special persons" (特定人员) eligible for single-type work-injury insurance in 2022
 * (seed 001 l.283–285: from 2021-04 over-age workers, interns, domestic workers and new-form
 * workers; by 2022-05, 121.52 万 insured single-type, about 8.51 万 of them new-form workers).
 * One cell per group; counts are assumptions (data/assumptions/guangdong.csv) except the
 * new-form workers, who are Guangdong's assumed share of the national 8400 万 (seed 001 l.431).
 * The industry risk class of each group (for the premium) is an assumption: the national classes
 * stand in for Guangdong's.
 */
import { z } from "zod";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";

const NAME = "guangdong-special-persons";

export const GROUPS = ["over-age", "intern", "domestic", "new-form"] as const;
export type Group = (typeof GROUPS)[number];

/** Representative age and industry class per group (assumptions: see the file comment). */
const PERSON: Record<Group, { age: number; industryClass: number; payer: "employer" | "platform" }> = {
  "over-age": { age: 63, industryClass: 4, payer: "employer" }, // construction, cleaning, security
  intern: { age: 19, industryClass: 3, payer: "employer" }, // manufacturing placements
  domestic: { age: 48, industryClass: 2, payer: "employer" }, // household services
  "new-form": { age: 30, industryClass: 2, payer: "platform" }, // delivery, express
};

const optionsSchema = z.strictObject({});

export function groupCounts(figures: Parameters<PopulationBuilder["build"]>[1]): Record<Group, number> {
  const v = (id: string) => figureValue(figures, id, NAME);
  return {
    "over-age": v("guangdong.over_age_workers"),
    intern: v("guangdong.interns"),
    domestic: v("guangdong.domestic_workers"),
    "new-form": Math.round(v("national.new_form_workers") * v("guangdong.new_form_share_of_national")),
  };
}

export const guangdongSpecialPersons: PopulationBuilder = {
  name: NAME,
  description: "Guangdong's special persons eligible for single-type WII in 2022 (over-age workers, interns, domestic and new-form workers)",
  build(input, figures) {
    const options = parseBuilderOptions(optionsSchema, input);
    const counts = groupCounts(figures);
    const cells = GROUPS.map((group) => ({
      id: group,
      count: counts[group],
      attributes: { group, newForm: group === "new-form" },
      person: { age: PERSON[group].age, variant: "guangdong", industryClass: PERSON[group].industryClass, insuredByPlatform: true },
      purchase: { months: 12, payer: PERSON[group].payer },
    }));
    return { cells };
  },
};
