/**
 * Fitting a chart's text labels to its width (issue 15: no label may run past a chart's edge at
 * 390 px). Observable Plot measures text in ems (`lineWidth`) and cuts a longer line with an
 * ellipsis (`textOverflow`); the cut label keeps its full text in the mark's title.
 */

/**
 * Plot text options that keep a label starting `left` px into a `width` px chart, in `fontSize` px
 * type, inside it (with `right` px spare). `lang: "zh"` for Chinese labels: Plot counts a CJK
 * character as 0.58 em (its Helvetica table's "e", @observablehq/plot src/marks/text.js
 * defaultWidth) where the glyph is a full 1 em, so Chinese labels ran up to 104 px out at 390 px.
 */
export function fitLabel(width: number, { fontSize = 10, left = 10, right = 10, lang }: { fontSize?: number; left?: number; right?: number; lang?: "zh" | "en" } = {}): { lineWidth: number; textOverflow: "ellipsis" } {
  // Latin: Plot's Helvetica metrics, the system fonts up to ~15 % wider (e2e at 390 px: labels
  // still 2–32 px out at the full width), hence 0.85. Chinese: 0.58 em counted per 1 em drawn, and
  // the same slack: 0.58 × 0.95.
  const share = lang === "zh" ? 0.58 * 0.95 : 0.85;
  return { lineWidth: Math.max(4, (share * (width - left - right)) / fontSize), textOverflow: "ellipsis" };
}

/** A generous width estimate (px) of `text` in `fontSize` px type: CJK and full-width forms 1 em, anything else 0.62 em. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/.test(ch) ? 1 : 0.62;
  return ems * fontSize;
}
