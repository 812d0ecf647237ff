/**
 * The calibration page's re-calibration form (issue 13) as edits of a scenario's text: a target's
 * published value changed, a target held out (predicted, not fitted) or dropped, and an
 * assumption's prior moved or widened by two plain knobs — its centre and its width:
 *   lognormal: median (or mean, as the text centres it) and σ (of the log);  uniform: midpoint and range (max − min);
 *   triangular: mode and range (min and max move with the mode, scaled about it);
 *   beta: mean and sd (α + β = mean (1 − mean) / sd² − 1).
 * An edited prior's point value moves to its new centre (the posterior draws from the prior; the
 * point value only has to lie inside it). Bad input is an InputError naming the field and its
 * allowed range, in both languages (FormError). Pure; used by src/calibration.md and tested in
 * test/components/recalibrate.test.ts.
 */
import { InputError } from "../rules/input-error.js";
import type { Prior } from "../sim/priors.js";

/** The largest seed (MAX_SEED in src/sim/limits.ts, which loads zod; a test holds them equal). */
export const PAGE_MAX_SEED = Number.MAX_SAFE_INTEGER;
const MAX_SEED = PAGE_MAX_SEED;

/**
 * A prior as the scenario text writes it: a lognormal is centred on its `median` or its `mean`
 * (src/sim/scenario.ts priorSchema; a mean-centred lognormal's point value must be that mean).
 */
type FreePrior = Exclude<Prior, { dist: "fixed" | "lognormal" }> | { dist: "lognormal"; median?: number; mean?: number; sigma: number };
type Text = { zh: string; en: string };

/**
 * Particles the page accepts: the sampler's own minimum (PARTICLES.min in src/sim/posterior/posterior.ts,
 * not imported so the page does not load the engine; a test holds them equal), at most 5000 (the
 * command line allows 100 000; a page run that long would take hours), 200 by default (under a
 * minute for the slowest scenario: 天一甬宁保 took 27 s in Chromium on a busy 2-core machine).
 */
export const PAGE_PARTICLES = { min: 100, max: 5000, default: 200 } as const;

/** Bad input in the form: `field` names it; `text` says it in both languages (the Error message is the English line). */
export class FormError extends InputError {
  readonly text: Text;
  constructor(field: string, text: Text) {
    super(field, text.en);
    this.text = { zh: `${field}：${text.zh}`, en: `${field}: ${text.en}` };
  }
}

export interface Knobs {
  centre: number;
  width: number;
  centreLabel: Text;
  widthLabel: Text;
}

export function knobsOf(p: FreePrior): Knobs {
  switch (p.dist) {
    case "lognormal":
      return p.mean !== undefined
        ? { centre: p.mean, width: p.sigma, centreLabel: { zh: "均值", en: "mean" }, widthLabel: { zh: "σ(对数)", en: "σ (of the log)" } }
        : { centre: p.median!, width: p.sigma, centreLabel: { zh: "中位数", en: "median" }, widthLabel: { zh: "σ(对数)", en: "σ (of the log)" } };
    case "uniform":
      return { centre: (p.min + p.max) / 2, width: p.max - p.min, centreLabel: { zh: "中点", en: "midpoint" }, widthLabel: { zh: "范围(最大 − 最小)", en: "range (max − min)" } };
    case "triangular":
      return { centre: p.mode, width: p.max - p.min, centreLabel: { zh: "众数", en: "mode" }, widthLabel: { zh: "范围(最大 − 最小)", en: "range (max − min)" } };
    case "beta": {
      const s = p.alpha + p.beta;
      const m = p.alpha / s;
      return { centre: m, width: Math.sqrt((m * (1 - m)) / (s + 1)), centreLabel: { zh: "均值", en: "mean" }, widthLabel: { zh: "标准差", en: "sd" } };
    }
  }
}

const num = (v: number) => String(Number(v.toPrecision(6)));

/** The prior with the given centre and width, and its centre as the new point value. */
export function withKnobs(p: FreePrior, centre: number, width: number, field: string): { prior: FreePrior; value: number } {
  const k = knobsOf(p);
  const badCentre = (zh: string, en: string) => new FormError(`${field} ${k.centreLabel.en}`, { zh: `须为${zh}(输入 ${centre})`, en: `must be ${en} (got ${centre})` });
  const badWidth = (zh: string, en: string) => new FormError(`${field} ${k.widthLabel.en}`, { zh: `须为${zh}(输入 ${width})`, en: `must be ${en} (got ${width})` });
  if (!Number.isFinite(centre)) throw badCentre("一个数", "a number");
  if (!Number.isFinite(width)) throw badWidth("一个数", "a number");
  switch (p.dist) {
    case "lognormal":
      if (!(centre > 0)) throw badCentre("大于 0 的数", "a number > 0");
      if (!(width > 0 && width <= 3)) throw badWidth("0 到 3 之间的数(不含 0)", "a number above 0 and at most 3");
      return { prior: p.mean !== undefined ? { dist: "lognormal", mean: centre, sigma: width } : { dist: "lognormal", median: centre, sigma: width }, value: centre };
    case "uniform":
      if (!(width > 0)) throw badWidth("大于 0 的数", "a number > 0");
      return { prior: { dist: "uniform", min: centre - width / 2, max: centre + width / 2 }, value: centre };
    case "triangular": {
      if (!(width > 0)) throw badWidth("大于 0 的数", "a number > 0");
      const r = width / (p.max - p.min);
      return { prior: { dist: "triangular", min: centre - (p.mode - p.min) * r, mode: centre, max: centre + (p.max - p.mode) * r }, value: centre };
    }
    case "beta": {
      if (!(centre > 0 && centre < 1)) throw badCentre("0 到 1 之间的数(不含两端)", "a number strictly between 0 and 1");
      const limit = Math.sqrt(centre * (1 - centre));
      if (!(width > 0 && width < limit)) throw badWidth(`0 到 ${num(limit)} 之间的数(不含两端；均值 ${num(centre)} 时)`, `a number strictly between 0 and ${num(limit)} (at mean ${num(centre)})`);
      const s = (centre * (1 - centre)) / (width * width) - 1;
      return { prior: { dist: "beta", alpha: centre * s, beta: (1 - centre) * s }, value: centre };
    }
  }
}

export type TargetUse = "fit" | "hold" | "drop";

export interface Edits {
  /** Per target (by its index in calibration.targets): its published value and use. Missing: unchanged, fitted. */
  targets?: Record<number, { value?: number; use?: TargetUse }>;
  /** Per assumption name: the prior's new centre and width. */
  priors?: Record<string, { centre: number; width: number }>;
}

interface RawScenario {
  id: string;
  seed: number;
  assumptions: Record<string, { value: number; prior: FreePrior | { dist: "fixed" } }>;
  /** `fit`: the point calibration's assumption → target pairs (`puhui calibrate --fit`), by target index. */
  calibration?: { targets: { figure: string; value: number }[]; fit?: { target: number }[] };
}

/**
 * The scenario text with the edits applied, the held-out targets' indices in the new target list,
 * and whether anything changed (an unedited scenario keeps its text byte for byte, so the run is
 * the command line's on the shipped file).
 */
export function editScenario(text: string, edits: Edits): { scenarioText: string; heldOut: number[]; edited: boolean } {
  const raw = JSON.parse(text) as RawScenario;
  const targets = raw.calibration?.targets ?? [];
  let edited = false;
  const keep: typeof targets = [];
  const heldOut: number[] = [];
  /** Old target index → new (dropped targets have none). */
  const moved = new Map<number, number>();
  targets.forEach((t, i) => {
    const e = edits.targets?.[i];
    const use = e?.use ?? "fit";
    if (e?.value !== undefined && e.value !== t.value) {
      if (!(Number.isFinite(e.value) && e.value > 0)) throw new FormError(`${t.figure} published value`, { zh: `须为大于 0 的数(输入 ${e.value})`, en: `must be a number > 0 (got ${e.value})` });
      t.value = e.value;
      edited = true;
    }
    if (use === "drop") {
      edited = true;
      return;
    }
    if (use === "hold") heldOut.push(keep.length);
    moved.set(i, keep.length);
    keep.push(t);
  });
  if (targets.length > 0 && keep.length === heldOut.length) throw new FormError("targets", { zh: "至少要拟合一个目标(现在全部留出或去掉)", en: "at least one target must be fitted (all are held out or dropped)" });
  if (raw.calibration) {
    raw.calibration.targets = keep;
    // The point fit's pairs follow their targets; a dropped target's pair goes with it.
    if (raw.calibration.fit) raw.calibration.fit = raw.calibration.fit.filter((f) => moved.has(f.target)).map((f) => ({ ...f, target: moved.get(f.target)! }));
  }
  for (const [name, k] of Object.entries(edits.priors ?? {})) {
    const a = raw.assumptions[name];
    if (!a || a.prior.dist === "fixed") throw new FormError(`${name}`, { zh: "不是带先验的假设", en: "is not an assumption with a prior" });
    const before = knobsOf(a.prior);
    if (k.centre === before.centre && k.width === before.width) continue;
    const { prior, value } = withKnobs(a.prior, k.centre, k.width, name);
    a.prior = prior;
    a.value = value;
    edited = true;
  }
  return { scenarioText: edited ? JSON.stringify(raw) : text, heldOut, edited };
}

/** Checks the run's particle count and seed (one line each, naming the field and its range). */
export function checkRun(particles: number, seed: number): void {
  if (!(Number.isInteger(particles) && particles >= PAGE_PARTICLES.min && particles <= PAGE_PARTICLES.max)) {
    throw new FormError("particles", { zh: `须为 ${PAGE_PARTICLES.min} 到 ${PAGE_PARTICLES.max} 的整数(输入 ${particles})`, en: `must be an integer from ${PAGE_PARTICLES.min} to ${PAGE_PARTICLES.max} (got ${particles})` });
  }
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) throw new FormError("seed", { zh: `须为 0 到 ${MAX_SEED} 的整数(输入 ${seed})`, en: `must be an integer from 0 to ${MAX_SEED} (got ${seed})` });
}
