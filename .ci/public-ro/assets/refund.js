// Refund statement page: copy the message for the client, print the form,
// and let textareas grow so that everything typed is printed. No network.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) {
        resolve();
      } else {
        reject(new Error("copy failed"));
      }
    });
  }

  var copyButtons = document.querySelectorAll("[data-copy]");
  Array.prototype.forEach.call(copyButtons, function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("copy-status");
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(source.textContent).then(function () {
        if (status) {
          status.classList.remove("is-error");
          status.textContent = button.getAttribute("data-copied");
        }
      }, function () {
        if (status) {
          status.classList.add("is-error");
          status.textContent = button.getAttribute("data-copy-failed");
        }
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      });
    });
  });

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
