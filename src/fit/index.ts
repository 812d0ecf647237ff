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
 * - prior-density.ts: the density of an assumption's prior and the points that draw it.
 * - table-import/: CSV bytes (UTF-8 ± BOM, GBK, UTF-16) or an .xlsx sheet → checked rows → population cells,
 *   claim records, count records; problems per row and column in both languages.
 *
 * Libraries: d3-dsv parses CSV (already a dependency, bundled for pages by the fill step);
 * read-excel-file 9.3.17 (MIT, added for this module) reads .xlsx sheets — its "universal" build is
 * pure JavaScript over fflate and saxen, ~50 kB minified for the browser; SheetJS `xlsx` on npm is
 * frozen at 0.18.5 (newer versions only on the vendor's CDN, unreachable offline) and `exceljs` is
 * several times larger. Special functions come from src/sim (Lanczos ln Γ, the incomplete-gamma
 * series and continued fraction, Acklam's normal quantile, the fdlibm detLog/detExp ports): they
 * are tested there and deterministic across engines; simple-statistics' erf (1.2e-7) is too
 * coarse for log-likelihood tails. The optimiser is a hand-written Nelder–Mead (./optimize.ts):
 * no maintained optimiser package was found (`fmin` 0.0.4 dates from 2017).
 */
export * from "./severity/records.js";
export * from "./severity/families.js";
export * from "./severity/fit.js";
export * from "./severity/empirical.js";
export * from "./frequency.js";
export * from "./priors.js";
export * from "./prior-density.js";
export * from "./table-import/decode.js";
export * from "./table-import/parse.js";
export * from "./table-import/columns.js";
export * from "./table-import/population.js";
export * from "./table-import/claims.js";
export * from "./table-import/excel.js";
