// The option palette (src/vocabulary/palette.ts): Okabe–Ito, distinct, and no fixed black or white
// (either disappears on one of the two themes); the stylesheet styles every band class it names.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { BAND_CLASS, OPTION_COLOURS } from "../../src/vocabulary/palette.js";

it("has eight distinct colours, none a fixed black or white", () => {
  expect(OPTION_COLOURS).toHaveLength(8);
  expect(new Set(OPTION_COLOURS).size).toBe(8);
  for (const c of OPTION_COLOURS) expect(c.toLowerCase()).not.toMatch(/^(#000000|#000|black|#ffffff|#fff|white)$/);
  expect(OPTION_COLOURS.slice(0, 7)).toEqual(["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]);
});

it("every band class has a dark-mode rule in src/style.css", () => {
  const css = readFileSync(new URL("../../src/style.css", import.meta.url), "utf-8");
  const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
  for (const c of Object.values(BAND_CLASS)) expect(dark).toContain(`svg .${c} {`);
});
