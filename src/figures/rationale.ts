/**
 * The rationale an assumption taken from a sourced figure carries (src/sim/resolve.ts), in both
 * languages: an assumed figure's note (data/assumptions/*.csv, `note` / `note_zh`), or a source
 * figure's quantity, date, place and citation. The English text is the one the CLI has always
 * written; pages pick the language.
 */
import type { Bilingual } from "../vocabulary/text.js";
import { figureSource, type Figure } from "./figures.js";

/** Places in the figures' `geography` column, in Chinese; a place not listed is shown as written. */
const GEOGRAPHY_ZH: Record<string, string> = {
  China: "全国",
  Ningbo: "宁波",
  Urumqi: "乌鲁木齐",
  "Jiangshan town, Ningbo": "宁波姜山镇",
  Guangdong: "广东",
  Shanghai: "上海",
  Hangzhou: "杭州",
  Guangzhou: "广州",
  "China (惠民保)": "全国(惠民保)",
  "China (17 provinces; 11 platforms)": "全国(17 个省份、11 家平台)",
};

export function geographyZh(geography: string): string {
  return GEOGRAPHY_ZH[geography] ?? geography;
}

export function figureRationale(f: Figure): Bilingual {
  if (f.kind === "assumption") {
    return { en: `assumption: ${f.note} — data/${f.id}`, zh: `假设：${f.note_zh || f.note} — data/${f.id}` };
  }
  return {
    en: `${f.quantity}, ${f.date}, ${f.geography}: ${figureSource(f, "en")} (${f.source_ref})`,
    zh: `${f.quantity_zh}，${f.date}，${geographyZh(f.geography)}：${figureSource(f, "zh")} (${f.source_ref})`,
  };
}
