// Enhancements for the wizard. Every page works without this file: it only
// hides what does not apply, adds rows without a round trip, and shows the
// deposit as an amount while the percentage is typed.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js-enabled');

  function radiosNamed(name) {
    return Array.prototype.slice.call(document.querySelectorAll('input[type="radio"]')).filter(function (input) {
      return input.name === name;
    });
  }

  function checkedValue(name) {
    var checked = radiosNamed(name).filter(function (input) { return input.checked; })[0];
    return checked ? checked.value : '';
  }

  // Radios that reveal fields: only the chosen option's fields are shown.
  function syncConditionals() {
    document.querySelectorAll('input[data-controls]').forEach(function (input) {
      var target = document.getElementById(input.getAttribute('data-controls'));
      if (!target) return;
      // aria-controls only: aria-expanded is not allowed on a radio (GOV.UK dropped it too).
      input.setAttribute('aria-controls', target.id);
      target.hidden = !input.checked;
    });
  }

  // Panels shown for one answer (the advice for a client who was trouble before).
  function syncPanels() {
    document.querySelectorAll('[data-reveal-name]').forEach(function (panel) {
      var name = panel.getAttribute('data-reveal-name');
      if (radiosNamed(name).length === 0) return; // the answer is not on this page
      panel.hidden = checkedValue(name) !== panel.getAttribute('data-reveal-value');
    });
  }

  // The deposit as an amount, from the fee saved on the fees step.
  // Written as the server writes money on this page: its figure in the page's language, with what
  // goes before and after it ("$6,000.00", "600,000円").
  var figures = document.querySelector('[data-base-minor]');
  var formatter = null;
  var digits = 2;
  if (figures) {
    digits = Number(figures.getAttribute('data-digits'));
    try {
      var number = new Intl.NumberFormat(document.documentElement.lang || 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      var before = figures.getAttribute('data-before') || '';
      var after = figures.getAttribute('data-after') || '';
      formatter = { format: function (value) { return before + number.format(value) + after; } };
    } catch (e) {
      formatter = null;
    }
  }
  function syncFigures() {
    if (!figures || !formatter) return;
    var base = Number(figures.getAttribute('data-base-minor'));
    var percentInput = document.getElementById('deposit-percent');
    var percent = checkedValue('wizard.depositChoice') === 'full' ? 100 : Number(String(percentInput ? percentInput.value : '').replace(/[\s,%]/g, ''));
    var deposit = document.getElementById('figure-deposit');
    var balance = document.getElementById('figure-balance');
    if (!deposit || !balance) return;
    if (!(percent >= 1 && percent <= 100)) {
      deposit.textContent = '–';
      balance.textContent = '–';
      return;
    }
    var depositMinor = Math.round((base * percent) / 100);
    var scale = Math.pow(10, digits);
    deposit.textContent = formatter.format(depositMinor / scale);
    balance.textContent = formatter.format((base - depositMinor) / scale);
  }

  function syncAll() {
    syncConditionals();
    syncPanels();
    syncFigures();
  }

  document.addEventListener('change', function (event) {
    if (event.target && event.target.type === 'radio') syncAll();
  });
  document.addEventListener('input', function (event) {
    if (event.target && event.target.id === 'deposit-percent') syncFigures();
  });

  // "Add another deliverable" adds a box here instead of saving the page.
  var MAX_ITEMS = 50;
  document.querySelectorAll('[data-add-item]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var list = document.querySelector('[data-list="' + button.getAttribute('data-add-item') + '"]');
      if (!list) return;
      var items = list.querySelectorAll('.list-item');
      if (items.length >= MAX_ITEMS) return;
      event.preventDefault();
      var last = items[items.length - 1];
      var copy = last.cloneNode(true);
      var index = items.length;
      var input = copy.querySelector('input');
      var label = copy.querySelector('label');
      var base = input.id.replace(/-\d+$/, '');
      copy.classList.remove('form-group-error');
      copy.querySelectorAll('.error-message').forEach(function (node) { node.parentNode.removeChild(node); });
      input.id = base + '-' + index;
      input.value = '';
      input.classList.remove('input-error');
      input.removeAttribute('aria-invalid');
      var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id && !/-error$/.test(id); });
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      else input.removeAttribute('aria-describedby');
      label.setAttribute('for', input.id);
      // The label's words come from the page's language: "Deliverable {number}", "成果物 {number}".
      label.textContent = (button.getAttribute('data-item-label') || 'Deliverable {number}').replace('{number}', String(index + 1));
      list.appendChild(copy);
      input.focus();
    });
  });

  // Error summary: take focus on arrival; its links focus the field, not just scroll.
  var summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();
  document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      event.preventDefault();
      var group = target.closest('.form-group') || target;
      group.scrollIntoView();
      target.focus({ preventScroll: true });
    });
  });

  document.querySelectorAll('[data-select-on-focus]').forEach(function (box) {
    box.addEventListener('focus', function () { box.select(); });
  });

  // Copy buttons: shown only where the browser can copy; the boxes work without them.
  var copyStatus = document.getElementById('copy-status');
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      navigator.clipboard.writeText(source.value).then(function () {
        // A page in another language gives its own words in data-copied / data-copy-blocked.
        if (copyStatus) copyStatus.textContent = button.getAttribute('data-copied') || button.textContent.replace(/^Copy the /, 'Copied the ') + '.';
      }, function () {
        source.focus();
        source.select();
        if (copyStatus) copyStatus.textContent = button.getAttribute('data-copy-blocked') || 'Copying is blocked here: the text is selected, copy it with your keyboard.';
      });
    });
  });

  syncAll();
})();
