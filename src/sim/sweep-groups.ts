/**
 * Per-group results of a sweep (issue 16: "for each sector and province group"): a design's
 * `groups` run, next to each kept option, one copy of it per level of a cell attribute — the
 * option restricted to the cells with that level (e.g. the national scenario's `occupation` and
 * `province`). A copy's id names the option, the attribute and the level, so merged results,
 * `puhui sweep analyse --option <id>` and the sweep page read each group as an ordinary option.
 * The copies draw the same random numbers as the whole option (the engine's streams are per cell,
 * not per option: src/sim/run.ts), so a replicate's groups add up to the whole. Pure, browser-safe.
 */

/** Separator of the parts of a group option's id (option ids are lower-case letters, digits and single dashes). */
export const GROUP_SEPARATOR = "--";

/** The id of option `option` restricted to cells whose `attribute` is `value`. */
export function groupOptionId(option: string, attribute: string, value: string): string {
  return [option, attribute, value].join(GROUP_SEPARATOR);
}

/** The parts of a group option's id, or null for an ordinary option. */
export function parseGroupOptionId(id: string): { option: string; attribute: string; value: string } | null {
  const parts = id.split(GROUP_SEPARATOR);
  if (parts.length !== 3 || parts.some((p) => p === "")) return null;
  return { option: parts[0]!, attribute: parts[1]!, value: parts[2]! };
}
