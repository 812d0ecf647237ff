/**
 * The rules card: a scheme's parameters as a table rendered from the rules module's parameter
 * objects — label, value in force on a date with its unit, every dated version (period in force,
 * value, citation: seed file:line «quote» or a regulation), and an "assumption" badge with the
 * rationale and the prior on every assumed value. Nothing here is typed in by hand: the table
 * cannot drift from the formulas, which read the same objects.
 */
import type { AnyScheme, Parameter, ParameterVersion, Prior, Reference, Unit } from "../rules/index.js";
import { referenceText, versionAt } from "../rules/index.js";
import { regulationName } from "./cite.js";
import { DISTRIBUTIONS, formatCompact, formatExact, formatInUnit, priorText as vocabularyPriorText, UNIT_INFO, unitSymbol } from "../vocabulary/index.js";
import type { Lang } from "./i18n.js";
import { pick } from "../vocabulary/text.js";

/** The unit's symbol in `lang` ("" for shares, which print as %). */
export function unitLabel(unit: Unit, lang: Lang): string {
  return unitSymbol(unit, lang);
}

/**
 * A parameter value with its unit, exact: shares as % (0.75 → "75%"), money to the fen; large
 * values add the compact reading in brackets ("2000000 元 (200万)", "2,000,000 yuan (2M)").
 */
export function formatValue(value: number, unit: Unit, lang: Lang): string {
  if (UNIT_INFO[unit].kind === "share") return formatInUnit(value, unit, lang);
  const text = formatInUnit(value, unit, lang, { digits: 6 });
  if (!Number.isFinite(value) || Math.abs(value) < 1e4) return text;
  const readable = formatCompact(value, lang);
  return readable !== formatExact(value, lang, 6) ? `${text} (${readable})` : text;
}

/** A prior as text: "triangular(min 0.8, mode 1, max 1)" (the vocabulary's). */
export function priorText(prior: Prior, lang: Lang): string {
  return vocabularyPriorText(prior, lang);
}

/** The version periods: [from, until] with until = the day before the next version (null: open). */
export function versionPeriods(p: Parameter): { version: ParameterVersion; from: string; until: string | null }[] {
  return p.versions.map((version, i) => {
    const next = p.versions[i + 1];
    return { version, from: version.from, until: next ? dayBefore(next.from) : null };
  });
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (string | Node)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

const HAN = /[\u3400-\u9fff]/;

/** A quotation from a source in the source's language: Chinese text is marked `lang="zh"` on an English page (a quotation, not text in the wrong language). */
function quote(text: string, lang: Lang): HTMLElement {
  const q = el("q", undefined, text);
  if (lang === "en" && HAN.test(text)) q.lang = "zh";
  return q;
}

/** A version's source: a seed line with its quotation, a regulation by its title (English gloss in English), or the rules module's text. */
function referenceNode(r: Reference, lang: Lang): HTMLElement {
  const node = el("span", `reference reference-${r.kind}`);
  if (r.kind === "seed") node.append(el("code", undefined, `data/seeds/${r.file}:${r.line}`), " ", quote(r.quote, lang));
  else if (r.kind === "regulation") node.append(regulationName(r.name, lang), " — ", pick(r.detail, lang));
  else node.append(referenceText(r, lang));
  return node;
}

/** The "assumption" badge with its rationale and prior (readable inline, also as a tooltip). */
export function assumptionBadge(version: ParameterVersion, lang: Lang): HTMLElement | null {
  const a = version.assumption;
  if (!a) return null;
  const box = el("span", "assumption");
  const badge = el("span", "assumption-badge", lang === "zh" ? "假设" : "assumption");
  const prior = priorText(a.prior, lang);
  const rationale = pick(a.rationale, lang);
  badge.title = `${rationale} — ${lang === "zh" ? "先验" : "prior"}: ${prior} (${DISTRIBUTIONS[a.prior.dist].description[lang]})`;
  box.append(badge, " ", el("span", "assumption-rationale", rationale), " ", el("span", "assumption-prior", `${lang === "zh" ? "先验" : "prior"}: ${prior}`));
  return box;
}

export interface RulesCardOptions {
  /** Show only parameters whose path or label contains this text. */
  filter?: string;
}

/** The rules card of `scheme` as in force on `date` (ISO), in `lang`. */
export function rulesCard(scheme: AnyScheme, date: string, lang: Lang, options: RulesCardOptions = {}): HTMLElement {
  const zh = lang === "zh";
  const wrap = el("div", "rules-card");
  const params = scheme.parameters.all.filter((p) => {
    const f = options.filter?.trim().toLowerCase();
    return !f || p.path.toLowerCase().includes(f) || p.label.zh.includes(f) || p.label.en.toLowerCase().includes(f);
  });
  const assumed = params.filter((p) => versionAt(p, date)?.assumption).length;
  const notYet = params.filter((p) => !versionAt(p, date)).length;
  wrap.append(
    el(
      "p",
      "rules-card-summary",
      zh
        ? `${date} 施行的 ${params.length} 个参数，其中 ${assumed} 个为假设值${notYet ? `，${notYet} 个当日尚未生效` : ""}。`
        : `${params.length} parameters in force on ${date}; ${assumed} of them assumed${notYet ? `; ${notYet} not yet in force that day` : ""}.`,
    ),
  );
  const scroll = el("div", "table-scroll");
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", zh ? "规则参数表" : "rules parameter table");
  const table = el("table", "rules-table");
  const head = el("tr");
  for (const h of zh ? ["参数", `${date} 的取值`, "各版本：生效期、取值、出处"] : ["parameter", `value on ${date}`, "versions: in force, value, source"]) head.append(el("th", undefined, h));
  table.createTHead().append(head);
  const body = table.createTBody();
  // A long card shows its first rows and folds the rest behind a button (the page stays readable).
  const SHOWN = 6;
  const fold = params.length > SHOWN + 3;
  params.forEach((p, i) => {
    const now = versionAt(p, date);
    const tr = el("tr");
    if (now?.assumption) tr.classList.add("is-assumption");
    if (fold && i >= SHOWN) tr.classList.add("rules-more");
    const name = el("th", undefined, el("div", "param-label", p.label[lang]), el("code", "param-path", p.path));
    name.scope = "row";
    const value = el("td", "param-value");
    if (now) {
      value.append(el("strong", undefined, formatValue(now.value, p.unit, lang)));
      const badge = assumptionBadge(now, lang);
      if (badge) value.append(" ", badge.querySelector(".assumption-badge")!.cloneNode(true));
    } else value.append(el("span", "muted", zh ? `尚未生效(自 ${p.versions[0]!.from} 起)` : `not yet in force (from ${p.versions[0]!.from})`));
    const versions = el("td", "param-versions");
    const list = el("ol", "version-list");
    for (const { version, from, until } of versionPeriods(p)) {
      const li = el("li", version === now ? "in-force" : undefined);
      if (version === now) li.setAttribute("aria-current", "true");
      const period = zh ? `${from} 起${until ? `至 ${until}` : ""}` : `${from} – ${until ?? "open"}`;
      li.append(el("span", "version-period", period), ": ", el("span", "version-value", formatValue(version.value, p.unit, lang)), " · ", referenceNode(version.reference, lang));
      if (version.note) li.append(el("div", "version-note muted", pick(version.note, lang)));
      const badge = assumptionBadge(version, lang);
      if (badge) li.append(el("div", undefined, badge));
      list.append(li);
    }
    versions.append(list);
    tr.append(name, value, versions);
    body.append(tr);
  });
  scroll.append(table);
  wrap.append(scroll);
  if (fold) {
    wrap.classList.add("rules-folded");
    const more = params.length - SHOWN;
    const button = el("button", "rules-toggle", zh ? `显示其余 ${more} 个参数` : `Show the other ${more} parameters`);
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", () => {
      const folded = wrap.classList.toggle("rules-folded");
      button.setAttribute("aria-expanded", String(!folded));
      button.textContent = folded ? (zh ? `显示其余 ${more} 个参数` : `Show the other ${more} parameters`) : zh ? "收起" : "Show fewer";
    });
    wrap.append(button);
  }
  return wrap;
}
