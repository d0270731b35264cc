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

// The edition that binds a client is the one in force on the day they
// paid: the date of payment (or the list of editions) fills in the
// edition's date and permanent address. Printed blank, both stay blank.
(function () {
  "use strict";
  var pick = document.getElementById("st-edition-pick");
  var edition = document.getElementById("st-edition");
  var offer = document.getElementById("st-offer");
  var paidOn = document.getElementById("st-paid-on");
  if (!pick || !edition) {
    return;
  }
  var general = offer ? offer.value : "";
  function apply() {
    var opt = pick.options[pick.selectedIndex];
    if (!opt || !opt.value) {
      edition.value = "";
      if (offer) {
        offer.value = general;
      }
      return;
    }
    edition.value = opt.getAttribute("data-date");
    if (offer) {
      offer.value = opt.getAttribute("data-url");
    }
  }
  // isoDate reads 25.10.2026, 25/10/2026 or 2026-10-25; "" otherwise.
  function isoDate(text) {
    var m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
    if (m) {
      return m[1] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[3]).slice(-2);
    }
    m = /^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$/.exec(text);
    if (m) {
      return m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2);
    }
    return "";
  }
  function fromDate() {
    var day = isoDate(paidOn.value);
    if (!day) {
      return;
    }
    // Options are newest first: the first one dated on or before the
    // day of payment was in force that day.
    var found = "";
    for (var i = 0; i < pick.options.length; i++) {
      var v = pick.options[i].value;
      if (v && v <= day) {
        found = v;
        break;
      }
    }
    pick.value = found;
    apply();
  }
  pick.addEventListener("change", apply);
  if (paidOn) {
    paidOn.addEventListener("input", fromDate);
    paidOn.addEventListener("change", fromDate);
  }
})();

// What the client typed survives a reload of this tab, and only of this
// tab: the statement holds personal data (name, phone, account), so it is
// kept in sessionStorage, which the browser forgets when the tab closes,
// and never in localStorage. Nothing leaves the browser.
(function () {
  "use strict";
  var form = document.getElementById("statement");
  var store;
  try {
    store = window.sessionStorage;
  } catch (e) {
    return;
  }
  if (!form || !store) {
    return;
  }
  var key = "oferta-statement:" + location.pathname;
  var fields = form.querySelectorAll("input[id], textarea[id], select[id]");
  function save() {
    var data = {};
    Array.prototype.forEach.call(fields, function (f) {
      if (f.type === "radio" || f.type === "checkbox") {
        data[f.id] = f.checked;
      } else {
        data[f.id] = f.value;
      }
    });
    try {
      store.setItem(key, JSON.stringify(data));
    } catch (e) {
      // Storage full or refused: the form still works, it just forgets.
    }
  }
  var saved = null;
  try {
    saved = JSON.parse(store.getItem(key) || "null");
  } catch (e) {
    saved = null;
  }
  if (saved && typeof saved === "object") {
    // Restore, then tell the page's own scripts (amount in words, edition)
    // as if the client had typed it. The edition list first, so that a
    // restored date of payment or address is not overwritten by it.
    var ordered = Array.prototype.slice.call(fields).sort(function (a, b) {
      return (b.tagName === "SELECT") - (a.tagName === "SELECT");
    });
    ordered.forEach(function (f) {
      if (!Object.prototype.hasOwnProperty.call(saved, f.id)) {
        return;
      }
      if (f.type === "radio" || f.type === "checkbox") {
        f.checked = saved[f.id] === true;
        return;
      }
      if (typeof saved[f.id] !== "string" || f.value === saved[f.id]) {
        return;
      }
      f.value = saved[f.id];
      f.dispatchEvent(new Event(f.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
    });
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
})();
