/**
 * The mandatory proposal's own rules, over the injury family (src/families/injury/): the
 * platform's per-order contribution at its sector's rate, with the third-party add-on; eligibility (a platform worker,
 * age); the statutory benefit package on the region's average wage when the injury is
 * work-related (causation), and third-party damage up to a limit with the add-on. Every number
 * is a parameter (parameters.yaml, and the statutory package's); the metadata is scheme.yaml.
 */
import { cappedShareLine, description, injuryScheme, minAgeReason, notCovered, paidInFull, paramPaths, perOrderPremium, platformWorkerBasis, statutoryLines } from "../../families/injury/index.js";
import { fmt, roundFen } from "../../rules/money.js";
import { ParameterTable } from "../../rules/parameter.js";
import { eligibilityOf, premiumOf, reason, type Premium, type Scheme, type TraceLine } from "../../rules/scheme.js";
import { statutoryBenefit } from "../../rules/statutory-wii.js";
import { ClaimSchema, PersonSchema, PurchaseSchema, SECTOR_LABELS, SECTORS, type MandatoryClaim, type MandatoryPerson, type MandatoryPurchase, type Sector } from "./inputs.js";
import { meta, parameters } from "./scheme.gen.js";

export { SECTOR_LABELS, SECTORS, type Sector } from "./inputs.js";
export type { MandatoryClaim, MandatoryPerson, MandatoryPurchase };

export const ID = meta.id;
/** A proposal has no start date; the paper's year is used so the parameters have a version. */
export const FROM = meta.period.from;

const P = paramPaths(ID, { publicShare: "financing.publicShare", tpPerOrder: "thirdParty.premiumPerOrder", tpCap: "thirdParty.cap", tpRate: "thirdParty.rate", minAge: "eligibility.minAge" });
/** The rate per order of each sector (issue 12: not one flat rate for everyone). */
export const RATE: Readonly<Record<Sector, string>> = paramPaths(ID, {
  "instant-delivery": "premium.instantDelivery", "ride-hailing": "premium.rideHailing", freight: "premium.freight", express: "premium.express", other: "premium.other",
});

const PLATFORM_PAYS = { zh: "平台缴费，个人不缴", en: "financed by the platform; the worker pays nothing" };

/**
 * Who pays the contribution: the platform in full (the proposal, share 0), or the budget
 * `share` of it, rounded to the fen, and the platform the rest (a policy lever, parameters.yaml
 * financing.publicShare). The gross, and so the loss ratio, does not depend on the share.
 */
function financed(grossTrace: TraceLine, share: number): Premium {
  if (share === 0) return paidInFull(grossTrace, { rule: `${ID}.platformPays`, payer: "platform", label: PLATFORM_PAYS });
  const gross = grossTrace.amount;
  const budget = roundFen(share * gross);
  const platform = roundFen(gross - budget);
  return premiumOf(gross, grossTrace, [
    { rule: `${ID}.publicShare`, payer: "budget", label: { zh: "财政补贴", en: "public subsidy" }, amount: budget, params: [P.publicShare], get formula() { return `${fmt(share)} × ${fmt(gross)} = ${fmt(budget)}`; } },
    { rule: `${ID}.platformPays`, payer: "platform", label: PLATFORM_PAYS, amount: platform, params: [P.publicShare], get formula() { return `${fmt(gross)} − ${fmt(budget)} = ${fmt(platform)}`; } },
  ]);
}

/** Platform workers have no contract wage: benefits on the region's average wage, the platform carrying the employer's share. */
const BASIS = platformWorkerBasis(ID);

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<MandatoryPerson, MandatoryClaim, MandatoryPurchase> {
  return injuryScheme(meta, t, { person: PersonSchema, purchase: PurchaseSchema, claim: ClaimSchema }, {
    eligibility(person, date) {
      return eligibilityOf([
        reason(`${ID}.platformWorker`, person.platformWorker,
          person.platformWorker ? "works through a platform: covered compulsorily" : "not a platform worker (the proposal covers platform workers)",
          person.platformWorker ? "平台灵活就业人员，强制参保" : "非平台灵活就业人员"),
        minAgeReason(`${ID}.age`, person.age, t.v(P.minAge, date)),
      ]);
    },

    premium(person, purchase, date) {
      const rate = { path: RATE[person.sector], value: t.v(RATE[person.sector], date) };
      const addOn = person.thirdPartyCover ? { path: P.tpPerOrder, value: t.v(P.tpPerOrder, date), name: "third-party" } : undefined;
      const grossTrace = perOrderPremium(ID, purchase.orders, rate, addOn);
      return financed(grossTrace, t.v(P.publicShare, date));
    },

    benefit(claim, person, date) {
      if (!claim.workRelated) return notCovered(`${ID}.causation`, { zh: "伤害与工作无因果关系", en: "injury not caused by the work" }, "determination centred on causation: not work-related → 0");
      const items = statutoryLines(t, ID, claim, person.age, BASIS, date);
      if (claim.thirdPartyDamage !== undefined && claim.thirdPartyDamage > 0) {
        items.push(person.thirdPartyCover
          ? { ...cappedShareLine(t, `${ID}.thirdParty`, { zh: "第三者责任", en: "third-party liability" }, claim.thirdPartyDamage, P.tpRate, P.tpCap, date), payer: "fund" }
          : { rule: `${ID}.thirdParty`, label: { zh: "第三者责任(未投保附加险)", en: "third-party liability (no add-on)" }, amount: 0, payer: "fund", params: [], formula: "no third-party add-on → 0" });
      }
      return statutoryBenefit(items);
    },

    describe(date, lang) {
      const zh = lang === "zh";
      const rates = SECTORS.map((s) => (zh ? `${SECTOR_LABELS[s].zh}${fmt(t.v(RATE[s], date))}` : `${SECTOR_LABELS[s].en} ${fmt(t.v(RATE[s], date))} 元`)).join(zh ? "、" : ", ");
      const tp = t.v(P.tpPerOrder, date);
      const cap = t.v(P.tpCap, date);
      const share = t.v(P.publicShare, date);
      return description(meta, lang, {
        covered: zh ? "所有平台灵活就业人员，强制参保；以因果关系为核心认定工伤，劳动者及家属可申请认定" : "every platform worker, compulsorily; injuries determined by causation, workers and families may file",
        payers: share === 0
          ? (zh ? "平台，个人不缴(财政补贴比例 0，可作为政策杠杆调整)" : "the platforms; workers pay nothing (public share 0, a policy lever)")
          : (zh ? `财政补贴每单缴费的 ${fmt(100 * share)}%，平台缴其余部分，个人不缴` : `the budget ${fmt(100 * share)} % of the per-order contribution, the platforms the rest; workers pay nothing`),
        premium: zh
          ? `按行业每单缴费(元/单，假设，参照试点标准)：${rates}；第三者责任附加险每单${fmt(tp)}元(假设)`
          : `per order by sector (assumed, after the pilot's standards): ${rates}; third-party add-on ${fmt(tp)} 元 per order (assumed)`,
        benefit: zh ? `单险种工伤保险(工伤保险条例)待遇；第三者责任每次事故最高${fmt(cap)}元(假设)` : `single-type (statutory) WII benefits; third-party liability up to ${fmt(cap)} 元 per accident (assumed)`,
        period: zh ? "建议方案(假设自2025-01-01)" : "proposal (hypothetically from 2025-01-01)",
      });
    },
  }, create);
}

export const platformInjuryMandatory = create();
export const scheme = platformInjuryMandatory;
