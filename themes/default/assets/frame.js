// Any page of the site may be shown in an <iframe> on another site (a
// Tilda, WordPress or GetCourse sales page): the contract, the FAQ, the
// statement, the calculator widget. In a frame, and only there, this
// script marks the page (style.css then hides the site's header; the
// footer with the seller and the withdrawal link stays), opens links to other pages in a new tab instead of inside the
// frame, and tells the page around it how tall it is whenever that
// changes, so that the frame fits without a scroll bar. Only the height is
// sent: nothing of what a client types leaves the frame.
(function () {
  "use strict";
  if (window.parent === window) return;
  document.documentElement.classList.add("in-frame");
  var links = document.querySelectorAll("a[href]");
  for (var i = 0; i < links.length; i++) {
    var a = links[i];
    if (a.getAttribute("href").charAt(0) === "#") continue; // stays in the page
    a.target = "_blank";
    a.rel = "noopener";
  }
  var last = 0;
  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    window.parent.postMessage({ oferta: "resize", height: h }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  send();
})();
