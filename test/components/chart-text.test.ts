/**
 * Chart labels that fit (src/components/chart-text.ts): Plot clips a label once its estimated
 * width passes lineWidth (in ems, 100 units each), counting a CJK character as 58 units (its
 * Helvetica table's "e"); a CJK glyph is drawn 1 em wide. So the Chinese label Plot keeps must fit
 * the room in real pixels, and a Latin label is not cut far earlier than needed.
 */
import { describe, expect, it } from "vitest";
import { fitLabel, textWidth } from "../../src/components/chart-text.js";

describe("fitLabel", () => {
  for (const width of [390, 640, 1280]) {
    it(`at ${width} px: the CJK characters Plot keeps are drawn inside the room`, () => {
      const fontSize = 12;
      const room = width - 12 - 8;
      const { lineWidth } = fitLabel(width, { fontSize, left: 12, right: 8, lang: "zh" });
      const kept = Math.floor((lineWidth * 100) / 58);
      expect(kept * fontSize).toBeLessThanOrEqual(room);
      // …and not less than 90 % of what fits.
      expect(kept * fontSize).toBeGreaterThan(0.9 * room - fontSize);
    });
  }
  it("Latin labels keep the earlier allowance (0.85 of the room in Plot's ems)", () => {
    expect(fitLabel(390, { fontSize: 10, left: 10, right: 10 }).lineWidth).toBeCloseTo((0.85 * 370) / 10, 12);
    expect(fitLabel(390, { fontSize: 10, left: 10, right: 10, lang: "en" })).toEqual(fitLabel(390, { fontSize: 10, left: 10, right: 10 }));
  });
});

describe("textWidth", () => {
  it("counts CJK and full-width forms as 1 em, anything else as 0.62 em", () => {
    expect(textWidth("赔付明细", 12)).toBe(48);
    expect(textWidth("351,075 yuan", 10)).toBeCloseTo(12 * 6.2, 9);
    expect(textWidth("（９）", 10)).toBe(30);
  });
});
