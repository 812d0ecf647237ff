/**
 * The 8 industry work-injury risk classes (人社部发〔2015〕71号): class 1 includes software and
 * finance; class 2 wholesale, retail, warehousing, postal/express, accommodation and catering. Their
 * national base contribution rates (about 0.2 %, 0.4 %, 0.7 %, 0.9 %, 1.1 %, 1.3 %, 1.6 %, 1.9 % of
 * payroll; public-figures.md) are data in the schemes that use them
 * (src/schemes/<id>/parameters.yaml, `classRate.classN`). Urumqi's Annex 3 (Xinjiang's classes) is
 * not in the sources; the national classes stand in.
 */

export const INDUSTRY_CLASSES = 8;

export function classRatePath(prefix: string, cls: number): string {
  return `${prefix}.class${cls}`;
}
