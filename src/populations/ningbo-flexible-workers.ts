/**
 * Flexible workers registered on 灵活就业服务在线 with a job in Ningbo, for 灵活保 (seed 000):
 * occupation (construction/repair odd jobs, delivery, domestic hourly, catering hourly, warehouse
 * sorting, ride-hailing; seed 000 l.23–26, l.107–116) × age band (16–29, 30–49, 50–65, and a few
 * registrants under 16 or over 65 whom the 16–65 rule excludes, l.240). Each cell's purchase is
 * of `days` days (1–28 days, l.268–270) and carries `frequency: days`, so the option's frequency
 * is a rate per insured working day: claims per purchase = daily rate × days bought × occupation
 * and age multipliers; the scenario's `purchases` (a year, by occupation) repeat the purchase. Every count, share and purchase
 * length is an assumption (data/assumptions/ningbo-linghuobao.csv): nothing about 灵活保's buyers
 * is published.
 */
import { z } from "zod";
import { InputError } from "../rules/input-error.js";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";
import { apportion } from "../sim/cells.js";

const NAME = "ningbo-flexible-workers";

export const OCCUPATIONS = ["construction", "delivery", "domestic", "catering", "warehouse", "ridehailing"] as const;
export const AGE_BANDS = [
  { id: "under16", age: 15 },
  { id: "16-29", age: 24 },
  { id: "30-49", age: 40 },
  { id: "50-65", age: 57 },
  { id: "over65", age: 68 },
] as const;

const optionsSchema = z.strictObject({
  /** Keep the registrants outside 16–65 (ineligible) as cells. */
  outsideAges: z.boolean().default(true),
});

export const ningboFlexibleWorkers: PopulationBuilder = {
  name: NAME,
  description: "Flexible workers registered on 灵活就业服务在线 by occupation and age band, with days bought per purchase",
  build(input, figures) {
    const options = parseBuilderOptions(optionsSchema, input);
    const v = (id: string) => figureValue(figures, id, NAME);
    const total = v("ningbo.flex.registered");
    const named = OCCUPATIONS.slice(0, 5).map((o) => v(`ningbo.flex.share_${o}`));
    const rest = 1 - named.reduce((a, b) => a + b, 0);
    if (!(rest >= 0)) throw new InputError(`population builder ${NAME}`, `occupation shares add up to more than 1 (${1 - rest})`);
    const byOccupation = apportion(total, [...named, rest]);
    const outside = options.outsideAges;
    const under16 = outside ? v("ningbo.flex.share_under16") : 0;
    const over65 = outside ? v("ningbo.flex.share_over65") : 0;
    const young = v("ningbo.flex.share_16_29");
    const old = v("ningbo.flex.share_50_65");
    const inside = 1 - under16 - over65;
    const ageShares = [under16, inside * young, inside * (1 - young - old), inside * old, over65];
    const cells: unknown[] = [];
    OCCUPATIONS.forEach((occupation, i) => {
      const days = v(`ningbo.flex.days_${occupation}`);
      if (!(Number.isInteger(days) && days >= 1 && days <= 28)) throw new InputError(`population builder ${NAME}`, `days per purchase for ${occupation} must be a whole number from 1 to 28, got ${days}`);
      const counts = apportion(byOccupation[i]!, ageShares);
      AGE_BANDS.forEach((band, j) => {
        if (!outside && (band.id === "under16" || band.id === "over65")) return;
        cells.push({
          id: `${occupation}/${band.id}`,
          count: counts[j]!,
          attributes: { occupation, age: band.id, days },
          person: { age: band.age, registeredOnPlatform: true, jobInNingbo: true, jobPeriodDays: days },
          purchase: { days },
          frequency: days,
        });
      });
    });
    return { cells };
  },
};
