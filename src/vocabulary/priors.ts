/**
 * What the site says about a prior, and how a person sets the value it is centred on: each
 * distribution's name and one-line description in both languages, the text of a prior with its
 * parameters ("lognormal(median 0.24, σ 0.15)"), and the control a slider panel draws for an
 * assumption (its range, step and scale, in percent for a share or a take-up logit). Sampling,
 * quantiles and densities live in src/sim/priors.ts; this module is the words and the control.
 */
import type { Bilingual, Lang } from "./text.js";

/** A prior as the rules (src/rules/parameter.ts) and scenarios (src/sim/scenario.ts) write it. */
export type PriorSpec =
  | { dist: "fixed" }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "triangular"; min: number; mode: number; max: number }
  /** Centred on its median, or given by its mean (a scenario may write either). */
  | { dist: "lognormal"; median?: number; mean?: number; sigma: number }
  | { dist: "beta"; alpha: number; beta: number };

export type Dist = PriorSpec["dist"];

export interface Distribution {
  dist: Dist;
  name: Bilingual;
  description: Bilingual;
}

export const DISTRIBUTIONS: Readonly<Record<Dist, Distribution>> = {
  fixed: {
    dist: "fixed",
    name: { zh: "固定", en: "fixed" },
    description: { zh: "不抽样：模拟中始终取点值", en: "not sampled: the simulation always uses the point value" },
  },
  uniform: {
    dist: "uniform",
    name: { zh: "均匀分布", en: "uniform" },
    description: { zh: "最小值和最大值之间的每个值可能性相同", en: "every value between the minimum and the maximum is equally likely" },
  },
  triangular: {
    dist: "triangular",
    name: { zh: "三角分布", en: "triangular" },
    description: { zh: "众数最可能，向最小值和最大值线性递减", en: "the mode is most likely, falling off linearly to the minimum and the maximum" },
  },
  lognormal: {
    dist: "lognormal",
    name: { zh: "对数正态分布", en: "lognormal" },
    description: { zh: "只取正值、右偏：一半的抽样低于中位数；σ 是对数的标准差(σ 0.3 约为 ±30 %)", en: "positive and right-skewed: half the draws fall below the median; σ is the standard deviation of the log (σ 0.3 is about ±30 %)" },
  },
  beta: {
    dist: "beta",
    name: { zh: "贝塔分布", en: "beta" },
    description: { zh: "0 到 1 之间的比例：均值为 α/(α+β)，α+β 越大越集中", en: "a share between 0 and 1: mean α/(α+β), more concentrated as α+β grows" },
  },
};

/** Four significant digits, no float noise: 0.24398655 → 0.244. */
function num(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** The median of a lognormal given by its median or its mean (mean·e^(−σ²/2)). */
export function lognormalMedian(p: { median?: number; mean?: number; sigma: number }): number {
  if (p.median !== undefined) return p.median;
  return (p.mean ?? Number.NaN) * Math.exp(-(p.sigma * p.sigma) / 2);
}

/** A prior as text: zh "三角分布(最小 0.8，众数 1，最大 1)", en "triangular(min 0.8, mode 1, max 1)". */
export function priorText(prior: PriorSpec, lang: Lang): string {
  const name = DISTRIBUTIONS[prior.dist].name[lang];
  const zh = lang === "zh";
  const args = (pairs: [Bilingual, number][]) => `${name}(${pairs.map(([k, v]) => `${k[lang]} ${num(v)}`).join(zh ? "，" : ", ")})`;
  switch (prior.dist) {
    case "fixed":
      return zh ? "固定(模拟中不抽样)" : "fixed (not sampled)";
    case "uniform":
      return args([[{ zh: "最小", en: "min" }, prior.min], [{ zh: "最大", en: "max" }, prior.max]]);
    case "triangular":
      return args([[{ zh: "最小", en: "min" }, prior.min], [{ zh: "众数", en: "mode" }, prior.mode], [{ zh: "最大", en: "max" }, prior.max]]);
    case "lognormal":
      return prior.median === undefined && prior.mean !== undefined
        ? args([[{ zh: "均值", en: "mean" }, prior.mean], [{ zh: "σ", en: "σ" }, prior.sigma]])
        : args([[{ zh: "中位数", en: "median" }, lognormalMedian(prior)], [{ zh: "σ", en: "σ" }, prior.sigma]]);
    case "beta":
      return args([[{ zh: "α", en: "α" }, prior.alpha], [{ zh: "β", en: "β" }, prior.beta]]);
  }
}

/** "先验：…" / "prior: …" with the distribution's description for a tooltip. */
export function priorLine(prior: PriorSpec, lang: Lang): { text: string; description: string } {
  return { text: `${lang === "zh" ? "先验" : "prior"}: ${priorText(prior, lang)}`, description: DISTRIBUTIONS[prior.dist].description[lang] };
}

/**
 * What a value means, for its control: a share in [0, 1] (shown in percent), a logit whose
 * logistic is a share (a take-up intercept: shown as that share in percent), or a plain number.
 */
export type Quantity = "share" | "logit" | "number";

export interface PriorControl {
  quantity: Quantity;
  /** What the number box shows: percent for shares and logits. */
  display: "percent" | "number";
  /** "log" for a lognormal: the slider moves in equal ratios. */
  scale: "linear" | "log";
  /** The number box's bounds, in display units. */
  min: number;
  max: number;
  /** The slider's bounds and step, in slider units (display units; their log for a log scale). */
  slider: { min: number; max: number; step: number };
  /** Model value ↔ display value (× 100 for a share, 100 · logistic for a logit). */
  toDisplay(value: number): number;
  fromDisplay(display: number): number;
  /** Display value ↔ slider position. */
  toSlider(display: number): number;
  fromSlider(position: number): number;
  /** Written after the number box ("%" or ""). */
  suffix: string;
}

/** The range (model units) a control covers: the prior's support, or ×½…×2 of a fixed value. */
export function priorRange(prior: PriorSpec, value: number): [number, number] {
  switch (prior.dist) {
    case "uniform":
    case "triangular":
      return [Math.min(prior.min, value), Math.max(prior.max, value)];
    case "lognormal": {
      const m = lognormalMedian(prior);
      return [Math.min(value, m * Math.exp(-3 * prior.sigma)), Math.max(value, m * Math.exp(3 * prior.sigma))];
    }
    case "beta":
      return [0, 1];
    case "fixed":
      return value > 0 ? [value / 2, value * 2] : value < 0 ? [value * 2, value / 2] : [0, 1];
  }
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The control of an assumption with this prior and point value. `quantity` defaults to "share"
 * for a beta prior; the caller knows when a value is a share or a logit otherwise (by its name).
 */
export function priorControl(prior: PriorSpec, value: number, quantity: Quantity = prior.dist === "beta" ? "share" : "number"): PriorControl {
  let [lo, hi] = priorRange(prior, value);
  if (quantity === "share") [lo, hi] = [Math.max(0, lo), Math.min(1, hi)];
  const percent = quantity !== "number";
  const toDisplay = quantity === "share" ? (v: number) => v * 100 : quantity === "logit" ? (v: number) => 100 * logistic(v) : (v: number) => v;
  const fromDisplay = quantity === "share" ? (d: number) => d / 100 : quantity === "logit" ? (d: number) => logit(d / 100) : (d: number) => d;
  const min = toDisplay(lo);
  const max = toDisplay(hi);
  const log = prior.dist === "lognormal" && min > 0;
  const toSlider = log ? (d: number) => Math.log(d) : (d: number) => d;
  const fromSlider = log ? (x: number) => Math.exp(x) : (x: number) => x;
  const sMin = toSlider(min);
  const sMax = toSlider(max);
  // Percent sliders move by 0.1 point where the range allows; others in 200 steps.
  const step = percent && max - min >= 2 ? 0.1 : (sMax - sMin) / 200 || 1;
  return { quantity, display: percent ? "percent" : "number", scale: log ? "log" : "linear", min, max, slider: { min: sMin, max: sMax, step }, toDisplay, fromDisplay, toSlider, fromSlider, suffix: percent ? "%" : "" };
}

/**
 * The prior re-centred on a new point value, as a control moves it: a lognormal's median scales,
 * a uniform or triangular shifts, a beta keeps its concentration α+β around the new mean.
 */
export function recentred<P extends PriorSpec>(prior: P, from: number, to: number): PriorSpec {
  if (from === to) return prior;
  switch (prior.dist) {
    case "lognormal": {
      const ratio = from !== 0 ? to / from : 1;
      const p = prior as Extract<PriorSpec, { dist: "lognormal" }>;
      return { ...p, ...(p.median !== undefined ? { median: p.median * ratio } : {}), ...(p.mean !== undefined ? { mean: p.mean * ratio } : {}) };
    }
    case "uniform": {
      const p = prior as Extract<PriorSpec, { dist: "uniform" }>;
      return { ...p, min: p.min + to - from, max: p.max + to - from };
    }
    case "triangular": {
      const p = prior as Extract<PriorSpec, { dist: "triangular" }>;
      const shift = to - from;
      return { ...p, min: p.min + shift, mode: p.mode + shift, max: p.max + shift };
    }
    case "beta": {
      const p = prior as Extract<PriorSpec, { dist: "beta" }>;
      const k = p.alpha + p.beta;
      const m = Math.min(0.999, Math.max(0.001, to));
      return { dist: "beta", alpha: m * k, beta: (1 - m) * k };
    }
    case "fixed":
      return prior;
  }
}
