/**
 * The engine's bounds, one exported constant each, so a bad scenario fails fast with a message
 * naming the limit instead of exhausting memory or producing NaN. Each is far above every shipped
 * scenario (simulations/scenarios/*.json) and the benchmark (simulations/bench/national-bench.json):
 * the largest has 720 cells, 1000 replicates, 3 options, 3 years, 15 claim categories, a cell of
 * 1.0 × 10⁷ persons and 2.5 × 10⁸ persons in all.
 */
import { MAX_AMOUNT } from "../rules/input.js";

export { MAX_AMOUNT };

/** Persons in one cell or one grid total: more than any population the workbench models (2 × 10⁹). */
export const MAX_PERSONS = 2_000_000_000;

/** Cells of a population (explicit, or the product of a grid's level counts): 28 × the largest shipped (720). */
export const MAX_CELLS = 20_000;

/** Replicates of one run (scenario `replicates`, or a caller's override; also a chunk of one). */
export const MAX_REPLICATES = 100_000;

/** The variance-based sensitivity indices need at least this many replicates. */
export const MIN_SENSITIVITY_REPLICATES = 4;

/** Seeds are whole numbers from 0 to this (the largest safe integer, 2^53 − 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Worker threads of one run (`--workers`); above the CPU count, one per CPU is used. */
export const MAX_WORKERS = 64;

/**
 * Result rows of one run, replicates × options × years (≈ 480 bytes each in memory, so about
 * 240 MB at the limit); the largest shipped run has 6000.
 */
export const MAX_ROWS = 500_000;

/** Person mode draws every person one by one: the persons in one option's cells (the oracle's test uses 10⁵). */
export const MAX_PERSON_MODE_PERSONS = 10_000_000;

/** Policy options of one scenario (shipped: at most 3). */
export const MAX_OPTIONS = 50;

/** Claim categories of one option (shipped: at most 15); each needs a benefit table per distinct person. */
export const MAX_CATEGORIES = 200;

/** Simulated years. */
export const MAX_YEARS = 30;

/** Claims per enrolled person-year, and each frequency multiplier (cell, level, frequencyBy). */
export const MAX_FREQUENCY = 1000;
/** Purchases an enrolled person makes a year (灵活保: one a day at most). */
export const MAX_PURCHASES = 366;

/** Severity scale and each severity multiplier (cell, level, severityBy); amounts are ≤ MAX_AMOUNT before scaling. */
export const MAX_SEVERITY = 100;

/** Take-up logits and offsets (the logistic is saturated far before: logit 37 is p = 1 − 10⁻¹⁶). */
export const MAX_LOGIT = 50;

/** Price elasticity of take-up (on the logit per relative price change). */
export const MAX_ELASTICITY = 20;

/** Gamma-frailty shape of claim counts (large = nearly Poisson). */
export const MAX_DISPERSION = 1_000_000;

/** Relative weight of a claim category. */
export const MAX_WEIGHT = 1_000_000_000;

/** Target loss ratios (repricing, the premium solver): in (0, 10]. */
export const TARGET_LOSS_RATIO = { min: 0, max: 10 } as const;

/** Sigma of a lognormal (claim amounts and priors). */
export const MAX_SIGMA = 5;

/** Coefficient of variation of a gamma claim amount. */
export const MAX_CV = 10;

/** Pareto tail index: > 1 (finite mean) and at most this. */
export const MAX_PARETO_ALPHA = 100;

/** Beta prior shape parameters. */
export const MAX_BETA_SHAPE = 1_000_000;

/** Largest relative price change a year in repricing. */
export const MAX_PRICE_CHANGE = 10;
