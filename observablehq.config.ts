// Observable Framework configuration for Puhui Workbench (普惠保障工作台).
// Offline by design: no web fonts (globalStylesheets: []), no DuckDB extensions downloaded, and
// every npm: import served from the cache that scripts/fill-npm-cache.ts fills (see docs/offline-build.md).
// Language switch: an inline boot script in <head> (Chinese default, ?lang=en, remembered in
// localStorage) and two buttons in the header — see src/components/lang-boot.ts and i18n.ts.
import { LANG_BOOT_SCRIPT, LANG_SWITCH_HEADER } from "./src/components/lang-boot.js";

export default {
  title: "普惠保障工作台 Puhui Workbench",
  root: "src",
  output: "dist",
  pages: [
    { name: "概览 Overview", path: "/" },
    {
      name: "方案 Schemes",
      open: true,
      pages: [
        { name: "灵活保 Linghuobao", path: "/schemes/linghuobao" },
        { name: "工惠保 Gonghuibao", path: "/schemes/gonghuibao" },
        { name: "天一甬宁保 Tianyi Yongningbao", path: "/schemes/tianyi-yongningbao" },
        { name: "乌鲁木齐补充工伤保险 Urumqi supplementary WII", path: "/schemes/urumqi-supplementary-wii" },
        { name: "单险种工伤保险 Single-type WII", path: "/schemes/single-type-wii" },
        { name: "职业伤害保障试点 Occupational-injury pilot", path: "/schemes/occupational-injury-pilot" },
        { name: "强制平台工伤保险(建议) Mandatory platform scheme (proposal)", path: "/schemes/platform-injury-mandatory" },
      ],
    },
    {
      name: "情景 Scenarios",
      open: true,
      pages: [
        { name: "新就业形态劳动者 New-form workers", path: "/national" },
        { name: "姜山镇高龄老人 Jiangshan 80+", path: "/scenarios/jiangshan-80plus" },
        { name: "对比 Compare", path: "/compare" },
        { name: "保费实验室 Premium lab", path: "/premium-lab" },
      ],
    },
    { name: "校准 Calibration", path: "/calibration" },
    { name: "SQL 查询 SQL", path: "/sql" },
    { name: "方法 Methods", path: "/methods" },
  ],
  globalStylesheets: [],
  style: "style.css",
  search: false,
  linkify: true,
  typographer: false,
  preserveExtension: false,
  toc: true,
  duckdb: { extensions: { json: null, parquet: null } },
  head: `<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,"><script>${LANG_BOOT_SCRIPT}</script>`,
  header: LANG_SWITCH_HEADER,
  footer: "普惠保障工作台 Puhui Workbench — figures cite their source line or are labelled assumptions.",
};
