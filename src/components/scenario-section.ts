/**
 * A self-contained scenario section for a scheme page: the live run in the page's Web Worker
 * (progress; quick results first, refined as more arrive), its answer first — one sentence and KPI
 * cards: take-up, loss ratio and subsidy cost with their 5–95 % ranges (headlineAnswer) — then the
 * loss-ratio distribution, the table per option (enrolment, premium income, benefits and the loss
 * ratio with their Monte Carlo error), premium by payer and a fan chart over years for multi-year
 * scenarios; the scenario panel's controls below them, folded in a panel the reader opens
 * (<details>). One call per page: `scenarioSection(baseline, engine, lang)`.
 */
import type { EngineClient } from "../sim/engine-protocol.js";
import { costBasisTable } from "./cost-basis.js";
import { downloadable } from "./download.js";
import { formatAmount, t, type Bilingual, type Lang } from "./i18n.js";
import { fanChart, fanData, headlineAnswer, headlineTable, lossRatioChart, lossRatioData, payerChart, payerData } from "./scenario-charts.js";
import { label, progressView, reproduceView, runScenario, scenarioControls, type BaselineEntry, type RunUpdate } from "./scenario-panel.js";

function card(chart: Element, data: readonly object[], name: string): HTMLElement {
  const c = document.createElement("div");
  c.className = "card";
  c.append(downloadable(chart, data as readonly Record<string, unknown>[], name));
  return c;
}

/** The controls folded in a panel: open when the link sets any of them (or names a bad value). */
export function assumptionsPanel(controls: HTMLElement, lang: Lang): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "assumptions-panel";
  const n = controls.querySelectorAll(".scenario-assumption").length;
  const summary = document.createElement("summary");
  summary.textContent = t({ zh: `改动假设、改革规则、重新模拟(${n} 项假设)`, en: `Change the assumptions, reform a rule, re-run (${n} assumptions)` }, lang);
  details.append(summary, controls);
  const keys = new Set([...controls.querySelectorAll("[id]")].map((e) => e.id.split("-")[0]));
  const linked = [...new URLSearchParams(location.search).keys()].some((k) => keys.has(k.split(".")[0]!));
  if (linked || controls.querySelector(".url-notes")) details.open = true;
  return details;
}

export function scenarioSection(baseline: BaselineEntry | undefined, engine: EngineClient, lang: Lang, key = "s"): HTMLElement {
  const root = document.createElement("section");
  root.className = "scenario-section";
  if (!baseline) {
    root.textContent = t({ zh: "没有这个方案的情景。", en: "There is no scenario for this scheme." }, lang);
    return root;
  }
  const intro = document.createElement("p");
  intro.className = "muted";
  intro.append(
    `${t({ zh: "情景", en: "Scenario" }, lang)}: ${label(baseline.title, lang)} — `,
    Object.assign(document.createElement("code"), { textContent: baseline.path }),
  );
  const controls = scenarioControls(baseline, lang, key);
  const progress = document.createElement("div");
  const results = document.createElement("div");
  const reproduce = document.createElement("div");
  const answer = document.createElement("div");
  answer.className = "scenario-headline";
  // The answer's place is held from the start (no digits until the first results arrive), so a
  // reader — and the e2e's headline timer — sees where the answer will be while the engine runs.
  const waiting = document.createElement("p");
  waiting.className = "answer muted";
  waiting.textContent = t({ zh: "正在模拟，结果马上出现……", en: "Simulating — the answer appears here in a moment…" }, lang);
  answer.append(waiting);
  root.append(answer, results, progress, intro, assumptionsPanel(controls, lang), reproduce);

  let cancel: () => void = () => {};
  let pending: RunUpdate | null = null;
  let frame = 0;
  const render = () => {
    frame = 0;
    const u = pending;
    if (!u) return;
    progress.replaceChildren(progressView(u, lang));
    if (u.error || u.rows.length === 0) return;
    const width = Math.max(300, Math.min(root.clientWidth || 640, 960) - 40);
    const lr = lossRatioData(u.rows, baseline.options, lang);
    const payers = payerData(u.rows, baseline.options, lang);
    answer.replaceChildren(headlineAnswer(u.rows, baseline.options, lang));
    const parts: Node[] = [card(lossRatioChart(lr, { width, lang }), lr, `${baseline.id}-loss-ratio`), headlineTable(u.rows, baseline.options, lang), costBasisTable(u.rows, baseline.options, lang), card(payerChart(payers, { width, lang }), payers, `${baseline.id}-premium-by-payer`)];
    if (baseline.years > 1) {
      const fan = fanData(u.rows, baseline.options, "lossRatio", lang);
      parts.push(card(fanChart(fan, { width, lang, metricLabel: t({ zh: "赔付率", en: "loss ratio" }, lang), percent: true }), fan, `${baseline.id}-loss-ratio-by-year`));
    }
    results.replaceChildren(...parts);
  };
  const start = () => {
    cancel();
    reproduce.replaceChildren(reproduceView(controls.value, lang));
    cancel = runScenario(engine, controls.value, (u) => {
      pending = u;
      if (!frame) frame = requestAnimationFrame(render);
    });
  };
  controls.addEventListener("input", start);
  start();
  return root;
}

/**
 * A scheme whose scenario lives on another page (the national options): its baseline numbers in
 * one sentence (from summaries.json, no simulation on this page) and a link to that page.
 */
export function scenarioBrief(
  entry: { id: string; title: Bilingual | string; options: { id: string; label: Bilingual | string }[]; last: { option: string; year: number; metrics: Record<string, { mean: number | null; q05: number | null; q95: number | null }> }[] } | undefined,
  option: string,
  href: string,
  lang: Lang,
): HTMLElement {
  const p = document.createElement("p");
  p.className = "answer";
  const s = entry?.last.find((x) => x.option === option);
  const o = entry?.options.find((x) => x.id === option);
  if (!entry || !s || !o) {
    p.textContent = t({ zh: "没有这个方案的基准结果。", en: "There is no baseline result for this option." }, lang);
    return p;
  }
  const m = (k: string) => s.metrics[k]?.mean ?? null;
  const pct = (v: number | null) => (v === null ? "—" : `${(100 * v).toFixed(0)} %`);
  const lr = s.metrics["lossRatio"];
  const link = document.createElement("a");
  link.href = href;
  link.textContent = t({ zh: "新就业形态劳动者页", en: "the new-form workers page" }, lang);
  const enrolled = m("enrolled");
  p.append(
    lang === "zh"
      ? `基准情景(${label(entry.title, lang).split(/[：:]/)[0]})中，「${label(o.label, lang)}」参保 ${enrolled === null ? "—" : formatAmount(enrolled, lang)}人，参保率 ${pct(m("coverage"))}，赔付率 ${pct(lr?.mean ?? null)}(5–95 % 区间 ${pct(lr?.q05 ?? null)}–${pct(lr?.q95 ?? null)})。三种选择放在一起模拟、可改动假设的完整情景见`
      : `In the baseline scenario (${label(entry.title, lang).split(/[：:]/)[0]}), "${label(o.label, lang)}" enrols ${enrolled === null ? "—" : formatAmount(enrolled, lang)}, a take-up of ${pct(m("coverage"))}, at a loss ratio of ${pct(lr?.mean ?? null)} (5–95 % range ${pct(lr?.q05 ?? null)}–${pct(lr?.q95 ?? null)}). The full scenario — the three options side by side, with assumptions to change — is on `,
    link,
    lang === "zh" ? "。" : ".",
  );
  return p;
}
