/**
 * Issue 12 item 5: seed 003 is an article of November 2023, not 2024. It reports sign-up for the
 * "2024年度" policy year, opened on 10 October and still open "截至11月22日" — a year is sold in the
 * autumn before it — so the article's day is 2023-11-22, the "去年的306万" is the 2023 policy year,
 * and Jiangshan's claimant counts and payouts (same article) are the 2023 year so far. Every figure
 * counted or paid as reported by seed 003 (persons, organisations, 元) must be dated no later than that
 * day (the 2024 year's terms, e.g. its premium, are the 2024 year's); the 306 万 in 2023. The article's day is
 * read from the seed text here, not typed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../src/figures/read-figures.js";

const SEED = "003_11be16c1714b1987.txt";
const text = readFileSync(new URL(`../../data/seeds/${SEED}`, import.meta.url), "utf-8");

/** The article's day: the policy year it sells, minus one (sold in the autumn before), on the "截至M月D日" it reports. */
function articleDay(): string {
  const m = /截至(\d{1,2})月(\d{1,2})日,(\d{4})年度/.exec(text);
  if (!m) throw new Error("seed 003: no '截至M月D日,YYYY年度' line");
  expect(text).toMatch(new RegExp(`10月10日,${m[3]}年度.*参保通道正式开启`)); // the year's sign-up opened in October
  const year = Number(m[3]) - 1;
  return `${year}-${m[1]!.padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
}

describe("seed 003's figures are dated to its article (November 2023)", () => {
  const day = articleDay();
  const figures = readFigures().filter((f) => f.source_ref.startsWith(SEED));

  it("reads the article's day from the seed: 2023-11-22", () => {
    expect(day).toBe("2023-11-22");
    expect(figures.length).toBeGreaterThan(8);
  });

  it("no count or payout from it is dated after the article (a year, month or day not later than 2023-11-22); the 2024 year's terms may be 2024", () => {
    const observed = figures.filter((f) => f.unit === "persons" || f.unit === "organisations" || f.unit === "元");
    expect(observed.length).toBeGreaterThan(8);
    for (const f of observed) {
      if (f.date === "n/a") continue;
      const first = f.date.split("/")[0]!;
      // Compare at the figure's own precision: "2024" or "2024-11" lie after 2023-11-22 as a whole.
      expect(first <= day.slice(0, first.length), `${f.id} dated ${f.date}`).toBe(true);
    }
  });

  it("the 306 万 ('去年的306万') is the 2023 policy year's enrolment; the 310 万 a count on the article's day", () => {
    expect(text).toContain("超过去年的306万");
    const last = figures.find((f) => f.value === 3_060_000)!;
    expect(last.date).toBe("2023");
    const now = figures.find((f) => f.value === 3_100_000)!;
    expect(now.date).toBe(day);
  });
});
