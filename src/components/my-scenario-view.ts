/**
 * What the "我的情景 My scenario" page shows of an imported table and of the severity fits
 * (issue 14): a preview of the mapped rows, the problems per row and column in the page's
 * language, the fits side by side (parameters ± standard error, ln L, AIC) and a PP plot of the
 * chosen fit against the product-limit estimate (src/fit/severity/empirical.ts), its QQ plot, and
 * the empirical vs fitted limited expected value at the scheme's deductible and cap.
 */
import * as Plot from "npm:@observablehq/plot";
import { issueText, previewRows, type ImportIssue, type MappedTable } from "../fit/table-import/columns.js";
import type { SeverityFit } from "../fit/severity/fit.js";
import { compareLev, plotPoints, productLimit } from "../fit/severity/empirical.js";
import type { ClaimRecord } from "../fit/severity/records.js";
import { t, type Lang } from "./i18n.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** The table's problems, one line each (at most the first `limit`), with the total count. */
export function issuesView(issues: readonly ImportIssue[], total: number, lang: Lang, limit = 20): HTMLElement {
  const box = el("div", { className: "input-error" });
  box.setAttribute("role", "alert");
  box.append(el("p", {}, t({ zh: `表格有 ${total} 处问题，未使用：`, en: `The table has ${total} problem${total === 1 ? "" : "s"} and was not used:` }, lang)));
  const list = el("ul");
  for (const i of issues.slice(0, limit)) list.append(el("li", {}, issueText(i, lang)));
  box.append(list);
  return box;
}

/** The first rows as the importer read them (spreadsheet row numbers, one column per field). */
export function previewView(m: MappedTable, labels: Record<string, string>, lang: Lang, limit = 10): HTMLElement {
  const rows = previewRows(m, limit);
  const keys = rows.length ? Object.keys(rows[0]!) : [];
  const table = el("table", { className: "preview" });
  const head = el("tr");
  for (const k of keys) head.append(el("th", {}, k === "row" ? t({ zh: "行", en: "row" }, lang) : (labels[k] ?? k)));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    for (const k of keys) tr.append(el("td", {}, r[k] ?? ""));
    body.append(tr);
  }
  table.append(body);
  const caption = t({ zh: `共 ${m.rows} 行，显示前 ${rows.length} 行${m.unused.length ? `；未使用的列：${m.unused.join("、")}` : ""}`, en: `${m.rows} rows, the first ${rows.length} shown${m.unused.length ? `; columns not used: ${m.unused.join(", ")}` : ""}` }, lang);
  return el("figure", {}, table, el("figcaption", {}, caption));
}

// The fits themselves run with the upload, in its worker (src/fit/table-import/job.ts).
export { FIT_FAMILIES, fitAll, type FitFamily } from "../fit/table-import/job.js";
import type { FitFamily, fitAll } from "../fit/table-import/job.js";

const FAMILY_NAMES: Record<FitFamily, { zh: string; en: string }> = {
  lognormal: { zh: "对数正态", en: "lognormal" },
  gamma: { zh: "伽马", en: "gamma" },
  pareto: { zh: "帕累托（单参数）", en: "Pareto (single-parameter)" },
  spliced: { zh: "拼接（对数正态主体 + 帕累托尾部）", en: "spliced (lognormal body + Pareto tail)" },
};

/** Whether a fit of this family can become the scenario's claim-amount distribution (src/fit/priors.ts). */
export const usableInScenario = (f: FitFamily): boolean => f !== "spliced";

export function familyName(f: FitFamily, lang: Lang): string {
  return t(FAMILY_NAMES[f], lang);
}

const p6 = (v: number) => String(Number(v.toPrecision(6)));

/** The fits compared: parameters ± standard error, ln L, AIC (lowest marked). */
export function fitsTable(fits: ReturnType<typeof fitAll>, lang: Lang): HTMLElement {
  const ok = fits.filter((f) => f.fit);
  const best = ok.length ? Math.min(...ok.map((f) => f.fit!.aic)) : NaN;
  const table = el("table", { className: "fits" });
  table.append(el("thead", {}, el("tr", {}, ...[t({ zh: "分布", en: "family" }, lang), t({ zh: "参数 ± 标准误", en: "parameters ± standard error" }, lang), "ln L", "AIC"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const f of fits) {
    const tr = el("tr");
    tr.append(el("td", {}, familyName(f.family, lang)));
    if (!f.fit) {
      const td = el("td", {}, f.error ?? "");
      td.colSpan = 3;
      tr.append(td);
    } else {
      const params = f.fit.names.map((n) => `${n} ${p6(f.fit!.parameters[n]!)} ± ${f.fit!.standardErrors ? p6(f.fit!.standardErrors[n]!) : "—"}`).join("; ") + (f.family === "pareto" ? `; xm ${p6(f.fit.fixed)}` : f.family === "spliced" ? t({ zh: `；拼接点 ${p6(f.fit.fixed)} 元（按剖面似然选取，AIC 计入）`, en: `; splice point ${p6(f.fit.fixed)} 元 (chosen by profile likelihood, counted in the AIC)` }, lang) : "");
      tr.append(el("td", {}, params), el("td", {}, p6(f.fit.logLikelihood)), el("td", {}, `${p6(f.fit.aic)}${f.fit.aic === best ? t({ zh: "（最低）", en: " (lowest)" }, lang) : ""}`));
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** PP plot: fitted against empirical probability (truncation and censoring as the fit). */
export function ppPlot(records: readonly ClaimRecord[], fit: SeverityFit, { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const points = plotPoints(productLimit(records), fit.distribution);
  return Plot.plot({
    width,
    height: Math.min(360, width),
    x: { label: t({ zh: "经验概率（乘积极限估计）", en: "empirical probability (product-limit)" }, lang), domain: [0, 1] },
    y: { label: t({ zh: "拟合概率", en: "fitted probability" }, lang), domain: [0, 1] },
    marks: [Plot.line([[0, 0], [1, 1]], { stroke: "#999", strokeDasharray: "4 3" }), Plot.dot(points, { x: "empirical", y: "fitted", r: 2, fill: "#0072B2" })],
  });
}

/** QQ plot: the fitted conditional quantile at each empirical probability against the loss (log scales). */
export function qqPlot(records: readonly ClaimRecord[], fit: SeverityFit, { width, lang }: { width: number; lang: Lang }): HTMLElement | SVGSVGElement {
  const points = plotPoints(productLimit(records), fit.distribution).filter((p) => p.x > 0 && p.fittedQuantile > 0);
  const lo = Math.min(...points.map((p) => Math.min(p.x, p.fittedQuantile)));
  const hi = Math.max(...points.map((p) => Math.max(p.x, p.fittedQuantile)));
  return Plot.plot({
    width,
    height: Math.min(360, width),
    x: { type: "log", label: t({ zh: "理赔金额（元，经验分位数）", en: "claim amount (元, empirical quantile)" }, lang), domain: [lo, hi] },
    y: { type: "log", label: t({ zh: "拟合分位数（元）", en: "fitted quantile (元)" }, lang), domain: [lo, hi] },
    marks: [Plot.line([[lo, lo], [hi, hi]], { stroke: "#999", strokeDasharray: "4 3" }), Plot.dot(points, { x: "x", y: "fittedQuantile", r: 2, fill: "#D55E00" })],
  });
}

/** A threshold of the scheme to compare limited expected values at (its deductible, its cap). */
export interface LevPoint {
  name: { zh: string; en: string };
  path: string;
  value: number;
}

/**
 * E[min(X, u) | X > d0] at each threshold u: the product-limit estimate and each fit (d0 the
 * smallest truncation point of the records); "—" where u is beyond the largest record and the
 * estimate has not reached 0 (the data say nothing there).
 */
export function levTable(records: readonly ClaimRecord[], fits: ReturnType<typeof fitAll>, points: readonly LevPoint[], lang: Lang): HTMLElement {
  const pl = productLimit(records);
  const ok = fits.filter((f) => f.fit);
  const table = el("table", { className: "lev" });
  table.append(el("thead", {}, el("tr", {}, ...[t({ zh: "阈值 u", en: "threshold u" }, lang), t({ zh: "经验值", en: "empirical" }, lang), ...ok.map((f) => familyName(f.family, lang))].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  const yuan = (x: number) => `${Math.round(x).toLocaleString(lang === "zh" ? "zh-CN" : "en-US")}`;
  for (const p of points) {
    const cells = ok.map((f) => compareLev(pl, f.fit!.distribution, [p.value])[0]!);
    const emp = cells[0]?.empirical ?? null;
    const tr = el("tr");
    tr.append(el("td", {}, `${t(p.name, lang)} `, el("code", {}, p.path), ` = ${yuan(p.value)}`));
    tr.append(el("td", {}, emp === null ? t({ zh: "—（超出最大理赔记录）", en: "— (beyond the largest record)" }, lang) : yuan(emp)));
    for (const c of cells) tr.append(el("td", {}, `${yuan(c.fitted)}${emp !== null && emp > 0 ? ` (${c.fitted >= emp ? "+" : ""}${(100 * (c.fitted / emp - 1)).toFixed(1)} %)` : ""}`));
    body.append(tr);
  }
  table.append(body);
  const caption = t({ zh: `有限期望 E[min(X, u) | X > ${yuan(pl.d0)}]（元），括号内为拟合相对经验值的偏差。`, en: `Limited expected value E[min(X, u) | X > ${yuan(pl.d0)}] (元); in brackets, the fit's difference from the empirical value.` }, lang);
  return el("figure", {}, table, el("figcaption", {}, caption));
}
