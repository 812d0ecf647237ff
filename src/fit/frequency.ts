/**
 * Claim frequency from counts and exposure (person-years), by maximum likelihood.
 *
 * - Poisson: N_i ~ Poisson(λ·E_i). Closed form λ̂ = ΣN / ΣE, se(λ̂) = √(ΣN) / ΣE (observed
 *   information ΣN/λ̂²).
 * - Negative binomial: N_i ~ Poisson(λ·E_i·G_i), G_i ~ Gamma(r, 1/r) (mean 1), i.e.
 *   P(N = n) = Γ(n + r)/(Γ(r) n!) · (r/(r + μ))^r (μ/(r + μ))^n with μ = λE_i. This is the engine's
 *   frailty (src/sim/run.ts: one gamma frailty of shape `dispersion` per cell and replicate), so a
 *   record should be one cell's (or group's) count over one period, and r is the scenario's
 *   `claims.dispersion`. Fitted by Nelder–Mead on (ln λ, ln r), covariance from the numerical
 *   Hessian (J. F. Lawless 1987, Canadian J. Statistics 15:209–225, for the NB regression MLE).
 */
import { InputError } from "../rules/input-error.js";
import { detExp, detLog, detLog1p, logFactorial } from "../sim/detmath.js";
import { logGamma } from "../sim/quantiles.js";
import { hessian, inverseSpd, minimize } from "./optimize.js";

export interface CountRecord {
  /** Claims observed. */
  count: number;
  /** Exposure in person-years (> 0). */
  exposure: number;
}

export interface FrequencyFit {
  model: "poisson" | "negativeBinomial";
  /** Claims per person-year. */
  lambda: number;
  lambdaSe: number;
  /** Negative binomial: the gamma frailty shape r (the scenario's dispersion); absent for Poisson. */
  dispersion?: number;
  dispersionSe?: number;
  /** Covariance of (λ, r) (negative binomial) or [[var λ]] (Poisson). */
  covariance: number[][];
  logLikelihood: number;
  aic: number;
  records: number;
  claims: number;
  exposure: number;
}

const fmt = (v: unknown) => (typeof v === "number" ? String(v) : JSON.stringify(v));

function checkRecords(records: readonly CountRecord[], min: number): { n: number[]; e: number[]; N: number; E: number } {
  if (!Array.isArray(records) || records.length < min) {
    throw new InputError("counts", `too few count records (allowed: at least ${min} records of {count, exposure}; got ${Array.isArray(records) ? records.length : JSON.stringify(records)})`);
  }
  const n: number[] = [];
  const e: number[] = [];
  let N = 0;
  let E = 0;
  records.forEach((r, i) => {
    if (!(Number.isSafeInteger(r.count) && r.count >= 0)) throw new InputError(`counts[${i}].count`, `not a claim count (allowed: an integer ≥ 0; got ${fmt(r.count)})`);
    if (!(typeof r.exposure === "number" && r.exposure > 0 && r.exposure < 1e12)) throw new InputError(`counts[${i}].exposure`, `not an exposure (allowed: person-years > 0 and < 1e12; got ${fmt(r.exposure)})`);
    n.push(r.count);
    e.push(r.exposure);
    N += r.count;
    E += r.exposure;
  });
  if (N === 0) throw new InputError("counts", `no claims in ${records.length} records (allowed: at least one claim, so the frequency is above 0)`);
  return { n, e, N, E };
}

function poissonLogLik(n: readonly number[], e: readonly number[], lambda: number): number {
  let s = 0;
  for (let i = 0; i < n.length; i++) {
    const mu = lambda * e[i]!;
    s += (n[i]! > 0 ? n[i]! * detLog(mu) : 0) - mu - logFactorial(n[i]!);
  }
  return s;
}

/** Poisson MLE (closed form). */
export function fitPoisson(records: readonly CountRecord[]): FrequencyFit {
  const { n, e, N, E } = checkRecords(records, 1);
  const lambda = N / E;
  const ll = poissonLogLik(n, e, lambda);
  const se = Math.sqrt(N) / E;
  return { model: "poisson", lambda, lambdaSe: se, covariance: [[se * se]], logLikelihood: ll, aic: 2 - 2 * ll, records: n.length, claims: N, exposure: E };
}

/** ln P(N = n) of the negative binomial with mean mu and shape r. */
export function negativeBinomialLogPmf(k: number, mu: number, r: number): number {
  // (r/(r+μ))^r (μ/(r+μ))^n, in logs: −r·ln(1 + μ/r) + n·(ln μ − ln(r + μ)).
  return logGamma(k + r) - logGamma(r) - logFactorial(k) - r * detLog1p(mu / r) + (k > 0 ? k * (detLog(mu) - detLog(r + mu)) : 0);
}

/**
 * Negative binomial MLE. Counts that vary no more than Poisson counts have no finite r (the
 * likelihood rises toward the Poisson limit): that is an InputError advising the Poisson fit.
 */
export function fitNegativeBinomial(records: readonly CountRecord[]): FrequencyFit {
  const { n, e, N, E } = checkRecords(records, 3);
  const lambda0 = N / E;
  // Moment check of over-dispersion: Σ (N_i − λE_i)² vs Σ N_i (its Poisson expectation).
  let q = 0;
  let mu2 = 0;
  for (let i = 0; i < n.length; i++) {
    const mu = lambda0 * e[i]!;
    q += (n[i]! - mu) ** 2;
    mu2 += mu * mu;
  }
  if (!(q > N)) {
    throw new InputError("counts", `not over-dispersed: the counts vary no more than Poisson counts would (allowed: counts whose spread exceeds the Poisson spread for a negative binomial fit; fit Poisson instead; got Σ(N − λE)² = ${Number(q.toPrecision(6))} ≤ ΣN = ${N})`);
  }
  const r0 = Math.max(mu2 / (q - N), 1e-3);
  const ll = (lambda: number, r: number) => {
    let s = 0;
    for (let i = 0; i < n.length; i++) s += negativeBinomialLogPmf(n[i]!, lambda * e[i]!, r);
    return s;
  };
  const best = minimize((z) => -ll(detExp(z[0]!), detExp(z[1]!)), [detLog(lambda0), detLog(r0)]);
  const lambda = detExp(best.x[0]!);
  const r = detExp(best.x[1]!);
  if (!(r < 1e6)) {
    throw new InputError("counts", `no finite dispersion: the likelihood peaks at the Poisson limit (allowed: over-dispersed counts for a negative binomial fit; fit Poisson instead; got r → ${Number(r.toPrecision(3))})`);
  }
  const H = hessian((t) => -ll(t[0]!, t[1]!), [lambda, r]);
  const cov = inverseSpd(H);
  if (!cov) throw new InputError("counts", "the negative binomial's information matrix is not positive definite (allowed: over-dispersed counts with a clear maximum; fit Poisson instead)");
  const value = -best.value;
  return {
    model: "negativeBinomial",
    lambda,
    lambdaSe: Math.sqrt(cov[0]![0]!),
    dispersion: r,
    dispersionSe: Math.sqrt(cov[1]![1]!),
    covariance: cov,
    logLikelihood: value,
    aic: 4 - 2 * value,
    records: n.length,
    claims: N,
    exposure: E,
  };
}
