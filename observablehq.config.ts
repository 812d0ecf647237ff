// Observable Framework configuration for Puhui Workbench (普惠保障工作台).
// Offline by design: no web fonts (globalStylesheets: []), no DuckDB extensions downloaded, and
// every npm: import served from the cache that scripts/fill-npm-cache.ts fills (see docs/offline-build.md).
export default {
  title: "普惠保障工作台 Puhui Workbench",
  root: "src",
  output: "dist",
  pages: [{ name: "概览 Overview", path: "/" }],
  globalStylesheets: [],
  style: "style.css",
  search: false,
  linkify: true,
  typographer: false,
  preserveExtension: false,
  toc: true,
  duckdb: { extensions: { json: null, parquet: null } },
  head: '<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">',
  footer: "普惠保障工作台 Puhui Workbench — figures cite their source line or are labelled assumptions.",
};
