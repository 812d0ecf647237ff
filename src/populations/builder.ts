/** What a population builder is, and helpers builders share. */
import type { z } from "zod";
import type { Figure } from "../figures/figures.js";
import { InputError } from "../rules/input-error.js";

export interface PopulationBuilder {
  name: string;
  description: string;
  /** Returns {"cells": [...]} or {"grid": {...}} in the scenario's population format. */
  build(options: unknown, figures: readonly Figure[]): { cells: unknown[] } | { grid: unknown };
}

/** The value of a figure (an error naming the builder when missing). */
export function figureValue(figures: readonly Figure[], id: string, builder: string): number {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new InputError(`population builder ${builder}`, `needs figure "${id}", which is not in data/figures.csv or data/assumptions/*.csv`);
  return f.value;
}

/** Validates a builder's options; a bad one is an InputError naming scenario.population.options.<field>. */
export function parseBuilderOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`scenario.population.options.${issue.path.join(".")}`.replace(/\.$/, ""), issue.message);
  }
  return parsed.data;
}
