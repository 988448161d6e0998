/* Waymark — progressive enhancement only. Every page works without this
   file; it is loaded with `defer`, so the DOM is parsed when it runs.
   (a) sortable tables: <table data-sortable>
   (b) focus the error summary: [data-module="error-summary"]
   (c) copy buttons: [data-copy-target]
   (d) the navigation folds behind a Menu button on narrow screens
   No inline scripts or style attributes are used (the CSP forbids them). */
(function () {
  'use strict';

  // One polite live region, shared by the enhancements that announce things.
  var liveRegion = null;
  function announce(message) {
    if (!liveRegion) {
      liveRegion = document.createElement('div');
      liveRegion.className = 'wm-visually-hidden';
      liveRegion.setAttribute('role', 'status');
      liveRegion.setAttribute('aria-live', 'polite');
      document.body.appendChild(liveRegion);
    }
    liveRegion.textContent = '';
    // A fresh text node after a tick makes screen readers repeat the message.
    window.setTimeout(function () { liveRegion.textContent = message; }, 50);
  }

  /* (a) Sortable tables ---------------------------------------------------
     Each <th> in the head row gets a <button>. A cell may carry
     data-sort-value (e.g. pence, ISO dates) to sort by instead of its text.
     A <th data-sort="none"> stays a plain header. The server may mark the
     column it sorted by with aria-sort="ascending" | "descending". */
  var NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

  function sortKey(cell) {
    if (!cell) return '';
    var raw = cell.getAttribute('data-sort-value');
    if (raw === null) raw = cell.textContent;
    return raw.trim();
  }

  function asNumber(text) {
    // "£91,260.00", "1,204", "45%" sort as numbers.
    var stripped = text.replace(/[£$€,%\s]/g, '');
    return NUMBER.test(stripped) ? parseFloat(stripped) : null;
  }

  function compare(a, b) {
    if (a === b) return 0;
    var na = asNumber(a);
    var nb = asNumber(b);
    if (na !== null && nb !== null) return na - nb;
    return a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });
  }

  function sortTable(table, headers, header, direction) {
    var index = header.cellIndex;
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, position) {
      return { row: row, key: sortKey(row.cells[index]), position: position };
    });
    keyed.sort(function (x, y) {
      var blankX = x.key === '';
      var blankY = y.key === '';
      if (blankX !== blankY) return blankX ? 1 : -1; // blanks last either way
      var order = compare(x.key, y.key);
      if (direction === 'descending') order = -order;
      return order || x.position - y.position; // stable
    });
    keyed.forEach(function (item) { body.appendChild(item.row); });

    headers.forEach(function (th) { th.setAttribute('aria-sort', 'none'); });
    header.setAttribute('aria-sort', direction);
    announce('Sorted by ' + header.textContent.trim() + ', ' + direction);
  }

  function initSortableTable(table) {
    var head = table.tHead;
    if (!head || !head.rows.length) return;
    var headers = Array.prototype.filter.call(head.rows[head.rows.length - 1].cells, function (th) {
      return th.tagName === 'TH' && th.getAttribute('data-sort') !== 'none';
    });
    headers.forEach(function (th) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'wm-table__sort-button';
      var label = document.createElement('span');
      label.className = 'wm-table__sort-label';
      while (th.firstChild) label.appendChild(th.firstChild);
      // Drop the markup's surrounding whitespace: a space next to the icon
      // would let it wrap onto a line of its own.
      if (label.firstChild && label.firstChild.nodeType === 3) {
        label.firstChild.nodeValue = label.firstChild.nodeValue.replace(/^\s+/, '');
      }
      if (label.lastChild && label.lastChild.nodeType === 3) {
        label.lastChild.nodeValue = label.lastChild.nodeValue.replace(/\s+$/, '');
      }
      // The icon holds a no-break space, which glues it to the label. In
      // right-aligned (numeric) columns it goes first, so the label stays
      // flush with the numbers below it.
      var icon = document.createElement('span');
      icon.className = 'wm-table__sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = '\u00a0';
      var numeric = th.classList.contains('wm-table__header--numeric');
      button.appendChild(numeric ? icon : label);
      button.appendChild(numeric ? label : icon);
      th.appendChild(button);
      if (!th.hasAttribute('aria-sort')) th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var next = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortTable(table, headers, th, next);
      });
    });
  }

  /* (b) Error summary -----------------------------------------------------
     Focus it on load so screen readers announce it; its links move focus to
     the field (the browser alone would only scroll to it). */
  function initErrorSummary(summary) {
    summary.setAttribute('tabindex', '-1');
    summary.addEventListener('blur', function () {
      summary.removeAttribute('tabindex');
    });
    summary.focus();

    summary.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var field = document.getElementById(id);
      if (!field) return;
      event.preventDefault();
      // Keep the field's label or legend in view above it.
      var fieldset = field.closest('fieldset');
      var legend = fieldset && fieldset.querySelector('legend');
      var label = document.querySelector('label[for="' + id.replace(/"/g, '\\"') + '"]');
      (legend || label || field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  /* (c) Copy buttons ------------------------------------------------------
     <code id="token" data-copy-target="API token">…</code> gets a
     "Copy API token" button after it (the attribute value names the thing,
     and may be empty). Inputs and textareas copy their value. */
  function textOf(el) {
    return (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') ? el.value : el.textContent.trim();
  }

  function selectContents(el) {
    if (typeof el.select === 'function') { el.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function initCopy(target) {
    var name = (target.getAttribute('data-copy-target') || '').trim();
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'wm-button wm-button--secondary wm-button--small wm-copy__button';
    button.textContent = 'Copy';
    if (name) {
      var hidden = document.createElement('span');
      hidden.className = 'wm-visually-hidden';
      hidden.textContent = ' ' + name;
      button.appendChild(hidden);
    }
    target.insertAdjacentElement('afterend', button);

    button.addEventListener('click', function () {
      var text = textOf(target);
      var done = function () {
        announce('Copied' + (name ? ' ' + name : '') + ' to the clipboard');
        button.firstChild.nodeValue = 'Copied';
        window.setTimeout(function () { button.firstChild.nodeValue = 'Copy'; }, 3000);
      };
      var fallback = function () {
        selectContents(target);
        announce('Selected. Press Control and C, or Command and C, to copy.');
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  }

  /* (d) Navigation on narrow screens ---------------------------------------
     The list is always there without JavaScript. With it, below the tablet
     breakpoint the list folds behind the Menu button, which says whether it
     is open (aria-expanded); wider, the button hides and the list shows. */
  function initServiceNavigation(nav) {
    var button = nav.querySelector('.wm-service-navigation__toggle');
    var list = nav.querySelector('.wm-service-navigation__list');
    if (!button || !list || !window.matchMedia) return;
    var narrow = window.matchMedia('(max-width: 40.0525em)');
    nav.classList.add('wm-service-navigation--enhanced');
    function layout() {
      if (narrow.matches) {
        button.hidden = false;
        list.hidden = button.getAttribute('aria-expanded') !== 'true';
      } else {
        button.hidden = true;
        list.hidden = false;
      }
    }
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') === 'true';
      button.setAttribute('aria-expanded', open ? 'false' : 'true');
      list.hidden = open;
    });
    if (narrow.addEventListener) narrow.addEventListener('change', layout);
    layout();
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  each('table[data-sortable]', initSortableTable);
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary) initErrorSummary(summary);
  each('[data-copy-target]', initCopy);
  each('[data-module="service-navigation"]', initServiceNavigation);
})();
