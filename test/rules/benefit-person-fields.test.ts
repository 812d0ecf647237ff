/**
 * Each scheme declares the person fields its benefit rule reads (Scheme.benefitPersonFields); the
 * engine shares benefit tables between people who agree on them. Property: changing any other
 * person field never changes a payout.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schemes } from "../../src/rules/index.js";

/** Representative claims per scheme (valid claim inputs), including zero-paying ones. */
const claims: Record<string, unknown[]> = {
  linghuobao: [{ medicalCost: 12000 }, { medicalCost: 50000, disabilityGrade: 4 }, { medicalCost: 0, death: true }],
  gonghuibao: [{ inCatalogSelfPay: 32200, outOfCatalogSelfPay: 488100 }, { inCatalogSelfPay: 5000, outOfCatalogSelfPay: 90000, excludedPreExistingCost: 3000 }],
  "tianyi-yongningbao": [{ coveredCost: 26000, preExisting: true }, { coveredCost: 80000, preExisting: false, protonHeavyIonCost: 100000 }],
  "occupational-injury-pilot": [{ onOrder: true, medicalCost: 20000, disabilityGrade: 7 }, { onOrder: false, medicalCost: 5000 }, { onOrder: true, medicalCost: 1000, death: true }],
  "single-type-wii": [{ injuryDetermined: true, medicalCost: 20000, disabilityGrade: 5 }, { injuryDetermined: true, medicalCost: 0, death: true }],
  "platform-injury-mandatory": [{ workRelated: true, medicalCost: 20000, disabilityGrade: 8, thirdPartyDamage: 50000 }],
  "urumqi-supplementary-wii": [{ medicalCost: 30000, disabilityGrade: 6, paidLeaveDays: 30, nursingDays: 10 }, { medicalCost: 5000, death: true }],
};

/** Person inputs to vary (the scheme defaults fill what is missing). */
const personVariants: Record<string, unknown>[] = [{ age: 20 }, { age: 45 }, { age: 64 }, { age: 18 }, { age: 30, category: "platform" }, { age: 40, category: "employee" }, { age: 65, category: "over-age" }, { age: 35, variant: "guangdong" }, { age: 50, variant: "zhejiang" }, { age: 35, thirdPartyCover: true }, { age: 28, thirdPartyCover: false }];

describe("benefit depends only on the declared person fields", () => {
  for (const scheme of schemes) {
    it(`${scheme.id} (reads: ${scheme.benefitPersonFields.join(", ") || "nothing"})`, () => {
      const parsedClaims = (claims[scheme.id] ?? []).flatMap((c) => {
        try {
          return [scheme.parseClaim(c)];
        } catch {
          return [];
        }
      });
      expect(parsedClaims.length, `valid claims for ${scheme.id}`).toBeGreaterThan(0);
      const persons = personVariants.filter((v) => {
        try {
          scheme.parsePerson(v);
          return true;
        } catch {
          return false;
        }
      });
      expect(persons.length, `valid persons for ${scheme.id}`).toBeGreaterThan(2);
      fc.assert(
        fc.property(fc.constantFrom(...persons), fc.constantFrom(...persons), fc.constantFrom(...parsedClaims), (a, b, claim) => {
          const pa = scheme.parsePerson(a) as Record<string, unknown>;
          // b's other fields with a's declared fields: the payout must not change.
          const pb = { ...(scheme.parsePerson(b) as Record<string, unknown>) };
          for (const f of scheme.benefitPersonFields) pb[f] = pa[f];
          const date = scheme.referenceDate;
          expect(scheme.benefit(claim, pb, date).payout).toBe(scheme.benefit(claim, pa, date).payout);
        }),
        { numRuns: 30 },
      );
    });
  }
});
