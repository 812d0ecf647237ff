/**
 * The scheme page template: the Markdown of /schemes/<id>, printed at build time by the page
 * loader src/schemes/[scheme].md.ts from the scheme's page.yaml (its own words) and the registry.
 * Every scheme page has the same sections, the answer first — the population (a live scenario
 * panel whose answer sentence and KPI cards come first, or a one-sentence summary linking to the
 * scenario's own page), the rules card, the calculator (eligibility, premium by payer, itemised
 * payout), optionally Zhejiang's first-order rule, reproduce/cite, sources —
 * and the same generic text where a page.yaml says nothing.
 */
import type { Bilingual, SchemePage } from "./page.js";

/** HTML-escaped, and `$` written as an entity so Framework never reads `${` as an expression. */
export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\$/g, "&#36;");
}

/** Paired language spans, the site's static bilingual text. */
export function spans(t: Bilingual): string {
  return `<span lang="zh-CN">${escapeText(t.zh)}</span><span lang="en">${escapeText(t.en)}</span>`;
}

const p = (t: Bilingual | undefined, className?: string) => (t ? `<p${className ? ` class="${className}"` : ""}>${spans(t)}</p>\n\n` : "");
const h2 = (t: Bilingual) => `## ${spans(t)}\n\n`;
const js = (code: string) => "```js\n" + code.trim() + "\n```\n\n";

/** The template's words where a page.yaml gives none. */
export const GENERIC = {
  rulesHeading: { zh: "规则是什么？", en: "What are the rules?" },
  rulesNote: {
    zh: "每个数值都来自规则模块的参数：出处(来源文件:行号«原文»或法规)，或标为“假设”并给出理由和先验分布。选一个日期查看当日施行的规则。",
    en: "Every value comes from the rules module's parameters: its source (seed file:line «quote», or a regulation), or an “assumption” badge with the rationale and the prior. Pick a date to see the rules in force that day.",
  },
  calculatorHeading: { zh: "一次理赔能得到多少？", en: "What does a claim pay?" },
  calculatorIntro: {
    zh: "在下面填写人员、投保和理赔信息；每项输入都经规则模块校验，超出范围时在输入框旁说明允许的取值。链接会记住这些输入。",
    en: "Fill in the person, the purchase and the claim; every input is checked by the rules module, and a value out of range is explained beside its input. The page link keeps these inputs.",
  },
  eligibilityHeading: { zh: "谁可以参保？", en: "Who is eligible?" },
  premiumHeading: { zh: "保费多少，谁来付？", en: "What does it cost, and who pays?" },
  payoutHeading: { zh: "这次理赔赔多少？", en: "What does this claim pay?" },
  populationHeading: { zh: "放到一群人身上：多少人参保，赔付率多高，补贴花多少？", en: "Across a population: how many enrol, what is the loss ratio, what do subsidies cost?" },
  populationIntro: {
    zh: "以上是这一方案的基准情景(已按公开数字校准的部分见“校准”页)。打开“改动假设”面板，改动任一假设或写一项规则改革，模型在浏览器后台线程中重新运行：先给出几百次重复的快速结果，再逐步细化；表格中各项的蒙特卡洛标准误在鼠标悬停提示中。",
    en: "Above, the scheme's baseline scenario (what is calibrated to published figures is on the Calibration page). Open the assumptions panel to change any assumption or write a reform of any rule, and the model re-runs in a background thread: quick results from a few hundred replicates first, refined as more arrive; each cell's Monte Carlo standard error is in its tooltip.",
  },
  reproduceHeading: { zh: "如何复现、引用？", en: "How to reproduce and cite this?" },
  reproduceIntro: {
    zh: "在仓库中运行这些命令，可以用命令行得到与上面相同的数字(输入随表单更新)：",
    en: "Run these commands in the repository to get the same numbers from the command line (they follow the form):",
  },
  rulesSource: { zh: "参数、校验与公式", en: "parameters, validation and formulas" },
  pageSource: { zh: "本页文字", en: "this page's text" },
} satisfies Record<string, Bilingual>;

export interface PageContext {
  /** The scheme's id (the route parameter). */
  id: string;
  /** The scheme's name in the registry: the title and heading when page.yaml gives none. */
  name: Bilingual;
  /** Where the scheme's rules live (repository paths), for the sources list. */
  ruleFiles: readonly string[];
  /** Whether src/schemes/<id>/page.yaml exists (named in the sources list). */
  hasPageFile: boolean;
}

/** The page's Markdown: its sections in order, each a function below. */
export function renderSchemePage(page: SchemePage, ctx: PageContext): string {
  return [
    pageHead(page, ctx),
    // The answer first (issue 15): the population's headline numbers and chart, then the rules
    // card and the calculator.
    page.population ? populationSection(page.population) : "",
    rulesSection(page),
    calculatorSections(page),
    page.firstOrder ? firstOrderSection(page.firstOrder) : "",
    reproduceSection(),
    sourcesList(page, ctx),
  ].join("");
}

/** Front matter, the imports and setup cells, the heading, the lead and the region line. */
function pageHead(page: SchemePage, ctx: PageContext): string {
  const title = page.title ?? { zh: ctx.name.zh.replace(/[(（].*$/, ""), en: ctx.name.en.replace(/\s*\(.*$/, "") };
  const heading = page.heading ?? ctx.name;
  const live = page.population !== undefined && page.population.page === undefined;
  let md = `---\ntitle: ${JSON.stringify(`${title.zh} ${title.en}`)}\n---\n\n`;
  md += js(`
${live ? 'import {EngineClient} from "../sim/engine-protocol.js";\n' : ""}import {scenarioSection, scenarioBrief} from "../components/scenario-section.js";
import {getScheme} from "../schemes/index.js";
import {observeLang, t, formatYuan} from "../components/i18n.js";
import {rulesCard} from "../components/rules-card.js";
import {urlDateInput} from "../components/url-state.js";
import {calculator} from "../components/calculator.js";
import {formOf} from "../rules/form.js";
import {eligibilityView, premiumTable, premiumChart, premiumChartData, premiumSentence, benefitTable, benefitChart, benefitChartData, benefitSentence, blockedNote} from "../components/results.js";
import {downloadable} from "../components/download.js";
import {citeThis, reproduceCommands, reproduceSnippet} from "../components/cite.js";`);
  md += js(`
// One template for every scheme (src/data/scheme-page/render.ts); this page's words come from
// src/schemes/${ctx.id}/page.yaml, its rules from the registry.
const scheme = getScheme(observable.params.scheme);
const lang = Generators.observe(observeLang);
const app = FileAttachment("../data/app.json").json();`);
  md += `# ${spans(heading)}\n\n`;
  md += p(page.lead, "lead");
  md += js(
    'display(html`<p class="muted">${t({zh: "地区", en: "Region"}, lang)}: ${t(scheme.region, lang)} · ${t({zh: "施行", en: "In force"}, lang)}: ${scheme.period.from} – ${scheme.period.until ?? t({zh: "未定", en: "open"}, lang)} · ${t({zh: "默认人员", en: "Default person"}, lang)}: ${t(scheme.personDefaults, lang)}</p>`);',
  );
  return md;
}

/** The rules card with its date picker. */
function rulesSection(page: SchemePage): string {
  // The generic note carries the assumption badge itself (template HTML, not page.yaml text).
  let md = h2(GENERIC.rulesHeading) + p(page.rules) + `<p class="muted">${spans(GENERIC.rulesNote).replace(/“假设”|“assumption”/g, (m) => `<span class="assumption-badge">${m.slice(1, -1)}</span>`)}</p>\n\n`;
  md += js('const rulesDate = view(urlDateInput("rulesDate", scheme.referenceDate, {zh: "查看某日施行的规则", en: "Rules in force on"}));');
  md += js("rulesCard(scheme, rulesDate, lang)");
  return md;
}

/** The calculator and what it gives: eligibility, the premium by payer, the itemised payout. */
function calculatorSections(page: SchemePage): string {
  let md = h2(page.calculator?.heading ?? GENERIC.calculatorHeading) + p(GENERIC.calculatorIntro);
  md += js('display(html`<p class="muted">${t({zh: "默认理赔", en: "Default claim"}, lang)}: ${t(formOf(scheme).exampleSource, lang)}</p>`);');
  md += js("const calc = view(calculator(scheme));");

  md += h2(GENERIC.eligibilityHeading) + p(page.eligibility);
  md += js("calc.eligibility ? eligibilityView(calc.eligibility, lang) : blockedNote(calc.errors, lang)");

  md += h2(GENERIC.premiumHeading) + p(page.premium);
  md += js(`
display(calc.premium ? html\`<p class="interpretation">\${premiumSentence(calc.premium, lang)}</p>\` : blockedNote(calc.errors, lang));
if (calc.premium) display(premiumTable(calc.premium, lang));`);
  md += js("calc.premium ? html`<div class=\"card\">${resize((width) => downloadable(premiumChart(calc.premium, lang, width), premiumChartData(calc.premium, lang), `${scheme.id}-premium-by-payer`))}</div>` : html`<span></span>`");

  md += h2(page.payout?.heading ?? GENERIC.payoutHeading) + p(page.payout?.text);
  md += js(`
display(calc.benefit
  ? html\`<div class="card payout-card"><h2>\${t({zh: "赔付合计", en: "Payout"}, lang)}</h2><span class="big payout">\${formatYuan(calc.benefit.payout, lang)}</span><p class="interpretation">\${benefitSentence(calc.benefit, lang)}</p></div>\`
  : blockedNote(calc.errors, lang));
if (calc.benefit) display(benefitTable(scheme, calc.benefit, calc.date, lang));`);
  md += js("calc.benefit ? html`<div class=\"card\">${resize((width) => downloadable(benefitChart(calc.benefit, lang, width), benefitChartData(calc.benefit, lang), `${scheme.id}-payout-items`))}</div>` : html`<span></span>`");
  return md;
}

/** Zhejiang's first-order rule: which platform is liable when orders overlap. */
function firstOrderSection(firstOrder: NonNullable<SchemePage["firstOrder"]>): string {
  let md = h2(firstOrder.heading ?? { zh: "同时为多个平台接单时，哪个平台负责？", en: "Which platform is liable when orders overlap?" }) + p(firstOrder.text);
  md += js('import {EXAMPLE_ORDERS, firstOrderChart, injuryTimeInput, liabilitySentence, orderRows} from "../components/first-order.js";');
  md += js("const injuryAt = view(injuryTimeInput());");
  md += js(`
display(html\`<p class="interpretation"><strong>\${liabilitySentence(EXAMPLE_ORDERS, injuryAt, lang)}</strong></p>\`);
display(html\`<div class="card">\${resize((width) => downloadable(firstOrderChart(EXAMPLE_ORDERS, injuryAt, lang, width), orderRows(EXAMPLE_ORDERS, injuryAt, lang), \`\${scheme.id}-first-order\`))}</div>\`);`);
  return md;
}

/** The population: a live scenario panel, or a summary linking to the scenario's own page. */
function populationSection(pop: NonNullable<SchemePage["population"]>): string {
  let md = h2(GENERIC.populationHeading);
  if (pop.page === undefined) {
    // The worker is the engine's own module graph as Framework serves it to the page (zod, the
    // rules and the schemes are the page's files, loaded once), not a second bundle of them.
    md += js(`
const scenarioBaseline = FileAttachment(${JSON.stringify(`../data/scenario/${pop.scenario}.json`)}).json();`);
    md += js(`
const engine = new EngineClient(import.meta.resolve("../sim/web-worker.js"));
invalidation.then(() => engine.terminate());`);
    md += js("scenarioSection(scenarioBaseline, engine, lang)");
    md += p(GENERIC.populationIntro, "muted");
  } else {
    md += js('const summaries = FileAttachment("../data/summaries.json").json();');
    md += js(`scenarioBrief(summaries.find((b) => b.id === ${JSON.stringify(pop.scenario)}), ${JSON.stringify(pop.option)}, \`..${pop.page}\${lang === "en" ? "?lang=en" : ""}\`, lang)`);
  }
  return md;
}

/** The commands that reproduce the page's numbers, and how to cite it. */
function reproduceSection(): string {
  let md = h2(GENERIC.reproduceHeading) + p(GENERIC.reproduceIntro);
  md += js("reproduceSnippet(reproduceCommands({scheme: scheme.id, person: calc.given.person, purchase: calc.given.purchase, claim: calc.given.claim, date: calc.date ?? scheme.referenceDate}), lang)");
  md += js("citeThis(app, t(scheme.name, lang), lang)");
  return md;
}

/** The sources: page.yaml's, the rule files, the page file. */
function sourcesList(page: SchemePage, ctx: PageContext): string {
  const code = (f: string) => `<code>${escapeText(f)}</code>`;
  const items = (page.sources ?? []).map((s) => `<li>${s.file ? `${code(s.file)} — ` : ""}${spans(s.text)}</li>`);
  items.push(`<li>${ctx.ruleFiles.map(code).join(", ")} — ${spans(GENERIC.rulesSource)}; <code>docs/rules.md</code></li>`);
  if (ctx.hasPageFile) items.push(`<li>${code(`src/schemes/${ctx.id}/page.yaml`)} — ${spans(GENERIC.pageSource)}</li>`);
  return `---\n\n<div class="sources"><p><strong><span lang="zh-CN">来源</span><span lang="en">Sources</span></strong></p><ul>\n${items.join("\n")}\n</ul></div>\n`;
}
