// The "Print or save as PDF" button of the contract: shown only where
// JavaScript runs and the browser can print; the print stylesheet hides
// it on paper.
(function () {
  "use strict";
  if (typeof window.print !== "function") {
    return;
  }
  var buttons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
