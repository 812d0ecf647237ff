/** The site's page paths, read from observablehq.config.ts so a new page is tested automatically. */
import config from "../../observablehq.config.js";

interface PageEntry {
  name: string;
  path?: string;
  pages?: PageEntry[];
}

export function sitePages(): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  const walk = (entries: PageEntry[]) => {
    for (const e of entries) {
      if (e.path) out.push({ name: e.name, path: e.path });
      if (e.pages) walk(e.pages);
    }
  };
  walk(config.pages as PageEntry[]);
  return out;
}

export function screenshotName(path: string, suffix = "desktop"): string {
  const slug = path === "/" ? "index" : path.replace(/^\//, "").replace(/\//g, "_");
  return `${slug}.${suffix}.png`;
}
