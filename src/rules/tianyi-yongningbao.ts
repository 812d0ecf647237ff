/** Moved to src/schemes/tianyi-yongningbao/ (issue 11); this re-export stays until test/families imports the folder. */
export * from "../schemes/tianyi-yongningbao/formulas.js";
