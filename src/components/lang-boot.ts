/**
 * The language switch's boot script, inlined into every page's <head> by observablehq.config.ts
 * (a classic script, so it runs before the page paints and works on every page, whatever it
 * imports). It
 * - picks the language: `?lang=` in the URL, else localStorage, else Chinese;
 * - sets `<html lang="zh-CN"|"en" data-lang="zh"|"en">` (CSS hides the other language's spans);
 * - wires every `[data-set-lang]` button (the header's switch): a click stores the choice in the
 *   URL (history.replaceState, other parameters kept) and in localStorage, marks the pressed
 *   button (aria-pressed) and fires the `puhui:lang` event that i18n.ts's `observeLang` listens to;
 * - once the document is parsed, copies each heading's paired spans into its table-of-contents
 *   link (Framework writes the TOC from the heading's plain text, which would show both languages),
 *   labels the TOC 目录 / Contents, and splits each bilingual page name of the config ("概览 Overview":
 *   Chinese, a space, then English starting with a Latin letter and without Han characters, so
 *   "沪惠保 2021 Huhuibao 2021" splits after "2021") in the sidebar and the pager into the paired
 *   spans, so each language shows its own half (the pager's "Previous/Next page" is localised in
 *   src/style.css).
 * - a `?lang=` that is neither zh nor en is not dropped silently: a one-line note atop the page
 *   names the parameter, the bad value, the allowed values and the language used instead (it goes
 *   away once a language is picked).
 * Exposes `window.puhuiSetLang(lang)` for i18n.ts's `setLang`.
 * Plain ES5 text (not a function's toString(), which a TS loader might decorate).
 */
export const LANG_PARAM = "lang";
export const LANG_STORAGE_KEY = "puhui.lang";
export const LANG_EVENT = "puhui:lang";

export const LANG_BOOT_SCRIPT = `(function () {
  var P = ${JSON.stringify(LANG_PARAM)}, K = ${JSON.stringify(LANG_STORAGE_KEY)}, E = ${JSON.stringify(LANG_EVENT)};
  var root = document.documentElement;
  function norm(v) { return v === "en" ? "en" : v === "zh" || v === "zh-CN" ? "zh" : null; }
  var lang = null, raw = null;
  try { raw = new URLSearchParams(location.search).get(P); lang = norm(raw); } catch (e) {}
  if (!lang) { try { lang = norm(localStorage.getItem(K)); } catch (e) {} }
  lang = lang || "zh";
  function apply(l) {
    root.lang = l === "zh" ? "zh-CN" : "en";
    root.setAttribute("data-lang", l);
    var buttons = document.querySelectorAll("[data-set-lang]");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-set-lang") === l));
  }
  function set(l) {
    l = norm(l);
    if (!l) return;
    lang = l;
    var old = document.querySelector(".lang-note");
    if (old && old.parentNode) old.parentNode.removeChild(old);
    apply(l);
    try { var u = new URL(location.href); u.searchParams.set(P, l); history.replaceState(history.state, "", u); } catch (e) {}
    try { localStorage.setItem(K, l); } catch (e) {}
    window.dispatchEvent(new CustomEvent(E, { detail: l }));
  }
  window.puhuiSetLang = set;
  apply(lang);
  document.addEventListener("click", function (event) {
    var b = event.target && event.target.closest ? event.target.closest("[data-set-lang]") : null;
    if (b) set(b.getAttribute("data-set-lang"));
  });
  function langNote() {
    if (raw === null || norm(raw) || document.querySelector(".lang-note")) return;
    var main = document.querySelector("#observablehq-main, main");
    if (!main) return;
    var box = document.createElement("p");
    box.className = "url-notes lang-note";
    box.setAttribute("role", "status");
    var q = JSON.stringify(raw);
    var zh = document.createElement("span");
    zh.lang = "zh-CN";
    zh.textContent = "链接参数 " + P + "=" + q + " 不是 zh 或 en；已改用 " + lang;
    var en = document.createElement("span");
    en.lang = "en";
    en.textContent = "URL parameter " + P + "=" + q + " is not zh or en; using " + lang + " instead";
    box.appendChild(zh);
    box.appendChild(en);
    main.insertBefore(box, main.firstChild);
  }
  function pair(el, zhText, enText) {
    el.textContent = "";
    var zh = document.createElement("span");
    zh.lang = "zh-CN";
    zh.textContent = zhText;
    var en = document.createElement("span");
    en.lang = "en";
    en.textContent = enText;
    el.appendChild(zh);
    el.appendChild(en);
  }
  var BILINGUAL = /^(.*[\\u3400-\\u9fff][^A-Za-z]*?)\\s+([A-Za-z][^\\u3400-\\u9fff]*)$/;
  function splitNames() {
    var label = document.querySelector("#observablehq-toc nav > div");
    if (label && !label.querySelector("[lang]")) pair(label, "目录", "Contents");
    var names = document.querySelectorAll("#observablehq-sidebar a, #observablehq-sidebar summary, #observablehq-footer nav a span");
    for (var i = 0; i < names.length; i++) {
      var el = names[i];
      if (el.childNodes.length !== 1 || el.firstChild.nodeType !== 3) continue;
      var m = BILINGUAL.exec(el.textContent.replace(/^\\s+|\\s+$/g, ""));
      if (m) pair(el, m[1], m[2]);
    }
  }
  function tidyToc() {
    apply(lang);
    langNote();
    splitNames();
    var links = document.querySelectorAll("#observablehq-toc a[href^='#']");
    for (var i = 0; i < links.length; i++) {
      var h = document.getElementById(decodeURIComponent(links[i].getAttribute("href").slice(1)));
      if (!h || !h.querySelector("[lang]")) continue;
      var spans = h.querySelectorAll("[lang]");
      links[i].textContent = "";
      for (var j = 0; j < spans.length; j++) links[i].appendChild(spans[j].cloneNode(true));
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", tidyToc);
  else tidyToc();
})();`;

/** The header: site title and the two language buttons (keyboard: Tab, Enter/Space). */
export const LANG_SWITCH_HEADER = `<div class="puhui-header">
<a class="puhui-header-title" href="/"><span lang="zh-CN">普惠保障工作台</span><span lang="en">Puhui Workbench</span></a>
<div class="lang-switch" role="group" aria-label="语言 Language">
<button type="button" data-set-lang="zh" lang="zh-CN" aria-pressed="true">中文</button>
<button type="button" data-set-lang="en" lang="en" aria-pressed="false">English</button>
</div>
</div>`;
