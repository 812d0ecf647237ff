/**
 * Fitting claims experience and importing tables (issue 14's foundations, for the "我的情景 My
 * scenario" page and the CLI): pure TypeScript, no Node-only API, identical in Node and browsers.
 *
 * - severity/: maximum likelihood for lognormal, gamma, single-parameter Pareto and a spliced
 *   lognormal body + Pareto tail, with left truncation at a deductible and right censoring at a
 *   limit; standard errors from the observed information; the product-limit estimate for QQ/PP
 *   plots and limited expected values.
 * - frequency.ts: Poisson and negative binomial claim frequency from exposure.
 * - priors.ts: a chosen fit → the scenario's claim field and assumptions with priors.
 * - table-import/: CSV bytes (UTF-8 ± BOM, GBK, UTF-16) → checked rows → population cells,
 *   claim records, count records; problems per row and column in both languages.
 *
 * Libraries: d3-dsv parses CSV (already a dependency, bundled for pages by the fill step). No
 * package was added. Special functions come from src/sim (Lanczos ln Γ, the incomplete-gamma
 * series and continued fraction, Acklam's normal quantile, the fdlibm detLog/detExp ports): they
 * are tested there and deterministic across engines, which @stdlib's or simple-statistics'
 * would not make better (simple-statistics' erf is good to 1.2e-7 only, too coarse for
 * log-likelihood tails). The optimiser is a hand-written Nelder–Mead (./optimize.ts) because no
 * maintained optimiser package was found (`fmin` 0.0.4 is from 2017).
 * Excel: not read. On npm, SheetJS `xlsx` is frozen at 0.18.5 (2022; later versions are published
 * only on the vendor's CDN, which an offline build cannot reach) and `exceljs` is large for a page;
 * `read-excel-file` (9.x) was not evaluated in the time available. A workbook is recognised by
 * its signature and refused with the hint to save it as "CSV UTF-8".
 */
export * from "./severity/records.js";
export * from "./severity/families.js";
export * from "./severity/fit.js";
export * from "./severity/empirical.js";
export * from "./frequency.js";
export * from "./priors.js";
export * from "./table-import/decode.js";
export * from "./table-import/parse.js";
export * from "./table-import/columns.js";
export * from "./table-import/population.js";
export * from "./table-import/claims.js";
