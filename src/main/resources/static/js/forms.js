/*
 * QA Flow forms: small, dependency-free helpers for the forms/fields fragments. The page works
 * without this script (the server evaluates conditions and validates everything); with it:
 *  - lists with allowAddRemove get working "add" and "remove" buttons (a new row is a clone of the
 *    list's <template>, its index one more than the largest index in the list);
 *  - in a <form data-form-state-url="…">, every change POSTs the form (without files) to that URL and
 *    hides the elements whose data-path is in the JSON answer {"hidden": ["path", …]}.
 */
(function () {
  'use strict';

  var INDEX = /__INDEX__/g;
  var NUMBER = /__NUMBER__/g;

  function ownRows(list) {
    var box = list.querySelector('.form-list-rows');
    return box ? Array.prototype.filter.call(box.children, function (el) { return el.hasAttribute('data-row'); }) : [];
  }

  function addRow(button) {
    var list = button.closest('.form-list');
    if (!list) { return; }
    var template = null;
    Array.prototype.forEach.call(list.children, function (el) {
      if (el.tagName === 'TEMPLATE') { template = el; }
    });
    var box = list.querySelector('.form-list-rows');
    if (!template || !box) { return; }
    var next = 0;
    ownRows(list).forEach(function (row) {
      var i = parseInt(row.getAttribute('data-row'), 10);
      if (!isNaN(i) && i >= next) { next = i + 1; }
    });
    var holder = document.createElement('div');
    holder.innerHTML = template.innerHTML.replace(INDEX, String(next)).replace(NUMBER, String(next + 1));
    var row = holder.firstElementChild;
    if (!row) { return; }
    box.appendChild(row);
    reveal(row);
    var empty = list.querySelector('.form-list-empty');
    if (empty) { empty.hidden = true; }
    var first = row.querySelector('input:not([type=hidden]), select, textarea');
    if (first) { first.focus(); }
    refresh(button.closest('form'));
  }

  function removeRow(button) {
    var row = button.closest('.form-list-row');
    if (!row) { return; }
    var list = row.closest('.form-list');
    var form = row.closest('form');
    row.parentNode.removeChild(row);
    if (list && ownRows(list).length === 0) {
      var empty = list.querySelector('.form-list-empty');
      if (empty) { empty.hidden = false; }
    }
    var add = list && list.querySelector('[data-add-row]');
    if (add) { add.focus(); }
    refresh(form);
  }

  function reveal(root) {
    root.querySelectorAll('[data-add-row], [data-remove-row]').forEach(function (b) { b.hidden = false; });
  }

  var pending = new WeakMap();

  function refresh(form) {
    if (!form || !form.hasAttribute('data-form-state-url')) { return; }
    clearTimeout(pending.get(form));
    pending.set(form, setTimeout(function () { post(form); }, 150));
  }

  function post(form) {
    var body = new FormData();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') { body.append(name, value); } // files stay until the real submit
    });
    fetch(form.getAttribute('data-form-state-url'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (!state || !Array.isArray(state.hidden)) { return; }
      var hidden = new Set(state.hidden);
      form.querySelectorAll('[data-path]').forEach(function (el) {
        el.hidden = hidden.has(el.getAttribute('data-path'));
      });
    }).catch(function () { /* the server checks again on submit */ });
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var add = target.closest('[data-add-row]');
    if (add) { event.preventDefault(); addRow(add); return; }
    var remove = target.closest('[data-remove-row]');
    if (remove) { event.preventDefault(); removeRow(remove); return; }
    var link = target.closest('.error-summary a[href^="#"]');
    if (link && focusField(link.getAttribute('href').slice(1))) { event.preventDefault(); }
  });

  // An error summary link: focus the field and show its label (or legend) above it too.
  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) { return false; }
    var box = field.closest('.form-field') || field;
    box.scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
    if (window.history && history.replaceState) { history.replaceState(null, '', '#' + id); }
    return true;
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof Element && target.form) { refresh(target.form); }
  });

  function start() {
    reveal(document);
    // after a failed submit, start at the error summary (autofocus alone is not honoured everywhere)
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
      // its top in view, even when it is taller than a phone's screen and the browser would restore
      // the scroll position of the page the form was sent from
      if ('scrollRestoration' in history) { history.scrollRestoration = 'manual'; }
      if (document.activeElement !== summary) { summary.focus({ preventScroll: true }); }
      var top = summary.getBoundingClientRect().top + window.pageYOffset - 8;
      window.scrollTo(0, Math.max(0, top));
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
