/**
 * The overview's baseline table: one row per scenario option (last simulated year), grouped under
 * a heading row per scenario with its title — enrolment, coverage, premium income, the loss ratio
 * with its 5–95 % interval, subsidies (public money and third parties) and, apart from them, what
 * platforms and employers pay for their own workers (a contribution, not a subsidy). Plain HTML;
 * on a phone the less important columns are hidden by CSS (class "wide").
 */
import { formatAmount, formatInUnit, t, type Bilingual, type Lang } from "./i18n.js";

/** Payers that pay for their own workers: their money is a contribution, not a subsidy. */
export const CONTRIBUTORS = ["employer", "platform"] as const;

export interface MetricBrief {
  mean: number | null;
  q05: number | null;
  q95: number | null;
}

export interface LastYear {
  option: string;
  year: number;
  payers: string[];
  pAbove1: number | null;
  metrics: Record<string, MetricBrief>;
}

export interface ScenarioBrief {
  id: string;
  file: string;
  title: Bilingual | string;
  options: { id: string; label: Bilingual | string; scheme: string }[];
  last: LastYear[];
}

export interface BaselineRow {
  scenario: string;
  scenarioTitle: string;
  option: string;
  enrolled: number | null;
  coverage: number | null;
  gross: number | null;
  subsidies: number;
  contributions: number;
  lossRatio: number | null;
  lossRatio05: number | null;
  lossRatio95: number | null;
  pAbove1: number | null;
}

const text = (v: Bilingual | string, lang: Lang) => (typeof v === "string" ? v : t(v, lang));

/** A scenario's title cut at its first colon: "工惠保 2020：宁波工会会员…" → "工惠保 2020". */
export function shortTitle(title: Bilingual | string, lang: Lang): string {
  return text(title, lang).split(/[：:]/)[0]!.trim();
}

export function baselineRows(scenarios: readonly ScenarioBrief[], lang: Lang): BaselineRow[] {
  return scenarios.flatMap((b) =>
    b.last.map((s) => {
      const o = b.options.find((x) => x.id === s.option);
      const m = (k: string) => s.metrics[k]?.mean ?? null;
      const sum = (payers: readonly string[]) => payers.reduce((a, p) => a + (m(`subsidy_${p}`) ?? 0), 0);
      const contributors = s.payers.filter((p) => (CONTRIBUTORS as readonly string[]).includes(p));
      return {
        scenario: b.id,
        scenarioTitle: text(b.title, lang),
        option: o ? text(o.label, lang) : s.option,
        enrolled: m("enrolled"),
        coverage: m("coverage"),
        gross: m("gross"),
        subsidies: sum(s.payers.filter((p) => !contributors.includes(p))),
        contributions: sum(contributors),
        lossRatio: m("lossRatio"),
        lossRatio05: s.metrics["lossRatio"]?.q05 ?? null,
        lossRatio95: s.metrics["lossRatio"]?.q95 ?? null,
        pAbove1: s.pAbove1,
      };
    }),
  );
}

const pct = (v: number | null, digits = 0) => (v === null || !Number.isFinite(v) ? "—" : `${(100 * v).toFixed(digits)} %`);

export function baselineTable(rows: readonly BaselineRow[], lang: Lang): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "baseline-table";
  const table = document.createElement("table");
  const cols: [string, Bilingual, boolean][] = [
    ["option", { zh: "方案", en: "option" }, false],
    ["enrolled", { zh: "参保人数", en: "enrolled" }, false],
    ["coverage", { zh: "参保率", en: "take-up" }, true],
    ["gross", { zh: "保费收入", en: "premium income" }, true],
    ["lossRatio", { zh: "赔付率(5–95 % 区间)", en: "loss ratio (5–95 % range)" }, false],
    ["subsidies", { zh: "补贴", en: "subsidies" }, false],
    ["contributions", { zh: "平台/雇主缴费", en: "platform / employer pays" }, true],
  ];
  const head = document.createElement("tr");
  for (const [, h, wide] of cols) {
    const th = document.createElement("th");
    th.textContent = t(h, lang);
    if (wide) th.className = "wide";
    head.append(th);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  let last = "";
  for (const r of rows) {
    if (r.scenario !== last) {
      last = r.scenario;
      const tr = document.createElement("tr");
      tr.className = "group";
      const th = document.createElement("th");
      th.colSpan = cols.length;
      th.scope = "rowgroup";
      th.textContent = r.scenarioTitle;
      tr.append(th);
      body.append(tr);
    }
    const tr = document.createElement("tr");
    const yuan = (v: number | null) => (v === null ? "—" : v === 0 ? "0" : formatInUnit(v, "CNY", lang, { compact: true }));
    const cells: [string, boolean][] = [
      [r.option, false],
      [r.enrolled === null ? "—" : lang === "zh" ? formatInUnit(r.enrolled, "persons", lang, { compact: true }) : formatAmount(r.enrolled, lang), false],
      [pct(r.coverage, 1), true],
      [yuan(r.gross), true],
      [r.lossRatio === null ? "—" : `${pct(r.lossRatio)} (${r.lossRatio05 === null ? "—" : (100 * r.lossRatio05).toFixed(0)}–${pct(r.lossRatio95)})`, false],
      [yuan(r.subsidies), false],
      [yuan(r.contributions), true],
    ];
    cells.forEach(([v, wide], i) => {
      const td = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) (td as HTMLTableCellElement).scope = "row";
      td.textContent = v;
      td.className = [i > 0 ? "num" : "", wide ? "wide" : ""].filter(Boolean).join(" ");
      tr.append(td);
    });
    body.append(tr);
  }
  wrap.append(table);
  return wrap;
}
