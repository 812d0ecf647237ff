import { tableFromIPC } from "apache-arrow";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { Payer } from "../../src/rules/index.js";
import type { ReplicateRow } from "../../src/sim/run.js";
import { formatOfPath, formatResults, TIDY_COLUMNS, tidyRows, toArrowIPC, toCSV, toJSON } from "../../src/sim/results.js";

const rows: ReplicateRow[] = [
  {
    replicate: 0, option: "base", year: 1, population: 1000, eligible: 900, enrolled: 300, coverage: 0.3,
    gross: 30000, net: 20000,
    subsidies: { budget: 6000, bank: 0, employer: 4000, town: 0, platform: 0, union: 0, chamber: 0, collective: 0, association: 0 } as Record<Payer, number>,
    claims: 7, benefits: 12345.67, admin: 2400, lossRatio: 12345.67 / 30000, benefitPerEnrollee: 12345.67 / 300,
    expectedEnrolled: 310.5, expectedGross: 31050, expectedClaimants: 6.5, expectedBenefits: 13000.25, expectedCashBenefits: 11000.25, processVarBenefits: 1.5e7,
    costs: { employer: 0, platform: 5000 }, cashBenefits: 10000.5, cashLossRatio: 10000.5 / 30000,
  },
  {
    replicate: 1, option: "base", year: 1, population: 1000, eligible: 900, enrolled: 0, coverage: 0,
    gross: 0, net: 0,
    subsidies: { budget: 0, bank: 0, employer: 0, town: 0, platform: 0, union: 0, chamber: 0, collective: 0, association: 0 } as Record<Payer, number>,
    claims: 0, benefits: 0, admin: 0, lossRatio: null, benefitPerEnrollee: null,
    expectedEnrolled: 0.25, expectedGross: 25, expectedClaimants: 0.01, expectedBenefits: 0.1, expectedCashBenefits: 0.1, processVarBenefits: 0.01,
    costs: { employer: 0, platform: 0 }, cashBenefits: 0, cashLossRatio: null,
  },
];

describe("tidy rows", () => {
  it("flattens subsidies into subsidy_<payer> columns and keeps nulls", () => {
    const [a, b] = tidyRows(rows);
    expect(Object.keys(a!)).toEqual(TIDY_COLUMNS);
    expect(a!["subsidy_budget"]).toBe(6000);
    expect(a!["subsidy_employer"]).toBe(4000);
    expect(a!["subsidy_bank"]).toBe(0);
    expect(b!["lossRatio"]).toBeNull();
    expect(b!["benefitPerEnrollee"]).toBeNull();
    expect(TIDY_COLUMNS).toContain("subsidy_association");
    expect(TIDY_COLUMNS).not.toContain("subsidies");
  });
});

describe("Arrow IPC", () => {
  it("round-trips through apache-arrow tableFromIPC with the same values and types", () => {
    const bytes = toArrowIPC(rows);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const t = tableFromIPC(bytes);
    expect(t.numRows).toBe(2);
    expect(t.schema.fields.map((f) => f.name)).toEqual(TIDY_COLUMNS);
    expect(String(t.schema.fields.find((f) => f.name === "replicate")!.type)).toBe("Int32");
    expect(String(t.schema.fields.find((f) => f.name === "option")!.type)).toBe("Utf8");
    expect(String(t.schema.fields.find((f) => f.name === "benefits")!.type)).toBe("Float64");
    const back = t.toArray().map((r) => r.toJSON());
    expect(back).toEqual(tidyRows(rows));
    expect(t.getChild("lossRatio")!.get(1)).toBeNull();
    expect(t.getChild("benefits")!.get(0)).toBe(12345.67);
    expect(t.getChild("processVarBenefits")!.get(0)).toBe(1.5e7);
  });

  it("an empty run still has the schema", () => {
    const t = tableFromIPC(toArrowIPC([]));
    expect(t.numRows).toBe(0);
    expect(t.schema.fields).toHaveLength(TIDY_COLUMNS.length);
  });
});

describe("CSV and JSON", () => {
  it("CSV: header in column order, numbers verbatim, null as an empty field", () => {
    const csv = toCSV(rows);
    const lines = csv.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(TIDY_COLUMNS.join(","));
    expect(lines[0]).toMatch(/^replicate,option,year,population,eligible,enrolled,coverage,gross,net,subsidy_budget,subsidy_bank,/);
    expect(lines[1]).toBe(
      "0,base,1,1000,900,300,0.3,30000,20000,6000,0,4000,0,0,0,0,0,0,7,12345.67,2400," +
        `${12345.67 / 30000},${12345.67 / 300},310.5,31050,6.5,13000.25,15000000,0,5000,10000.5,${10000.5 / 30000}`,
    );
    const parsed = csvParse(csv);
    expect(parsed[1]!["lossRatio"]).toBe("");
    expect(parsed[1]!["cashLossRatio"]).toBe("");
    expect(Number(parsed[0]!["benefits"])).toBe(12345.67);
  });

  it("JSON: array of tidy rows, null kept", () => {
    const back = JSON.parse(toJSON(rows)) as Record<string, unknown>[];
    expect(back).toEqual(tidyRows(rows));
    expect(back[1]!["lossRatio"]).toBeNull();
  });

  it("formatResults and formatOfPath", () => {
    expect(formatResults(rows, "csv")).toBe(toCSV(rows));
    expect(formatResults(rows, "json")).toBe(toJSON(rows));
    expect(formatResults(rows, "arrow")).toBeInstanceOf(Uint8Array);
    expect(["x.arrow", "x.CSV", "a/b.json", "x.parquet", "x"].map(formatOfPath)).toEqual(["arrow", "csv", "json", undefined, undefined]);
  });
});
