/**
 * The schemes side by side: one row per scheme with who is covered, who pays, the premium and
 * the headline benefit — text computed by the rules module from its parameters (describe()), so
 * the table cannot drift from the code. "(假设)"/"(assumption)" marks assumed values.
 */
import type { SchemeDescription } from "../rules/index.js";

export interface SchemeTableOptions {
  /** Column headings, in the page's language. */
  headings: Record<"name" | "region" | "covered" | "payers" | "premium" | "benefit" | "sources" | "period", string>;
}

function cell(tag: "td" | "th", text: string, className?: string): HTMLTableCellElement {
  const el = document.createElement(tag);
  // Mark assumed values with a badge so readers see them at a glance.
  const parts = text.split(/(\((?:假设|assumption)[^)]*\)|（假设[^）]*）)/);
  for (const part of parts) {
    if (!part) continue;
    if (/^[(（](假设|assumption)/.test(part)) {
      const badge = document.createElement("span");
      badge.className = "assumption-badge";
      badge.textContent = part.replace(/^[(（]|[)）]$/g, "");
      badge.title = part.includes("假设") ? "来源中没有这个数值：标明的假设，带先验分布" : "no source gives this value: a labelled assumption with a prior";
      el.append(" ", badge);
    } else el.append(part);
  }
  if (className) el.className = className;
  return el;
}

export function schemeTable(rows: readonly SchemeDescription[], { headings }: SchemeTableOptions): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "scheme-table";
  const table = document.createElement("table");
  const head = document.createElement("tr");
  for (const key of ["name", "covered", "payers", "premium", "benefit", "sources"] as const) head.append(cell("th", headings[key]));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const r of rows) {
    const tr = document.createElement("tr");
    const name = cell("th", r.name);
    name.scope = "row";
    const meta = document.createElement("div");
    meta.className = "muted";
    meta.textContent = `${r.region} · ${r.period}`;
    name.append(meta);
    tr.append(name, cell("td", r.covered), cell("td", r.payers), cell("td", r.premium), cell("td", r.benefit));
    const src = document.createElement("td");
    src.className = "sources";
    for (const s of r.sources) {
      const code = document.createElement("code");
      code.textContent = s;
      src.append(code, document.createElement("br"));
    }
    tr.append(src);
    body.append(tr);
  }
  wrap.append(table);
  return wrap;
}
