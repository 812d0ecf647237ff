/**
 * Fitting a chart's text labels to its width (issue 15: no label may run past a chart's edge at
 * 390 px). Observable Plot measures text in ems (`lineWidth`) and cuts a longer line with an
 * ellipsis (`textOverflow`); the cut label keeps its full text in the mark's title.
 */

/** Plot text options that keep a label starting `left` px into a `width` px chart, in `fontSize` px type, inside it (with `right` px spare). */
export function fitLabel(width: number, { fontSize = 10, left = 10, right = 10 }: { fontSize?: number; left?: number; right?: number } = {}): { lineWidth: number; textOverflow: "ellipsis" } {
  // Plot estimates a line's width from Helvetica's metrics; the system CJK/Latin fonts run up to
  // ~15 % wider (e2e at 390 px: labels still 2–32 px out at the full width), hence 0.85.
  return { lineWidth: Math.max(4, (0.85 * (width - left - right)) / fontSize), textOverflow: "ellipsis" };
}
