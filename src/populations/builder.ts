/** What a population builder is, and helpers builders share. */
import { z } from "zod";
import type { Figure } from "../figures/figures.js";
import { InputError } from "../rules/input-error.js";
import { describeIssue, pathText, problem, protoKeyPath } from "../sim/issues.js";

export interface PopulationBuilder {
  name: string;
  description: string;
  /** Returns {"cells": [...]} or {"grid": {...}} in the scenario's population format. */
  build(options: unknown, figures: readonly Figure[]): { cells: unknown[] } | { grid: unknown };
}

/** The value of a figure (an error naming the builder when missing). */
export function figureValue(figures: readonly Figure[], id: string, builder: string): number {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new InputError(`population builder ${builder}`, `missing figure (allowed: figures in data/figures.csv or data/assumptions/*.csv; got a reference to "${id}", which is not there)`);
  return f.value;
}

/**
 * Validates a builder's options; a bad one is an InputError naming scenario.population.options.<field>
 * with a one-line message `<what is wrong> (allowed: …; got …)`. A "__proto__" key is refused.
 */
export function parseBuilderOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const value = input ?? {};
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const { path, message: m } = describeIssue(issue, value);
    const message = issue.code === "unrecognized_keys" && issue.path.length === 0 && schema instanceof z.ZodObject ? m + ` (allowed: ${Object.keys(schema.shape).join(", ")})` : m;
    throw new InputError(pathText("scenario.population.options", path), message);
  }
  const proto = protoKeyPath(value);
  if (proto) throw new InputError(pathText("scenario.population.options", proto.slice(0, -1)), problem('"__proto__" is not allowed as a name', "any other name", "__proto__"));
  return parsed.data;
}
