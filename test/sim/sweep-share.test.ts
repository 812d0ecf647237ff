/**
 * The shipped rate grid's second lever, the public share of the mandatory scheme's per-order
 * contribution (platform-injury-mandatory financing.publicShare): on the national scenario with
 * common random numbers, two points that differ only in the share give the same premium and loss
 * ratios to the bit — the share moves who pays, not what is paid — and book share × the premium to
 * the budget, the rest to the platforms (to the fen of each enrollee's contribution).
 */
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../simulations/cli/sweep-run.js";
import { runPoint } from "../../src/sim/sweep.js";

describe("national-rate-grid: the public subsidy share", () => {
  it("moves the budget's and the platforms' shares of the premium, not the premium or the loss ratio", () => {
    const { design, base, points } = loadDesign("simulations/sweeps/national-rate-grid.json");
    expect(design.commonRandomNumbers).toBe(true);
    const at = (scale: number, share: number) => points.find((p) => p.values[0] === scale && p.values[1] === share)!;
    const d = { ...design, replicates: 4 };
    const none = runPoint(d, base, at(1, 0)).filter((r) => r.option === "mandatory");
    const half = runPoint(d, base, at(1, 0.5)).filter((r) => r.option === "mandatory");
    expect(half.length).toBe(4);
    half.forEach((h, i) => {
      const n = none[i]!;
      expect(h.lossRatio).toBe(n.lossRatio);
      expect(h.gross).toBe(n.gross);
      expect(h.benefits).toBe(n.benefits);
      expect(h.costs.platform).toBe(n.costs.platform);
      expect(n.subsidies.budget).toBe(0);
      expect(n.subsidies.platform).toBeCloseTo(n.gross, 0);
      // Each enrollee's contribution is split to the fen: at most ½ fen off per enrollee.
      expect(Math.abs(h.subsidies.budget - 0.5 * h.gross)).toBeLessThanOrEqual(0.005 * h.enrolled);
      expect(h.subsidies.budget + h.subsidies.platform).toBeCloseTo(h.gross, 0);
      expect(h.net).toBe(0);
    });
  }, 300_000);
});
