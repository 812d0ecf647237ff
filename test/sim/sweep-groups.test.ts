/**
 * Per-group sweep results (issue 16: "for each sector and province group"): a design's `groups`
 * run each kept option once per level of a cell attribute (src/sim/sweep-groups.ts, design.ts),
 * a `scale` factor multiplies parameters' values in force, and the sweep page's per-group feasible
 * region (src/sim/sweep-results.ts feasibleByGroup) — checked against a hand-made tiny sweep whose
 * answers are counted by hand, and against the whole option (the groups' rows add up to it, a
 * second method).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyPoint, parseDesign, type Design } from "../../src/sim/design.js";
import { checkDesign, designPoints, runPoint } from "../../src/sim/sweep.js";
import { groupOptionId, parseGroupOptionId } from "../../src/sim/sweep-groups.js";
import { feasibleByGroup, invariantTo, sweepGroups, type Sweep, type SweepRecord } from "../../src/sim/sweep-results.js";

const FIXTURE = JSON.parse(readFileSync("test/fixtures/small-gonghuibao.json", "utf-8")) as Record<string, unknown>;
const PRICE = "gonghuibao.premium.upToThreshold"; // 68 元 from 2020-09-01 (src/schemes/gonghuibao/parameters.yaml)

function design(extra: Record<string, unknown> = {}): Design {
  return parseDesign({
    id: "groups",
    scenario: "small-gonghuibao.json",
    seed: 5,
    replicates: 6,
    factors: [{ kind: "scale", name: "priceScale", paths: [PRICE], levels: [1, 1.5] }],
    groups: [{ attribute: "age", label: { zh: "年龄", en: "age" }, levels: [{ value: "le50", label: { zh: "50 岁及以下", en: "50 or under" } }, { value: "gt50" }] }],
    design: { type: "grid" },
    ...extra,
  });
}

describe("group option ids", () => {
  it("name the option, the attribute and the level, and read back", () => {
    expect(groupOptionId("mandatory", "occupation", "ride-hailing")).toBe("mandatory--occupation--ride-hailing");
    expect(parseGroupOptionId("mandatory--occupation--ride-hailing")).toEqual({ option: "mandatory", attribute: "occupation", value: "ride-hailing" });
    expect(parseGroupOptionId("mandatory")).toBeNull();
    expect(parseGroupOptionId("a--b")).toBeNull();
  });
});

describe("a design with groups and a scale factor", () => {
  it("a point's scenario: the scale multiplies the value in force (1.5 × 68 = 102) and each group is the option on its cells", () => {
    const d = design();
    checkDesign(d, FIXTURE);
    const s = applyPoint(FIXTURE, d, [1.5]) as { options: { id: string; reform?: Record<string, number>; cells?: Record<string, string[]>; label: unknown }[] };
    expect(s.options.map((o) => o.id)).toEqual(["baseline", "baseline--age--le50", "baseline--age--gt50"]);
    for (const o of s.options) expect(o.reform![PRICE]).toBeCloseTo(102, 10);
    expect(s.options[1]!.cells).toEqual({ age: ["le50"] });
    expect(s.options[2]!.cells).toEqual({ age: ["gt50"] });
    // A string label is kept as it is.
    expect(s.options[1]!.label).toBe("工惠保 2020");
  });

  it("a scale on top of a reform factor multiplies the reformed value (1.5 × 40 = 60)", () => {
    const d = design({ factors: [{ kind: "reform", name: "price", path: PRICE, levels: [40] }, { kind: "scale", name: "priceScale", paths: [PRICE], levels: [1.5] }] });
    const s = applyPoint(FIXTURE, d, [40, 1.5]) as { options: { reform: Record<string, number> }[] };
    expect(s.options[0]!.reform[PRICE]).toBeCloseTo(60, 10);
  });

  it("each replicate's group rows add up to the whole option's (same random numbers per cell)", () => {
    const d = design();
    const [point] = designPoints(d, FIXTURE);
    const rows = runPoint(d, FIXTURE, point!);
    for (let r = 0; r < d.replicates; r++) {
      const whole = rows.find((x) => x.replicate === r && x.option === "baseline")!;
      const parts = rows.filter((x) => x.replicate === r && x.option.startsWith("baseline--age--"));
      expect(parts.length).toBe(2);
      for (const k of ["population", "enrolled", "claims"] as const) expect(parts[0]![k] + parts[1]![k]).toBe(whole[k]);
      for (const k of ["gross", "benefits"] as const) expect(parts[0]![k] + parts[1]![k]).toBeCloseTo(whole[k], 4);
      expect(parts.find((x) => x.option.endsWith("le50"))!.population).toBe(60000);
    }
  });

  it("bad groups and scales are one-line errors naming the field", () => {
    expect(() => checkDesign(design({ groups: [{ attribute: "age", levels: [{ value: "le50" }, { value: "gt90" }] }] }), FIXTURE)).toThrow(/^design\.groups\[0\]\.levels\[1\]\.value: no cell of option "baseline" has age = "gt90" \(allowed: le50, gt50; got "gt90"\)$/);
    expect(() => checkDesign(design({ groups: [{ attribute: "region", levels: [{ value: "x" }] }] }), FIXTURE)).toThrow(/design\.groups\[0\]\.levels\[0\]\.value: .*none — its cells have no attribute "region"/);
    expect(() => checkDesign(design({ groups: [{ attribute: "age", levels: [{ value: "le50", parameter: "gonghuibao.nope" }] }] }), FIXTURE)).toThrow(/^design\.groups\[0\]\.levels\[0\]\.parameter: not a parameter of gonghuibao/);
    expect(() => parseDesign({ ...JSON.parse(JSON.stringify(design())), groups: [{ attribute: "age", levels: [{ value: "le50" }, { value: "le50" }] }] })).toThrow(/^design\.groups\[0\]\.levels\[1\]\.value: duplicate level/);
    expect(() => checkDesign(design({ factors: [{ kind: "scale", name: "priceScale", paths: [PRICE], levels: [-1, 1] }] }), FIXTURE)).toThrow(/^design\.factors\[0\]\.levels: -1 × gonghuibao\.premium\.upToThreshold \(68 on 2020-09-01\): /);
    expect(() => checkDesign(design({ factors: [{ kind: "scale", name: "priceScale", paths: ["linghuobao.premium.perDay"], levels: [1] }] }), FIXTURE)).toThrow(/^design\.factors\[0\]\.paths\[0\]: no kept option uses scheme "linghuobao"/);
    expect(() => checkDesign(design({ target: { option: "baseline--age--old", lossRatio: [0.8, 0.9], confidence: 0.9 } }), FIXTURE)).toThrow(/^design\.target\.option: unknown option \(allowed: baseline, baseline--age--le50, baseline--age--gt50; got "baseline--age--old"\)$/);
  });
});

/** A record with the given replicate loss ratios (the summaries are not read by feasibleByGroup beyond mean and quantiles). */
function rec(point: number, option: string, values: (number | string)[], lossRatios: number[]): SweepRecord {
  return { point, option, year: 1, values, lossRatios: Float64Array.from(lossRatios), stats: { lossRatio_mean: 0, lossRatio_q05: 0, lossRatio_q95: 0 } };
}

describe("the feasible region per group, on a hand-made sweep", () => {
  // Two points (rate 1 and 2), option x and its groups by sector a and b, five replicates each.
  const d = {
    id: "tiny", scenario: "s.json", seed: 1, replicates: 5, mode: "fast", uncertainty: true, commonRandomNumbers: false,
    factors: [{ kind: "reform", name: "rate", path: "p.q", levels: [1, 2] }],
    groups: [{ attribute: "sector", label: { zh: "行业", en: "sector" }, levels: [{ value: "a", label: { zh: "甲", en: "A" }, parameter: "p.a" }, { value: "b" }] }],
    design: { type: "grid" },
  } as unknown as Design;
  const records = [
    rec(0, "x", [1], [0.85, 0.85, 0.85, 0.85, 0.85]),
    rec(0, "x--sector--a", [1], [0.81, 0.82, 0.9, 0.95, 0.7]), // in [0.8, 0.9]: 0.81, 0.82, 0.9 → 3/5
    rec(0, "x--sector--b", [1], [0.85, 0.86, 0.87, 0.88, 1.2]), // 4/5
    rec(1, "x", [2], [0.4, 0.4, 0.4, 0.4, 0.4]),
    rec(1, "x--sector--a", [2], [0.8, 0.85, 0.89, 0.83, 0.84]), // 5/5 (0.8 counts: the band is closed)
    rec(1, "x--sector--b", [2], [0.4, Number.NaN, 0.85, 0.5, 0.6]), // 1/5 (NaN counts as outside)
  ];
  const s: Sweep = { id: "tiny", hash: "h", version: "0", design: d, factors: [], records, options: [...new Set(records.map((r) => r.option))], years: [1] };

  it("lists the groups in the design's order with their labels (the value when none)", () => {
    expect(sweepGroups(s, "x").map((g) => [g.option, g.label.en, g.attributeLabel.zh, g.parameter])).toEqual([
      ["x--sector--a", "A", "行业", "p.a"],
      ["x--sector--b", "b", "行业", undefined],
    ]);
    expect(sweepGroups(s, "y")).toEqual([]);
  });

  it("P(in band), the feasible points and the best point of each group, as counted by hand", () => {
    const [a, b] = feasibleByGroup(s, { option: "x", year: 1, band: [0.8, 0.9], confidence: 0.7 });
    expect(a!.points.map((p) => p.pIn)).toEqual([0.6, 1]);
    expect(a!.feasible.map((p) => p.values[0])).toEqual([2]);
    expect(a!.best.point).toBe(1);
    expect(b!.points.map((p) => p.pIn)).toEqual([0.8, 0.2]);
    expect(b!.feasible.map((p) => p.values[0])).toEqual([1]);
    expect(b!.best.point).toBe(0);
    // At 90 % only sector a at rate 2 qualifies.
    expect(feasibleByGroup(s, { option: "x", year: 1, band: [0.8, 0.9], confidence: 0.9 }).map((g) => g.feasible.length)).toEqual([1, 0]);
  });

  it("a sweep without groups of the option is one line", () => {
    expect(() => feasibleByGroup(s, { option: "y", year: 1, band: [0.8, 0.9], confidence: 0.9 })).toThrow(/^sweep file: has no groups of option "y" \(allowed: a design with "groups", e\.g\. by sector\)$/);
  });
});

describe("invariantTo: a factor that leaves the loss ratios unchanged", () => {
  const d = { factors: [{ kind: "reform", name: "rate" }, { kind: "reform", name: "share" }], design: { type: "grid" } } as unknown as Design;
  const make = (b: number[]) => {
    const records = [
      rec(0, "x", [1, 0], [0.5, 0.6]),
      rec(1, "x", [1, 0.5], [0.5, 0.6]),
      rec(2, "x", [2, 0], [0.3, Number.NaN]),
      rec(3, "x", [2, 0.5], b),
    ];
    return { id: "t", hash: "h", version: "0", design: d, factors: [], records, options: ["x"], years: [1] } as Sweep;
  };
  it("is true when records differing only in the factor have identical loss ratios (NaN equal to NaN), false otherwise", () => {
    expect(invariantTo(make([0.3, Number.NaN]), { option: "x", year: 1, factor: 1 })).toBe(true);
    expect(invariantTo(make([0.3, 0.31]), { option: "x", year: 1, factor: 1 })).toBe(false);
    // The rate does move them.
    expect(invariantTo(make([0.3, Number.NaN]), { option: "x", year: 1, factor: 0 })).toBe(false);
    // No other option's rows, or a single level: false.
    expect(invariantTo(make([0.3, Number.NaN]), { option: "y", year: 1, factor: 1 })).toBe(false);
  });
});
