/**
 * Urumqi employers' staff for the supplementary work-injury insurance trial (seed 004, from
 * 2025-09-01): track A (art. 6) — staff already in statutory WII, by the 8 industry risk classes
 * (Annex 3's Xinjiang classes are not in the file; the national classes stand in) — and track B
 * (art. 7) — the special persons: flexible workers without a labour relationship, village and
 * community committee members, over-age workers (≤ 70), platform ride-hailing/delivery/express
 * workers and interns aged 16+. Every count and share is an assumption
 * (data/assumptions/urumqi.csv); the class frequency multipliers are the national class rates
 * relative to class 1 (public-figures.md, in data/figures.csv), on the view that the rates are
 * set from the classes' claim costs.
 *
 * Track B cells are split by whether the policyholder also insures its WII staff under track A
 * (art. 7's condition): those whose employer does not are ineligible.
 */
import { z } from "zod";
import type { Figure } from "../figures/figures.js";
import { InputError } from "../rules/input-error.js";
import { apportion } from "../sim/cells.js";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";

const NAME = "urumqi-employers";
const CLASSES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export const SPECIAL = ["flexible", "village-committee", "over-age", "platform", "intern"] as const;
export type Special = (typeof SPECIAL)[number];

/** Figure id suffix, representative age and industry class of each special group (age and class are assumptions). */
const SPECIAL_PERSON: Record<Special, { figure: string; age: number; industryClass: number }> = {
  flexible: { figure: "flexible", age: 40, industryClass: 4 },
  "village-committee": { figure: "village_committee", age: 50, industryClass: 1 },
  "over-age": { figure: "over_age", age: 64, industryClass: 4 }, // ≤ 70 (art. 7(3))
  platform: { figure: "platform", age: 30, industryClass: 2 },
  intern: { figure: "intern", age: 19, industryClass: 3 },
};

const optionsSchema = z.strictObject({
  /** Representative age of track A staff. */
  staffAge: z.number().int().min(16).max(70).default(38),
});

export function trackACounts(figures: readonly Figure[]): number[] {
  const v = (id: string) => figureValue(figures, id, NAME);
  const shares = CLASSES.map((c) => v(`urumqi.class_share.class${c}`));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new InputError(`population builder ${NAME}`, `the 8 class shares must add up to 1, got ${sum}`);
  return apportion(v("urumqi.wii_insured"), shares);
}

export const urumqiEmployers: PopulationBuilder = {
  name: NAME,
  description: "Urumqi staff in statutory WII by industry class (track A) and the art. 7 special persons (track B)",
  build(input, figures) {
    const options = parseBuilderOptions(optionsSchema, input);
    const { staffAge } = options;
    const v = (id: string) => figureValue(figures, id, NAME);
    const rate1 = v("wii.class_rate.class1");
    const counts = trackACounts(figures);
    const cells: unknown[] = CLASSES.map((c, i) => ({
      id: `A/class${c}`,
      count: counts[i]!,
      attributes: { track: "A", group: "wii-staff", industryClass: c },
      person: { age: staffAge, category: "employee", industryClass: c, employerInsuresWiiStaff: true },
      purchase: { months: 12, payer: "employer" },
      frequency: v(`wii.class_rate.class${c}`) / rate1,
    }));
    const inA = v("urumqi.special.employer_in_track_a");
    for (const group of SPECIAL) {
      const p = SPECIAL_PERSON[group];
      const [yes, no] = apportion(v(`urumqi.special.${p.figure}`), [inA, 1 - inA]) as [number, number];
      for (const [insures, count] of [[true, yes], [false, no]] as const) {
        cells.push({
          id: `B/${group}/${insures ? "employer-in-A" : "employer-not-in-A"}`,
          count,
          attributes: { track: "B", group, employerInTrackA: insures },
          person: { age: p.age, category: group, industryClass: p.industryClass, employerInsuresWiiStaff: insures },
          purchase: { months: 12 },
        });
      }
    }
    return { cells };
  },
};
