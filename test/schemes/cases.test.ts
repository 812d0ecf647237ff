/**
 * The one generic runner of every registered scheme's worked examples and hand cases
 * (src/schemes/<id>/cases.yaml, format in docs/add-a-scheme.md), OpenFisca-style: each case gives
 * a date, a person, a purchase and a claim (and optionally a reform), and the expected
 * eligibility, premium by payer, payout and itemised lines — or the InputError expected.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readYaml, SCHEMES_DIR } from "../../scripts/gen-schemes.js";
import { applyReform, InputError, type AnyScheme } from "../../src/rules/index.js";
import { schemes } from "../../src/schemes/index.js";
import { CasesFile, validateFile, type CaseData, type ExpectedAmount } from "../../src/rules/scheme-files.js";

function amountIs(actual: number | undefined, expected: ExpectedAmount, what: string): void {
  expect(actual, what).toBeTypeOf("number");
  if (typeof expected === "number") expect(actual, what).toBe(expected);
  else expect(actual, what).toBeCloseTo(expected.about, expected.digits);
}

function run(base: AnyScheme, c: CaseData): void {
  const scheme = c.reform ? applyReform(base, c.reform) : base;
  const e = c.expect;
  const wantsEligibility = e.eligible !== undefined || e.failing !== undefined || e.reasons !== undefined;
  const wantsBenefit = [e.payout, e.items, e.lines, e.absent, e.formulas, e.formulaMatches, e.params, e.payers].some((x) => x !== undefined);
  const checks = wantsEligibility || wantsBenefit || e.premium !== undefined || e.error !== undefined;
  expect(checks, "a case must expect something").toBe(true);
  try {
    const person = scheme.parsePerson(c.person ?? {});
    const purchase = c.purchase !== undefined || e.premium !== undefined || e.error ? scheme.parsePurchase(c.purchase ?? {}, c.date) : undefined;
    const claim = c.claim !== undefined ? scheme.parseClaim(c.claim) : undefined;
    if (wantsEligibility || e.error) {
      const elig = scheme.eligibility(person, c.date);
      if (e.eligible !== undefined) expect(elig.eligible, "eligible").toBe(e.eligible);
      if (e.failing) expect(elig.reasons.filter((r) => !r.met).map((r) => r.rule), "failing rules").toEqual(e.failing);
      if (e.reasons) expect(elig.reasons.map((r) => r.rule), "eligibility rules").toEqual(e.reasons);
    }
    if (e.premium || (e.error && purchase !== undefined)) {
      const q = scheme.premium(person, purchase, c.date);
      const want = e.premium ?? {};
      if (want.gross !== undefined) amountIs(q.gross, want.gross, "premium.gross");
      if (want.net !== undefined) amountIs(q.net, want.net, "premium.net");
      if (want.byPayer) {
        expect(q.byPayer.map((b) => b.payer).sort(), "premium.byPayer payers").toEqual(Object.keys(want.byPayer).sort());
        for (const [payer, amount] of Object.entries(want.byPayer)) amountIs(q.byPayer.find((b) => b.payer === payer)?.amount, amount, `premium.byPayer.${payer}`);
      }
      if (want.cover?.from) expect(q.cover?.from, "premium.cover.from").toBe(want.cover.from);
      if (want.cover?.until) expect(q.cover?.until, "premium.cover.until").toBe(want.cover.until);
    }
    if (wantsBenefit || (e.error && claim !== undefined)) {
      expect(claim, "a benefit case needs a claim").toBeDefined();
      const b = scheme.benefit(claim, person, c.date);
      if (e.payout !== undefined) amountIs(b.payout, e.payout, "payout");
      const only = (rule: string) => {
        const lines = b.items.filter((i) => i.rule === rule);
        expect(lines.length, `lines with rule ${rule} (have: ${b.items.map((i) => i.rule).join(", ")})`).toBe(1);
        return lines[0]! as (typeof lines)[number] & { payer?: string };
      };
      for (const [rule, amount] of Object.entries(e.items ?? {})) amountIs(only(rule).amount, amount, `items.${rule}`);
      if (e.lines) expect(b.items.map((i) => i.rule), "benefit lines").toEqual(e.lines);
      for (const rule of e.absent ?? []) expect(b.items.map((i) => i.rule), `no line ${rule}`).not.toContain(rule);
      for (const [rule, formula] of Object.entries(e.formulas ?? {})) expect(only(rule).formula, `formula of ${rule}`).toBe(formula);
      for (const [rule, re] of Object.entries(e.formulaMatches ?? {})) expect(only(rule).formula, `formula of ${rule}`).toMatch(new RegExp(re));
      for (const [rule, params] of Object.entries(e.params ?? {})) expect(only(rule).params, `params of ${rule}`).toEqual(params);
      for (const [rule, payer] of Object.entries(e.payers ?? {})) expect(only(rule).payer, `payer of ${rule}`).toBe(payer);
    }
  } catch (error) {
    if (e.error && error instanceof InputError) {
      expect(error.field, `InputError field (message: ${error.message})`).toBe(e.error.field);
      if (e.error.message) expect(error.message).toMatch(new RegExp(e.error.message));
      return;
    }
    throw error;
  }
  if (e.error) expect.unreachable(`expected an InputError on ${e.error.field}`);
}

for (const scheme of schemes) {
  const file = join(SCHEMES_DIR, scheme.id, "cases.yaml");
  const cases = validateFile(CasesFile, readYaml(file), `src/schemes/${scheme.id}/cases.yaml`);
  describe(`${scheme.id} cases.yaml`, () => {
    for (const c of cases) it(c.name, () => run(scheme, c));
  });
}
