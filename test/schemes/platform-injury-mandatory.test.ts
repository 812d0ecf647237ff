/**
 * The mandatory proposal prices each sector at its own rate per order (issue 12: not one flat
 * 0.15 元 for everyone), and the national scenario's mandatory cells carry their occupation's
 * sector. Expected rates are the pilot's standards (人社部发〔2025〕24号, public-figures.md) and the
 * scaled assumptions of parameters.yaml, computed by hand.
 */
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";
import { nationalNewFormWorkers } from "../../src/populations/national-new-form-workers.js";
import { getScheme } from "../../src/schemes/index.js";

const s = getScheme("platform-injury-mandatory");
const D = "2025-01-01";
const perWorkerYear = (person: object, orders: number) => s.premium(s.parsePerson(person), s.parsePurchase({ orders }, D), D).gross;

describe("platform-injury-mandatory: rates by sector", () => {
  it("1000 orders cost 160 (instant delivery), 10 (ride-hailing), 180 (freight), 170 (express), 170 (other work)", () => {
    const want = { "instant-delivery": 160, "ride-hailing": 10, freight: 180, express: 170, other: 170 };
    for (const [sector, gross] of Object.entries(want)) expect(perWorkerYear({ sector }, 1000), sector).toBe(gross);
  });

  it("a ride-hailing order costs a sixteenth of a delivery order: the pilot's 0.01 against 0.16 (a flat rate gives 1)", () => {
    expect(perWorkerYear({ sector: "ride-hailing" }, 1000) / perWorkerYear({ sector: "instant-delivery" }, 1000)).toBeCloseTo(1 / 16, 12);
  });

  it("every sector's rate is a pricing parameter (the engine reprices the scheme through them)", () => {
    for (const k of ["instantDelivery", "rideHailing", "freight", "express", "other"]) expect(s.pricing).toContain(`platform-injury-mandatory.premium.${k}`);
  });

  it("the national scenario's mandatory cells carry their occupation's sector, so each pays its own rate", () => {
    const figures = readFigures();
    const cells = (nationalNewFormWorkers.build({ views: ["mandatory"] }, figures) as { cells: { attributes: Record<string, unknown>; person: { sector?: string } }[] }).cells;
    const sectorOf = { delivery: "instant-delivery", "ride-hailing": "ride-hailing", express: "express", freight: "freight", other: "other" } as Record<string, string>;
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.person.sector, String(c.attributes["occupation"])).toBe(sectorOf[String(c.attributes["occupation"])]);
    const sectors = new Set(cells.map((c) => c.person.sector));
    expect(sectors.size).toBe(5);
  });
});
