/**
 * The calibration page's "Re-calibrate" panel (issue 13): pick a calibrated shipped scenario,
 * change a target's published value or hold it out or drop it, move or widen a prior (centre and
 * width, ./recalibrate-edit.ts), and run the posterior in a Web Worker of its own
 * (./recalibrate-worker.ts, the command line's sampler: same seed, same draws), with a line per
 * tempering stage (φ, ESS when the sampler reports it, model evaluations, time) and a Cancel
 * button that terminates the worker at once. The result is charted as the page's stored
 * posteriors are (./posterior-intervals.ts), held-out targets are predicted and checked, and the
 * posterior file downloads as `puhui calibrate --posterior --out post.json` writes it (read by
 * `puhui simulate --posterior`), with the edited scenario when there is one. Nothing loads until
 * the panel is opened.
 */
import { errorElement } from "./i18n.js";
import { assumptionRows, posteriorIntervals, relativeDomain, targetRows, type IntervalRow } from "./posterior-intervals.js";
import { checkRun, editScenario, FormError, knobsOf, PAGE_PARTICLES, type Edits, type TargetUse } from "./recalibrate-edit.js";
import type { RecalibrateRequest, RecalibrateResult } from "./recalibrate-run.js";
import type { RecalibrateReply } from "./recalibrate-worker.js";
import type { Prior } from "../sim/priors.js";

type Lang = "zh" | "en";
type Text = { zh: string; en: string };

export interface RecalibrateScenario {
  id: string;
  /** The shipped file's name (simulations/scenarios/<file>). */
  file: string;
  title: string;
  /** The scenario's dashboard entry (src/data/scenario/<name>.json): its resolved text and seed. */
  load: () => Promise<{ scenarioText: string; seed: number }>;
}

export interface RecalibrateOptions {
  scenarios: readonly RecalibrateScenario[];
  /** The bundled worker's URL (src/data/recalibrate-worker.js.ts). */
  workerUrl: () => Promise<string>;
  lang: Lang;
  /** A figure's name in the page's language. */
  quantityOf: (figure: string) => string;
  fmt: (v: number) => string;
}

interface RawScenario {
  seed: number;
  assumptions: Record<string, { value: number; prior: Prior; label?: Text }>;
  calibration?: { targets: { figure: string; option: string; year?: number; metric: string; value: number }[] };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = String(v);
    else if (k in node) (node as unknown as Record<string, unknown>)[k] = v;
    else node.setAttribute(k, String(v));
  }
  node.append(...children);
  return node;
}

const num = (v: number) => String(Number(v.toPrecision(8)));

export function recalibratePanel({ scenarios, workerUrl, lang, quantityOf, fmt }: RecalibrateOptions): HTMLElement {
  const tr = (text: Text) => text[lang];
  const root = el("details", { class: "recalibrate" });
  const select = el("select", { "aria-label": tr({ zh: "情景", en: "scenario" }) }, ...scenarios.map((s) => el("option", { value: s.id }, s.title)));
  const form = el("div", { class: "recal-form" });
  const result = el("div", { class: "recal-result" });
  root.append(
    el("summary", {}, tr({ zh: "在浏览器里重新校准：改一个公开数字或一个先验，重算后验", en: "Re-calibrate in your browser: change a published figure or a prior and recompute the posterior" })),
    el(
      "p",
      { class: "muted" },
      tr({
        zh: `与命令行 puhui calibrate --posterior 相同的序贯蒙特卡洛，在后台线程中运行；同一种子给出相同的后验。默认 ${PAGE_PARTICLES.default} 个粒子：在繁忙的 2 核机器上，最慢的情景(天一甬宁保)约需半分钟(实测 27 秒)，其他情景几秒到十几秒；可随时取消。发表用的后验请用 2000 个粒子(命令行)。`,
        en: `The same sequential Monte Carlo as the command line's puhui calibrate --posterior, in a background thread; the same seed gives the same posterior. ${PAGE_PARTICLES.default} particles by default: about half a minute for the slowest scenario (Tianyi Yongningbao: 27 s measured on a busy 2-core machine), a few to fifteen seconds for the others; cancel at any time. For a posterior to publish, use 2000 particles (command line).`,
      }),
    ),
    el("label", { class: "recal-scenario" }, tr({ zh: "情景 ", en: "Scenario " }), select),
    form,
    result,
  );

  let worker: Worker | undefined;
  let loaded: { scenario: RecalibrateScenario; text: string; raw: RawScenario } | undefined;
  let loadToken = 0;

  async function load(): Promise<void> {
    const scenario = scenarios.find((s) => s.id === select.value) ?? scenarios[0]!;
    const token = ++loadToken;
    stop();
    form.replaceChildren(el("p", { class: "muted" }, tr({ zh: "载入情景…", en: "Loading the scenario…" })));
    result.replaceChildren();
    const entry = await scenario.load();
    if (token !== loadToken) return;
    loaded = { scenario, text: entry.scenarioText, raw: JSON.parse(entry.scenarioText) as RawScenario };
    buildForm();
  }

  function stop(): void {
    worker?.terminate();
    worker = undefined;
  }

  function buildForm(): void {
    const { raw, scenario } = loaded!;
    const targets = raw.calibration?.targets ?? [];
    const useLabels: Record<TargetUse, Text> = { fit: { zh: "拟合", en: "fit" }, hold: { zh: "留出(预测)", en: "hold out (predict)" }, drop: { zh: "去掉", en: "drop" } };
    const targetInputs = targets.map((t, i) => {
      const value = el("input", { type: "number", step: "any", value: String(t.value), name: `target-${i}`, "aria-label": `${quantityOf(t.figure)} — ${tr({ zh: "公开数字", en: "published value" })}` });
      const use = el("select", { name: `use-${i}`, "aria-label": `${quantityOf(t.figure)} — ${tr({ zh: "用途", en: "use" })}` }, ...(["fit", "hold", "drop"] as const).map((u) => el("option", { value: u }, tr(useLabels[u]))));
      return { t, value, use, initial: String(t.value) };
    });
    const free = Object.entries(raw.assumptions).filter(([, a]) => a.prior.dist !== "fixed");
    const priorInputs = free.map(([name, a]) => {
      const k = knobsOf(a.prior as Parameters<typeof knobsOf>[0]);
      const label = a.label ? a.label[lang] : name;
      const centre = el("input", { type: "number", step: "any", value: num(k.centre), name: `centre-${name}`, "aria-label": `${label} — ${tr(k.centreLabel)}` });
      const width = el("input", { type: "number", step: "any", value: num(k.width), name: `width-${name}`, "aria-label": `${label} — ${tr(k.widthLabel)}` });
      return { name, label, dist: a.prior.dist, k, centre, width, initial: [centre.value, width.value] as const };
    });
    const particles = el("input", { type: "number", min: String(PAGE_PARTICLES.min), max: String(PAGE_PARTICLES.max), step: "1", value: String(PAGE_PARTICLES.default), name: "particles" });
    const seed = el("input", { type: "number", min: "0", step: "1", value: String(raw.seed), name: "seed" });
    const run = el("button", { type: "button", class: "recal-run" }, tr({ zh: "重新校准", en: "Re-calibrate" }));
    const cancel = el("button", { type: "button", class: "recal-cancel", disabled: true }, tr({ zh: "取消", en: "Cancel" }));
    const bar = el("progress", { max: 1, value: 0, "aria-label": tr({ zh: "退火进度 φ", en: "tempering progress φ" }) });
    const status = el("p", { class: "recal-status", role: "status", "aria-live": "polite" });
    const stages = el("ol", { class: "recal-stages" });
    const error = el("div", { class: "recal-error" });

    const distName: Record<string, Text> = { lognormal: { zh: "对数正态", en: "lognormal" }, uniform: { zh: "均匀", en: "uniform" }, triangular: { zh: "三角", en: "triangular" }, beta: { zh: "贝塔", en: "beta" } };
    form.replaceChildren(
      el("h4", {}, tr({ zh: "目标：公开数字与用途", en: "Targets: published value and use" })),
      // One block per target and per assumption (its name on a line, the inputs under it), so a phone shows them whole.
      el("div", { class: "recal-list recal-targets" }, ...targetInputs.map(({ t, value, use }) => el("div", { class: "recal-item" }, el("div", { class: "recal-name", title: t.figure }, `${quantityOf(t.figure)}${(t.year ?? 1) > 1 ? ` (y${t.year})` : ""}`), el("label", {}, tr({ zh: "值 ", en: "value " }), value), " ", el("label", {}, tr({ zh: "用途 ", en: "use " }), use)))),
      el(
        "details",
        { class: "recal-priors" },
        el("summary", {}, tr({ zh: `先验：${free.length} 个假设的中心与宽度`, en: `Priors: centre and width of ${free.length} assumptions` })),
        el("p", { class: "muted" }, tr({ zh: "对数正态：中位数(或均值)与 σ；均匀与三角：中点(众数)与范围；贝塔：均值与标准差。改过的假设，其点值移到新的中心。", en: "Lognormal: median (or mean) and σ; uniform and triangular: midpoint (mode) and range; beta: mean and sd. An edited assumption's point value moves to its new centre." })),
        el("div", { class: "recal-list" }, ...priorInputs.map((p) => el("div", { class: "recal-item" }, el("div", { class: "recal-name", title: p.name }, p.label, " ", el("small", { class: "muted" }, `(${tr(distName[p.dist]!)})`)), el("label", {}, `${tr(p.k.centreLabel)} `, p.centre), " ", el("label", {}, `${tr(p.k.widthLabel)} `, p.width)))),
      ),
      el("p", { class: "recal-run-row" }, el("label", {}, tr({ zh: `粒子数(${PAGE_PARTICLES.min}–${PAGE_PARTICLES.max}) `, en: `Particles (${PAGE_PARTICLES.min}–${PAGE_PARTICLES.max}) ` }), particles), " ", el("label", {}, tr({ zh: "种子 ", en: "Seed " }), seed), " ", run, " ", cancel),
      error,
      el("div", { class: "recal-progress" }, bar, status, stages),
    );

    const showError = (e: unknown) => {
      error.replaceChildren(e instanceof FormError ? el("p", { class: "input-error", role: "alert" }, e.text[lang]) : errorElement(e instanceof Error ? e.message : String(e), lang));
    };
    const finish = () => {
      stop();
      run.disabled = false;
      cancel.disabled = true;
    };

    run.onclick = async () => {
      error.replaceChildren();
      result.replaceChildren();
      stages.replaceChildren();
      let request: RecalibrateRequest;
      let edited: ReturnType<typeof editScenario>;
      const n = Number(particles.value);
      const s = Number(seed.value);
      try {
        checkRun(n, s);
        const edits: Edits = { targets: {}, priors: {} };
        targetInputs.forEach(({ value, use, initial }, i) => {
          const e: { value?: number; use?: TargetUse } = { use: use.value as TargetUse };
          if (value.value !== initial) e.value = value.value.trim() === "" ? Number.NaN : Number(value.value);
          edits.targets![i] = e;
        });
        for (const p of priorInputs) {
          if (p.centre.value !== p.initial[0] || p.width.value !== p.initial[1]) {
            const c = p.centre.value === p.initial[0] ? p.k.centre : Number(p.centre.value.trim() === "" ? Number.NaN : p.centre.value);
            const w = p.width.value === p.initial[1] ? p.k.width : Number(p.width.value.trim() === "" ? Number.NaN : p.width.value);
            edits.priors![p.name] = { centre: c, width: w };
          }
        }
        edited = editScenario(loaded!.text, edits);
        const path = edited.edited ? `${scenario.id}-edited.json` : `simulations/scenarios/${scenario.file}`;
        request = { scenarioText: edited.scenarioText, heldOut: edited.heldOut, particles: n, seed: s, command: `puhui calibrate ${path} --posterior --particles ${n} --seed ${s}` };
      } catch (e) {
        showError(e);
        return;
      }
      run.disabled = true;
      cancel.disabled = false;
      bar.value = 0;
      status.textContent = tr({ zh: "启动后台线程，从先验抽取粒子…", en: "Starting the worker, drawing the prior particles…" });
      let url: string;
      try {
        url = await workerUrl();
      } catch (e) {
        finish();
        showError(e);
        return;
      }
      stop();
      const w = new Worker(url, { type: "module" });
      worker = w;
      const started = performance.now();
      let lastStage = 0;
      w.onmessage = (event: MessageEvent<RecalibrateReply>) => {
        if (worker !== w) return;
        const m = event.data;
        if (m.type === "stage") {
          lastStage = m.stage;
          bar.value = m.phi;
          const ess = m.ess === undefined ? "" : ` · ESS ${m.ess.toFixed(0)}`;
          const line = m.stage === 0
            ? tr({ zh: `先验：${m.evaluations} 次模型计算 · ${(m.elapsedMs / 1000).toFixed(1)} 秒`, en: `prior: ${m.evaluations} model evaluations · ${(m.elapsedMs / 1000).toFixed(1)} s` })
            : tr({ zh: `第 ${m.stage} 步：φ = ${m.phi.toFixed(3)}${ess} · ${m.evaluations} 次模型计算 · ${(m.elapsedMs / 1000).toFixed(1)} 秒`, en: `stage ${m.stage}: φ = ${m.phi.toFixed(3)}${ess} · ${m.evaluations} model evaluations · ${(m.elapsedMs / 1000).toFixed(1)} s` });
          stages.append(el("li", { class: "recal-stage" }, line));
          status.textContent = m.phi >= 1 ? tr({ zh: "φ 已到 1：汇总后验与留出预测…", en: "φ reached 1: summarising the posterior and the held-out predictions…" }) : tr({ zh: `退火中：φ = ${m.phi.toFixed(3)}(0 为先验，1 为后验)`, en: `tempering: φ = ${m.phi.toFixed(3)} (0 is the prior, 1 the posterior)` });
        } else if (m.type === "result") {
          finish();
          status.textContent = tr({ zh: `完成：${(m.elapsedMs / 1000).toFixed(1)} 秒。`, en: `Done in ${(m.elapsedMs / 1000).toFixed(1)} s.` });
          showResult(m.result, request, edited);
        } else {
          finish();
          status.textContent = "";
          showError(m.field ? Object.assign(new Error(m.message), { field: m.field }) : new Error(m.message));
        }
      };
      w.onerror = (event) => {
        if (worker !== w) return;
        finish();
        showError(new Error(`internal error: ${event.message}`));
      };
      cancel.onclick = () => {
        if (worker !== w) return;
        finish();
        const secs = ((performance.now() - started) / 1000).toFixed(1);
        status.textContent = lastStage === 0 ? tr({ zh: `已取消(先验抽取之后，${secs} 秒)。`, en: `Cancelled (after the prior draws, ${secs} s).` }) : tr({ zh: `已取消(第 ${lastStage} 步之后，${secs} 秒)。`, en: `Cancelled (after stage ${lastStage}, ${secs} s).` });
        status.classList.add("recal-cancelled");
      };
      status.classList.remove("recal-cancelled");
      w.postMessage(request);
    };
  }

  function showResult(r: RecalibrateResult, request: { particles: number; seed: number; command: string }, edited: { scenarioText: string; edited: boolean }): void {
    const { scenario } = loaded!;
    const p = r.summary;
    const covered = p.targets.filter((x) => x.covers && x.narrowEnough).length;
    const passed = r.heldOut.filter((c) => c.pass).length;
    const width = Math.max(300, Math.min(900, result.clientWidth || root.clientWidth || 640));
    const labelOf = (name: string) => loaded!.raw.assumptions[name]?.label?.[lang] ?? name;
    const tRows = targetRows(p.targets, { lang, quantityOf, fmt });
    const aRows: IntervalRow[] = assumptionRows(p.assumptions, { lang, labelOf });
    const labels = { priorLabel: tr({ zh: "先验 90 %", en: "prior 90 %" }), posteriorLabel: tr({ zh: "后验 90 %", en: "posterior 90 %" }) };
    const pctTick = (d: number) => `${d >= 0 ? "+" : ""}${(100 * d).toFixed(0)}%`;
    const fileName = `${scenario.id}-posterior.json`;
    const saveText = (text: string, name: string) => {
      const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: name });
      document.body.append(a);
      a.click();
      a.remove();
    };
    const simulate = `npx puhui simulate simulations/scenarios/${scenario.file} --posterior ${fileName}`;
    result.replaceChildren(
      el(
        "p",
        { class: "answer recal-answer" },
        el("strong", {}, tr({ zh: `${p.targets.length} 个拟合目标中 ${covered} 个被后验 90 % 区间覆盖(且不宽于观测模型)。`, en: `${covered} of ${p.targets.length} fitted targets covered by the posterior 90 % interval (no wider than the observation model).` })),
        " ",
        tr({
          zh: `${p.names.length} 个假设，${p.particles} 个粒子(种子 ${p.seed})：ESS ${p.ess.toFixed(0)}，不同粒子 ${p.unique}，${p.stages.length} 步退火，${p.evaluations} 次模型计算。${r.heldOut.length ? `留出 ${r.heldOut.length} 个，通过 ${passed} 个。` : ""}`,
          en: `${p.names.length} assumptions, ${p.particles} particles (seed ${p.seed}): ESS ${p.ess.toFixed(0)}, ${p.unique} distinct, ${p.stages.length} tempering steps, ${p.evaluations} model evaluations.${r.heldOut.length ? ` ${passed} of ${r.heldOut.length} held out pass.` : ""}`,
        }),
      ),
      el("div", { class: "card recal-targets-chart" }, el("h4", {}, tr({ zh: "目标：先验预测与后验预测(相对公开数字)", en: "Targets: prior and posterior predictive (relative to the published figure)" })), posteriorIntervals(tRows, { width, domain: relativeDomain(tRows), tickFormat: pctTick, axisLabel: tr({ zh: "模型期望 / 公开数字 − 1 →", en: "model expectation / published − 1 →" }), ...labels, publishedLabel: tr({ zh: "公开数字", en: "published figure" }) })),
      el("div", { class: "card recal-assumptions-chart" }, el("h4", {}, tr({ zh: "假设：先验与后验(按先验 90 % 区间缩放)", en: "Assumptions: prior and posterior (scaled to the prior 90 % interval)" })), posteriorIntervals(aRows, { width, domain: [-0.25, 1.25], tickFormat: (d: number) => d.toFixed(1), axisLabel: tr({ zh: "(值 − 先验 5 %) / 先验 90 % 宽度 →", en: "(value − prior 5 %) / prior 90 % width →" }), ...labels })),
      ...(r.heldOut.length
        ? [
            el(
              "div",
              { class: "table-scroll" },
              el(
                "table",
                { class: "recal-held-out" },
                el("thead", {}, el("tr", {}, el("th", {}, tr({ zh: "留出的数字", en: "held-out figure" })), el("th", {}, tr({ zh: "公开", en: "published" })), el("th", {}, tr({ zh: "90 % 预测", en: "90 % predictive" })), el("th", {}, tr({ zh: "结果", en: "result" })))),
                el("tbody", {}, ...r.heldOut.map((c) => el("tr", {}, el("td", {}, quantityOf(c.figure)), el("td", {}, fmt(c.published)), el("td", {}, `${Number.isFinite(c.predictive.lo) ? fmt(c.predictive.lo) : "−∞"}–${Number.isFinite(c.predictive.hi) ? fmt(c.predictive.hi) : "∞"}`), el("td", {}, c.pass ? tr({ zh: "通过", en: "pass" }) : tr({ zh: "未通过", en: "fail" }))))),
              ),
            ),
          ]
        : []),
      el(
        "p",
        { class: "recal-downloads" },
        el("button", { type: "button", class: "recal-download", onclick: () => saveText(r.fileText, fileName) }, tr({ zh: "下载后验文件(JSON)", en: "Download the posterior (JSON)" })),
        ...(edited.edited ? [" ", el("button", { type: "button", class: "recal-download-scenario", onclick: () => saveText(`${JSON.stringify(JSON.parse(edited.scenarioText), null, 2)}\n`, `${scenario.id}-edited.json`) }, tr({ zh: "下载改过的情景", en: "Download the edited scenario" }))] : []),
      ),
      el("p", { class: "muted" }, tr({ zh: "同样的后验：", en: "The same posterior: " }), el("code", {}, `npx ${request.command} --out ${fileName}`), el("br"), tr({ zh: "在它上面模拟：", en: "Simulate over it: " }), el("code", {}, simulate)),
    );
  }

  select.onchange = () => void load().catch((e: unknown) => form.replaceChildren(errorElement(e instanceof Error ? e.message : String(e), lang)));
  root.addEventListener("toggle", () => {
    if (root.open && !loaded) select.onchange!(new Event("change"));
  });
  return root;
}
