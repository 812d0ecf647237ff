/**
 * Downloads for every chart: `downloadable(chart, data, name)` wraps a chart (a Plot SVG or a
 * figure holding one) with three small buttons —
 * - SVG: the chart's markup, standalone (xmlns added, text colour resolved so it does not depend
 *   on the page's CSS);
 * - PNG: the same SVG rasterised on a canvas at 2× (system fonts only: nothing is fetched);
 * - CSV: the chart's data (d3-dsv, columns in the order of the first row unless given).
 * Files are named `<name>.svg|png|csv`.
 */
import { csvFormat } from "npm:d3-dsv";

export type Row = Record<string, unknown>;

/** The CSV text of `rows` (columns: `columns`, or the keys of the first row in order). */
export function toCsv(rows: readonly Row[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]!) : []);
  const plain = rows.map((r) => {
    const out: Record<string, string> = {};
    for (const c of cols) {
      const v = r[c];
      out[c] = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
    }
    return out;
  });
  return csvFormat(plain, cols as string[]);
}

/** A file-system-safe base name: "工惠保 payout" → "工惠保-payout". */
export function fileName(name: string): string {
  return name.trim().replace(/[\s/\\?%*:|"<>]+/g, "-").replace(/^-+|-+$/g, "") || "chart";
}

/** The main SVG of a chart (Plot returns an <svg>, or a <figure> when it has a legend or title). */
export function chartSvg(chart: Element): SVGSVGElement | null {
  if (chart instanceof SVGSVGElement) return chart;
  return chart.querySelector("svg[class^='plot']") ?? chart.querySelector("svg");
}

/** Standalone SVG markup of `svg`: namespaces, explicit size, resolved colour and font. */
export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  const box = svg.getBoundingClientRect();
  const width = svg.getAttribute("width") ?? String(Math.round(box.width) || 640);
  const height = svg.getAttribute("height") ?? String(Math.round(box.height) || 400);
  clone.setAttribute("width", width);
  clone.setAttribute("height", height);
  const style = getComputedStyle(svg);
  // currentColor and inherited fonts come from the page; pin them so the file looks the same alone.
  clone.style.color = style.color;
  clone.style.fontFamily = style.fontFamily;
  // Light text (dark theme) on a dark background, else dark text on white.
  clone.style.background = isLight(style.color) ? "#161616" : "white";
  return new XMLSerializer().serializeToString(clone);
}

function isLight(color: string): boolean {
  const m = color.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3) return false;
  const [r, g, b] = m.slice(0, 3).map(Number) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 160;
}

/** Saves a blob under `name` (a temporary <a download>). */
export function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Rasterises SVG markup to a PNG blob at `scale` × its size. */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.decoding = "sync";
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the chart's SVG could not be rasterised"));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas available");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
}

function button(text: string, title: string, onClick: () => void | Promise<void>): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.title = title;
  b.setAttribute("aria-label", title);
  b.addEventListener("click", () => {
    Promise.resolve(onClick()).catch((error: unknown) => {
      b.setAttribute("data-error", String(error));
      b.title = `${title}: ${String(error)}`;
    });
  });
  return b;
}

export interface DownloadableOptions {
  /** CSV columns (default: the keys of the first row). */
  columns?: readonly string[];
}

/**
 * The chart with SVG, PNG and CSV download buttons under it. `data` is what the chart draws;
 * `name` becomes the file name (without extension).
 */
export function downloadable(chart: Element, data: readonly Row[], name: string, options: DownloadableOptions = {}): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "downloadable";
  const base = fileName(name);
  const bar = document.createElement("div");
  bar.className = "download-buttons";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", `下载 download ${base}`);
  const markupOf = () => {
    const svg = chartSvg(chart);
    if (!svg) throw new Error("no SVG in the chart");
    return { svg, markup: svgMarkup(svg) };
  };
  bar.append(
    button("SVG", `下载 SVG download ${base}.svg`, () => {
      save(new Blob([markupOf().markup], { type: "image/svg+xml" }), `${base}.svg`);
    }),
    button("PNG", `下载 PNG download ${base}.png`, async () => {
      const { svg, markup } = markupOf();
      const w = Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
      const h = Number(svg.getAttribute("height")) || svg.getBoundingClientRect().height;
      save(await svgToPng(markup, w, h), `${base}.png`);
    }),
    button("CSV", `下载 CSV download ${base}.csv`, () => {
      // A byte-order mark so spreadsheet programs read the Chinese text as UTF-8.
      save(new Blob(["\ufeff", toCsv(data, options.columns)], { type: "text/csv;charset=utf-8" }), `${base}.csv`);
    }),
  );
  wrap.append(chart, bar);
  return wrap;
}
