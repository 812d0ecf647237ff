/**
 * The charts' option colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design";
 * distinguishable under the common colour-vision deficiencies), with its eighth colour, black,
 * written as `currentColor` — the text colour, black on the light theme and light on the dark one,
 * so an eighth option never disappears into a dark background. Bands drawn with a low opacity
 * carry the class names below: src/style.css raises their opacity in dark mode, where a faint
 * orange or yellow over near-black reads as olive mud, and draws the median line over them in the
 * text colour (in the option's own colour it vanishes into the now denser inner band).
 */
export const OPTION_COLOURS: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "currentColor"];

/** Class names of translucent marks whose opacity the stylesheet sets per colour scheme. */
export const BAND_CLASS = { outer: "band-outer", inner: "band-inner", median: "band-median", bars: "bars-translucent" } as const;
