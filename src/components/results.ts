/**
 * The calculator's answers on the page: eligibility with its reasons, the premium with each
 * subsidy and its payer (a table and a small bar chart), the payout with its itemised trace
 * (rule, formula with the numbers, parameters used — assumed ones badged). All text in `lang`;
 * payers' labels and colours from the payer registry (src/vocabulary/payers.ts, colour-blind safe), and every bar is also labelled in text.
 */
import * as Plot from "npm:@observablehq/plot";
import type { AnyScheme, Benefit, Eligibility, Premium, TraceLine } from "../rules/index.js";
import { isAssumption } from "../rules/index.js";
import { payerColour, payerLabel, type Payer } from "../vocabulary/index.js";
import { formatAmount, formatYuan, type Lang } from "./i18n.js";
import { fitLabel, textWidth } from "./chart-text.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (string | Node)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

function scroll(table: HTMLTableElement, label: string): HTMLElement {
  const box = el("div", "table-scroll", table);
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", label);
  return box;
}

/** Eligibility: a verdict and each reason with ✓ / ✗ (in text, not only colour). */
export function eligibilityView(e: Eligibility, lang: Lang): HTMLElement {
  const zh = lang === "zh";
  const box = el("div", "eligibility");
  box.append(
    el(
      "p",
      `verdict ${e.eligible ? "ok" : "not-ok"}`,
      e.eligible ? (zh ? "✓ 符合参保条件" : "✓ Eligible") : zh ? "✗ 不符合参保条件" : "✗ Not eligible",
    ),
  );
  const list = el("ul", "reasons");
  for (const r of e.reasons) {
    const li = el("li", r.met ? "met" : "unmet", el("span", "mark", r.met ? "✓" : "✗"), " ", r[lang], " ", el("code", "rule", r.rule));
    list.append(li);
  }
  box.append(list);
  return box;
}

/** The premium lines as rows: gross, each subsidy with its payer, what the insured pays. */
export function premiumRows(p: Premium, lang: Lang): { line: string; payer: string; formula: string; amount: number }[] {
  const zh = lang === "zh";
  return [
    { line: p.grossTrace.label[lang], payer: zh ? "保费合计" : "gross premium", formula: p.grossTrace.formula, amount: p.gross },
    ...p.subsidies.map((s) => ({ line: s.label[lang], payer: payerLabel(s.payer, lang), formula: s.formula, amount: -s.amount })),
    { line: zh ? "个人实付" : "the insured pays", payer: payerLabel("insured", lang), formula: zh ? "保费 − 各项补贴" : "gross − subsidies", amount: p.net },
  ];
}

export function premiumTable(p: Premium, lang: Lang): HTMLElement {
  const zh = lang === "zh";
  const table = el("table", "trace-table premium-table");
  const head = el("tr");
  // The amount comes second so that it is in view on a phone without scrolling the table.
  for (const h of zh ? ["项目", "金额", "付费方", "算式"] : ["line", "amount", "payer", "formula"]) head.append(el("th", undefined, h));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const r of premiumRows(p, lang)) {
    body.append(el("tr", undefined, el("td", undefined, r.line), el("td", "amount", formatYuan(r.amount, lang)), el("td", undefined, r.payer), el("td", "formula", el("code", undefined, r.formula))));
  }
  const wrap = el("div", "premium");
  wrap.append(scroll(table, zh ? "保费明细" : "premium lines"));
  if (p.cover) wrap.append(el("p", "muted", zh ? `保障期间：${p.cover.from} 至 ${p.cover.until}` : `Cover: ${p.cover.from} to ${p.cover.until}`));
  return wrap;
}

/** Data of the premium chart: who pays how much (byPayer, zero amounts dropped). */
export function premiumChartData(p: Premium, lang: Lang): { payer: Payer; label: string; amount: number }[] {
  return p.byPayer.filter((d) => d.amount !== 0).map((d) => ({ payer: d.payer, label: payerLabel(d.payer, lang), amount: d.amount }));
}

function barRows<T extends { label: string; amount: number }>(data: T[], width: number, fill: (d: T) => string, lang: Lang, caption: string): SVGSVGElement | HTMLElement {
  const rowHeight = 46;
  const max = Math.max(0, ...data.map((d) => d.amount));
  const min = Math.min(0, ...data.map((d) => d.amount));
  const span = max - min || 1;
  const top = max === min ? min + 1 : max + span * 0.02;
  return Plot.plot({
    width,
    height: 24 + rowHeight * Math.max(1, data.length),
    marginLeft: 8,
    // Room for the longest amount printed after its bar (bold 12 px), within reason.
    marginRight: Math.min(180, Math.max(60, ...data.map((d) => 8 + textWidth(formatYuan(d.amount, lang), 12) * 1.08))),
    marginTop: 4,
    marginBottom: 20,
    ariaLabel: caption,
    x: { domain: [min, top], label: null, ticks: width < 500 ? 3 : 5, tickFormat: (d: number) => formatAmount(d, lang) },
    y: { domain: data.map((d) => d.label), axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.barX(data, { y: "label", x: "amount", fill, insetTop: 22, insetBottom: 6, title: (d: T) => `${d.label}: ${formatYuan(d.amount, lang)}` }),
      Plot.text(data, { y: "label", x: min, text: "label", textAnchor: "start", dx: 3, dy: -8, fontSize: 12, ...fitLabel(width, { fontSize: 12, left: 12, right: 8, lang }) }),
      // Amounts at the end of a positive bar, at zero for a negative one (a cap or deduction).
      Plot.text(data, { y: "label", x: (d: T) => Math.max(0, d.amount), text: (d: T) => formatYuan(d.amount, lang), textAnchor: "start", dx: 4, dy: 7, fontSize: 12, fontWeight: 600 }),
      Plot.ruleX([0]),
    ],
  }) as SVGSVGElement | HTMLElement;
}

/** A bar per payer: the premium each one pays. */
export function premiumChart(p: Premium, lang: Lang, width: number): SVGSVGElement | HTMLElement {
  const data = premiumChartData(p, lang);
  return barRows(data, width, (d) => payerColour(d.payer), lang, lang === "zh" ? "各付费方承担的保费" : "premium paid by each payer");
}

/** Data of the payout chart: one row per trace item. */
export function benefitChartData(b: Benefit, lang: Lang): { rule: string; label: string; amount: number; formula: string }[] {
  return b.items.map((i) => ({ rule: i.rule, label: i.label[lang], amount: i.amount, formula: i.formula }));
}

/** A bar per trace item (negative bars: caps and deductions). */
export function benefitChart(b: Benefit, lang: Lang, width: number): SVGSVGElement | HTMLElement {
  const data = benefitChartData(b, lang);
  return barRows(data, width, (d) => (d.amount < 0 ? "#D55E00" : "#0072B2"), lang, lang === "zh" ? "赔付明细" : "payout items");
}

function paramsCell(scheme: AnyScheme, line: TraceLine, date: string, lang: Lang): HTMLElement {
  const cell = el("td", "params");
  for (const path of line.params) {
    const p = scheme.parameters.has(path) ? scheme.parameters.param(path) : null;
    const item = el("div", undefined, p ? p.label[lang] : path, " ", el("code", undefined, path));
    if (p && isAssumption(p, date)) item.append(" ", el("span", "assumption-badge", lang === "zh" ? "假设" : "assumption"));
    cell.append(item);
  }
  if (line.params.length === 0) cell.append(el("span", "muted", "—"));
  return cell;
}

/** The payout and its itemised trace. */
export function benefitTable(scheme: AnyScheme, b: Benefit, date: string, lang: Lang): HTMLElement {
  const zh = lang === "zh";
  const table = el("table", "trace-table benefit-table");
  const head = el("tr");
  for (const h of zh ? ["规则", "金额", "算式(带数字)", "所用参数"] : ["rule", "amount", "formula with the numbers", "parameters used"]) head.append(el("th", undefined, h));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const i of b.items) {
    body.append(
      el(
        "tr",
        undefined,
        el("td", undefined, el("div", undefined, i.label[lang]), el("code", "rule", i.rule)),
        el("td", "amount", formatYuan(i.amount, lang)),
        el("td", "formula", el("code", undefined, i.formula)),
        paramsCell(scheme, i, date, lang),
      ),
    );
  }
  const foot = el("tr", "total", el("th", undefined, zh ? "赔付合计" : "payout"), el("td", "amount", el("strong", "payout-total", formatYuan(b.payout, lang))), el("td"), el("td"));
  table.createTFoot().append(foot);
  return scroll(table, zh ? "赔付明细" : "payout trace");
}

/** In place of an answer that bad inputs prevent: which inputs to fix (never a NaN). */
export function blockedNote(errors: readonly { field: string; message: string }[], lang: Lang): HTMLElement {
  const box = el("div", "blocked", el("p", undefined, lang === "zh" ? "无法计算：请先修正上方表单中标红的输入。" : "Cannot compute: fix the inputs marked in red above first."));
  const list = el("ul");
  for (const e of errors) list.append(el("li", undefined, el("code", undefined, e.message)));
  box.append(list);
  box.setAttribute("role", "status");
  return box;
}

/** One sentence on the premium: who pays what. */
export function premiumSentence(p: Premium, lang: Lang): string {
  const zh = lang === "zh";
  const others = p.byPayer.filter((d) => d.payer !== "insured" && d.amount !== 0);
  const parts = others.map((d) => (zh ? `${payerLabel(d.payer, "zh")}付 ${formatYuan(d.amount, lang)}` : `${payerLabel(d.payer, "en")} pays ${formatYuan(d.amount, lang)}`));
  if (zh) return `这次投保的保费为 ${formatYuan(p.gross, lang)}${parts.length ? `，其中${parts.join("、")}` : ""}，个人实付 ${formatYuan(p.net, lang)}。`;
  return `This purchase costs ${formatYuan(p.gross, lang)}${parts.length ? `; ${parts.join(", ")}` : ""}; the insured pays ${formatYuan(p.net, lang)}.`;
}

/** One sentence on the payout: the total and its largest item. */
export function benefitSentence(b: Benefit, lang: Lang): string {
  const zh = lang === "zh";
  const top = [...b.items].sort((a, c) => c.amount - a.amount)[0];
  if (!top || b.payout === 0) return zh ? `这次理赔不赔付(${top ? top.label.zh : "无赔付项"})。` : `This claim pays nothing (${top ? top.label.en : "no payable item"}).`;
  const share = Math.round((100 * top.amount) / b.payout);
  return zh
    ? `这次理赔共赔付 ${formatYuan(b.payout, lang)}，最大的一项是「${top.label.zh}」${formatYuan(top.amount, lang)}(占 ${share}%)。`
    : `This claim pays ${formatYuan(b.payout, lang)} in all; the largest item is “${top.label.en}”, ${formatYuan(top.amount, lang)} (${share} %).`;
}
