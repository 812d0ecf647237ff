/**
 * The site's vocabularies, one home each: languages (text.ts), payers (payers.ts), units and
 * their formatters (units.ts, format.ts), priors' text and controls (priors.ts), the charts'
 * option colours (palette.ts). This layer
 * imports nothing from rules, sim, populations or components.
 */
export * from "./text.js";
export * from "./payers.js";
export * from "./units.js";
export * from "./format.js";
export * from "./priors.js";
export * from "./palette.js";
