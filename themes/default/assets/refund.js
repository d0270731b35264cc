// Refund statement page: print the form, write the amount claimed in
// words, and let textareas grow so that everything typed is printed. No
// network.
(function () {
  "use strict";

  // The amount claimed, in words, as the client types it (words.js,
  // the same tables as oferta calc). Empty or unreadable: the line stays
  // blank, for a hand on paper.
  var amountInput = document.getElementById("st-amount");
  var amountWords = document.getElementById("st-amount-words");
  if (amountInput && amountWords && window.OfertaWords) {
    var digits = parseInt(amountWords.getAttribute("data-digits"), 10);
    var update = function () {
      var plain = window.OfertaWords.parse(amountInput.value, digits);
      var text = "";
      if (plain !== null) {
        try {
          text = window.OfertaWords.amount(plain, amountWords.getAttribute("data-lang"), amountWords.getAttribute("data-currency"), digits);
        } catch (e) {
          text = "";
        }
      }
      amountWords.textContent = text;
      if (amountInput.value.trim() !== "" && text === "") {
        amountInput.setAttribute("aria-invalid", "true");
      } else {
        amountInput.removeAttribute("aria-invalid");
      }
    };
    amountInput.addEventListener("input", update);
    update();
  }

  var printButtons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(printButtons, function (button) {
    if (typeof window.print !== "function") {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  // A textarea prints only its visible box: grow it to fit its text where
  // the browser cannot do it with CSS (field-sizing: content).
  if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) {
    return;
  }
  function grow(area) {
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }
  var areas = document.querySelectorAll(".statement textarea");
  Array.prototype.forEach.call(areas, function (area) {
    area.addEventListener("input", function () {
      grow(area);
    });
    if (area.value) {
      grow(area);
    }
  });
})();
