import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getScheme, schemeIds } from "../../src/schemes/index.js";
import { runCli } from "../helpers/cli.js";

const run = runCli;

describe("puhui benefit", () => {
  it("the issue's Done-when: 工惠保 worked example prints payout 363275", async () => {
    const r = await run("benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":32200,"outOfCatalogSelfPay":488100}', "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.payout).toBe(363275); // 12200 + 351075
    expect(j.items.map((i: { amount: number }) => i.amount)).toEqual([12200, 351075]);
  });
  it("text output shows the formulas and the total", async () => {
    const r = await run("benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":32200,"outOfCatalogSelfPay":488100}');
    expect(r.out).toContain("max(0, 488100 − 20000) × 75% = 351075");
    expect(r.out).toContain("payout: 363275 元");
  });
  it("--reform changes the result", async () => {
    const r = await run("benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":32200,"outOfCatalogSelfPay":488100}', "--reform", '{"gonghuibao.outOfCatalog.rate":0.8}', "--json");
    expect(JSON.parse(r.out).payout).toBe(386680); // 12200 + 468100 × 0.8
  });
  it.each([
    [["benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":-5,"outOfCatalogSelfPay":0}'], /claim.inCatalogSelfPay: must be an amount in 元 from 0 to 100000000/],
    [["benefit", "gonghuibao", "--claim", "{oops"], /claim: malformed JSON/],
    [["benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":1,"outOfCatalogSelfPay":1,"x":1}'], /claim.x: unknown field; allowed fields/],
    [["benefit", "linghuobao", "--claim", '{"medicalCost":1,"disabilityGrade":11}'], /claim.disabilityGrade: must be an integer from 1 to 10/],
    [["benefit", "nosuch", "--claim", "{}"], /scheme: unknown scheme "nosuch"; known schemes: linghuobao/],
    [["benefit", "gonghuibao"], /missing --claim/],
    [["benefit", "gonghuibao", "--claim", "{}", "--bogus"], /unknown option "--bogus" \(allowed: --claim <value>/],
    [["benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":1,"outOfCatalogSelfPay":1}', "--reform", '{"gonghuibao.nope":1}'], /reform.gonghuibao.nope: unknown parameter of gonghuibao; closest valid paths/],
    [["benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":1,"outOfCatalogSelfPay":1}', "--reform", '{"gonghuibao.outOfCatalog.rate":2}'], /must be a number from 0 to 1/],
    [["benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":1,"outOfCatalogSelfPay":1}', "--date", "2020-13-01"], /date: must be a calendar date YYYY-MM-DD/],
    [["benefit", "gonghuibao", "--claim", "@/nonexistent/claim.json"], /--claim: cannot read file "\/nonexistent\/claim.json" \(ENOENT\)/],
    [["quote", "gonghuibao", "--person", '{"age":-1}'], /person.age: must be an integer from 0 to 120/],
  ])("bad input %j → exit 2, one line", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });
});

describe("puhui quote", () => {
  it("灵活保 {age: 30}, 10 days: gross 6, budget 3, net 3 (0.6 and 0.3 元/day)", async () => {
    const j = JSON.parse((await run("quote", "linghuobao", "--person", '{"age":30}', "--days", "10", "--json")).out);
    expect([j.eligible, j.gross, j.net]).toEqual([true, 6, 3]);
    expect(j.subsidies[0]).toMatchObject({ payer: "budget", amount: 3 });
    expect(Array.isArray(j.reasons)).toBe(true);
  });
  it("after the subsidy years the worker pays 0.6 a day", async () => {
    const j = JSON.parse((await run("quote", "linghuobao", "--days", "10", "--date", "2024-07-01", "--json")).out);
    expect(j.net).toBe(6);
  });
  it("工惠保 with a bank card: net 38", async () => {
    const j = JSON.parse((await run("quote", "gonghuibao", "--person", '{"age":30,"bankOfNingboCardHolder":true}', "--json")).out);
    expect([j.gross, j.net]).toEqual([68, 38]);
  });
  it("age 66 for 灵活保 → eligible false with the age reason", async () => {
    const j = JSON.parse((await run("quote", "linghuobao", "--person", '{"age":66}', "--json")).out);
    expect(j.eligible).toBe(false);
    expect(j.reasons.find((r: { rule: string }) => r.rule === "linghuobao.age").met).toBe(false);
  });
  it("--days 0, --days 30 and --days on a scheme without days are errors naming the flag", async () => {
    expect((await run("quote", "linghuobao", "--days", "0")).err).toBe("puhui quote: --days: out of range (allowed: integers 1 to 366 days per purchase; got 0)\n");
    expect((await run("quote", "linghuobao", "--days", "30")).err).toBe("puhui quote: --days: out of range for linghuobao on 2022-06-25 (allowed: integers 1 to 28 days per purchase; got 30)\n");
    // The per-day schemes, read from the registry's purchase schemas (a second per-day scheme joins the list).
    const perDay = schemeIds.filter((id) => "days" in (getScheme(id).inputs?.purchase.shape ?? {}));
    expect(perDay).toContain("linghuobao");
    expect(perDay).not.toContain("gonghuibao");
    expect((await run("quote", "gonghuibao", "--days", "3")).err).toBe(`puhui quote: --days: gonghuibao is not bought by the day (allowed: --days only for ${perDay.join(", ")}; got 3)\n`);
  });
});

describe("puhui rules", () => {
  it("list names every scheme", async () => {
    const r = await run("rules", "list");
    for (const id of schemeIds) expect(r.out).toContain(id);
  });
  it("show prints values, sources and assumption flags; --json gives the data", async () => {
    const r = await run("rules", "show", "gonghuibao");
    expect(r.out).toMatch(/gonghuibao\.outOfCatalog\.rate\s+0\.75\s+share/);
    expect(r.out).toContain("002_c0fee34b91106deb.txt:100");
    const j = JSON.parse((await run("rules", "show", "tianyi-yongningbao", "--date", "2023-06-01", "--json")).out);
    const p = j.parameters.find((x: { path: string }) => x.path === "tianyi-yongningbao.rate.band2.noPreExisting");
    expect(p.value).toBe(0.8);
    const cap = j.parameters.find((x: { path: string }) => x.path === "tianyi-yongningbao.annualCap");
    expect(cap.assumption.prior.dist).toBe("triangular");
  });
  it("--help prints the usage", async () => {
    const r = await run("quote", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: puhui quote <scheme>");
  });
});

describe("the puhui bin (one spawned smoke test; the rest in-process)", () => {
  const bin = (...args: string[]) => spawnSync(process.execPath, ["bin/puhui.js", ...args], { encoding: "utf-8" });
  it("prints payout 363275 for the worked example", { timeout: 300_000 }, () => {
    const r = bin("benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":32200,"outOfCatalogSelfPay":488100}', "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).payout).toBe(363275);
  });
  it.each([
    [["benefit", "gonghuibao", "--claim", '{"inCatalogSelfPay":-1,"outOfCatalogSelfPay":0}'], "puhui benefit: claim.inCatalogSelfPay: must be an amount in 元 from 0 to 100000000"],
    [["quote", "nosuch"], `puhui quote: scheme: unknown scheme "nosuch"; known schemes: ${schemeIds.join(", ")}`],
    [["benefit", "linghuobao", "--claim", '{"medicalCost":1,"disabilityGrade":11}'], "puhui benefit: claim.disabilityGrade: must be an integer from 1 to 10 (disability grade, 1 = most severe)"],
  ])("%j → exit 2 and one stderr line", async (args, line) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${line}\n`);
  });
});
