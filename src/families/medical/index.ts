/**
 * The supplementary-medical family (惠民保-like products): a product is its metadata, its
 * parameters and a spec (spec.ts); createMedicalScheme makes it a Scheme.
 */
export { createMedicalScheme, medicalScheme, type MedicalProduct, type MedicalScheme } from "./scheme.js";
export { medicalSpec, type MedicalSpec, type MedicalSpecInput } from "./spec.js";
export type { MedicalClaim, MedicalPerson, MedicalPurchase } from "./inputs.js";
