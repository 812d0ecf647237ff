/**
 * Each scheme declares the person fields its benefit rule reads (Scheme.benefitPersonFields); the
 * engine shares benefit tables between people who agree on them. Property: changing any other
 * person field never changes a payout.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readYaml, SCHEMES_DIR } from "../../scripts/gen-schemes.js";
import { schemes } from "../../src/schemes/index.js";
import { CasesFile, validateFile } from "../../src/rules/scheme-files.js";

/** Representative claims of a scheme: its example claim and every claim of its cases.yaml (valid ones are kept). */
function claimsOf(id: string, example: unknown): unknown[] {
  const cases = validateFile(CasesFile, readYaml(join(SCHEMES_DIR, id, "cases.yaml")), `src/schemes/${id}/cases.yaml`);
  return [example, ...cases.filter((c) => c.claim !== undefined && !c.reform).map((c) => c.claim)];
}

/** Person inputs to vary (the scheme defaults fill what is missing). */
const personVariants: Record<string, unknown>[] = [{ age: 20 }, { age: 45 }, { age: 64 }, { age: 18 }, { age: 30, category: "platform" }, { age: 40, category: "employee" }, { age: 65, category: "over-age" }, { age: 35, variant: "guangdong" }, { age: 50, variant: "zhejiang" }, { age: 35, thirdPartyCover: true }, { age: 28, thirdPartyCover: false }];

describe("benefit depends only on the declared person fields", () => {
  for (const scheme of schemes) {
    it(`${scheme.id} (reads: ${scheme.benefitPersonFields.join(", ") || "nothing"})`, () => {
      const parsedClaims = claimsOf(scheme.id, scheme.example?.claim).flatMap((c) => {
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
