// oferta serve: reload on change, an overlay with the errors of a bad
// edit, and a panel with the page's lint findings. The preview server adds
// this script to the pages it serves; built sites never carry it.
(function () {
  "use strict";
  var me = document.getElementById("oferta-reload");
  var version = me ? me.getAttribute("data-version") : "";
  var shown = "", dismissed = "";
  var style = document.createElement("style");
  style.textContent =
    "#oferta-overlay{position:fixed;inset:0;z-index:2147483646;background:rgba(20,20,20,.72);overflow:auto;font:14px/1.45 system-ui,sans-serif}" +
    "#oferta-overlay>div{max-width:52em;margin:4em auto;background:#fff;color:#111;border-top:6px solid #c62828;padding:1.2em 1.5em;border-radius:4px}" +
    "#oferta-overlay h2{margin:0 0 .6em;font-size:1.15em;color:#c62828}" +
    "#oferta-overlay button{float:right;font:inherit;border:0;background:none;font-size:1.4em;cursor:pointer}" +
    "#oferta-overlay li,#oferta-findings li{margin:.4em 0}" +
    "#oferta-overlay code,#oferta-findings code{font:12px/1.4 ui-monospace,monospace;background:#f3f3f3;padding:0 .25em}" +
    "#oferta-findings{position:fixed;right:1em;bottom:1em;z-index:2147483645;max-width:36em;max-height:50vh;overflow:auto;background:#fff;color:#111;border:1px solid #bbb;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.2);font:13px/1.4 system-ui,sans-serif;padding:.3em .7em}" +
    "#oferta-findings summary{cursor:pointer;font-weight:600}" +
    "#oferta-findings .error{color:#c62828}#oferta-findings .warning{color:#a15c00}" +
    "@media print{#oferta-overlay,#oferta-findings{display:none}}";
  (document.head || document.documentElement).appendChild(style);

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function where(p) {
    if (!p.file) return "";
    return p.line ? p.file + ":" + p.line + ":" + (p.col || 1) : p.file;
  }
  function item(p, sev) {
    var li = el("li");
    var at = where(p);
    if (sev) li.appendChild(el("span", sev + " ", sev));
    if (at) { li.appendChild(el("code", at)); li.appendChild(document.createTextNode(" ")); }
    li.appendChild(document.createTextNode(p.message + (p.rule ? " [" + p.rule + "]" : "")));
    return li;
  }

  function overlay(st) {
    var key = JSON.stringify([st.errors, st.busy || ""]);
    var old = document.getElementById("oferta-overlay");
    if ((!st.errors.length && !st.busy) || key === dismissed) { if (old) old.remove(); shown = ""; return; }
    if (old && key === shown) return;
    if (old) old.remove();
    shown = key;
    var box = el("div"), list = el("ul"), close = el("button", "\u00d7");
    close.title = "Hide until the errors change";
    close.onclick = function () { dismissed = key; o.remove(); };
    box.appendChild(close);
    box.appendChild(el("h2", st.busy ? st.busy : st.draft ?
      "This is a DRAFT: the site has errors. Fix them and the page updates by itself." :
      "Showing the last good version: fix these errors to see your changes."));
    st.errors.forEach(function (p) { list.appendChild(item(p)); });
    box.appendChild(list);
    var o = el("div");
    o.id = "oferta-overlay";
    o.setAttribute("role", "alert");
    o.appendChild(box);
    document.body.appendChild(o);
  }

  function panel(st) {
    var old = document.getElementById("oferta-findings");
    var d = el("details");
    d.id = "oferta-findings";
    d.open = sessionStorage.getItem("oferta-findings") === "open";
    d.addEventListener("toggle", function () { sessionStorage.setItem("oferta-findings", d.open ? "open" : ""); });
    var errs = 0, warns = 0, list = el("ul");
    st.findings.forEach(function (f) {
      if (f.severity === "error") errs++; else warns++;
      list.appendChild(item(f, f.severity));
    });
    var what = st.course ? "Lint for " + st.course : "Lint";
    var sum = el("summary", st.findings.length ?
      what + ": " + errs + (errs === 1 ? " error, " : " errors, ") + warns + (warns === 1 ? " warning" : " warnings") :
      what + ": no findings");
    // After a clause edit the page shows the change at once while the
    // whole site is linted behind: say which of the two the panel is.
    var state = el("span", st.lint === "checking" ? " \u00b7 lint: checking\u2026" : " \u00b7 lint: up to date", "oferta-lint-state");
    state.setAttribute("data-lint", st.lint || "");
    sum.appendChild(state);
    d.appendChild(sum);
    d.appendChild(list);
    if (old) old.replaceWith(d); else document.body.appendChild(d);
  }

  function check() {
    fetch("/_oferta/status?page=" + encodeURIComponent(location.pathname), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (st) {
        if (st.version !== version) { location.reload(); return; }
        overlay(st);
        panel(st);
        document.documentElement.setAttribute("data-oferta-live", String(st.gen));
      })
      .catch(function () {});
  }

  var es = new EventSource("/_oferta/events");
  ["hello", "reload", "status"].forEach(function (name) { es.addEventListener(name, check); });
})();
