/**
 * Ningbo trade-union members and their families, for 工惠保 (2020): role (member / dependant) ×
 * age (≤ 50 / > 50, the premium tiers of seed 002 l.109–112) × Bank of Ningbo card (holder / none;
 * the bank pays 30 元 for up to 100 万 holders, l.191–195), plus members whose employer buys the
 * cover as a group (allowed by the scheme; marked `enrolment: "group"`, take-up logit +30, the
 * employer pays, so the card subsidy does not apply). Every count and share is an assumption
 * (data/assumptions/ningbo-gonghuibao.csv): the seed publishes no enrolment and no membership.
 */
import { z } from "zod";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";
import { apportion } from "../sim/cells.js";
import { GROUP_TAKEUP_LOGIT } from "./ningbo-residents.js";

const NAME = "ningbo-union-members";

const optionsSchema = z.strictObject({
  /** Include members enrolled by their employer as a group. */
  groups: z.boolean().default(true),
});

export const ningboUnionMembers: PopulationBuilder = {
  name: NAME,
  description: "Ningbo union members and family members by age tier and Bank of Ningbo card, with employer-group members",
  build(input, figures) {
    const options = parseBuilderOptions(optionsSchema, input);
    const { groups } = options;
    const v = (id: string) => figureValue(figures, id, NAME);
    const members = v("ningbo.union.members");
    const dependants = Math.round(members * v("ningbo.union.dependants_per_member"));
    const [grouped, voluntary] = groups ? (apportion(members, [v("ningbo.union.group_share"), 1 - v("ningbo.union.group_share")]) as [number, number]) : [0, members];
    const card = v("ningbo.union.card_holder_share");
    const cells: unknown[] = [];
    const ages = { "<=50": 38, ">50": 56 } as const;
    const depAges = { "<=50": 16, ">50": 66 } as const;
    for (const [role, n, over50, repAge] of [
      ["member", voluntary, v("ningbo.union.member_over50_share"), ages],
      ["dependant", dependants, v("ningbo.union.dependant_over50_share"), depAges],
    ] as const) {
      const [old, young] = apportion(n, [over50, 1 - over50]) as [number, number];
      for (const [age, m] of [["<=50", young], [">50", old]] as const) {
        const [holders, others] = apportion(m, [card, 1 - card]) as [number, number];
        for (const [c, k] of [["holder", holders], ["none", others]] as const) {
          cells.push({
            id: `${role}/${age}/${c}`,
            count: k,
            attributes: { role, age, card: c, enrolment: "voluntary" },
            person: { age: repAge[age], bankOfNingboCardHolder: c === "holder" },
          });
        }
      }
    }
    if (groups) {
      const over50 = v("ningbo.union.member_over50_share");
      const [old, young] = apportion(grouped, [over50, 1 - over50]) as [number, number];
      for (const [age, m] of [["<=50", young], [">50", old]] as const) {
        cells.push({
          id: `employer-group/${age}`,
          count: m,
          attributes: { role: "member", age, card: "none", enrolment: "group" },
          person: { age: ages[age] },
          purchase: { payer: "employer" },
          takeupLogit: GROUP_TAKEUP_LOGIT,
        });
      }
    }
    return { cells };
  },
};
