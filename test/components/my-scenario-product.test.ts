/**
 * The "我的情景 My scenario" page's product form and prior editor (src/components/my-scenario-product.ts,
 * my-scenario-priors.ts): every parameter of a shipped scheme as a field with its role read from
 * the medical spec; typed values checked with a one-line error naming the field and its range;
 * the edited product reaches the engine as the options' reform (an option's own reform on top),
 * and re-shaped priors reach the scenario's assumptions — both through the scenario JSON the CLI
 * reads. Expected values are hand-computed from parameters.yaml and the scenario file.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getScheme } from "../../src/schemes/index.js";
import { resolveScenarioText } from "../../src/populations/scenario-file.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { runJob } from "../../src/sim/parallel.js";
import { composeScenario } from "../../src/components/my-scenario-build.js";
import { applyProduct, checkValue, overriddenBy, productDiff, productFields, scenarioSchemes } from "../../src/components/my-scenario-product.js";
import { applyPriors, assumptionEntries, readPriorForm } from "../../src/components/my-scenario-priors.js";
import { decodeState, encodeState, type MyState } from "../../src/components/my-scenario-state.js";

const TIANYI = "simulations/scenarios/ningbo-tianyi-2024.json";
const shipped = JSON.parse(resolveScenarioText(readFileSync(TIANYI, "utf-8"), TIANYI));
const ID = "tianyi-yongningbao";
const path = (k: string) => `${ID}.${k}`;

describe("the scheme's terms as fields", () => {
  it("every parameter of 天一甬宁保, grouped by its role in the spec, starting from its value on the scenario's date", () => {
    const fields = productFields(getScheme(ID), shipped.date);
    expect(fields).toHaveLength(getScheme(ID).parameters.paths.length); // 12 in parameters.yaml
    const role = (k: string) => fields.find((f) => f.path === path(k))!.role;
    expect(role("premium.adult")).toBe("premium");
    expect(role("premium.adultAge")).toBe("premium");
    expect(role("band.lower")).toBe("deductible");
    expect(role("rate.band1.noPreExisting")).toBe("rate");
    expect(role("annualCap")).toBe("cap");
    expect(role("proton.cap")).toBe("cap");
    expect(fields.map((f) => f.role)).toEqual([...fields.map((f) => f.role)].sort((a, b) => ["premium", "subsidy", "deductible", "rate", "cap", "eligibility", "other"].indexOf(a) - ["premium", "subsidy", "deductible", "rate", "cap", "eligibility", "other"].indexOf(b)));
    const lower = fields.find((f) => f.path === path("band.lower"))!;
    expect(lower).toMatchObject({ start: 6000, unit: "CNY", range: { min: 0, max: 10_000_000 } }); // parameters.yaml: 6000 元, seed 003
    expect(lower.help!.en).toMatch(/first band.*deductible/);
    expect(lower.help!.zh).toMatch(/起付线/);
    expect(fields.find((f) => f.path === path("premium.adult"))!.start).toBe(100);
  });
  it("工惠保's bank subsidy is a subsidy paid by the bank; a scheme outside the medical family is grouped by key", () => {
    const g = productFields(getScheme("gonghuibao"), "2020-09-01");
    const s = g.find((f) => f.path === "gonghuibao.bankSubsidy.amount")!;
    expect(s.role).toBe("subsidy");
    expect(s.help).toMatchObject({ zh: expect.stringMatching(/^银行出资/), en: expect.stringMatching(/paid by bank/) });
    const l = productFields(getScheme("linghuobao"), getScheme("linghuobao").referenceDate);
    expect(new Set(l.map((f) => f.role))).toEqual(new Set(["other"]));
    expect(l.find((f) => f.path === "linghuobao.disability.ratio.grade3")!.group).toBe("disability");
  });
  it("every group of every shipped scheme outside the medical family has a name in both languages", async () => {
    const { schemes } = await import("../../src/schemes/index.js");
    const { GROUP_NAMES } = await import("../../src/components/my-scenario-product.js");
    for (const scheme of schemes) {
      const fields = productFields(scheme, scheme.referenceDate);
      if (fields.some((f) => f.role !== "other")) continue;
      for (const f of fields) expect(GROUP_NAMES[f.group], `${scheme.id}: ${f.group}`).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
  });
  it("checks a typed value: one line naming the field and its allowed range; nothing is clamped or NaN", () => {
    const fields = productFields(getScheme(ID), shipped.date);
    const premium = fields.find((f) => f.path === path("premium.adult"))!;
    expect(checkValue(premium, " 150 ")).toEqual({ value: 150, error: null });
    expect(checkValue(premium, "1,250")).toEqual({ value: 1250, error: null });
    for (const bad of ["", "abc", "NaN", "12000", "-1", "1e400"]) {
      const r = checkValue(premium, bad);
      expect(r.value).toBeNull();
      expect(r.error!.en).toBe(`adult premium (${path("premium.adult")}): must be a number from 0 to 10000 (yuan/year); got ${JSON.stringify(bad)}`);
      expect(r.error!.zh).toBe(`成人保费（${path("premium.adult")}）：应为数，0 至 10000（元/年）；输入为 ${JSON.stringify(bad)}`);
    }
    const age = fields.find((f) => f.path === path("premium.adultAge"))!;
    expect(age.integer).toBe(true);
    expect(checkValue(age, "17.5").error!.en).toMatch(/must be an integer from 0 to 120 \(years\)/);
  });
  it("lists the differences from where it started", () => {
    const fields = productFields(getScheme(ID), shipped.date);
    const d = productDiff(fields, { [path("premium.adult")]: 150, [path("band.lower")]: 6000, [path("rate.band1.noPreExisting")]: 0.5 });
    expect(d.map((x) => [x.field.path, x.from, x.to])).toEqual([[path("premium.adult"), 100, 150], [path("rate.band1.noPreExisting"), 0.2, 0.5]]);
  });
});

describe("the edited product in the scenario JSON", () => {
  const product = { scheme: ID, values: { [path("premium.adult")]: 150, [path("premium.minorOrStudent")]: 150, [path("band.lower")]: 8000, [path("rate.band1.noPreExisting")]: 0, [path("rate.band1.preExisting")]: 0, [path("rate.band2.noPreExisting")]: 0, [path("rate.band2.preExisting")]: 0 } };
  it("is each option's reform, the option's own reform on top; a bad value is the CLI's error", () => {
    expect(scenarioSchemes(shipped)).toEqual([ID]);
    const s = applyProduct(shipped, product);
    expect(s.options[0].reform).toEqual(product.values);
    const own = shipped.options[1].reform;
    expect(s.options[1].reform).toEqual({ ...product.values, ...own });
    expect(overriddenBy(shipped, product).map((x) => ({ ...x, paths: [...x.paths].sort() }))).toEqual([{ option: "terms-2023", paths: Object.keys(own).sort() }]);
    expect(() => parseScenarioText(JSON.stringify(s))).not.toThrow();
    const bad = applyProduct(shipped, { scheme: ID, values: { [path("premium.adult")]: 20000 } });
    expect(() => parseScenarioText(JSON.stringify(bad))).toThrow(/premium\.adult.*from 0 to 10000/);
    expect(() => applyProduct(shipped, { scheme: "gonghuibao", values: { "gonghuibao.annualCap": 1 } })).toThrow(/no option of the scenario uses "gonghuibao" \(allowed: tianyi-yongningbao\)/);
  });
  it("runs: premiums of 150 元 a head, and nothing paid where every band rate is 0 (the 2023 terms keep their own rates)", () => {
    const text = JSON.stringify(composeScenario(shipped, { seed: 3, replicates: 8, product }));
    const rows = runJob({ scenarioText: text, mode: "fast", replicates: 8, seed: 3, uncertainty: true, range: [0, 8] });
    const first = rows.filter((r) => r.year === Math.min(...rows.map((x) => x.year)));
    for (const r of first) expect(r.gross / r.enrolled).toBeCloseTo(150, 9);
    for (const r of rows.filter((x) => x.option === "as-issued")) expect(r.benefits).toBe(0);
    for (const r of rows.filter((x) => x.option === "terms-2023")) expect(r.benefits).toBeGreaterThan(0);
    const plain = runJob({ scenarioText: JSON.stringify(composeScenario(shipped, { seed: 3, replicates: 8 })), mode: "fast", replicates: 8, seed: 3, uncertainty: true, range: [0, 8] });
    for (const r of plain.filter((x) => x.year === first[0]!.year)) expect(r.gross / r.enrolled).toBeCloseTo(100, 9);
  }, 300_000);
});

describe("priors you can shape", () => {
  const entries = assumptionEntries(shipped);
  const renewal = entries.find((e) => e.name === "renewal.healthy")!;
  it("lists the scenario's assumptions with a prior (resolved figures included)", () => {
    expect(entries.length).toBeGreaterThan(10);
    expect(renewal.prior).toEqual({ dist: "beta", alpha: 8, beta: 12 }); // simulations/scenarios/ningbo-tianyi-2024.json
  });
  it("a new centre moves the prior with it; new shape fields are taken as typed; fixed drops the prior", () => {
    const intercept = entries.find((e) => e.name === "takeup.intercept")!; // uniform(min −1.066288, max 0.933712), value −0.066288399
    const cur = { value: intercept.value, prior: intercept.prior };
    const moved = readPriorForm("takeup.intercept", cur, { fixed: false, dist: "uniform", centre: "0.5", shape: { min: "-1.066288", max: "0.933712" } });
    expect(moved.edit!.value).toBe(0.5);
    expect(moved.edit!.prior).toMatchObject({ dist: "uniform" });
    const p = moved.edit!.prior as { min: number; max: number };
    expect(p.min).toBeCloseTo(-1.066288 + 0.566288399, 9);
    expect(p.max).toBeCloseTo(0.933712 + 0.566288399, 9);
    const wider = readPriorForm("takeup.intercept", cur, { fixed: false, dist: "uniform", centre: String(intercept.value), shape: { min: "-2", max: "2" } });
    expect(wider.edit).toEqual({ value: intercept.value, prior: { dist: "uniform", min: -2, max: 2 } });
    expect(readPriorForm("takeup.intercept", cur, { fixed: true, dist: "uniform", centre: "0.1", shape: {} }).edit).toEqual({ value: 0.1, prior: { dist: "fixed" } });
  });
  it("a bad shape is one line naming the parameter and what is allowed", () => {
    const cur = { value: renewal.value, prior: renewal.prior };
    const r = readPriorForm("renewal.healthy", cur, { fixed: false, dist: "beta", centre: String(renewal.value), shape: { alpha: "-1", beta: "12" } });
    expect(r.error).toEqual({ zh: "renewal.healthy.prior.alpha：须大于 0；输入为 -1", en: "renewal.healthy.prior.alpha: must be > 0; got -1" });
    expect(readPriorForm("renewal.healthy", cur, { fixed: false, dist: "beta", centre: "abc", shape: { alpha: "8", beta: "12" } }).error!.en).toBe('renewal.healthy.value: must be a finite number; got "abc"');
    expect(readPriorForm("x", { value: 1, prior: { dist: "triangular", min: 0, mode: 1, max: 2 } }, { fixed: false, dist: "triangular", centre: "1", shape: { min: "0", mode: "3", max: "2" } }).error!.en).toBe("x.prior: must have min ≤ mode ≤ max and min < max; got min 0, mode 3, max 2");
  });
  it("the re-shaped priors are the scenario's assumptions, and the state link carries product and priors", async () => {
    const edit = { value: 0.3, prior: { dist: "beta" as const, alpha: 30, beta: 70 } };
    const s = applyPriors(shipped, { "renewal.healthy": edit });
    expect(s.assumptions["renewal.healthy"]).toMatchObject({ ...edit, label: shipped.assumptions["renewal.healthy"].label });
    expect(() => parseScenarioText(JSON.stringify(s))).not.toThrow();
    expect(() => applyPriors(shipped, { nope: edit })).toThrow(/priors\.nope/);
    const state: MyState = { v: 1, base: "ningbo-tianyi-2024", seed: 7, product: { scheme: ID, values: { [path("premium.adult")]: 150 } }, priors: { "renewal.healthy": edit } };
    expect(await decodeState(await encodeState(state), ["ningbo-tianyi-2024"])).toEqual({ state, note: null });
    const bad = await encodeState({ ...state, product: { scheme: ID, values: { [path("premium.adult")]: "150" } } } as unknown as MyState);
    expect((await decodeState(bad, ["ningbo-tianyi-2024"])).note!.message).toMatch(/\(product\)/);
    for (const prior of [{ dist: "beta", alpha: 8 }, { dist: "beta", alpha: -1, beta: 2 }, { dist: "weird" }, { dist: "uniform", min: 0, max: 0.2 }]) {
      const raw = await encodeState({ ...state, priors: { "renewal.healthy": { value: 0.4, prior } } } as unknown as MyState);
      expect((await decodeState(raw, ["ningbo-tianyi-2024"])).note!.message).toMatch(/\(priors\)/);
    }
  });
});

describe("the deductible and cap a claim field meets", () => {
  it("天一甬宁保's covered costs: the first band's lower edge and the overall cap, edited or as in force", async () => {
    const { deductibleAndCap } = await import("../../src/components/my-scenario-product.js");
    expect(deductibleAndCap(getScheme(ID), "coveredCost", shipped.date)).toEqual({ deductible: { path: path("band.lower"), value: 6000 }, cap: { path: path("annualCap"), value: 1_000_000 } });
    expect(deductibleAndCap(getScheme(ID), "coveredCost", shipped.date, { [path("band.lower")]: 8000 }).deductible!.value).toBe(8000);
    // the proton component has its own cap and no deductible
    expect(deductibleAndCap(getScheme(ID), "protonHeavyIonCost", shipped.date)).toEqual({ cap: { path: path("proton.cap"), value: 1_000_000 } });
    expect(deductibleAndCap(getScheme("gonghuibao"), "inCatalogSelfPay", "2020-09-01").deductible).toEqual({ path: "gonghuibao.inCatalog.deductible", value: 20000 }); // seed 002 l.98: 2万元免赔额
    expect(deductibleAndCap(getScheme("linghuobao"), "medicalCost", "2024-01-01")).toEqual({});
  });
});
