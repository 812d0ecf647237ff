// Frozen copy of src/schemes/platform-injury-mandatory/formulas.ts at commit 8be5d09, before the injury family (src/families/injury/): the oracle of ../../equivalence.test.ts. Do not edit.
/**
 * The mandatory proposal's formulas: the platform's per-order contribution, with the third-party
 * add-on; eligibility (a platform worker, age); the statutory benefit package
 * (src/rules/statutory-wii.ts) on the region's average wage when the injury is work-related
 * (causation), and third-party damage up to a limit with the add-on. Every number is a parameter
 * (parameters.yaml, and the statutory package's); the metadata is scheme.yaml.
 */
import { parseWith } from "../../../../../src/rules/input.js";
import { fmt, mulRate, roundFen } from "../../../../../src/rules/money.js";
import { ParameterTable } from "../../../../../src/rules/parameter.js";
import { benefitOf, eligibilityOf, metaFields, premiumOf, reason, type Lang, type PremiumLine, type Scheme, type TraceLine } from "../../../../../src/rules/scheme.js";
import { statutoryBenefit, statutoryItems } from "../../../../../src/rules/statutory-wii.js";
import { ClaimSchema, PersonSchema, PurchaseSchema, type MandatoryClaim, type MandatoryPerson, type MandatoryPurchase } from "./inputs.js";
import { meta, parameters } from "../../../../../src/schemes/platform-injury-mandatory/scheme.gen.js";

export type { MandatoryClaim, MandatoryPerson, MandatoryPurchase };

export const ID = meta.id;
/** A proposal has no start date; the paper's year is used so the parameters have a version. */
export const FROM = meta.period.from;

const P = {
  perOrder: `${ID}.premium.perOrder`,
  tpPerOrder: `${ID}.thirdParty.premiumPerOrder`,
  tpCap: `${ID}.thirdParty.cap`,
  tpRate: `${ID}.thirdParty.rate`,
  minAge: `${ID}.eligibility.minAge`,
  wage: `${ID}.regionalAverageWage`,
} as const;

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<MandatoryPerson, MandatoryClaim, MandatoryPurchase> {
  const scheme: Scheme<MandatoryPerson, MandatoryClaim, MandatoryPurchase> = {
    ...metaFields(meta),
    parameters: t,
    inputs: { person: PersonSchema, purchase: PurchaseSchema, claim: ClaimSchema },
    parsePerson: (input) => parseWith(PersonSchema, input, "person"),
    parseClaim: (input) => parseWith(ClaimSchema, input, "claim"),
    parsePurchase: (input) => parseWith(PurchaseSchema, input, "purchase"),

    eligibility(person, date) {
      const minAge = t.v(P.minAge, date);
      return eligibilityOf([
        reason(`${ID}.platformWorker`, person.platformWorker,
          person.platformWorker ? "works through a platform: covered compulsorily" : "not a platform worker (the proposal covers platform workers)",
          person.platformWorker ? "平台灵活就业人员，强制参保" : "非平台灵活就业人员"),
        reason(`${ID}.age`, person.age >= minAge, `age ${person.age} ${person.age >= minAge ? "≥" : "<"} ${minAge}`, `年龄${person.age}岁${person.age >= minAge ? "不低于" : "低于"}${minAge}岁`),
      ]);
    },

    premium(person, purchase, date) {
      const rate = t.v(P.perOrder, date);
      const base = rate * purchase.orders;
      const tp = person.thirdPartyCover ? t.v(P.tpPerOrder, date) : 0;
      const gross = roundFen(base + tp * purchase.orders);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "按单缴费", en: "per-order contribution" },
        amount: gross,
        params: person.thirdPartyCover ? [P.perOrder, P.tpPerOrder] : [P.perOrder],
        formula: person.thirdPartyCover
          ? `(${fmt(rate)} + ${fmt(tp)} third-party) × ${purchase.orders} orders = ${fmt(gross)}`
          : `${fmt(rate)} × ${purchase.orders} orders = ${fmt(gross)}`,
      };
      const line: PremiumLine = {
        rule: `${ID}.platformPays`,
        payer: "platform",
        label: { zh: "平台缴费，个人不缴", en: "financed by the platform; the worker pays nothing" },
        amount: gross,
        params: [],
        get formula() { return `platform pays ${fmt(gross)}`; },
      };
      return premiumOf(gross, grossTrace, [line]);
    },

    benefit(claim, person, date) {
      if (!claim.workRelated) {
        return benefitOf([{ rule: `${ID}.causation`, label: { zh: "伤害与工作无因果关系", en: "injury not caused by the work" }, amount: 0, params: [], formula: "determination centred on causation: not work-related → 0" }]);
      }
      const w = { monthly: t.v(P.wage, date), path: P.wage, name: "region's average monthly wage" };
      const items = statutoryItems(t, ID, claim, { personAge: person.age, wage: w, regionalWage: w, region: "national", lumpSumWage: "regional", employerPayer: "platform" }, date);
      if (claim.thirdPartyDamage !== undefined && claim.thirdPartyDamage > 0) {
        if (person.thirdPartyCover) {
          const rate = t.v(P.tpRate, date);
          const cap = t.v(P.tpCap, date);
          const amt = Math.min(mulRate(claim.thirdPartyDamage, rate), cap);
          items.push({
            rule: `${ID}.thirdParty`,
            label: { zh: "第三者责任", en: "third-party liability" },
            amount: amt,
            payer: "fund",
            params: [P.tpRate, P.tpCap],
            get formula() { return `min(${fmt(claim.thirdPartyDamage ?? 0)} × ${fmt(rate * 100)}%, ${fmt(cap)}) = ${fmt(amt)}`; },
          });
        } else {
          items.push({ rule: `${ID}.thirdParty`, label: { zh: "第三者责任(未投保附加险)", en: "third-party liability (no add-on)" }, amount: 0, payer: "fund", params: [], formula: "no third-party add-on → 0" });
        }
      }
      return statutoryBenefit(items);
    },

    describe(date, lang: Lang) {
      const zh = lang === "zh";
      const rate = t.v(P.perOrder, date);
      const tp = t.v(P.tpPerOrder, date);
      const cap = t.v(P.tpCap, date);
      return {
        id: ID,
        name: scheme.name[lang],
        region: scheme.region[lang],
        covered: zh ? "所有平台灵活就业人员，强制参保；以因果关系为核心认定工伤，劳动者及家属可申请认定" : "every platform worker, compulsorily; injuries determined by causation, workers and families may file",
        payers: zh ? "平台，个人不缴" : "the platforms; workers pay nothing",
        premium: zh ? `每单${fmt(rate)}元(假设)；第三者责任附加险每单${fmt(tp)}元(假设)` : `${fmt(rate)} 元 per order (assumed); third-party add-on ${fmt(tp)} 元 per order (assumed)`,
        benefit: zh ? `单险种工伤保险(工伤保险条例)待遇；第三者责任每次事故最高${fmt(cap)}元(假设)` : `single-type (statutory) WII benefits; third-party liability up to ${fmt(cap)} 元 per accident (assumed)`,
        sources: [...scheme.sources],
        period: zh ? "建议方案(假设自2025-01-01)" : "proposal (hypothetically from 2025-01-01)",
      };
    },
    withParameters: (table) => create(table),
  };
  return scheme;
}

export const platformInjuryMandatory = create();
export const scheme = platformInjuryMandatory;
