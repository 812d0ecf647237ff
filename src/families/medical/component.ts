/**
 * One cost component's trace lines: a claim field (元 in a policy year, after exclusions) paid
 * above its deductible at a flat rate — 工惠保: (48.81万 − 2万) × 75 % (seed 002 l.100) — or in
 * bands with their own rates, which may differ by pre-existing status — 天一甬宁保 2024: 30 % in
 * 6000–20000 元, 60 % above (seed 003 l.59) — and up to the component's own cap if it has one
 * (proton/heavy-ion cover, an assumption of src/schemes/tianyi-yongningbao).
 */
import { band, fmt, mulRate } from "../../rules/money.js";
import { pct, type Bilingual, type ParameterTable } from "../../rules/parameter.js";
import type { TraceLine } from "../../rules/scheme.js";
import { pickRate } from "./rates.js";
import type { Band, Component } from "./spec.js";

export function componentRule(id: string, c: Component): string {
  return c.rule ?? `${id}.${c.field.name}`;
}

const withWho = (label: Bilingual, who: string | undefined): Bilingual => (who ? { zh: label.zh, en: `${label.en} (${who})` } : label);

/** A flat-rate component: one line, max(0, cost − deductible) × rate, capped by its own cap. */
function flatLine(id: string, c: Component, cost: number, preExisting: boolean | undefined, t: ParameterTable, date: string): TraceLine {
  const d = c.deductible === undefined ? undefined : t.v(c.deductible, date);
  const { path, who } = pickRate(c.rate!, preExisting);
  const r = t.v(path, date);
  const base = d === undefined ? cost : band(cost, d);
  const raw = mulRate(base, r);
  const cap = c.cap === undefined ? undefined : t.v(c.cap, date);
  const amount = cap === undefined ? raw : Math.min(raw, cap);
  const params = [...(c.deductible === undefined ? [] : [c.deductible]), path, ...(c.cap === undefined ? [] : [c.cap])];
  return {
    rule: componentRule(id, c),
    label: withWho(c.label ?? c.field.label, who),
    amount,
    params,
    get formula() {
      const inner = d === undefined ? `${fmt(cost)} × ${pct(r)}` : `max(0, ${fmt(cost)} − ${fmt(d)}) × ${pct(r)}`;
      return cap === undefined ? `${inner} = ${fmt(amount)}` : `min(${inner}, ${fmt(cap)}) = ${fmt(amount)}`;
    },
  };
}

/** One band: (min(cost, to) − from)⁺ × rate. */
function bandLine(rule: string, prefix: Bilingual | undefined, b: Band, cost: number, preExisting: boolean | undefined, t: ParameterTable, date: string): TraceLine {
  const lo = t.v(b.from, date);
  const hi = b.to === undefined ? undefined : t.v(b.to, date);
  const { path, who } = pickRate(b.rate, preExisting);
  const r = t.v(path, date);
  const base = band(cost, lo, hi);
  const amount = mulRate(base, r);
  const zh = hi === undefined ? `${fmt(lo)}元以上部分` : `${fmt(lo)}–${fmt(hi)}元段`;
  const en = (hi === undefined ? `above ${fmt(lo)} 元` : `band ${fmt(lo)}–${fmt(hi)} 元`) + (who ? ` (${who})` : "");
  return {
    rule,
    label: prefix ? { zh: `${prefix.zh}${zh}`, en: `${prefix.en}, ${en}` } : { zh, en },
    amount,
    params: hi === undefined ? [b.from, path] : [b.from, b.to!, path],
    get formula() {
      const part = hi === undefined ? `(${fmt(cost)} − ${fmt(lo)})⁺` : `(min(${fmt(cost)}, ${fmt(hi)}) − ${fmt(lo)})⁺`;
      return `${part} × ${pct(r)} = ${fmt(base)} × ${pct(r)} = ${fmt(amount)}`;
    },
  };
}

/** The line taking a total down to a cap, when the total exceeds it. */
export function capLine(rule: string, label: Bilingual, path: string, total: number, cap: number): TraceLine {
  return {
    rule,
    label,
    amount: cap - total,
    params: [path],
    get formula() {
      return `min(${fmt(total)}, ${fmt(cap)}) − ${fmt(total)} = ${fmt(cap - total)}`;
    },
  };
}

/** The component's lines for a cost (元, after exclusions). */
export function componentLines(id: string, c: Component, cost: number, preExisting: boolean | undefined, t: ParameterTable, date: string): TraceLine[] {
  if (!c.bands) return [flatLine(id, c, cost, preExisting, t, date)];
  const rule = componentRule(id, c);
  const lines: TraceLine[] = [];
  for (let i = 0; i < c.bands.length; i++) {
    const b = c.bands[i]!;
    lines.push(bandLine(b.rule ?? `${rule}.band${i + 1}`, c.label, b, cost, preExisting, t, date));
  }
  if (c.cap !== undefined) {
    const cap = t.v(c.cap, date);
    let total = 0;
    for (const l of lines) total += l.amount;
    if (total > cap) lines.push(capLine(`${rule}.cap`, { zh: "超出本项最高赔付", en: "above this component's maximum" }, c.cap, total, cap));
  }
  return lines;
}
