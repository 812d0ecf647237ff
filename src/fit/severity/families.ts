/**
 * The severity distributions the fitter offers, each with its density, survival function,
 * quantile and limited expected value E[min(X, u)] in closed form (Loss Models, 4th ed.,
 * Appendix A; LEVs: A.4.1.1 gamma, A.4.11 lognormal, A.5.1.4 single-parameter Pareto).
 *
 * - lognormal(mu, sigma): ln X ~ N(mu, sigma²).
 * - gamma(shape, scale): density x^(k−1) e^(−x/θ) / (Γ(k) θ^k).
 * - pareto(alpha) with a known xm: the single-parameter (type I) Pareto, S(x) = (xm/x)^α for
 *   x ≥ xm. Type I rather than Lomax (type II) because it is the claim-field distribution the
 *   scenario schema takes ({"dist": "pareto", xm, alpha}, src/sim/scenario.ts), so a fit goes
 *   into a scenario unchanged, and it is the tail of the spliced model; above a known reporting
 *   threshold it is the standard model for large losses (Loss Models §5.3.3). xm is not fitted
 *   (its MLE is the smallest loss, a boundary estimate without a standard error).
 * - spliced(mu, sigma, w, alpha) at a known threshold t: with probability w the loss is
 *   lognormal(mu, sigma) conditioned on X ≤ t (the body), else Pareto type I with xm = t (the
 *   tail). Loss Models §5.2.6 (splicing).
 *
 * Parameters travel as arrays in the order of `names`; the optimiser works on unconstrained
 * transforms (log of positive parameters, logit of w).
 */
import { detExp, detLog, detLog1p } from "../../sim/detmath.js";
import { gammaQuantile, logGamma, normalQuantile } from "../../sim/quantiles.js";
import { gammaP, logGammaP, logGammaQ, logNormalCdf, logNormalPdf, logNormalSf, normalCdf } from "../special.js";

export type FamilyId = "lognormal" | "gamma" | "pareto" | "spliced";
export const FAMILIES: readonly FamilyId[] = ["lognormal", "gamma", "pareto", "spliced"];

/** A fitted (or given) severity distribution: all functions of the ground-up loss x in 元. */
export interface SeverityDistribution {
  logPdf(x: number): number;
  /** ln P(X > x). */
  logSf(x: number): number;
  cdf(x: number): number;
  pdf(x: number): number;
  /** The p-quantile, p in (0, 1). */
  quantile(p: number): number;
  /** E[min(X, u)], u ≥ 0 (u = Infinity gives the mean). */
  lev(u: number): number;
  mean: number;
}

/**
 * Sufficient statistics of exact (uncensored) losses: count, mean of ln y, Σ (ln y − mean)² and
 * Σ y; `below`/`above` split them at the spliced threshold (y ≤ t in the body).
 */
export interface ExactStats {
  n: number;
  meanLog: number;
  ssLog: number;
  sumLog: number;
  sum: number;
}

export function exactStats(ys: ArrayLike<number>, keep: (y: number) => boolean): ExactStats {
  let n = 0;
  let sumLog = 0;
  let sum = 0;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]!;
    if (!keep(y)) continue;
    n++;
    sumLog += detLog(y);
    sum += y;
  }
  const meanLog = n ? sumLog / n : 0;
  let ssLog = 0;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]!;
    if (keep(y)) ssLog += (detLog(y) - meanLog) ** 2;
  }
  return { n, meanLog, ssLog, sumLog, sum };
}

const HALF_LN_2PI = 0.5 * detLog(2 * Math.PI);

/** Σ ln f(y) of lognormal(mu, sigma) over exact losses with these statistics. */
function lognormalExact(s: ExactStats, mu: number, sigma: number): number {
  if (s.n === 0) return 0;
  const dm = s.meanLog - mu;
  return -(s.ssLog + s.n * dm * dm) / (2 * sigma * sigma) - s.n * (HALF_LN_2PI + detLog(sigma)) - s.sumLog;
}

/** Σ ln f(y) of Pareto(xm, alpha) over exact losses (all ≥ xm). */
function paretoExact(s: ExactStats, xm: number, alpha: number): number {
  return s.n === 0 ? 0 : s.n * (detLog(alpha) + alpha * detLog(xm)) - (alpha + 1) * s.sumLog;
}

export interface FamilySpec {
  id: FamilyId;
  names: readonly string[];
  label: { zh: string; en: string };
  toFree(theta: readonly number[]): number[];
  fromFree(z: readonly number[]): number[];
  /** The distribution at parameters theta; `fixed` is xm (pareto) or the threshold (spliced). */
  make(theta: readonly number[], fixed: number): SeverityDistribution;
  /**
   * Σ ln f(y) over the exact losses from their sufficient statistics (O(1) per likelihood
   * evaluation; equal to summing `make(…).logPdf`, which a test checks).
   */
  exactLogLik(theta: readonly number[], fixed: number, all: ExactStats, below: ExactStats, above: ExactStats): number;
}

const logit = (p: number) => detLog(p) - detLog1p(-p);
const expit = (z: number) => 1 / (1 + detExp(-z));

export function lognormalDistribution(mu: number, sigma: number): SeverityDistribution {
  const mean = detExp(mu + (sigma * sigma) / 2);
  const z = (x: number) => (detLog(x) - mu) / sigma;
  const logPdf = (x: number) => (x > 0 ? logNormalPdf(z(x)) - detLog(sigma) - detLog(x) : -Infinity);
  return {
    logPdf,
    logSf: (x) => (x > 0 ? logNormalSf(z(x)) : 0),
    cdf: (x) => (x > 0 ? normalCdf(z(x)) : 0),
    pdf: (x) => detExp(logPdf(x)),
    quantile: (p) => detExp(mu + sigma * normalQuantile(p)),
    lev: (u) => {
      if (!(u > 0)) return 0;
      if (u === Infinity) return mean;
      const zu = z(u);
      return mean * normalCdf(zu - sigma) + u * detExp(logNormalSf(zu));
    },
    mean,
  };
}

export function gammaDistribution(shape: number, scale: number): SeverityDistribution {
  const lg = logGamma(shape);
  const mean = shape * scale;
  const logPdf = (x: number) => (x > 0 ? (shape - 1) * detLog(x) - x / scale - shape * detLog(scale) - lg : -Infinity);
  return {
    logPdf,
    logSf: (x) => (x > 0 ? logGammaQ(shape, x / scale) : 0),
    cdf: (x) => (x > 0 ? detExp(logGammaP(shape, x / scale)) : 0),
    pdf: (x) => detExp(logPdf(x)),
    quantile: (p) => scale * gammaQuantile(shape, p),
    lev: (u) => {
      if (!(u > 0)) return 0;
      if (u === Infinity) return mean;
      return mean * gammaP(shape + 1, u / scale) + u * detExp(logGammaQ(shape, u / scale));
    },
    mean,
  };
}

export function paretoDistribution(xm: number, alpha: number): SeverityDistribution {
  const lxm = detLog(xm);
  const logPdf = (x: number) => (x >= xm ? detLog(alpha) + alpha * lxm - (alpha + 1) * detLog(x) : -Infinity);
  const logSf = (x: number) => (x > xm ? alpha * (lxm - detLog(x)) : 0);
  const mean = alpha > 1 ? (alpha * xm) / (alpha - 1) : Infinity;
  return {
    logPdf,
    logSf,
    cdf: (x) => 1 - detExp(logSf(x)),
    pdf: (x) => detExp(logPdf(x)),
    quantile: (p) => xm * detExp(-detLog1p(-p) / alpha),
    lev: (u) => {
      if (!(u > 0)) return 0;
      if (u <= xm) return u;
      if (u === Infinity) return mean;
      // xm + ∫_xm^u (xm/x)^α dx
      if (Math.abs(alpha - 1) < 1e-12) return xm + xm * (detLog(u) - lxm);
      return xm + (xm * (detExp((1 - alpha) * (detLog(u) - lxm)) - 1)) / (1 - alpha);
    },
    mean,
  };
}

export function splicedDistribution(mu: number, sigma: number, w: number, alpha: number, threshold: number): SeverityDistribution {
  const t = threshold;
  const body = lognormalDistribution(mu, sigma);
  const tail = paretoDistribution(t, alpha);
  const zt = (detLog(t) - mu) / sigma;
  const logFt = logNormalCdf(zt);
  const Ft = detExp(logFt);
  const lw = detLog(w);
  const l1w = detLog1p(-w);
  const cdf = (x: number) => (x <= t ? (w * body.cdf(x)) / Ft : w + (1 - w) * tail.cdf(x));
  const logPdf = (x: number) => (x <= t ? lw + body.logPdf(x) - logFt : l1w + tail.logPdf(x));
  const logSf = (x: number) => (x <= t ? detLog1p(-(w * body.cdf(x)) / Ft) : l1w + tail.logSf(x));
  // ∫_0^u F_LN(x) dx = u F_LN(u) − E[X; X ≤ u], and E[X; X ≤ u] = e^{mu+σ²/2} Φ(z_u − σ).
  const bodyLev = (u: number) => {
    if (!(u > 0)) return 0;
    const partial = body.mean * normalCdf((detLog(u) - mu) / sigma - sigma);
    return u - (w / Ft) * (u * body.cdf(u) - partial);
  };
  const levT = bodyLev(t);
  const mean = alpha > 1 ? levT + ((1 - w) * t) / (alpha - 1) : Infinity;
  return {
    logPdf,
    logSf,
    cdf,
    pdf: (x) => detExp(logPdf(x)),
    quantile: (p) => (p <= w ? body.quantile((p / w) * Ft) : tail.quantile((p - w) / (1 - w))),
    lev: (u) => {
      if (u <= t) return bodyLev(u);
      if (u === Infinity) return mean;
      return levT + (1 - w) * (tail.lev(u) - t);
    },
    mean,
  };
}

export const FAMILY: Record<FamilyId, FamilySpec> = {
  lognormal: {
    id: "lognormal",
    names: ["mu", "sigma"],
    label: { zh: "对数正态", en: "lognormal" },
    toFree: ([mu, sigma]) => [mu!, detLog(sigma!)],
    fromFree: ([a, b]) => [a!, detExp(b!)],
    make: ([mu, sigma]) => lognormalDistribution(mu!, sigma!),
    exactLogLik: ([mu, sigma], _t, all) => lognormalExact(all, mu!, sigma!),
  },
  gamma: {
    id: "gamma",
    names: ["shape", "scale"],
    label: { zh: "伽马", en: "gamma" },
    toFree: ([k, s]) => [detLog(k!), detLog(s!)],
    fromFree: ([a, b]) => [detExp(a!), detExp(b!)],
    make: ([k, s]) => gammaDistribution(k!, s!),
    exactLogLik: ([k, th], _t, all) => (all.n === 0 ? 0 : (k! - 1) * all.sumLog - all.sum / th! - all.n * (k! * detLog(th!) + logGamma(k!))),
  },
  pareto: {
    id: "pareto",
    names: ["alpha"],
    label: { zh: "帕累托（单参数，xm 已知）", en: "Pareto (single-parameter, known xm)" },
    toFree: ([a]) => [detLog(a!)],
    fromFree: ([a]) => [detExp(a!)],
    make: ([a], xm) => paretoDistribution(xm, a!),
    exactLogLik: ([a], xm, all) => paretoExact(all, xm, a!),
  },
  spliced: {
    id: "spliced",
    names: ["mu", "sigma", "w", "alpha"],
    label: { zh: "拼接：对数正态主体 + 帕累托尾部", en: "spliced: lognormal body + Pareto tail" },
    toFree: ([mu, sigma, w, a]) => [mu!, detLog(sigma!), logit(w!), detLog(a!)],
    fromFree: ([mu, s, w, a]) => [mu!, detExp(s!), expit(w!), detExp(a!)],
    make: ([mu, sigma, w, a], t) => splicedDistribution(mu!, sigma!, w!, a!, t),
    exactLogLik: ([mu, sigma, w, a], t, _all, below, above) =>
      (below.n ? below.n * (detLog(w!) - logNormalCdf((detLog(t) - mu!) / sigma!)) + lognormalExact(below, mu!, sigma!) : 0) +
      (above.n ? above.n * detLog1p(-w!) + paretoExact(above, t, a!) : 0),
  },
};
