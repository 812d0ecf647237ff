/**
 * Who pays: every payer of a premium (the covered person and whoever subsidises or buys for them)
 * and every payer of a statutory benefit line, each with its label, a one-line description and one
 * colour. The colours are Okabe–Ito's (blue, orange, bluish green, reddish purple, sky blue,
 * vermillion, yellow, grey) and, for the three rarest payers, Paul Tol's wine, teal and sand — a
 * colour-blind-safe set in which no two payers share a colour and none is black (dark mode).
 *
 * Order: premium payers in the order of the engine's ledger columns (`subsidy_<payer>`), the
 * insured first; then the statutory fund.
 */
import type { Bilingual, Lang } from "./text.js";

/** Who pays (part of) a premium. `insured` is the covered person. */
export const PREMIUM_PAYERS = ["insured", "budget", "bank", "employer", "town", "platform", "union", "chamber", "collective", "association"] as const;
export type Payer = (typeof PREMIUM_PAYERS)[number];

/** Payers other than the insured: the engine's ledger columns, in this order. */
export type SubsidyPayer = Exclude<Payer, "insured">;
export const SUBSIDY_PAYERS: readonly SubsidyPayer[] = PREMIUM_PAYERS.filter((p): p is SubsidyPayer => p !== "insured");

/** Who pays a statutory benefit line: the work-injury fund (in the payout) or the employer/platform. */
export const BENEFIT_PAYERS = ["fund", "employer", "platform"] as const;
export type BenefitPayer = (typeof BENEFIT_PAYERS)[number];

export type PayerId = Payer | BenefitPayer;

export interface PayerInfo {
  id: PayerId;
  /** Full label, e.g. in a premium table or a sentence. */
  label: Bilingual;
  /** Short label for a chart legend. */
  short: Bilingual;
  description: Bilingual;
  /** Hex colour, unique among payers. */
  colour: string;
  /**
   * Pays for its own workers (a contribution, shown apart from subsidies): the employer and the
   * platform. Third parties (budget, bank, union, …) subsidise.
   */
  ownWorkers: boolean;
}

const info = (id: PayerId, label: Bilingual, short: Bilingual, colour: string, description: Bilingual, ownWorkers = false): PayerInfo => ({ id, label, short, colour, description, ownWorkers });

export const PAYERS: Readonly<Record<PayerId, PayerInfo>> = {
  insured: info("insured", { zh: "被保险人个人", en: "the insured" }, { zh: "个人", en: "insured" }, "#0072B2", { zh: "被保障的人自己支付的部分(扣除各项补贴后的实付保费)", en: "what the covered person pays, net of every subsidy" }),
  budget: info("budget", { zh: "财政", en: "government budget" }, { zh: "财政", en: "budget" }, "#E69F00", { zh: "政府财政补贴，如灵活保首两年的保费补贴", en: "a government subsidy, e.g. Linghuobao's premium subsidy in the first two years" }),
  bank: info("bank", { zh: "银行", en: "bank" }, { zh: "银行", en: "bank" }, "#009E73", { zh: "为持卡客户补贴保费的银行(工惠保：宁波银行)", en: "a bank subsidising its card holders' premium (Gonghuibao: Bank of Ningbo)" }),
  employer: info("employer", { zh: "用人单位", en: "employer" }, { zh: "用人单位", en: "employer" }, "#CC79A7", { zh: "为本单位人员缴费或统一投保的企业、单位", en: "an employer paying for, or buying cover for, its own staff" }, true),
  town: info("town", { zh: "镇政府", en: "town government" }, { zh: "镇政府", en: "town" }, "#56B4E9", { zh: "为本镇居民统一投保的镇政府(如姜山镇为高龄老人投保)", en: "a town government buying cover for its residents (e.g. Jiangshan for its elders)" }),
  platform: info("platform", { zh: "平台", en: "platform" }, { zh: "平台", en: "platform" }, "#D55E00", { zh: "为接单人员按单或按月缴费的平台企业", en: "a platform company paying per order or per month for the workers taking its orders" }, true),
  union: info("union", { zh: "工会", en: "trade union" }, { zh: "工会", en: "union" }, "#F0E442", { zh: "为会员补贴或统一投保的工会", en: "a trade union subsidising or buying cover for its members" }),
  chamber: info("chamber", { zh: "商会", en: "business chamber" }, { zh: "商会", en: "chamber" }, "#999999", { zh: "为会员企业人员统一投保的商会", en: "a business chamber buying cover for its member firms' staff" }),
  collective: info("collective", { zh: "村集体", en: "village collective" }, { zh: "村集体", en: "collective" }, "#882255", { zh: "为村民统一投保的村集体经济组织", en: "a village collective buying cover for its villagers" }),
  association: info("association", { zh: "行业协会", en: "trade association" }, { zh: "协会", en: "association" }, "#44AA99", { zh: "作为投保人为从业人员投保的行业协会(乌鲁木齐办法)", en: "a trade association buying cover for workers as the policyholder (Urumqi measures)" }),
  fund: info("fund", { zh: "工伤保险基金", en: "work-injury fund" }, { zh: "基金", en: "fund" }, "#DDCC77", { zh: "社会保险的工伤保险基金：支付计入赔付的法定待遇", en: "the social work-injury insurance fund: pays the statutory benefits counted in the payout" }),
};

export const PAYER_IDS: readonly PayerId[] = [...PREMIUM_PAYERS, "fund"];

export function isPayer(id: string): id is PayerId {
  return Object.hasOwn(PAYERS, id);
}

/** The payer's label in `lang` (`short` for legends); an unknown id is returned as it is. */
export function payerLabel(id: string, lang: Lang, form: "label" | "short" = "label"): string {
  return isPayer(id) ? PAYERS[id][form][lang] : id;
}

/** The payer's colour; an unknown id gets a neutral grey distinct from every payer's. */
export function payerColour(id: string): string {
  return isPayer(id) ? PAYERS[id].colour : "#BBBBBB";
}

/** True for the payers that pay for their own workers (a contribution, not a subsidy). */
export function paysForOwnWorkers(id: string): boolean {
  return isPayer(id) && PAYERS[id].ownWorkers;
}
