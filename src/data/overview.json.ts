// Data loader: what the overview shows besides the baseline summaries, computed at build time so
// the page loads no rules module (zod), no Arrow and no DuckDB: each scheme described by the rules
// module in both languages, the national coverage figures, and the sourced figures counted by kind
// and place.
import { readFigures } from "../figures/read-figures.js";
import { describe } from "../rules/index.js";
import { schemes } from "../schemes/index.js";

const figures = readFigures();
const pick = (id: string) => {
  const f = figures.find((d) => d.id === id);
  if (!f) throw new Error(`figure ${id} is missing`);
  return { id: f.id, value: f.value, date: f.date, source: f.source, source_zh: f.source_zh, source_ref: f.source_ref };
};
const groups = new Map<string, { kind: string; geography: string; figures: number }>();
for (const f of figures) {
  const key = `${f.kind}\u0000${f.geography}`;
  const g = groups.get(key) ?? { kind: f.kind, geography: f.geography, figures: 0 };
  g.figures++;
  groups.set(key, g);
}
process.stdout.write(
  JSON.stringify({
    schemes: schemes.map((s) => ({ id: s.id, name: s.name, zh: describe(s, s.referenceDate, "zh"), en: describe(s, s.referenceDate, "en") })),
    workforce: pick("national.new_form_workers"),
    covered: ["national.occupational_injury_covered_2023_09", "national.occupational_injury_covered_2024_06", "national.occupational_injury_covered_2025_09_cumulative"].map(pick),
    figureCount: figures.length,
    figureGroups: [...groups.values()].sort((a, b) => b.figures - a.figures || a.geography.localeCompare(b.geography)),
  }),
);
