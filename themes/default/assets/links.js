// Links between pages name folders ("smm/oferta/"), which a web server
// answers with the folder's index.html. Opened from disk (file:), a
// browser shows the folder's listing instead; there, and only there, this
// script points such links at the folder's index.html. Over http(s) it
// does nothing, so the published addresses stay as they are.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  function fix(a) {
    var href = a.getAttribute("href");
    // Other schemes (https:, mailto:), fragments and absolute paths are
    // left alone: only relative links between the site's pages change.
    if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || /^[#\/]/.test(href)) return;
    var m = /^([^?#]*)(.*)$/.exec(href);
    var path = m[1];
    if (/(^|\/)\.\.?$/.test(path)) path += "/";
    if (path.slice(-1) !== "/") return;
    a.setAttribute("href", path + "index.html" + m[2]);
  }
  var links = document.querySelectorAll("a[href]");
  for (var i = 0; i < links.length; i++) fix(links[i]);
  // Links a page adds later are fixed when they are followed.
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
    if (a) fix(a);
  }, true);
})();
