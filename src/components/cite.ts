/**
 * "Cite this": a line with the app version (package.json, via the data loader src/data/app.json.ts),
 * the page's current URL (query parameters included, so the citation reproduces the view) and the
 * access date; and the "reproduce" snippet — the `puhui` commands that compute the same numbers
 * in a terminal for the calculator's current inputs.
 */
import type { Lang } from "./i18n.js";

/**
 * Chinese document titles quoted in English text. A title is a proper name: in English it is shown
 * as it is, with an English gloss, and marked `lang="zh"` (a quoted name, not text in the wrong
 * language — the e2e language check, test/e2e/readability.ts, skips it; plain `lang="zh"`, not the
 * language switch's `lang="zh-CN"`, which the stylesheet hides in English). Recognised: a title in
 * 《》 and a document number, issuer + 〔year〕 + number + 号 (e.g. 人社部发〔2025〕24号).
 */
export const CHINESE_TITLE = /《[^》]{1,60}》|[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号/g;

/** Escaped HTML of English text with each quoted Chinese title wrapped in `<cite lang="zh">`. */
export function markChineseTitles(html: string): string {
  return html.replace(CHINESE_TITLE, (title) => `<cite lang="zh">${title}</cite>`);
}

/** A regulation's name, "人社部发〔2025〕24号 (per-order contribution standards)" or "劳动法 (Labour Law) art. 15", split into its Chinese title, English gloss and the rest. */
export function splitRegulationName(name: string): { title: string; gloss: string | null; rest: string } {
  const m = /^(.*?[\u3400-\u9fff〕》）)][^(]*?) \(([A-Za-z][^()]*)\)(.*)$/s.exec(name);
  if (m) return { title: m[1]!, gloss: m[2]!, rest: m[3]! };
  return { title: name, gloss: null, rest: "" };
}

/**
 * A regulation's name for a page in `lang`: in English the Chinese title (marked `lang="zh"`) with
 * its English gloss; in Chinese the title alone ("art. 15" as "第 15 条").
 */
export function regulationName(name: string, lang: Lang): HTMLElement {
  const { title, gloss, rest } = splitRegulationName(name);
  const node = document.createElement("span");
  node.className = "regulation-name";
  const cite = document.createElement("cite");
  cite.textContent = title;
  if (lang === "en" && /[\u3400-\u9fff]/.test(title)) cite.lang = "zh";
  node.append(cite);
  if (lang === "en") node.append(gloss ? ` (${gloss})${rest}` : rest);
  else node.append(rest.replace(/^ arts?\. ([\d–, ]+)/, (_m, n: string) => ` 第 ${n.trim()} 条`));
  return node;
}

export interface AppInfo {
  name: string;
  version: string;
}

/** Today's date in the reader's time zone, YYYY-MM-DD. */
export function accessDate(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The citation text. */
export function citationText(app: AppInfo, title: string, url: string, date: string, lang: Lang): string {
  return lang === "zh"
    ? `普惠保障工作台 Puhui Workbench v${app.version}，《${title}》，${url}，访问日期 ${date}。`
    : `Puhui Workbench (普惠保障工作台) v${app.version}, “${title}”, ${url}, accessed ${date}.`;
}

/**
 * The "cite this" line. It follows the URL as inputs change it (re-read on every input, change
 * and language event) so the cited link always reproduces what is on screen.
 */
export function citeThis(app: AppInfo, title: string, lang: Lang): HTMLElement {
  const box = document.createElement("p");
  box.className = "cite-this";
  const head = document.createElement("strong");
  head.textContent = lang === "zh" ? "引用本页 " : "Cite this page ";
  const text = document.createElement("span");
  text.className = "cite-text";
  const update = () => {
    text.textContent = citationText(app, title, location.href, accessDate(), lang);
  };
  update();
  // Listeners stop once the cell that showed this line has been replaced (Framework re-runs it).
  let shown = false;
  const later = () =>
    setTimeout(() => {
      if (box.isConnected) {
        shown = true;
        update();
      } else if (shown) {
        for (const type of ["input", "change", "click"]) document.removeEventListener(type, later);
        window.removeEventListener("puhui:lang", later);
      }
    }, 0);
  for (const type of ["input", "change", "click"]) document.addEventListener(type, later);
  window.addEventListener("puhui:lang", later);
  box.append(head, text);
  return box;
}

/** Quotes a string for a POSIX shell: 'it'\''s'. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface ReproduceInput {
  scheme: string;
  person?: Record<string, unknown>;
  purchase?: Record<string, unknown>;
  claim?: Record<string, unknown>;
  date: string;
}

/** The `puhui quote` and `puhui benefit` commands for these inputs (see `puhui quote --help`). */
export function reproduceCommands({ scheme, person, purchase, claim, date }: ReproduceInput): string[] {
  const out: string[] = [];
  const personArg = person && Object.keys(person).length > 0 ? ` --person ${shellQuote(JSON.stringify(person))}` : "";
  if (purchase) {
    const keys = Object.keys(purchase);
    const purchaseArg =
      keys.length === 1 && keys[0] === "days"
        ? ` --days ${String(purchase["days"])}`
        : keys.length > 0
          ? ` --purchase ${shellQuote(JSON.stringify(purchase))}`
          : "";
    out.push(`npx puhui quote ${scheme}${personArg}${purchaseArg} --date ${date}`);
  }
  if (claim) out.push(`npx puhui benefit ${scheme} --claim ${shellQuote(JSON.stringify(claim))}${personArg} --date ${date}`);
  return out;
}

/** A code block with the commands and a copy button. */
export function reproduceSnippet(commands: readonly string[], lang: Lang): HTMLElement {
  const box = document.createElement("div");
  box.className = "reproduce";
  const pre = document.createElement("pre");
  const code = document.createElement("code");
  code.textContent = commands.join("\n");
  pre.append(code);
  const copy = document.createElement("button");
  copy.type = "button";
  copy.className = "copy-button";
  copy.textContent = lang === "zh" ? "复制命令" : "Copy commands";
  copy.addEventListener("click", () => {
    const done = () => (copy.textContent = lang === "zh" ? "已复制" : "Copied");
    if (navigator.clipboard) navigator.clipboard.writeText(code.textContent ?? "").then(done, () => (copy.textContent = lang === "zh" ? "请手动复制" : "Copy by hand"));
  });
  box.append(pre, copy);
  return box;
}
