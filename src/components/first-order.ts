/**
 * Zhejiang's "first order" (首接单) rule on a timeline: a worker's overlapping orders as bars, the
 * injury time as a rule, and the platform the rules module (`liablePlatform`, seed 001 l.127–135)
 * makes liable highlighted. The orders are an illustration, not data; the liability is computed.
 */
import * as Plot from "npm:@observablehq/plot";
import { liablePlatform, parseTasks, type Liability } from "../rules/index.js";
import type { Lang } from "./i18n.js";
import { codecs, fallbackNote, notesBox, replaceParams } from "./url-state.js";

export interface Order {
  platform: string;
  label: { zh: string; en: string };
  /** Minutes after midnight, local time of the example day. */
  accepted: number;
  completed: number;
}

/** The illustrative day: one worker, three platforms, orders that overlap. */
export const EXAMPLE_DAY = "2024-05-01";
export const EXAMPLE_ORDERS: readonly Order[] = [
  { platform: "A", label: { zh: "平台甲", en: "Platform A" }, accepted: 12 * 60 + 3, completed: 12 * 60 + 40 },
  { platform: "B", label: { zh: "平台乙", en: "Platform B" }, accepted: 12 * 60 + 15, completed: 12 * 60 + 55 },
  { platform: "C", label: { zh: "平台丙", en: "Platform C" }, accepted: 12 * 60 + 50, completed: 13 * 60 + 20 },
];
export const TIMELINE = { from: 12 * 60, to: 13 * 60 + 30 };

/** "12:03" for 723 minutes. */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** "12:30" → 750; undefined for anything else. */
export function parseClock(raw: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** The orders active at `injury` (accepted ≤ injury < completed) and the liable platform. */
export function liabilityAt(orders: readonly Order[], injury: number): { active: Order[]; liability: Liability } {
  const active = orders.filter((o) => o.accepted <= injury && injury < o.completed);
  const tasks = parseTasks(active.map((o) => ({ platform: o.platform, acceptedAt: `${EXAMPLE_DAY}T${clock(o.accepted)}:00+08:00` })));
  return { active, liability: liablePlatform(tasks) };
}

export type OrderRow = { platform: string; name: string; accepted: string; completed: string; active: boolean; liable: boolean };

/** Rows for the chart and its CSV. */
export function orderRows(orders: readonly Order[], injury: number, lang: Lang): OrderRow[] {
  const { active, liability } = liabilityAt(orders, injury);
  return orders.map((o) => ({
    platform: o.platform,
    name: o.label[lang],
    accepted: clock(o.accepted),
    completed: clock(o.completed),
    active: active.includes(o),
    liable: liability.platform === o.platform,
  }));
}

/** The liability in a sentence. */
export function liabilitySentence(orders: readonly Order[], injury: number, lang: Lang): string {
  const { active, liability } = liabilityAt(orders, injury);
  const name = (p: string) => orders.find((o) => o.platform === p)?.label[lang] ?? p;
  const zh = lang === "zh";
  const t = clock(injury);
  switch (liability.rule) {
    case "no-task":
      return zh ? `${t} 受伤时没有进行中的订单：没有平台承担责任。` : `At ${t} no order was active: no platform is liable.`;
    case "single-task":
      return zh ? `${t} 受伤时只有一单进行中：由派单的${name(liability.platform)}承担全责。` : `At ${t} one order was active: the dispatching ${name(liability.platform)} is liable.`;
    case "first-order": {
      const first = active.find((o) => o.platform === liability.platform)!;
      return zh
        ? `${t} 受伤时有 ${active.length} 单同时进行：按接单时间，最先接单(${clock(first.accepted)})的${name(liability.platform)}承担责任。`
        : `At ${t}, ${active.length} orders were active: the platform whose order was accepted first (${clock(first.accepted)}), ${name(liability.platform)}, is liable.`;
    }
    case "tie":
      return zh ? `${t} 受伤时多单同一时刻接单：首接单规则无法判定。` : `At ${t} several orders were accepted at the same moment: the first-order rule does not decide.`;
  }
}

/** The timeline chart. */
export function firstOrderChart(orders: readonly Order[], injury: number, lang: Lang, width: number): SVGSVGElement | HTMLElement {
  const rows = orderRows(orders, injury, lang);
  const zh = lang === "zh";
  const status = (r: OrderRow) => (r.liable ? (zh ? "承担责任" : "liable") : r.active ? (zh ? "进行中" : "active") : zh ? "未进行" : "not active");
  const data = rows.map((r, i) => ({ ...r, from: orders[i]!.accepted, to: orders[i]!.completed, status: status(r), y: `${r.name} · ${r.accepted}–${r.completed}` }));
  return Plot.plot({
    width,
    height: 60 + 46 * data.length,
    marginLeft: 22,
    marginRight: 22,
    marginTop: 24,
    ariaLabel: zh ? "订单时间线与受伤时刻" : "orders timeline and the injury time",
    x: { domain: [TIMELINE.from, TIMELINE.to], tickFormat: clock, ticks: width < 500 ? 4 : 7, label: zh ? "时刻" : "time", labelAnchor: "right" },
    y: { domain: data.map((d) => d.y), axis: null, paddingInner: 0 },
    color: {
      domain: zh ? ["承担责任", "进行中", "未进行"] : ["liable", "active", "not active"],
      range: ["#D55E00", "#0072B2", "#BBBBBB"],
    },
    marks: [
      Plot.barX(data, { y: "y", x1: "from", x2: "to", fill: "status", insetTop: 22, insetBottom: 4, title: (d: (typeof data)[number]) => `${d.y}: ${d.status}` }),
      Plot.text(data, { y: "y", x: TIMELINE.from, text: (d: (typeof data)[number]) => `${d.liable ? "▶ " : ""}${d.y} — ${d.status}`, textAnchor: "start", dx: 2, dy: -10, fontSize: 12 }),
      Plot.ruleX([injury], { stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.text([injury], { x: (d: number) => d, frameAnchor: "top", dy: -14, text: (d: number) => (zh ? `受伤 ${clock(d)}` : `injury ${clock(d)}`), fontWeight: 600, fontSize: 12 }),
    ],
  }) as SVGSVGElement | HTMLElement;
}

/**
 * A slider for the injury time (arrow keys move it a minute), kept in the URL as `injuryAt=HH:MM`;
 * a bad value in the URL falls back to the default with a note. `value` is minutes after midnight.
 */
export function injuryTimeInput(fallback = 12 * 60 + 30): HTMLElement & { value: number } {
  const raw = new URLSearchParams(location.search).get("injuryAt");
  const parsed = raw === null ? undefined : parseClock(raw);
  const ok = parsed !== undefined && parsed >= TIMELINE.from && parsed <= TIMELINE.to;
  let value = ok ? parsed! : fallback;
  const form = document.createElement("form") as unknown as HTMLFormElement & { value: number };
  form.className = "injury-time";
  form.addEventListener("submit", (e) => e.preventDefault());
  const label = document.createElement("label");
  label.htmlFor = "injury-time";
  const zh = document.createElement("span");
  zh.lang = "zh-CN";
  zh.textContent = "受伤时刻 ";
  const en = document.createElement("span");
  en.lang = "en";
  en.textContent = "Injury time ";
  label.append(zh, en);
  const input = document.createElement("input");
  input.type = "range";
  input.id = "injury-time";
  input.min = String(TIMELINE.from);
  input.max = String(TIMELINE.to);
  input.step = "1";
  input.value = String(value);
  const output = document.createElement("output");
  output.htmlFor.add("injury-time");
  output.textContent = clock(value);
  input.setAttribute("aria-valuetext", clock(value));
  input.addEventListener("input", () => {
    const v = codecs.integer.parse(input.value);
    if (v === undefined) return;
    value = v;
    output.textContent = clock(v);
    input.setAttribute("aria-valuetext", clock(v));
    replaceParams({ injuryAt: v === fallback ? null : clock(v) });
  });
  Object.defineProperty(form, "value", { get: () => value });
  form.append(label, input, " ", output);
  if (raw !== null && !ok) {
    const range = `${clock(TIMELINE.from)}–${clock(TIMELINE.to)}`;
    const note = notesBox([fallbackNote("injuryAt", raw, { zh: `${range} 之间的时刻(HH:MM)`, en: `a time HH:MM from ${clock(TIMELINE.from)} to ${clock(TIMELINE.to)}` }, clock(fallback))]);
    if (note) form.append(note);
  }
  return form;
}
