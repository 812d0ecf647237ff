/**
 * The "我的情景 My scenario" page's two forms (issue 14): the scheme's terms — one field per
 * parameter with its unit, allowed range, what it does, the dated version in force and its source
 * (src/components/my-scenario-product.ts), checked as typed, the edited ones marked with their
 * starting value and listed as the product's differences — and the priors, each with its centre,
 * its shape parameters, a "fixed" switch and its density drawn small (src/fit/prior-density.ts;
 * src/components/my-scenario-priors.ts). A field commits on change (Enter or leaving it); while
 * typing, an invalid value shows one line beside the field and nothing is changed.
 */
import * as Plot from "npm:@observablehq/plot";
import { PUBLIC_FIGURE, referenceText, type Reference } from "../rules/parameter.js";
import { densityCurve } from "../fit/prior-density.js";
import { priorText } from "../vocabulary/priors.js";
import { unitName } from "../vocabulary/units.js";
import { t, type Lang } from "./i18n.js";
import { allowedText, checkValue, GROUP_NAMES, productDiff, ROLE_NAMES, ROLES, type ProductField } from "./my-scenario-product.js";
import { readPriorForm, SHAPE, type AssumptionEntry, type PriorEdit } from "./my-scenario-priors.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

const ERROR_STYLE = "color: var(--theme-red, #c00); font-size: 0.85em; display: block; min-height: 0;";

function errorLine(): HTMLSpanElement {
  const s = el("span", { className: "input-error" });
  s.setAttribute("role", "alert");
  s.style.cssText = ERROR_STYLE;
  return s;
}

const fmt = (x: number) => String(Number(x.toPrecision(10)));

/** One parameter's field: label and path, the input with its unit, the allowed range, what it does, its version and source. */
function fieldView(f: ProductField, value: number, lang: Lang, onCommit: (path: string, value: number | undefined) => void): HTMLElement {
  const input = el("input", { type: "text", value: fmt(value), name: f.path });
  input.setAttribute("inputmode", "decimal");
  input.setAttribute("aria-label", `${t(f.label, lang)} (${f.path})`);
  input.style.cssText = "width: 9em; max-width: 100%;";
  const error = errorLine();
  const check = () => {
    const r = checkValue(f, input.value);
    error.textContent = r.error ? t(r.error, lang) : "";
    input.setAttribute("aria-invalid", r.error ? "true" : "false");
    return r;
  };
  input.addEventListener("input", check);
  input.addEventListener("change", () => {
    const r = check();
    if (r.value !== null) onCommit(f.path, r.value === f.start ? undefined : r.value);
  });
  const changed = value !== f.start;
  const box = el("div", { className: `product-field${changed ? " changed" : ""}` });
  box.style.cssText = `margin: 0.4rem 0; padding: 0.2rem 0.4rem; border-left: 3px solid ${changed ? "#E69F00" : "transparent"};`;
  const v = f.version;
  const source = v.assumption ? `${t({ zh: "假设", en: "assumption" }, lang)}: ${typeof v.assumption.rationale === "string" ? v.assumption.rationale : t(v.assumption.rationale, lang)}` : referenceNodes(v.reference, lang);
  const dated = t({ zh: `自 ${v.from} 起有效${f.versions > 1 ? `（共 ${f.versions} 个版本；修改后的值适用于所有版本）` : ""}`, en: `in force from ${v.from}${f.versions > 1 ? ` (${f.versions} versions; an edited value applies to all)` : ""}` }, lang);
  const help = el("div", { className: "muted" });
  help.style.cssText = "font-size: 0.85em;";
  help.append(
    ...(f.help ? [t(f.help, lang), el("br")] : []),
    `${t({ zh: "允许", en: "allowed" }, lang)}: ${t(allowedText(f), lang)} · ${dated}`,
    el("br"),
    `${t({ zh: "来源", en: "source" }, lang)}: `,
    ...(typeof source === "string" ? [source] : source),
  );
  box.append(
    el("label", {}, el("strong", {}, t(f.label, lang)), " ", el("code", {}, f.path), el("br"), input, ` ${unitName(f.unit, lang)}`, changed ? el("span", { className: "muted" }, t({ zh: `（原为 ${fmt(f.start)}）`, en: ` (was ${fmt(f.start)})` }, lang)) : ""),
    error,
    help,
  );
  return box;
}


/**
 * A source as the rules card shows it: a seed line or a public figure with its quotation in a
 * <q>, marked lang="zh" on an English page (a quotation in the source's language, not text in the
 * wrong language); other kinds as the rules module words them.
 */
function referenceNodes(r: Reference, lang: Lang): (string | Node)[] {
  const q = (text: string) => {
    const e = el("q", {}, text);
    if (lang === "en" && /[\u3400-\u9fff]/.test(text)) e.lang = "zh";
    return e;
  };
  if (r.kind === "seed") return [el("code", {}, `${r.file}:${r.line}`), " ", q(r.quote)];
  if (r.kind === "public") {
    const place = r.line === undefined ? r.where : lang === "zh" ? `${r.where} 第 ${r.line} 行` : `${r.where}:${r.line}`;
    return [`${t(PUBLIC_FIGURE, lang)}${lang === "zh" ? "：" : ": "}${place} `, q(r.quote)];
  }
  return [referenceText(r, lang)];
}

/**
 * The product form: fields grouped by role (a scheme outside the medical family: by its keys'
 * first segment), the differences from where it started, and a way back.
 */
export function productForm(fields: readonly ProductField[], values: Readonly<Record<string, number>>, lang: Lang, onChange: (values: Record<string, number>) => void): HTMLElement {
  const root = el("div", { className: "product-form" });
  root.style.overflowWrap = "anywhere"; // long parameter paths wrap on a phone
  const commit = (path: string, value: number | undefined) => {
    const next = { ...values };
    if (value === undefined) delete next[path];
    else next[path] = value;
    onChange(next);
  };
  const diff = productDiff(fields, values);
  const summary = el("div", { className: "product-diff" });
  if (diff.length) {
    const list = el("ul");
    for (const d of diff) list.append(el("li", {}, `${t(d.field.label, lang)} (`, el("code", {}, d.field.path), `): ${fmt(d.from)} → ${fmt(d.to)} ${unitName(d.field.unit, lang)}`));
    const reset = el("button", { type: "button" }, t({ zh: "恢复原方案的全部条款", en: "Back to the shipped terms" }, lang));
    reset.onclick = () => onChange({});
    summary.append(el("p", {}, el("strong", {}, t({ zh: `与原方案相比改动了 ${diff.length} 项：`, en: `${diff.length} term${diff.length === 1 ? "" : "s"} differ from the shipped scheme:` }, lang))), list, reset);
  } else summary.append(el("p", { className: "muted" }, t({ zh: "尚未改动：与原方案相同。", en: "Not edited: the same as the shipped scheme." }, lang)));
  root.append(summary);
  const medical = fields.some((f) => f.role !== "other");
  const groups: { key: string; name: string; fields: ProductField[] }[] = [];
  if (medical) {
    for (const role of ROLES) {
      const fs = fields.filter((f) => f.role === role);
      if (fs.length) groups.push({ key: role, name: t(ROLE_NAMES[role], lang), fields: fs });
    }
  } else {
    for (const f of fields) {
      let g = groups.find((x) => x.key === f.group);
      if (!g) groups.push((g = { key: f.group, name: GROUP_NAMES[f.group] ? `${t(GROUP_NAMES[f.group]!, lang)} · ${f.group}` : f.group, fields: [] }));
      g.fields.push(f);
    }
  }
  for (const g of groups) {
    const open = g.fields.some((f) => values[f.path] !== undefined) || medical;
    const d = el("details", { open }, el("summary", {}, `${g.name} (${g.fields.length})`));
    for (const f of g.fields) d.append(fieldView(f, values[f.path] ?? f.start, lang, commit));
    root.append(d);
  }
  return root;
}

/** A prior's density, small (none for a fixed value: a single tick at it). */
export function densityPlot(edit: PriorEdit, lang: Lang, width = 240): HTMLElement | SVGSVGElement {
  const curve = densityCurve(edit.prior, edit.value);
  const x = { label: null, ticks: 3, tickFormat: (v: number) => fmt(v) };
  if (!curve.length) return Plot.plot({ width, height: 60, x: { ...x, domain: [edit.value - Math.abs(edit.value || 1) * 0.5, edit.value + Math.abs(edit.value || 1) * 0.5] }, y: { axis: null }, marks: [Plot.ruleX([edit.value], { stroke: "#0072B2", strokeWidth: 2 }), Plot.text([edit.value], { x: (d: number) => d, frameAnchor: "top", text: () => t({ zh: "固定", en: "fixed" }, lang), dy: 4 })] });
  return Plot.plot({
    width,
    height: 70,
    marginLeft: 10,
    marginRight: 14,
    x,
    y: { axis: null },
    marks: [Plot.areaY(curve, { x: "x", y: "density", fill: "#0072B2", fillOpacity: 0.25 }), Plot.lineY(curve, { x: "x", y: "density", stroke: "#0072B2" }), Plot.ruleX([edit.value], { stroke: "#D55E00" })],
  });
}

/**
 * One assumption's prior editor: centre, the prior's shape parameters, fixed or not, its density,
 * one error line. `onChange(undefined)` goes back to the scenario's own prior.
 */
export function priorEditor(entry: AssumptionEntry, current: PriorEdit | undefined, lang: Lang, onChange: (edit: PriorEdit | undefined) => void): HTMLElement {
  const now = current ?? { value: entry.value, prior: entry.prior };
  const dist = now.prior.dist === "fixed" ? entry.prior.dist : now.prior.dist;
  const shapeOf = (d: typeof dist) => (now.prior.dist === d ? now.prior : entry.prior) as unknown as Record<string, number>;
  const error = errorLine();
  const centre = el("input", { type: "text", value: fmt(now.value), name: `${entry.name}.value` });
  centre.setAttribute("aria-label", `${entry.name} ${t({ zh: "中心（点值）", en: "centre (point value)" }, lang)}`);
  centre.style.cssText = "width: 7em;";
  const fixed = el("input", { type: "checkbox", checked: now.prior.dist === "fixed", disabled: entry.prior.dist === "fixed" });
  const shape: Record<string, HTMLInputElement> = {};
  const shapeBox = el("span");
  for (const { key, name } of SHAPE[dist]) {
    const i = el("input", { type: "text", value: fmt(shapeOf(dist)[key] ?? NaN), name: `${entry.name}.prior.${key}`, disabled: now.prior.dist === "fixed" });
    i.setAttribute("aria-label", `${entry.name} ${t(name, lang)}`);
    i.style.cssText = "width: 6em;";
    shape[key] = i;
    shapeBox.append(el("label", {}, ` ${t(name, lang)} `, i));
  }
  const read = () => {
    const r = readPriorForm(entry.name, now, { fixed: fixed.checked, dist, centre: centre.value, shape: Object.fromEntries(Object.entries(shape).map(([k, i]) => [k, i.value])) });
    error.textContent = r.error ? t(r.error, lang) : "";
    return r;
  };
  for (const i of [centre, ...Object.values(shape)]) {
    i.addEventListener("input", read);
    i.addEventListener("change", () => {
      const r = read();
      if (r.edit) onChange(r.edit);
    });
  }
  fixed.addEventListener("change", () => {
    const r = fixed.checked ? read() : { edit: { value: now.value, prior: entry.prior }, error: null };
    if (r.edit) onChange(r.edit);
  });
  const edited = current !== undefined;
  const box = el("div", { className: `prior-editor${edited ? " changed" : ""}` });
  box.style.cssText = `display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; align-items: center; margin: 0.5rem 0; padding: 0.2rem 0.4rem; border-left: 3px solid ${edited ? "#E69F00" : "transparent"};`;
  const text = el("div");
  text.style.cssText = "flex: 1 1 18rem; min-width: 0; overflow-wrap: anywhere;";
  text.append(
    el("strong", {}, entry.label ? t(entry.label, lang) : entry.name),
    " ",
    el("code", {}, entry.name),
    el("br"),
    el("label", {}, `${t({ zh: "中心（点值）", en: "centre (point value)" }, lang)} `, centre),
    shapeBox,
    " ",
    el("label", {}, fixed, t({ zh: " 固定值（不抽样）", en: " fixed value (not sampled)" }, lang)),
    el("br"),
    el("span", { className: "muted" }, `${priorText(now.prior, lang)}${edited ? t({ zh: `（原为 ${priorText(entry.prior, "zh")}，点值 ${fmt(entry.value)}）`, en: ` (was ${priorText(entry.prior, "en")}, point value ${fmt(entry.value)})` }, lang) : ""}`),
    error,
  );
  if (edited) {
    const reset = el("button", { type: "button" }, t({ zh: "恢复", en: "Reset" }, lang));
    reset.onclick = () => onChange(undefined);
    text.append(reset);
  }
  box.append(text, el("div", {}, densityPlot(now, lang)));
  return box;
}
