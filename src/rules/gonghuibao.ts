/** Moved to src/schemes/gonghuibao/ (issue 11); this re-export stays until test/families imports the folder. */
export * from "../schemes/gonghuibao/formulas.js";
