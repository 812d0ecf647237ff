/**
 * Maximum-likelihood severity fit with left truncation and right censoring (Loss Models, 4th
 * ed., §13.2): a record with truncation point d contributes f(y)/S(d) when exact and
 * S(y)/S(d) when censored at y. Parameters are found by Nelder–Mead on unconstrained
 * transforms (./optimize.ts); their covariance is the inverse observed information, the
 * numerical Hessian of −ln L in the natural parameters at the optimum (§13.3). AIC = 2k − 2 ln L.
 */
import { InputError } from "../../rules/input-error.js";
import { hessian, inverseSpd, minimize } from "../optimize.js";
import { detExp, detLog } from "../../sim/detmath.js";
import { exactStats, FAMILY, FAMILIES, type FamilyId, type FamilySpec, type SeverityDistribution } from "./families.js";
import { observations, type ClaimRecord, type Observations } from "./records.js";

export interface SeverityFitOptions {
  /** Pareto: the known lower bound xm (default: the smallest deductible above 0, else the smallest loss). */
  xm?: number;
  /** Spliced: the threshold between body and tail (required for "spliced"). */
  threshold?: number;
}

export interface SeverityFit {
  family: FamilyId;
  /** Parameter names, in the order of `estimate` and `covariance`. */
  names: readonly string[];
  estimate: number[];
  parameters: Record<string, number>;
  /** Inverse observed information; null when the Hessian is not positive definite (a parameter at a boundary). */
  covariance: number[][] | null;
  standardErrors: Record<string, number> | null;
  /** The fixed constant: xm (pareto) or the threshold (spliced); 0 otherwise. */
  fixed: number;
  logLikelihood: number;
  aic: number;
  /** Records, and of them exact (not censored). */
  n: number;
  uncensored: number;
  distribution: SeverityDistribution;
}

/** ln L of the records under the distribution (truncation and censoring as in the header). */
export function logLikelihood(obs: Observations, dist: SeverityDistribution): number {
  let sum = 0;
  const truncCache = new Map<number, number>();
  for (let i = 0; i < obs.n; i++) {
    const y = obs.y[i]!;
    sum += obs.censored[i] ? dist.logSf(y) : dist.logPdf(y);
    const d = obs.d[i]!;
    if (d > 0) {
      let s = truncCache.get(d);
      if (s === undefined) {
        s = dist.logSf(d);
        truncCache.set(d, s);
      }
      sum -= s;
    }
  }
  return sum;
}

/**
 * The same ln L, fast: exact losses through their sufficient statistics, censored losses and
 * truncation points grouped by value (a table's limits and deductibles take few values), so one
 * evaluation costs O(distinct limits + distinct deductibles) after an O(n) setup.
 */
export function likelihoodFunction(obs: Observations, spec: FamilySpec, fixed: number): (theta: readonly number[]) => number {
  const exact: number[] = [];
  const cens = new Map<number, number>();
  const trunc = new Map<number, number>();
  for (let i = 0; i < obs.n; i++) {
    const y = obs.y[i]!;
    if (obs.censored[i]) cens.set(y, (cens.get(y) ?? 0) + 1);
    else exact.push(y);
    const d = obs.d[i]!;
    if (d > 0) trunc.set(d, (trunc.get(d) ?? 0) + 1);
  }
  const all = exactStats(exact, () => true);
  const below = exactStats(exact, (y) => y <= fixed);
  const above = exactStats(exact, (y) => y > fixed);
  const censored = [...cens];
  const truncated = [...trunc];
  return (theta) => {
    const dist = spec.make(theta, fixed);
    let sum = spec.exactLogLik(theta, fixed, all, below, above);
    for (const [y, k] of censored) sum += k * dist.logSf(y);
    for (const [d, k] of truncated) sum -= k * dist.logSf(d);
    return sum;
  };
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / Math.max(1, xs.length - 1);
  return { mean, sd: Math.sqrt(v) };
}

function startValues(family: FamilyId, obs: Observations, fixed: number): number[] {
  const exact: number[] = [];
  for (let i = 0; i < obs.n; i++) if (!obs.censored[i]) exact.push(obs.y[i]!);
  const logs = exact.map((v) => detLog(v));
  const lm = meanSd(logs);
  const sigma0 = Math.max(lm.sd, 0.05);
  switch (family) {
    case "lognormal":
      return [lm.mean, sigma0];
    case "gamma": {
      const m = meanSd(exact);
      const cv = Math.max(m.sd / m.mean, 0.05);
      const k = 1 / (cv * cv);
      return [k, m.mean / k];
    }
    case "pareto": {
      let s = 0;
      for (let i = 0; i < obs.n; i++) s += detLog(obs.y[i]!) - detLog(Math.max(fixed, obs.d[i]!));
      return [Math.max(obs.uncensored / Math.max(s, 1e-9), 0.05)];
    }
    case "spliced": {
      const below = logs.filter((l) => l <= detLog(fixed));
      const b = below.length >= 2 ? meanSd(below) : lm;
      const w = Math.min(0.99, Math.max(0.01, below.length / exact.length));
      let s = 0;
      let k = 0;
      for (let i = 0; i < obs.n; i++) {
        if (obs.y[i]! > fixed) {
          s += detLog(obs.y[i]!) - detLog(Math.max(fixed, obs.d[i]!));
          if (!obs.censored[i]) k++;
        }
      }
      return [b.mean, Math.max(b.sd, 0.05), w, k > 0 && s > 0 ? k / s : 1.5];
    }
  }
}

/** Fits one family by maximum likelihood. Bad records or options → InputError naming the field. */
export function fitSeverity(records: readonly ClaimRecord[], family: FamilyId, options: SeverityFitOptions = {}): SeverityFit {
  if (!FAMILIES.includes(family)) throw new InputError("family", `not a severity family (allowed: ${FAMILIES.join(", ")}; got ${JSON.stringify(family)})`);
  const spec = FAMILY[family];
  const k = spec.names.length;
  const obs = observations(records, k);
  let fixed = 0;
  if (family === "pareto") {
    if (options.xm !== undefined) {
      if (!(options.xm > 0 && Number.isFinite(options.xm))) throw new InputError("xm", `not a Pareto lower bound (allowed: a number > 0 元; got ${options.xm})`);
      fixed = options.xm;
    } else {
      fixed = Infinity;
      for (let i = 0; i < obs.n; i++) fixed = Math.min(fixed, obs.d[i]! > 0 ? obs.d[i]! : obs.y[i]!);
    }
    for (let i = 0; i < obs.n; i++) {
      if (obs.y[i]! < fixed) throw new InputError(`claims[${i}].amount`, `below the Pareto lower bound xm = ${fixed} (allowed: ground-up amounts ≥ xm; lower xm or choose another family; got ${obs.y[i]})`);
    }
  } else if (family === "spliced") {
    const t = options.threshold;
    if (t === undefined || !(t > 0 && Number.isFinite(t))) throw new InputError("threshold", `not a splice threshold (allowed: a number > 0 元 between the body and the tail; got ${String(t)})`);
    fixed = t;
    let below = 0;
    let above = 0;
    for (let i = 0; i < obs.n; i++) {
      if (obs.censored[i]) continue;
      if (obs.y[i]! <= t) below++;
      else above++;
    }
    if (below < 3 || above < 2) {
      throw new InputError("threshold", `leaves too few exact claims on one side (allowed: a threshold with at least 3 claims at or below it and 2 above; got ${below} below and ${above} above ${t})`);
    }
  }
  const ll = likelihoodFunction(obs, spec, fixed);
  const nll = (theta: readonly number[]) => -ll(theta);
  const start = startValues(family, obs, fixed);
  const best = minimize((z) => nll(spec.fromFree(z)), spec.toFree(start));
  const estimate = spec.fromFree(best.x);
  const H = hessian(nll, estimate);
  const covariance = inverseSpd(H);
  const parameters: Record<string, number> = {};
  spec.names.forEach((name, i) => (parameters[name] = estimate[i]!));
  let standardErrors: Record<string, number> | null = null;
  if (covariance) {
    standardErrors = {};
    spec.names.forEach((name, i) => (standardErrors![name] = Math.sqrt(covariance[i]![i]!)));
  }
  const value = -best.value;
  if (!Number.isFinite(value)) throw new InputError("claims", `no ${family} distribution fits these claims (allowed: claims the family can produce; got a log-likelihood of ${value})`);
  return {
    family,
    names: spec.names,
    estimate,
    parameters,
    covariance,
    standardErrors,
    fixed,
    logLikelihood: value,
    aic: 2 * k - 2 * value,
    n: obs.n,
    uncensored: obs.uncensored,
    distribution: spec.make(estimate, fixed),
  };
}

/** Fits several families to the same records and orders them by AIC (smallest first). */
export function compareFits(records: readonly ClaimRecord[], families: readonly FamilyId[], options: SeverityFitOptions = {}): SeverityFit[] {
  return families.map((f) => fitSeverity(records, f, options)).sort((a, b) => a.aic - b.aic);
}

/** Akaike weights exp(−ΔAIC/2), normalised, in the order given. */
export function akaikeWeights(fits: readonly SeverityFit[]): number[] {
  const min = Math.min(...fits.map((f) => f.aic));
  const raw = fits.map((f) => detExp(-(f.aic - min) / 2));
  const s = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / s);
}

/**
 * The spliced model at each candidate threshold, best (largest ln L) first: the threshold's
 * profile likelihood (Loss Models §5.2.6 leaves the splice point to the analyst; with the same
 * data and parameter count the likelihoods compare directly). Candidates that leave too few
 * claims on a side are skipped and listed.
 */
export function profileThreshold(records: readonly ClaimRecord[], candidates: readonly number[]): { fits: SeverityFit[]; skipped: { threshold: number; reason: string }[] } {
  if (!Array.isArray(candidates) || candidates.length === 0) throw new InputError("thresholds", "no candidate thresholds (allowed: one or more numbers > 0 元)");
  const fits: SeverityFit[] = [];
  const skipped: { threshold: number; reason: string }[] = [];
  for (const t of candidates) {
    try {
      fits.push(fitSeverity(records, "spliced", { threshold: t }));
    } catch (e) {
      if (!(e instanceof InputError) || e.field !== "threshold") throw e;
      skipped.push({ threshold: t, reason: e.message });
    }
  }
  if (fits.length === 0) throw new InputError("thresholds", `no candidate threshold leaves enough claims on both sides (allowed: thresholds with at least 3 exact claims at or below and 2 above; got ${candidates.join(", ")})`);
  return { fits: fits.sort((a, b) => b.logLikelihood - a.logLikelihood), skipped };
}
