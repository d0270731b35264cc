// The withdrawal function (art. 11a of Directive 2011/83/EU). The page
// works without this script: the link opens the form by its anchor, and
// the form POSTs to the seller's form service or hands its fields to the
// e-mail program. With the script, the withdrawal's text is also shown
// with the date and time, to print or save, and the e-mail is composed
// with a readable subject and body. Nothing is sent anywhere but to the
// form's own action; nothing is stored.
(function () {
  'use strict';
  var form = document.getElementById('withdraw');
  if (!form) {
    return;
  }
  var step = document.getElementById('withdraw-form');
  var start = document.getElementById('withdraw-start');
  var receipt = document.getElementById('withdraw-receipt');
  var text = document.getElementById('withdraw-text');
  var print = document.getElementById('withdraw-print');
  var lang = document.documentElement.lang || 'en';

  start.addEventListener('click', function (e) {
    e.preventDefault();
    step.classList.add('is-open');
    form.elements.name.focus();
  });

  function label(input) {
    if (input.dataset.textLabel) {
      return input.dataset.textLabel;
    }
    var l = form.querySelector('label[for="' + input.id + '"]');
    return l ? l.textContent.trim() : input.name;
  }

  function when(now) {
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'long' }).format(now);
    } catch (err) {
      return now.toString();
    }
  }

  // compose returns the withdrawal's text: the addressee, the notice and
  // every field the consumer filled in, with the date and time.
  function compose(now) {
    var lines = [form.dataset.to, ''];
    lines.push(form.elements.withdrawal.value);
    ['course', 'order', 'name', 'email'].forEach(function (n) {
      var input = form.elements[n];
      lines.push(label(input) + ': ' + input.value.trim());
    });
    lines.push(form.dataset.sentLabel + ': ' + when(now));
    return lines.join('\n');
  }

  form.addEventListener('submit', function (e) {
    var now = new Date();
    form.elements.sent_at.value = now.toISOString();
    var body = compose(now);
    text.textContent = body;
    if (form.dataset.mode === 'mailto') {
      e.preventDefault();
      var href = 'mailto:' + form.dataset.email +
        '?subject=' + encodeURIComponent(form.dataset.subject) +
        '&body=' + encodeURIComponent(body);
      document.getElementById('withdraw-mailto').href = href;
      show();
      // Hand the e-mail to the mail program, as the link would.
      window.setTimeout(function () { window.location.href = href; }, 0);
      return;
    }
    // The form service answers in the hidden frame, so that this page
    // stays with the withdrawal's text.
    form.target = 'withdraw-sink';
    show();
  });

  function show() {
    step.classList.remove('is-open');
    step.hidden = true;
    start.parentNode.hidden = true;
    receipt.hidden = false;
    document.body.classList.add('withdraw-page-sent');
    receipt.focus();
  }

  print.addEventListener('click', function () {
    window.print();
  });
})();
