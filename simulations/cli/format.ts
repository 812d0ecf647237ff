/** Number formats the CLI commands share (simulate, calibrate, sensitivity). */

/** Amounts as Chinese readers expect: 亿 (1e8) and 万 (1e4) when large, at most 2 decimals. */
export function wanYi(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "–";
  const trim = (v: number) => {
    const s = v.toFixed(2).replace(/\.?0+$/, "");
    return s === "-0" ? "0" : s;
  };
  const a = Math.abs(x);
  if (a >= 1e8) return `${trim(x / 1e8)} 亿`;
  if (a >= 1e4) return `${trim(x / 1e4)} 万`;
  return trim(x);
}
