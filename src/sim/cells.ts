/**
 * Population cells: groups of identical-risk people with a head count. A scenario lists cells
 * or a grid of dimensions (occupation × platform × province group × risk tier …) whose levels
 * carry shares; the grid's cross product becomes cells with counts that sum exactly to the total
 * (largest-remainder rounding). Scales from a town's 3 732 elders to 8400 万 workers without a
 * per-person array.
 */
import { InputError } from "../rules/input-error.js";
import { problem } from "./issues.js";
import { MAX_CELLS, MAX_PERSONS } from "./limits.js";
import type { Scenario } from "./scenario.js";

export type AttrValue = string | number | boolean;

export interface Cell {
  id: string;
  count: number;
  attributes: Record<string, AttrValue>;
  /** Representative person given to the rules (scheme defaults fill what is missing). */
  person: Record<string, unknown>;
  /** Purchase terms (days, orders …) merged over each option's purchase. */
  purchase: Record<string, unknown>;
  /** Claim fields of this cell's claims unless a category sets them. */
  claim: Record<string, number | boolean>;
  /** Multiplier on claim frequency (product of the levels'). */
  frequency: number;
  /** Multiplier on monetary claim amounts. */
  severity: number;
  /** Offset added to the take-up logit. */
  takeupLogit: number;
}

/** Splits `total` in proportion to `weights`, summing exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!(Number.isInteger(total) && total >= 0 && total <= MAX_PERSONS)) throw new InputError("population total", problem("out of range", `an integer from 0 to ${MAX_PERSONS}`, total));
  const bad = weights.findIndex((w) => !(w >= 0 && w < Infinity));
  if (bad >= 0) throw new InputError(`population share ${bad + 1} of ${weights.length}`, problem("out of range", "a finite number ≥ 0", weights[bad]));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]!.i]! += 1;
  return counts;
}

export function buildCells(population: Scenario["population"]): Cell[] {
  if (population.cells) {
    const seen = new Set<string>();
    return population.cells.map((c, i) => {
      if (seen.has(c.id)) throw new InputError(`scenario.population.cells[${i}].id`, problem("duplicate cell id", "an id no other cell has", c.id));
      seen.add(c.id);
      return {
        id: c.id,
        count: c.count,
        attributes: { ...c.attributes },
        person: { ...c.person },
        purchase: { ...c.purchase },
        claim: { ...c.claim },
        frequency: c.frequency ?? 1,
        severity: c.severity ?? 1,
        takeupLogit: c.takeupLogit ?? 0,
      };
    });
  }
  const grid = population.grid!;
  // Fail before expanding: the cross product grows as the product of the level counts.
  const size = grid.dimensions.reduce((n, d) => n * d.levels.length, 1);
  if (size > MAX_CELLS) {
    throw new InputError("scenario.population.grid.dimensions", `too many cells (allowed: the product of the dimensions' level counts ≤ ${MAX_CELLS}; got ${grid.dimensions.map((d) => d.levels.length).join(" × ")} = ${size})`);
  }
  grid.dimensions.forEach((d, i) => {
    const total = d.levels.reduce((a, l) => a + l.share, 0);
    if (Math.abs(total - 1) > 1e-6) {
      throw new InputError(`scenario.population.grid.dimensions[${i}].levels`, `shares of "${d.name}" do not sum to 1 (allowed: a sum within 1e-6 of 1; got ${Number(total.toFixed(6))})`);
    }
  });
  let partial: { id: string[]; share: number; cell: Omit<Cell, "id" | "count"> }[] = [
    { id: [], share: 1, cell: { attributes: {}, person: { ...grid.person }, purchase: {}, claim: {}, frequency: 1, severity: 1, takeupLogit: 0 } },
  ];
  for (const dimension of grid.dimensions) {
    const next: typeof partial = [];
    for (const p of partial) {
      for (const level of dimension.levels) {
        next.push({
          id: [...p.id, level.id],
          share: p.share * level.share,
          cell: {
            attributes: { ...p.cell.attributes, [dimension.name]: level.id, ...level.attributes },
            person: { ...p.cell.person, ...level.person },
            purchase: { ...p.cell.purchase, ...level.purchase },
            claim: { ...p.cell.claim, ...level.claim },
            frequency: p.cell.frequency * (level.frequency ?? 1),
            severity: p.cell.severity * (level.severity ?? 1),
            takeupLogit: p.cell.takeupLogit + (level.takeupLogit ?? 0),
          },
        });
      }
    }
    partial = next;
  }
  const counts = apportion(grid.total, partial.map((p) => p.share));
  return partial.map((p, i) => ({ id: p.id.join("/"), count: counts[i]!, ...p.cell }));
}

/** True when the cell's attributes match every listed attribute's allowed values. */
export function cellMatches(cell: Cell, filter: Record<string, AttrValue[]> | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([attr, allowed]) => Object.hasOwn(cell.attributes, attr) && allowed.includes(cell.attributes[attr]!));
}
