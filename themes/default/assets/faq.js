// Refund calculator on the FAQ page.
//
// Wires the form #oferta-calc to window.OfertaCalc (assets/calc.js), which
// evaluates the course's refund model exactly as `oferta calc` does. No
// network, no framework. Without JavaScript the section stays hidden and the
// refund table above it still answers the question.
(function () {
  "use strict";

  var form = document.getElementById("oferta-calc");
  var modelEl = document.getElementById("oferta-calc-model");
  var output = document.getElementById("oferta-calc-result");
  var calc = window.OfertaCalc;
  if (!form || !modelEl || !output || !calc) {
    return;
  }

  var model;
  try {
    model = JSON.parse(modelEl.textContent);
  } catch (e) {
    return;
  }

  var lang = document.documentElement.lang || "en";
  var total = parseInt(form.getAttribute("data-total"), 10);
  var price = form.getAttribute("data-price") || "";
  // Decimals the currency allows, taken from the plain price ("80000.00").
  var minorDigits = price.indexOf(".") >= 0 ? price.length - price.indexOf(".") - 1 : 0;

  var inputs = {
    used: document.getElementById("calc-used"),
    paid: document.getElementById("calc-paid"),
    day: document.getElementById("calc-day") // absent without a guarantee period
  };
  var guaranteeNote = document.getElementById("calc-guarantee");
  var calcError = document.getElementById("calc-error");

  function errorElement(input) {
    return document.getElementById(input.id + "-error");
  }

  function showError(input, message) {
    var el = errorElement(input);
    if (message) {
      input.setAttribute("aria-invalid", "true");
      if (el) {
        el.textContent = message;
        el.hidden = false;
      }
    } else {
      input.removeAttribute("aria-invalid");
      if (el) {
        el.textContent = "";
        el.hidden = true;
      }
    }
  }

  function trimSpaces(s) {
    return s.replace(/[\s\u00a0\u202f]/g, "");
  }

  // parseUsed returns the whole number of units used, or null.
  function parseUsed(raw) {
    var s = trimSpaces(raw);
    if (!/^\d+$/.test(s)) {
      return null;
    }
    var n = parseInt(s, 10);
    return n >= 0 && n <= total ? n : null;
  }

  // parseAmount turns what a person types ("80 000,50", "80,000.50",
  // "80000") into a plain decimal string ("80000.50") without ever going
  // through a binary float; null when it is not a positive amount.
  function parseAmount(raw) {
    // A pasted "RUB 80,000.00" or "80 000 ₽" is fine too.
    var s = trimSpaces(raw).replace(/^[A-Za-z]{3}|[A-Za-z]{3}$|[\u20bd\u20ac$\u00a3]/g, "");
    if (s === "") {
      return null;
    }
    var lastDot = s.lastIndexOf(".");
    var lastComma = s.lastIndexOf(",");
    if (lastDot >= 0 && lastComma >= 0) {
      // Both separators: the last one is the decimal mark.
      var decimal = lastDot > lastComma ? "." : ",";
      var group = decimal === "." ? "," : ".";
      s = s.split(group).join("").replace(decimal, ".");
    } else {
      // One kind of separator: "80,000" or "80.000" followed by groups of
      // three digits is a thousands separator when the currency has fewer
      // than three decimals; otherwise it is the decimal mark ("80000,50").
      var sep = lastComma >= 0 ? "," : lastDot >= 0 ? "." : "";
      var grouped = sep === "," ? /^\d{1,3}(,\d{3})+$/ : /^\d{1,3}(\.\d{3})+$/;
      if (sep && minorDigits < 3 && grouped.test(s)) {
        s = s.split(sep).join("");
      } else if (sep === ",") {
        s = s.replace(",", ".");
      }
    }
    var m = /^(\d+)(?:\.(\d*))?$/.exec(s);
    if (!m) {
      return null;
    }
    var whole = m[1].replace(/^0+(?=\d)/, "");
    var frac = (m[2] || "").replace(/0+$/, "");
    if (frac.length > minorDigits) {
      return null;
    }
    if (/^0*$/.test(whole) && /^0*$/.test(frac)) {
      return null;
    }
    while (frac.length < minorDigits) {
      frac += "0";
    }
    return minorDigits > 0 ? whole + "." + frac : whole;
  }

  // parseDay returns the days since the start, undefined when left empty,
  // or null when it is not a whole number.
  function parseDay(raw) {
    var s = trimSpaces(raw);
    if (s === "") {
      return undefined;
    }
    return /^\d+$/.test(s) ? parseInt(s, 10) : null;
  }

  // minorUnits turns a plain decimal ("80000.50") into a whole number of
  // minor units for an exact comparison.
  function minorUnits(plain) {
    var parts = plain.split(".");
    var frac = (parts[1] || "").slice(0, minorDigits);
    while (frac.length < minorDigits) {
      frac += "0";
    }
    return BigInt(parts[0] + frac);
  }

  // The refund in words, as `oferta calc` writes it (words.js, the same
  // tables as the Go side).
  var wordsLine = document.getElementById("calc-result-words");
  var wordsText = document.getElementById("calc-result-words-text");
  function showWords(plain) {
    if (!wordsLine || !wordsText) {
      return;
    }
    var text = "";
    if (plain && window.OfertaWords) {
      try {
        text = window.OfertaWords.amount(plain, lang, model.currency, model.digits);
      } catch (e) {
        text = "";
      }
    }
    wordsText.textContent = text;
    wordsLine.hidden = text === "";
  }

  // The breakdown, line by line, in the words `oferta calc` prints
  // (labels from the page, written by the same Go code), each amount
  // signed as the command signs it.
  var labels = null;
  var labelsEl = document.getElementById("oferta-calc-labels");
  if (labelsEl) {
    try {
      labels = JSON.parse(labelsEl.textContent);
    } catch (e) {
      labels = null;
    }
  }
  var stepsBox = document.getElementById("calc-steps");
  var stepsBody = document.getElementById("calc-steps-body");

  function stepLabel(step, used, nth) {
    var l = labels[step.kind];
    if (step.kind === "delivered") {
      return l && l[used];
    }
    if (step.kind === "deduction") {
      return l && l[nth];
    }
    return l;
  }

  function showSteps(steps, used) {
    if (!stepsBox || !stepsBody) {
      return;
    }
    while (stepsBody.firstChild) {
      stepsBody.removeChild(stepsBody.firstChild);
    }
    if (!steps || !labels) {
      stepsBox.hidden = true;
      return;
    }
    var nth = 0;
    for (var i = 0; i < steps.length; i++) {
      var step = steps[i];
      var label = stepLabel(step, used, nth);
      if (step.kind === "deduction") {
        nth++;
      }
      if (typeof label !== "string") {
        // A page older than its script: no words, no breakdown.
        stepsBox.hidden = true;
        return;
      }
      var amount = step.amount;
      var total = step.kind === "paid" || step.kind === "result" || step.kind === "formula";
      var text;
      if (!total && amount.charAt(0) === "-") {
        text = "\u2212" + calc.format(amount.slice(1), lang, model.currency);
      } else if (!total && /[1-9]/.test(amount)) {
        text = "+" + calc.format(amount, lang, model.currency);
      } else {
        text = calc.format(amount, lang, model.currency);
      }
      var tr = document.createElement("tr");
      tr.setAttribute("data-kind", step.kind);
      if (step.kind === "result") {
        tr.className = "is-total";
      }
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = label;
      var td = document.createElement("td");
      td.className = "num-col";
      td.setAttribute("data-amount", amount);
      td.textContent = text;
      tr.appendChild(th);
      tr.appendChild(td);
      stepsBody.appendChild(tr);
    }
    stepsBox.hidden = false;
  }

  function clearResult() {
    output.setAttribute("data-amount", "");
    output.textContent = "—";
    showWords("");
    showSteps(null);
    if (guaranteeNote) {
      guaranteeNote.hidden = true;
    }
  }

  function markRow(used) {
    var rows = document.querySelectorAll("#refund-table tr[data-used]");
    for (var i = 0; i < rows.length; i++) {
      var current = used !== null && rows[i].getAttribute("data-used") === String(used);
      rows[i].classList.toggle("is-current", current);
    }
  }

  function update() {
    var ok = true;

    var used = parseUsed(inputs.used.value);
    showError(inputs.used, used === null ? form.getAttribute("data-error-used") : "");
    ok = ok && used !== null;
    markRow(used);

    var paid = parseAmount(inputs.paid.value);
    var paidError = "";
    if (paid === null) {
      paidError = form.getAttribute("data-error-paid");
    } else if (price && minorUnits(paid) > minorUnits(price)) {
      paidError = form.getAttribute("data-error-paid-max");
    }
    showError(inputs.paid, paidError);
    ok = ok && paidError === "";

    var day;
    if (inputs.day) {
      day = parseDay(inputs.day.value);
      showError(inputs.day, day === null ? form.getAttribute("data-error-day") : "");
      ok = ok && day !== null;
    }

    calcError.hidden = true;
    if (!ok) {
      clearResult();
      return;
    }

    var request = { used: used, paid: paid };
    if (day !== undefined) {
      request.day = day;
    }
    try {
      var result = calc.refund(model, request);
      output.setAttribute("data-amount", result.amount);
      output.textContent = calc.format(result.amount, lang, model.currency);
      showWords(result.amount);
      showSteps(result.steps, used);
      if (guaranteeNote) {
        guaranteeNote.hidden = !result.guarantee;
      }
    } catch (e) {
      clearResult();
      calcError.textContent = form.getAttribute("data-error-calc");
      calcError.hidden = false;
    }
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });

  document.getElementById("calculator").hidden = false;
  var pointers = document.querySelectorAll("[data-calc-pointer]");
  for (var i = 0; i < pointers.length; i++) {
    pointers[i].hidden = false;
  }
  update();
})();
