/**
 * How test/fixtures/claims-lognormal.csv was made (a test checks the file still equals this):
 * 500 claims from lognormal(mu 8, sigma 1.2) — median e^8 ≈ 2981 元 — half of them under a
 * deductible of 1000 元 (losses ≤ 1000 never reported; every fourth such claim recorded net of the
 * deductible), all capped at a limit of 50 000 元; seed 7 of test/fit/severity/simulate.ts.
 * Categories alternate 门诊/住院 and dates run through 2024 — decoration for the importer.
 */
import { draws, simulateClaims } from "../severity/simulate.js";

export const CLAIMS_FIXTURE = { mu: 8, sigma: 1.2, deductible: 1000, limit: 50_000, seed: 7, n: 500 } as const;

export function claimsFixtureCsv(): string {
  const f = CLAIMS_FIXTURE;
  const recs = simulateClaims(f.seed, f.n, draws.lognormal(f.mu, f.sigma), f.deductible, f.limit);
  const lines = ["金额,类别,出险日期,免赔额,已扣免赔,限额"];
  recs.forEach((r, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + ((i * 7) % 366))).toISOString().slice(0, 10);
    lines.push([r.amount.toFixed(2), i % 3 === 0 ? "住院" : "门诊", day, r.deductible, r.deductibleApplied ? "是" : "否", r.limit].join(","));
  });
  return lines.join("\n") + "\n";
}
