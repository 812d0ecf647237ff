import { describe, expect, it } from "vitest";
import { BENEFIT_PAYERS, PAYER_IDS, PAYERS, PREMIUM_PAYERS, payerColour, payerLabel, paysForOwnWorkers, SUBSIDY_PAYERS } from "../../src/vocabulary/payers.js";

/** Okabe & Ito (2008) and Paul Tol's colour-blind-safe palettes, written out independently. */
const SAFE = new Set(["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999", "#882255", "#44AA99", "#DDCC77", "#332288", "#117733", "#88CCEE", "#AA4499", "#CC6677", "#999933"]);

describe("the payer registry", () => {
  it("holds every premium payer and the statutory benefit payers", () => {
    expect([...PREMIUM_PAYERS]).toEqual(["insured", "budget", "bank", "employer", "town", "platform", "union", "chamber", "collective", "association"]);
    expect([...BENEFIT_PAYERS]).toEqual(["fund", "employer", "platform"]);
    expect(PAYER_IDS).toHaveLength(11);
    // The engine's ledger columns: every payer but the insured, in this order.
    expect(SUBSIDY_PAYERS).toEqual(["budget", "bank", "employer", "town", "platform", "union", "chamber", "collective", "association"]);
  });
  it("gives each payer its own colour from a colour-blind-safe palette (no black: dark mode)", () => {
    const colours = PAYER_IDS.map((p) => PAYERS[p].colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const c of colours) expect(SAFE.has(c), c).toBe(true);
    expect(colours).not.toContain("#000000");
  });
  it("labels and describes each payer in both languages", () => {
    for (const p of PAYER_IDS) {
      const info = PAYERS[p];
      expect(info.id).toBe(p);
      for (const text of [info.label, info.short, info.description]) {
        expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en).toMatch(/^[\x20-\x7e…–—’]+$/);
      }
    }
    expect(payerLabel("bank", "zh")).toBe("银行");
    expect(payerLabel("insured", "en", "short")).toBe("insured");
    expect(payerLabel("fund", "zh")).toBe("工伤保险基金");
    expect(payerLabel("nobody", "zh")).toBe("nobody");
    expect(payerColour("nobody")).not.toBe(payerColour("chamber"));
  });
  it("employers and platforms pay for their own workers; the rest subsidise", () => {
    expect(PAYER_IDS.filter(paysForOwnWorkers)).toEqual(["employer", "platform"]);
  });
});
