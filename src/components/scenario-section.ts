/**
 * A self-contained scenario section for a scheme page: the scenario panel's controls, the live
 * run in the page's Web Worker (progress; quick results first, refined as more arrive) and the
 * results — enrolment, premium income, benefits and the loss ratio with their Monte Carlo error,
 * the loss-ratio distribution, premium by payer, and a fan chart over years for multi-year
 * scenarios. One call per page: `scenarioSection(baseline, engine, lang)`.
 */
import type { EngineClient } from "../sim/engine-protocol.js";
import { downloadable } from "./download.js";
import { t, type Lang } from "./i18n.js";
import { fanChart, fanData, headlineTable, lossRatioChart, lossRatioData, payerChart, payerData } from "./scenario-charts.js";
import { label, progressView, reproduceView, runScenario, scenarioControls, type BaselineEntry, type RunUpdate } from "./scenario-panel.js";

function card(chart: Element, data: readonly object[], name: string): HTMLElement {
  const c = document.createElement("div");
  c.className = "card";
  c.append(downloadable(chart, data as readonly Record<string, unknown>[], name));
  return c;
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
    Object.assign(document.createElement("code"), { textContent: `simulations/scenarios/${baseline.file}` }),
  );
  const controls = scenarioControls(baseline, lang, key);
  const progress = document.createElement("div");
  const results = document.createElement("div");
  const reproduce = document.createElement("div");
  root.append(intro, controls, progress, results, reproduce);

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
    const parts: Node[] = [headlineTable(u.rows, baseline.options, lang), card(lossRatioChart(lr, { width, lang }), lr, `${baseline.id}-loss-ratio`), card(payerChart(payers, { width, lang }), payers, `${baseline.id}-premium-by-payer`)];
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
