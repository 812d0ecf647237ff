/**
 * `puhui rules list`, `puhui rules show <scheme>`, `puhui quote <scheme>`, `puhui benefit <scheme>`:
 * the command-line face of src/rules. `--json` prints machine output; bad input exits 2 with one
 * line naming the field and the allowed values (InputError/UsageError, handled by main.ts).
 */
import type { Command, Io } from "./command.js";
import { UsageError } from "./errors.js";
import { intFlag, onePositional, parseLang, parseStrict, readJson, table } from "./args.js";
import { InputError } from "../../src/rules/input-error.js";
import { applyReform, describe, parseDate, referenceText, versionAt, type AnyScheme } from "../../src/rules/index.js";
import { getScheme, schemeIds, schemes } from "../../src/schemes/index.js";
import { fmt } from "../../src/rules/money.js";
import type { Prior } from "../../src/rules/parameter.js";
import { pick } from "../../src/vocabulary/text.js";

function json(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

function schemeAndDate(id: string, date: string | undefined, reform: string | undefined): { scheme: AnyScheme; date: string } {
  let scheme = getScheme(id);
  if (reform !== undefined) scheme = applyReform(scheme, readJson(reform, "reform"));
  return { scheme, date: date === undefined ? scheme.referenceDate : parseDate(date, "date") };
}

export const rulesList: Command = {
  path: ["rules", "list"],
  summary: "list the schemes with region and period",
  usage: `Usage: puhui rules list [--lang zh|en] [--json]

Lists every scheme in the rules module: id, name, region, period in force, sources.
  --lang zh|en  language of names (default en)
  --json        machine output (an array of scheme summaries)
`,
  run(args, io) {
    const { values, positionals } = parseStrict(args, { json: { type: "boolean" }, lang: { type: "string" } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}; rules list takes no arguments`);
    const lang = parseLang(values.lang);
    if (values.json) {
      json(io, schemes.map((s) => ({ id: s.id, name: s.name, region: s.region, period: s.period, referenceDate: s.referenceDate, sources: s.sources })));
      return 0;
    }
    io.out(table(
      schemes.map((s) => [s.id, s.region[lang], `${s.period.from} – ${s.period.until ?? "open"}`, s.name[lang]]),
      ["id", "region", "period", "name"],
    ));
    return 0;
  },
};

export const rulesShow: Command = {
  path: ["rules", "show"],
  summary: "show a scheme's parameters with values, units, sources and assumption flags",
  usage: `Usage: puhui rules show <scheme> [--date YYYY-MM-DD] [--lang zh|en] [--json]

Prints the parameters in force on the date (default: the scheme's reference date) with value,
unit, allowed range, version start, source (seed file:line «quote» or a named regulation) and,
for assumptions, the rationale and prior. Paths are what --reform accepts.
  --date D      date the parameter versions are read at
  --lang zh|en  label language (default en)
  --json        machine output
`,
  run(args, io) {
    const { values, positionals } = parseStrict(args, { date: { type: "string" }, json: { type: "boolean" }, lang: { type: "string" } });
    const { scheme, date } = schemeAndDate(onePositional(positionals, "scheme", schemeIds), values.date, undefined);
    const lang = parseLang(values.lang);
    const rows = scheme.parameters.all.map((p) => {
      const v = versionAt(p, date);
      return { parameter: p, version: v };
    });
    if (values.json) {
      json(io, {
        scheme: scheme.id,
        date,
        description: describe(scheme, date, lang),
        parameters: rows.map(({ parameter: p, version: v }) => ({
          path: p.path,
          label: p.label,
          unit: p.unit,
          range: p.range,
          integer: p.integer ?? false,
          inForce: v !== undefined,
          value: v?.value ?? null,
          from: v?.from ?? null,
          reference: v?.reference ?? null,
          source: v ? referenceText(v.reference, lang) : null,
          assumption: v?.assumption ?? null,
          note: v?.note ?? null,
          versions: p.versions,
        })),
      });
      return 0;
    }
    const d = describe(scheme, date, lang);
    io.out(`${d.name} — ${d.region}; parameters on ${date} (${d.period})\n\n`);
    io.out(table(
      rows.map(({ parameter: p, version: v }) => [
        p.path,
        v ? fmt(v.value) : "(not yet)",
        p.unit,
        v?.assumption ? "ASSUMED" : "",
        v ? `${v.from}` : "",
        v ? (v.assumption ? `${pick(v.assumption.rationale, lang)}; prior ${priorText(v.assumption.prior)}` : referenceText(v.reference, lang)) : "",
      ]),
      ["path", "value", "unit", "assumption", "from", "source / rationale"],
    ));
    io.out(`\n${scheme.parameters.all.filter((p) => versionAt(p, date)?.assumption).length} of ${rows.length} parameters are assumptions; override any with --reform '{"<path>": value}'.\n`);
    return 0;
  },
};

function priorText(p: Prior): string {
  switch (p.dist) {
    case "uniform":
      return `uniform(${p.min}, ${p.max})`;
    case "triangular":
      return `triangular(${p.min}, ${p.mode}, ${p.max})`;
    case "lognormal":
      return `lognormal(median ${p.median}, σ ${p.sigma})`;
    case "beta":
      return `beta(${p.alpha}, ${p.beta})`;
    case "fixed":
      return "fixed";
  }
}

export const quote: Command = {
  path: ["quote"],
  summary: "eligibility and premium (gross, subsidies by payer, net) for a person",
  usage: `Usage: puhui quote <scheme> [--person <json|@file>] [--days N] [--purchase <json|@file>]
                   [--date YYYY-MM-DD] [--reform <json|@file>] [--json]

Checks eligibility and prices one purchase. Person attributes not given take the scheme's
documented defaults (see docs/rules.md); unknown fields are errors.
  --person    e.g. '{"age": 30}'
  --days N    days bought (灵活保), a decimal integer in the scheme's range (灵活保: 1 to 28);
              same as --purchase '{"days": N}'
  --purchase  purchase options, e.g. '{"payer": "employer"}', '{"months": 3}', '{"orders": 1000}'
  --date D    purchase date (default: the scheme's reference date)
  --reform    parameter overrides, e.g. '{"linghuobao.premium.daily": 0.8}'
  --json      prints {eligible, reasons, gross, subsidies, net, byPayer, …}; net = what the
              insured pays for the whole purchase
`,
  run(args, io) {
    const { values, positionals } = parseStrict(args, {
      person: { type: "string" }, days: { type: "string" }, purchase: { type: "string" },
      date: { type: "string" }, reform: { type: "string" }, json: { type: "boolean" },
    });
    const days = intFlag(values.days, "--days", { min: 1, max: 366, unit: "days per purchase" });
    const { scheme, date } = schemeAndDate(onePositional(positionals, "scheme", schemeIds), values.date, values.reform);
    const person = scheme.parsePerson(values.person === undefined ? {} : readJson(values.person, "person"));
    let purchaseInput = values.purchase === undefined ? {} : readJson(values.purchase, "purchase");
    if (days !== undefined) {
      if (typeof purchaseInput !== "object" || purchaseInput === null || Array.isArray(purchaseInput)) purchaseInput = {};
      purchaseInput = { ...(purchaseInput as object), days };
    }
    const purchase = days === undefined ? scheme.parsePurchase(purchaseInput, date) : parseDays(scheme, purchaseInput, date, days);
    const elig = scheme.eligibility(person, date);
    const premium = scheme.premium(person, purchase, date);
    if (values.json) {
      json(io, { scheme: scheme.id, date, person, purchase, eligible: elig.eligible, reasons: elig.reasons, ...premium });
      return 0;
    }
    io.out(`${scheme.name.en} — quote on ${date}\n`);
    io.out(`eligible: ${elig.eligible ? "yes" : "NO"}\n`);
    for (const r of elig.reasons) io.out(`  ${r.met ? "✓" : "✗"} ${r.en}  [${r.rule}]\n`);
    io.out(`gross premium: ${fmt(premium.gross)} 元   (${premium.grossTrace.formula})\n`);
    for (const s of premium.subsidies) io.out(`  − ${s.label.en} (${s.payer}): ${fmt(s.amount)} 元   (${s.formula})\n`);
    io.out(`net (paid by the insured): ${fmt(premium.net)} 元\n`);
    if (premium.cover) io.out(`cover: ${premium.cover.from} to ${premium.cover.until}\n`);
    io.out(`by payer: ${premium.byPayer.map((p) => `${p.payer} ${fmt(p.amount)}`).join(", ")}\n`);
    return 0;
  },
};

/** The purchase with --days; the scheme's range check is reported against --days. */
function parseDays(scheme: AnyScheme, purchaseInput: unknown, date: string, days: number) {
  try {
    return scheme.parsePurchase(purchaseInput, date);
  } catch (error) {
    if (!(error instanceof InputError) || error.field !== "purchase.days") throw error;
    const detail = error.message.slice(error.field.length + 2);
    if (detail.startsWith("unknown field")) {
      throw new InputError("--days", `${scheme.id} is not bought by the day (allowed: --days only for ${schemeIds.filter(acceptsDays).join(", ")}; got ${days})`);
    }
    const range = /from (\d+) to (\d+)/.exec(detail);
    throw new InputError("--days", range
      ? `out of range for ${scheme.id} on ${date} (allowed: integers ${range[1]} to ${range[2]} days per purchase; got ${days})`
      : `${detail} (got ${days})`);
  }
}

/** Whether a scheme's purchases are counted in days (its purchase accepts a "days" field). */
function acceptsDays(id: string): boolean {
  const s = getScheme(id);
  try {
    s.parsePurchase({ days: 1 }, s.referenceDate);
    return true;
  } catch (error) {
    return !(error instanceof InputError && error.field === "purchase.days" && error.message.includes("unknown field"));
  }
}

export const benefit: Command = {
  path: ["benefit"],
  summary: "itemised benefit for a claim, with the rule, parameters and formula of every line",
  usage: `Usage: puhui benefit <scheme> --claim <json|@file> [--person <json|@file>]
                     [--date YYYY-MM-DD] [--reform <json|@file>] [--json]

Computes the payout for one claim with an itemised trace.
  --claim     e.g. gonghuibao '{"inCatalogSelfPay": 32200, "outOfCatalogSelfPay": 488100}'
  --person    person attributes (defaults: see docs/rules.md)
  --date D    date of the event (default: the scheme's reference date)
  --reform    parameter overrides, e.g. '{"gonghuibao.outOfCatalog.rate": 0.8}'
  --json      prints {payout, items, eligible, reasons, …}; payout is the total in 元
`,
  run(args, io) {
    const { values, positionals } = parseStrict(args, {
      claim: { type: "string" }, person: { type: "string" }, date: { type: "string" },
      reform: { type: "string" }, json: { type: "boolean" },
    });
    const { scheme, date } = schemeAndDate(onePositional(positionals, "scheme", schemeIds), values.date, values.reform);
    if (values.claim === undefined) throw new UsageError("missing --claim <json|@file> (see puhui benefit --help for the claim fields)");
    const claim = scheme.parseClaim(readJson(values.claim, "claim"));
    const person = scheme.parsePerson(values.person === undefined ? {} : readJson(values.person, "person"));
    const elig = scheme.eligibility(person, date);
    const result = scheme.benefit(claim, person, date);
    if (values.json) {
      json(io, { scheme: scheme.id, date, claim, person, eligible: elig.eligible, reasons: elig.reasons, payout: result.payout, items: result.items });
      return 0;
    }
    io.out(`${scheme.name.en} — benefit on ${date}${elig.eligible ? "" : " (person NOT eligible: " + elig.reasons.filter((r) => !r.met).map((r) => r.en).join("; ") + ")"}\n\n`);
    io.out(table(
      result.items.map((i) => [i.label.en, fmt(i.amount), i.formula, i.params.join(", ")]),
      ["item", "元", "formula", "parameters"],
    ));
    io.out(`\npayout: ${fmt(result.payout)} 元\n`);
    return 0;
  },
};

export const rulesCommands: Command[] = [rulesList, rulesShow, quote, benefit];
