/**
 * The loss ratio on two bases and what employers and platforms carry (issue 12): per option (its
 * last simulated year), the loss ratio on the present value of benefits (every stream an injury
 * starts, valued at the date of injury) beside the loss ratio on a cash basis (what is paid in the
 * policy year), each with its 5–95 % range, and the mean cost of the statutory lines the employer
 * or the platform pays outside the payout (src/sim/ledger.ts `costs`, docs/methods/injury.md "Who
 * pays, and cash against present value"), only for payers with a cost. Empty when the two bases
 * agree everywhere and nobody carries a cost (schemes without periodic streams): nothing to add.
 */
import type { ReplicateRow } from "../sim/run.js";
import { describeValues } from "../sim/summary.js";
import { COST_PAYERS, type CostPayer } from "../sim/ledger.js";
import { payerLabel } from "../vocabulary/index.js";
import { formatAmount, t, type Bilingual, type Lang } from "./i18n.js";

export interface CostBasisOption {
  id: string;
  label: Bilingual | string;
}

interface Range {
  mean: number | null;
  q05: number | null;
  q95: number | null;
}

export interface CostBasisRow {
  option: string;
  label: string;
  year: number;
  presentValue: Range;
  cash: Range;
  /** Mean cost a replicate by payer, for the payers shown. */
  costs: Partial<Record<CostPayer, number>>;
}

export interface CostBasisData {
  rows: CostBasisRow[];
  /** Payers with a non-zero cost in any shown row (columns), in COST_PAYERS order. */
  payers: CostPayer[];
}

/** Two loss ratios are the same basis when they differ by less than this (relative) in every replicate. */
const SAME = 1e-12;

/** The table's data: one row per option (last year); null when it would add nothing to the headline. */
export function costBasisData(rows: readonly ReplicateRow[], options: readonly CostBasisOption[], lang: Lang): CostBasisData | null {
  const out: CostBasisRow[] = [];
  let differs = false;
  for (const o of options) {
    const mine = rows.filter((r) => r.option === o.id);
    if (mine.length === 0) continue;
    const year = Math.max(...mine.map((r) => r.year));
    const last = mine.filter((r) => r.year === year);
    const pv = describeValues(last.map((r) => r.lossRatio));
    const cash = describeValues(last.map((r) => r.cashLossRatio));
    if (last.some((r) => r.lossRatio !== null && r.cashLossRatio !== null && Math.abs(r.lossRatio - r.cashLossRatio) > SAME * Math.max(1, Math.abs(r.lossRatio)))) differs = true;
    const costs: Partial<Record<CostPayer, number>> = {};
    for (const p of COST_PAYERS) {
      const total = last.reduce((a, r) => a + (r.costs[p] ?? 0), 0);
      if (total !== 0) costs[p] = total / last.length;
    }
    out.push({ option: o.id, label: typeof o.label === "string" ? o.label : t(o.label, lang), year, presentValue: pv, cash, costs });
  }
  const payers = COST_PAYERS.filter((p) => out.some((r) => r.costs[p] !== undefined));
  if (!differs && payers.length === 0) return null;
  return { rows: out, payers };
}

const pct = (v: number | null) => (v === null ? "—" : `${(100 * v).toFixed(0)} %`);
const range = (r: Range) => (r.mean === null ? "—" : `${pct(r.mean)} (${r.q05 === null ? "—" : (100 * r.q05).toFixed(0)}–${pct(r.q95)})`);

/** The one-line explanation under the table. */
export function costBasisNote(payers: readonly CostPayer[], lang: Lang): string {
  const zh = lang === "zh";
  const basis = zh
    ? "现值：一次工伤引起的全部待遇(含长期津贴和抚恤金)按受伤时折现；现金口径：只计保单年度内支付的金额。"
    : "Present value: every benefit an injury starts, pensions included, valued at the date of injury; cash basis: what is paid in the policy year.";
  if (payers.length === 0) return basis;
  const who = payers.map((p) => payerLabel(p, lang)).join(zh ? "、" : " and ");
  return zh ? `${basis}${who}成本：其承担、不计入赔付的法定待遇(按现值)。` : `${basis} Cost to the ${who}: statutory benefits they pay outside the payout (present value).`;
}

/** The table and its note; an empty element when {@link costBasisData} is null. */
export function costBasisTable(rows: readonly ReplicateRow[], options: readonly CostBasisOption[], lang: Lang): HTMLElement {
  const box = document.createElement("div");
  box.className = "cost-basis";
  const data = costBasisData(rows, options, lang);
  if (!data) return box;
  const head = [
    t({ zh: "方案", en: "option" }, lang),
    t({ zh: "赔付率(现值，5–95 % 区间)", en: "loss ratio, present value (5–95 % range)" }, lang),
    t({ zh: "赔付率(现金口径，5–95 % 区间)", en: "loss ratio, cash basis (5–95 % range)" }, lang),
    ...data.payers.map((p) => (lang === "zh" ? `${payerLabel(p, lang)}成本(元，均值)` : `${payerLabel(p, lang)} cost (yuan, mean)`)),
  ];
  const table = document.createElement("table");
  table.className = "headline-table cost-basis-table";
  const tr0 = document.createElement("tr");
  for (const h of head) {
    const th = Object.assign(document.createElement("th"), { textContent: h });
    th.style.minWidth = "5.5em";
    tr0.append(th);
  }
  table.createTHead().append(tr0);
  const body = table.createTBody();
  for (const r of data.rows) {
    const tr = document.createElement("tr");
    const first = Object.assign(document.createElement("th"), { scope: "row", textContent: `${r.label}${r.year > 1 ? t({ zh: `(第 ${r.year} 年)`, en: ` (year ${r.year})` }, lang) : ""}` });
    tr.append(first);
    for (const text of [range(r.presentValue), range(r.cash), ...data.payers.map((p) => (r.costs[p] === undefined ? "0" : formatAmount(r.costs[p]!, lang)))]) {
      tr.append(Object.assign(document.createElement("td"), { textContent: text }));
    }
    body.append(tr);
  }
  const scroll = document.createElement("div");
  scroll.className = "scroll-box";
  scroll.append(table);
  const note = Object.assign(document.createElement("p"), { className: "muted", textContent: costBasisNote(data.payers, lang) });
  box.append(scroll, note);
  return box;
}
