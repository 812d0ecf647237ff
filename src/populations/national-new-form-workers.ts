/**
 * China's new-form workers (新就业形态劳动者): 8400 万 (ACFTU 9th survey via seed 001 l.431), by
 * occupation, platform, province group and traffic-risk tier — 5 × 3 × 4 × 4 = 240 cells per
 * scheme view.
 *
 *  - occupation: delivery riders (Meituan's 745 万 active riders, public-figures.md, divided by
 *    Meituan's assumed share of riders), ride-hailing, express and intra-city freight (assumed
 *    counts), and every other new-form worker (the remainder of the 8400 万);
 *  - platform: the occupation's leading platform, the second, and the rest (assumed shares;
 *    for delivery the leading platform is Meituan);
 *  - province group: the first pilot provinces, other eastern, central, western and north-eastern
 *    provinces (assumed shares; medical cost levels differ);
 *  - risk tier: the courier survey's shares (seed 001 l.427–429: 43.32 % occasional, 10.87 %
 *    long-term, 9.61 % frequent traffic-safety problems, the rest none), applied to every
 *    occupation (an assumption), with assumed injury-rate multipliers.
 *
 * The population is shared by options on different schemes whose person and purchase inputs
 * differ, so each requested `view` (single-type WII, the pilot, the mandatory proposal) is a copy
 * of the 240 cells carrying that scheme's person and purchase; options select theirs with
 * `"cells": {"view": [...]}`. Pilot eligibility: pilot province × pilot platform. The mandatory
 * view's persons carry their occupation's sector, which sets their rate per order.
 */
import { z } from "zod";
import type { Figure } from "../figures/figures.js";
import { InputError } from "../rules/input-error.js";
import { apportion } from "../sim/cells.js";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";

const NAME = "national-new-form-workers";

export const VIEWS = ["single-type", "pilot", "mandatory"] as const;
export type View = (typeof VIEWS)[number];
export const OCCUPATIONS = ["delivery", "ride-hailing", "express", "freight", "other"] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const PLATFORMS = ["leading", "second", "rest"] as const;
export const PROVINCES = ["pilot", "other-east", "central", "west-northeast"] as const;
export const RISKS = ["none", "occasional", "longterm", "frequent"] as const;

/** Pilot sector of each occupation (the pilot covers ride-hailing, instant delivery and freight). */
const SECTOR: Record<Occupation, "instant-delivery" | "ride-hailing" | "freight"> = {
  delivery: "instant-delivery",
  "ride-hailing": "ride-hailing",
  express: "instant-delivery", // never eligible: express couriers are outside the pilot
  freight: "freight",
  other: "instant-delivery", // never eligible
};

/**
 * Sector of each occupation under the mandatory proposal, which prices each sector at its own
 * rate per order (src/schemes/platform-injury-mandatory/parameters.yaml; issue 12).
 */
const MANDATORY_SECTOR: Record<Occupation, "instant-delivery" | "ride-hailing" | "freight" | "express" | "other"> = {
  delivery: "instant-delivery",
  "ride-hailing": "ride-hailing",
  express: "express",
  freight: "freight",
  other: "other",
};

/**
 * Industry risk class for single-type WII premiums (national classes, 人社部发〔2015〕71号):
 * postal/express and catering-related delivery are class 2; road transport is taken as class 4
 * and other platform work as class 1 (an assumption: the classification of platform work is
 * not in the sources).
 */
const INDUSTRY_CLASS: Record<Occupation, number> = { delivery: 2, "ride-hailing": 4, express: 2, freight: 4, other: 1 };

const optionsSchema = z.strictObject({
  views: z.array(z.enum(VIEWS)).min(1).default([...VIEWS]),
  /** Which platforms buy the mandatory scheme's optional third-party add-on. */
  thirdParty: z.enum(["none", "leading", "all"]).default("leading"),
  /** Representative age passed to the rules (all schemes need only age ≥ 16). */
  age: z.number().int().min(16).max(70).default(32),
});


/** Head counts by occupation: delivery from Meituan's riders, named counts, the rest "other". */
export function occupationCounts(figures: readonly Figure[]): Record<Occupation, number> {
  const v = (id: string) => figureValue(figures, id, NAME);
  const total = v("national.new_form_workers");
  const delivery = Math.round(v("meituan.riders_active_2023") / v("national.meituan_share_of_delivery_riders"));
  const rideHailing = v("national.ride_hailing_drivers");
  const express = v("national.express_couriers");
  const freight = v("national.freight_drivers");
  const other = total - delivery - rideHailing - express - freight;
  if (other < 0) throw new InputError(`population builder ${NAME}`, `the named occupations (${delivery + rideHailing + express + freight}) exceed the ${total} new-form workers`);
  return { delivery, "ride-hailing": rideHailing, express, freight, other };
}

/** Platform shares of an occupation (leading, second, rest). */
export function platformShares(figures: readonly Figure[], occupation: Occupation): [number, number, number] {
  const v = (id: string) => figureValue(figures, id, NAME);
  const leading = occupation === "delivery" ? v("national.meituan_share_of_delivery_riders") : v("national.platform_leading_share");
  const second = v("national.platform_second_share");
  if (leading + second > 1) throw new InputError(`population builder ${NAME}`, `platform shares of ${occupation} exceed 1 (${leading} + ${second})`);
  return [leading, second, 1 - leading - second];
}

/**
 * Platforms in the first pilot (by 2023-09; MOHRSS, not in the seeds — an assumption): every
 * instant-delivery platform level (the first pilot's platforms included the main instant-delivery
 * platforms, so the smaller ones are taken as in it too), freight's leading and second
 * platforms, and for ride-hailing a small share of drivers (the first pilot included a smaller
 * ride-hailing platform, not the leader) — the "second" level, whose share is replaced by
 * national.pilot_platform_share.ride_hailing. Express and other work are outside the pilot.
 */
export function onPilotPlatform(occupation: Occupation, platform: (typeof PLATFORMS)[number]): boolean {
  if (occupation === "delivery") return true;
  if (occupation === "freight") return platform !== "rest";
  if (occupation === "ride-hailing") return platform === "second";
  return false;
}

export function provinceShares(figures: readonly Figure[]): number[] {
  const v = (id: string) => figureValue(figures, id, NAME);
  const s = [v("national.pilot_province_share"), v("national.other_east_share"), v("national.central_share")];
  const rest = 1 - s.reduce((a, b) => a + b, 0);
  if (rest < 0) throw new InputError(`population builder ${NAME}`, "province group shares exceed 1");
  return [...s, rest];
}

export function riskShares(figures: readonly Figure[]): number[] {
  const v = (id: string) => figureValue(figures, id, NAME);
  const occasional = v("courier.traffic_risk_occasional");
  const longterm = v("courier.traffic_risk_longterm");
  const frequent = v("courier.traffic_risk_frequent");
  return [1 - occasional - longterm - frequent, occasional, longterm, frequent];
}

export const nationalNewFormWorkers: PopulationBuilder = {
  name: NAME,
  description: "China's 8400 万 new-form workers by occupation, platform, province group and traffic-risk tier (240 cells per scheme view)",
  build(input, figures) {
    const { views, thirdParty, age } = parseBuilderOptions(optionsSchema, input);
    const v = (id: string) => figureValue(figures, id, NAME);
    const occ = occupationCounts(figures);
    const provinces = provinceShares(figures);
    const risks = riskShares(figures);
    const expressInWii = v("national.express_in_statutory_wii");
    const riskMultiplier = [v("national.risk_multiplier.none"), 1, v("national.risk_multiplier.longterm"), v("national.risk_multiplier.frequent")];
    const severity = [v("national.severity.pilot_provinces"), v("national.severity.other_east"), v("national.severity.central"), v("national.severity.west_northeast")];
    const orders: Record<Occupation, number> = {
      delivery: v("national.orders.delivery"),
      "ride-hailing": v("national.orders.ride_hailing"),
      express: v("national.orders.express"),
      freight: v("national.orders.freight"),
      other: v("national.orders.other"),
    };
    const base: { id: string; count: number; attributes: Record<string, string | boolean>; occupation: Occupation; platform: string; pilotEligible: boolean; frequency: number; severity: number }[] = [];
    for (const occupation of OCCUPATIONS) {
      let platformW: number[] = platformShares(figures, occupation);
      if (occupation === "ride-hailing") {
        // leading and rest keep their relative sizes; "second" is the pilot platforms' share.
        const pilot = v("national.pilot_platform_share.ride_hailing");
        const [l, , r] = platformW as [number, number, number];
        platformW = [(1 - pilot) * (l / (l + r)), pilot, (1 - pilot) * (r / (l + r))];
      }
      const byPlatform = apportion(occ[occupation], platformW);
      PLATFORMS.forEach((platform, pi) => {
        const byProvince = apportion(byPlatform[pi]!, provinces);
        PROVINCES.forEach((province, gi) => {
          const byRisk = apportion(byProvince[gi]!, risks);
          RISKS.forEach((risk, ri) => {
            const pilotEligible = province === "pilot" && onPilotPlatform(occupation, platform);
            base.push({
              id: `${occupation}/${platform}/${province}/${risk}`,
              count: byRisk[ri]!,
              attributes: { occupation, platform, province, risk, pilotEligible },
              occupation,
              platform,
              pilotEligible,
              frequency: riskMultiplier[ri]!,
              severity: severity[gi]!,
            });
          });
        });
      });
    }
    const cells: unknown[] = [];
    for (const view of views) {
      for (const c of base) {
        const common = { id: `${view}:${c.id}`, count: c.count, attributes: { ...c.attributes, view }, frequency: c.frequency, severity: c.severity };
        if (view === "single-type") {
          cells.push({ ...common, person: { age, variant: "zhejiang", industryClass: INDUSTRY_CLASS[c.occupation], insuredByPlatform: true }, purchase: { months: 12, payer: "platform" } });
        } else if (view === "pilot") {
          // Ineligible cells share one person (their premium and benefits are never used), which
          // keeps the number of benefit tables small.
          const person = c.pilotEligible ? { age, sector: SECTOR[c.occupation], newPlatform: false, onPilotPlatform: true } : { age, sector: "instant-delivery", newPlatform: false, onPilotPlatform: false };
          cells.push({ ...common, person, purchase: { orders: orders[c.occupation] } });
        } else {
          const tp = thirdParty === "all" || (thirdParty === "leading" && c.platform === "leading");
          const person = { age, sector: MANDATORY_SECTOR[c.occupation], platformWorker: true, thirdPartyCover: tp };
          if (c.occupation === "express") {
            // Express couriers are mostly employees of express firms already in statutory WII
            // (Guangdong > 80 % in 2022, seed 001 l.283): they are not insured a second time —
            // outside the platform scheme (platformWorker false, so ineligible).
            const [inWii, rest] = apportion(c.count, [expressInWii, 1 - expressInWii]) as [number, number];
            cells.push({ ...common, id: `${common.id}/in-wii`, count: inWii, attributes: { ...common.attributes, inStatutoryWii: true }, person: { ...person, platformWorker: false }, purchase: { orders: orders[c.occupation] } });
            cells.push({ ...common, id: `${common.id}/not-in-wii`, count: rest, attributes: { ...common.attributes, inStatutoryWii: false }, person, purchase: { orders: orders[c.occupation] } });
          } else {
            cells.push({ ...common, person, purchase: { orders: orders[c.occupation] } });
          }
        }
      }
    }
    return { cells };
  },
};
