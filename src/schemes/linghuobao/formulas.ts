/**
 * 灵活保's own rules, over the injury family (src/families/injury/): the daily premium with the
 * budget subsidy of the first two years and the cover it buys; eligibility (age, registration, a
 * job in Ningbo, a short job period); the benefit per accident (medical costs up to a cap,
 * disability by grade ratio or death up to the sum insured, together at most the sum insured). Every number is a parameter (parameters.yaml);
 * the metadata is scheme.yaml.
 */
import { cappedShareLine, coverFromNextDay, description, gradeShareLine, injuryScheme, paramPaths } from "../../families/injury/index.js";
import { addDays } from "../../rules/dates.js";
import { parseWith } from "../../rules/input.js";
import { fmt, mulRate, roundFen } from "../../rules/money.js";
import { ParameterTable, pct } from "../../rules/parameter.js";
import { benefitOf, eligibilityOf, premiumOf, reason, type PremiumLine, type Scheme, type TraceLine } from "../../rules/scheme.js";
import { ClaimSchema, PersonSchema, purchaseSchema, type LinghuobaoClaim, type LinghuobaoPerson, type LinghuobaoPurchase } from "./inputs.js";
import { meta, parameters } from "./scheme.gen.js";

export type { LinghuobaoClaim, LinghuobaoPerson, LinghuobaoPurchase };

export const ID = meta.id;
/** The first policy (l.77–81). */
export const LAUNCH = meta.period.from;
/** The budget subsidy ends two years after launch (l.162–164). */
export const SUBSIDY_END = meta.dates.subsidyEnd!;

const P = paramPaths(ID, {
  daily: "premium.daily", budgetShare: "subsidy.budgetShare", minDays: "purchase.minDays", maxDays: "purchase.maxDays",
  minAge: "eligibility.minAge", maxAge: "eligibility.maxAge", jobLimit: "eligibility.jobPeriodLimitDays",
  medicalCap: "medical.cap", medicalRate: "medical.rate", sumInsured: "disabilityDeath.sumInsured", ratio: "disability.ratio",
});

export function create(t: ParameterTable = new ParameterTable(parameters)): Scheme<LinghuobaoPerson, LinghuobaoClaim, LinghuobaoPurchase> {
  const purchase = purchaseSchema(t.v(P.minDays, meta.referenceDate), t.v(P.maxDays, meta.referenceDate));
  return injuryScheme(meta, t, { person: PersonSchema, purchase, claim: ClaimSchema }, {
    parsePurchase(input, date) {
      const min = t.v(P.minDays, date);
      const max = t.v(P.maxDays, date);
      return parseWith(purchaseSchema(min, max), input, "purchase");
    },

    eligibility(person, date) {
      const minAge = t.v(P.minAge, date);
      const maxAge = t.v(P.maxAge, date);
      const limit = t.v(P.jobLimit, date);
      const ageOk = person.age >= minAge && person.age <= maxAge;
      const jobOk = person.jobPeriodDays < limit;
      return eligibilityOf([
        reason(`${ID}.period`, date >= LAUNCH, `scheme in force from ${LAUNCH}`, `${LAUNCH}起实施`),
        reason(`${ID}.age`, ageOk, `age ${person.age} ${ageOk ? "within" : "outside"} ${minAge}–${maxAge}`, `年龄${person.age}岁${ageOk ? "在" : "不在"}${minAge}–${maxAge}周岁之内`),
        reason(`${ID}.registered`, person.registeredOnPlatform,
          person.registeredOnPlatform ? "registered on 灵活就业服务在线" : "not registered on 灵活就业服务在线 (required)",
          person.registeredOnPlatform ? "已在灵活就业服务在线注册" : "未在灵活就业服务在线注册(须注册)"),
        reason(`${ID}.jobInNingbo`, person.jobInNingbo,
          person.jobInNingbo ? "job inside Ningbo (any household registration)" : "job outside Ningbo (required: inside Ningbo)",
          person.jobInNingbo ? "岗位在宁波市行政区域内(不限户籍)" : "岗位不在宁波市行政区域内"),
        reason(`${ID}.jobPeriod`, jobOk, `job period ${person.jobPeriodDays} days ${jobOk ? "<" : "≥"} ${limit}`, `岗位工作期${person.jobPeriodDays}天${jobOk ? "少于" : "不少于"}${limit}天`),
      ]);
    },

    premium(_person, purchase, date) {
      const daily = t.v(P.daily, date);
      const gross = roundFen(daily * purchase.days);
      const grossTrace: TraceLine = {
        rule: `${ID}.premium`,
        label: { zh: "基础保费", en: "basic premium" },
        amount: gross,
        params: [P.daily],
        get formula() { return `${fmt(daily)} × ${purchase.days} days = ${fmt(gross)}`; },
      };
      const share = t.v(P.budgetShare, date);
      const subsidies: PremiumLine[] = [];
      if (share > 0) {
        const s = mulRate(gross, share);
        subsidies.push({
          rule: `${ID}.budgetSubsidy`,
          payer: "budget",
          label: { zh: "财政补贴(前两年)", en: "budget subsidy (first two years)" },
          amount: s,
          params: [P.budgetShare],
          get formula() { return `${fmt(gross)} × ${pct(share)} = ${fmt(s)}`; },
        });
      }
      // Cover for a day bought runs 00:00–24:00 of the next day (l.82–84).
      return premiumOf(gross, grossTrace, subsidies, coverFromNextDay(date, purchase.days));
    },

    benefit(claim, _person, date) {
      const items: TraceLine[] = [cappedShareLine(t, `${ID}.medical`, { zh: "意外医疗费用", en: "medical costs" }, claim.medicalCost, P.medicalRate, P.medicalCap, date)];
      const sum = t.v(P.sumInsured, date);
      let lump = 0;
      if (claim.disabilityGrade !== undefined) {
        const g = claim.disabilityGrade;
        const line = gradeShareLine(t, `${ID}.disability`, { zh: `意外伤残(${g}级)`, en: `disability (grade ${g})` }, P.sumInsured, P.ratio, g, date);
        lump += line.amount;
        items.push(line);
      }
      if (claim.death) {
        lump += sum;
        items.push({
          rule: `${ID}.death`,
          label: { zh: "意外身故", en: "death" },
          amount: sum,
          params: [P.sumInsured],
          get formula() { return `${fmt(sum)}`; },
        });
      }
      if (lump > sum) {
        items.push({
          rule: `${ID}.disabilityDeathCap`,
          label: { zh: "伤残与身故合计以保额为限", en: "disability and death together at most the sum insured" },
          amount: sum - lump,
          params: [P.sumInsured],
          get formula() { return `min(${fmt(lump)}, ${fmt(sum)}) − ${fmt(lump)} = ${fmt(sum - lump)}`; },
        });
      }
      return benefitOf(items);
    },

    describe(date, lang) {
      const zh = lang === "zh";
      const daily = t.v(P.daily, date);
      const share = t.v(P.budgetShare, date);
      const net = roundFen(daily * (1 - share));
      const [minAge, maxAge, minDays, maxDays, med, sum] = [P.minAge, P.maxAge, P.minDays, P.maxDays, P.medicalCap, P.sumInsured].map((p) => t.v(p, date)) as [number, number, number, number, number, number];
      return description(meta, lang, {
        covered: zh
          ? `在灵活就业服务在线注册、岗位在宁波的灵活就业人员，${minAge}–${maxAge}周岁，不限户籍和工种，岗位工作期少于${t.v(P.jobLimit, date)}天`
          : `flexible workers registered on 灵活就业服务在线 with a job in Ningbo, age ${minAge}–${maxAge}, any household registration or occupation, job period under ${t.v(P.jobLimit, date)} days`,
        payers: zh ? (share > 0 ? `个人自愿投保，财政补贴${pct(share)}` : "个人自愿投保(财政补贴期已结束)") : share > 0 ? `the worker, voluntarily; the budget pays ${pct(share)}` : "the worker, voluntarily (budget subsidy period over)",
        premium: zh ? `${fmt(daily)}元/人/天，个人实付${fmt(net)}元/天；每次${minDays}–${maxDays}天` : `${fmt(daily)} 元 per person per day, the worker pays ${fmt(net)} 元/day; ${minDays}–${maxDays} days per purchase`,
        benefit: zh ? `每次事故医疗费用最高${fmt(med)}元，意外伤残身故最高${fmt(sum)}元` : `per accident: medical costs up to ${fmt(med)} 元, disability/death up to ${fmt(sum)} 元`,
        period: zh ? `${LAUNCH}起(财政补贴至${addDays(SUBSIDY_END, -1)})` : `from ${LAUNCH} (budget subsidy until ${addDays(SUBSIDY_END, -1)})`,
      });
    },
  }, create);
}

export const linghuobao = create();
export const scheme = linghuobao;