/**
 * Observation models of calibration targets (issue 13): how a published figure y relates to the
 * model's noise-free expectation m, as a log-likelihood log p(y | m). Closed forms only:
 *  - relative:  log y ~ N(log m, s²), s² = sigma² + transfer² (a primary or a secondary source;
 *               a secondary source states its own, wider sigma);
 *  - rounded:   the true count Y ~ N(m, (s·y)²) and y = Y rounded to `unit`:
 *               p = Φ((y + unit/2 − m)/(s·y)) − Φ((y − unit/2 − m)/(s·y));
 *  - ceiling:   the true value is at most y: p = Φ((y − m)/(s·y)) (s: how soft the cap is read);
 *  - floor:     the true value is at least y: p = Φ((m − y)/(s·y));
 *  - mean:      a mean payout of n claimants: y ~ N(m, (cv·m)²/n + (transfer·m)²);
 *  - count:     a count of events: y ~ Poisson(m) (with `transfer`: normal, variance m + (transfer·m)²).
 * A target without an `observation` reads its documented tolerance t as the 90 % half-width of
 * a relative error (s = t / 1.645), or for "atMost" targets as a ceiling with s = t / 1.645.
 * Deterministic math (detLog/detExp) so Node and browsers agree to the bit.
 */
import { InputError } from "../../rules/input-error.js";
import { detExp, detLog, detLog1p, logFactorial } from "../detmath.js";
import { gammaContinuedFraction, gammaSeriesSum, logGamma } from "../quantiles.js";
import type { Calibration, Observation } from "../scenario.js";

export type { Observation };
type Target = Calibration["targets"][number];

/** z of the 90 % two-sided normal interval. */
export const Z90 = 1.6448536269514722;
const HALF_LOG_2PI = 0.5 * detLog(2 * Math.PI);
const LOG_GAMMA_HALF = logGamma(0.5);

/** The target's observation model: its own, or the default read from its tolerance. */
export function observationOf(t: Target): Observation {
  if (t.observation) return t.observation;
  const sigma = t.tolerance / Z90;
  return t.relation === "atMost" ? { model: "ceiling", sigma } : { model: "relative", sigma, source: "primary" };
}

/** log Φ(x) of the standard normal, accurate far into both tails (via Q(½, x²/2)). */
export function logNormalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 0;
  if (x === -Infinity) return -Infinity;
  const h = (x * x) / 2;
  // Q(½, h) = upper regularized incomplete gamma: Φ(−|x|) = Q(½, h) / 2.
  let logQ: number;
  if (h === 0) logQ = 0;
  else if (h < 1.5) {
    const p = gammaSeriesSum(0.5, h, 1000, 1e-16) * detExp(0.5 * detLog(h) - h - LOG_GAMMA_HALF);
    logQ = detLog1p(-p);
  } else logQ = 0.5 * detLog(h) - h - LOG_GAMMA_HALF + detLog(gammaContinuedFraction(0.5, h, 1000, 1e-16));
  const logTail = logQ - Math.LN2; // log Φ(−|x|)
  return x <= 0 ? logTail : detLog1p(-detExp(logTail));
}

/** log(Φ(b) − Φ(a)) for a < b, without cancellation in either tail. */
export function logNormalInterval(a: number, b: number): number {
  if (!(a < b)) return -Infinity;
  if (a > 0) return logNormalInterval(-b, -a);
  const lb = logNormalCdf(b);
  const la = logNormalCdf(a);
  return lb + detLog1p(-detExp(la - lb));
}

function logNormalPdf(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  return -0.5 * z * z - detLog(sd) - HALF_LOG_2PI;
}

/** log p(y | m) under the observation model; m ≤ 0 where the model needs m > 0 gives −∞. */
export function logLikelihood(obs: Observation, y: number, m: number): number {
  if (!Number.isFinite(m)) return -Infinity;
  const tr = obs.transfer ?? 0;
  switch (obs.model) {
    case "relative": {
      if (!(m > 0) || !(y > 0)) return -Infinity;
      const s = Math.sqrt(obs.sigma * obs.sigma + tr * tr);
      // Density of log y (the Jacobian 1/y is constant in m and left out).
      return logNormalPdf(detLog(y), detLog(m), s);
    }
    case "rounded": {
      const sd = Math.sqrt(obs.sigma * obs.sigma + tr * tr) * Math.abs(y);
      return logNormalInterval((y - obs.unit / 2 - m) / sd, (y + obs.unit / 2 - m) / sd);
    }
    case "ceiling":
      return logNormalCdf((y - m) / (Math.sqrt(obs.sigma * obs.sigma + tr * tr) * Math.abs(y)));
    case "floor":
      return logNormalCdf((m - y) / (Math.sqrt(obs.sigma * obs.sigma + tr * tr) * Math.abs(y)));
    case "mean": {
      if (!(m > 0)) return -Infinity;
      const sd = m * Math.sqrt((obs.cv * obs.cv) / obs.n + tr * tr);
      return logNormalPdf(y, m, sd);
    }
    case "count": {
      if (!(m > 0)) return y === 0 && m === 0 ? 0 : -Infinity;
      if (tr > 0) return logNormalPdf(y, m, Math.sqrt(m + tr * tr * m * m));
      if (!(Number.isInteger(y) && y >= 0)) return -Infinity;
      return y * detLog(m) - m - logFactorial(y);
    }
  }
}

/**
 * The relative half-width of the 90 % interval the observation model allows around y (for the
 * "no wider than its observation model allows" check): z90 · the relative sd; rounding adds
 * half a unit; a count's relative sd is 1/√y; a mean's √(cv²/n + transfer²).
 */
export function allowedHalfWidth(obs: Observation, y: number): number {
  const tr = obs.transfer ?? 0;
  switch (obs.model) {
    case "relative":
    case "ceiling":
    case "floor":
      return Z90 * Math.sqrt(obs.sigma * obs.sigma + tr * tr);
    case "rounded":
      return Z90 * Math.sqrt(obs.sigma * obs.sigma + tr * tr) + obs.unit / 2 / Math.abs(y);
    case "mean":
      return Z90 * Math.sqrt((obs.cv * obs.cv) / obs.n + tr * tr);
    case "count":
      return Z90 * Math.sqrt(1 / Math.max(y, 1) + tr * tr);
  }
}

/** One line naming the model, for the report: "rounded to 10000, σ 0.5 %" … */
export function observationText(obs: Observation): string {
  const pct = (x: number) => `${Number((100 * x).toPrecision(3))} %`;
  const tr = obs.transfer ? `, transfer σ ${pct(obs.transfer)}` : "";
  switch (obs.model) {
    case "relative":
      return `${obs.source === "secondary" ? "secondary source" : "relative"} σ ${pct(obs.sigma)}${tr}`;
    case "rounded":
      return `rounded to ${obs.unit}, σ ${pct(obs.sigma)}${tr}`;
    case "ceiling":
      return `ceiling, σ ${pct(obs.sigma)}${tr}`;
    case "floor":
      return `floor, σ ${pct(obs.sigma)}${tr}`;
    case "mean":
      return `mean of ${obs.n}, cv ${obs.cv}${tr}`;
    case "count":
      return `Poisson count${tr}`;
  }
}

/** Checks the published value against its model: a count must be a whole number ≥ 0, the others > 0 where the model is relative. */
export function checkObservedValue(obs: Observation, y: number, field: string): void {
  if (!Number.isFinite(y)) throw new InputError(field, `not a finite number (allowed: a finite number; got ${y})`);
  if (obs.model === "count" && !obs.transfer && !(Number.isInteger(y) && y >= 0)) throw new InputError(field, `a Poisson count must be a whole number (allowed: an integer ≥ 0; got ${y})`);
  if ((obs.model === "relative" || obs.model === "mean") && !(y > 0)) throw new InputError(field, `a ${obs.model} observation needs a positive figure (allowed: a number > 0; got ${y})`);
  if (obs.model !== "relative" && obs.model !== "mean" && obs.model !== "count" && y === 0) throw new InputError(field, `the figure's error is relative to it (allowed: a number ≠ 0; got 0)`);
}
