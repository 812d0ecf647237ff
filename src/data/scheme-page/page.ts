/**
 * A scheme page's own words: `src/schemes/<id>/page.yaml`, read at build time only (by the page
 * loader src/schemes/[scheme].md.ts and the config's sidebar) — the browser never parses YAML.
 * Every text is {zh, en}. Everything is optional: a scheme without a page.yaml still gets a page
 * (its registry name as title and heading, the template's generic text), so adding a scheme to
 * the registry is enough for its page to build.
 *
 * Fields: title (sidebar and <title>), heading, lead, rules (the "what are the rules?" paragraph),
 * calculator.heading, eligibility, premium, payout.heading and payout.text, firstOrder (the
 * optional first-order liability section, single-type WII), population (the scenario whose
 * baseline the page shows; with `page`, a summary linking to that scenario's own page instead of
 * a live panel) and sources (a file and/or a text each).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";

const text = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const section = z.strictObject({ heading: text.optional(), text: text.optional() });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case id (letters, digits, -)");

export const pageSchema = z.strictObject({
  title: text.optional(),
  heading: text.optional(),
  lead: text.optional(),
  rules: text.optional(),
  calculator: z.strictObject({ heading: text.optional() }).optional(),
  eligibility: text.optional(),
  premium: text.optional(),
  payout: section.optional(),
  firstOrder: section.optional(),
  population: z
    .strictObject({
      /** A shipped scenario, simulations/scenarios/<scenario>.json. */
      scenario: id,
      /** With `page`: the option the summary describes. */
      option: z.string().min(1).optional(),
      /** The scenario's own page (site path, e.g. /national): shown as a summary with a link. */
      page: z.string().regex(/^\/[a-z0-9/-]*$/, "a site path such as /national").optional(),
    })
    .refine((p) => (p.page === undefined) === (p.option === undefined), "give both `option` and `page` (a summary linking to the scenario's page) or neither (the live panel)")
    .optional(),
  sources: z.array(z.strictObject({ file: z.string().min(1).optional(), text: text })).optional(),
});

export type SchemePage = z.infer<typeof pageSchema>;
export type Bilingual = z.infer<typeof text>;

/** The folder of the scheme pages' own files: src/schemes/. */
export const SCHEMES_DIR = fileURLToPath(new URL("../../schemes/", import.meta.url));

export function pageFile(schemeId: string, dir = SCHEMES_DIR): string {
  return `${dir}${schemeId}/page.yaml`;
}

/** The scheme's page.yaml, validated (errors name the file and the path); {} when there is none. */
export function readSchemePage(schemeId: string, dir = SCHEMES_DIR): SchemePage {
  const file = pageFile(schemeId, dir);
  if (!existsSync(file)) return {};
  const shown = dir === SCHEMES_DIR ? `src/schemes/${schemeId}/page.yaml` : file;
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${shown}: not valid YAML — ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = pageSchema.safeParse(data ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(top)"}: ${i.message}`);
    throw new Error(`${shown}: ${issues.join("; ")}`);
  }
  return result.data;
}
