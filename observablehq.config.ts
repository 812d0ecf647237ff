// Observable Framework configuration for Puhui Workbench (普惠保障工作台).
// Offline by design: no web fonts (globalStylesheets: []), no DuckDB extensions downloaded, and
// every npm: import served from the cache that scripts/fill-npm-cache.ts fills (see docs/offline-build.md).
// Language switch: an inline boot script in <head> (Chinese default, ?lang=en, remembered in
// localStorage) and two buttons in the header — see src/components/lang-boot.ts and i18n.ts.
// Scheme pages: one parameterised page loader (src/schemes/[scheme].md.ts) renders every scheme in
// the registry; the sidebar lists them in registry order with their page.yaml titles. Nothing here
// names a scheme. Their cached Markdown is dropped before every dev, start and build by
// scripts/fill-npm-cache.ts (the npm pre* step), not here: loading this config has no side effect.
import { LANG_BOOT_SCRIPT, LANG_SWITCH_HEADER } from "./src/components/lang-boot.js";
import { readSchemePage } from "./src/data/scheme-page/page.js";
import { schemes } from "./src/schemes/index.js";

const schemePages = schemes.map((s) => {
  const title = readSchemePage(s.id).title;
  const name = title ? `${title.zh} ${title.en}` : `${s.name.zh} ${s.name.en}`;
  return { name, path: `/schemes/${s.id}` };
});

export default {
  title: "普惠保障工作台 Puhui Workbench",
  root: "src",
  output: "dist",
  pages: [
    { name: "概览 Overview", path: "/" },
    {
      name: "方案 Schemes",
      open: true,
      pages: schemePages,
    },
    {
      name: "情景 Scenarios",
      open: true,
      pages: [
        { name: "新就业形态劳动者 New-form workers", path: "/national" },
        { name: "姜山镇高龄老人 Jiangshan 80+", path: "/scenarios/jiangshan-80plus" },
        { name: "对比 Compare", path: "/compare" },
        { name: "我的情景 My scenario", path: "/my-scenario" },
        { name: "保费实验室 Premium lab", path: "/premium-lab" },
        { name: "参数扫描 Sweeps", path: "/sweeps" },
      ],
    },
    { name: "校准 Calibration", path: "/calibration" },
    { name: "SQL 查询 SQL", path: "/sql" },
    { name: "方法 Methods", path: "/methods" },
  ],
  dynamicPaths: schemePages.map((p) => p.path),
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
  footer: '<span lang="zh-CN">普惠保障工作台 — 每个数字都注明来源行，或标为假设。</span><span lang="en">Puhui Workbench — figures cite their source line or are labelled assumptions.</span>',
};
